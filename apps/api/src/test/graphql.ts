import type { DB } from '@chiso/db';
import type { FastifyInstance } from 'fastify';
import { afterAll } from 'vitest';
import type { Viewer } from '../context.js';
import { loadEnv } from '../env.js';
import { buildServer } from '../server.js';

export interface GraphQLResponse<TData = Record<string, unknown>> {
  data?: TData | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestApi {
  app: FastifyInstance;
  /** POSTs one operation to /graphql and returns the parsed body (the HTTP status is in `status`). */
  // biome-ignore lint/suspicious/noExplicitAny: test documents are untyped; assertions pin the shape
  query<TData = any>(
    document: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<TData> & { status: number }>;
}

/**
 * The API over `db`, closed after the file's tests (the database itself belongs to `createTestDatabase`).
 * With `viewer`, every request is made as that viewer (no sign-in), for tests of scoped domains; with `clock`,
 * the API's "now" is that function (deadline rules at chosen instants).
 */
export async function createTestApi(
  db: DB,
  options: { viewer?: Viewer; clock?: () => Date } = {},
): Promise<TestApi> {
  const { viewer, clock } = options;
  const app = await buildServer({
    db,
    env: loadEnv({ NODE_ENV: 'test' }),
    ...(viewer ? { authenticate: async () => viewer } : {}),
    ...(clock ? { clock } : {}),
  });
  afterAll(() => app.close());
  return {
    app,
    async query(document, variables) {
      const response = await app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json' },
        payload: { query: document, variables },
      });
      return { status: response.statusCode, ...response.json() };
    },
  };
}
