/** Years offered by the provinces page, oldest first: the first SIPAS data year to the current year. */
export function provinceYears(today: Date = new Date()): number[] {
  const last = Math.max(2026, today.getFullYear());
  return Array.from({ length: last - 2019 + 1 }, (_, i) => 2019 + i);
}

/** The day a year's provinces are read on: 31 December, the end of the reporting year. */
export function provincesAsOf(year: number): string {
  return `${year}-12-31`;
}

/** `?year=2019` when it is one of the offered years, else the latest year. */
export function yearFromSearch(value: string | null, years: readonly number[]): number {
  const year = Number(value);
  return years.includes(year) ? year : years[years.length - 1]!;
}
