import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildManifest } from './extract.js';
import { appSources } from './sources.js';

const root = resolve(fileURLToPath(import.meta.url), '../../../..');

describe('buildManifest', () => {
  it('takes the operations of graphql() calls with their fragments, transitively, across files', () => {
    const manifest = buildManifest([
      {
        path: 'a/fragments.ts',
        text: `
          export const UnitName = graphql(\`fragment UnitName on AdministrativeUnit { name }\`);
          export const UnitCard = graphql(\`fragment UnitCard on AdministrativeUnit { code ...UnitName }\`, [UnitName]);
        `,
      },
      {
        path: 'a/page.tsx',
        text: `
          import { UnitCard } from './fragments.js';
          const Units = graphql(\`query Units { units(level: PROVINCE) { id ...UnitCard } }\`, [UnitCard]);
          const Login = graphql("mutation Login($i: LoginInput!) { login(input: $i) { __typename } }");
        `,
      },
    ]);
    expect(manifest.operations.map((o) => [o.name, o.type])).toEqual([
      ['Login', 'mutation'],
      ['Units', 'query'],
    ]);
    const units = manifest.operations.find((o) => o.name === 'Units')!;
    expect(units.body).toContain('fragment UnitCard on AdministrativeUnit');
    expect(units.body).toContain('fragment UnitName on AdministrativeUnit');
    expect(units.id).toMatch(/^[0-9a-f]{64}$/);
  });

  it('fails on a fragment it cannot resolve', () => {
    expect(() =>
      buildManifest([{ path: 'p.ts', text: 'const Q = graphql(`query Q { a ...F }`, [Missing]);' }]),
    ).toThrow(/Missing/);
  });

  it('matches the committed apps/api/persisted-queries.json (run `pnpm persisted:generate`)', () => {
    const committed = JSON.parse(readFileSync(resolve(root, 'apps/api/persisted-queries.json'), 'utf8'));
    const manifest = buildManifest(appSources(root));
    expect(committed).toEqual(manifest);
    expect(manifest.operations.map((o) => o.name)).toContain('Platform');
  });
});
