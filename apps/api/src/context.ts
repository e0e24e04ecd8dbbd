import type { DB } from '@chiso/db';
import { PersonalDataCipher } from './crypto/personal-data.js';
import { loadEnv } from './env.js';
import { AccessControl, anonymousViewer, type Viewer } from './modules/accounts/access.js';
import { createFeedbackLoaders } from './modules/feedback/feedback.loaders.js';
import { createUnitLoaders } from './modules/units/units.loaders.js';
import { createRateLimits, type RateLimits } from './rate-limit.js';

export { anonymousViewer, type Viewer };

/** Request-scoped DataLoaders, one group per domain (fresh per request: no cache outlives it). */
export function createLoaders(db: DB) {
  return {
    units: createUnitLoaders(db),
    feedback: createFeedbackLoaders(db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export interface Context {
  db: DB;
  loaders: Loaders;
  viewer: Viewer;
  /** Scope checks of this request's viewer (see `modules/accounts/access.ts`). */
  access: AccessControl;
  /** Address of the request's source (for rate limits and the audit log); null outside HTTP. */
  ip: string | null;
  /** Seals and opens personal data at rest (see `crypto/personal-data.ts`). */
  personalData: PersonalDataCipher;
  /** The server's request limits (shared by its requests). */
  rateLimits: RateLimits;
}

export interface CreateContextOptions {
  db: DB;
  viewer?: Viewer;
  ip?: string | null;
  /** Default: from the environment (the server passes its own). */
  personalData?: PersonalDataCipher;
  /** Default: fresh limits from the environment (the server passes its own, shared by its requests). */
  rateLimits?: RateLimits;
}

export function createContext({
  db,
  viewer = anonymousViewer,
  ip = null,
  personalData,
  rateLimits,
}: CreateContextOptions): Context {
  const env = personalData && rateLimits ? null : loadEnv();
  return {
    db,
    loaders: createLoaders(db),
    viewer,
    access: new AccessControl(db, viewer),
    ip,
    personalData: personalData ?? PersonalDataCipher.fromEnv(env!),
    rateLimits:
      rateLimits ??
      createRateLimits({ feedbackSubmissionsPerHour: env!.CHISO_FEEDBACK_SUBMISSIONS_PER_HOUR }),
  };
}
