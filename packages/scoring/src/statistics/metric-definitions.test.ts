import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { METRIC_DEFINITIONS } from './metric-definitions.js';

describe('METRIC_DEFINITIONS', () => {
  test('every metric has a name and a definition in Vietnamese and English', () => {
    for (const definition of Object.values(METRIC_DEFINITIONS)) {
      for (const text of [definition.name, definition.definition]) {
        expect(text.vi.trim()).not.toBe('');
        expect(text.en.trim()).not.toBe('');
      }
    }
  });

  test('the README states the same definitions', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const [key, definition] of Object.entries(METRIC_DEFINITIONS)) {
      expect(readme, key).toContain(`\`${key}\``);
      expect(readme, key).toContain(definition.definition.vi);
      expect(readme, key).toContain(definition.definition.en);
    }
  });
});
