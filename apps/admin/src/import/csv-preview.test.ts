import { describe, expect, it } from 'vitest';
import { isBatchKey, newBatchKey, previewCsv, readCsvRecords } from './csv-preview.js';

describe('CSV preview', () => {
  it('reads quoted fields, doubled quotes, line breaks inside quotes, CRLF and a byte-order mark', () => {
    const text = '\uFEFFa,b,c\r\n1,"x, y","say ""hi"""\r\n2,"two\nlines",\r\n\r\n3,,z';
    expect(readCsvRecords(text)).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', 'say "hi"'],
      ['2', 'two\nlines', ''],
      ['3', '', 'z'],
    ]);
    expect(readCsvRecords(text, 2)).toHaveLength(2);
  });

  it('checks the header against the expected columns and keeps the first rows', () => {
    const expected = ['row_key', 'month', '1.1'];
    const good = previewCsv(' row_key ,month,1.1\nr1,2025-09,5\nr2,2025-09,4\nr3,2025-10,3\n', expected, 2);
    expect(good).toMatchObject({ headerMatches: true, records: 3, missing: [], unexpected: [] });
    expect(good.rows).toEqual([
      ['r1', '2025-09', '5'],
      ['r2', '2025-09', '4'],
    ]);
    const bad = previewCsv('row_key,thang,1.1\n', expected);
    expect(bad).toMatchObject({
      headerMatches: false,
      records: 0,
      missing: ['month'],
      unexpected: ['thang'],
    });
    const reordered = previewCsv('month,row_key,1.1\n', expected);
    expect(reordered).toMatchObject({ headerMatches: false, missing: [], unexpected: [] });
  });

  it('makes batch keys the API accepts', () => {
    const key = newBatchKey('E2E-MAU BKN', new Date('2026-11-28T17:05:09Z'), () => 0.5);
    expect(key).toBe('E2E-MAUBKN-20261128-1705-i000');
    expect(isBatchKey(key)).toBe(true);
    expect(isBatchKey('ab')).toBe(false);
    expect(isBatchKey('có dấu')).toBe(false);
  });
});
