import type { FastifyBaseLogger } from 'fastify';
import { type DestinationStream, pino } from 'pino';
import type { Env } from './env.js';

/**
 * The API's logger. Logs must never hold secrets or personal data (Law 91/2025/QH15): passwords, PINs, survey
 * tokens, API keys, session cookies, emails, phone numbers. The API logs no request bodies or headers; on top of
 * that:
 * - a request is logged by method and path only: the query string of a GET `/graphql` carries the variables
 *   (a PIN, a token) and is dropped;
 * - errors are logged by type, message, code and stack only: driver errors carry `detail`, `where`, `parameters`
 *   and the like, which can quote row values;
 * - headers and anything named like a secret or a contact are censored wherever they appear one level down
 *   (`redact`), in case a future log call passes them.
 * Proved by `log-redaction.test.ts`, which scans everything logged while signing in, using API keys, submitting
 * feedback with a contact, tracking a dossier with its PIN and answering a survey with its token.
 */
const REDACTED_KEYS = [
  'authorization',
  'cookie',
  'set-cookie',
  'password',
  'newPassword',
  'currentPassword',
  'pin',
  'token',
  'secret',
  'apiKey',
  'email',
  'phone',
  'contact',
  'variables',
];

export const LOG_REDACT_PATHS = [
  'req.headers',
  'res.headers',
  ...REDACTED_KEYS.flatMap((key) => [key, `*.${key}`]),
];

/** `/graphql?query=…&variables=…` → `/graphql`. */
export function pathOnly(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

interface RequestLike {
  method?: string;
  url?: string;
  id?: string;
  ip?: string;
  routeOptions?: { url?: string };
}

interface ErrorLike {
  name?: string;
  message?: string;
  code?: unknown;
  stack?: string;
  statusCode?: unknown;
}

export const LOG_SERIALIZERS = {
  req: (request: RequestLike) => ({ method: request.method, url: pathOnly(request.url), id: request.id }),
  err: (error: ErrorLike) =>
    error instanceof Error || (error && typeof error === 'object')
      ? {
          type: error.name ?? 'Error',
          message: error.message,
          ...(typeof error.code === 'string' ? { code: error.code } : {}),
          ...(typeof error.statusCode === 'number' ? { statusCode: error.statusCode } : {}),
          stack: error.stack,
        }
      : error,
};

export function createLogger(
  env: Pick<Env, 'LOG_LEVEL'>,
  destination?: DestinationStream,
): FastifyBaseLogger {
  const options = {
    level: env.LOG_LEVEL,
    base: { service: 'chiso-api' },
    redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' },
    serializers: LOG_SERIALIZERS,
  };
  return (destination ? pino(options, destination) : pino(options)) as FastifyBaseLogger;
}
