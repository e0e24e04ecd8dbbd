import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import type { DB } from '@chiso/db';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
  LogController,
} from 'fastify';
import { sql } from 'kysely';
import { pino } from 'pino';
import { anonymousViewer, type Context, createContext, type Viewer } from './context.js';
import { type Env, loadEnv } from './env.js';
import { createErrorFormatter } from './format-error.js';
import { schema } from './schema/index.js';
import { registerStaticApps, type StaticAppsOptions } from './static-apps.js';

export interface BuildServerOptions {
  db: DB;
  env?: Env;
  /** A pino logger; by default one at `env.LOG_LEVEL` (silent under test). */
  logger?: FastifyBaseLogger;
  /**
   * Who is asking, from the request (session cookie, bearer API key). Tests of other domains may pass a fixed
   * viewer instead of signing in.
   */
  authenticate?: (request: FastifyRequest) => Promise<Viewer>;
  /** Built single-page apps to serve (portal at `/`, admin at `/admin/`), when their folders exist. */
  apps?: StaticAppsOptions;
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
  const authenticate = options.authenticate ?? (async () => anonymousViewer);
  const env = options.env ?? loadEnv();
  const logger = options.logger ?? pino({ level: env.LOG_LEVEL, base: { service: 'chiso-api' } });
  const production = env.NODE_ENV === 'production';
  const development = env.NODE_ENV === 'development';

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

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: !production,
    includeStacktraceInErrorResponses: development,
    csrfPrevention: true,
    formatError: createErrorFormatter(logger, { exposeStacktrace: development }),
    logger,
    // main.ts owns the signals: it closes Fastify (which stops Apollo) and then the database.
    stopOnTerminationSignals: false,
    plugins: production ? [ApolloServerPluginLandingPageDisabled()] : [],
  });
  await apollo.start();
  app.addHook('onClose', async () => {
    await apollo.stop();
  });

  app.route({
    method: ['GET', 'POST'],
    url: '/graphql',
    handler: fastifyApolloHandler(apollo, {
      context: async (request) => createContext({ db, viewer: await authenticate(request) }),
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
