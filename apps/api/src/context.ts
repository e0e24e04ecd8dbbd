import type { DB } from '@chiso/db';
import { DEVELOPMENT_PSEUDONYM_SECRET } from './env.js';
import { AccessControl, anonymousViewer, type Viewer } from './modules/accounts/access.js';
import { createSurveyLoaders } from './modules/surveys/surveys.loaders.js';
import { createUnitLoaders } from './modules/units/units.loaders.js';

export { anonymousViewer, type Viewer };

/** Request-scoped DataLoaders, one group per domain (fresh per request: no cache outlives it). */
export function createLoaders(db: DB) {
  return {
    units: createUnitLoaders(db),
    surveys: createSurveyLoaders(db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export interface Context {
  db: DB;
  loaders: Loaders;
  viewer: Viewer;
  /** Scope checks of this request's viewer (see `modules/accounts/access.ts`). */
  access: AccessControl;
  /** The client's address, for rate limits and keyed source counters only: never stored as is. */
  clientIp: string | null;
  /** Key of the HMAC pseudonyms (env `CHISO_PSEUDONYM_SECRET`). */
  pseudonymSecret: string;
}

export function createContext({
  db,
  viewer = anonymousViewer,
  clientIp = null,
  pseudonymSecret = DEVELOPMENT_PSEUDONYM_SECRET,
}: {
  db: DB;
  viewer?: Viewer;
  clientIp?: string | null;
  pseudonymSecret?: string;
}): Context {
  return {
    db,
    loaders: createLoaders(db),
    viewer,
    access: new AccessControl(db, viewer),
    clientIp,
    pseudonymSecret,
  };
}
