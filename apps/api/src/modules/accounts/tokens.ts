import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Secrets handed to clients. Both are 256-bit random values, so a plain SHA-256 at rest is enough (no stretching
 * is needed for secrets nobody chose): a database leak reveals no usable token or key.
 */
export function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

export function sameHash(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A session token: 32 random bytes, base64url (43 characters). Only its hash is stored. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export const API_KEY_PREFIX = 'chiso';

/**
 * A new API key `chiso_<id>_<secret>`: `id` (12 hex characters) is stored in clear to find the key and shown in
 * lists; `secret` (32 random bytes) is shown once and only the hash of the whole key is kept.
 */
export function newApiKey(): { key: string; prefix: string } {
  const prefix = randomBytes(6).toString('hex');
  return { key: `${API_KEY_PREFIX}_${prefix}_${randomBytes(32).toString('base64url')}`, prefix };
}

/** The lookup prefix of something that looks like one of our API keys, else null. */
export function apiKeyPrefixOf(key: string): string | null {
  const match = /^chiso_([0-9a-f]{12})_[A-Za-z0-9_-]{43}$/.exec(key);
  return match ? match[1]! : null;
}
