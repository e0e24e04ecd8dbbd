import { randomBytes } from 'node:crypto';
import { createDatabase } from '@chiso/db';
import { createTestDatabase } from '@chiso/testing';
import { type KyselyPlugin, RawNode } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEnv } from './env.js';
import { buildServer } from './server.js';
import { createTestApi } from './test/graphql.js';

const { db } = await createTestDatabase();
const api = await createTestApi(db);

/** A pool pointed at a port nobody listens on. */
const deadDb = createDatabase({ url: 'postgres://postgres@127.0.0.1:1/nothing', max: 1 });
afterAll(() => deadDb.destroy());
const deadApi = await createTestApi(deadDb);

describe('health', () => {
  it('answers /healthz without touching the database', async () => {
    const response = await deadApi.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz 200 when the database answers', async () => {
    const response = await api.app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('marks every GraphQL answer as not to be stored by caches', async () => {
    for (const payload of [{ query: '{ __typename }' }, { query: '{ nope }' }]) {
      const response = await api.app.inject({ method: 'POST', url: '/graphql', payload });
      expect(response.headers['cache-control']).toBe('no-store');
    }
  });

  it('answers /readyz 503 when the database is unreachable', async () => {
    const response = await deadApi.app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ status: 'unavailable' });
  });
});

describe('/graphql transport', () => {
  it('serves GET queries when the CSRF preflight header is present', async () => {
    const query = encodeURIComponent('{ levels { code } }');
    const response = await api.app.inject({
      method: 'GET',
      url: `/graphql?query=${query}`,
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().data.levels).toHaveLength(3);
  });

  it('refuses simple GET requests (CSRF prevention)', async () => {
    const query = encodeURIComponent('{ levels { code } }');
    const response = await api.app.inject({ method: 'GET', url: `/graphql?query=${query}` });
    expect(response.statusCode).toBe(400);
  });

  it('refuses bodies over the size limit', async () => {
    const response = await api.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ query: `{ levels { code } }${' '.repeat(1024 * 1024)}` }),
    });
    expect(response.statusCode).toBe(413);
  });

  it('reports a syntax error with its code', async () => {
    const { status, errors } = await api.query('{ levels { code ');
    expect(status).toBe(400);
    expect(errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('allows introspection outside production and refuses it in production', async () => {
    const introspect = '{ __schema { queryType { name } } }';
    expect((await api.query(introspect)).data?.__schema.queryType.name).toBe('Query');

    const app = await buildServer({
      db,
      env: loadEnv({
        NODE_ENV: 'production',
        LOG_LEVEL: 'silent',
        CHISO_DATA_KEY: randomBytes(32).toString('base64'),
        CHISO_PSEUDONYM_SECRET: 'p'.repeat(32),
      }),
    });
    try {
      const response = await app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json' },
        payload: { query: introspect },
      });
      expect(response.json().errors[0].extensions).toEqual({
        code: 'GRAPHQL_VALIDATION_FAILED',
        validationErrorCode: 'INTROSPECTION_DISABLED',
      });
    } finally {
      await app.close();
    }
  });
});

describe('errors never leak the database', () => {
  it('hides an SQL error behind a generic INTERNAL_SERVER_ERROR', async () => {
    // Every query of this server becomes a broken statement.
    const breaking: KyselyPlugin = {
      transformQuery: () => RawNode.createWithSql('select secret_column from no_such_table_xyz'),
      transformResult: async ({ result }) => result,
    };
    const broken = await createTestApi(db.withPlugin(breaking));
    const { status, data, errors } = await broken.query(
      `{ units(level: PROVINCE, asOf: "2019-06-01") { __typename } }`,
    );
    expect(status).toBe(200);
    expect(data).toEqual({ units: null });
    expect(errors).toHaveLength(1);
    expect(errors?.[0]).toEqual({
      message: expect.stringContaining('lỗi ngoài dự kiến'),
      locations: expect.any(Array),
      path: ['units'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', messageEn: expect.stringContaining('unexpected error') },
    });
    const text = JSON.stringify(errors);
    for (const leak of ['no_such_table', 'secret_column', 'relation', 'select', 'stacktrace', '42P01']) {
      expect(text).not.toContain(leak);
    }
  });

  it('reports an unreachable database as a retryable SERVICE_UNAVAILABLE', async () => {
    const { data, errors } = await deadApi.query(`{ levels { code } }`);
    expect(data).toEqual({ levels: null });
    expect(errors?.[0]).toMatchObject({
      message: expect.stringContaining('tạm thời'),
      extensions: {
        code: 'SERVICE_UNAVAILABLE',
        retryable: true,
        messageEn: expect.stringContaining('unavailable'),
      },
    });
    expect(JSON.stringify(errors)).not.toContain('ECONNREFUSED');
  });
});
