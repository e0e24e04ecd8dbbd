import type { DB } from '@chiso/db';
import { sql } from 'kysely';
import { ForbiddenError } from '../../errors.js';

/**
 * Roles (codes of the `role` table). Each grant is scoped:
 * - `system_admin`: everything, no scope;
 * - `unit_admin`: a unit (`unitId`) and everything under it — its descendant units and every agency of them;
 * - `officer`: an agency (`agencyId`) and its descendant agencies (the desk work of that agency);
 * - `analyst`, `leader`: read reports of a unit subtree (`unitId`) or of an agency subtree (`agencyId`).
 */
export const ROLE_CODES = ['system_admin', 'unit_admin', 'officer', 'analyst', 'leader'] as const;
export type RoleCode = (typeof ROLE_CODES)[number];

export interface RoleGrant {
  role: RoleCode;
  unitId: string | null;
  agencyId: string | null;
}

/** Who is asking: a signed-in user, an API key, or nobody. */
export interface Viewer {
  userId: string | null;
  apiKeyId: string | null;
  /** Scopes of the API key (e.g. `read:reports`); empty for users and anonymous viewers. */
  apiKeyScopes: readonly string[];
  grants: readonly RoleGrant[];
  /** The distinct role codes of `grants` (for scope-auth's `role` scope). */
  roles: readonly RoleCode[];
  /** The session this request came with (set by `authenticate`; absent for API keys and test viewers). */
  sessionId?: string | null;
}

export const anonymousViewer: Viewer = Object.freeze({
  userId: null,
  apiKeyId: null,
  apiKeyScopes: Object.freeze([]),
  grants: Object.freeze([]),
  roles: Object.freeze([]),
});

export function viewerWithGrants(
  base: Omit<Viewer, 'roles' | 'grants'>,
  grants: readonly RoleGrant[],
): Viewer {
  return { ...base, grants, roles: [...new Set(grants.map((g) => g.role))] };
}

/** Roles whose grants an API key may read with (its owner's reports), never its owner's desk or admin work. */
const READER_ROLES: readonly RoleCode[] = ['analyst', 'leader'];

/** What a viewer may do: the questions every service asks before reading or writing scoped data. */
export type AgencyAction = 'manage' | 'desk' | 'read_reports';

/**
 * Scope checks for one request, with the units and agencies they need loaded once and cached. Every check
 * answers from the viewer's grants and the unit/agency trees in the database (so moving an agency moves its
 * access with it).
 */
export class AccessControl {
  readonly #db: DB;
  readonly #viewer: Viewer;
  readonly #agencyPaths = new Map<string, Promise<AgencyPath | null>>();
  readonly #unitPaths = new Map<string, Promise<string[]>>();

  constructor(db: DB, viewer: Viewer) {
    this.#db = db;
    this.#viewer = viewer;
  }

  get viewer(): Viewer {
    return this.#viewer;
  }

  /**
   * Whether the viewer's grants may open data of an API key's `scope` area: always for people in a session and
   * anonymous viewers (who have no grants), and for an API key only when it carries that scope — a key without it
   * reads what the public reads, however wide its owner's grants.
   */
  grantsApplyTo(scope: string): boolean {
    return this.#viewer.apiKeyId === null || this.#viewer.apiKeyScopes.includes(scope);
  }

  get isSystemAdmin(): boolean {
    return this.#viewer.roles.includes('system_admin');
  }

  /** The unit and its ancestors, nearest first. */
  unitPath(unitId: string): Promise<string[]> {
    let path = this.#unitPaths.get(unitId);
    if (!path) {
      path = loadUnitPath(this.#db, unitId);
      this.#unitPaths.set(unitId, path);
    }
    return path;
  }

  /** The agency with its ancestor agencies (nearest first) and its unit's path; null when it does not exist. */
  agencyPath(agencyId: string): Promise<AgencyPath | null> {
    let path = this.#agencyPaths.get(agencyId);
    if (!path) {
      // One statement for both trees; the unit's path is kept for `unitPath` too.
      path = loadAgencyPath(this.#db, agencyId).then((found) => {
        if (!found) return null;
        if (!this.#unitPaths.has(found.unitId))
          this.#unitPaths.set(found.unitId, Promise.resolve(found.unitPath));
        return found;
      });
      this.#agencyPaths.set(agencyId, path);
    }
    return path;
  }

  /** True when some grant of one of `roles` covers the unit (its subtree contains it). */
  async coversUnit(unitId: string, roles: readonly RoleCode[]): Promise<boolean> {
    // An API key reads reports at most: checks for administrators' or officers' work never pass for it.
    if (this.#viewer.apiKeyId !== null && !roles.some((role) => READER_ROLES.includes(role))) return false;
    if (this.isSystemAdmin) return true;
    const grants = this.#viewer.grants.filter((g) => roles.includes(g.role) && g.unitId !== null);
    if (grants.length === 0) return false;
    const path = await this.unitPath(unitId);
    return grants.some((g) => path.includes(g.unitId!));
  }

  /**
   * True when the viewer may do `action` at the agency:
   * - `manage` (edit, move, retire, assign procedures): unit admins of a unit above it;
   * - `desk` (receive and move dossiers, enter paper forms): its officers (or of an agency above it), unit admins;
   * - `read_reports`: analysts and leaders of its unit or agency subtree, plus everyone who may `desk` or `manage`.
   * An API key may only `read_reports` (with its owner's grants; call sites check the key's scope).
   */
  async canAtAgency(agencyId: string, action: AgencyAction): Promise<boolean> {
    if (this.#viewer.apiKeyId !== null && action !== 'read_reports') return false;
    if (this.isSystemAdmin) return true;
    const path = await this.agencyPath(agencyId);
    if (!path) return false;
    const unitRoles: RoleCode[] =
      action === 'manage'
        ? ['unit_admin']
        : action === 'desk'
          ? ['unit_admin']
          : ['unit_admin', 'analyst', 'leader'];
    const agencyRoles: RoleCode[] =
      action === 'manage' ? [] : action === 'desk' ? ['officer'] : ['officer', 'analyst', 'leader'];
    return this.#viewer.grants.some(
      (g) =>
        (unitRoles.includes(g.role) && g.unitId !== null && path.unitPath.includes(g.unitId)) ||
        (agencyRoles.includes(g.role) && g.agencyId !== null && path.agencyPath.includes(g.agencyId)),
    );
  }

  /** Throws `ForbiddenError` unless `canAtAgency` holds. A missing agency is forbidden too (no existence leak). */
  async assertAtAgency(agencyId: string, action: AgencyAction): Promise<void> {
    if (!(await this.canAtAgency(agencyId, action))) throw new ForbiddenError();
  }

  /** Throws `ForbiddenError` unless the viewer covers the unit with one of `roles`. */
  async assertCoversUnit(unitId: string, roles: readonly RoleCode[]): Promise<void> {
    if (!(await this.coversUnit(unitId, roles))) throw new ForbiddenError();
  }

  /**
   * True when the viewer may give or take away this grant: system admins any grant; unit admins a grant other
   * than `system_admin` whose unit lies in their subtree, or whose agency they may `manage`.
   */
  async canAdministerGrant(grant: Omit<RoleGrant, 'role'> & { role: string }): Promise<boolean> {
    if (this.isSystemAdmin) return true;
    if (grant.role === 'system_admin') return false;
    if (grant.unitId !== null) return this.coversUnit(grant.unitId, ['unit_admin']);
    if (grant.agencyId !== null) return this.canAtAgency(grant.agencyId, 'manage');
    return false;
  }

  /**
   * True when the viewer may edit, disable or re-grant a user holding `grants`: system admins anyone; unit admins
   * a user whose every grant they could administer (so never a system admin, nor someone who also works
   * elsewhere, nor a user with no grant at all).
   */
  async canAdministerUser(grants: readonly RoleGrant[]): Promise<boolean> {
    if (this.isSystemAdmin) return true;
    if (grants.length === 0 || !this.#viewer.roles.includes('unit_admin')) return false;
    for (const grant of grants) if (!(await this.canAdministerGrant(grant))) return false;
    return true;
  }

  /** True when the viewer may see a user holding `grants`: the user themself, or an admin of any of their grants. */
  async canSeeUser(userId: string, grants: readonly RoleGrant[]): Promise<boolean> {
    if (this.#viewer.userId === userId && this.#viewer.apiKeyId === null) return true;
    if (this.isSystemAdmin) return true;
    if (!this.#viewer.roles.includes('unit_admin')) return false;
    for (const grant of grants) if (await this.canAdministerGrant(grant)) return true;
    return false;
  }

  /** True when the viewer may read audit entries filed under `unitId` (null: entries of no unit, admins only). */
  async canReadAuditOf(unitId: string | null): Promise<boolean> {
    if (this.isSystemAdmin) return true;
    return unitId !== null && this.coversUnit(unitId, ['unit_admin']);
  }
}

export interface AgencyPath {
  agencyId: string;
  unitId: string;
  /** The agency and its ancestors, nearest first. */
  agencyPath: string[];
  /** The agency's unit and that unit's ancestors, nearest first. */
  unitPath: string[];
}

async function loadUnitPath(db: DB, unitId: string): Promise<string[]> {
  if (!/^\d{1,18}$/.test(unitId)) return [];
  const { rows } = await sql<{ id: string }>`
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 0 from administrative_unit where id = ${unitId}
      union all
      select u.id, u.parent_id, up.depth + 1 from administrative_unit u join up on u.id = up.parent_id
      where up.depth < 10
    )
    select id::text as id from up order by depth
  `.execute(db);
  return rows.map((r) => r.id);
}

/** The agency's ancestors and its unit's ancestors (nearest first), in one statement; null for no agency. */
async function loadAgencyPath(db: DB, agencyId: string): Promise<AgencyPath | null> {
  if (!/^\d{1,18}$/.test(agencyId)) return null;
  const { rows } = await sql<{ kind: 'agency' | 'unit'; id: string; unitId: string | null }>`
    with recursive up(id, parent_id, unit_id, depth) as (
      select id, parent_id, unit_id, 0 from agency where id = ${agencyId}
      union all
      select a.id, a.parent_id, a.unit_id, up.depth + 1 from agency a join up on a.id = up.parent_id
      where up.depth < 20
    ),
    unit_up(id, parent_id, depth) as (
      select u.id, u.parent_id, 0 from administrative_unit u
      where u.id = (select unit_id from up where depth = 0)
      union all
      select u.id, u.parent_id, unit_up.depth + 1 from administrative_unit u join unit_up on u.id = unit_up.parent_id
      where unit_up.depth < 10
    )
    select 'agency' as kind, id::text as id, unit_id::text as unit_id, depth from up
    union all
    select 'unit', id::text, null, depth from unit_up
    order by kind, depth
  `.execute(db);
  const agencies = rows.filter((r) => r.kind === 'agency');
  const [self] = agencies;
  if (!self) return null;
  return {
    agencyId,
    unitId: self.unitId!,
    agencyPath: agencies.map((r) => r.id),
    unitPath: rows.filter((r) => r.kind === 'unit').map((r) => r.id),
  };
}
