/**
 * Fixed-window request limits kept in this process's memory, per key (a source address, an API key, a person).
 * Enough for one API process; several processes behind a balancer would each allow the limit (a shared store
 * would be needed then: see `RequestLimits`).
 */
export class FixedWindowLimiter {
  readonly limit: number;
  readonly windowMs: number;
  readonly #counts = new Map<string, { windowStart: number; count: number }>();

  constructor(options: { limit: number; windowMs: number }) {
    this.limit = options.limit;
    this.windowMs = options.windowMs;
  }

  /**
   * Counts one attempt for `key`. Returns 0 when allowed, else the seconds until the window turns.
   */
  consume(key: string, now: number = Date.now()): number {
    const windowStart = now - (now % this.windowMs);
    const entry = this.#counts.get(key);
    if (!entry || entry.windowStart !== windowStart) {
      if (this.#counts.size > 100_000) this.#prune(windowStart);
      this.#counts.set(key, { windowStart, count: 1 });
      return 0;
    }
    if (entry.count >= this.limit) return Math.ceil((windowStart + this.windowMs - now) / 1000);
    entry.count += 1;
    return 0;
  }

  #prune(windowStart: number) {
    for (const [key, entry] of this.#counts) if (entry.windowStart !== windowStart) this.#counts.delete(key);
  }
}

/** Requests per minute a client may send to `/graphql` and `/exports/…`, by kind of client. */
export interface RequestBudgets {
  /** Per source address, for requests with neither a session nor an API key. */
  anonymousPerMinute: number;
  /** Per API key. */
  apiKeyPerMinute: number;
  /** Per signed-in person (staff sessions): generous, since the admin app sends many small queries. */
  staffPerMinute: number;
}

export const DEFAULT_REQUEST_BUDGETS: RequestBudgets = Object.freeze({
  anonymousPerMinute: 300,
  apiKeyPerMinute: 600,
  staffPerMinute: 3_000,
});

/** Who a request is counted against: its API key, its signed-in person, or else its source address. */
export interface RequestClient {
  userId: string | null;
  apiKeyId: string | null;
  ip: string | null;
}

export type RequestVerdict =
  | { allowed: true }
  | { allowed: false; retryAfterSeconds: number; limit: number; kind: 'anonymous' | 'api_key' | 'staff' };

/**
 * Transport limits on requests (before Apollo runs anything): a fixed one-minute window per client, with separate
 * budgets for anonymous traffic (per address), API keys (per key) and staff sessions (per person).
 *
 * The counts live in this process's memory. Behind a balancer with N API processes a client gets up to N times
 * the budget; a deployment of several processes would need a shared counter (e.g. Redis `INCR` + `EXPIRE` per
 * client and window, or PostgreSQL's unlogged table with an upsert), or sticky routing by address.
 */
export class RequestLimits {
  readonly budgets: RequestBudgets;
  readonly #clock: () => number;
  readonly #anonymous: FixedWindowLimiter;
  readonly #apiKey: FixedWindowLimiter;
  readonly #staff: FixedWindowLimiter;

  constructor(budgets: RequestBudgets = DEFAULT_REQUEST_BUDGETS, clock: () => number = Date.now) {
    this.budgets = budgets;
    this.#clock = clock;
    this.#anonymous = new FixedWindowLimiter({ limit: budgets.anonymousPerMinute, windowMs: 60_000 });
    this.#apiKey = new FixedWindowLimiter({ limit: budgets.apiKeyPerMinute, windowMs: 60_000 });
    this.#staff = new FixedWindowLimiter({ limit: budgets.staffPerMinute, windowMs: 60_000 });
  }

  /** Counts one request of `client`; refused ones are not counted. */
  consume(client: RequestClient): RequestVerdict {
    const now = this.#clock();
    const [kind, limiter, key] =
      client.apiKeyId !== null
        ? (['api_key', this.#apiKey, `key:${client.apiKeyId}`] as const)
        : client.userId !== null
          ? (['staff', this.#staff, `user:${client.userId}`] as const)
          : (['anonymous', this.#anonymous, `ip:${client.ip ?? 'unknown'}`] as const);
    const retryAfterSeconds = limiter.consume(key, now);
    if (retryAfterSeconds === 0) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, retryAfterSeconds), limit: limiter.limit, kind };
  }
}

/** The limits of one API server. */
export interface RateLimits {
  feedbackSubmission: FixedWindowLimiter;
  /** Requests to `/graphql` and `/exports/…`, counted by the transport before Apollo. */
  requests: RequestLimits;
}

export function createRateLimits(options: {
  feedbackSubmissionsPerHour: number;
  requestBudgets?: RequestBudgets;
  /** Milliseconds since the epoch (default `Date.now`); tests pass a controlled clock. */
  clock?: () => number;
}): RateLimits {
  return {
    feedbackSubmission: new FixedWindowLimiter({
      limit: options.feedbackSubmissionsPerHour,
      windowMs: 3_600_000,
    }),
    requests: new RequestLimits(options.requestBudgets ?? DEFAULT_REQUEST_BUDGETS, options.clock ?? Date.now),
  };
}
