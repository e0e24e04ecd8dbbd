import { randomBytes } from 'node:crypto';
import { createTestDatabase } from '@chiso/testing';
import { auditServer } from 'graphql-http';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEnv } from './env.js';
import { hashPassword } from './modules/accounts/password.js';
import { checkPageSize, MAX_PAGE_SIZE } from './schema/pagination.js';
import { buildServer, GRAPHQL_LIMITS } from './server.js';
import { createTestApi } from './test/graphql.js';

/**
 * Transport limits are regression-tested one by one: a public API that silently loses a limit (CONSUL once did)
 * is open to cheap denial of service.
 */
const { db } = await createTestDatabase();
const api = await createTestApi(db);

function codes(result: { errors?: { extensions?: Record<string, unknown> }[] }) {
  return (result.errors ?? []).map((e) => e.extensions?.code);
}

describe('graphql-armor limits', () => {
  it(`refuses a document deeper than ${GRAPHQL_LIMITS.maxDepth} with 400, and accepts a normal one`, async () => {
    const nest = (depth: number) => {
      let selection = 'code';
      for (let i = 0; i < depth; i++) selection = `parent { ${selection} }`;
      return `{ unit(code: "01") { ... on AdministrativeUnit { ${selection} } } }`;
    };
    const deep = await api.query(nest(GRAPHQL_LIMITS.maxDepth + 2));
    expect(deep.status).toBe(400);
    expect(deep.errors?.[0]?.message).toMatch(/depth/i);
    const shallow = await api.query(nest(3));
    expect(shallow.status).toBe(200);
    expect(shallow.errors).toBeUndefined();
  });

  it(`refuses more than ${GRAPHQL_LIMITS.maxAliases} aliases`, async () => {
    const aliases = Array.from({ length: GRAPHQL_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: levels { code }`);
    const result = await api.query(`{ ${aliases.join(' ')} }`);
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.message).toMatch(/alias/i);
    expect(codes(result)).not.toContain('INTERNAL_SERVER_ERROR');
    const few = await api.query(`{ ${aliases.slice(0, 5).join(' ')} }`);
    expect(few.status).toBe(200);
  });

  it(`refuses a document costing more than ${GRAPHQL_LIMITS.maxCost}`, async () => {
    // Within the depth and alias limits, but wide: every field of a unit, nested 10 deep, 15 times.
    const fields = 'code name nameEn nameAscii fullName type isoCode level validFrom validTo';
    let selection = fields;
    for (let i = 0; i < 10; i++) selection = `${fields} parent { ${selection} }`;
    const aliases = Array.from(
      { length: 15 },
      (_, i) => `u${i}: unit(code: "01") { ... on AdministrativeUnit { ${selection} } }`,
    );
    const result = await api.query(`{ ${aliases.join(' ')} }`);
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.message).toMatch(/cost/i);
  });

  it('keeps syntax errors a 400 GRAPHQL_PARSE_FAILED (maxTokens is off)', async () => {
    const result = await api.query('{ levels { code ');
    expect(result.status).toBe(400);
    expect(codes(result)).toEqual(['GRAPHQL_PARSE_FAILED']);
  });

  it('refuses a body over the limit with 413', async () => {
    const response = await api.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({
        query: `{ levels { code } }`,
        variables: { pad: 'x'.repeat(2 * 1024 * 1024) },
      }),
    });
    expect(response.statusCode).toBe(413);
  });

  it('refuses simple GET requests without a preflight header (CSRF prevention)', async () => {
    const response = await api.app.inject({
      method: 'GET',
      url: `/graphql?query=${encodeURIComponent('{ levels { code } }')}`,
    });
    expect(response.statusCode).toBe(400);
  });
});

const app = await buildServer({
  db,
  env: loadEnv({
    NODE_ENV: 'production',
    CHISO_PSEUDONYM_SECRET: 'p'.repeat(32),
    LOG_LEVEL: 'silent',
    CHISO_DATA_KEY: randomBytes(32).toString('base64'),
  }),
});
afterAll(() => app.close());

describe('production mode', () => {
  const post = async (query: string) => {
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: { query },
    });
    return { status: response.statusCode, ...response.json() };
  };

  it('refuses introspection', async () => {
    const result = await post('{ __schema { types { name } } }');
    expect(result.status).toBe(400);
    expect(codes(result)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(result.errors?.[0]?.message).toMatch(/introspection/i);
  });

  it('gives no field suggestions and no stack traces', async () => {
    const result = await post('{ levelz { code } }');
    expect(result.errors?.[0]?.message).not.toMatch(/Did you mean/);
    expect(JSON.stringify(result)).not.toMatch(/stacktrace/);
    const dev = await api.query('{ levelz { code } }');
    expect(dev.errors?.[0]?.message).toMatch(/Did you mean/);
  });

  it('marks the session cookie Secure', async () => {
    await db
      .insertInto('appUser')
      .values({
        email: 'prod@example.gov.vn',
        displayName: 'Prod',
        passwordHash: await hashPassword('Prod-pass-2025'),
      })
      .execute();
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: {
        query: 'mutation($input: LoginInput!) { login(input: $input) { __typename } }',
        variables: { input: { email: 'prod@example.gov.vn', password: 'Prod-pass-2025' } },
      },
    });
    expect(response.json().data.login.__typename).toBe('MutationLoginSuccess');
    expect(String(response.headers['set-cookie'])).toMatch(/chiso_session=.*; Secure/);
  });
});

describe('page size', () => {
  it(`refuses pages above ${MAX_PAGE_SIZE} and negative sizes (every connection: schema/pagination.test.ts)`, () => {
    expect(() => checkPageSize({ first: MAX_PAGE_SIZE })).not.toThrow();
    expect(() => checkPageSize({ first: MAX_PAGE_SIZE + 1 })).toThrow(/phải từ 0 đến 100/);
    expect(() => checkPageSize({ last: -1 })).toThrow(/phải từ 0 đến 100/);
  });
});

describe('GraphQL over HTTP (graphql-http audit suite)', () => {
  it('passes every MUST audit against the real server on a real port', async () => {
    const app = await buildServer({ db, env: loadEnv({ NODE_ENV: 'test' }) });
    try {
      const address = await app.listen({ host: '127.0.0.1', port: 0 });
      const results = await auditServer({ url: `${address}/graphql`, fetchFn: fetch });
      const errors = results
        .filter((r) => r.status === 'error')
        .map((r) => `${r.name}: ${'reason' in r ? r.reason : ''}`);
      expect(errors).toEqual([]);
      // The rest are recommendations, pinned so a change shows up here:
      // - notices: simple GETs (form-encoded, or with `variables`) are refused by CSRF prevention (Apollo wants a preflight header on GET);
      // - warnings: for `application/json` clients Apollo answers parse, validation and variable-coercion
      //   failures with 400 where the spec prefers 200 (the spec requires nothing there; 400 is what Apollo does).
      const others = results
        .filter((r) => r.status !== 'ok')
        .map((r) => `${r.status} ${r.name}`)
        .sort();
      expect(others).toEqual([
        'notice MAY accept application/x-www-form-urlencoded formatted GET requests',
        'notice MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/graphql-response+json',
        'notice MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/json',
        'warn SHOULD use 200 status code on document parsing failure when accepting application/json',
        'warn SHOULD use 200 status code on document validation failure when accepting application/json',
        'warn SHOULD use a status code of 200 on variable coercion failure when accepting application/json',
      ]);
    } finally {
      await app.close();
    }
  });
});
