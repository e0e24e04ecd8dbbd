import { type Kysely, sql } from 'kysely';
import type { Database, RetentionDataKind } from './schema.js';

/**
 * The retention job: deletes (or blanks) personal data kept longer than its rule in `retention_rule` allows,
 * counted from the moment its purpose was served. One transaction; a transaction-level advisory lock makes a
 * single runner at a time (the CLI and every API process may call it; the others skip); running it again at
 * the same instant changes nothing. Rows are not written back with a clock of their own: `now` decides.
 *
 * | kind                   | removed                                              | clock starts when             |
 * |------------------------|------------------------------------------------------|-------------------------------|
 * | `feedback_contact`     | sealed contact and its blind index blanked            | last step to answered, published, rejected or closed |
 * | `dossier_contact`      | `dossier.applicant_contact_enc` blanked               | result returned (else finished) |
 * | `session`              | staff session rows (address, browser) deleted         | expired or ended              |
 * | `tracking_attempt`     | PIN-guessing counters (client address) deleted        | window started / lock ended   |
 * | `survey_token`         | token rows with their dossier pseudonym deleted       | token expired                 |
 * | `survey_source_window` | hashed per-source hit counters deleted                | window started                |
 */
export const RETENTION_LOCK = 'chiso.retention';

const FEEDBACK_CLOSED = ['answered', 'published', 'rejected', 'closed'] as const;

export type RetentionCounts = Record<RetentionDataKind, number>;

export interface RetentionSummary {
  /** True when another runner held the lock: nothing was done. */
  skipped: boolean;
  removed: RetentionCounts;
  total: number;
  /** Days kept per kind, as the rules said at this run. */
  keepDays: Partial<Record<RetentionDataKind, number>>;
}

const EMPTY: RetentionCounts = {
  feedback_contact: 0,
  dossier_contact: 0,
  session: 0,
  tracking_attempt: 0,
  survey_token: 0,
  survey_source_window: 0,
};

type Remover = (trx: Kysely<Database>, cutoff: Date, now: Date) => Promise<bigint | number>;

const numberOf = (result: { numUpdatedRows?: bigint; numDeletedRows?: bigint }) =>
  Number(result.numUpdatedRows ?? result.numDeletedRows ?? 0);

const REMOVERS: Record<RetentionDataKind, Remover> = {
  feedback_contact: async (trx, cutoff, now) =>
    numberOf(
      await trx
        .updateTable('feedback as f')
        .set({ contactEnc: null, contactKeyId: null, contactLookup: null, contactErasedAt: now })
        .where('f.contactEnc', 'is not', null)
        .where('f.status', 'in', FEEDBACK_CLOSED)
        .where(
          sql<Date>`coalesce(
            (select max(e.at) from feedback_event e
              where e.province_unit_id = f.province_unit_id and e.feedback_id = f.id
                and e.to_status in (${sql.join(FEEDBACK_CLOSED)})),
            f.answered_at, f.created_at)`,
          '<=',
          cutoff,
        )
        .executeTakeFirst(),
    ),
  dossier_contact: async (trx, cutoff, now) =>
    numberOf(
      await trx
        .updateTable('dossier')
        .set({ applicantContactEnc: null, updatedAt: now })
        .where('applicantContactEnc', 'is not', null)
        .where(sql<Date | null>`coalesce(returned_at, finished_at)`, '<=', cutoff)
        .executeTakeFirst(),
    ),
  session: async (trx, cutoff) =>
    numberOf(
      await trx
        .deleteFrom('session')
        .where(sql<Date>`least(expires_at, coalesce(revoked_at, expires_at))`, '<=', cutoff)
        .executeTakeFirst(),
    ),
  tracking_attempt: async (trx, cutoff) =>
    numberOf(
      await trx
        .deleteFrom('trackingAttempt')
        .where(
          sql<Date>`greatest(window_started_at, coalesce(locked_until, window_started_at))`,
          '<=',
          cutoff,
        )
        .executeTakeFirst(),
    ),
  survey_token: async (trx, cutoff) =>
    numberOf(await trx.deleteFrom('surveyToken').where('expiresAt', '<=', cutoff).executeTakeFirst()),
  survey_source_window: async (trx, cutoff) =>
    numberOf(
      await trx.deleteFrom('surveySourceWindow').where('windowStart', '<=', cutoff).executeTakeFirst(),
    ),
};

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Applies every retention rule at `now`. When anything was removed, one audit entry (`retention.run`) records
 * the counts per kind, in the same transaction; a run that removes nothing leaves no trace.
 */
export async function runRetention(
  db: Kysely<Database>,
  options: { now?: Date } = {},
): Promise<RetentionSummary> {
  const now = options.now ?? new Date();
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ locked: boolean }>`
      select pg_try_advisory_xact_lock(hashtext(${RETENTION_LOCK})) as locked
    `.execute(trx);
    if (!rows[0]?.locked) return { skipped: true, removed: { ...EMPTY }, total: 0, keepDays: {} };
    const rules = await trx.selectFrom('retentionRule').select(['dataKind', 'keepDays']).execute();
    const removed: RetentionCounts = { ...EMPTY };
    const keepDays: RetentionSummary['keepDays'] = {};
    for (const rule of rules) {
      keepDays[rule.dataKind] = rule.keepDays;
      const cutoff = new Date(now.getTime() - rule.keepDays * DAY_MS);
      removed[rule.dataKind] = Number(await REMOVERS[rule.dataKind](trx, cutoff, now));
    }
    const total = Object.values(removed).reduce((sum, n) => sum + n, 0);
    if (total > 0) {
      await trx
        .insertInto('auditLog')
        .values({
          at: now,
          action: 'retention.run',
          entity: 'retention',
          data: JSON.stringify({ removed, keepDays }),
        })
        .execute();
    }
    return { skipped: false, removed, total, keepDays };
  });
}
