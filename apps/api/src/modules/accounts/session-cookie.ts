// The plugin's type augmentation: `reply.setCookie`, `request.cookies`.
import type {} from '@fastify/cookie';
import type { FastifyReply } from 'fastify';

/**
 * The session cookie: `chiso_session`, httpOnly (scripts never see it), SameSite=Lax (not sent on cross-site
 * POSTs), Path=/, Secure in production. Its value is a random token; the database keeps only its SHA-256.
 */
export const SESSION_COOKIE = 'chiso_session';

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean) {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
