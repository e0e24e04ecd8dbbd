import { hash, verify } from '@node-rs/argon2';
import type { FieldError } from '../../errors.js';

/**
 * Passwords are hashed with argon2id (RFC 9106) at OWASP's baseline cost (m = 19 MiB, t = 2, p = 1); the
 * parameters are written into the PHC string, so the cost can rise later without breaking stored hashes.
 * `@node-rs/argon2` ships prebuilt binaries as platform packages: nothing is compiled at install time.
 */
const ARGON2ID = 2; // `Algorithm.Argon2id` of @node-rs/argon2 (a const enum, not importable under isolatedModules)
const COST = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, COST);
}

/** True when `password` matches `stored`; false for a malformed or foreign hash (never throws on bad input). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (!stored.startsWith('$argon2')) return false;
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A valid hash of a password nobody knows, verified when the email is unknown so both paths cost the same. */
let decoy: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  decoy ??= hashPassword(`decoy-${Math.random()}`);
  await verifyPassword(password, await decoy);
}

/**
 * The password policy: at least 10 characters (at most 256), and not all of one class (letters only, digits
 * only, …): at least two of lower case, upper case, digits and other characters. Returns the problems, each on
 * `path`, in Vietnamese and English.
 */
export function checkPasswordPolicy(password: string, path: string[], context: { email?: string } = {}) {
  const errors: FieldError[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    errors.push({
      path,
      message: `Mật khẩu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`,
      messageEn: `The password must have at least ${PASSWORD_MIN_LENGTH} characters.`,
    });
  }
  if (length > PASSWORD_MAX_LENGTH) {
    errors.push({
      path,
      message: `Mật khẩu không được dài quá ${PASSWORD_MAX_LENGTH} ký tự.`,
      messageEn: `The password must not be longer than ${PASSWORD_MAX_LENGTH} characters.`,
    });
  }
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u].filter((c) => c.test(password));
  if (password.length > 0 && classes.length < 2) {
    errors.push({
      path,
      message:
        'Mật khẩu không được chỉ gồm một loại ký tự: hãy kết hợp ít nhất hai loại trong chữ thường, chữ hoa, chữ số và ký hiệu.',
      messageEn:
        'The password must not be all one kind of character: mix at least two of lower case, upper case, digits and symbols.',
    });
  }
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && password.toLowerCase().includes(local)) {
    errors.push({
      path,
      message: 'Mật khẩu không được chứa tên đăng nhập (phần trước @ của email).',
      messageEn: 'The password must not contain the user name (the part of the email before @).',
    });
  }
  return errors;
}
