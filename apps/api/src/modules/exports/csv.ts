/** A cell of a table export: text, a number, a yes/no, or empty. */
export type Cell = string | number | boolean | null;

const BOM = '\uFEFF';

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes doubled. Text that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return first) gets a leading apostrophe,
 * so free text typed by citizens cannot become a formula in Excel.
 */
export function csvField(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

/** A whole table as CSV for Excel: UTF-8 with a byte-order mark, CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return BOM + csvLine(header) + rows.map(csvLine).join('');
}

/** The byte-order mark that starts every CSV export (Excel then reads UTF-8, so Vietnamese shows right). */
export const CSV_BOM = BOM;
