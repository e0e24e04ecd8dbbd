import { useMemo } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../graphql.js';
import { isSystemAdmin, type Viewer } from '../../session.js';

/** A unit the viewer administers, from their grants. */
export interface ScopeUnit {
  id: string;
  code: string;
  name: string;
  nameEn: string;
}

/** The units the viewer administers (unit-admin grants; a system admin may also pick any province). */
export function adminUnits(viewer: Viewer | null): ScopeUnit[] {
  const seen = new Set<string>();
  return (viewer?.grants ?? []).flatMap((grant) => {
    if (grant.role !== 'UNIT_ADMIN' || !grant.unit || seen.has(grant.unit.id)) return [];
    seen.add(grant.unit.id);
    return [grant.unit];
  });
}

/** Provinces on a date, for system admins to pick from. */
const ProvincesQuery = graphql(`
  query AdminProvinces($asOf: Date) {
    units(level: PROVINCE, asOf: $asOf) {
      id
      code
      name
      nameEn
    }
  }
`);

export function todayInVietnam(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

/** The units the viewer may pick: their own first, then (for a system admin) today's provinces. */
export function useUnitOptions(viewer: Viewer | null): ScopeUnit[] {
  const [{ data: provinces }] = useQuery({
    query: ProvincesQuery,
    variables: { asOf: todayInVietnam() },
    pause: !isSystemAdmin(viewer),
  });
  return useMemo(() => {
    const own = adminUnits(viewer);
    const ids = new Set(own.map((u) => u.id));
    return [...own, ...(provinces?.units ?? []).filter((u) => !ids.has(u.id))];
  }, [viewer, provinces]);
}

/** A trimmed text field of a submitted form. */
export const formText = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
