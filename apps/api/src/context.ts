import type { DB } from '@chiso/db';
import { PersonalDataCipher } from './crypto/personal-data.js';
import { loadEnv } from './env.js';
import { AccessControl, anonymousViewer, type Viewer } from './modules/accounts/access.js';
import { createCalendarLoaders } from './modules/calendars/calendars.loaders.js';
import { createDossierLoaders } from './modules/dossiers/dossiers.loaders.js';
import { createFeedbackLoaders } from './modules/feedback/feedback.loaders.js';
import { createUnitLoaders } from './modules/units/units.loaders.js';
import { createRateLimits, type RateLimits } from './rate-limit.js';

export { anonymousViewer, type Viewer };

/** Request-scoped DataLoaders, one group per domain (fresh per request: no cache outlives it). */
export function createLoaders(db: DB) {
  return {
    units: createUnitLoaders(db),
    calendars: createCalendarLoaders(db),
    dossiers: createDossierLoaders(db),
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
  /** The client's address as Fastify sees it (behind a proxy: set `trustProxy`), for rate limits and audit. */
  ip: string | null;
  /** The current time; one clock per server so deadline rules can be tested at chosen instants. */
  now: () => Date;
  /** Seals and opens personal data at rest (see `crypto/personal-data.ts`). */
  personalData: PersonalDataCipher;
  /** The server's request limits (shared by its requests). */
  rateLimits: RateLimits;
}

export interface CreateContextOptions {
  db: DB;
  viewer?: Viewer;
  ip?: string | null;
  clock?: () => Date;
  /** Default: from the environment (the server passes its own). */
  personalData?: PersonalDataCipher;
  /** Default: fresh limits from the environment (the server passes its own, shared by its requests). */
  rateLimits?: RateLimits;
}

export function createContext({
  db,
  viewer = anonymousViewer,
  ip = null,
  clock = () => new Date(),
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
    now: clock,
    personalData: personalData ?? PersonalDataCipher.fromEnv(env!),
    rateLimits:
      rateLimits ??
      createRateLimits({ feedbackSubmissionsPerHour: env!.CHISO_FEEDBACK_SUBMISSIONS_PER_HOUR }),
  };
}
