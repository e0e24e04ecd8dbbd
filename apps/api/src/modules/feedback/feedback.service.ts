import { randomInt } from 'node:crypto';
import { type Database, type FeedbackStatus, normalizeSearchText, verifySecret } from '@chiso/db';
import type { Kysely } from 'kysely';
import { todayInVietnam } from '../../civil-date.js';
import type { Context } from '../../context.js';
import {
  ConflictError,
  type FieldError,
  ForbiddenError,
  NotFoundError,
  TooManyRequestsError,
  ValidationError,
} from '../../errors.js';
import { globalIdOf, requireRowId } from '../../schema/global-id.js';
import { recordAudit } from '../audit/audit.service.js';
import { contactLookupValues, feedbackContactPurpose } from '../privacy/contact-lookup.js';
import { feedbackDueAt } from './feedback.deadline.js';
import { feedbackKey } from './feedback.loaders.js';
import {
  type AgencyRef,
  type FeedbackRow,
  findAgenciesOfProcedure,
  findDossiersByReceiptCode,
  findFeedback,
  findFeedbackByCode,
  findFeedbackByIdempotencyKey,
  findProvinceByCode,
  findProvincesOfUnits,
  findSealedContact,
  type KeysetCursor,
  lockFeedback,
  OPEN_STATUSES,
  type PublishedFilter,
} from './feedback.repo.js';

export type FeedbackSubject = 'procedure' | 'agency' | 'dossier' | 'other';
export type FeedbackChannel = 'portal' | 'hotline' | 'mail' | 'desk';
export type FeedbackCategory = 'regulation' | 'conduct' | 'out_of_scope';

export interface ContactInput {
  name: string;
  phone?: string | null;
  email?: string | null;
}

export interface SubmitFeedbackInput {
  subject: FeedbackSubject;
  procedureCode?: string | null;
  agencyCode?: string | null;
  provinceCode?: string | null;
  dossierReceiptCode?: string | null;
  dossierPin?: string | null;
  title: string;
  body: string;
  channel?: FeedbackChannel | null;
  anonymous?: boolean | null;
  contact?: ContactInput | null;
  consent?: boolean | null;
  idempotencyKey: string;
}

/** The contact as sealed: only what is needed to reach the citizen about this feedback. */
export interface FeedbackContact {
  name: string;
  phone: string | null;
  email: string | null;
}

const LIMITS = { title: [5, 200], body: [10, 5000], name: [1, 100], key: [8, 100] } as const;
const PHONE = /^(?:\+84|0)\d{9,10}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;
/** Crockford base32 without I, L, O, U: easy to read aloud and type from a receipt. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_PATTERN = /^PAKN-\d{6}-[0-9A-HJKMNP-TV-Z]{8}$/;

/** A fixed-width date in Vietnam, `yyMMdd`. */
function receiptDate(now: Date): string {
  return todayInVietnam(now).slice(2).replaceAll('-', '');
}

/**
 * A receipt code `PAKN-{yyMMdd}-{8 random characters}`. The random part (40 bits) makes the code the citizen's
 * key to follow the feedback up and rate its handling: it cannot be guessed from a neighbour's code.
 */
export function newFeedbackCode(now: Date = new Date()): string {
  let random = '';
  for (let i = 0; i < 8; i++) random += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `PAKN-${receiptDate(now)}-${random}`;
}

/** Normalizes a code typed by a person: trimmed, upper case. */
export function normalizeFeedbackCode(code: string): string {
  return code.trim().toUpperCase();
}

function error(path: string[], message: string, messageEn: string): FieldError {
  return { path: ['input', ...path], message, messageEn };
}

function checkLength(
  errors: FieldError[],
  path: string[],
  value: string,
  [min, max]: readonly [number, number],
) {
  const length = value.trim().length;
  if (length < min || length > max) {
    errors.push(
      error(path, `Cần từ ${min} đến ${max} ký tự.`, `Must be between ${min} and ${max} characters long.`),
    );
  }
}

/** Phone numbers as people type them (spaces, dots, dashes) reduced to digits with an optional +84. */
function normalizePhone(phone: string): string {
  return phone.replace(/[\s.\-()]/g, '');
}

interface ValidSubmission {
  contact: FeedbackContact | null;
  anonymous: boolean;
  channel: FeedbackChannel;
  title: string;
  body: string;
}

/** Checks a submission's own fields (no database): every problem at once, each with its path. */
export function validateSubmission(input: SubmitFeedbackInput): ValidSubmission {
  const errors: FieldError[] = [];
  checkLength(errors, ['title'], input.title, LIMITS.title);
  checkLength(errors, ['body'], input.body, LIMITS.body);
  checkLength(errors, ['idempotencyKey'], input.idempotencyKey, LIMITS.key);

  const need = (field: keyof SubmitFeedbackInput, vi: string, en: string) => {
    if (!input[field] || String(input[field]).trim() === '') errors.push(error([field], vi, en));
  };
  if (input.subject === 'procedure') {
    need('procedureCode', 'Hãy cho biết mã thủ tục hành chính.', 'Give the procedure code.');
  }
  if (input.subject === 'agency') need('agencyCode', 'Hãy cho biết cơ quan.', 'Give the agency.');
  if (input.subject === 'dossier') {
    need('dossierReceiptCode', 'Hãy cho biết mã biên nhận hồ sơ.', 'Give the dossier receipt code.');
    need('dossierPin', 'Hãy nhập mã PIN in trên biên nhận hồ sơ.', 'Give the PIN printed on the receipt.');
  }
  if (input.subject === 'other' && !input.agencyCode && !input.provinceCode) {
    errors.push(
      error(
        ['agencyCode'],
        'Hãy chọn cơ quan hoặc tỉnh, thành phố nhận phản ánh.',
        'Choose the agency or the province the feedback is for.',
      ),
    );
  }

  let contact: FeedbackContact | null = null;
  const anonymous = input.anonymous ?? !input.contact;
  if (input.contact) {
    if (anonymous) {
      errors.push(
        error(
          ['contact'],
          'Phản ánh ẩn danh không kèm thông tin liên hệ; bỏ thông tin liên hệ hoặc bỏ chọn ẩn danh.',
          'Anonymous feedback carries no contact; remove the contact or untick anonymous.',
        ),
      );
    }
    if (input.consent !== true) {
      errors.push(
        error(
          ['consent'],
          'Cần sự đồng ý rõ ràng của bạn để lưu thông tin liên hệ (chỉ dùng để trả lời phản ánh này).',
          'Your explicit consent is needed to keep your contact (used only to answer this feedback).',
        ),
      );
    }
    const name = input.contact.name.trim();
    checkLength(errors, ['contact', 'name'], name, LIMITS.name);
    const phone = input.contact.phone ? normalizePhone(input.contact.phone) : null;
    const email = input.contact.email ? input.contact.email.trim().toLowerCase() : null;
    if (!phone && !email) {
      errors.push(
        error(
          ['contact', 'phone'],
          'Cần số điện thoại hoặc email để liên hệ.',
          'A phone number or an email address is needed to reach you.',
        ),
      );
    }
    if (phone && !PHONE.test(phone)) {
      errors.push(
        error(
          ['contact', 'phone'],
          'Số điện thoại không hợp lệ (ví dụ 0912345678 hoặc +84912345678).',
          'Invalid phone number (e.g. 0912345678 or +84912345678).',
        ),
      );
    }
    if (email && (email.length > 254 || !EMAIL.test(email))) {
      errors.push(error(['contact', 'email'], 'Email không hợp lệ.', 'Invalid email address.'));
    }
    contact = { name, phone, email };
  } else if (!anonymous) {
    errors.push(
      error(
        ['contact'],
        'Cần thông tin liên hệ khi không gửi ẩn danh.',
        'A contact is needed when the feedback is not anonymous.',
      ),
    );
  }
  if (errors.length > 0) throw new ValidationError(errors);
  return {
    contact,
    anonymous,
    channel: input.channel ?? 'portal',
    title: input.title.trim(),
    body: input.body.trim(),
  };
}

interface Owner {
  provinceUnitId: string;
  agency: AgencyRef | null;
  procedureId: string | null;
  dossierId: string | null;
}

/** Who owns the feedback: the agency (if any), its province, the procedure and dossier it is about. */
async function resolveOwner(context: Context, input: SubmitFeedbackInput): Promise<Owner> {
  const { db } = context;
  const notFound = (path: string, vi: string, en: string) => new ValidationError([error([path], vi, en)]);

  let agency: AgencyRef | null = null;
  if (input.agencyCode && input.subject !== 'dossier') {
    agency = await context.loaders.agencies.agencyByCode.load(input.agencyCode.trim());
    if (!agency) {
      throw notFound(
        'agencyCode',
        `Không có cơ quan mã ${input.agencyCode}.`,
        `No agency has code ${input.agencyCode}.`,
      );
    }
  }

  if (input.subject === 'dossier') {
    const candidates = await findDossiersByReceiptCode(db, input.dossierReceiptCode!.trim());
    for (const dossier of candidates) {
      if (await verifySecret(input.dossierPin!.trim(), dossier.pinHash)) {
        const found = await context.loaders.agencies.agencyById.load(dossier.agencyId);
        return {
          provinceUnitId: dossier.provinceUnitId,
          agency: found,
          procedureId: dossier.procedureId,
          dossierId: dossier.id,
        };
      }
    }
    throw notFound(
      'dossierReceiptCode',
      'Không tìm thấy hồ sơ với mã biên nhận và mã PIN này.',
      'No dossier matches this receipt code and PIN.',
    );
  }

  let procedureId: string | null = null;
  let provinceUnitId: string | null = null;
  if (input.subject === 'procedure') {
    const procedure = await context.loaders.procedures.procedureByCode.load(input.procedureCode!.trim());
    if (!procedure) {
      throw notFound(
        'procedureCode',
        `Không có thủ tục hành chính mã ${input.procedureCode}.`,
        `No procedure has code ${input.procedureCode}.`,
      );
    }
    procedureId = procedure.id;
    if (!agency) {
      const agencies = await findAgenciesOfProcedure(db, procedure.id);
      const provinces = await findProvincesOfUnits(
        db,
        agencies.map((a) => a.unitId),
      );
      const distinct = new Set(agencies.map((a) => provinces.get(a.unitId)));
      if (agencies.length === 1) agency = agencies[0]!;
      else if (distinct.size === 1 && !distinct.has(undefined)) provinceUnitId = [...distinct][0]!;
      else if (!input.provinceCode) {
        throw notFound(
          'agencyCode',
          'Thủ tục này do nhiều cơ quan thực hiện: hãy chọn cơ quan.',
          'Several agencies carry out this procedure: choose the agency.',
        );
      }
    }
  }

  if (agency) {
    provinceUnitId = (await findProvincesOfUnits(db, [agency.unitId])).get(agency.unitId) ?? null;
  } else if (!provinceUnitId && input.provinceCode) {
    provinceUnitId = (await findProvinceByCode(db, input.provinceCode.trim(), todayInVietnam()))?.id ?? null;
    if (!provinceUnitId) {
      throw notFound(
        'provinceCode',
        `Không có tỉnh, thành phố mã ${input.provinceCode}.`,
        `No province has code ${input.provinceCode}.`,
      );
    }
  }
  if (!provinceUnitId) throw new Error('The owning province of a feedback item could not be derived');
  return { provinceUnitId, agency, procedureId, dossierId: null };
}

function payloadText(input: SubmitFeedbackInput, valid: ValidSubmission): string {
  return JSON.stringify([
    input.subject,
    input.procedureCode?.trim() ?? null,
    input.agencyCode?.trim() ?? null,
    input.provinceCode?.trim() ?? null,
    input.dossierReceiptCode?.trim() ?? null,
    input.dossierPin?.trim() ?? null,
    valid.title,
    valid.body,
    valid.channel,
    valid.anonymous,
    valid.contact,
  ]);
}

const contactPurpose = feedbackContactPurpose;

/** The same key again: the first receipt when the payload matches, a conflict otherwise. */
function replay(
  existing: FeedbackRow & { payloadFingerprint: Buffer | null },
  fingerprint: Buffer,
): FeedbackRow {
  if (!existing.payloadFingerprint?.equals(fingerprint)) {
    throw new ConflictError(
      'Khóa chống gửi trùng này đã được dùng cho một phản ánh khác.',
      'This idempotency key was already used for different feedback.',
    );
  }
  return existing;
}

/**
 * Receives feedback from anyone (no sign-in): validates it, derives its owner, seals the contact, sets the
 * provisional due time (until classified), and records the 'receive' event, all in one transaction. A retry
 * with the same idempotency key returns the first receipt; the same key with another payload is a conflict.
 */
export async function submitFeedback(context: Context, input: SubmitFeedbackInput): Promise<FeedbackRow> {
  const valid = validateSubmission(input);
  const fingerprint = context.personalData.fingerprint(payloadText(input, valid), 'feedback.payload');
  const key = input.idempotencyKey.trim();
  const existing = await findFeedbackByIdempotencyKey(context.db, key);
  if (existing) return replay(existing, fingerprint);

  const wait = context.rateLimits.feedbackSubmission.consume(context.http.ip ?? 'unknown');
  if (wait > 0) throw new TooManyRequestsError(wait);

  const owner = await resolveOwner(context, input);
  const receivedAt = new Date();
  const dueAt = await feedbackDueAt(context.db, {
    category: 'unclassified',
    receivedAt,
    agencyId: owner.agency?.id ?? null,
    provinceUnitId: owner.provinceUnitId,
  });
  const code = newFeedbackCode(receivedAt);
  const sealed = valid.contact
    ? context.personalData.seal(JSON.stringify(valid.contact), contactPurpose(code))
    : null;

  try {
    return await context.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('feedback')
        .values({
          provinceUnitId: owner.provinceUnitId,
          code,
          subjectKind: input.subject,
          procedureId: owner.procedureId,
          agencyId: owner.agency?.id ?? null,
          dossierId: owner.dossierId,
          channel: valid.channel,
          title: valid.title,
          body: valid.body,
          anonymous: valid.anonymous,
          contactEnc: sealed?.ciphertext ?? null,
          contactKeyId: sealed?.keyId ?? null,
          contactConsentAt: sealed ? receivedAt : null,
          contactLookup: valid.contact ? contactLookupValues(context.personalData, valid.contact) : null,
          dueAt,
          idempotencyKey: key,
          payloadFingerprint: fingerprint,
          createdAt: receivedAt,
        })
        .returning(['provinceUnitId', 'id'])
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('feedbackEvent')
        .values({
          provinceUnitId: row.provinceUnitId,
          feedbackId: row.id,
          at: receivedAt,
          action: 'receive',
          fromStatus: null,
          toStatus: 'received',
          actorUserId: context.viewer.userId,
          data: JSON.stringify({ channel: valid.channel, anonymous: valid.anonymous }),
        })
        .execute();
      await recordAudit(trx, context, {
        action: 'feedback.receive',
        entity: 'feedback',
        entityId: feedbackKey(row),
        unitId: row.provinceUnitId,
        data: { code, subject: input.subject, channel: valid.channel, anonymous: valid.anonymous },
        ip: context.http.ip,
      });
      return (await findFeedback(trx, row.provinceUnitId, row.id))!;
    });
  } catch (failure) {
    // Two requests with the same key at once: the second finds the first's row.
    if ((failure as { code?: string }).code === '23505') {
      const winner = await findFeedbackByIdempotencyKey(context.db, key);
      if (winner) return replay(winner, fingerprint);
    }
    throw failure;
  }
}

/** Overdue: past its due time and still waiting for an answer. */
export function isOverdue(row: Pick<FeedbackRow, 'dueAt' | 'status'>, now: Date = new Date()): boolean {
  return row.dueAt !== null && row.dueAt.getTime() < now.getTime() && OPEN_STATUSES.includes(row.status);
}

function codeNotFound(code: string) {
  return new NotFoundError(`Không có phản ánh mã ${code}.`, `No feedback has code ${code}.`);
}

/** Public follow-up by receipt code. */
export async function getFeedbackByCode(context: Context, code: string): Promise<FeedbackRow> {
  const normalized = normalizeFeedbackCode(code);
  const row = CODE_PATTERN.test(normalized) ? await findFeedbackByCode(context.db, normalized) : undefined;
  if (!row) throw codeNotFound(normalized);
  return row;
}

/** `province:id` from a global ID of type Feedback; a malformed one is a validation error on `path`. */
export function parseFeedbackId(globalId: string, path = 'id'): { provinceUnitId: string; id: string } {
  const match = /^([1-9]\d{0,18}):([1-9]\d{0,18})$/.exec(globalIdOf(globalId, 'Feedback') ?? '');
  if (!match) {
    throw new ValidationError([
      { path: [path], message: 'Mã phản ánh không hợp lệ.', messageEn: 'Not a feedback ID.' },
    ]);
  }
  return { provinceUnitId: match[1]!, id: match[2]! };
}

/** True when the viewer handles this feedback: desk at its agency, or unit admin over its province. */
export async function canHandle(context: Context, row: Pick<FeedbackRow, 'agencyId' | 'provinceUnitId'>) {
  return row.agencyId
    ? context.access.canAtAgency(row.agencyId, 'desk')
    : context.access.coversUnit(row.provinceUnitId, ['unit_admin']);
}

const idNotFound = () => new NotFoundError('Không tìm thấy phản ánh.', 'No such feedback.');

/** One feedback item for an officer who handles it (others get FORBIDDEN; unknown ids NOT_FOUND). */
export async function getFeedbackForOfficer(context: Context, globalId: string): Promise<FeedbackRow> {
  const key = parseFeedbackId(globalId);
  const row = await findFeedback(context.db, key.provinceUnitId, key.id);
  if (!row) throw idNotFound();
  if (!(await canHandle(context, row))) throw new ForbiddenError();
  return row;
}

/** The decrypted contact, for an officer who handles the feedback; every read is audited. */
export async function readFeedbackContact(
  context: Context,
  globalId: string,
): Promise<FeedbackContact | null> {
  const row = await getFeedbackForOfficer(context, globalId);
  const sealed = await findSealedContact(context.db, row.provinceUnitId, row.id);
  if (!sealed?.contactEnc || !sealed.contactKeyId) return null;
  const contact = JSON.parse(
    context.personalData.open(
      { keyId: sealed.contactKeyId, ciphertext: sealed.contactEnc },
      contactPurpose(row.code),
    ),
  ) as FeedbackContact;
  await recordAudit(context.db, context, {
    action: 'feedback.read_contact',
    entity: 'feedback',
    entityId: feedbackKey(row),
    unitId: row.provinceUnitId,
    data: { code: row.code },
    ip: context.http.ip,
  });
  return contact;
}

interface Transition {
  action: string;
  from: readonly FeedbackStatus[];
  /** Extra precondition on the locked row; returns a conflict message pair when it fails. */
  requires?: (row: FeedbackRow) => [vi: string, en: string] | null;
  /** The changes and the new status, computed from the locked row. */
  apply: (
    row: FeedbackRow,
    trx: Kysely<Database>,
    now: Date,
  ) => Promise<{ to: FeedbackStatus; set: Record<string, unknown>; data?: Record<string, unknown> }>;
  note?: string | null;
}

const STATUS_VI: Record<FeedbackStatus, string> = {
  received: 'đã tiếp nhận',
  classified: 'đã phân loại',
  transferred: 'đã chuyển',
  answered: 'đã trả lời',
  published: 'đã công khai',
  closed: 'đã đóng',
  rejected: 'đã từ chối',
};

/**
 * One officer action on one feedback item, in one transaction: lock the row, check the viewer handles it (before
 * anything is written), check the transition is legal, update, append the event, record the audit entry.
 */
async function transition(context: Context, globalId: string, spec: Transition): Promise<FeedbackRow> {
  const key = parseFeedbackId(globalId);
  return context.db.transaction().execute(async (trx) => {
    const row = await lockFeedback(trx, key.provinceUnitId, key.id);
    if (!row) throw idNotFound();
    if (!(await canHandle(context, row))) throw new ForbiddenError();
    if (!spec.from.includes(row.status)) {
      throw new ConflictError(
        `Không thể thực hiện thao tác này với phản ánh ${STATUS_VI[row.status]}.`,
        `This action is not allowed on feedback that is ${row.status}.`,
      );
    }
    const unmet = spec.requires?.(row);
    if (unmet) throw new ConflictError(unmet[0], unmet[1]);
    const now = new Date();
    const { to, set, data } = await spec.apply(row, trx, now);
    await trx
      .updateTable('feedback')
      .set({ ...set, status: to })
      .where('provinceUnitId', '=', row.provinceUnitId)
      .where('id', '=', row.id)
      .execute();
    await trx
      .insertInto('feedbackEvent')
      .values({
        provinceUnitId: row.provinceUnitId,
        feedbackId: row.id,
        at: now,
        action: spec.action,
        fromStatus: row.status,
        toStatus: to,
        actorUserId: context.viewer.userId,
        note: spec.note ?? null,
        data: JSON.stringify(data ?? {}),
      })
      .execute();
    await recordAudit(trx, context, {
      action: `feedback.${spec.action}`,
      entity: 'feedback',
      entityId: feedbackKey(row),
      unitId: row.provinceUnitId,
      data: { code: row.code, from: row.status, to, ...data },
      ip: context.http.ip,
    });
    return (await findFeedback(trx, row.provinceUnitId, row.id))!;
  });
}

function checkText(path: string, value: string, [min, max]: readonly [number, number]): string {
  const text = value.trim();
  if (text.length < min || text.length > max) {
    throw new ValidationError([
      {
        path: [path],
        message: `Cần từ ${min} đến ${max} ký tự.`,
        messageEn: `Must be between ${min} and ${max} characters long.`,
      },
    ]);
  }
  return text;
}

function optionalNote(note: string | null | undefined): string | null {
  return note ? checkText('note', note, [1, 2000]) : null;
}

/**
 * Classifies feedback (in scope or not; about a regulation or about conduct) and sets its due time from the
 * category's working-day deadline, counted from receipt on the agency's work calendar.
 */
export function classifyFeedback(
  context: Context,
  globalId: string,
  category: FeedbackCategory,
  note?: string | null,
) {
  return transition(context, globalId, {
    action: 'classify',
    from: ['received', 'transferred'],
    note: optionalNote(note),
    apply: async (row, trx) => {
      const dueAt = await feedbackDueAt(trx, {
        category,
        receivedAt: row.createdAt,
        agencyId: row.agencyId,
        provinceUnitId: row.provinceUnitId,
      });
      return { to: 'classified', set: { category, dueAt }, data: { category, dueAt: dueAt.toISOString() } };
    },
  });
}

/** Hands the feedback to another agency of the same province; from then on its officers handle it. */
export async function transferFeedback(
  context: Context,
  globalId: string,
  toAgencyCode: string,
  note?: string | null,
) {
  const target = await context.loaders.agencies.agencyByCode.load(toAgencyCode.trim());
  if (!target) {
    throw new ValidationError([
      {
        path: ['toAgencyCode'],
        message: `Không có cơ quan mã ${toAgencyCode}.`,
        messageEn: `No agency has code ${toAgencyCode}.`,
      },
    ]);
  }
  const targetProvince = (await findProvincesOfUnits(context.db, [target.unitId])).get(target.unitId);
  return transition(context, globalId, {
    action: 'transfer',
    from: ['received', 'classified', 'transferred'],
    note: optionalNote(note),
    requires: (row) =>
      row.agencyId === target.id
        ? ['Phản ánh đã thuộc cơ quan này.', 'The feedback already belongs to this agency.']
        : targetProvince !== row.provinceUnitId
          ? [
              'Chỉ chuyển được cho cơ quan trong cùng tỉnh, thành phố.',
              'Feedback can only be transferred within its province.',
            ]
          : null,
    apply: async (row) => ({
      to: 'transferred',
      set: { agencyId: target.id },
      data: { fromAgencyId: row.agencyId, toAgencyId: target.id, toAgencyCode: target.code },
    }),
  });
}

/** Records the answer; `publishAllowed` says whether it may appear in the public list. */
export function answerFeedback(context: Context, globalId: string, answer: string, publishAllowed: boolean) {
  const text = checkText('answer', answer, [10, 10_000]);
  return transition(context, globalId, {
    action: 'answer',
    from: ['classified', 'transferred'],
    requires: (row) =>
      row.category === null
        ? ['Cần phân loại phản ánh trước khi trả lời.', 'Classify the feedback before answering it.']
        : null,
    apply: async (_row, _trx, now) => ({
      to: 'answered',
      set: { answerText: text, answeredAt: now, publishAllowed },
      data: { publishAllowed },
    }),
  });
}

/** Publishes an answer whose publication was allowed; it becomes searchable in the public list. */
export function publishFeedbackAnswer(context: Context, globalId: string) {
  return transition(context, globalId, {
    action: 'publish',
    from: ['answered'],
    requires: (row) =>
      row.publishAllowed
        ? null
        : ['Câu trả lời này không được phép công khai.', 'This answer was not allowed to be published.'],
    apply: async (row, _trx, now) => ({
      to: 'published',
      set: { publishedAt: now, searchText: normalizeSearchText(`${row.title} ${row.answerText ?? ''}`) },
    }),
  });
}

/** Refuses to handle feedback (e.g. a complaint that belongs to another procedure), with the reason. */
export function rejectFeedback(context: Context, globalId: string, reason: string) {
  const text = checkText('reason', reason, [5, 2000]);
  return transition(context, globalId, {
    action: 'reject',
    from: ['received', 'classified', 'transferred'],
    note: text,
    apply: async (_row, _trx, now) => ({ to: 'rejected', set: { answerText: text, answeredAt: now } }),
  });
}

/**
 * The citizen rates how the feedback was handled (1–5), once, after it was answered. The same idempotency key
 * again returns the stored rating; another rating afterwards is a conflict.
 */
export async function rateFeedbackHandling(
  context: Context,
  code: string,
  rating: number,
  idempotencyKey: string,
): Promise<FeedbackRow> {
  const fieldErrors: FieldError[] = [];
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
    fieldErrors.push({ path: ['rating'], message: 'Điểm từ 1 đến 5.', messageEn: 'A rating from 1 to 5.' });
  }
  const key = idempotencyKey.trim();
  if (key.length < LIMITS.key[0] || key.length > LIMITS.key[1]) {
    fieldErrors.push({
      path: ['idempotencyKey'],
      message: `Cần từ ${LIMITS.key[0]} đến ${LIMITS.key[1]} ký tự.`,
      messageEn: `Must be between ${LIMITS.key[0]} and ${LIMITS.key[1]} characters long.`,
    });
  }
  if (fieldErrors.length > 0) throw new ValidationError(fieldErrors);
  const found = await getFeedbackByCode(context, code);
  return context.db.transaction().execute(async (trx) => {
    const row = (await lockFeedback(trx, found.provinceUnitId, found.id))!;
    if (row.citizenRating !== null) {
      if (row.ratingIdempotencyKey === key && row.citizenRating === rating) return row;
      throw new ConflictError('Phản ánh này đã được đánh giá.', 'This feedback has already been rated.');
    }
    if (row.status !== 'answered' && row.status !== 'published') {
      throw new ConflictError(
        'Chỉ đánh giá được sau khi phản ánh đã được trả lời.',
        'Handling can be rated only after the feedback was answered.',
      );
    }
    const now = new Date();
    await trx
      .updateTable('feedback')
      .set({ citizenRating: rating, ratedAt: now, ratingIdempotencyKey: key })
      .where('provinceUnitId', '=', row.provinceUnitId)
      .where('id', '=', row.id)
      .execute();
    await trx
      .insertInto('feedbackEvent')
      .values({
        provinceUnitId: row.provinceUnitId,
        feedbackId: row.id,
        at: now,
        action: 'rate',
        fromStatus: row.status,
        toStatus: row.status,
        actorUserId: null,
        data: JSON.stringify({ rating }),
      })
      .execute();
    await recordAudit(trx, context, {
      action: 'feedback.rate',
      entity: 'feedback',
      entityId: feedbackKey(row),
      unitId: row.provinceUnitId,
      data: { code: row.code, rating },
      ip: context.http.ip,
    });
    return (await findFeedback(trx, row.provinceUnitId, row.id))!;
  });
}

/** Opaque keyset cursors: base64url of `[instant, province, id]`; a malformed one is a validation error. */
export function encodeKeysetCursor(at: Date, row: { provinceUnitId: string; id: string }): string {
  return Buffer.from(JSON.stringify([at.toISOString(), row.provinceUnitId, row.id])).toString('base64url');
}

export function decodeKeysetCursor(cursor: string, path: string): KeysetCursor {
  try {
    const [at, provinceUnitId, id] = JSON.parse(
      Buffer.from(cursor, 'base64url').toString('utf8'),
    ) as unknown[];
    const instant = typeof at === 'string' ? new Date(at) : null;
    if (
      instant &&
      !Number.isNaN(instant.getTime()) &&
      typeof provinceUnitId === 'string' &&
      /^\d{1,19}$/.test(provinceUnitId) &&
      typeof id === 'string' &&
      /^\d{1,19}$/.test(id)
    ) {
      return { at: instant, provinceUnitId, id };
    }
  } catch {
    // falls through to the validation error
  }
  throw new ValidationError([
    { path: [path], message: 'Con trỏ phân trang không hợp lệ.', messageEn: 'Invalid pagination cursor.' },
  ]);
}

/**
 * Whose inbox: an agency (its desk officers and the unit admins above it) or a unit (its admins: every agency
 * under it, and feedback of the unit without an agency). Exactly one must be given.
 */
export async function resolveInboxScope(
  context: Context,
  args: { agencyCode?: string | null; unitId?: string | null },
): Promise<{ agencyId?: string; unitId?: string }> {
  if (!!args.agencyCode === !!args.unitId) {
    throw new ValidationError([
      {
        path: ['agencyCode'],
        message: 'Hãy chọn đúng một: cơ quan hoặc đơn vị hành chính.',
        messageEn: 'Give exactly one of an agency or an administrative unit.',
      },
    ]);
  }
  if (args.agencyCode) {
    const agency = await context.loaders.agencies.agencyByCode.load(args.agencyCode.trim());
    // An unknown agency is forbidden like a foreign one: no existence leak.
    if (!agency) throw new ForbiddenError();
    await context.access.assertAtAgency(agency.id, 'desk');
    return { agencyId: agency.id };
  }
  const unitId = requireRowId(
    args.unitId!,
    'AdministrativeUnit',
    ['unitId'],
    ['Mã đơn vị không hợp lệ.', 'Not an administrative unit ID.'],
  );
  await context.access.assertCoversUnit(unitId, ['unit_admin']);
  return { unitId };
}

/** The filters of the public list: words of the search (diacritics ignored), agency and procedure by code. */
export async function resolvePublishedFilter(
  context: Context,
  args: { search?: string | null; agencyCode?: string | null; procedureCode?: string | null },
): Promise<PublishedFilter | null> {
  const words = args.search ? normalizeSearchText(args.search).split(' ').filter(Boolean).slice(0, 8) : [];
  const filter: PublishedFilter = { words };
  if (args.agencyCode) {
    const agency = await context.loaders.agencies.agencyByCode.load(args.agencyCode.trim());
    if (!agency) return null;
    filter.agencyId = agency.id;
  }
  if (args.procedureCode) {
    const procedure = await context.loaders.procedures.procedureByCode.load(args.procedureCode.trim());
    if (!procedure) return null;
    filter.procedureId = procedure.id;
  }
  return filter;
}
