/**
 * The diacritic-insensitive form of a text used for catalog search: lower case, Vietnamese diacritics removed
 * (đ → d), runs of spaces and punctuation collapsed. "Cấp Phiếu lý lịch tư pháp" → "cap phieu ly lich tu phap".
 * Stored beside searchable rows and applied to queries, so both sides compare the same way.
 */
export function normalizeSearchText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}.]+/gu, ' ')
    .trim();
}
