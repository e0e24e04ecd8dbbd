import { createContext, type ReactNode, useCallback, useContext, useMemo } from 'react';
import { useQuery } from 'urql';
import { graphql, type ResultOf } from './graphql.js';

export const MeQuery = graphql(`
  query Me {
    me {
      id
      displayName
      email
      isDemo
      grants {
        id
        role
        agency {
          id
          code
          name
          nameEn
        }
        unit {
          id
          code
          name
          nameEn
        }
      }
    }
  }
`);

export type Viewer = NonNullable<ResultOf<typeof MeQuery>['me']>;
export type Grant = Viewer['grants'][number];
export type Role = Grant['role'];

/** What a part of the app needs; the API enforces the same rules on every field. */
export type Capability = 'desk' | 'reports' | 'catalog' | 'campaigns' | 'feedback' | 'agencies';

/** The roles that open each part of the app (the system admin opens everything). */
const CAPABILITY_ROLES: Record<Capability, readonly Role[]> = {
  desk: ['OFFICER'],
  reports: ['ANALYST', 'LEADER', 'UNIT_ADMIN'],
  catalog: ['UNIT_ADMIN'],
  campaigns: ['UNIT_ADMIN'],
  feedback: ['OFFICER', 'UNIT_ADMIN'],
  agencies: ['UNIT_ADMIN'],
};

export function viewerCan(viewer: Viewer | null, capability: Capability): boolean {
  if (!viewer) return false;
  return viewer.grants.some(
    (grant) => grant.role === 'SYSTEM_ADMIN' || CAPABILITY_ROLES[capability].includes(grant.role),
  );
}

export function isSystemAdmin(viewer: Viewer | null): boolean {
  return viewer?.grants.some((grant) => grant.role === 'SYSTEM_ADMIN') ?? false;
}

/** Agencies whose desk the viewer works at (officers' grants). */
export function deskAgencies(
  viewer: Viewer | null,
): { id: string; code: string; name: string; nameEn: string }[] {
  return (viewer?.grants ?? []).flatMap((grant) =>
    grant.role === 'OFFICER' && grant.agency
      ? [
          {
            id: grant.agency.id,
            code: grant.agency.code,
            name: grant.agency.name,
            nameEn: grant.agency.nameEn,
          },
        ]
      : [],
  );
}

/** Units whose reports the viewer reads (unit-scoped grants), first the widest. */
export function reportUnits(viewer: Viewer | null): NonNullable<Grant['unit']>[] {
  const seen = new Set<string>();
  return (viewer?.grants ?? []).flatMap((grant) => {
    if (!grant.unit || seen.has(grant.unit.id)) return [];
    seen.add(grant.unit.id);
    return [grant.unit];
  });
}

export function hasRole(viewer: Viewer | null, ...roles: Role[]): boolean {
  return viewer?.grants.some((grant) => roles.includes(grant.role)) ?? false;
}

interface SessionState {
  viewer: Viewer | null;
  /** True until the first answer to `me`. */
  loading: boolean;
  /** Asks the API again who is signed in (after signing in). */
  refresh: () => void;
}

const SessionContext = createContext<SessionState | null>(null);

/** The signed-in user, from `me`; null when anonymous. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: MeQuery });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const value = useMemo<SessionState>(
    () => ({ viewer: data?.me ?? null, loading: fetching && !data && !error, refresh }),
    [data, fetching, error, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession() needs a <SessionProvider> above it');
  return state;
}
