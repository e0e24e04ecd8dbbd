import { type DB, type RetentionSummary, runRetention } from '@chiso/db';
import type { FastifyBaseLogger } from 'fastify';

export interface RetentionSchedule {
  /** Runs the job now (the schedule's own runs call this too); null when it failed (logged). */
  runNow(): Promise<RetentionSummary | null>;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

/**
 * Runs the retention job (`runRetention` of `@chiso/db`) inside the API process every `intervalMs`, first soon
 * after start. Every API process may run it: the job's advisory lock lets one run at a time and the others skip.
 * A failed run is logged and retried at the next tick; it never stops the process.
 */
export function scheduleRetention(
  db: DB,
  options: { intervalMs: number; log: FastifyBaseLogger; clock?: () => Date; firstRunAfterMs?: number },
): RetentionSchedule {
  const { log } = options;
  let running: Promise<RetentionSummary | null> | null = null;
  let stopped = false;

  const runNow = () => {
    running ??= runRetention(db, options.clock ? { now: options.clock() } : {})
      .then(
        (summary) => {
          if (summary.skipped) log.debug('retention: another process is running it');
          else if (summary.total > 0)
            log.info({ removed: summary.removed }, 'retention: personal data removed');
          return summary;
        },
        (error: unknown) => {
          log.error({ err: error }, 'retention run failed');
          return null;
        },
      )
      .finally(() => {
        running = null;
      });
    return running;
  };

  const tick = () => {
    if (!stopped) void runNow();
  };
  const first = setTimeout(tick, options.firstRunAfterMs ?? 60_000);
  const every = setInterval(tick, options.intervalMs);
  first.unref();
  every.unref();

  return {
    runNow,
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}
