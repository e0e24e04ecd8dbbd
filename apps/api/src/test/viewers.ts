import type { DB } from '@chiso/db';
import { type RoleGrant, type Viewer, viewerWithGrants } from '../modules/accounts/access.js';

/** A real `app_user` row (audit entries reference their actor) acting with the given grants. */
export async function viewerFor(db: DB, email: string, grants: RoleGrant[]): Promise<Viewer> {
  const user = await db
    .insertInto('appUser')
    .values({ email, displayName: email, passwordHash: 'not-a-hash' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return viewerWithGrants({ userId: user.id, apiKeyId: null, apiKeyScopes: [] }, grants);
}

/** The id of a province version (`code` valid from `validFrom`). */
export async function provinceId(db: DB, code: string, validFrom = '2008-08-01'): Promise<string> {
  const unit = await db
    .selectFrom('administrativeUnit')
    .select('id')
    .where('levelCode', '=', 'PROVINCE')
    .where('code', '=', code)
    .where('validFrom', '=', validFrom)
    .executeTakeFirstOrThrow();
  return unit.id;
}

export const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
