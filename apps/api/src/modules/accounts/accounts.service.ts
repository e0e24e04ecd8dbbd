import type { Database } from '@chiso/db';
import type { Kysely } from 'kysely';
import type { Context } from '../../context.js';
import {
  ConflictError,
  type FieldError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { ROLE_CODES, type RoleCode, type RoleGrant } from './access.js';
import {
  type ApiKeyRow,
  emailTaken,
  findApiKeyById,
  findApiKeysByOwner,
  findGrantById,
  findGrantsByUserIds,
  findUserById,
  type GrantRow,
  revokeSessions,
  type UserRow,
  userColumns,
} from './accounts.repo.js';
import { checkPasswordPolicy, hashPassword } from './password.js';
import { newApiKey, sha256 } from './tokens.js';

type Trx = Kysely<Database>;

/** Scopes an API key may carry: read-only access to one area, always bounded by its owner's grants. */
export const API_KEY_SCOPES = ['read:catalog', 'read:reports', 'read:surveys', 'read:dossiers'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const API_KEY_MAX_DAYS = 365;

export interface GrantInput {
  role: RoleCode;
  unitId: string | null;
  agencyId: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function requireShape(grant: GrantInput, path: string[]): FieldError[] {
  const needs = (what: string, whatEn: string): FieldError => ({
    path,
    message: `Vai trò ${grant.role} ${what}.`,
    messageEn: `The ${grant.role} role ${whatEn}.`,
  });
  switch (grant.role) {
    case 'system_admin':
      return grant.unitId || grant.agencyId
        ? [needs('không gắn với đơn vị hay cơ quan', 'takes no unit or agency')]
        : [];
    case 'unit_admin':
      return grant.unitId && !grant.agencyId
        ? []
        : [needs('cần một đơn vị hành chính (unit)', 'needs a unit and no agency')];
    case 'officer':
      return grant.agencyId && !grant.unitId
        ? []
        : [needs('cần một cơ quan (agency)', 'needs an agency and no unit')];
    default:
      return (grant.unitId === null) !== (grant.agencyId === null)
        ? []
        : [needs('cần đúng một trong đơn vị hoặc cơ quan', 'needs exactly one of a unit or an agency')];
  }
}

/** Checks that a grant has the scope its role needs and that its unit or agency exists. */
async function validateGrants(trx: Trx, grants: readonly GrantInput[], path: (i: number) => string[]) {
  const problems: FieldError[] = [];
  for (const [i, grant] of grants.entries()) {
    if (!ROLE_CODES.includes(grant.role)) {
      problems.push({ path: path(i), message: 'Vai trò không tồn tại.', messageEn: 'No such role.' });
      continue;
    }
    const shape = requireShape(grant, path(i));
    problems.push(...shape);
    if (shape.length > 0) continue;
    if (grant.unitId) {
      const unit = await trx
        .selectFrom('administrativeUnit')
        .select('id')
        .where('id', '=', grant.unitId)
        .executeTakeFirst();
      if (!unit) {
        problems.push({
          path: [...path(i), 'unitId'],
          message: 'Không có đơn vị hành chính này.',
          messageEn: 'No such unit.',
        });
      }
    }
    if (grant.agencyId) {
      const agency = await trx
        .selectFrom('agency')
        .select('id')
        .where('id', '=', grant.agencyId)
        .executeTakeFirst();
      if (!agency) {
        problems.push({
          path: [...path(i), 'agencyId'],
          message: 'Không có cơ quan này.',
          messageEn: 'No such agency.',
        });
      }
    }
  }
  return problems;
}

/** The unit whose admins may read audit entries about a grant (an agency grant files under the agency's unit). */
async function unitOfGrant(trx: Trx, grant: Pick<RoleGrant, 'unitId' | 'agencyId'>): Promise<string | null> {
  if (grant.unitId) return grant.unitId;
  if (!grant.agencyId) return null;
  const agency = await trx
    .selectFrom('agency')
    .select('unitId')
    .where('id', '=', grant.agencyId)
    .executeTakeFirst();
  return agency?.unitId ?? null;
}

async function assertCanAdministerUser(context: Context, trx: Trx, userId: string): Promise<GrantRow[]> {
  const grants = await findGrantsByUserIds(trx, [userId]);
  if (!(await context.access.canAdministerUser(grants))) throw new ForbiddenError();
  return grants;
}

function notFoundUser(): NotFoundError {
  return new NotFoundError('Không tìm thấy người dùng.', 'No such user.');
}

/**
 * Loads a user the viewer may administer, or fails with NotFound (the user does not exist) / Forbidden. A unit
 * admin asking about a user they cannot see gets Forbidden as well, never a hint of who exists.
 */
async function loadAdministeredUser(context: Context, trx: Trx, userId: string) {
  const user = await findUserById(trx, userId);
  if (!user) {
    if (!context.access.isSystemAdmin) throw new ForbiddenError();
    throw notFoundUser();
  }
  const grants = await assertCanAdministerUser(context, trx, user.id);
  return { user, grants };
}

function checkEmail(email: string, path: string[]): FieldError[] {
  if (email.length > 254 || !EMAIL.test(email)) {
    return [{ path, message: 'Email không hợp lệ.', messageEn: 'The email address is not valid.' }];
  }
  return [];
}

function checkDisplayName(name: string, path: string[]): FieldError[] {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 200) {
    return [
      {
        path,
        message: 'Tên hiển thị cần từ 1 đến 200 ký tự.',
        messageEn: 'The display name needs 1 to 200 characters.',
      },
    ];
  }
  return [];
}

function duplicateEmail(email: string): ConflictError {
  return new ConflictError(
    `Email ${email} đã được dùng cho một tài khoản khác.`,
    `The email ${email} is already used by another account.`,
  );
}

export async function createUser(
  context: Context,
  input: { email: string; displayName: string; password: string; grants: readonly GrantInput[] },
): Promise<UserRow> {
  const email = input.email.trim();
  return context.db.transaction().execute(async (trx) => {
    // Authorization before anything else: a unit admin must create the user inside their subtree.
    if (!context.access.isSystemAdmin) {
      if (input.grants.length === 0) throw new ForbiddenError();
      for (const grant of input.grants)
        if (!(await context.access.canAdministerGrant(grant))) throw new ForbiddenError();
    }
    const problems = [
      ...checkEmail(email, ['input', 'email']),
      ...checkDisplayName(input.displayName, ['input', 'displayName']),
      ...checkPasswordPolicy(input.password, ['input', 'password'], { email }),
      ...(await validateGrants(trx, input.grants, (i) => ['input', 'grants', String(i)])),
    ];
    if (problems.length > 0) throw new ValidationError(problems);
    if (await emailTaken(trx, email)) throw duplicateEmail(email);
    const user = await trx
      .insertInto('appUser')
      .values({
        email,
        displayName: input.displayName.trim(),
        passwordHash: await hashPassword(input.password),
      })
      .returning(userColumns)
      .executeTakeFirstOrThrow();
    if (input.grants.length > 0) {
      await trx
        .insertInto('userRole')
        .values(
          input.grants.map((g) => ({
            userId: user.id,
            roleCode: g.role,
            unitId: g.unitId,
            agencyId: g.agencyId,
          })),
        )
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    await recordAudit(trx, context, {
      action: 'user.create',
      entity: 'app_user',
      entityId: user.id,
      unitId: input.grants[0] ? await unitOfGrant(trx, input.grants[0]) : null,
      data: { email, grants: input.grants },
      ip: context.http.ip,
    });
    return user as UserRow;
  });
}

export async function updateUser(
  context: Context,
  userId: string,
  input: { email?: string | null; displayName?: string | null },
): Promise<UserRow> {
  return context.db.transaction().execute(async (trx) => {
    const { grants } = await loadAdministeredUser(context, trx, userId);
    const email = input.email?.trim();
    const problems = [
      ...(email !== undefined ? checkEmail(email, ['input', 'email']) : []),
      ...(input.displayName != null ? checkDisplayName(input.displayName, ['input', 'displayName']) : []),
    ];
    if (problems.length > 0) throw new ValidationError(problems);
    if (email && (await emailTaken(trx, email, userId))) throw duplicateEmail(email);
    const changes = {
      ...(email ? { email } : {}),
      ...(input.displayName != null ? { displayName: input.displayName.trim() } : {}),
    };
    const user = await trx
      .updateTable('appUser')
      .set({ ...changes, updatedAt: new Date() })
      .where('id', '=', userId)
      .returning(userColumns)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, context, {
      action: 'user.update',
      entity: 'app_user',
      entityId: userId,
      unitId: grants[0] ? await unitOfGrant(trx, grants[0]) : null,
      data: { changed: Object.keys(changes) },
      ip: context.http.ip,
    });
    return user as UserRow;
  });
}

/** Disables (or re-enables) a user. Disabling ends their sessions at once; their API keys stop working too. */
export async function setUserStatus(context: Context, userId: string, status: 'active' | 'disabled') {
  return context.db.transaction().execute(async (trx) => {
    const { grants } = await loadAdministeredUser(context, trx, userId);
    if (status === 'disabled' && userId === context.viewer.userId) {
      throw new ValidationError([
        {
          path: ['id'],
          message: 'Không thể tự vô hiệu hoá tài khoản của chính mình.',
          messageEn: 'You cannot disable your own account.',
        },
      ]);
    }
    const user = await trx
      .updateTable('appUser')
      .set({
        status,
        updatedAt: new Date(),
        ...(status === 'active' ? { failedLogins: 0, lockedUntil: null } : {}),
      })
      .where('id', '=', userId)
      .returning(userColumns)
      .executeTakeFirstOrThrow();
    const ended = status === 'disabled' ? await revokeSessions(trx, userId) : 0;
    await recordAudit(trx, context, {
      action: status === 'disabled' ? 'user.disable' : 'user.enable',
      entity: 'app_user',
      entityId: userId,
      unitId: grants[0] ? await unitOfGrant(trx, grants[0]) : null,
      data: { sessionsEnded: ended },
      ip: context.http.ip,
    });
    return user as UserRow;
  });
}

export async function grantRole(context: Context, userId: string, grant: GrantInput): Promise<GrantRow> {
  return context.db.transaction().execute(async (trx) => {
    if (!(await context.access.canAdministerGrant(grant))) throw new ForbiddenError();
    const user = await findUserById(trx, userId);
    if (!user) {
      if (!context.access.isSystemAdmin) throw new ForbiddenError();
      throw notFoundUser();
    }
    // Unit admins add grants only to users wholly inside their subtree (users without any grant are created with
    // one, or are reached by system admins).
    const current = await findGrantsByUserIds(trx, [userId]);
    if (!(await context.access.canAdministerUser(current))) throw new ForbiddenError();
    const problems = await validateGrants(trx, [grant], () => ['input']);
    if (problems.length > 0) throw new ValidationError(problems);
    const row = await trx
      .insertInto('userRole')
      .values({ userId, roleCode: grant.role, unitId: grant.unitId, agencyId: grant.agencyId })
      .onConflict((oc) => oc.doNothing())
      .returning(['id'])
      .executeTakeFirst();
    if (!row) {
      throw new ConflictError(
        'Người dùng đã có vai trò này với phạm vi này.',
        'The user already holds this role in this scope.',
      );
    }
    await recordAudit(trx, context, {
      action: 'user.grant_role',
      entity: 'app_user',
      entityId: userId,
      unitId: await unitOfGrant(trx, grant),
      data: { grantId: row.id, ...grant },
      ip: context.http.ip,
    });
    return { id: row.id, userId, ...grant };
  });
}

export async function revokeRole(context: Context, grantId: string): Promise<GrantRow> {
  return context.db.transaction().execute(async (trx) => {
    const row = await findGrantById(trx, grantId);
    if (!row) {
      if (!context.access.isSystemAdmin) throw new ForbiddenError();
      throw new NotFoundError('Không tìm thấy vai trò được cấp này.', 'No such role grant.');
    }
    const grant: GrantRow = {
      id: row.id,
      userId: row.userId,
      role: row.roleCode as RoleCode,
      unitId: row.unitId,
      agencyId: row.agencyId,
    };
    if (!(await context.access.canAdministerGrant(grant))) throw new ForbiddenError();
    if (grant.role === 'system_admin') {
      const others = await trx
        .selectFrom('userRole')
        .innerJoin('appUser', 'appUser.id', 'userRole.userId')
        .select('userRole.id')
        .where('userRole.roleCode', '=', 'system_admin')
        .where('appUser.status', '=', 'active')
        .where('userRole.id', '<>', grant.id)
        .executeTakeFirst();
      if (!others) {
        throw new ConflictError(
          'Không thể thu hồi quyền của quản trị hệ thống cuối cùng.',
          'The last system administrator cannot lose the role.',
        );
      }
    }
    await trx.deleteFrom('userRole').where('id', '=', grant.id).execute();
    await recordAudit(trx, context, {
      action: 'user.revoke_role',
      entity: 'app_user',
      entityId: grant.userId,
      unitId: await unitOfGrant(trx, grant),
      data: { grantId: grant.id, role: grant.role, unitId: grant.unitId, agencyId: grant.agencyId },
      ip: context.http.ip,
    });
    return grant;
  });
}

export function listOwnApiKeys(context: Context): Promise<ApiKeyRow[]> {
  return findApiKeysByOwner(context.db, context.viewer.userId!);
}

/** Creates an API key for the viewer; the key itself is returned once and never stored. */
export async function createApiKey(
  context: Context,
  input: { name: string; scopes: readonly ApiKeyScope[]; expiresInDays?: number | null },
): Promise<{ apiKey: ApiKeyRow; secret: string }> {
  const userId = context.viewer.userId!;
  const days = input.expiresInDays ?? 90;
  const problems: FieldError[] = [];
  const name = input.name.trim();
  if (name.length === 0 || name.length > 100) {
    problems.push({
      path: ['input', 'name'],
      message: 'Tên khoá cần từ 1 đến 100 ký tự.',
      messageEn: 'The key name needs 1 to 100 characters.',
    });
  }
  if (input.scopes.length === 0) {
    problems.push({
      path: ['input', 'scopes'],
      message: 'Cần ít nhất một phạm vi truy cập.',
      messageEn: 'At least one scope is needed.',
    });
  }
  if (!Number.isInteger(days) || days < 1 || days > API_KEY_MAX_DAYS) {
    problems.push({
      path: ['input', 'expiresInDays'],
      message: `Thời hạn của khoá từ 1 đến ${API_KEY_MAX_DAYS} ngày.`,
      messageEn: `A key lasts 1 to ${API_KEY_MAX_DAYS} days.`,
    });
  }
  if (problems.length > 0) throw new ValidationError(problems);
  const { key, prefix } = newApiKey();
  return context.db.transaction().execute(async (trx) => {
    const apiKey = await trx
      .insertInto('apiKey')
      .values({
        name,
        prefix,
        keyHash: sha256(key),
        ownerUserId: userId,
        scopes: [...new Set(input.scopes)],
        expiresAt: new Date(Date.now() + days * 86_400_000),
      })
      .returning([
        'id',
        'name',
        'prefix',
        'ownerUserId',
        'scopes',
        'createdAt',
        'lastUsedAt',
        'revokedAt',
        'expiresAt',
      ])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, context, {
      action: 'api_key.create',
      entity: 'api_key',
      entityId: apiKey.id,
      data: { name, prefix, scopes: apiKey.scopes, expiresAt: apiKey.expiresAt },
      ip: context.http.ip,
    });
    return { apiKey, secret: key };
  });
}

/** Revokes a key at once (the next request with it is refused): its owner, or an admin of its owner. */
export async function revokeApiKey(context: Context, keyId: string): Promise<ApiKeyRow> {
  return context.db.transaction().execute(async (trx) => {
    const key = await findApiKeyById(trx, keyId);
    const notFound = new NotFoundError('Không tìm thấy khoá API.', 'No such API key.');
    if (!key) throw context.access.isSystemAdmin ? notFound : new ForbiddenError();
    if (key.ownerUserId !== context.viewer.userId) {
      const grants = key.ownerUserId ? await findGrantsByUserIds(trx, [key.ownerUserId]) : [];
      if (!(await context.access.canAdministerUser(grants))) throw new ForbiddenError();
    }
    if (key.revokedAt) return key;
    const revoked = await trx
      .updateTable('apiKey')
      .set({ revokedAt: new Date() })
      .where('id', '=', key.id)
      .returning([
        'id',
        'name',
        'prefix',
        'ownerUserId',
        'scopes',
        'createdAt',
        'lastUsedAt',
        'revokedAt',
        'expiresAt',
      ])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, context, {
      action: 'api_key.revoke',
      entity: 'api_key',
      entityId: key.id,
      data: { prefix: key.prefix },
      ip: context.http.ip,
    });
    return revoked;
  });
}
