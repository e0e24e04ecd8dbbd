import { describe, expect, it } from 'vitest';
import { formatDays, formatVietnamDateTime, formatVnd, newIdempotencyKey } from './format.js';

describe('formats', () => {
  it('writes đồng the Vietnamese way', () => {
    expect(formatVnd(200000, 'vi').replace(/\s/g, ' ')).toBe('200.000 ₫');
  });

  it('shows moments in Vietnam time', () => {
    // 00:52 UTC is 07:52 in Hà Nội.
    expect(formatVietnamDateTime('2019-01-16T00:52:00.000Z', 'vi')).toContain('07:52');
    expect(formatVietnamDateTime('2019-01-16T00:52:00.000Z', 'vi')).toContain('16/01/2019');
  });

  it('writes days with a decimal comma in Vietnamese', () => {
    expect(formatDays(7.5, 'vi')).toBe('7,5');
    expect(formatDays(15, 'en')).toBe('15');
  });

  it('makes distinct idempotency keys', () => {
    expect(newIdempotencyKey()).not.toBe(newIdempotencyKey());
    expect(newIdempotencyKey().length).toBeGreaterThanOrEqual(16);
  });
});
