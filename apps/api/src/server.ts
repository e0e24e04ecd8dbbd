import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import type { DB } from '@chiso/db';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import fastifyCookie from '@fastify/cookie';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from 'fastify';
import { sql } from 'kysely';
import { type Context, createContext, type HttpExchange, type Viewer } from './context.js';
import { PersonalDataCipher } from './crypto/personal-data.js';
import { type Env, loadEnv } from './env.js';
import { ServiceUnavailableError, TooManyRequestsError } from './errors.js';
import { createErrorFormatter, isDatabaseUnavailable } from './format-error.js';
import { createLogger } from './logger.js';
import { clearSessionCookie, setSessionCookie } from './modules/accounts/session-cookie.js';
import { createAuthenticator, UnauthenticatedError } from './modules/accounts/sessions.service.js';
import { registerExportRoutes } from './modules/exports/exports.routes.js';
import { PersistedQueryAllowList } from './persisted-queries.js';
import { createRateLimits, type RequestVerdict } from './rate-limit.js';
import { schema } from './schema/index.js';
import { registerStaticApps, type StaticAppsOptions } from './static-apps.js';

export interface BuildServerOptions {
  db: DB;
  env?: Env;
  /** A pino logger; by default `createLogger(env)` (redacting, at `env.LOG_LEVEL`, silent under test). */
  logger?: FastifyBaseLogger;
  /**
   * Who is asking, from the request. By default `createAuthenticator` (accounts): the bearer API key, else the
   * session cookie, else anonymous; it throws `UnauthenticatedError` for a bad key (answered 401). Tests of other
   * domains may pass a fixed viewer instead of signing in (`createTestApi(db, { viewer })`).
   */
  authenticate?: (request: FastifyRequest) => Promise<Viewer>;
  /** The current time (default the system clock); tests of deadlines pass a controlled one. */
  clock?: () => Date;
  /** Built single-page apps to serve (portal at `/`, admin at `/admin/`), when their folders exist. */
  apps?: StaticAppsOptions;
  /**
   * The allow-list of `CHISO_PERSISTED_QUERIES=allowlist` (default: read from `CHISO_PERSISTED_QUERIES_FILE`);
   * tests pass one built in memory.
   */
  persistedQueries?: PersistedQueryAllowList;
}

/** A GraphQL-shaped error body, as the transport answers before Apollo runs (401, 429, 400). */
function transportError(
  code: string,
  message: string,
  messageEn: string,
  extra: Record<string, unknown> = {},
) {
  return { errors: [{ message, extensions: { code, messageEn, ...extra } }] };
}

function sendRateLimited(reply: FastifyReply, verdict: Extract<RequestVerdict, { allowed: false }>) {
  const error = new TooManyRequestsError(verdict.retryAfterSeconds);
  return reply
    .code(429)
    .header('retry-after', String(verdict.retryAfterSeconds))
    .header('cache-control', 'no-store')
    .send(
      transportError(error.code, error.message, error.messageEn, {
        retryAfterSeconds: verdict.retryAfterSeconds,
        limitPerMinute: verdict.limit,
      }),
    );
}

/**
 * Authenticates a request and counts it against its client's budget: the viewer, or null once a 401 or a 429 has
 * been sent. A request with a bad API key is counted against its source address, so guessing keys spends the
 * anonymous budget.
 */
export type AdmitRequest = (request: FastifyRequest, reply: FastifyReply) => Promise<Viewer | null>;

/**
 * Limits on what one GraphQL document may ask (graphql-armor), pinned by tests in `server.limits.test.ts`.
 * `maxTokens` stays off: it turns every syntax error into HTTP 500; the body size limit bounds documents instead.
 */
export const GRAPHQL_LIMITS = {
  maxDepth: 12,
  maxAliases: 15,
  // A page of 50 procedures with field, agencies, cases, documents and fees costs about 7,800.
  maxCost: 20_000,
  maxDirectives: 50,
} as const;

function graphqlArmor(production: boolean) {
  const armor = new ApolloArmor({
    maxDepth: { n: GRAPHQL_LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases },
    costLimit: { maxCost: GRAPHQL_LIMITS.maxCost, ignoreIntrospection: true },
    maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives },
    maxTokens: { enabled: false },
    // "Did you mean …?" hints map the schema for a stranger; hidden in production only.
    blockFieldSuggestion: { enabled: production },
  });
  // Only its rules and plugins: `protect()` would also switch off batching and stack traces by itself.
  const { plugins, validationRules } = armor.protect();
  // graphql-armor is typed against its own copy of Apollo's plugin types.
  return { plugins: plugins as unknown as ApolloServerPlugin<Context>[], validationRules };
}

/** Stable codes of the HTTP errors answered before GraphQL runs (body, content type, method). */
const HTTP_ERROR_CODES: Record<number, { code: string; message: string; messageEn: string }> = {
  400: { code: 'BAD_REQUEST', message: 'Yêu cầu không hợp lệ.', messageEn: 'The request is not valid.' },
  404: { code: 'NOT_FOUND', message: 'Không tìm thấy.', messageEn: 'Not found.' },
  405: {
    code: 'METHOD_NOT_ALLOWED',
    message: 'Phương thức không được hỗ trợ.',
    messageEn: 'Method not allowed.',
  },
  406: {
    code: 'NOT_ACCEPTABLE',
    message: 'Không trả lời được ở định dạng yêu cầu.',
    messageEn: 'Not acceptable.',
  },
  413: {
    code: 'PAYLOAD_TOO_LARGE',
    message: 'Yêu cầu quá lớn.',
    messageEn: 'The request body is too large.',
  },
  415: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Kiểu nội dung không được hỗ trợ; hãy gửi application/json.',
    messageEn: 'Unsupported content type; send application/json.',
  },
};

const UNEXPECTED_HTTP = {
  code: 'INTERNAL_SERVER_ERROR',
  message: 'Đã xảy ra lỗi ngoài dự kiến. Chúng tôi đã ghi nhận và sẽ xử lý.',
  messageEn: 'An unexpected error occurred. It has been logged.',
};

/**
 * The answer to an error raised outside GraphQL execution (body parsing, content type, authentication): a
 * GraphQL-shaped body with a stable `extensions.code`, never a driver message or a stack. A database that cannot
 * be reached is a 503 with `Retry-After`, like the retryable SERVICE_UNAVAILABLE of GraphQL answers.
 */
function answerHttpError(
  error: unknown,
  log: FastifyBaseLogger,
): { status: number; body: unknown; retryAfter?: number } {
  const shape = (code: string, message: string, messageEn: string, extra: Record<string, unknown> = {}) => ({
    errors: [{ message, extensions: { code, messageEn, ...extra } }],
  });
  if (isDatabaseUnavailable(error)) {
    log.warn({ err: error }, 'database unavailable before a GraphQL operation');
    const unavailable = new ServiceUnavailableError();
    return {
      status: 503,
      retryAfter: 1,
      body: shape(unavailable.code, unavailable.message, unavailable.messageEn, { retryable: true }),
    };
  }
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  const status = typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500 ? statusCode : 500;
  if (status === 500) {
    log.error({ err: error }, 'unexpected error outside a GraphQL operation');
    return { status, body: shape(UNEXPECTED_HTTP.code, UNEXPECTED_HTTP.message, UNEXPECTED_HTTP.messageEn) };
  }
  const known = HTTP_ERROR_CODES[status] ?? {
    code: `HTTP_${status}`,
    message: 'Yêu cầu không hợp lệ.',
    messageEn: 'The request was refused.',
  };
  return { status, body: shape(known.code, known.message, known.messageEn) };
}

/** True when the database answers `select 1` within `timeoutMs`. */
export async function pingDatabase(db: DB, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const ping = sql`select 1`.execute(db).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The API as a Fastify instance, ready for `listen` (main.ts) or `inject` (tests): GraphQL at `/graphql`
 * (GET and POST), liveness at `/healthz`, readiness at `/readyz`, and the built apps given in `apps`.
 */
export async function buildServer(options: BuildServerOptions): Promise<FastifyInstance> {
  const { db } = options;
  const authenticate = options.authenticate ?? createAuthenticator(db);
  const env = options.env ?? loadEnv();
  const logger = options.logger ?? createLogger(env);
  const production = env.NODE_ENV === 'production';
  const development = env.NODE_ENV === 'development';
  const personalData = PersonalDataCipher.fromEnv(env);
  const clock = options.clock;
  const rateLimits = createRateLimits({
    feedbackSubmissionsPerHour: env.CHISO_FEEDBACK_SUBMISSIONS_PER_HOUR,
    requestBudgets: {
      anonymousPerMinute: env.CHISO_RATE_LIMIT_ANONYMOUS_PER_MINUTE,
      apiKeyPerMinute: env.CHISO_RATE_LIMIT_API_KEY_PER_MINUTE,
      staffPerMinute: env.CHISO_RATE_LIMIT_STAFF_PER_MINUTE,
    },
    ...(clock ? { clock: () => clock().getTime() } : {}),
  });
  const allowList =
    env.CHISO_PERSISTED_QUERIES === 'allowlist'
      ? (options.persistedQueries ?? PersistedQueryAllowList.fromFile(env.CHISO_PERSISTED_QUERIES_FILE!))
      : null;

  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: env.CHISO_BODY_LIMIT_BYTES,
    requestIdHeader: 'x-request-id',
    // Probes hit every few seconds; their lines would drown the log. Tests log nothing per request.
    logController: new LogController({
      disableRequestLogging: (request) =>
        env.NODE_ENV === 'test' || request.url === '/healthz' || request.url === '/readyz',
    }),
  });

  app.setErrorHandler((error, _request, reply) => {
    const { status, body, retryAfter } = answerHttpError(error, logger);
    if (retryAfter) reply.header('retry-after', String(retryAfter));
    return reply.code(status).header('cache-control', 'no-store').send(body);
  });

  await app.register(fastifyCookie);

  const armor = graphqlArmor(production);
  const apollo = new ApolloServer<Context>({
    schema,
    validationRules: armor.validationRules,
    introspection: !production,
    includeStacktraceInErrorResponses: development,
    csrfPrevention: true,
    formatError: createErrorFormatter(logger, { exposeStacktrace: development }),
    logger,
    // main.ts owns the signals: it closes Fastify (which stops Apollo) and then the database.
    stopOnTerminationSignals: false,
    // Answers are per viewer and never cached (`cache-control: no-store`, set on the route below). Apollo's
    // cache-control plugin would only compute the same header from per-field hints, wrapping every resolver of
    // every answer to do so (a page of 50 dossiers runs hundreds of resolvers).
    plugins: [
      ...armor.plugins,
      ApolloServerPluginCacheControlDisabled(),
      ...(production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
    // Allow-list mode: APQ-style requests naming a listed hash find their document without a round trip.
    ...(allowList ? { persistedQueries: { cache: allowList.apolloCache() } } : {}),
  });
  await apollo.start();
  app.addHook('onClose', async () => {
    await apollo.stop();
  });

  const admit: AdmitRequest = async (request, reply) => {
    let viewer: Viewer;
    try {
      viewer = await authenticate(request);
    } catch (error) {
      if (!(error instanceof UnauthenticatedError)) throw error;
      const verdict = rateLimits.requests.consume({ userId: null, apiKeyId: null, ip: request.ip ?? null });
      if (!verdict.allowed) {
        sendRateLimited(reply, verdict);
        return null;
      }
      reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .header('cache-control', 'no-store')
        .send(transportError(error.code, error.message, error.messageEn));
      return null;
    }
    const verdict = rateLimits.requests.consume({ ...viewer, ip: request.ip ?? null });
    if (!verdict.allowed) {
      sendRateLimited(reply, verdict);
      return null;
    }
    return viewer;
  };

  const viewers = new WeakMap<FastifyRequest, Viewer>();
  app.route({
    method: ['GET', 'POST'],
    url: '/graphql',
    // Before Apollo: a bad API key is a plain 401, a client over its budget a 429, a document outside the
    // allow-list a 400 (GraphQL-shaped bodies), never a half-answer.
    preHandler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const viewer = await admit(request, reply);
      if (!viewer) return reply;
      const anonymous = viewer.userId === null && viewer.apiKeyId === null;
      if (
        allowList &&
        anonymous &&
        !allowList.allowsRequest(request.method === 'GET' ? request.query : request.body)
      ) {
        return reply
          .code(400)
          .header('cache-control', 'no-store')
          .send(
            transportError(
              'PERSISTED_QUERY_NOT_ALLOWED',
              'Truy vấn này không nằm trong danh sách được phép. Ứng dụng bên thứ ba cần dùng khoá API.',
              'This query is not in the allow-list. Third-party applications need an API key.',
            ),
          );
      }
      viewers.set(request, viewer);
    },
    handler: fastifyApolloHandler(apollo, {
      context: async (request, reply) => {
        const http: HttpExchange = {
          ip: request.ip ?? null,
          userAgent: request.headers['user-agent'] ?? null,
          setSessionCookie: (token, expiresAt) => setSessionCookie(reply, token, expiresAt, production),
          clearSessionCookie: () => clearSessionCookie(reply, production),
        };
        return createContext({
          db,
          viewer: viewers.get(request),
          http,
          ...(options.clock ? { clock: options.clock } : {}),
          personalData,
          rateLimits,
          pseudonymSecret: env.CHISO_PSEUDONYM_SECRET,
        });
      },
    }),
  });

  registerExportRoutes(app, {
    admit,
    contextFor: (viewer) =>
      createContext({
        db,
        viewer,
        ...(options.clock ? { clock: options.clock } : {}),
        personalData,
        rateLimits,
        pseudonymSecret: env.CHISO_PSEUDONYM_SECRET,
      }),
  });

  app.get('/healthz', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return { status: 'ok' };
  });

  app.get('/readyz', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    const ready = await pingDatabase(db, env.CHISO_READINESS_TIMEOUT_MS);
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ok' : 'unavailable' });
  });

  if (options.apps) {
    const served = await registerStaticApps(app, options.apps);
    if (served.portal || served.admin) logger.info({ served }, 'serving the built apps');
  }

  return app;
}

/** Stops taking requests, lets in-flight ones finish (Fastify, then Apollo), then closes the database pool. */
export async function shutdown(app: FastifyInstance, db: DB): Promise<void> {
  try {
    await app.close();
  } finally {
    await db.destroy();
  }
}
