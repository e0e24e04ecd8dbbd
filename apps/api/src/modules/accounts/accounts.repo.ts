import type { Database, DB } from '@chiso/db';
import type { Kysely } from 'kysely';
import { BIGINT_ID } from '../../schema/global-id.js';
import type { RoleCode, RoleGrant } from './access.js';

/** Reads and writes of the accounts domain; `Kysely<Database>` accepts a transaction too. */
type Q = Kysely<Database>;

export const userColumns = [
  'id',
  'email',
  'displayName',
  'status',
  'failedLogins',
  'lockedUntil',
  'passwordChangedAt',
  'isDemo',
  'createdAt',
  'updatedAt',
] as const;

export interface UserRow {
  id: string;
  email: string;
  displayName: string;
  status: 'active' | 'disabled';
  failedLogins: number;
  lockedUntil: Date | null;
  passwordChangedAt: Date;
  isDemo: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface GrantRow extends RoleGrant {
  id: string;
  userId: string;
}

export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  ownerUserId: string | null;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date | null;
}

const apiKeyColumns = [
  'id',
  'name',
  'prefix',
  'ownerUserId',
  'scopes',
  'createdAt',
  'lastUsedAt',
  'revokedAt',
  'expiresAt',
] as const;

export function findUsersByIds(db: Q, ids: readonly string[]): Promise<UserRow[]> {
  const valid = ids.filter((id) => BIGINT_ID.test(id));
  if (valid.length === 0) return Promise.resolve([]);
  return db.selectFrom('appUser').select(userColumns).where('id', 'in', valid).execute();
}

export function findUserById(db: Q, id: string): Promise<UserRow | undefined> {
  if (!BIGINT_ID.test(id)) return Promise.resolve(undefined);
  return db.selectFrom('appUser').select(userColumns).where('id', '=', id).executeTakeFirst();
}

/** The user with this email (case-insensitive), with the password hash; `forUpdate` locks the row. */
export function findUserForLogin(db: Q, email: string, forUpdate = false) {
  let query = db
    .selectFrom('appUser')
    .select([...userColumns, 'passwordHash'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()));
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export function findPasswordHash(db: Q, userId: string) {
  return db
    .selectFrom('appUser')
    .select(['passwordHash'])
    .where('id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
}

export function emailTaken(db: Q, email: string, exceptUserId?: string): Promise<boolean> {
  let query = db
    .selectFrom('appUser')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()));
  if (exceptUserId) query = query.where('id', '<>', exceptUserId);
  return query.executeTakeFirst().then((row) => row !== undefined);
}

export async function findGrantsByUserIds(db: Q, userIds: readonly string[]): Promise<GrantRow[]> {
  const valid = userIds.filter((id) => BIGINT_ID.test(id));
  if (valid.length === 0) return [];
  const rows = await db
    .selectFrom('userRole')
    .select(['id', 'userId', 'roleCode', 'unitId', 'agencyId'])
    .where('userId', 'in', valid)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    userId: row.userId,
    role: row.roleCode as RoleCode,
    unitId: row.unitId,
    agencyId: row.agencyId,
  }));
}

export function findGrantById(db: Q, id: string) {
  if (!BIGINT_ID.test(id)) return Promise.resolve(undefined);
  return db
    .selectFrom('userRole')
    .select(['id', 'userId', 'roleCode', 'unitId', 'agencyId'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findApiKeysByOwner(db: Q, ownerUserId: string): Promise<ApiKeyRow[]> {
  return db
    .selectFrom('apiKey')
    .select(apiKeyColumns)
    .where('ownerUserId', '=', ownerUserId)
    .orderBy('id', 'desc')
    .execute();
}

export function findApiKeyById(db: Q, id: string): Promise<ApiKeyRow | undefined> {
  if (!BIGINT_ID.test(id)) return Promise.resolve(undefined);
  return db.selectFrom('apiKey').select(apiKeyColumns).where('id', '=', id).executeTakeFirst();
}

export function findApiKeyByPrefix(db: DB, prefix: string) {
  return db
    .selectFrom('apiKey')
    .select([...apiKeyColumns, 'keyHash'])
    .where('prefix', '=', prefix)
    .executeTakeFirst();
}

/** Revokes every open session of the user except `keepSessionId`; returns how many were revoked. */
export async function revokeSessions(db: Q, userId: string, keepSessionId?: string | null): Promise<number> {
  let query = db
    .updateTable('session')
    .set({ revokedAt: new Date() })
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null);
  if (keepSessionId) query = query.where('id', '<>', keepSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
