import {
  addDaysIso,
  computeServiceIndex,
  type LocalizedText,
  localDateOf,
  SERVICE_INDEX_766,
  type ServiceIndex766Inputs,
  type ServiceIndexResult,
  type WorkCalendar,
} from '@chiso/scoring';
import type { Context } from '../../context.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import { calendarForUnit } from '../calendars/calendars.service.js';
import {
  agenciesInScope,
  endOfVietnamDay,
  type ReportScope,
  reportAsOf,
  startOfVietnamDay,
  timelinessCounts,
} from '../dossiers/timeliness.service.js';
import {
  countDossierSurveyAnswers,
  countDossiers,
  countFeedback,
  countProcedures,
  listProcedureAnnouncements,
  unitsInSubtree,
} from './service-index.repo.js';

export type ServiceIndexPeriodKind = 'week' | 'month' | 'quarter' | 'year';

/**
 * Indicators resting on citizens' ratings (5.2 feedback handling, 5.3 dossier handling) are withheld below this
 * many ratings (5.2) or respondents (5.3): with fewer, a published satisfied count could tell how one person
 * rated. A withheld indicator is scored as not applicable (its group rescaled), for every viewer alike, so the
 * public and the officers see one computation.
 */
export const MIN_RATINGS = 5;

/**
 * [M] Working days allowed to make an announced procedure public (công khai) on the procedure database or portal,
 * counted from the day after its announcing decision (quyết định công bố) is signed. Believed from the rules on
 * publishing procedures, not re-checked: change the number here, the computation follows.
 */
export const PUBLICATION_DEADLINE_WORKING_DAYS = 5;

/** The last day to make public a procedure announced on `announcedOn`, on a working calendar. */
export function publicationDeadline(
  calendar: WorkCalendar,
  announcedOn: string,
  workingDays: number = PUBLICATION_DEADLINE_WORKING_DAYS,
): string {
  let day = announcedOn;
  for (let i = 0; i < workingDays; i++) day = calendar.nextWorkingDay(addDaysIso(day, 1));
  return day;
}

/**
 * Inputs of indicator 1.1 from the catalog: a procedure is due for publication in [from, to] when its deadline
 * ({@link publicationDeadline}) falls in it and, as of `asOfDay`, it has been made public or its deadline has
 * passed; it is published on time when made public no later than its deadline. A publication day after
 * `asOfDay` is not known yet at `asOfDay`.
 */
export function countPublication(
  procedures: readonly { announcedOn: string; publishedOn: string | null }[],
  calendar: WorkCalendar,
  period: { from: string; to: string; asOfDay: string },
): { due: number; onTime: number } {
  let due = 0;
  let onTime = 0;
  for (const procedure of procedures) {
    const deadline = publicationDeadline(calendar, procedure.announcedOn);
    if (deadline < period.from || deadline > period.to) continue;
    const published =
      procedure.publishedOn !== null && procedure.publishedOn <= period.asOfDay
        ? procedure.publishedOn
        : null;
    if (published === null && deadline >= period.asOfDay) continue;
    due++;
    if (published !== null && published <= deadline) onTime++;
  }
  return { due, onTime };
}

/** Why an indicator has no ratio, or why its counts are not published. */
export interface IndicatorNote {
  reason: LocalizedText;
  /** The counts exist but are not published (too few ratings). */
  withheld: boolean;
}

export interface ServiceIndexReport {
  scope: ReportScope;
  period: ServiceIndexPeriodKind;
  from: string;
  to: string;
  asOf: Date;
  /** The inputs given to `computeServiceIndex` (withheld ones as 0). */
  inputs: ServiceIndex766Inputs;
  result: ServiceIndexResult;
  /** By indicator code: the reason it is not applicable, or that its counts are withheld. */
  notes: Record<string, IndicatorNote>;
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/**
 * The period of a kind containing a date (Vietnam calendar dates, inclusive): the ISO week (Monday to Sunday),
 * the month, the quarter or the year.
 */
export function periodContaining(kind: ServiceIndexPeriodKind, date: string): { from: string; to: string } {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  if (kind === 'week') {
    const day = new Date(Date.UTC(y, m - 1, d));
    const monday = new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000);
    return { from: isoDate(monday), to: isoDate(new Date(monday.getTime() + 6 * 86_400_000)) };
  }
  if (kind === 'month') {
    return { from: `${y}-${pad(m)}-01`, to: isoDate(new Date(Date.UTC(y, m, 0))) };
  }
  if (kind === 'quarter') {
    const first = Math.floor((m - 1) / 3) * 3 + 1;
    return { from: `${y}-${pad(first)}-01`, to: isoDate(new Date(Date.UTC(y, first + 2, 0))) };
  }
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

const text = (vi: string, en: string): LocalizedText => ({ vi, en });

/**
 * How each indicator is computed from this platform's data, published beside the definition of the decision
 * (`SERVICE_INDEX_766`). Every dossier count is over the dossiers received in the period by the scope's
 * agencies, as of the end of the period (the cohort of `timelinessReport`).
 */
export const COMPUTED_AS: Record<string, LocalizedText> = {
  '1.1': text(
    `Thủ tục (do các cơ quan thực hiện) có hạn công khai trong kỳ — ${PUBLICATION_DEADLINE_WORKING_DAYS} ngày làm việc sau ngày ký quyết định công bố, theo lịch làm việc của đơn vị hoặc cơ quan — được công khai không muộn hơn hạn / các thủ tục đó (đã công khai hoặc đã quá hạn).`,
    `Procedures (carried out by the agencies) whose deadline to be made public — ${PUBLICATION_DEADLINE_WORKING_DAYS} working days after the announcing decision is signed, on the unit's or agency's working calendar — falls in the period, made public by that deadline / those procedures (made public, or past the deadline).`,
  ),
  '1.2': text(
    'Hồ sơ có cờ đã đồng bộ lên Cổng DVC quốc gia / hồ sơ tiếp nhận trong kỳ.',
    'Dossiers flagged as synchronised to the national portal / dossiers received in the period.',
  ),
  '1.3': text(
    'Hồ sơ có mã biên nhận, mã PIN tra cứu và lịch sử trạng thái được ghi (người nộp xem được tiến độ) / hồ sơ tiếp nhận.',
    'Dossiers with a receipt code, a tracking PIN and a recorded status history (the applicant can follow them) / dossiers received.',
  ),
  '2.1': text(
    'Như báo cáo đúng hạn: hồ sơ có kết quả trước hoặc đúng hạn / hồ sơ đã có kết quả (trạng thái 9, 10).',
    'As in the timeliness report: dossiers with a result early or on time / dossiers with a result (status 9, 10).',
  ),
  '2.2': text(
    'Tổng giờ làm việc thực tế (trừ thời gian tạm dừng, theo lịch làm việc của cơ quan) / tổng giờ được giao khi tiếp nhận, của các hồ sơ đã có kết quả.',
    'Total actual working hours (pauses excluded, on the agency’s calendar) / total hours granted at receipt, over dossiers with a result.',
  ),
  '3.1': text(
    'Hồ sơ có cờ đã số hoá / hồ sơ tiếp nhận.',
    'Dossiers flagged as digitised / dossiers received.',
  ),
  '3.2': text(
    'Hồ sơ có kết quả điện tử / hồ sơ đã có kết quả.',
    'Dossiers with an electronic result / dossiers with a result.',
  ),
  '3.3': text(
    'Hồ sơ đã số hoá mà thủ tục (hoặc trường hợp) có giấy tờ được đánh dấu tái sử dụng từ kho dữ liệu / hồ sơ tiếp nhận. Ước lượng theo danh mục: hệ thống chưa ghi giấy tờ nào thực sự được lấy từ kho.',
    'Digitised dossiers whose procedure (or case) lists a document marked reusable from the document store / dossiers received. A catalog-based estimate: which documents were actually drawn from the store is not recorded.',
  ),
  '4.1': text(
    'Thủ tục có hiệu lực trong kỳ do các cơ quan thực hiện, mức trực tuyến toàn trình hoặc một phần / các thủ tục đó (mọi thủ tục có hiệu lực được coi là đủ điều kiện).',
    'Procedures in effect in the period that the agencies carry out, offered online fully or partly / those procedures (every procedure in effect counts as eligible).',
  ),
  '4.2': text(
    'Hồ sơ nộp qua kênh trực tuyến / hồ sơ tiếp nhận.',
    'Dossiers submitted online / dossiers received.',
  ),
  '4.3': text(
    'Hồ sơ phải nộp phí (thủ tục hoặc trường hợp có khoản phí lớn hơn 0) đã thanh toán trực tuyến / hồ sơ phải nộp phí.',
    'Dossiers with a fee (a fee above zero on the procedure or case) paid online / dossiers with a fee.',
  ),
  '5.1': text(
    'Phản ánh có hạn xử lý trong kỳ (đã trả lời hoặc đã đến hạn), được trả lời hoặc từ chối có lý do không muộn hơn hạn / các phản ánh đó.',
    'Feedback due in the period (answered, or past its due time), answered or refused with a reason by its due time / that feedback.',
  ),
  '5.2': text(
    `Lượt đánh giá 4–5 trên 5 của người dân về việc xử lý phản ánh / lượt đánh giá trong kỳ; không công bố khi dưới ${MIN_RATINGS} lượt.`,
    `Citizens' ratings of 4–5 of 5 of feedback handling / ratings given in the period; withheld below ${MIN_RATINGS} ratings.`,
  ),
  '5.3': text(
    `Câu trả lời đạt mức hài lòng của bộ câu hỏi / mọi câu trả lời, trong các cuộc khảo sát sau hồ sơ (tổng hợp theo tháng); không công bố khi dưới ${MIN_RATINGS} người trả lời.`,
    `Answers at or above the instrument's satisfied level / all answers, in after-dossier surveys (monthly rollups); withheld below ${MIN_RATINGS} respondents.`,
  ),
};

const NO_DOSSIER = text('Không có hồ sơ tiếp nhận trong kỳ.', 'No dossier was received in the period.');

/** Reasons for indicators whose denominator is 0, by indicator code. */
const EMPTY_REASONS: Record<string, LocalizedText> = {
  '1.1': text(
    'Không có thủ tục nào đến hạn công khai trong kỳ (theo ngày ký quyết định công bố ghi trong danh mục).',
    'No procedure was due to be made public in the period (by the announcing decision days in the catalog).',
  ),
  '1.2': NO_DOSSIER,
  '1.3': NO_DOSSIER,
  '2.1': text(
    'Chưa có hồ sơ nhận trong kỳ được giải quyết xong.',
    'No dossier received in the period has been finished.',
  ),
  '2.2': text(
    'Chưa có hồ sơ nhận trong kỳ được giải quyết xong (có thời hạn).',
    'No dossier received in the period has been finished with a due time.',
  ),
  '3.1': NO_DOSSIER,
  '3.2': text('Chưa có kết quả nào được cấp.', 'No result has been issued.'),
  '3.3': NO_DOSSIER,
  '4.1': text(
    'Cơ quan không thực hiện thủ tục nào có hiệu lực trong kỳ.',
    'No procedure in effect in the period is carried out here.',
  ),
  '4.2': NO_DOSSIER,
  '4.3': text('Không có hồ sơ phải nộp phí, lệ phí.', 'No dossier had a fee to pay.'),
  '5.1': text(
    'Không có phản ánh, kiến nghị đến hạn xử lý trong kỳ.',
    'No feedback fell due for handling in the period.',
  ),
  '5.2': text(
    'Không có lượt đánh giá việc xử lý phản ánh, kiến nghị trong kỳ.',
    'No rating of feedback handling in the period.',
  ),
  '5.3': text(
    'Không có câu trả lời khảo sát sau hồ sơ trong kỳ.',
    'No answer to an after-dossier survey in the period.',
  ),
};

const WEEK_SURVEYS = text(
  'Kết quả khảo sát được tổng hợp theo tháng; không tách được theo tuần.',
  'Survey results are rolled up by month; a week cannot be cut from them.',
);

function withheldNote(count: number, what: 'ratings' | 'respondents'): IndicatorNote {
  return {
    withheld: true,
    reason:
      what === 'ratings'
        ? text(
            `Chỉ có ${count} lượt đánh giá (dưới ${MIN_RATINGS}): không công bố để bảo vệ người đánh giá.`,
            `Only ${count} ratings (fewer than ${MIN_RATINGS}): withheld to protect who gave them.`,
          )
        : text(
            `Chỉ có ${count} người trả lời (dưới ${MIN_RATINGS}): không công bố để bảo vệ người trả lời.`,
            `Only ${count} respondents (fewer than ${MIN_RATINGS}): withheld to protect who answered.`,
          ),
  };
}

/**
 * Who may read the index of a scope: anyone for a unit (the index is published); for an agency, viewers who
 * read reports there.
 */
async function assertReadable(context: Context, scope: ReportScope): Promise<void> {
  if ('unitId' in scope) {
    const unit = await context.loaders.units.unitById.load(scope.unitId);
    if (!unit) throw new NotFoundError('Không tìm thấy đơn vị hành chính.', 'No such administrative unit.');
    return;
  }
  const agency = await context.loaders.agencies.agencyById.load(scope.agencyId);
  if (!agency) throw new NotFoundError('Không tìm thấy cơ quan.', 'No such agency.');
  const allowed =
    context.access.grantsApplyTo('read:reports') &&
    (await context.access.canAtAgency(scope.agencyId, 'read_reports'));
  if (!allowed) throw new ForbiddenError();
}

/**
 * The Decision 766 service index of a unit (every agency of its subtree) or an agency (and those under it) for
 * the week, month, quarter or year containing `date`, as of the end of that period (or now, if earlier).
 *
 * Inputs, each aggregated in SQL over the scope and period:
 * - dossiers received in the period (`countDossiers`): synced, progress public, digitised, results and
 *   electronic results, reuse, online, payable and paid online;
 * - processing progress (group 2) from `timelinessCounts`, the computation of `timelinessReport`: finished
 *   dossiers early or on time, actual against allowed working hours;
 * - the catalog: procedures in effect that the scope carries out, and those offered online; for 1.1, the days
 *   their announcing decisions were signed and they were made public (`countPublication`, on the working
 *   calendar of the unit or agency);
 * - feedback: due and handled on time, citizens' ratings of the handling;
 * - answers to AFTER_DOSSIER surveys from their monthly rollups.
 * An input the data cannot give, or a rating count below {@link MIN_RATINGS}, is passed as 0/0, so the
 * indicator is not applicable and its group is rescaled; `notes` says why.
 */
export async function serviceIndex(
  context: Context,
  scope: ReportScope,
  period: ServiceIndexPeriodKind,
  date: string,
): Promise<ServiceIndexReport> {
  await assertReadable(context, scope);
  const { from, to } = periodContaining(period, date);
  const start = startOfVietnamDay(from);
  const end = endOfVietnamDay(to);
  const asOf = reportAsOf(context.now(), to);
  if (asOf.getTime() < start.getTime()) {
    throw new ValidationError([
      {
        path: ['date'],
        message: 'Kỳ đánh giá chưa bắt đầu.',
        messageEn: 'The period has not started yet.',
      },
    ]);
  }
  const agencies = agenciesInScope(scope);
  const units = 'unitId' in scope ? unitsInSubtree(scope.unitId) : null;
  const window = { start, end, asOf };
  const [dossiers, timeliness, procedures, announcements, calendar, feedback, survey] = await Promise.all([
    countDossiers(context.db, agencies, window),
    timelinessCounts(context, scope, { from, to }, 'month'),
    countProcedures(context.db, agencies, { from, to }),
    // Deadlines are at most a few weeks after the decision (Tết included): 60 days back sees every one in the period.
    listProcedureAnnouncements(context.db, agencies, { fromAnnounced: addDaysIso(from, -60), to }),
    'unitId' in scope
      ? calendarForUnit(context.db, scope.unitId)
      : context.loaders.calendars.forAgency.load(scope.agencyId),
    countFeedback(context.db, agencies, units, window),
    period === 'week'
      ? null
      : countDossierSurveyAnswers(context.db, units ? { units } : { agencies }, {
          fromMonth: `${from.slice(0, 7)}-01`,
          toMonth: `${to.slice(0, 7)}-01`,
        }),
  ]);

  const notes: Record<string, IndicatorNote> = {};
  const publication = countPublication(announcements, calendar, { from, to, asOfDay: localDateOf(asOf) });
  const progress = timeliness.total.processingProgress.indicators;
  const onTime = progress.find((i) => i.code === '2.1')!;
  const hours = progress.find((i) => i.code === '2.2')!;

  let feedbackRatings = feedback.ratings;
  let feedbackSatisfied = feedback.satisfied;
  if (feedbackRatings > 0 && feedbackRatings < MIN_RATINGS) {
    notes['5.2'] = withheldNote(feedbackRatings, 'ratings');
    feedbackRatings = 0;
    feedbackSatisfied = 0;
  }

  let dossierRatings = 0;
  let dossierSatisfied = 0;
  if (survey === null) notes['5.3'] = { reason: WEEK_SURVEYS, withheld: false };
  else if (survey.respondents > 0 && survey.respondents < MIN_RATINGS) {
    notes['5.3'] = withheldNote(survey.respondents, 'respondents');
  } else if (survey) {
    for (const row of survey.levels) {
      const record = await context.loaders.surveys.instrumentById.load(row.instrumentId);
      if (!record) continue;
      dossierRatings += row.answers;
      if (row.level >= record.definition.scale.satisfiedFrom) dossierSatisfied += row.answers;
    }
  }

  const inputs: ServiceIndex766Inputs = {
    proceduresToPublish: publication.due,
    proceduresPublishedOnTime: publication.onTime,
    dossiersReceived: dossiers.received,
    dossiersSynced: dossiers.synced,
    dossiersProgressPublic: dossiers.progressPublic,
    dossiersFinished: onTime.denominator,
    dossiersFinishedEarlyOrOnTime: onTime.numerator,
    processingHoursActual: hours.numerator,
    processingHoursAllowed: hours.denominator,
    dossiersComponentsDigitised: dossiers.digitised,
    resultsIssued: dossiers.results,
    resultsIssuedElectronically: dossiers.resultsElectronic,
    dossiersReusingDigitisedData: dossiers.reusing,
    proceduresEligibleOnline: procedures.inEffect,
    proceduresOfferedOnline: procedures.offeredOnline,
    dossiersOnline: dossiers.online,
    dossiersPayable: dossiers.payable,
    dossiersPaidOnline: dossiers.paidOnline,
    feedbackDue: feedback.due,
    feedbackHandledOnTime: feedback.handledOnTime,
    feedbackHandlingRatings: feedbackRatings,
    feedbackHandlingSatisfied: feedbackSatisfied,
    dossierRatings,
    dossierRatingsSatisfied: dossierSatisfied,
  };
  const result = computeServiceIndex(SERVICE_INDEX_766, inputs);
  for (const group of result.groups) {
    for (const indicator of group.indicators) {
      if (!indicator.applicable && !notes[indicator.code]) {
        notes[indicator.code] = {
          reason: EMPTY_REASONS[indicator.code] ?? text('Không có dữ liệu.', 'No data.'),
          withheld: false,
        };
      }
    }
  }
  return { scope, period, from, to, asOf, inputs, result, notes };
}
