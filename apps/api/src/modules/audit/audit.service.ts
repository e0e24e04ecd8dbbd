import type { Database } from '@chiso/db';
import { type Kysely, sql } from 'kysely';
import type { Context } from '../../context.js';

export interface AuditEntry {
  /** What was done, as `domain.verb`: `agency.create`, `dossier.transition`, `user.grant_role`. */
  action: string;
  /** The table or domain object acted on: `agency`, `dossier`, `app_user`. */
  entity: string;
  entityId?: string | null;
  /** The unit whose admins may read this entry. */
  unitId?: string | null;
  /** What changed (never secrets or personal data in clear). */
  data?: Record<string, unknown>;
  ip?: string | null;
}

/**
 * Appends one entry to the audit log (append-only: the database refuses UPDATE and DELETE). Call it with the
 * mutation's transaction so the entry exists exactly when the change does.
 */
export async function recordAudit(
  trx: Kysely<Database>,
  context: Pick<Context, 'viewer'>,
  entry: AuditEntry,
) {
  await trx
    .insertInto('auditLog')
    .values({
      actorUserId: context.viewer.userId,
      actorApiKeyId: context.viewer.apiKeyId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      unitId: entry.unitId ?? null,
      data: JSON.stringify(entry.data ?? {}),
      ip: entry.ip ?? null,
    })
    .execute();
}

export interface AuditRow {
  id: string;
  at: Date;
  actorUserId: string | null;
  actorApiKeyId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  unitId: string | null;
  data: Record<string, unknown>;
}

/**
 * Audit entries the viewer may read, newest first, after the entry `beforeId` (keyset): system admins every
 * entry; unit admins the entries filed under a unit of their subtrees; nobody else any.
 */
export async function listAuditEntries(
  context: Pick<Context, 'db' | 'viewer' | 'access'>,
  filter: { entity?: string | null; entityId?: string | null; beforeId?: string | null; limit: number },
): Promise<AuditRow[]> {
  const adminUnits = context.viewer.grants
    .filter((g) => g.role === 'unit_admin' && g.unitId !== null)
    .map((g) => g.unitId!);
  if (!context.access.isSystemAdmin && adminUnits.length === 0) return [];
  let query = context.db
    .selectFrom('auditLog')
    .select(['id', 'at', 'actorUserId', 'actorApiKeyId', 'action', 'entity', 'entityId', 'unitId', 'data'])
    .orderBy('id', 'desc')
    .limit(filter.limit);
  if (!context.access.isSystemAdmin) {
    query = query.where(
      'unitId',
      'in',
      sql<string>`(
        with recursive down(id, depth) as (
          select id, 0 from administrative_unit where id in (${sql.join(adminUnits)})
          union all
          select u.id, down.depth + 1 from administrative_unit u join down on u.parent_id = down.id
          where down.depth < 10
        )
        select id from down
      )`,
    );
  }
  if (filter.entity) query = query.where('entity', '=', filter.entity);
  if (filter.entityId) query = query.where('entityId', '=', filter.entityId);
  if (filter.beforeId) query = query.where('id', '<', filter.beforeId);
  return query.execute();
}
