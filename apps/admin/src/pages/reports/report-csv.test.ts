import { describe, expect, it } from 'vitest';
import { toCsv } from './report-csv.js';

describe('toCsv', () => {
  it('quotes cells with separators, quotes or line breaks and starts with a byte-order mark', () => {
    const csv = toCsv(
      ['code', 'name', 'value'],
      [
        ['1.1', 'Nơi ngồi chờ, đủ chỗ', 86.21],
        ['2.1', 'Nói "đúng"', null],
      ],
    );
    expect(csv).toBe('\uFEFFcode,name,value\r\n1.1,"Nơi ngồi chờ, đủ chỗ",86.21\r\n2.1,"Nói ""đúng""",\r\n');
  });
});
