import type { DB } from '@chiso/db';
import { AccessControl, anonymousViewer, type Viewer } from './modules/accounts/access.js';
import { createAccountLoaders } from './modules/accounts/accounts.loaders.js';
import { createUnitLoaders } from './modules/units/units.loaders.js';

export { anonymousViewer, type Viewer };

/** Request-scoped DataLoaders, one group per domain (fresh per request: no cache outlives it). */
export function createLoaders(db: DB, access: AccessControl) {
  return {
    units: createUnitLoaders(db),
    accounts: createAccountLoaders(db, access),
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
}

export function createContext({
  db,
  viewer = anonymousViewer,
  http = noHttpExchange,
}: {
  db: DB;
  viewer?: Viewer;
  http?: HttpExchange;
}): Context {
  const access = new AccessControl(db, viewer);
  return { db, http, loaders: createLoaders(db, access), viewer, access };
}
