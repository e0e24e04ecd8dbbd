import { type Locale, localeTag } from '@chiso/ui';

/** Times are shown in Vietnam's time zone whatever the device's zone is. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** An amount in đồng, in the locale's notation: "200.000 ₫". */
export function formatVnd(amount: number, locale: Locale): string {
  return new Intl.NumberFormat(localeTag(locale), {
    style: 'currency',
    currency: 'VND',
    maximumFractionDigits: 0,
  }).format(amount);
}

/** A moment as a date and time in Vietnam: "16/01/2019, 07:52" (vi) or "16/01/2019, 07:52" (en-GB). */
export function formatVietnamDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(localeTag(locale), {
    timeZone: VIETNAM_TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}

/** A number of days with at most one decimal, in the locale's notation ("7,5"). */
export function formatDays(days: number, locale: Locale): string {
  return new Intl.NumberFormat(localeTag(locale), { maximumFractionDigits: 1 }).format(days);
}

/** A key that identifies one submission across retries (the API counts a key once). */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}
