import { DEMO } from '@chiso/db';
import { createTestDatabase } from '@chiso/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApi } from './test/graphql.js';

const { db } = await createTestDatabase({ demo: true });
const api = await createTestApi(db);

/** What a third party reads: the catalog, computed and published indices, published feedback answers. */
const PUBLIC_READ = /* GraphQL */ `
  query PublicRead($unit: String!, $year: Int!) {
    procedures(first: 2) { edges { node { code name } } pageInfo { hasNextPage endCursor } }
    indexReport(unit: $unit, year: $year) { ... on IndexReport { overall { value n publishable } } }
    ranking(level: PROVINCE, year: $year) { ... on Ranking { rankedUnits entries { n } } }
    publishedResults(index: SIPAS) { year value }
    publishedFeedback(first: 2) { edges { cursor } pageInfo { hasNextPage } }
  }
`;

let bearer: Record<string, string>;

beforeAll(async () => {
  const { cookie } = await api.signIn('phantich@demo.chiso.vn', DEMO.userPassword);
  const created = await api.query(
    `mutation($input: CreateApiKeyInput!) {
      createApiKey(input: $input) { ... on MutationCreateApiKeySuccess { data { secret } } }
    }`,
    { input: { name: 'Bên thứ ba', scopes: ['READ_CATALOG'], expiresInDays: 30 } },
    { cookie },
  );
  bearer = { authorization: `Bearer ${created.data.createApiKey.data.secret}` };
});

describe('public read for third parties', () => {
  it.each([
    ['anonymously', () => ({})],
    ['with an API key', () => bearer],
  ])('reads the catalog, indices and published feedback %s', async (_label, headers) => {
    const result = await api.query(PUBLIC_READ, { unit: DEMO.provinceCode, year: DEMO.year }, headers());
    expect(result.errors).toBeUndefined();
    expect(result.data.procedures.edges.length).toBeGreaterThan(0);
    expect(result.data.procedures.pageInfo.endCursor).toEqual(expect.any(String));
    expect(result.data.indexReport.overall.n).toBeGreaterThan(0);
    expect(result.data.ranking.entries.length).toBeGreaterThan(0);
    expect(Array.isArray(result.data.publishedResults)).toBe(true);
    expect(Array.isArray(result.data.publishedFeedback.edges)).toBe(true);
  });
});
