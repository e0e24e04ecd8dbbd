import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cellKey, poststratificationWeights } from './weights.js';

describe('poststratificationWeights', () => {
  test('brings each cell to its population share', () => {
    const cells = ['f', 'f', 'f', 'm'];
    const { weights, uncoveredCells } = poststratificationWeights(cells, { f: 0.5, m: 0.5 });
    expect(weights[0]).toBeCloseTo(2 / 3, 12); // 0.5 / 0.75
    expect(weights[3]).toBeCloseTo(2, 12); // 0.5 / 0.25
    expect(uncoveredCells).toEqual([]);
  });

  test('reports population cells without respondents and renormalises over the rest', () => {
    const { weights, uncoveredCells } = poststratificationWeights(['a', 'b'], { a: 0.3, b: 0.3, c: 0.4 });
    expect(uncoveredCells).toEqual(['c']);
    expect(weights).toEqual([1, 1]);
  });

  test('refuses a respondent outside the population table', () => {
    expect(() => poststratificationWeights(['a', 'x'], { a: 1 })).toThrow(/cells\[1\]/);
    expect(() => poststratificationWeights(['a'], { a: 1, b: -1 })).toThrow(RangeError);
  });

  test('cell keys from attributes', () => {
    expect(cellKey({ sex: 'f', age: '18-34', area: 'urban' }, ['sex', 'age'])).toBe('f|18-34');
    expect(cellKey({ sex: 'm' }, ['sex', 'age'])).toBe('m|');
  });

  test('weights average 1 and reproduce the population shares (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 1, maxLength: 200 }),
        fc.tuple(
          fc.double({ min: 0.01, max: 1, noNaN: true }),
          fc.double({ min: 0.01, max: 1, noNaN: true }),
          fc.double({ min: 0.01, max: 1, noNaN: true }),
          fc.double({ min: 0.01, max: 1, noNaN: true }),
        ),
        (cells, [a, b, c, d]) => {
          const shares = { a, b, c, d };
          const { weights, uncoveredCells } = poststratificationWeights(cells, shares);
          const total = weights.reduce((sum, w) => sum + w, 0);
          expect(total).toBeCloseTo(cells.length, 9);
          const covered = Object.entries(shares)
            .filter(([cell]) => !uncoveredCells.includes(cell))
            .reduce((sum, [, share]) => sum + share, 0);
          for (const cell of new Set(cells)) {
            const cellWeight = weights.filter((_, i) => cells[i] === cell).reduce((sum, w) => sum + w, 0);
            expect(cellWeight / total).toBeCloseTo(shares[cell as keyof typeof shares] / covered, 9);
          }
        },
      ),
    );
  });
});
