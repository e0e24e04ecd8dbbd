import type { DB } from '@chiso/db';
import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { Context } from '../../context.js';
import { AppError, ValidationError } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { anonymousViewer, type RoleCode, type Viewer, viewerWithGrants } from './access.js';
import {
  findApiKeyByPrefix,
  findGrantsByUserIds,
  findPasswordHash,
  findUserForLogin,
  revokeSessions,
  type UserRow,
} from './accounts.repo.js';
import { burnPasswordCheck, checkPasswordPolicy, hashPassword, verifyPassword } from './password.js';
import { SESSION_COOKIE } from './session-cookie.js';
import { apiKeyPrefixOf, newSessionToken, sameHash, sha256 } from './tokens.js';

/** How long sessions live and when an account locks. */
export const SESSION_POLICY = {
  /** A session unused this long ends. */
  idleMs: 2 * 60 * 60 * 1000,
  /** A session ends this long after sign-in, used or not. */
  absoluteMs: 12 * 60 * 60 * 1000,
  /** `last_seen_at` is written at most this often per session (not on every request). */
  touchEveryMs: 60 * 1000,
} as const;

export const LOCKOUT_POLICY = {
  /** Consecutive failed sign-ins that lock the account… */
  maxFailures: 5,
  /** …for this long. */
  lockMs: 15 * 60 * 1000,
} as const;

/** Wrong email or password (one message for both, so it does not tell which emails exist). */
export class InvalidCredentialsError extends AppError {
  readonly code = 'INVALID_CREDENTIALS';

  constructor() {
    super('Email hoặc mật khẩu không đúng.', 'The email or password is not correct.');
  }
}

/** Too many failed sign-ins: the account is locked until `lockedUntil`. */
export class AccountLockedError extends AppError {
  readonly code = 'ACCOUNT_LOCKED';
  readonly lockedUntil: Date;

  constructor(lockedUntil: Date) {
    const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - Date.now()) / 60_000));
    super(
      `Tài khoản tạm khoá do nhập sai mật khẩu nhiều lần; thử lại sau ${minutes} phút.`,
      `The account is locked after repeated failed sign-ins; try again in ${minutes} minutes.`,
    );
    this.lockedUntil = lockedUntil;
  }
}

/** The request carried credentials that are not (or no longer) valid: an unknown, revoked or expired API key. */
export class UnauthenticatedError extends AppError {
  readonly code = 'UNAUTHENTICATED';

  constructor() {
    super(
      'Khoá API không hợp lệ, đã bị thu hồi hoặc đã hết hạn.',
      'The API key is not valid, has been revoked or has expired.',
    );
  }
}

export interface LoginResult {
  user: UserRow;
  expiresAt: Date;
}

type LoginOutcome = { ok: true; result: LoginResult; token: string } | { ok: false; error: AppError };

/**
 * Signs in with email and password. A success opens a new session (the one the request came with, if any, is
 * revoked: a fresh token after every sign-in) and sets the cookie. Failures count towards the lockout and are
 * audited; their count is committed even though the mutation answers with an error.
 */
export async function login(context: Context, input: { email: string; password: string }) {
  const email = input.email.trim();
  const now = new Date();
  const outcome = await context.db.transaction().execute(async (trx): Promise<LoginOutcome> => {
    const user = await findUserForLogin(trx, email, true);
    const audit = (action: string, data: Record<string, unknown> = {}) =>
      recordAudit(trx, context, {
        action,
        entity: 'app_user',
        entityId: user?.id ?? null,
        data,
        ip: context.http.ip,
      });
    if (!user) {
      await burnPasswordCheck(input.password);
      await audit('user.login_failed', { reason: 'unknown_email' });
      return { ok: false, error: new InvalidCredentialsError() };
    }
    if (user.lockedUntil && user.lockedUntil > now) {
      await audit('user.login_failed', { reason: 'locked' });
      return { ok: false, error: new AccountLockedError(user.lockedUntil) };
    }
    const matches = await verifyPassword(input.password, user.passwordHash);
    if (!matches || user.status !== 'active') {
      const failures = user.failedLogins + 1;
      const locks = failures >= LOCKOUT_POLICY.maxFailures;
      const lockedUntil = locks ? new Date(now.getTime() + LOCKOUT_POLICY.lockMs) : null;
      await trx
        .updateTable('appUser')
        .set({ failedLogins: locks ? 0 : failures, lockedUntil })
        .where('id', '=', user.id)
        .execute();
      await audit('user.login_failed', {
        reason: matches ? 'disabled' : 'wrong_password',
        ...(locks ? { lockedUntil: lockedUntil!.toISOString() } : {}),
      });
      return {
        ok: false,
        error: lockedUntil ? new AccountLockedError(lockedUntil) : new InvalidCredentialsError(),
      };
    }

    await trx
      .updateTable('appUser')
      .set({ failedLogins: 0, lockedUntil: null })
      .where('id', '=', user.id)
      .execute();
    if (context.viewer.sessionId) {
      await trx
        .updateTable('session')
        .set({ revokedAt: now, rotatedAt: now })
        .where('id', '=', context.viewer.sessionId)
        .where('revokedAt', 'is', null)
        .execute();
    }
    const token = newSessionToken();
    const expiresAt = new Date(now.getTime() + SESSION_POLICY.absoluteMs);
    const session = await trx
      .insertInto('session')
      .values({
        userId: user.id,
        tokenHash: sha256(token),
        expiresAt,
        userAgent: context.http.userAgent?.slice(0, 512) ?? null,
        ip: context.http.ip,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      { viewer: { ...context.viewer, userId: user.id, apiKeyId: null } },
      {
        action: 'user.login',
        entity: 'app_user',
        entityId: user.id,
        data: { sessionId: session.id },
        ip: context.http.ip,
      },
    );
    const { passwordHash: _hash, ...row } = user;
    return { ok: true, result: { user: { ...row, failedLogins: 0, lockedUntil: null }, expiresAt }, token };
  });
  if (!outcome.ok) throw outcome.error;
  context.http.setSessionCookie(outcome.token, outcome.result.expiresAt);
  return outcome.result;
}

/** Ends the session this request came with and clears the cookie. */
export async function logout(context: Context): Promise<{ sessionsEnded: number }> {
  const { sessionId, userId } = context.viewer;
  const ended = await context.db.transaction().execute(async (trx) => {
    if (!sessionId || !userId) return 0;
    const result = await trx
      .updateTable('session')
      .set({ revokedAt: new Date() })
      .where('id', '=', sessionId)
      .where('revokedAt', 'is', null)
      .executeTakeFirst();
    await recordAudit(trx, context, {
      action: 'user.logout',
      entity: 'app_user',
      entityId: userId,
      data: { sessionId },
      ip: context.http.ip,
    });
    return Number(result.numUpdatedRows);
  });
  context.http.clearSessionCookie();
  return { sessionsEnded: ended };
}

/** Ends every session of the viewer (all browsers and devices), this one included. */
export async function logoutEverywhere(context: Context): Promise<{ sessionsEnded: number }> {
  const userId = context.viewer.userId!;
  const ended = await context.db.transaction().execute(async (trx) => {
    const count = await revokeSessions(trx, userId);
    await recordAudit(trx, context, {
      action: 'user.logout_everywhere',
      entity: 'app_user',
      entityId: userId,
      data: { sessionsEnded: count },
      ip: context.http.ip,
    });
    return count;
  });
  context.http.clearSessionCookie();
  return { sessionsEnded: ended };
}

/**
 * Changes the viewer's password after checking the current one. Every other session of the user ends (a stolen
 * session does not survive the change); this one stays.
 */
export async function changePassword(
  context: Context,
  input: { currentPassword: string; newPassword: string },
): Promise<{ sessionsEnded: number }> {
  const userId = context.viewer.userId!;
  return context.db.transaction().execute(async (trx) => {
    const row = await findPasswordHash(trx, userId);
    if (!row || !(await verifyPassword(input.currentPassword, row.passwordHash))) {
      throw new ValidationError([
        {
          path: ['input', 'currentPassword'],
          message: 'Mật khẩu hiện tại không đúng.',
          messageEn: 'The current password is not correct.',
        },
      ]);
    }
    const user = await trx.selectFrom('appUser').select('email').where('id', '=', userId).executeTakeFirst();
    const problems = checkPasswordPolicy(input.newPassword, ['input', 'newPassword'], { email: user?.email });
    if (input.newPassword === input.currentPassword) {
      problems.push({
        path: ['input', 'newPassword'],
        message: 'Mật khẩu mới phải khác mật khẩu hiện tại.',
        messageEn: 'The new password must differ from the current one.',
      });
    }
    if (problems.length > 0) throw new ValidationError(problems);
    await trx
      .updateTable('appUser')
      .set({ passwordHash: await hashPassword(input.newPassword), passwordChangedAt: new Date() })
      .where('id', '=', userId)
      .execute();
    const ended = await revokeSessions(trx, userId, context.viewer.sessionId);
    await recordAudit(trx, context, {
      action: 'user.change_password',
      entity: 'app_user',
      entityId: userId,
      data: { otherSessionsEnded: ended },
      ip: context.http.ip,
    });
    return { sessionsEnded: ended };
  });
}

async function grantsOf(db: DB, userId: string) {
  return (await findGrantsByUserIds(db, [userId])).map(({ role, unitId, agencyId }) => ({
    role,
    unitId,
    agencyId,
  }));
}

/**
 * The viewer of a session token, or null when the token is unknown, revoked, expired or idle too long. One
 * statement reads the session, its user and the user's grants, on every request: nothing is remembered between
 * requests, so a logout, an expiry, a disabled account or a changed grant applies to the very next request.
 */
export async function viewerFromSessionToken(
  db: DB,
  token: string,
  now = new Date(),
): Promise<Viewer | null> {
  if (token.length === 0 || token.length > 128) return null;
  const session = await db
    .selectFrom('session')
    .innerJoin('appUser', 'appUser.id', 'session.userId')
    .select(['session.id', 'session.userId', 'session.lastSeenAt'])
    .select((eb) =>
      eb
        .selectFrom('userRole')
        .select(
          sql<
            GrantJson[]
          >`coalesce(json_agg(json_build_object('role', user_role.role_code, 'unit', user_role.unit_id::text, 'agency', user_role.agency_id::text) order by user_role.id), '[]')`.as(
            'grants',
          ),
        )
        .whereRef('userRole.userId', '=', 'session.userId')
        .as('grants'),
    )
    .where('session.tokenHash', '=', sha256(token))
    .where('session.revokedAt', 'is', null)
    .where('session.expiresAt', '>', now)
    .where('session.lastSeenAt', '>', new Date(now.getTime() - SESSION_POLICY.idleMs))
    .where('appUser.status', '=', 'active')
    .executeTakeFirst();
  if (!session) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > SESSION_POLICY.touchEveryMs) {
    await db.updateTable('session').set({ lastSeenAt: now }).where('id', '=', session.id).execute();
  }
  return viewerWithGrants(
    { userId: session.userId, apiKeyId: null, apiKeyScopes: [], sessionId: session.id },
    (session.grants ?? []).map((g) => ({ role: g.role, unitId: g.unit, agencyId: g.agency })),
  );
}

/** A grant as the session statement returns it (ids as text, like every id the API reads). */
interface GrantJson {
  role: RoleCode;
  unit: string | null;
  agency: string | null;
}

/**
 * The viewer of an API key: no user of its own (`userId` null: a key never acts as a signed-in person), its
 * scopes, and its owner's grants as the bound of what it may read. Throws `UnauthenticatedError` for a key that
 * is malformed, unknown, revoked, expired, or whose owner is disabled.
 */
export async function viewerFromApiKey(db: DB, key: string, now = new Date()): Promise<Viewer> {
  const prefix = apiKeyPrefixOf(key);
  const row = prefix ? await findApiKeyByPrefix(db, prefix) : undefined;
  if (!row || !sameHash(row.keyHash, sha256(key)) || row.revokedAt || !row.ownerUserId) {
    throw new UnauthenticatedError();
  }
  if (row.expiresAt && row.expiresAt <= now) throw new UnauthenticatedError();
  const owner = await db
    .selectFrom('appUser')
    .select('status')
    .where('id', '=', row.ownerUserId)
    .executeTakeFirst();
  if (owner?.status !== 'active') throw new UnauthenticatedError();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > SESSION_POLICY.touchEveryMs) {
    await db.updateTable('apiKey').set({ lastUsedAt: now }).where('id', '=', row.id).execute();
  }
  return viewerWithGrants(
    { userId: null, apiKeyId: row.id, apiKeyScopes: row.scopes, sessionId: null },
    await grantsOf(db, row.ownerUserId),
  );
}

/**
 * The default authenticator of `buildServer`: `Authorization: Bearer <API key>` first (a bad key is an error,
 * not a silent downgrade), else the session cookie (a stale cookie just means anonymous), else anonymous.
 */
export function createAuthenticator(db: DB) {
  return async (request: FastifyRequest): Promise<Viewer> => {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      if (!match) throw new UnauthenticatedError();
      return viewerFromApiKey(db, match[1]!);
    }
    const token = request.cookies?.[SESSION_COOKIE];
    if (token) return (await viewerFromSessionToken(db, token)) ?? anonymousViewer;
    return anonymousViewer;
  };
}
