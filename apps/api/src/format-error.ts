import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import { PothosValidationError } from '@pothos/core';
import type { FastifyBaseLogger } from 'fastify';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AppError, ServiceUnavailableError, TooManyRequestsError, ValidationError } from './errors.js';

/** Codes of errors made by the GraphQL layer itself (parsing, validation, variables): their text is safe to show. */
const TRANSPORT_CODES = new Set<string>([
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.BAD_USER_INPUT,
  ApolloServerErrorCode.BAD_REQUEST,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
  'INTROSPECTION_DISABLED',
  'MAX_RECURSIVE_SELECTIONS_EXCEEDED',
]);

/**
 * Errors meaning "the database cannot serve us now" rather than "this query is wrong": socket errors of `pg`,
 * pool timeouts, and PostgreSQL's connection-exception (08xxx), shutdown (57P01-03), too-many-connections
 * (53300) and statement-timeout (57014) codes.
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  '53300',
  '57014',
  '57P01',
  '57P02',
  '57P03',
]);
const UNAVAILABLE_MESSAGES =
  /timeout exceeded when trying to connect|Connection terminated|Client has encountered a connection error/i;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const { code, message, cause } = error as { code?: unknown; message?: unknown; cause?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
  if (
    error instanceof AggregateError &&
    error.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))
  ) {
    return true;
  }
  return isDatabaseUnavailable(cause, depth + 1);
}

const UNEXPECTED = {
  message: 'Đã xảy ra lỗi ngoài dự kiến. Chúng tôi đã ghi nhận và sẽ xử lý.',
  messageEn: 'An unexpected error occurred. It has been logged.',
};

function appErrorExtensions(error: AppError): Record<string, unknown> {
  return {
    code: error.code,
    messageEn: error.messageEn,
    ...(error instanceof ValidationError ? { fieldErrors: error.fieldErrors } : {}),
    ...(error instanceof ServiceUnavailableError ? { retryable: true } : {}),
    ...(error instanceof TooManyRequestsError ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
  };
}

/**
 * Apollo's `formatError`: what a client may see of a failure. Known errors keep their code and bilingual text;
 * GraphQL's own request errors pass through; database outages become a retryable SERVICE_UNAVAILABLE; anything
 * else is logged and replaced by a generic INTERNAL_SERVER_ERROR, so no SQL or driver message ever leaves.
 */
export function createErrorFormatter(log: FastifyBaseLogger, options: { exposeStacktrace?: boolean } = {}) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const where = {
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      path: formatted.path,
    };

    if (original instanceof AppError) {
      return { message: original.message, ...where, extensions: appErrorExtensions(original) };
    }
    if (isDatabaseUnavailable(original)) {
      log.warn({ err: original, path: formatted.path }, 'database unavailable during a GraphQL operation');
      const unavailable = new ServiceUnavailableError();
      return { message: unavailable.message, ...where, extensions: appErrorExtensions(unavailable) };
    }
    if (original instanceof PothosValidationError) {
      // Pothos's own input checks (for example a malformed global ID); their text names no internals.
      return {
        message: 'Dữ liệu nhập vào không hợp lệ.',
        ...where,
        extensions: { code: ApolloServerErrorCode.BAD_USER_INPUT, messageEn: original.message },
      };
    }
    const code = formatted.extensions?.code;
    if (original instanceof GraphQLError && typeof code === 'string' && TRANSPORT_CODES.has(code)) {
      if (options.exposeStacktrace) return formatted;
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }

    if (
      original instanceof GraphQLError &&
      !original.originalError &&
      !formatted.path &&
      code === ApolloServerErrorCode.INTERNAL_SERVER_ERROR
    ) {
      // A request error made by graphql-js itself and left without a code by Apollo: "Too many errors processing
      // variables", raised after 50 bad variable values. It is about the input, and its text names nothing inside.
      return {
        message: formatted.message,
        ...where,
        extensions: { code: ApolloServerErrorCode.BAD_USER_INPUT },
      };
    }

    log.error({ err: original, path: formatted.path }, 'unexpected error in a GraphQL operation');
    return {
      message: UNEXPECTED.message,
      ...where,
      extensions: { code: ApolloServerErrorCode.INTERNAL_SERVER_ERROR, messageEn: UNEXPECTED.messageEn },
    };
  };
}
