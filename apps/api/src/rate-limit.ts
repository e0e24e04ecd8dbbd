/**
 * Fixed-window request limits kept in this process's memory, per key (a source address). Enough for one API
 * process; several processes behind a balancer would each allow the limit (a shared store would be needed then).
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

/** The limits of one API server. */
export interface RateLimits {
  feedbackSubmission: FixedWindowLimiter;
}

export function createRateLimits(options: { feedbackSubmissionsPerHour: number }): RateLimits {
  return {
    feedbackSubmission: new FixedWindowLimiter({
      limit: options.feedbackSubmissionsPerHour,
      windowMs: 3_600_000,
    }),
  };
}
