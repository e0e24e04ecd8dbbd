/**
 * Sealing personal data at rest (contacts of feedback, later of dossiers) with AES-256-GCM.
 *
 * Stored form: `iv (12 bytes) ‖ tag (16 bytes) ‖ ciphertext`, with the id of the key that sealed it kept in a
 * column beside it, so keys can rotate: new data is sealed with the current key, old data is opened with the key it
 * names (retired keys stay configured until every row is re-sealed). A purpose string (e.g.
 * `feedback.contact:PAKN-…`) is bound as additional authenticated data: a ciphertext copied onto another row or
 * field does not open.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { Env } from '../env.js';

const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface SealedData {
  keyId: string;
  ciphertext: Buffer;
}

export class PersonalDataCipher {
  readonly currentKeyId: string;
  readonly #keys: ReadonlyMap<string, Buffer>;

  constructor(currentKeyId: string, keys: ReadonlyMap<string, Buffer>) {
    for (const [id, key] of keys) {
      if (key.length !== 32) throw new Error(`Data key ${id} must be 32 bytes`);
    }
    if (!keys.has(currentKeyId)) throw new Error(`No data key with id ${currentKeyId}`);
    this.currentKeyId = currentKeyId;
    this.#keys = keys;
  }

  static fromEnv(env: Pick<Env, 'CHISO_DATA_KEY' | 'CHISO_DATA_KEY_ID' | 'CHISO_DATA_KEYS_RETIRED'>) {
    const keys = new Map<string, Buffer>();
    for (const retired of env.CHISO_DATA_KEYS_RETIRED)
      keys.set(retired.id, Buffer.from(retired.key, 'base64'));
    keys.set(env.CHISO_DATA_KEY_ID, Buffer.from(env.CHISO_DATA_KEY, 'base64'));
    return new PersonalDataCipher(env.CHISO_DATA_KEY_ID, keys);
  }

  #key(keyId: string): Buffer {
    const key = this.#keys.get(keyId);
    if (!key) throw new Error(`Data key ${keyId} is not configured`);
    return key;
  }

  /** Seals `plaintext` with the current key, bound to `purpose`. */
  seal(plaintext: string, purpose: string): SealedData {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key(this.currentKeyId), iv);
    cipher.setAAD(Buffer.from(purpose, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return { keyId: this.currentKeyId, ciphertext: Buffer.concat([iv, cipher.getAuthTag(), body]) };
  }

  /** Opens what `seal` produced; throws when the key, the purpose or a single byte differs. */
  open(sealed: SealedData, purpose: string): string {
    const { ciphertext } = sealed;
    if (ciphertext.length < IV_BYTES + TAG_BYTES) throw new Error('Sealed data is too short');
    const decipher = createDecipheriv(
      'aes-256-gcm',
      this.#key(sealed.keyId),
      ciphertext.subarray(0, IV_BYTES),
    );
    decipher.setAAD(Buffer.from(purpose, 'utf8'));
    decipher.setAuthTag(ciphertext.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([
      decipher.update(ciphertext.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  }

  /**
   * A keyed fingerprint (HMAC-SHA-256 under a key derived from the current data key): equal inputs give equal
   * fingerprints, and without the key a fingerprint of a phone number cannot be reversed by trying numbers.
   */
  fingerprint(text: string, purpose: string): Buffer {
    return this.#fingerprintUnder(this.currentKeyId, text, purpose);
  }

  /**
   * The fingerprints of `text` under every configured key, current first: a lookup by fingerprint (a blind
   * index) still finds rows fingerprinted before a key rotation while retired keys stay configured.
   */
  fingerprintsUnderEveryKey(text: string, purpose: string): Buffer[] {
    const ids = [this.currentKeyId, ...[...this.#keys.keys()].filter((id) => id !== this.currentKeyId)];
    return ids.map((id) => this.#fingerprintUnder(id, text, purpose));
  }

  #fingerprintUnder(keyId: string, text: string, purpose: string): Buffer {
    const derived = createHmac('sha256', this.#key(keyId)).update(`fingerprint:${purpose}`).digest();
    return createHmac('sha256', derived).update(text, 'utf8').digest();
  }
}
