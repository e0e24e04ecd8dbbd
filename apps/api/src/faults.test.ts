import { readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import {
  createDatabase,
  type DB,
  dataRoot,
  ensureDatabase,
  loadReferenceData,
  migrateToLatest,
  type PostgresServer,
  rebuildSurveyRollups,
  startPostgres,
} from '@chiso/db';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from './env.js';
import { hashPassword } from './modules/accounts/password.js';
import { seedDeskFixture } from './modules/dossiers/dossiers.fixture.js';
import { toInstrumentRecord } from './modules/surveys/instruments.service.js';
import { findInstrument } from './modules/surveys/surveys.repo.js';
import { buildServer } from './server.js';

/**
 * The database dies under load: this file starts its own PostgreSQL, drives survey submissions and dossier
 * transitions through the real HTTP server, kills the postmaster with SIGKILL mid-stream, restarts it, and lets
 * the clients retry with their idempotency keys. Nothing acknowledged may be lost or doubled, nothing half-done
 * may remain, and the API must answer clearly while the database is away and recover by itself.
 */

const SURVEY_CLIENTS = 8;
const SUBMISSIONS_PER_CLIENT = 30;
const DOSSIERS = 12;
const DOSSIER_CLIENTS = 4;
/** No request may take longer than this, even with the database gone. */
const REQUEST_BOUND_MS = 5_000;
/** Clients give up after this long (the test then fails: something never recovered). */
const CLIENT_DEADLINE_MS = 45_000;
const PASSWORD = 'Kiem-tra-su-co-2025';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const dataDir = join(dataRoot(), `faults-${process.pid}`);
let pgPort = 0;
let postgres: PostgresServer | undefined;
let db: DB;
let app: FastifyInstance;
let base = '';
let campaignCode = '';
let campaignId = '';
let officerCookie = '';
const dossierIds: string[] = [];

async function startDatabase(): Promise<PostgresServer> {
  // After a SIGKILL, orphaned backends may hold the shared memory for a moment: try again until it is free.
  let lastError: unknown;
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      return await startPostgres({ embedded: true, dataDir, port: pgPort });
    } catch (error) {
      lastError = error;
      await sleep(250);
    }
  }
  throw lastError;
}

beforeAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  pgPort = await freePort();
  postgres = await startDatabase();
  const url = await ensureDatabase(postgres, 'chiso');
  db = createDatabase({ url, max: 10, applicationName: 'chiso-faults' });
  await migrateToLatest(db);
  await loadReferenceData(db);

  const fx = await seedDeskFixture(db);
  const instrument = await db
    .selectFrom('instrument')
    .select('id')
    .where('code', '=', 'SIPAS')
    .where('version', '=', '2017')
    .executeTakeFirstOrThrow();
  const today = new Date();
  const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  campaignCode = 'FAULTS-OPEN';
  const campaign = await db
    .insertInto('campaign')
    .values({
      code: campaignCode,
      instrumentId: instrument.id,
      ownerUnitId: fx.provinceId,
      nameVi: 'Khảo sát thử sự cố',
      nameEn: 'Fault test survey',
      mode: 'open',
      startsOn: day(-40),
      endsOn: day(365),
      status: 'active',
      // Every client shares 127.0.0.1: lift the per-source limits so only faults interfere.
      settings: JSON.stringify({ rateLimitPerWindow: 100_000, burstThreshold: 100_000 }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  campaignId = campaign.id;

  const procedure = await db
    .selectFrom('procedure')
    .select('id')
    .where('code', '=', '1.000001')
    .executeTakeFirstOrThrow();
  for (let i = 0; i < DOSSIERS; i++) {
    const row = await db
      .insertInto('dossier')
      .values({
        provinceUnitId: fx.provinceId,
        receiptCode: `BKN-STP-FAULT-${String(i).padStart(4, '0')}`,
        pinHash: 'x',
        agencyId: fx.agencyA.id,
        procedureId: procedure.id,
        channel: 'in_person',
        status: 2,
        receivedAt: new Date(today.getTime() - 86_400_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    dossierIds.push(encodeGlobalID('Dossier', `${fx.provinceId}-${row.id}`));
  }
  const officer = await db
    .insertInto('appUser')
    .values({
      email: 'officer@faults.test',
      displayName: 'Cán bộ thử',
      passwordHash: await hashPassword(PASSWORD),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('userRole')
    .values({ userId: officer.id, roleCode: 'officer', unitId: null, agencyId: fx.agencyA.id })
    .execute();

  // Every client comes from 127.0.0.1 and retries while the database is away: the per-address request budget
  // (a separate protection, tested in transport.test.ts) is lifted so it does not stand in for the fault.
  app = await buildServer({
    db,
    env: loadEnv({
      NODE_ENV: 'test',
      CHISO_RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000',
      CHISO_RATE_LIMIT_STAFF_PER_MINUTE: '1000000',
    }),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const login = await post({
    query: 'mutation($input: LoginInput!) { login(input: $input) { __typename ... on Error { code } } }',
    variables: { input: { email: 'officer@faults.test', password: PASSWORD } },
  });
  const cookie = login.headers.getSetCookie().find((c) => c.startsWith('chiso_session='));
  if (!cookie) throw new Error(`sign-in failed: ${login.text}`);
  officerCookie = cookie.split(';')[0]!;
}, 120_000);

afterAll(async () => {
  await app?.close();
  await db?.destroy();
  await postgres?.stop();
  await rm(dataDir, { recursive: true, force: true });
}, 60_000);

interface HttpAnswer {
  status: number;
  text: string;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: parsed GraphQL bodies; the assertions pin the shape
  json: any;
  ms: number;
}

async function post(body: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  const started = Date.now();
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_BOUND_MS),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: response.status, text, headers: response.headers, json, ms: Date.now() - started };
}

/** What clients saw while retrying: error codes, HTTP statuses, and any answer that broke the rules. */
const seen = {
  codes: new Map<string, number>(),
  statuses: new Map<number, number>(),
  violations: [] as string[],
};

function note(answer: HttpAnswer) {
  seen.statuses.set(answer.status, (seen.statuses.get(answer.status) ?? 0) + 1);
  for (const error of answer.json?.errors ?? []) {
    const code = String(error?.extensions?.code);
    seen.codes.set(code, (seen.codes.get(code) ?? 0) + 1);
    if (code !== 'SERVICE_UNAVAILABLE') seen.violations.push(`unexpected error ${code}: ${answer.text}`);
  }
  if (answer.status >= 500 && answer.status !== 503)
    seen.violations.push(`HTTP ${answer.status}: ${answer.text}`);
  if (/\n\s+at |stacktrace|ECONNREFUSED|relation "/.test(answer.text)) {
    seen.violations.push(`leak: ${answer.text.slice(0, 300)}`);
  }
  if (answer.ms > REQUEST_BOUND_MS) seen.violations.push(`slow answer: ${answer.ms} ms`);
}

/** Sends until the server gives a final answer (data without errors), retrying what is retryable. */
async function untilAnswered<T>(
  send: () => Promise<HttpAnswer>,
  final: (answer: HttpAnswer) => T | undefined,
  deadline: number,
): Promise<T> {
  let attempt = 0;
  for (;;) {
    if (Date.now() > deadline) throw new Error('a client gave up: the API did not recover in time');
    attempt += 1;
    try {
      const answer = await send();
      note(answer);
      const result = final(answer);
      if (result !== undefined) return result;
    } catch (error) {
      // The socket failed or the request timed out: retry like a real client would.
      seen.codes.set('NETWORK', (seen.codes.get('NETWORK') ?? 0) + 1);
      if ((error as Error).name === 'TimeoutError') seen.violations.push('a request hung past the bound');
    }
    await sleep(Math.min(500, 50 * attempt));
  }
}

const SUBMIT = `mutation Submit($input: SubmitSurveyResponseInput!) {
  submitSurveyResponse(input: $input) {
    __typename
    ... on MutationSubmitSurveyResponseSuccess { data { responseId created } }
    ... on Error { code message }
  }
}`;

const TRANSITION = `mutation T($id: ID!, $action: DossierAction!, $note: String) {
  transitionDossier(id: $id, action: $action, note: $note) {
    __typename
    ... on Error { code }
    ... on MutationTransitionDossierSuccess { data { dossier { state supplementRequested } } }
  }
}`;

const DOSSIER = `query D($id: ID!) { dossier(id: $id) { __typename ... on Dossier { state supplementRequested } } }`;

function answersFor(seed: number): number[] {
  return Array.from({ length: 22 }, (_, i) => 1 + ((seed * 7 + i * 3) % 5));
}

interface Acknowledged {
  key: string;
  responseId: string;
}

async function surveyClient(client: number, deadline: number, acks: Acknowledged[]) {
  for (let i = 0; i < SUBMISSIONS_PER_CLIENT; i++) {
    const key = `faults-c${client}-n${i}`;
    const input = { campaignCode, idempotencyKey: key, answers: answersFor(client * 1000 + i) };
    const responseId = await untilAnswered(
      () => post({ query: SUBMIT, variables: { input } }),
      (answer) => {
        const result = answer.json?.data?.submitSurveyResponse;
        if (result?.__typename === 'MutationSubmitSurveyResponseSuccess')
          return String(result.data.responseId);
        if (result?.__typename) seen.violations.push(`submission refused: ${answer.text}`);
        return undefined;
      },
      deadline,
    );
    acks.push({ key: `citizen:${key}`, responseId });
  }
}

/** The next step of a dossier's path 2 → 4 → 5 → 4 → 9 → 10, from where it stands. */
function nextAction(state: string, supplementRequested: boolean): string | null {
  switch (state) {
    case 'RECEIVED':
      return 'start_processing';
    case 'PROCESSING':
      return supplementRequested ? 'result_ready' : 'request_supplement';
    case 'SUPPLEMENT_REQUESTED':
      return 'supplement_received';
    case 'RESULT_READY':
      return 'return_result';
    default:
      return null;
  }
}

async function dossierClient(ids: string[], deadline: number, counts: { acknowledged: number }) {
  const headers = { cookie: officerCookie };
  for (const id of ids) {
    for (;;) {
      // Where the dossier stands now: a transition that committed just before the crash is not redone.
      const where = await untilAnswered(
        () => post({ query: DOSSIER, variables: { id } }, headers),
        (answer) => {
          const dossier = answer.json?.data?.dossier;
          return dossier?.__typename === 'Dossier'
            ? { state: String(dossier.state), supplementRequested: Boolean(dossier.supplementRequested) }
            : undefined;
        },
        deadline,
      );
      const action = nextAction(where.state, where.supplementRequested);
      if (!action) break;
      const moved = await untilAnswered(
        () =>
          post(
            { query: TRANSITION, variables: { id, action: action.toUpperCase(), note: 'Kiểm tra sự cố' } },
            headers,
          ),
        (answer) => {
          const result = answer.json?.data?.transitionDossier;
          if (result?.__typename === 'MutationTransitionDossierSuccess') return true;
          // Already moved by an attempt whose answer was lost: read the state again.
          if (result?.__typename === 'ConflictError') return false;
          if (result?.__typename) seen.violations.push(`transition refused: ${answer.text}`);
          return undefined;
        },
        deadline,
      );
      if (moved) counts.acknowledged += 1;
    }
  }
}

async function postmasterPid(): Promise<number> {
  const text = await readFile(join(dataDir, 'postmaster.pid'), 'utf8');
  return Number(text.split('\n')[0]);
}

describe('the database is killed while clients write', () => {
  it('loses and doubles nothing, answers clearly while it is away, and recovers by itself', async () => {
    const deadline = Date.now() + CLIENT_DEADLINE_MS;
    const acks: Acknowledged[] = [];
    const transitions = { acknowledged: 0 };
    const clients = [
      ...Array.from({ length: SURVEY_CLIENTS }, (_, c) => surveyClient(c, deadline, acks)),
      ...Array.from({ length: DOSSIER_CLIENTS }, (_, c) =>
        dossierClient(
          dossierIds.filter((_, i) => i % DOSSIER_CLIENTS === c),
          deadline,
          transitions,
        ),
      ),
    ];
    const everyone = Promise.all(clients);

    // Mid-stream: a third of the submissions are in.
    const total = SURVEY_CLIENTS * SUBMISSIONS_PER_CLIENT;
    while (acks.length < total / 3) await sleep(10);
    const pid = await postmasterPid();
    process.kill(pid, 'SIGKILL');
    const killedAt = Date.now();
    while (pidAlive(pid)) await sleep(10);
    const acknowledgedAtKill = acks.length;

    // While it is away: not ready, and a clear retryable error within a bounded time, for anonymous and
    // signed-in requests alike.
    const ready = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(REQUEST_BOUND_MS) });
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable' });
    for (const headers of [{}, { cookie: officerCookie }] as Record<string, string>[]) {
      const answer = await post({ query: '{ levels { code } }' }, headers);
      expect(answer.ms).toBeLessThan(REQUEST_BOUND_MS);
      expect(answer.status).not.toBe(500);
      expect(answer.json.errors[0].extensions).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        retryable: true,
      });
      expect(answer.text).not.toMatch(/\n\s+at |stacktrace|ECONNREFUSED|127\.0\.0\.1/);
    }

    await sleep(Math.max(0, 1_000 - (Date.now() - killedAt)));
    postgres = await startDatabase();
    const downMs = Date.now() - killedAt;

    await everyone;

    // Recovered by itself: the same pool, the same server.
    const readyAgain = await fetch(`${base}/readyz`);
    expect(readyAgain.status).toBe(200);

    // Every acknowledged submission is stored exactly once, and nothing else is stored.
    const stored = await db
      .selectFrom('surveyResponse')
      .select(['id', 'idempotencyKey'])
      .where('campaignId', '=', campaignId)
      .execute();
    const storedByKey = new Map<string, string[]>();
    for (const row of stored)
      storedByKey.set(row.idempotencyKey, [...(storedByKey.get(row.idempotencyKey) ?? []), row.id]);
    const duplicates = [...storedByKey.values()].filter((ids) => ids.length > 1).length;
    const lost = acks.filter((ack) => !storedByKey.get(ack.key)?.includes(ack.responseId)).length;
    const acknowledgedKeys = new Set(acks.map((ack) => ack.key));
    const unacknowledged = stored.filter((row) => !acknowledgedKeys.has(row.idempotencyKey)).length;
    console.log(
      `submissions acknowledged ${acks.length}, stored ${stored.length}, duplicates ${duplicates}, lost ${lost}`,
    );
    console.log(
      `database down ${downMs} ms after ${acknowledgedAtKill} acknowledgements; dossier transitions` +
        ` acknowledged ${transitions.acknowledged}; clients saw ${JSON.stringify(Object.fromEntries(seen.codes))},` +
        ` HTTP ${JSON.stringify(Object.fromEntries(seen.statuses))}`,
    );
    expect(seen.violations).toEqual([]);
    expect(acks).toHaveLength(total);
    expect(new Set(acks.map((ack) => ack.key)).size).toBe(total);
    expect(duplicates).toBe(0);
    expect(lost).toBe(0);
    expect(unacknowledged).toBe(0);
    expect(stored).toHaveLength(total);
    // The outage was really felt by the clients.
    expect(seen.codes.get('SERVICE_UNAVAILABLE') ?? 0).toBeGreaterThan(0);

    // Nothing half-stored: the rollups equal a rebuild from the raw rows.
    const before = await rollupSnapshot();
    expect(before.responded).toBe(total);
    const { definition } = toInstrumentRecord((await findInstrument(db, 'SIPAS', '2017'))!);
    await rebuildSurveyRollups(db, definition, campaignId);
    expect(await rollupSnapshot()).toEqual(before);

    // Each dossier went the whole way once; its events chain from status to status and end where it stands;
    // every event has its audit entry.
    const dossiers = await db
      .selectFrom('dossier')
      .select(['id', 'status', 'supplementRequested'])
      .where('receiptCode', 'like', 'BKN-STP-FAULT-%')
      .execute();
    expect(dossiers).toHaveLength(DOSSIERS);
    for (const dossier of dossiers) {
      const events = await db
        .selectFrom('dossierEvent')
        .select(['fromStatus', 'toStatus'])
        .where('dossierId', '=', dossier.id)
        .orderBy('at')
        .orderBy('id')
        .execute();
      expect(events.map((e) => [e.fromStatus, e.toStatus])).toEqual([
        [2, 4],
        [4, 5],
        [5, 4],
        [4, 9],
        [9, 10],
      ]);
      expect(dossier).toMatchObject({ status: 10, supplementRequested: true });
    }
    const audited = await db
      .selectFrom('auditLog')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('action', '=', 'dossier.transition')
      .executeTakeFirstOrThrow();
    expect(Number(audited.n)).toBe(DOSSIERS * 5);
    expect(transitions.acknowledged).toBeLessThanOrEqual(DOSSIERS * 5);
  }, 90_000);
});

/** Float sums differ in their last bits with the order of addition; six decimals is agreement. */
const rounded = (value: number) => Math.round(value * 1e6) / 1e6;

/** The campaign's rollups per cell key, each key's slots summed (what every reader sees). */
async function rollupSnapshot() {
  const key = sql`c.unit_id, c.agency_id, c.period_month, c.channel, c.flagged`;
  const join = sql`join survey_rollup_cell c on c.province_unit_id = r.province_unit_id and c.id = r.cell_id`;
  const { rows: counts } = await sql<{
    key: string;
    itemOrdinal: number;
    level: number;
    count: number;
    weightSum: number;
    weightSquareSum: number;
  }>`
    select concat_ws('|', ${key}) as key, r.item_ordinal, r.level, sum(r.count)::int as count,
      sum(r.weight_sum)::float8 as weight_sum, sum(r.weight_square_sum)::float8 as weight_square_sum
    from survey_rollup_count r ${join}
    where c.campaign_id = ${campaignId}
    group by ${key}, r.item_ordinal, r.level
    order by 1, 2, 3`.execute(db);
  const { rows: moments } = await sql<{
    key: string;
    dimensionOrdinal: number;
    n: number;
    sum: number;
    sumSquares: number;
    weightSum: number;
    weightedSum: number;
  }>`
    select concat_ws('|', ${key}) as key, r.dimension_ordinal, sum(r.n)::int as n, sum(r.sum)::float8 as sum,
      sum(r.sum_squares)::float8 as sum_squares, sum(r.weight_sum)::float8 as weight_sum,
      sum(r.weighted_sum)::float8 as weighted_sum
    from survey_rollup_moment r ${join}
    where c.campaign_id = ${campaignId}
    group by ${key}, r.dimension_ordinal
    order by 1, 2`.execute(db);
  const responded = await db
    .selectFrom('surveyRollupCell')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('responded'), eb.lit(0)).as('n'))
    .where('campaignId', '=', campaignId)
    .executeTakeFirstOrThrow();
  return {
    counts: counts.map((c) => ({
      ...c,
      weightSum: rounded(c.weightSum),
      weightSquareSum: rounded(c.weightSquareSum),
    })),
    moments: moments.map((m) => ({
      ...m,
      sum: rounded(m.sum),
      sumSquares: rounded(m.sumSquares),
      weightSum: rounded(m.weightSum),
      weightedSum: rounded(m.weightedSum),
    })),
    responded: Number(responded.n),
  };
}
