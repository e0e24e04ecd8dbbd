/**
 * Errors a client can act on. Each carries a stable `code`, a Vietnamese `message` and its English
 * `messageEn`. Services throw them; the schema returns them as typed results where a field lists them, and the
 * transport maps them to `extensions.code` everywhere else. Any other error is treated as unexpected and never
 * shown to the client as is.
 */
export abstract class AppError extends Error {
  abstract readonly code: string;
  readonly messageEn: string;

  constructor(message: string, messageEn: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.messageEn = messageEn;
  }
}

export interface FieldError {
  /** Path of the offending input, starting with the argument name: `["asOf"]`, `["input", "items", "2"]`. */
  path: string[];
  message: string;
  messageEn: string;
}

export class ValidationError extends AppError {
  readonly code = 'BAD_USER_INPUT';
  readonly fieldErrors: FieldError[];

  constructor(fieldErrors: FieldError[]) {
    const [first] = fieldErrors;
    super(
      first && fieldErrors.length === 1 ? first.message : 'Dữ liệu nhập vào không hợp lệ.',
      first && fieldErrors.length === 1 ? first.messageEn : 'The input is not valid.',
    );
    this.fieldErrors = fieldErrors;
  }
}

export class NotFoundError extends AppError {
  readonly code = 'NOT_FOUND';
}

export class ForbiddenError extends AppError {
  readonly code = 'FORBIDDEN';

  constructor(
    message = 'Bạn không có quyền thực hiện thao tác này.',
    messageEn = 'You are not allowed to do this.',
  ) {
    super(message, messageEn);
  }
}

/** The database (or another dependency) cannot be reached right now; the client may retry. */
export class ServiceUnavailableError extends AppError {
  readonly code = 'SERVICE_UNAVAILABLE';

  constructor(options?: ErrorOptions) {
    super(
      'Hệ thống tạm thời không phục vụ được, vui lòng thử lại sau.',
      'The service is temporarily unavailable; please try again shortly.',
      options,
    );
  }
}

/** The request conflicts with the current state: an illegal transition, a duplicate, a reused key. */
export class ConflictError extends AppError {
  readonly code = 'CONFLICT';
}

/**
 * Too many requests or attempts from one source (wrong PINs, bursts of submissions): refused until
 * `retryAfterSeconds` have passed.
 */
export class TooManyRequestsError extends AppError {
  readonly code = 'RATE_LIMITED';
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number, reason: 'requests' | 'failed_attempts' = 'requests') {
    const minutes = Math.ceil(retryAfterSeconds / 60);
    super(
      reason === 'failed_attempts'
        ? `Bạn đã thử sai quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`
        : `Bạn đã gửi quá nhiều yêu cầu; vui lòng thử lại sau ${minutes} phút.`,
      reason === 'failed_attempts'
        ? `Too many failed attempts. Please try again in ${minutes} minutes.`
        : `Too many requests; please try again in ${minutes} minutes.`,
    );
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
