import type { DB } from '@chiso/db';
import { AccessControl, anonymousViewer, type Viewer } from './modules/accounts/access.js';
import { createAgencyLoaders } from './modules/agencies/agencies.loaders.js';
import { createProcedureLoaders } from './modules/procedures/procedures.loaders.js';
import { createUnitLoaders } from './modules/units/units.loaders.js';

export { anonymousViewer, type Viewer };

/** Request-scoped DataLoaders, one group per domain (fresh per request: no cache outlives it). */
export function createLoaders(db: DB) {
  const agencies = createAgencyLoaders(db);
  return {
    units: createUnitLoaders(db),
    agencies,
    procedures: createProcedureLoaders(db, agencies),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export interface Context {
  db: DB;
  loaders: Loaders;
  viewer: Viewer;
  /** Scope checks of this request's viewer (see `modules/accounts/access.ts`). */
  access: AccessControl;
}

export function createContext({ db, viewer = anonymousViewer }: { db: DB; viewer?: Viewer }): Context {
  return { db, loaders: createLoaders(db), viewer, access: new AccessControl(db, viewer) };
}
