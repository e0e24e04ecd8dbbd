/**
 * Reading a CSV file in the browser before it is sent: the records of its first lines (RFC 4180: quoted fields,
 * doubled quotes, line breaks inside quotes, CRLF or LF) and a check of its header against the columns the API
 * expects. The API checks everything again; this only spares a round trip for a wrong file.
 */

/** The first `limit` records of a CSV text (a leading byte-order mark is dropped). */
export function readCsvRecords(text: string, limit = Number.POSITIVE_INFINITY): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRecord = () => {
    record.push(field);
    field = '';
    if (!(record.length === 1 && record[0] === '')) records.push(record);
    record = [];
  };
  for (; i < text.length && records.length < limit; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      endRecord();
      i++;
    } else if (char === '\n' || char === '\r') endRecord();
    else field += char;
  }
  if (records.length < limit && (field !== '' || record.length > 0)) endRecord();
  return records;
}

/** Data records of a CSV text: every record after the header (empty lines aside). */
export function countCsvRecords(text: string): number {
  return Math.max(0, readCsvRecords(text).length - 1);
}

export interface CsvPreview {
  /** The file's header, trimmed as the API trims it. */
  header: string[];
  /** The first data records. */
  rows: string[][];
  /** Every data record of the file. */
  records: number;
  /** Expected columns the header lacks. */
  missing: string[];
  /** Header columns the API does not know. */
  unexpected: string[];
  /** The header is exactly the expected columns, in order. */
  headerMatches: boolean;
}

/** The header check and the first `rows` data records of a CSV text, against the API's expected columns. */
export function previewCsv(text: string, expected: readonly string[], rows = 5): CsvPreview {
  const all = readCsvRecords(text);
  const header = (all[0] ?? []).map((cell) => cell.trim());
  const known = new Set(expected);
  const present = new Set(header);
  return {
    header,
    rows: all.slice(1, rows + 1),
    records: Math.max(0, all.length - 1),
    missing: expected.filter((column) => !present.has(column)),
    unexpected: header.filter((column) => !known.has(column)),
    headerMatches: header.join(',') === expected.join(','),
  };
}

/** A batch key the API accepts (3–128 of letters, digits, `.`, `_`, `:`, `-`), unique enough for one import. */
export function newBatchKey(prefix: string, now = new Date(), random = Math.random): string {
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  const suffix = Math.floor(random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0');
  const safe = prefix.replace(/[^A-Za-z0-9._:-]/g, '').slice(0, 100);
  return `${safe || 'import'}-${stamp}-${suffix}`;
}

/** True when a batch key has the shape the API accepts. */
export function isBatchKey(key: string): boolean {
  return /^[A-Za-z0-9._:-]{3,128}$/.test(key);
}
