import type { DB } from '@chiso/db';
import type { PersonalDataCipher } from '../../crypto/personal-data.js';

/**
 * The blind index of sealed feedback contacts (`feedback.contact_lookup`): keyed HMACs of the normalised email and
 * phone, so a person who asks for their data can be found without decrypting every contact, and nobody without
 * the data key can test whether a phone number is in the table.
 */
const LOOKUP_PURPOSE = 'feedback.contact.lookup';

/** The email as stored and looked up: trimmed, lower case. */
export function canonicalEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The phone as looked up: separators removed, the country code +84 (or 84) written as the trunk prefix 0. */
export function canonicalPhone(phone: string): string {
  const digits = phone.replace(/[\s.\-()]/g, '');
  if (digits.startsWith('+84')) return `0${digits.slice(3)}`;
  if (/^84\d{9}$/.test(digits)) return `0${digits.slice(2)}`;
  return digits;
}

export interface ContactKeys {
  email?: string | null;
  phone?: string | null;
}

function lookupTexts(contact: ContactKeys): string[] {
  const texts: string[] = [];
  if (contact.email?.trim()) texts.push(`email:${canonicalEmail(contact.email)}`);
  if (contact.phone?.trim()) texts.push(`phone:${canonicalPhone(contact.phone)}`);
  return texts;
}

/** The values stored with a newly sealed contact (under the current data key); null when it has neither. */
export function contactLookupValues(cipher: PersonalDataCipher, contact: ContactKeys): Buffer[] | null {
  const values = lookupTexts(contact).map((text) => cipher.fingerprint(text, LOOKUP_PURPOSE));
  return values.length > 0 ? values : null;
}

/** The values to search for: under every configured key, so rows indexed before a key rotation are found too. */
export function contactLookupCandidates(cipher: PersonalDataCipher, contact: ContactKeys): Buffer[] {
  return lookupTexts(contact).flatMap((text) => cipher.fingerprintsUnderEveryKey(text, LOOKUP_PURPOSE));
}

/** Purpose bound to a feedback contact's ciphertext (see `feedback.service.ts`). */
export function feedbackContactPurpose(code: string): string {
  return `feedback.contact:${code}`;
}

/**
 * Indexes contacts sealed before the blind index existed (or re-indexes after it was cleared): opens each, stores
 * its lookup values. Idempotent; runs in batches at API start-up. Returns the number of rows indexed.
 */
export async function backfillContactLookup(
  db: DB,
  cipher: PersonalDataCipher,
  batchSize = 500,
): Promise<number> {
  let indexed = 0;
  for (;;) {
    const rows = await db
      .selectFrom('feedback')
      .select(['provinceUnitId', 'id', 'code', 'contactEnc', 'contactKeyId'])
      .where('contactEnc', 'is not', null)
      .where('contactLookup', 'is', null)
      .orderBy('provinceUnitId')
      .orderBy('id')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) return indexed;
    for (const row of rows) {
      const contact = JSON.parse(
        cipher.open(
          { keyId: row.contactKeyId!, ciphertext: row.contactEnc! },
          feedbackContactPurpose(row.code),
        ),
      ) as ContactKeys;
      // A contact with neither email nor phone still gets an (empty) index, so it is not visited again.
      const values = contactLookupValues(cipher, contact) ?? [];
      await db
        .updateTable('feedback')
        .set({ contactLookup: values })
        .where('provinceUnitId', '=', row.provinceUnitId)
        .where('id', '=', row.id)
        .where('contactLookup', 'is', null)
        .execute();
      indexed++;
    }
  }
}
