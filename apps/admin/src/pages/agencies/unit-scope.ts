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

export { isSystemAdmin };

/** Provinces on a date, for system admins to pick from. */
export const ProvincesQuery = graphql(`
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
