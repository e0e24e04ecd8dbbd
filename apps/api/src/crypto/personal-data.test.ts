import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadEnv } from '../env.js';
import { PersonalDataCipher } from './personal-data.js';

const key = () => randomBytes(32).toString('base64');

describe('PersonalDataCipher', () => {
  it('seals and opens; the ciphertext does not contain the plain text', () => {
    const cipher = PersonalDataCipher.fromEnv(loadEnv({ NODE_ENV: 'test', CHISO_DATA_KEY: key() }));
    const sealed = cipher.seal('Nguyễn Văn A, 0912345678', 'feedback.contact:X');
    expect(sealed.keyId).toBe('k1');
    expect(sealed.ciphertext.toString('utf8')).not.toContain('0912345678');
    expect(cipher.open(sealed, 'feedback.contact:X')).toBe('Nguyễn Văn A, 0912345678');
  });

  it('refuses another purpose, a flipped byte and an unknown key', () => {
    const cipher = PersonalDataCipher.fromEnv(loadEnv({ NODE_ENV: 'test' }));
    const sealed = cipher.seal('secret', 'a');
    expect(() => cipher.open(sealed, 'b')).toThrow();
    const tampered = Buffer.from(sealed.ciphertext);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => cipher.open({ ...sealed, ciphertext: tampered }, 'a')).toThrow();
    expect(() => cipher.open({ ...sealed, keyId: 'other' }, 'a')).toThrow(/not configured/);
  });

  it('opens data sealed with a retired key after rotation', () => {
    const oldKey = key();
    const before = PersonalDataCipher.fromEnv(
      loadEnv({ NODE_ENV: 'test', CHISO_DATA_KEY: oldKey, CHISO_DATA_KEY_ID: '2026a' }),
    );
    const sealed = before.seal('old', 'p');
    const after = PersonalDataCipher.fromEnv(
      loadEnv({
        NODE_ENV: 'test',
        CHISO_DATA_KEY: key(),
        CHISO_DATA_KEY_ID: '2026b',
        CHISO_DATA_KEYS_RETIRED: `2026a:${oldKey}`,
      }),
    );
    expect(after.open(sealed, 'p')).toBe('old');
    expect(after.seal('new', 'p').keyId).toBe('2026b');
  });

  it('is required in production and must be 32 bytes', () => {
    expect(() => loadEnv({ NODE_ENV: 'production' })).toThrow(/CHISO_DATA_KEY/);
    expect(() => loadEnv({ CHISO_DATA_KEY: Buffer.from('short').toString('base64') })).toThrow(
      /CHISO_DATA_KEY/,
    );
    expect(
      loadEnv({ NODE_ENV: 'production', CHISO_DATA_KEY: key(), CHISO_PSEUDONYM_SECRET: 'p'.repeat(32) })
        .CHISO_DATA_KEY_ID,
    ).toBe('k1');
  });

  it('fingerprints deterministically per key', () => {
    const a = PersonalDataCipher.fromEnv(loadEnv({ NODE_ENV: 'test', CHISO_DATA_KEY: key() }));
    const b = PersonalDataCipher.fromEnv(loadEnv({ NODE_ENV: 'test', CHISO_DATA_KEY: key() }));
    expect(a.fingerprint('x', 'p').equals(a.fingerprint('x', 'p'))).toBe(true);
    expect(a.fingerprint('x', 'p').equals(b.fingerprint('x', 'p'))).toBe(false);
  });
});
