import type { DB } from '@chiso/db';
import type { FastifyInstance } from 'fastify';
import { afterAll } from 'vitest';
import type { Viewer } from '../context.js';
import { loadEnv } from '../env.js';
import type { PersistedQueryAllowList } from '../persisted-queries.js';
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
    headers?: Record<string, string>,
  ): Promise<
    GraphQLResponse<TData> & {
      status: number;
      setCookie: string[];
      headers: Record<string, string | string[] | number | undefined>;
    }
  >;
  /** Signs in through the `login` mutation; returns the `cookie` header that carries the new session. */
  signIn(email: string, password: string): Promise<{ cookie: string }>;
}

/**
 * The API over `db`, closed after the file's tests (the database itself belongs to `createTestDatabase`).
 * With `viewer`, every request is made as that viewer (no sign-in), for tests of scoped domains; with `clock`,
 * the API's "now" is that function (deadline rules at chosen instants).
 */
export async function createTestApi(
  db: DB,
  options: {
    viewer?: Viewer;
    clock?: () => Date;
    /** Extra environment variables (e.g. small rate-limit budgets). */
    env?: Record<string, string>;
    persistedQueries?: PersistedQueryAllowList;
  } = {},
): Promise<TestApi> {
  const { viewer, clock, persistedQueries } = options;
  const app = await buildServer({
    db,
    env: loadEnv({ NODE_ENV: 'test', ...options.env }),
    ...(viewer ? { authenticate: async () => viewer } : {}),
    ...(clock ? { clock } : {}),
    ...(persistedQueries ? { persistedQueries } : {}),
  });
  afterAll(() => app.close());
  const api: TestApi = {
    app,
    async query(document, variables, headers = {}) {
      const response = await app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json', ...headers },
        payload: { query: document, variables },
      });
      const setCookie = response.headers['set-cookie'] ?? [];
      return {
        status: response.statusCode,
        headers: response.headers,
        setCookie: Array.isArray(setCookie) ? setCookie : [setCookie],
        ...response.json(),
      };
    },
    async signIn(email, password) {
      const result = await api.query(
        'mutation($input: LoginInput!) { login(input: $input) { __typename ... on Error { code message } } }',
        { input: { email, password } },
      );
      const session = result.setCookie.find((c) => c.startsWith('chiso_session='));
      if (result.data?.login?.__typename !== 'MutationLoginSuccess' || !session) {
        throw new Error(`sign-in of ${email} failed: ${JSON.stringify(result.data ?? result.errors)}`);
      }
      return { cookie: session.split(';')[0]! };
    },
  };
  return api;
}
