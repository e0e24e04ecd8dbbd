import { type Locale, localeTag } from './i18n/locale.js';

/** An index value as published: always 2 decimals, in the locale's notation (85,16 in Vietnamese). */
export function formatIndexValue(value: number, locale: Locale): string {
  return new Intl.NumberFormat(localeTag(locale), {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value);
}
