import { randomBytes } from 'node:crypto';
import { createTestDatabase } from '@chiso/testing';
import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { scheduleRetention } from './retention.schedule.js';

const { db } = await createTestDatabase();

const province = (
  await db
    .selectFrom('administrativeUnit')
    .select('id')
    .where('levelCode', '=', 'PROVINCE')
    .where('code', '=', '19')
    .where('validTo', 'is', null)
    .executeTakeFirstOrThrow()
).id;

async function answeredFeedback(code: string, answeredAt: Date) {
  await db
    .insertInto('feedback')
    .values({
      provinceUnitId: province,
      code,
      subjectKind: 'other',
      channel: 'portal',
      title: 'Tiêu đề',
      body: 'Nội dung',
      anonymous: false,
      status: 'answered',
      contactEnc: randomBytes(40),
      contactKeyId: 'k1',
      answeredAt,
      idempotencyKey: code,
      createdAt: answeredAt,
    })
    .execute();
}

const erased = async (code: string) =>
  (
    await db
      .selectFrom('feedback')
      .select('contactErasedAt')
      .where('code', '=', code)
      .executeTakeFirstOrThrow()
  ).contactErasedAt;

describe('retention inside the API process', () => {
  it('runs on its schedule with the server clock, logs what it removed, and stops cleanly', async () => {
    const now = new Date('2027-03-01T00:00:00Z');
    await answeredFeedback('PAKN-SCHED-1', new Date('2026-10-01T00:00:00Z'));
    const lines: Record<string, unknown>[] = [];
    const log = pino(
      { level: 'debug' },
      { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
    );
    const schedule = scheduleRetention(db, { intervalMs: 60_000, firstRunAfterMs: 5, log, clock: () => now });
    try {
      await vi.waitFor(async () => expect(await erased('PAKN-SCHED-1')).toEqual(now), { timeout: 5_000 });
      await vi.waitFor(() =>
        expect(lines).toContainEqual(
          expect.objectContaining({
            msg: 'retention: personal data removed',
            removed: expect.objectContaining({ feedback_contact: 1 }),
          }),
        ),
      );
      // A manual run right after finds nothing more.
      expect(await schedule.runNow()).toMatchObject({ skipped: false, total: 0 });
    } finally {
      await schedule.stop();
    }
  });

  it('logs a failed run and keeps the process alive', async () => {
    const lines: Record<string, unknown>[] = [];
    const log = pino({ level: 'error' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    await db.schema.alterTable('retention_rule').renameTo('retention_rule_away').execute();
    const schedule = scheduleRetention(db, { intervalMs: 60_000, firstRunAfterMs: 60_000, log });
    try {
      expect(await schedule.runNow()).toBeNull();
      expect(lines).toContainEqual(expect.objectContaining({ msg: 'retention run failed' }));
    } finally {
      await schedule.stop();
      await db.schema.alterTable('retention_rule_away').renameTo('retention_rule').execute();
    }
  });
});
