import { createDatabase, poolOf } from '@chiso/db';
import { createTestDatabase } from '@chiso/testing';
import { sql } from 'kysely';
import type pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createTestApi } from './test/graphql.js';

/**
 * A slow statement is cut off by the server (`statement_timeout`), the API answers a clear retryable error in
 * bounded time, nothing is left running, and a transaction cut off half-way leaves nothing behind.
 */

const { db, url } = await createTestDatabase();
const APPLICATION = 'chiso-timeout-test';
const TIMEOUT_MS = 300;
const timed = createDatabase({ url, max: 2, statementTimeoutMs: TIMEOUT_MS, applicationName: APPLICATION });
afterAll(() => timed.destroy());

/**
 * Statements whose SQL `slowWhen` picks are sent as a 30-second `pg_sleep` instead, on the real connections of
 * `timed` (with their real server-side timeout).
 */
let slowWhen: ((text: string) => boolean) | null = null;
afterEach(() => {
  slowWhen = null;
});
const pool = poolOf(timed)!;
const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
const slowed = new WeakSet<pg.PoolClient>();
pool.connect = (async () => {
  const client = await connect();
  if (!slowed.has(client)) {
    slowed.add(client);
    const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
    client.query = ((text: unknown, ...rest: unknown[]) =>
      typeof text === 'string' && slowWhen?.(text)
        ? query('select pg_sleep(30)')
        : query(text, ...rest)) as typeof client.query;
  }
  return client;
}) as typeof pool.connect;

async function runningSleeps(): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from pg_stat_activity
    where application_name = ${APPLICATION} and (state <> 'idle' or query like '%pg_sleep%' and state = 'active')
  `.execute(db);
  return rows[0]!.n;
}

async function waitForNoActivity(deadlineMs = 2_000): Promise<number> {
  const until = Date.now() + deadlineMs;
  let running = await runningSleeps();
  while (running > 0 && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    running = await runningSleeps();
  }
  return running;
}

const UNITS = '{ units(level: PROVINCE, asOf: "2019-06-01") { __typename } }';

describe('statement timeout', () => {
  it('cuts a slow query off, answers SERVICE_UNAVAILABLE quickly, and leaves nothing running', async () => {
    slowWhen = () => true;
    const api = await createTestApi(timed);
    const started = Date.now();
    const { status, data, errors } = await api.query(UNITS);
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(took).toBeLessThan(5_000);
    expect(status).toBe(200);
    expect(data).toEqual({ units: null });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true });
    expect(JSON.stringify(errors)).not.toMatch(/pg_sleep|statement timeout|canceling|57014/);
    expect(await waitForNoActivity()).toBe(0);

    // The pool is unharmed: the same connections serve the next request.
    slowWhen = null;
    const again = await api.query(UNITS);
    expect(again.errors).toBeUndefined();
    expect(again.data.units.length).toBeGreaterThan(30);
  });

  it('rolls back a submission cut off half-way, and its retry stores it once', async () => {
    const province = await db
      .selectFrom('administrativeUnit')
      .select('id')
      .where('code', '=', '19')
      .where('levelCode', '=', 'PROVINCE')
      .where('validTo', 'is', null)
      .executeTakeFirstOrThrow();
    const instrument = await db
      .selectFrom('instrument')
      .select('id')
      .where('code', '=', 'SIPAS')
      .where('version', '=', '2017')
      .executeTakeFirstOrThrow();
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const campaign = await db
      .insertInto('campaign')
      .values({
        code: 'TIMEOUT-OPEN',
        instrumentId: instrument.id,
        ownerUnitId: province.id,
        nameVi: 'Khảo sát thử',
        nameEn: 'Test survey',
        mode: 'open',
        startsOn: day(-10),
        endsOn: day(10),
        status: 'active',
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    // The one statement writing the response with its rollup cell, counts, moments and margins is cut off.
    slowWhen = (text) => /^\s*with new_response as/.test(text);
    const api = await createTestApi(timed);
    const SUBMIT = `mutation($input: SubmitSurveyResponseInput!) {
      submitSurveyResponse(input: $input) {
        __typename ... on MutationSubmitSurveyResponseSuccess { data { responseId created } }
      }
    }`;
    const input = {
      campaignCode: 'TIMEOUT-OPEN',
      idempotencyKey: 'timeout-key-0001',
      answers: Array.from({ length: 22 }, (_, i) => 1 + (i % 5)),
    };
    const failed = await api.query(SUBMIT, { input });
    expect(failed.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true });
    expect(await waitForNoActivity()).toBe(0);

    const stored = async () => ({
      responses: Number(
        (
          await db
            .selectFrom('surveyResponse')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('campaignId', '=', campaign.id)
            .executeTakeFirstOrThrow()
        ).n,
      ),
      cells: Number(
        (
          await db
            .selectFrom('surveyRollupCell')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('campaignId', '=', campaign.id)
            .executeTakeFirstOrThrow()
        ).n,
      ),
    });
    expect(await stored()).toEqual({ responses: 0, cells: 0 });

    slowWhen = null;
    const retry = await api.query(SUBMIT, { input });
    expect(retry.data.submitSurveyResponse.data.created).toBe(true);
    expect(await stored()).toEqual({ responses: 1, cells: 1 });
    const moments = await db
      .selectFrom('surveyRollupMoment as m')
      .innerJoin('surveyRollupCell as c', 'c.id', 'm.cellId')
      .select('m.n')
      .where('c.campaignId', '=', campaign.id)
      .where('m.dimensionOrdinal', '=', -1)
      .executeTakeFirstOrThrow();
    expect(Number(moments.n)).toBe(1);
  });
});
