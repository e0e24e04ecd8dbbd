import { randomBytes } from 'node:crypto';
import { createTestDatabase } from '@chiso/testing';
import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { runRetention } from './retention.js';

const { db } = await createTestDatabase();

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2027-06-01T03:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

const province = (
  await db
    .selectFrom('administrativeUnit')
    .select('id')
    .where('levelCode', '=', 'PROVINCE')
    .where('code', '=', '19')
    .where('validTo', 'is', null)
    .executeTakeFirstOrThrow()
).id;
const agency = (
  await db
    .insertInto('agency')
    .values({
      code: 'RT-STP',
      kind: 'department',
      unitId: province,
      nameVi: 'Sở',
      nameEn: 'Dept',
      receiptPrefix: 'RT',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
).id;
const field = await db
  .insertInto('procedureField')
  .values({ code: 'RT', nameVi: 'Lĩnh vực', nameEn: 'Field' })
  .returning('id')
  .executeTakeFirstOrThrow();
const procedure = (
  await db
    .insertInto('procedure')
    .values({ code: 'RT.1', nameVi: 'Thủ tục', fieldId: field.id, level: 'province', onlineLevel: 'full' })
    .returning('id')
    .executeTakeFirstOrThrow()
).id;
const user = (
  await db
    .insertInto('appUser')
    .values({ email: 'rt@example.vn', displayName: 'RT', passwordHash: 'x' })
    .returning('id')
    .executeTakeFirstOrThrow()
).id;
const instrument = (await db.selectFrom('instrument').select('id').executeTakeFirstOrThrow()).id;
const campaign = (
  await db
    .insertInto('campaign')
    .values({
      code: 'RT-2027',
      instrumentId: instrument,
      ownerUnitId: province,
      nameVi: 'Khảo sát',
      nameEn: 'Survey',
      mode: 'after_dossier',
      startsOn: '2027-01-01',
      endsOn: '2027-12-31',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
).id;

let sequence = 0;
/** A feedback item with a (fake) sealed contact, its status reached `closedDaysAgo` days ago by an event. */
async function feedback(status: 'received' | 'answered' | 'published' | 'rejected', closedDaysAgo: number) {
  sequence++;
  const row = await db
    .insertInto('feedback')
    .values({
      provinceUnitId: province,
      code: `PAKN-RT-${sequence}`,
      subjectKind: 'other',
      channel: 'portal',
      title: 'Tiêu đề',
      body: 'Nội dung phản ánh',
      anonymous: false,
      status,
      contactEnc: randomBytes(40),
      contactKeyId: 'k1',
      contactLookup: [randomBytes(32)],
      contactConsentAt: daysAgo(400),
      answeredAt: status === 'received' ? null : daysAgo(closedDaysAgo),
      idempotencyKey: `rt-${sequence}`,
      createdAt: daysAgo(400),
    })
    .returning(['provinceUnitId', 'id'])
    .executeTakeFirstOrThrow();
  if (status !== 'received') {
    await db
      .insertInto('feedbackEvent')
      .values({
        provinceUnitId: row.provinceUnitId,
        feedbackId: row.id,
        at: daysAgo(closedDaysAgo),
        action: 'answer',
        fromStatus: 'classified',
        toStatus: status,
      })
      .execute();
  }
  return row.id;
}

async function dossier(returnedDaysAgo: number | null) {
  sequence++;
  const row = await db
    .insertInto('dossier')
    .values({
      provinceUnitId: province,
      receiptCode: `RT-${sequence}`,
      pinHash: 'x',
      agencyId: agency,
      procedureId: procedure,
      channel: 'online',
      status: returnedDaysAgo === null ? 1 : 8,
      applicantContactEnc: randomBytes(40),
      receivedAt: daysAgo(500),
      finishedAt: returnedDaysAgo === null ? null : daysAgo(returnedDaysAgo + 1),
      returnedAt: returnedDaysAgo === null ? null : daysAgo(returnedDaysAgo),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const contactOf = async (id: string) =>
  db
    .selectFrom('feedback')
    .select(['contactEnc', 'contactKeyId', 'contactLookup', 'contactErasedAt', 'title'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

describe('retention job', () => {
  test('the rules are data with a documented default for every kind', async () => {
    const rules = await db.selectFrom('retentionRule').selectAll().orderBy('dataKind').execute();
    expect(Object.fromEntries(rules.map((r) => [r.dataKind, r.keepDays]))).toEqual({
      dossier_contact: 365,
      feedback_contact: 90,
      session: 30,
      survey_source_window: 2,
      survey_token: 90,
      tracking_attempt: 1,
    });
    for (const rule of rules) expect(rule.basis).toMatch(/ \/ /);
  });

  test('removes what is past its rule, keeps the rest, audits the counts, and is idempotent', async () => {
    const oldAnswered = await feedback('answered', 91);
    const oldRejected = await feedback('rejected', 200);
    const recentPublished = await feedback('published', 89);
    const stillOpen = await feedback('received', 0);
    const oldReturned = await dossier(366);
    const recentReturned = await dossier(10);
    const inProgress = await dossier(null);
    await db
      .insertInto('session')
      .values([
        { userId: user, tokenHash: randomBytes(32), expiresAt: daysAgo(31), ip: '10.0.0.1' },
        { userId: user, tokenHash: randomBytes(32), expiresAt: NOW, revokedAt: daysAgo(40), ip: '10.0.0.2' },
        { userId: user, tokenHash: randomBytes(32), expiresAt: daysAgo(5), ip: '10.0.0.3' },
        { userId: user, tokenHash: randomBytes(32), expiresAt: new Date(NOW.getTime() + DAY) },
      ])
      .execute();
    await db
      .insertInto('trackingAttempt')
      .values([
        { scope: 'ip', key: '203.0.113.9', windowStartedAt: daysAgo(3), failures: 2, lockedUntil: null },
        {
          scope: 'ip',
          key: '203.0.113.10',
          windowStartedAt: daysAgo(1.5),
          failures: 30,
          lockedUntil: daysAgo(0.5),
        },
        { scope: 'receipt_code', key: 'RT-1', windowStartedAt: daysAgo(0.1), failures: 1, lockedUntil: null },
      ])
      .execute();
    await db
      .insertInto('surveyToken')
      .values([
        {
          provinceUnitId: province,
          campaignId: campaign,
          tokenHash: randomBytes(32),
          dossierPseudonym: randomBytes(32),
          expiresAt: daysAgo(91),
        },
        {
          provinceUnitId: province,
          campaignId: campaign,
          tokenHash: randomBytes(32),
          expiresAt: daysAgo(10),
        },
      ])
      .execute();
    await db
      .insertInto('surveySourceWindow')
      .values([
        { campaignId: campaign, kind: 'open', sourceHash: randomBytes(32), windowStart: daysAgo(3) },
        { campaignId: campaign, kind: 'submit', sourceHash: randomBytes(32), windowStart: daysAgo(1) },
      ])
      .execute();
    const auditBefore = await db
      .selectFrom('auditLog')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();

    const summary = await runRetention(db, { now: NOW });
    expect(summary).toMatchObject({
      skipped: false,
      total: 8,
      removed: {
        feedback_contact: 2,
        dossier_contact: 1,
        session: 2,
        tracking_attempt: 1,
        survey_token: 1,
        survey_source_window: 1,
      },
    });

    for (const id of [oldAnswered, oldRejected]) {
      expect(await contactOf(id)).toEqual({
        contactEnc: null,
        contactKeyId: null,
        contactLookup: null,
        contactErasedAt: NOW,
        title: 'Tiêu đề',
      });
    }
    for (const id of [recentPublished, stillOpen]) {
      const kept = await contactOf(id);
      expect(kept.contactEnc).not.toBeNull();
      expect(kept.contactLookup).toHaveLength(1);
      expect(kept.contactErasedAt).toBeNull();
    }
    const dossiers = await db
      .selectFrom('dossier')
      .select(['id', 'applicantContactEnc'])
      .where('id', 'in', [oldReturned, recentReturned, inProgress])
      .execute();
    expect(Object.fromEntries(dossiers.map((d) => [d.id, d.applicantContactEnc !== null]))).toEqual({
      [oldReturned]: false,
      [recentReturned]: true,
      [inProgress]: true,
    });
    expect((await db.selectFrom('session').select('ip').orderBy('id').execute()).map((s) => s.ip)).toEqual([
      '10.0.0.3',
      null,
    ]);
    expect(
      (await db.selectFrom('trackingAttempt').select('key').orderBy('key').execute()).map((t) => t.key),
    ).toEqual(['203.0.113.10', 'RT-1']);
    expect(await db.selectFrom('surveyToken').select('dossierPseudonym').execute()).toEqual([
      { dossierPseudonym: null },
    ]);
    expect(await db.selectFrom('surveySourceWindow').select('kind').execute()).toEqual([{ kind: 'submit' }]);

    const entries = await db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'retention.run')
      .execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ entity: 'retention', at: NOW, actorUserId: null });
    // (read through CamelCasePlugin, which renames the keys inside JSON too)
    expect(entries[0]!.data).toMatchObject({
      removed: { feedbackContact: 2, dossierContact: 1, session: 2, trackingAttempt: 1, surveyToken: 1 },
      keepDays: { feedbackContact: 90, session: 30 },
    });

    // Again at the same instant: nothing left to remove, no new entry.
    const again = await runRetention(db, { now: NOW });
    expect(again).toMatchObject({ skipped: false, total: 0 });
    const auditAfter = await db
      .selectFrom('auditLog')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    expect(auditAfter.n).toBe(auditBefore.n + 1);

    // A day later the recently published contact is still inside its 90 days (89 + 1 = 90, on the limit: removed).
    const later = await runRetention(db, { now: new Date(NOW.getTime() + DAY) });
    expect(later.removed.feedback_contact).toBe(1);
    expect((await contactOf(recentPublished)).contactEnc).toBeNull();
  });

  test('the rule is data: a shorter keep time takes effect at the next run', async () => {
    const answered = await feedback('answered', 10);
    await db
      .updateTable('retentionRule')
      .set({ keepDays: 7 })
      .where('dataKind', '=', 'feedback_contact')
      .execute();
    try {
      const summary = await runRetention(db, { now: NOW });
      expect(summary.removed.feedback_contact).toBe(1);
      expect(summary.keepDays.feedback_contact).toBe(7);
      expect((await contactOf(answered)).contactErasedAt).toEqual(NOW);
    } finally {
      await db
        .updateTable('retentionRule')
        .set({ keepDays: 90 })
        .where('dataKind', '=', 'feedback_contact')
        .execute();
    }
  });

  test('a single runner: while one run holds the lock, another skips and changes nothing', async () => {
    const answered = await feedback('answered', 120);
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const holder = db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext('chiso.retention'))`.execute(trx);
      locked();
      await held;
    });
    await lockTaken;
    const skipped = await runRetention(db, { now: NOW });
    expect(skipped).toMatchObject({ skipped: true, total: 0 });
    expect((await contactOf(answered)).contactEnc).not.toBeNull();
    release();
    await holder;
    expect((await runRetention(db, { now: NOW })).removed.feedback_contact).toBe(1);
  });
});
