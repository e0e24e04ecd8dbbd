/**
 * Timeliness of dossiers (đúng hạn / trước hạn / quá hạn) [P], compared on local dates in Vietnam time.
 */
import type { LocalizedText } from '../instruments/types.js';
import type { MetricDefinition } from '../statistics/metric-definitions.js';
import { CalendarInputError } from './errors.js';
import { assertInstant, localDateOf, VIETNAM_TIME_ZONE } from './time-zone.js';

/** Timeliness class of a dossier. */
export type Timeliness = 'early' | 'on_time' | 'late' | 'open' | 'open_late';

/** Input of {@link classifyTimeliness}. */
export interface TimelinessInput {
  dueAt: Date;
  /** When the result was ready; omitted while the dossier is still being processed. */
  finishedAt?: Date | null;
  /** The reporting instant (period end). A `finishedAt` after `asOf` counts as unfinished at `asOf`. */
  asOf: Date;
  /** Time zone of the date comparison (default `Asia/Ho_Chi_Minh`). */
  timeZone?: string;
}

/**
 * Classifies a dossier by comparing local dates (date part only) in the time zone:
 * early = finished on a date before the due date; on_time = finished on the due date; late = finished on a later
 * date; open = unfinished at `asOf` and the date of `asOf` ≤ the due date; open_late = unfinished and the date of
 * `asOf` > the due date (counted as late at period end).
 */
export function classifyTimeliness(input: TimelinessInput): Timeliness {
  const timeZone = input.timeZone ?? VIETNAM_TIME_ZONE;
  assertInstant(input.dueAt, 'dueAt');
  assertInstant(input.asOf, 'asOf');
  const due = localDateOf(input.dueAt, timeZone);
  const finished = input.finishedAt ?? undefined;
  if (finished !== undefined) assertInstant(finished, 'finishedAt');
  if (finished !== undefined && finished.getTime() <= input.asOf.getTime()) {
    const done = localDateOf(finished, timeZone);
    return done < due ? 'early' : done === due ? 'on_time' : 'late';
  }
  return localDateOf(input.asOf, timeZone) <= due ? 'open' : 'open_late';
}

/** Counts of dossiers per timeliness class (missing classes count 0). */
export type TimelinessCounts = Partial<Record<Timeliness, number>>;

/**
 * On-time rate = (early + on_time) / (early + on_time + late), over finished dossiers only; null when none is
 * finished. Open dossiers are not in the rate (report `open_late` beside it).
 */
export function onTimeRate(counts: TimelinessCounts): number | null {
  for (const [key, value] of Object.entries(counts)) {
    if (value !== undefined && (!Number.isFinite(value) || value < 0)) {
      throw CalendarInputError.of(
        `counts.${key}`,
        'invalid_count',
        `Số lượng phải là số không âm: ${value}`,
        `A count must be a non-negative number: ${value}`,
      );
    }
  }
  const good = (counts.early ?? 0) + (counts.on_time ?? 0);
  const finished = good + (counts.late ?? 0);
  return finished === 0 ? null : good / finished;
}

/** Display names of the timeliness classes. */
export const TIMELINESS_NAMES: Readonly<Record<Timeliness, LocalizedText>> = Object.freeze({
  early: { vi: 'Trước hạn', en: 'Early' },
  on_time: { vi: 'Đúng hạn', en: 'On time' },
  late: { vi: 'Quá hạn', en: 'Late' },
  open: { vi: 'Đang giải quyết (trong hạn)', en: 'Open (within deadline)' },
  open_late: { vi: 'Đang giải quyết (quá hạn)', en: 'Open (past deadline)' },
});

/** A published metric's name and definition: the package's `MetricDefinition`. */
export type CalendarMetricDefinition = MetricDefinition;

/**
 * Definitions of the calendar and timeliness metrics, keyed by metric code (merge them with the package's other
 * metric definitions when publishing).
 */
export const CALENDAR_METRIC_DEFINITIONS: Readonly<Record<string, CalendarMetricDefinition>> = Object.freeze({
  'working-hours': {
    name: { vi: 'Thời gian làm việc', en: 'Working time' },
    definition: {
      vi: 'Thời gian trong các khung giờ làm việc (mặc định 07:00–11:30 và 13:30–17:00, 1 ngày = 8 giờ) của ngày làm việc, không tính ngày nghỉ hằng tuần, ngày lễ, ngày nghỉ bù; tính cả ngày làm việc bù.',
      en: 'Time inside the opening windows (default 07:00–11:30 and 13:30–17:00, 1 day = 8 h) of working days, excluding weekly rest days, public holidays and compensatory days; swapped working days count.',
    },
  },
  'due-at': {
    name: { vi: 'Hạn giải quyết', en: 'Due time' },
    definition: {
      vi: 'Thời điểm tiếp nhận cộng thời gian giải quyết tính bằng giờ làm việc; tiếp nhận ngoài giờ tính từ giờ mở cửa kế tiếp; thời gian chờ bổ sung hồ sơ hoặc nộp phí không tính.',
      en: 'Receipt time plus the processing time in working hours; an intake after hours counts from the next opening; time waiting for a supplement or a payment does not count.',
    },
  },
  timeliness: {
    name: { vi: 'Tình trạng hạn', en: 'Timeliness' },
    definition: {
      vi: 'So sánh phần ngày (giờ Việt Nam) của thời điểm có kết quả với ngày hết hạn: trước ngày hết hạn là trước hạn, cùng ngày là đúng hạn, sau là quá hạn; hồ sơ chưa xong quá ngày hết hạn là quá hạn.',
      en: 'Compares the date part (Vietnam time) of the result time with the due date: before it is early, the same date is on time, after is late; an unfinished dossier past its due date is late.',
    },
  },
  'on-time-rate': {
    name: { vi: 'Tỷ lệ giải quyết trước hạn, đúng hạn', en: 'On-time rate' },
    definition: {
      vi: '(Số hồ sơ trước hạn + đúng hạn) / số hồ sơ đã giải quyết xong.',
      en: '(Early + on-time dossiers) / finished dossiers.',
    },
  },
});
