import { randomInt } from 'node:crypto';
import { hashSecret, verifySecret } from '@chiso/db';
import type { ClockPause, WorkCalendar } from '@chiso/scoring';
import { sql } from 'kysely';
import { VIETNAM_TIME_ZONE } from '../../civil-date.js';
import type { Context } from '../../context.js';
import { ConflictError, NotFoundError, TooManyRequestsError, ValidationError } from '../../errors.js';
import { checkPageSize } from '../../schema/pagination.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  campaignsCoveringDossier,
  type IssuedToken,
  issueReturnedDossierToken,
  linkReturnedDossierToSurveys,
} from '../surveys/campaigns.service.js';
import {
  type DossierEventRow,
  type DossierKey,
  type DossierRow,
  dossierKeyString,
  findQueuePage,
  OPEN_STATUSES,
  type QueueIncludes,
} from './dossiers.repo.js';

// ───────────────────────── lifecycle rules (DOMAIN.md §3) ─────────────────────────

export type DossierChannel = DossierRow['channel'];

/** Desk actions and the status codes each may start from; anything else is an illegal transition. */
export const TRANSITIONS = {
  start_processing: { from: [2], to: 4 },
  refuse: { from: [1, 2], to: 3 },
  request_supplement: { from: [4], to: 5 },
  supplement_received: { from: [5], to: 4 },
  request_payment: { from: [4], to: 6 },
  payment_received: { from: [6], to: 4 },
  result_ready: { from: [4], to: 9 },
  return_result: { from: [9], to: 10 },
  withdraw: { from: [1, 2, 4, 5, 6], to: 7 },
  stop: { from: [4, 5, 6], to: 8 },
} as const satisfies Record<string, { from: readonly number[]; to: number }>;

export type TransitionAction = keyof typeof TRANSITIONS;

/** Actions that must explain themselves (form 02 lists the missing items, form 03 the refusal's reason). */
const NOTE_REQUIRED: ReadonlySet<TransitionAction> = new Set(['refuse', 'request_supplement', 'stop']);

/** Status codes during which the processing clock is stopped (waiting for a supplement or a payment). */
export const CLOCK_STOPPED_STATUSES: ReadonlySet<number> = new Set([5, 6]);
/** Status codes whose dossier is still being worked on (the result is not ready). */
const IN_PROGRESS_STATUSES: ReadonlySet<number> = new Set([1, 2, 4, 5, 6]);

export const STATUS_NAMES: Record<number, [vi: string, en: string]> = {
  1: ['Đăng ký trực tuyến', 'Registered online'],
  2: ['Đã tiếp nhận', 'Received'],
  3: ['Từ chối tiếp nhận', 'Refused at intake'],
  4: ['Đang giải quyết', 'Processing'],
  5: ['Chờ bổ sung hồ sơ', 'Supplement requested'],
  6: ['Chờ nộp phí, lệ phí', 'Awaiting payment'],
  7: ['Đã rút hồ sơ', 'Withdrawn'],
  8: ['Dừng xử lý', 'Processing stopped'],
  9: ['Có kết quả', 'Result ready'],
  10: ['Đã trả kết quả', 'Result returned'],
};

/** A dossier "about to be late": less than this many working hours before its due time. */
export const APOLOGY_WARNING_HOURS = 8;

// ───────────────────────── deadlines ─────────────────────────

/** The pauses of the clock, from the events: each entry into status 5 or 6 until the next event leaving it. */
export function pausesFromEvents(events: readonly Pick<DossierEventRow, 'at' | 'toStatus'>[]): ClockPause[] {
  const pauses: ClockPause[] = [];
  let open: Date | null = null;
  for (const event of events) {
    const stopped = CLOCK_STOPPED_STATUSES.has(event.toStatus);
    if (stopped && open === null) open = event.at;
    else if (!stopped && open !== null) {
      pauses.push({ from: open, to: event.at });
      open = null;
    }
  }
  if (open !== null) pauses.push({ from: open });
  return pauses;
}

/** Working hours granted: frozen at receipt; for older rows, the span of the due time less the paused time. */
export function allowedHoursOf(dossier: DossierRow, calendar: WorkCalendar): number | null {
  if (dossier.allowedHours !== null) return Number(dossier.allowedHours);
  if (!dossier.dueAt) return null;
  return Math.max(
    0,
    calendar.workingHoursBetween(dossier.receivedAt, dossier.dueAt) - Number(dossier.pausedHours),
  );
}

/** The due time of a new dossier: working hours of the case (online or not), or calendar days. */
export function initialDeadline(
  calendar: WorkCalendar,
  receivedAt: Date,
  rule: { hours: number | null; calendarDays: number | null; countsCalendarDays: boolean },
): { dueAt: Date; allowedHours: number } | null {
  if ((rule.countsCalendarDays || rule.hours === null) && rule.calendarDays !== null) {
    const dueAt = calendar.addCalendarDays(receivedAt, rule.calendarDays);
    return { dueAt, allowedHours: calendar.workingHoursBetween(calendar.nextOpening(receivedAt), dueAt) };
  }
  if (rule.hours === null) return null;
  return { dueAt: calendar.addWorkingHours(receivedAt, rule.hours), allowedHours: rule.hours };
}

// ───────────────────────── receipt codes ─────────────────────────

/** The default receipt code pattern [P]: agency identifier, date of receipt, 4-digit daily sequence. */
export const DEFAULT_RECEIPT_CODE_FORMAT = '{agency}-{yyMMdd}-{seq}';

const vietnamDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: VIETNAM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The local date (Vietnam) of an instant, 'YYYY-MM-DD'. */
export function vietnamDate(instant: Date): string {
  return vietnamDay.format(instant);
}

/**
 * A receipt code from its pattern: `{agency}` (the agency's receipt prefix), `{yyMMdd}`, `{yyyyMMdd}` (the day of
 * receipt in Vietnam), `{seq}` (the daily sequence, 4 digits) or `{seq:N}` (N digits).
 */
export function formatReceiptCode(
  format: string,
  parts: { prefix: string; day: string; seq: number },
): string {
  const compact = parts.day.replaceAll('-', '');
  return format
    .replaceAll('{agency}', parts.prefix)
    .replaceAll('{yyyyMMdd}', compact)
    .replaceAll('{yyMMdd}', compact.slice(2))
    .replace(/\{seq(?::(\d))?\}/g, (_m, width: string | undefined) =>
      String(parts.seq).padStart(Number(width ?? 4), '0'),
    );
}

// ───────────────────────── access ─────────────────────────

const DOSSIER_NOT_FOUND = () => new NotFoundError('Không tìm thấy hồ sơ.', 'No such dossier.');

/**
 * The dossier, if it exists and the viewer may work on it ('desk' at its agency); otherwise null. A dossier of
 * another agency is indistinguishable from a missing one.
 */
export async function findVisibleDossier(context: Context, key: string): Promise<DossierRow | null> {
  const dossier = await context.loaders.dossiers.dossierByKey.load(key);
  if (!dossier) return null;
  return (await context.access.canAtAgency(dossier.agencyId, 'desk')) ? dossier : null;
}

export async function getVisibleDossier(context: Context, key: string): Promise<DossierRow> {
  const dossier = await findVisibleDossier(context, key);
  if (!dossier) throw DOSSIER_NOT_FOUND();
  return dossier;
}

// ───────────────────────── receiving ─────────────────────────

export interface ReceiveInput {
  agencyId: string;
  procedureId: string;
  caseId: string | null;
  channel: DossierChannel;
  applicantKind: 'citizen' | 'organisation';
}

export interface Received {
  dossier: DossierRow;
  /** The 6-digit PIN for public tracking: shown once, stored only as a hash. */
  pin: string;
}

/** PIN hashes are cheaper than passwords' (guessing is rate-limited per receipt code). */
const PIN_HASH_COST = 12;

function fieldError(path: string, message: string, messageEn: string): ValidationError {
  return new ValidationError([{ path: [path], message, messageEn }]);
}

/**
 * Receives a dossier at an agency's desk (form 01): checks the procedure and case are handled there, numbers it
 * with the agency's daily sequence, sets the due time on the agency's calendar and records the first event.
 */
export async function receiveDossier(context: Context, input: ReceiveInput): Promise<Received> {
  await context.access.assertAtAgency(input.agencyId, 'desk');
  const { db } = context;
  const [agency, path, handled] = await Promise.all([
    context.loaders.agencies.agencyById.load(input.agencyId),
    context.access.agencyPath(input.agencyId),
    db
      .selectFrom('agencyProcedure')
      .innerJoin('procedure', 'procedure.id', 'agencyProcedure.procedureId')
      .select(['procedure.id', 'procedure.timeBasis'])
      .where('agencyProcedure.agencyId', '=', input.agencyId)
      .where('agencyProcedure.procedureId', '=', input.procedureId)
      .executeTakeFirst(),
  ]);
  if (!agency || !path) throw new NotFoundError('Không tìm thấy cơ quan.', 'No such agency.');
  if (!handled) {
    throw fieldError(
      'procedureId',
      'Thủ tục này không do cơ quan tiếp nhận giải quyết.',
      'This procedure is not handled by the agency.',
    );
  }
  const cases = await db
    .selectFrom('procedureCase')
    .selectAll()
    .where('procedureId', '=', input.procedureId)
    .orderBy('ordinal')
    .execute();
  const chosen = input.caseId
    ? cases.find((c) => c.id === input.caseId)
    : cases.length === 1
      ? cases[0]
      : undefined;
  if (!chosen) {
    throw input.caseId
      ? fieldError(
          'caseId',
          'Trường hợp không thuộc thủ tục này.',
          'The case does not belong to this procedure.',
        )
      : fieldError(
          'caseId',
          'Thủ tục có nhiều trường hợp: cần chọn một trường hợp.',
          'The procedure has several cases: choose one.',
        );
  }
  const calendar = await context.loaders.calendars.forAgency.load(input.agencyId);
  const receivedAt = context.now();
  const hours =
    input.channel === 'online'
      ? (chosen.processingHoursOnline ?? chosen.processingHours)
      : chosen.processingHours;
  const deadline = initialDeadline(calendar, receivedAt, {
    hours: hours === null ? null : Number(hours),
    calendarDays: chosen.calendarDays,
    countsCalendarDays: handled.timeBasis === 'calendar_days',
  });
  if (!deadline) {
    throw fieldError('caseId', 'Trường hợp chưa có thời hạn giải quyết.', 'The case has no processing time.');
  }
  const pin = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const pinHash = await hashSecret(pin, { log2N: PIN_HASH_COST });
  const provinceUnitId = path.unitPath[path.unitPath.length - 1]!;
  const day = vietnamDate(receivedAt);

  const dossier = await db.transaction().execute(async (trx) => {
    // One row per (agency, day): the upsert takes its row lock, so concurrent receipts get distinct numbers.
    const { lastValue } = await trx
      .insertInto('receiptSequence')
      .values({ provinceUnitId, agencyId: input.agencyId, day, lastValue: 1 })
      .onConflict((oc) =>
        oc
          .columns(['provinceUnitId', 'agencyId', 'day'])
          .doUpdateSet({ lastValue: sql`receipt_sequence.last_value + 1` }),
      )
      .returning('lastValue')
      .executeTakeFirstOrThrow();
    const receiptCode = formatReceiptCode(agency.receiptCodeFormat ?? DEFAULT_RECEIPT_CODE_FORMAT, {
      prefix: agency.receiptPrefix,
      day,
      seq: lastValue,
    });
    const row = await trx
      .insertInto('dossier')
      .values({
        provinceUnitId,
        receiptCode,
        pinHash,
        agencyId: input.agencyId,
        procedureId: input.procedureId,
        caseId: chosen.id,
        channel: input.channel,
        status: 2,
        applicantKind: input.applicantKind,
        receivedAt,
        dueAt: deadline.dueAt,
        allowedHours: deadline.allowedHours,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('dossierEvent')
      .values({
        provinceUnitId,
        dossierId: row.id,
        at: receivedAt,
        action: 'receive',
        fromStatus: null,
        toStatus: 2,
        actorUserId: context.viewer.userId,
        data: JSON.stringify({ channel: input.channel, dueAt: deadline.dueAt.toISOString() }),
      })
      .execute();
    await recordAudit(trx, context, {
      action: 'dossier.receive',
      entity: 'dossier',
      entityId: dossierKeyString(row),
      unitId: provinceUnitId,
      data: { receiptCode, agencyId: input.agencyId, procedureId: input.procedureId, channel: input.channel },
      ip: context.http.ip,
    });
    return row;
  });
  context.loaders.dossiers.dossierByKey.prime(dossierKeyString(dossier), dossier);
  return { dossier, pin };
}

// ───────────────────────── transitions ─────────────────────────

/** A dossier after a desk action, with the survey token issued when its result was returned (shown once). */
export interface DossierActionResult {
  dossier: DossierRow;
  surveyInvitation: IssuedToken | null;
}

function illegal(dossier: DossierRow, action: string): ConflictError {
  const [vi, en] = STATUS_NAMES[dossier.status] ?? ['?', '?'];
  return new ConflictError(
    `Không thể thực hiện "${action}" với hồ sơ đang ở trạng thái "${vi}".`,
    `"${action}" is not allowed for a dossier in status "${en}".`,
  );
}

async function lockDossier(trx: Context['db'], key: DossierKey): Promise<DossierRow> {
  return trx
    .selectFrom('dossier')
    .selectAll()
    .where('provinceUnitId', '=', key.provinceUnitId)
    .where('id', '=', key.id)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/**
 * Moves a dossier along one legal edge of the lifecycle. The clock stops on entering a supplement or payment
 * wait; on leaving it the due time is recomputed from the receipt time, the granted hours and every pause in
 * the events. A supplement may be requested only once. Returning the result links the dossier to the surveys
 * (see `linkReturnedDossierToSurveys`): served in every active after-dossier campaign covering it, and a
 * single-use survey token from the first. One transaction: the dossier, its event, the survey counts and token
 * and the audit entry change together or not at all.
 */
export async function transitionDossier(
  context: Context,
  key: string,
  action: TransitionAction,
  note: string | null,
): Promise<DossierActionResult> {
  const visible = await getVisibleDossier(context, key);
  const rule = TRANSITIONS[action];
  if (NOTE_REQUIRED.has(action) && !note) {
    throw fieldError(
      'note',
      'Cần ghi rõ lý do hoặc các giấy tờ cần bổ sung.',
      'A note is required (the reason, or every missing document).',
    );
  }
  const calendar = await context.loaders.calendars.forAgency.load(visible.agencyId);
  const now = context.now();
  const returning = action === 'return_result';
  const [campaigns, agency] = returning
    ? await Promise.all([
        campaignsCoveringDossier(context, visible, vietnamDate(now)),
        context.loaders.agencies.agencyById.load(visible.agencyId),
      ])
    : [[], null];
  let surveyInvitation: IssuedToken | null = null;
  const updated = await context.db.transaction().execute(async (trx) => {
    const dossier = await lockDossier(trx, visible);
    if (!(rule.from as readonly number[]).includes(dossier.status)) throw illegal(dossier, action);
    if (action === 'request_supplement' && dossier.supplementRequested) {
      throw new ConflictError(
        'Hồ sơ đã được yêu cầu bổ sung một lần; chỉ được yêu cầu bổ sung một lần.',
        'A supplement has already been requested; it may be requested only once.',
      );
    }
    const changes: Record<string, unknown> = { status: rule.to, updatedAt: now };
    if (action === 'request_supplement') changes.supplementRequested = true;
    if (CLOCK_STOPPED_STATUSES.has(dossier.status) && rule.to === 4) {
      const events = await trx
        .selectFrom('dossierEvent')
        .select(['at', 'toStatus'])
        .where('provinceUnitId', '=', dossier.provinceUnitId)
        .where('dossierId', '=', dossier.id)
        .orderBy('at')
        .orderBy('id')
        .execute();
      const pauses = pausesFromEvents([...events, { at: now, toStatus: rule.to }]);
      const hours = allowedHoursOf(dossier, calendar);
      if (hours !== null) {
        changes.dueAt = calendar.dueAt({ receivedAt: dossier.receivedAt, hours, pauses });
        changes.pausedHours = pauses.reduce(
          (sum, p) => sum + calendar.workingHoursBetween(p.from, p.to ?? now),
          0,
        );
      }
    }
    if (action === 'result_ready' || rule.to === 3 || rule.to === 7 || rule.to === 8)
      changes.finishedAt = now;
    if (action === 'return_result') changes.returnedAt = now;
    const row = await trx
      .updateTable('dossier')
      .set(changes)
      .where('provinceUnitId', '=', dossier.provinceUnitId)
      .where('id', '=', dossier.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('dossierEvent')
      .values({
        provinceUnitId: dossier.provinceUnitId,
        dossierId: dossier.id,
        at: now,
        action,
        fromStatus: dossier.status,
        toStatus: rule.to,
        actorUserId: context.viewer.userId,
        note,
        data: JSON.stringify(changes.dueAt ? { dueAt: (changes.dueAt as Date).toISOString() } : {}),
      })
      .execute();
    await recordAudit(trx, context, {
      action: 'dossier.transition',
      entity: 'dossier',
      entityId: dossierKeyString(dossier),
      unitId: dossier.provinceUnitId,
      data: { action, from: dossier.status, to: rule.to },
      ip: context.http.ip,
    });
    if (returning && agency) {
      surveyInvitation = await linkReturnedDossierToSurveys(
        trx,
        context,
        { ...dossier, unitId: agency.unitId },
        campaigns,
        now,
      );
    }
    return row;
  });
  refresh(context, updated);
  return { dossier: updated, surveyInvitation };
}

function refresh(context: Context, row: DossierRow) {
  const key = dossierKeyString(row);
  context.loaders.dossiers.dossierByKey.clear(key).prime(key, row);
  context.loaders.dossiers.eventsOf.clear(key);
  context.loaders.dossiers.lastEventOf.clear(key);
}

/**
 * Apology and new appointment (form 04): only for a dossier not finished, before its due time, once, with a new
 * appointment after the due time. The due time itself does not move (the dossier still counts late).
 */
export async function apologizeDossier(
  context: Context,
  key: string,
  reason: string,
  newAppointment: Date,
): Promise<DossierRow> {
  const visible = await getVisibleDossier(context, key);
  const now = context.now();
  const updated = await context.db.transaction().execute(async (trx) => {
    const dossier = await lockDossier(trx, visible);
    if (!IN_PROGRESS_STATUSES.has(dossier.status)) throw illegal(dossier, 'apologize');
    if (dossier.apologyIssued) {
      throw new ConflictError('Hồ sơ đã có phiếu xin lỗi.', 'An apology has already been issued.');
    }
    if (!dossier.dueAt || now.getTime() >= dossier.dueAt.getTime()) {
      throw new ConflictError(
        'Phiếu xin lỗi phải gửi trước thời hạn giải quyết.',
        'The apology must be sent before the due time.',
      );
    }
    if (newAppointment.getTime() <= dossier.dueAt.getTime()) {
      throw fieldError(
        'newAppointment',
        'Ngày hẹn mới phải sau thời hạn giải quyết hiện tại.',
        'The new appointment must be after the current due time.',
      );
    }
    const row = await trx
      .updateTable('dossier')
      .set({ apologyIssued: true, apologyReason: reason, newAppointmentAt: newAppointment, updatedAt: now })
      .where('provinceUnitId', '=', dossier.provinceUnitId)
      .where('id', '=', dossier.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('dossierEvent')
      .values({
        provinceUnitId: dossier.provinceUnitId,
        dossierId: dossier.id,
        at: now,
        action: 'apologize',
        fromStatus: dossier.status,
        toStatus: dossier.status,
        actorUserId: context.viewer.userId,
        note: reason,
        data: JSON.stringify({ newAppointment: newAppointment.toISOString() }),
      })
      .execute();
    await recordAudit(trx, context, {
      action: 'dossier.apologize',
      entity: 'dossier',
      entityId: dossierKeyString(dossier),
      unitId: dossier.provinceUnitId,
      data: { newAppointment: newAppointment.toISOString() },
      ip: context.http.ip,
    });
    return row;
  });
  refresh(context, updated);
  return updated;
}

// ───────────────────────── flags ─────────────────────────

/** Open, clock running, no apology yet and due within a working day (or already past due). */
export function needsApology(dossier: DossierRow, now: Date, calendar: WorkCalendar): boolean {
  if (!IN_PROGRESS_STATUSES.has(dossier.status) || dossier.apologyIssued || !dossier.dueAt) return false;
  if (CLOCK_STOPPED_STATUSES.has(dossier.status)) return false;
  if (now.getTime() >= dossier.dueAt.getTime()) return true;
  return calendar.workingHoursBetween(now, dossier.dueAt) <= APOLOGY_WARNING_HOURS;
}

/** Past its due time (still open, or finished after it) without an apology having been sent. */
export function lateWithoutApology(dossier: DossierRow, now: Date): boolean {
  if (dossier.apologyIssued || !dossier.dueAt) return false;
  const due = dossier.dueAt.getTime();
  if (IN_PROGRESS_STATUSES.has(dossier.status)) return now.getTime() > due;
  if (dossier.status === 9 || dossier.status === 10) return (dossier.finishedAt?.getTime() ?? 0) > due;
  return false;
}

// ───────────────────────── queue ─────────────────────────

export interface QueueArgs {
  agencyId: string;
  statuses: readonly number[] | null;
  overdueOnly: boolean;
  first: number;
  after: string | null;
  /** Related rows the operation reads (read with the page, then served from the loaders' caches). */
  include?: QueueIncludes;
}

function encodeCursor(row: DossierRow): string {
  return Buffer.from(`${row.dueAt ? row.dueAt.toISOString() : ''}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { dueAt: Date | null; id: string } {
  const [due, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const dueAt = due ? new Date(due) : null;
  if (!id || !/^[1-9]\d{0,18}$/.test(id) || (dueAt && Number.isNaN(dueAt.getTime()))) {
    throw fieldError('after', 'Con trỏ phân trang không hợp lệ.', 'The page cursor is not valid.');
  }
  return { dueAt, id };
}

/** An agency's dossiers for its desk, soonest due first (`first` within the paging rule of `checkPageSize`). */
export async function dossierQueue(context: Context, args: QueueArgs) {
  checkPageSize({ first: args.first });
  await context.access.assertAtAgency(args.agencyId, 'desk');
  const path = await context.access.agencyPath(args.agencyId);
  const rows = await findQueuePage(
    context.db,
    {
      provinceUnitId: path!.unitPath[path!.unitPath.length - 1]!,
      agencyId: args.agencyId,
      statuses: args.statuses ?? OPEN_STATUSES,
      overdueAt: args.overdueOnly ? context.now() : null,
      after: args.after ? decodeCursor(args.after) : null,
      limit: args.first + 1,
    },
    args.include,
  );
  const page = rows.slice(0, args.first);
  const { dossiers, procedures } = context.loaders;
  for (const { dossier, procedure, lastEvent } of page) {
    const key = dossierKeyString(dossier);
    dossiers.dossierByKey.prime(key, dossier);
    if (lastEvent !== undefined) dossiers.lastEventOf.prime(key, lastEvent);
    if (procedure) {
      procedures.procedureById.prime(procedure.id, procedure);
      procedures.procedureByCode.prime(procedure.code, procedure);
    }
  }
  const edges = page.map(({ dossier: node }) => ({ cursor: encodeCursor(node), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > args.first,
      hasPreviousPage: args.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

// ───────────────────────── public tracking ─────────────────────────

/** Failed lookups allowed per receipt code, and per client address, in one window before a lock. */
export const TRACKING_LIMITS = { receiptCode: 5, ip: 30, windowMinutes: 15, lockMinutes: 15 } as const;

/** Verified against when no dossier has the code, so a wrong code costs the same time as a wrong PIN. */
const DECOY_HASH = hashSecret('000000', { log2N: PIN_HASH_COST });

const TRACKING_NOT_FOUND = () =>
  new NotFoundError(
    'Không tìm thấy hồ sơ với mã biên nhận và mã PIN này.',
    'No dossier matches this receipt code and PIN.',
  );

export interface TrackingView {
  dossier: DossierRow;
  events: { at: Date; action: string; toStatus: number }[];
}

async function lockedFor(context: Context, keys: [scope: 'receipt_code' | 'ip', key: string][], now: Date) {
  const rows = await context.db
    .selectFrom('trackingAttempt')
    .select(['lockedUntil'])
    .where((eb) => eb.or(keys.map(([scope, key]) => eb.and([eb('scope', '=', scope), eb('key', '=', key)]))))
    .where('lockedUntil', '>', now)
    .execute();
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil!.getTime()));
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

async function recordFailure(
  context: Context,
  scope: 'receipt_code' | 'ip',
  key: string,
  limit: number,
  now: Date,
) {
  const window = `${TRACKING_LIMITS.windowMinutes} minutes`;
  const lock = `${TRACKING_LIMITS.lockMinutes} minutes`;
  await sql`
    insert into tracking_attempt (scope, key, window_started_at, failures, locked_until)
    values (${scope}, ${key}, ${now}, 1, ${limit <= 1 ? sql`${now}::timestamptz + ${lock}::interval` : null})
    on conflict (scope, key) do update set
      window_started_at = case when tracking_attempt.window_started_at <= ${now}::timestamptz - ${window}::interval
                               then ${now} else tracking_attempt.window_started_at end,
      failures = case when tracking_attempt.window_started_at <= ${now}::timestamptz - ${window}::interval
                      then 1 else tracking_attempt.failures + 1 end,
      locked_until = case when (case when tracking_attempt.window_started_at <= ${now}::timestamptz - ${window}::interval
                                     then 1 else tracking_attempt.failures + 1 end) >= ${limit}
                          then ${now}::timestamptz + ${lock}::interval else tracking_attempt.locked_until end
  `.execute(context.db);
}

/**
 * The dossier of a receipt code and PIN, for a citizen who does not sign in. A wrong code and a wrong PIN get
 * the same answer (and cost the same time); failures are counted per receipt code and per client address, and
 * a key with too many failures in the window is locked for a while, even for the right PIN.
 */
async function verifyTracking(context: Context, receiptCode: string, pin: string): Promise<DossierRow> {
  const code = receiptCode.trim().toUpperCase();
  const now = context.now();
  const keys: [scope: 'receipt_code' | 'ip', key: string][] = [['receipt_code', code]];
  if (context.http.ip) keys.push(['ip', context.http.ip]);
  const retryAfter = await lockedFor(context, keys, now);
  if (retryAfter > 0) throw new TooManyRequestsError(retryAfter, 'failed_attempts');

  const candidates = await context.db
    .selectFrom('dossier')
    .selectAll()
    .where('receiptCode', '=', code)
    .limit(5)
    .execute();
  let match: DossierRow | undefined;
  for (const candidate of candidates) {
    if (await verifySecret(pin, candidate.pinHash)) match = candidate;
  }
  if (candidates.length === 0) await verifySecret(pin, await DECOY_HASH);
  if (!match) {
    await recordFailure(context, 'receipt_code', code, TRACKING_LIMITS.receiptCode, now);
    if (context.http.ip) await recordFailure(context, 'ip', context.http.ip, TRACKING_LIMITS.ip, now);
    throw TRACKING_NOT_FOUND();
  }
  return match;
}

/** The citizen's view of a dossier by receipt code and PIN (checked by `verifyTracking`), without signing in. */
export async function trackDossier(
  context: Context,
  receiptCode: string,
  pin: string,
): Promise<TrackingView> {
  const match = await verifyTracking(context, receiptCode, pin);
  const events = await context.db
    .selectFrom('dossierEvent')
    .select(['at', 'action', 'toStatus'])
    .where('provinceUnitId', '=', match.provinceUnitId)
    .where('dossierId', '=', match.id)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return { dossier: match, events };
}

/**
 * The satisfaction survey of a returned dossier, asked for by the citizen with the receipt's code and PIN (the QR
 * code of the receipt opens the tracking page). The code and PIN are checked, counted and locked out exactly as
 * `trackDossier` does; the token comes from `issueReturnedDossierToken` (an earlier unused token is replaced, the
 * offer counted once). ConflictError before the result is returned or once the survey was answered; NotFoundError
 * when no open survey covers the dossier.
 */
export async function requestDossierSurvey(
  context: Context,
  receiptCode: string,
  pin: string,
): Promise<IssuedToken> {
  const dossier = await verifyTracking(context, receiptCode, pin);
  if (dossier.status !== 10 || !dossier.returnedAt) {
    throw new ConflictError(
      'Hồ sơ chưa trả kết quả; có thể đánh giá sau khi nhận kết quả.',
      'The dossier’s result has not been returned yet; the service can be rated once it is.',
    );
  }
  const agency = await context.loaders.agencies.agencyById.load(dossier.agencyId);
  if (!agency) throw TRACKING_NOT_FOUND();
  return issueReturnedDossierToken(
    context,
    { ...dossier, unitId: agency.unitId },
    dossier.returnedAt,
    context.now(),
  );
}
