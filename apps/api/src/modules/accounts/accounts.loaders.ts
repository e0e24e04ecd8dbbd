import type { DB } from '@chiso/db';
import DataLoader from 'dataloader';
import { groupBy } from '../../rows.js';
import type { AccessControl } from './access.js';
import { findGrantsByUserIds, findUsersByIds, type GrantRow, type UserRow } from './accounts.repo.js';

/**
 * Per-request loaders of the accounts domain. `visibleUserById` is the only way a `User` reaches the client
 * (node lookups, audit actors): it answers null for a user the viewer may not see, so nothing tells a hidden
 * user from a missing one.
 */
export function createAccountLoaders(db: DB, access: AccessControl) {
  const userById = new DataLoader<string, UserRow | null>(async (ids) => {
    const byId = new Map((await findUsersByIds(db, ids)).map((user) => [user.id, user]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  const grantsByUserId = new DataLoader<string, GrantRow[]>(async (ids) => {
    const groups = groupBy(await findGrantsByUserIds(db, ids), (grant) => grant.userId);
    return ids.map((id) => groups.get(id) ?? []);
  });
  const visibleUserById = new DataLoader<string, UserRow | null>((ids) =>
    Promise.all(
      ids.map(async (id) => {
        const user = await userById.load(id);
        if (!user) return null;
        return (await access.canSeeUser(user.id, await grantsByUserId.load(user.id))) ? user : null;
      }),
    ),
  );
  return { userById, grantsByUserId, visibleUserById };
}

export type AccountLoaders = ReturnType<typeof createAccountLoaders>;
