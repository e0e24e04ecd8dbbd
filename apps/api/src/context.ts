import type { DB } from '@chiso/db';
import { createUnitLoaders } from './modules/units/units.loaders.js';

/** Who is asking. Anonymous until accounts arrive; scope checks read only this. */
export interface Viewer {
  userId: string | null;
  roles: readonly string[];
}

export const anonymousViewer: Viewer = Object.freeze({ userId: null, roles: Object.freeze([]) });

/** Request-scoped DataLoaders, one group per domain (fresh per request: no cache outlives it). */
export function createLoaders(db: DB) {
  return {
    units: createUnitLoaders(db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export interface Context {
  db: DB;
  loaders: Loaders;
  viewer: Viewer;
}

export function createContext({ db, viewer = anonymousViewer }: { db: DB; viewer?: Viewer }): Context {
  return { db, loaders: createLoaders(db), viewer };
}
