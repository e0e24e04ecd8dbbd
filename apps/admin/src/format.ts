import { type Locale, localeTag } from '@chiso/ui';

const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** A name in the reader's language: the English one when reading English and there is one, else the Vietnamese. */
export function localName(item: { name: string; nameEn?: string | null }, locale: Locale): string {
  return locale === 'en' && item.nameEn ? item.nameEn : item.name;
}

/** "code — name", the name in the reader's language. */
export function codeAndName(
  item: { code: string; name: string; nameEn?: string | null },
  locale: Locale,
): string {
  return `${item.code} — ${localName(item, locale)}`;
}

/** A timestamp as read in Vietnam, e.g. "14:05 02/01/2019". */
export function formatDateTime(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(localeTag(locale), {
    timeZone: TIME_ZONE,
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/** A whole number or a ratio for tables (1 decimal), in the locale's notation. */
export function formatNumber(value: number | null | undefined, locale: Locale, digits = 0): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(localeTag(locale), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** `datetime-local` input value (Vietnam time) to an ISO instant. */
export function vietnamLocalToIso(value: string): string {
  return new Date(`${value}:00+07:00`).toISOString();
}

/** An ISO instant as a `datetime-local` input value in Vietnam time. */
export function isoToVietnamLocal(iso: string): string {
  const shifted = new Date(new Date(iso).getTime() + 7 * 3_600_000);
  return shifted.toISOString().slice(0, 16);
}
