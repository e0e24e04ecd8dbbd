import type { DB } from '@chiso/db';
import { AccessControl, anonymousViewer, type Viewer } from './modules/accounts/access.js';
import { createCalendarLoaders } from './modules/calendars/calendars.loaders.js';
import { createDossierLoaders } from './modules/dossiers/dossiers.loaders.js';
import { createUnitLoaders } from './modules/units/units.loaders.js';

export { anonymousViewer, type Viewer };

/** Request-scoped DataLoaders, one group per domain (fresh per request: no cache outlives it). */
export function createLoaders(db: DB) {
  return {
    units: createUnitLoaders(db),
    calendars: createCalendarLoaders(db),
    dossiers: createDossierLoaders(db),
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
}

export function createContext({
  db,
  viewer = anonymousViewer,
  ip = null,
  clock = () => new Date(),
}: {
  db: DB;
  viewer?: Viewer;
  ip?: string | null;
  clock?: () => Date;
}): Context {
  return { db, loaders: createLoaders(db), viewer, access: new AccessControl(db, viewer), ip, now: clock };
}
