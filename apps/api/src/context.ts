import type { DB } from '@chiso/db';
import { PersonalDataCipher } from './crypto/personal-data.js';
import { DEVELOPMENT_PSEUDONYM_SECRET, loadEnv } from './env.js';
import { AccessControl, anonymousViewer, type Viewer } from './modules/accounts/access.js';
import { createAccountLoaders } from './modules/accounts/accounts.loaders.js';
import { createAgencyLoaders } from './modules/agencies/agencies.loaders.js';
import { createCalendarLoaders } from './modules/calendars/calendars.loaders.js';
import { createDossierLoaders } from './modules/dossiers/dossiers.loaders.js';
import { createFeedbackLoaders } from './modules/feedback/feedback.loaders.js';
import { createProcedureLoaders } from './modules/procedures/procedures.loaders.js';
import { createSurveyLoaders } from './modules/surveys/surveys.loaders.js';
import { createUnitLoaders } from './modules/units/units.loaders.js';
import { createRateLimits, type RateLimits } from './rate-limit.js';

export { anonymousViewer, type Viewer };

/** Request-scoped DataLoaders, one group per domain (fresh per request: no cache outlives it). */
export function createLoaders(db: DB, access: AccessControl) {
  const agencies = createAgencyLoaders(db);
  return {
    units: createUnitLoaders(db),
    agencies,
    procedures: createProcedureLoaders(db, agencies),
    calendars: createCalendarLoaders(db),
    dossiers: createDossierLoaders(db),
    feedback: createFeedbackLoaders(db),
    accounts: createAccountLoaders(db, access),
    surveys: createSurveyLoaders(db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** What a resolver may know of, and do to, the HTTP exchange (no-ops outside HTTP, e.g. in unit tests). */
export interface HttpExchange {
  ip: string | null;
  userAgent: string | null;
  /** Sets the httpOnly session cookie (see `modules/accounts/session-cookie.ts`). */
  setSessionCookie(token: string, expiresAt: Date): void;
  clearSessionCookie(): void;
}

export const noHttpExchange: HttpExchange = Object.freeze({
  ip: null,
  userAgent: null,
  setSessionCookie: () => {},
  clearSessionCookie: () => {},
});

export interface Context {
  db: DB;
  http: HttpExchange;
  loaders: Loaders;
  viewer: Viewer;
  /** Scope checks of this request's viewer (see `modules/accounts/access.ts`). */
  access: AccessControl;
  /** The current time; one clock per server so deadline rules can be tested at chosen instants. */
  now: () => Date;
  /** Seals and opens personal data at rest (see `crypto/personal-data.ts`). */
  personalData: PersonalDataCipher;
  /** The server's request limits (shared by its requests). */
  rateLimits: RateLimits;
  /** Key of the HMAC pseudonyms (env `CHISO_PSEUDONYM_SECRET`). */
  pseudonymSecret: string;
}

export interface CreateContextOptions {
  db: DB;
  viewer?: Viewer;
  http?: HttpExchange;
  clock?: () => Date;
  /** Default: from the environment (the server passes its own). */
  personalData?: PersonalDataCipher;
  /** Default: fresh limits from the environment (the server passes its own, shared by its requests). */
  rateLimits?: RateLimits;
  pseudonymSecret?: string;
}

export function createContext({
  db,
  viewer = anonymousViewer,
  http = noHttpExchange,
  clock = () => new Date(),
  personalData,
  rateLimits,
  pseudonymSecret = DEVELOPMENT_PSEUDONYM_SECRET,
}: CreateContextOptions): Context {
  const env = personalData && rateLimits ? null : loadEnv();
  const access = new AccessControl(db, viewer);
  return {
    db,
    http,
    loaders: createLoaders(db, access),
    viewer,
    access,
    now: clock,
    pseudonymSecret,
    personalData: personalData ?? PersonalDataCipher.fromEnv(env!),
    rateLimits:
      rateLimits ??
      createRateLimits({ feedbackSubmissionsPerHour: env!.CHISO_FEEDBACK_SUBMISSIONS_PER_HOUR }),
  };
}
