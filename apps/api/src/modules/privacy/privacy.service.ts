import { sql } from 'kysely';
import type { Context } from '../../context.js';
import { type FieldError, ValidationError } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { feedbackKey } from '../feedback/feedback.loaders.js';
import { type FeedbackRow, feedbackColumns } from '../feedback/feedback.repo.js';
import type { FeedbackContact } from '../feedback/feedback.service.js';
import {
  type ContactKeys,
  canonicalEmail,
  canonicalPhone,
  contactLookupCandidates,
  feedbackContactPurpose,
} from './contact-lookup.js';

/**
 * Data-subject requests (Law 91/2025/QH15): a person asks what feedback contact data is kept about them, for a
 * copy, or for its deletion. An administrator finds it by email or phone through the blind index, within their
 * scope (system admins everywhere; unit admins in the units and agencies they administer); every step is audited
 * per feedback item, without the email or phone in clear.
 */
export interface PersonLookup {
  email?: string | null;
  phone?: string | null;
}

export interface PersonalDataMatch {
  feedback: FeedbackRow;
  contact: FeedbackContact;
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;
const PHONE = /^0\d{9,10}$/;

/** The email and phone to look for, normalised; at least one, each well-formed. */
export function validatePersonLookup(lookup: PersonLookup, path: readonly string[] = []): ContactKeys {
  const errors: FieldError[] = [];
  const email = lookup.email?.trim() ? canonicalEmail(lookup.email) : null;
  const phone = lookup.phone?.trim() ? canonicalPhone(lookup.phone) : null;
  if (!email && !phone) {
    errors.push({
      path: [...path, 'email'],
      message: 'Cần email hoặc số điện thoại của người yêu cầu.',
      messageEn: 'Give the email address or the phone number of the person asking.',
    });
  }
  if (email && (email.length > 254 || !EMAIL.test(email))) {
    errors.push({
      path: [...path, 'email'],
      message: 'Email không hợp lệ.',
      messageEn: 'Invalid email address.',
    });
  }
  if (phone && !PHONE.test(phone)) {
    errors.push({
      path: [...path, 'phone'],
      message: 'Số điện thoại không hợp lệ (ví dụ 0912345678 hoặc +84912345678).',
      messageEn: 'Invalid phone number (e.g. 0912345678 or +84912345678).',
    });
  }
  if (errors.length > 0) throw new ValidationError(errors);
  return { email, phone };
}

/** True when the viewer administers the feedback's owner: its agency (`manage`), else its province. */
async function administers(context: Context, row: Pick<FeedbackRow, 'agencyId' | 'provinceUnitId'>) {
  if (context.access.isSystemAdmin) return true;
  return row.agencyId
    ? context.access.canAtAgency(row.agencyId, 'manage')
    : context.access.coversUnit(row.provinceUnitId, ['unit_admin']);
}

function matchesPerson(contact: FeedbackContact, keys: ContactKeys): boolean {
  return (
    (!!keys.email && !!contact.email && canonicalEmail(contact.email) === keys.email) ||
    (!!keys.phone && !!contact.phone && canonicalPhone(contact.phone) === keys.phone)
  );
}

/**
 * The feedback items whose sealed contact has this email or phone, in the viewer's scope, with the contact opened.
 * Pass a transaction to lock the rows (erasure).
 */
async function findMatches(
  context: Context,
  keys: ContactKeys,
  executor: Context['db'] = context.db,
  lock = false,
): Promise<PersonalDataMatch[]> {
  const candidates = contactLookupCandidates(context.personalData, keys);
  let query = executor
    .selectFrom('feedback')
    .select([...feedbackColumns, 'contactEnc'])
    .where('contactEnc', 'is not', null)
    .where(sql<boolean>`contact_lookup && ${candidates}::bytea[]`)
    .orderBy('createdAt')
    .orderBy('provinceUnitId')
    .orderBy('id');
  if (lock) query = query.forUpdate();
  const rows = await query.execute();
  const matches: PersonalDataMatch[] = [];
  for (const { contactEnc, ...row } of rows) {
    if (!(await administers(context, row))) continue;
    const contact = JSON.parse(
      context.personalData.open(
        { keyId: row.contactKeyId!, ciphertext: contactEnc! },
        feedbackContactPurpose(row.code),
      ),
    ) as FeedbackContact;
    // The index is a hash: confirm on the opened contact before showing or deleting anything.
    if (matchesPerson(contact, keys)) matches.push({ feedback: row, contact });
  }
  return matches;
}

async function auditEach(
  context: Context,
  executor: Context['db'],
  action: string,
  matches: readonly PersonalDataMatch[],
  reason: string | null,
) {
  for (const { feedback } of matches) {
    await recordAudit(executor, context, {
      action,
      entity: 'feedback',
      entityId: feedbackKey(feedback),
      unitId: feedback.provinceUnitId,
      data: { code: feedback.code, ...(reason ? { reason } : {}) },
      ip: context.http.ip,
    });
  }
  // A search that finds nothing is recorded too (who looked for someone), under no unit: system admins see it.
  if (matches.length === 0) {
    await recordAudit(executor, context, {
      action,
      entity: 'person',
      data: { found: 0, ...(reason ? { reason } : {}) },
      ip: context.http.ip,
    });
  }
}

/** Finds a person's feedback contacts (the first step of a request); audited as `personal_data.search`. */
export async function findPersonalData(context: Context, lookup: PersonLookup): Promise<PersonalDataMatch[]> {
  const keys = validatePersonLookup(lookup);
  const matches = await findMatches(context, keys);
  await auditEach(context, context.db, 'personal_data.search', matches, null);
  return matches;
}

export interface PersonalDataExport {
  json: string;
  items: number;
}

/** A copy of everything kept with the person's feedback contacts, as JSON; audited as `personal_data.export`. */
export async function exportPersonalData(
  context: Context,
  lookup: PersonLookup,
): Promise<PersonalDataExport> {
  const keys = validatePersonLookup(lookup, ['input']);
  const matches = await findMatches(context, keys);
  const document = {
    format: 'chiso.personal-data/1',
    exportedAt: context.now().toISOString(),
    request: { email: keys.email, phone: keys.phone },
    feedback: matches.map(({ feedback, contact }) => ({
      code: feedback.code,
      receivedAt: feedback.createdAt.toISOString(),
      channel: feedback.channel,
      status: feedback.status,
      title: feedback.title,
      body: feedback.body,
      answer: feedback.answerText,
      answeredAt: feedback.answeredAt?.toISOString() ?? null,
      citizenRating: feedback.citizenRating,
      contact,
      contactConsentAt: feedback.contactConsentAt?.toISOString() ?? null,
    })),
  };
  await auditEach(context, context.db, 'personal_data.export', matches, null);
  return { json: JSON.stringify(document, null, 2), items: matches.length };
}

export interface PersonalDataErasure {
  erased: number;
  codes: string[];
}

/**
 * Deletes the person's feedback contacts (sealed contact and blind index), keeping the feedback itself (a public
 * record without the person); one transaction, audited per item as `personal_data.erase` with the reason.
 */
export async function erasePersonalData(
  context: Context,
  lookup: PersonLookup,
  reason: string,
): Promise<PersonalDataErasure> {
  const keys = validatePersonLookup(lookup, ['input']);
  const why = reason.trim();
  if (why.length < 5 || why.length > 500) {
    throw new ValidationError([
      {
        path: ['input', 'reason'],
        message: 'Cần từ 5 đến 500 ký tự.',
        messageEn: 'Must be between 5 and 500 characters long.',
      },
    ]);
  }
  return context.db.transaction().execute(async (trx) => {
    const matches = await findMatches(context, keys, trx, true);
    const now = context.now();
    for (const { feedback } of matches) {
      await trx
        .updateTable('feedback')
        .set({ contactEnc: null, contactKeyId: null, contactLookup: null, contactErasedAt: now })
        .where('provinceUnitId', '=', feedback.provinceUnitId)
        .where('id', '=', feedback.id)
        .execute();
    }
    await auditEach(context, trx, 'personal_data.erase', matches, why);
    return { erased: matches.length, codes: matches.map((m) => m.feedback.code) };
  });
}
