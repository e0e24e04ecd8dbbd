import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO } from '@chiso/db';
import { createTestDatabase } from '@chiso/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  PersistedQueryAllowList,
  type PersistedQueryManifest,
  sha256Hex,
  VERDICTS,
} from './persisted-queries.js';
import { createTestApi, type TestApi } from './test/graphql.js';

const { db } = await createTestDatabase({ demo: true });
const PASSWORD = DEMO.userPassword;

const CREATE_KEY = /* GraphQL */ `
  mutation($input: CreateApiKeyInput!) {
    createApiKey(input: $input) { ... on MutationCreateApiKeySuccess { data { secret } } }
  }
`;

async function apiKeyOf(api: TestApi, cookie: string): Promise<string> {
  const created = await api.query(
    CREATE_KEY,
    { input: { name: 'Bên thứ ba', scopes: ['READ_CATALOG', 'READ_REPORTS'], expiresInDays: 30 } },
    { cookie },
  );
  return created.data.createApiKey.data.secret;
}

describe('rate limits at the transport', () => {
  let now = new Date('2026-03-02T03:00:00.000Z');
  let api: TestApi;
  let bearer: Record<string, string>;
  let staff: Record<string, string>;
  const PING = '{ platform { demoData } }';

  beforeAll(async () => {
    api = await createTestApi(db, {
      clock: () => now,
      env: {
        CHISO_RATE_LIMIT_ANONYMOUS_PER_MINUTE: '3',
        CHISO_RATE_LIMIT_API_KEY_PER_MINUTE: '5',
        CHISO_RATE_LIMIT_STAFF_PER_MINUTE: '50',
      },
    });
    const { cookie } = await api.signIn('phantich@demo.chiso.vn', PASSWORD);
    staff = { cookie };
    bearer = { authorization: `Bearer ${await apiKeyOf(api, cookie)}` };
    now = new Date('2026-03-02T03:01:10.000Z'); // a fresh window, 50 s before it turns
  });

  it('answers 429 with Retry-After and a GraphQL-shaped body once an address spends its budget', async () => {
    for (let i = 0; i < 3; i++) expect((await api.query(PING)).status).toBe(200);
    const refused = await api.query(PING);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('50');
    expect(refused.data).toBeUndefined();
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringContaining('quá nhiều yêu cầu'),
      extensions: {
        code: 'RATE_LIMITED',
        messageEn: expect.stringContaining('Too many requests'),
        retryAfterSeconds: 50,
      },
    });
    // The export endpoints share the budget.
    const exported = await api.app.inject({
      method: 'GET',
      url: '/exports/index-report.csv?unit=06&year=2019',
    });
    expect(exported.statusCode).toBe(429);
    expect(exported.headers['retry-after']).toBe('50');
    // A bad API key is counted against its address too.
    const guessed = await api.query(PING, {}, { authorization: 'Bearer chiso_000000000000_guess' });
    expect(guessed.status).toBe(429);
  });

  it('keeps a separate budget per API key, and a generous one for staff sessions', async () => {
    for (let i = 0; i < 5; i++) expect((await api.query(PING, {}, bearer)).status).toBe(200);
    const refused = await api.query(PING, {}, bearer);
    expect(refused.status).toBe(429);
    expect(refused.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(refused.headers['retry-after']).toBe('50');
    for (let i = 0; i < 10; i++) expect((await api.query(PING, {}, staff)).status).toBe(200);
  });

  it('recovers when the window turns', async () => {
    now = new Date('2026-03-02T03:02:00.000Z');
    expect((await api.query(PING)).status).toBe(200);
    expect((await api.query(PING, {}, bearer)).status).toBe(200);
  });
});

describe('persisted-query allow-list', () => {
  const LISTED = 'query Platform {\n  platform {\n    demoData\n  }\n}';
  const manifest: PersistedQueryManifest = {
    format: 'apollo-persisted-query-manifest',
    version: 1,
    operations: [{ id: sha256Hex(LISTED), name: 'Platform', type: 'query', body: LISTED }],
  };
  let api: TestApi;
  let bearer: Record<string, string>;
  let staff: Record<string, string>;

  beforeAll(async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'chiso-pq-')), 'persisted-queries.json');
    writeFileSync(file, JSON.stringify(manifest));
    api = await createTestApi(db, {
      env: { CHISO_PERSISTED_QUERIES: 'allowlist', CHISO_PERSISTED_QUERIES_FILE: file },
    });
    // Signed in through an API without the list (the test's login document is not in it).
    const open = await createTestApi(db);
    const { cookie } = await open.signIn('phantich@demo.chiso.vn', PASSWORD);
    staff = { cookie };
    bearer = { authorization: `Bearer ${await apiKeyOf(open, cookie)}` };
  });

  it('runs listed documents for anonymous clients, by text (whitespace and __typename aside) or by hash', async () => {
    expect((await api.query(LISTED)).data).toEqual({ platform: { demoData: true } });
    const reformatted = await api.query('query Platform { platform { __typename demoData } }');
    expect(reformatted.data).toEqual({ platform: { __typename: 'Platform', demoData: true } });
    const byHash = await api.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: { extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex(LISTED) } } },
    });
    expect(byHash.json()).toEqual({ data: { platform: { demoData: true } } });
  });

  it('refuses other documents from anonymous clients with PERSISTED_QUERY_NOT_ALLOWED', async () => {
    const other = await api.query('{ platform { demoData } units(level: PROVINCE) { code } }');
    expect(other.status).toBe(400);
    expect(other.errors?.[0]).toMatchObject({
      extensions: { code: 'PERSISTED_QUERY_NOT_ALLOWED', messageEn: expect.stringContaining('allow-list') },
    });
    const unknownHash = await api.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: {
        extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex('{ units { code } }') } },
      },
    });
    expect(unknownHash.statusCode).toBe(400);
    expect(unknownHash.json().errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
  });

  it('lets API keys and staff sessions send any document', async () => {
    const document = '{ platform { demoData } }';
    expect((await api.query(document, {}, bearer)).data).toEqual({ platform: { demoData: true } });
    expect((await api.query(document, {}, staff)).data).toEqual({ platform: { demoData: true } });
  });

  it('loads the committed allow-list of the portal and admin apps', async () => {
    const committed = PersistedQueryAllowList.fromFile(
      new URL('../persisted-queries.json', import.meta.url).pathname,
    );
    expect(committed.size).toBeGreaterThan(0);
    expect(committed.allowsDocument('query Platform { platform { demoData } }')).toBe(true);
  });

  it('judges a text once: the same verdict from memory, which stays bounded', () => {
    const list = new PersistedQueryAllowList(manifest);
    const variant = 'query Platform { platform { __typename demoData } }';
    expect(list.allowsDocument(variant)).toBe(true);
    expect(list.allowsDocument(variant)).toBe(true);
    expect(list.allowsDocument('{ units { code } }')).toBe(false);
    expect(list.allowsDocument('{ units { code } }')).toBe(false);
    expect(list.allowsDocument('{ units {')).toBe(false);
    expect(list.rememberedVerdicts).toBe(3);
    for (let i = 0; i < VERDICTS + 200; i += 1) {
      expect(list.allowsDocument(`{ units(level: PROVINCE) { code c${i}: name } }`)).toBe(false);
    }
    expect(list.rememberedVerdicts).toBe(VERDICTS);
    expect(list.allowsDocument(LISTED)).toBe(true);
    expect(list.allowsDocument(variant)).toBe(true);
  });

  it('refuses to start without its file', async () => {
    const { loadEnv } = await import('./env.js');
    expect(() => loadEnv({ CHISO_PERSISTED_QUERIES: 'allowlist' })).toThrow(/CHISO_PERSISTED_QUERIES_FILE/);
  });
});
