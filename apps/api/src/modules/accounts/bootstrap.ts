import type { DB } from '@chiso/db';
import { sql } from 'kysely';
import { recordAudit } from '../audit/audit.service.js';
import { anonymousViewer } from './access.js';
import { checkPasswordPolicy, hashPassword } from './password.js';

export type BootstrapOutcome = 'created' | 'promoted' | 'exists';

/**
 * Makes sure a system administrator exists. When none does (an empty database, or every one disabled), the user
 * `email` is created with `password` and the `system_admin` role, or, if that email already has an account, is
 * given the role (its password is left alone). Runs in one transaction, under an advisory lock so two starting
 * instances cannot both create one. Throws when the password breaks the policy.
 */
export async function ensureBootstrapAdmin(
  db: DB,
  credentials: { email: string; password: string },
): Promise<BootstrapOutcome> {
  const problems = checkPasswordPolicy(credentials.password, ['CHISO_ADMIN_PASSWORD'], {
    email: credentials.email,
  });
  if (problems.length > 0) {
    throw new Error(`CHISO_ADMIN_PASSWORD: ${problems.map((p) => p.messageEn).join(' ')}`);
  }
  const passwordHash = await hashPassword(credentials.password);
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${'chiso.bootstrap_admin'}))`.execute(trx);
    const existing = await trx
      .selectFrom('userRole')
      .innerJoin('appUser', 'appUser.id', 'userRole.userId')
      .select('appUser.id')
      .where('userRole.roleCode', '=', 'system_admin')
      .where('appUser.status', '=', 'active')
      .executeTakeFirst();
    if (existing) return 'exists';
    const email = credentials.email.trim();
    const found = await trx
      .selectFrom('appUser')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
      .executeTakeFirst();
    const user =
      found ??
      (await trx
        .insertInto('appUser')
        .values({ email, displayName: 'Quản trị hệ thống / System administrator', passwordHash })
        .returning('id')
        .executeTakeFirstOrThrow());
    await trx.updateTable('appUser').set({ status: 'active' }).where('id', '=', user.id).execute();
    await trx
      .insertInto('userRole')
      .values({ userId: user.id, roleCode: 'system_admin', unitId: null, agencyId: null })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await recordAudit(
      trx,
      { viewer: anonymousViewer },
      {
        action: found ? 'user.bootstrap_promote' : 'user.bootstrap_create',
        entity: 'app_user',
        entityId: user.id,
        data: { email },
      },
    );
    return found ? 'promoted' : 'created';
  });
}
