import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

function scryptAsync(
  value: string,
  salt: Buffer,
  keyLength: number,
  options: ScryptOptions,
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(value, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

const KEY_LENGTH = 32;

/**
 * Hashes a secret (password, dossier PIN) with scrypt and a random salt, as
 * `scrypt$<log2 N>$<r>$<p>$<salt base64>$<hash base64>`: the parameters travel with the hash, so the cost can
 * rise later without breaking stored hashes. Default cost N = 2^15 (passwords); `log2N` lower for short-lived
 * PINs whose guessing is rate-limited.
 */
export async function hashSecret(secret: string, options: { log2N?: number } = {}): Promise<string> {
  const log2N = options.log2N ?? 15;
  const r = 8;
  const p = 1;
  const salt = randomBytes(16);
  const key = await scryptAsync(secret, salt, KEY_LENGTH, {
    N: 2 ** log2N,
    r,
    p,
    maxmem: 256 * 2 ** log2N * r,
  });
  return ['scrypt', log2N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** True when `secret` matches a hash made by `hashSecret` (constant-time comparison). */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [scheme, log2N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !log2N || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const N = 2 ** Number(log2N);
  const key = await scryptAsync(secret, Buffer.from(salt, 'base64'), expected.length, {
    N,
    r: Number(r),
    p: Number(p),
    maxmem: 256 * N * Number(r),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}
