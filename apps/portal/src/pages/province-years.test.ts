import { describe, expect, it } from 'vitest';
import { provincesAsOf, provinceYears, yearFromSearch } from './province-years.js';

describe('province years', () => {
  it('offers 2019 to the current year (at least 2026)', () => {
    expect(provinceYears(new Date('2026-03-01'))).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(provinceYears(new Date('2028-01-01')).at(-1)).toBe(2028);
  });

  it('reads a year on 31 December', () => {
    expect(provincesAsOf(2019)).toBe('2019-12-31');
  });

  it('falls back to the latest year for a missing or unknown ?year', () => {
    const years = [2019, 2020, 2026];
    expect(yearFromSearch('2019', years)).toBe(2019);
    expect(yearFromSearch(null, years)).toBe(2026);
    expect(yearFromSearch('1990', years)).toBe(2026);
    expect(yearFromSearch('abc', years)).toBe(2026);
  });
});
