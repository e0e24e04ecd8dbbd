import type { Database } from '@chiso/db';
import type { Kysely } from 'kysely';
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
