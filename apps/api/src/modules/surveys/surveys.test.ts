import {
  createDatabase,
  ROLLUP_SLOTS,
  readMarginCountsByGroup,
  readRollupCounts,
  readRollupCountsByGroup,
  rebuildSurveyRollups,
} from '@chiso/db';
import { SIPAS_2017, scoreCounts, scoreResponses } from '@chiso/scoring';
import { createTestDatabase } from '@chiso/testing';
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { noHttpExchange } from '../../context.js';
import { countSourceHit } from './campaigns.service.js';
import { openPeriod, seedSurveyFixture } from './surveys.fixture.js';

const { db, url } = await createTestDatabase();
const fx = await seedSurveyFixture(db);
const { anonymous, tnAdmin, tnOfficer, hnAdmin } = fx.apis;

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateCampaignInput!) {
    createCampaign(input: $input) {
      __typename
      ... on MutationCreateCampaignSuccess { data { id code mode status scopeAgencies { code } scopeProcedures { code } } }
      ... on Error { code message messageEn }
      ... on ValidationError { fieldErrors { path message messageEn } }
    }
  }
`;

const SUBMIT = /* GraphQL */ `
  mutation Submit($input: SubmitSurveyResponseInput!) {
    submitSurveyResponse(input: $input) {
      __typename
      ... on MutationSubmitSurveyResponseSuccess { data { responseId created thanks thanksEn } }
      ... on Error { code message messageEn }
      ... on SurveyTokenError { problem }
      ... on ValidationError { fieldErrors { path message messageEn } }
    }
  }
`;

const ISSUE = /* GraphQL */ `
  mutation Issue($dossierId: ID!) {
    issueSurveyToken(dossierId: $dossierId) {
      __typename
      ... on MutationIssueSurveyTokenSuccess { data { token url expiresAt campaign { code } } }
      ... on Error { code message }
    }
  }
`;

const SAMPLE = /* GraphQL */ `
  mutation Sample($campaignCode: String!, $count: Int!, $agencyCode: String) {
    issueSampleTokens(campaignCode: $campaignCode, count: $count, agencyCode: $agencyCode) {
      __typename
      ... on MutationIssueSampleTokensSuccess { data { agency { code } tokens { token url } } }
      ... on Error { code message }
    }
  }
`;

/** The code of a refusal, whether it came as a typed result or as a transport error. */
function refusal(
  response: {
    data?: Record<string, { code?: string } | null> | null;
    errors?: { extensions?: Record<string, unknown> }[];
  },
  field: string,
) {
  return response.data?.[field]?.code ?? response.errors?.[0]?.extensions?.code;
}

let campaignSeq = 0;
async function createCampaign(
  mode: 'AFTER_DOSSIER' | 'SAMPLE' | 'OPEN',
  extra: Record<string, unknown> = {},
) {
  campaignSeq += 1;
  const code = `TEST-${mode.replace('_', '')}-${campaignSeq}`;
  const { data } = await tnAdmin.query(CREATE, {
    input: {
      code,
      ownerUnit: fx.thaiNguyen.globalId,
      instrument: { code: 'SIPAS', version: '2017' },
      name: `Khảo sát ${code}`,
      nameEn: `Survey ${code}`,
      mode,
      ...openPeriod(),
      ...extra,
    },
  });
  expect(data.createCampaign.__typename).toBe('MutationCreateCampaignSuccess');
  return data.createCampaign.data as { id: string; code: string };
}

const campaignId = async (code: string) =>
  (await db.selectFrom('campaign').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

/** 22 answers with some variety (not straight-lined), deterministic from `seed`. */
function answersFor(seed: number): (number | null)[] {
  return Array.from({ length: 22 }, (_, i) =>
    i === 21 && seed % 5 === 0 ? null : 1 + ((seed * 7 + i * 3) % 5),
  );
}

async function sampleTokens(code: string, count: number, agencyCode?: string): Promise<string[]> {
  const { data } = await tnAdmin.query(SAMPLE, { campaignCode: code, count, agencyCode });
  expect(data.issueSampleTokens.data.agency).toEqual(agencyCode ? { code: agencyCode } : null);
  return data.issueSampleTokens.data.tokens.map((t: { token: string }) => t.token);
}

async function responseCount(code: string): Promise<number> {
  const row = await db
    .selectFrom('surveyResponse')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('campaignId', '=', await campaignId(code))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * A campaign's rollups per key, each key's slots summed (what every reader sees): cells, their counts and
 * moments, margins, their counts and moments.
 */
async function rollupSnapshot(id: string) {
  const cellKey = sql`c.unit_id::text as "unitId", c.agency_id::text as "agencyId",
    c.period_month::text as "periodMonth", c.channel, c.flagged`;
  const cellGroup = sql`c.unit_id, c.agency_id, c.period_month, c.channel, c.flagged`;
  const cellJoin = sql`join survey_rollup_cell c on c.province_unit_id = r.province_unit_id and c.id = r.cell_id`;
  const counts = await sql<Record<string, unknown>>`
    select ${cellKey}, r.item_ordinal as "itemOrdinal", r.level, sum(r.count)::int as count,
      sum(r.weight_sum)::float8 as "weightSum", sum(r.weight_square_sum)::float8 as "weightSquareSum"
    from survey_rollup_count r ${cellJoin}
    where c.campaign_id = ${id}
    group by ${cellGroup}, r.item_ordinal, r.level
    order by ${cellGroup}, r.item_ordinal, r.level`.execute(db);
  const moments = await sql<Record<string, unknown>>`
    select ${cellKey}, r.dimension_ordinal as "dimensionOrdinal", sum(r.n)::int as n, sum(r.sum)::float8 as sum,
      sum(r.sum_squares)::float8 as "sumSquares", sum(r.weight_sum)::float8 as "weightSum",
      sum(r.weighted_sum)::float8 as "weightedSum", sum(r.weighted_sum_squares)::float8 as "weightedSumSquares",
      sum(r.weight_square_sum)::float8 as "weightSquareSum"
    from survey_rollup_moment r ${cellJoin}
    where c.campaign_id = ${id}
    group by ${cellGroup}, r.dimension_ordinal
    order by ${cellGroup}, r.dimension_ordinal`.execute(db);
  const cells = await sql<{ flagged: boolean; responded: number } & Record<string, unknown>>`
    select ${cellKey}, sum(c.responded)::int as responded
    from survey_rollup_cell c
    where c.campaign_id = ${id}
    group by ${cellGroup}
    having sum(c.responded) > 0
    order by ${cellGroup}`.execute(db);
  const marginKey = sql`m.unit_id::text as "unitId", m.period_month::text as "periodMonth", m.attribute, m.value,
    m.flagged`;
  const marginGroup = sql`m.unit_id, m.period_month, m.attribute, m.value, m.flagged`;
  const marginJoin = sql`join survey_rollup_margin m on m.province_unit_id = r.province_unit_id
    and m.id = r.margin_id`;
  const marginCounts = await sql<Record<string, unknown>>`
    select ${marginKey}, r.item_ordinal as "itemOrdinal", r.level, sum(r.count)::int as count,
      sum(r.weight_sum)::float8 as "weightSum", sum(r.weight_square_sum)::float8 as "weightSquareSum"
    from survey_rollup_margin_count r ${marginJoin}
    where m.campaign_id = ${id}
    group by ${marginGroup}, r.item_ordinal, r.level
    order by ${marginGroup}, r.item_ordinal, r.level`.execute(db);
  const marginMoments = await sql<Record<string, unknown>>`
    select ${marginKey}, r.dimension_ordinal as "dimensionOrdinal", sum(r.n)::int as n, sum(r.sum)::float8 as sum,
      sum(r.sum_squares)::float8 as "sumSquares", sum(r.weighted_sum)::float8 as "weightedSum"
    from survey_rollup_margin_moment r ${marginJoin}
    where m.campaign_id = ${id}
    group by ${marginGroup}, r.dimension_ordinal
    order by ${marginGroup}, r.dimension_ordinal`.execute(db);
  const margins = await sql<
    { attribute: string; flagged: boolean; responded: number } & Record<string, unknown>
  >`
    select ${marginKey}, sum(m.responded)::int as responded
    from survey_rollup_margin m
    where m.campaign_id = ${id}
    group by ${marginGroup}
    order by ${marginGroup}`.execute(db);
  return {
    counts: counts.rows,
    moments: moments.rows,
    cells: cells.rows,
    marginCounts: marginCounts.rows,
    marginMoments: marginMoments.rows,
    margins: margins.rows,
  };
}

function expectSameRows<T extends Record<string, unknown>>(a: T[], b: T[]) {
  expect(a.length).toBe(b.length);
  a.forEach((row, i) => {
    for (const [k, v] of Object.entries(row)) {
      const w = b[i]![k];
      if (typeof v === 'number') expect(v).toBeCloseTo(w as number, 6);
      else expect(v).toEqual(w);
    }
  });
}

describe('a campaign end to end', () => {
  it('creates a sample campaign, takes answers through tokens, and rollups score like the raw answers', async () => {
    const campaign = await createCampaign('SAMPLE', { scope: { agencyCodes: ['TN-STP'] } });
    expect(campaign).toMatchObject({ mode: 'SAMPLE', status: 'ACTIVE', scopeAgencies: [{ code: 'TN-STP' }] });
    const tokens = await sampleTokens(campaign.code, 12, 'TN-STP');
    expect(tokens).toHaveLength(12);
    const sent: (number | null)[][] = [];
    for (const [i, token] of tokens.entries()) {
      const answers = answersFor(i + 1);
      sent.push(answers);
      const { data } = await anonymous.query(SUBMIT, {
        input: { token, idempotencyKey: `e2e-key-${i}-abcdef`, answers, gender: 'FEMALE', ageBand: '25-34' },
      });
      expect(data.submitSurveyResponse.__typename).toBe('MutationSubmitSurveyResponseSuccess');
      expect(data.submitSurveyResponse.data.created).toBe(true);
      expect(data.submitSurveyResponse.data.thanks).toContain('ẩn danh');
    }
    const counts = await readRollupCounts(db, SIPAS_2017, { campaignIds: [await campaignId(campaign.code)] });
    const fromRollups = scoreCounts(SIPAS_2017, counts, { minSample: 1 });
    const fromRaw = scoreResponses(
      SIPAS_2017,
      sent.map((answers) => ({ answers })),
      { minSample: 1 },
    );
    expect(fromRollups.n).toBe(12);
    expect(fromRollups.value).toBeCloseTo(fromRaw.value!, 9);
    for (const [i, item] of fromRaw.items.entries()) {
      expect(fromRollups.items[i]!.value).toBeCloseTo(item.value!, 9);
    }
    for (const [i, dimension] of fromRaw.dimensions.entries()) {
      expect(fromRollups.dimensions[i]!.ciLow).toBeCloseTo(dimension.ciLow, 9);
    }

    // Stored without identity: no address, no dossier; the token is spent.
    const stored = await db
      .selectFrom('surveyResponse')
      .selectAll()
      .where('campaignId', '=', await campaignId(campaign.code))
      .execute();
    expect(stored.every((r) => r.source === 'sample' && r.dossierPseudonym === null)).toBe(true);
    const used = await db
      .selectFrom('surveyToken')
      .select('usedAt')
      .where('campaignId', '=', await campaignId(campaign.code))
      .execute();
    expect(used.every((t) => t.usedAt !== null)).toBe(true);

    const coverage = await tnAdmin.query(
      `query C($code: String!) { campaignCoverage(campaignCode: $code, groupBy: [AGENCY]) { agency { code } offered responded responseRate } }`,
      { code: campaign.code },
    );
    expect(coverage.data.campaignCoverage).toEqual([
      { agency: { code: 'TN-STP' }, offered: 12, responded: 12, responseRate: 1 },
    ]);
  });
});

describe('after-dossier tokens', () => {
  it('issues a token to a desk officer for a returned dossier, with a keyed pseudonym and a survey URL', async () => {
    const campaign = await createCampaign('AFTER_DOSSIER', { scope: { procedureCodes: [fx.procedureCode] } });
    expect(campaign).toMatchObject({ scopeAgencies: [], scopeProcedures: [{ code: fx.procedureCode }] });
    const { data } = await tnOfficer.query(ISSUE, { dossierId: fx.returnedDossiers[0] });
    const issued = data.issueSurveyToken.data;
    expect(issued.url).toBe(`/khao-sat/${issued.token}`);
    expect(issued.campaign.code).toBe(campaign.code);
    const [row] = await db
      .selectFrom('surveyToken')
      .selectAll()
      .where('campaignId', '=', await campaignId(campaign.code))
      .execute();
    expect(row!.dossierPseudonym).toHaveLength(32);
    expect(row!.tokenHash.toString('hex')).not.toContain(Buffer.from(issued.token).toString('hex'));

    const first = await anonymous.query(SUBMIT, {
      input: { token: issued.token, idempotencyKey: 'dossier-first-000', answers: answersFor(3) },
    });
    expect(first.data.submitSurveyResponse.__typename).toBe('MutationSubmitSurveyResponseSuccess');
    const response = await db
      .selectFrom('surveyResponse')
      .selectAll()
      .where('id', '=', first.data.submitSurveyResponse.data.responseId)
      .executeTakeFirstOrThrow();
    expect(response.dossierPseudonym?.equals(row!.dossierPseudonym!)).toBe(true);
    expect(response.channel).toBe('in_person');
    expect(JSON.stringify(response)).not.toContain('127.0.0.1');

    // Token reuse (another key) is refused, and nothing is written.
    const again = await anonymous.query(SUBMIT, {
      input: { token: issued.token, idempotencyKey: 'dossier-second-00', answers: answersFor(4) },
    });
    expect(again.data.submitSurveyResponse).toMatchObject({
      __typename: 'SurveyTokenError',
      code: 'TOKEN_USED',
      problem: 'USED',
    });
    expect(await responseCount(campaign.code)).toBe(1);

    const unknown = await anonymous.query(SUBMIT, {
      input: { token: 'not-a-token', idempotencyKey: 'dossier-third-000', answers: answersFor(4) },
    });
    expect(unknown.data.submitSurveyResponse).toMatchObject({ code: 'TOKEN_UNKNOWN', problem: 'UNKNOWN' });

    const second = await tnOfficer.query(ISSUE, { dossierId: fx.returnedDossiers[1] });
    const other = await anonymous.query(SUBMIT, {
      input: {
        token: second.data.issueSurveyToken.data.token,
        campaignCode: 'DEMO-OTHER',
        idempotencyKey: 'dossier-fourth-00',
        answers: answersFor(4),
      },
    });
    expect(other.data.submitSurveyResponse).toMatchObject({ problem: 'OTHER_CAMPAIGN' });

    await db
      .updateTable('surveyToken')
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where('usedAt', 'is', null)
      .where('campaignId', '=', await campaignId(campaign.code))
      .execute();
    const expired = await anonymous.query(SUBMIT, {
      input: {
        token: second.data.issueSurveyToken.data.token,
        idempotencyKey: 'dossier-fifth-000',
        answers: answersFor(4),
      },
    });
    expect(expired.data.submitSurveyResponse).toMatchObject({ problem: 'EXPIRED' });
  });

  it('refuses tokens for a dossier still in progress, and to viewers without desk rights at its agency', async () => {
    const open = await tnOfficer.query(ISSUE, { dossierId: fx.openDossier });
    expect(open.data.issueSurveyToken).toMatchObject({ __typename: 'ConflictError' });
    const before = await db
      .selectFrom('surveyToken')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const outsider = await hnAdmin.query(ISSUE, { dossierId: fx.returnedDossiers[2] });
    expect(outsider.data.issueSurveyToken).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    const anon = await anonymous.query(ISSUE, { dossierId: fx.returnedDossiers[2] });
    expect(refusal(anon, 'issueSurveyToken')).toBe('FORBIDDEN');
    const after = await db
      .selectFrom('surveyToken')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});

describe('idempotency', () => {
  it('answers a retry with the first result, refuses another payload under the same key, and keeps rollups', async () => {
    const campaign = await createCampaign('OPEN');
    const input = {
      campaignCode: campaign.code,
      idempotencyKey: 'retry-key-0000001',
      answers: answersFor(11),
    };
    const first = await anonymous.query(SUBMIT, { input });
    const before = await rollupSnapshot(await campaignId(campaign.code));
    const retry = await anonymous.query(SUBMIT, { input });
    expect(retry.data.submitSurveyResponse.data).toMatchObject({
      responseId: first.data.submitSurveyResponse.data.responseId,
      created: false,
    });
    expect(await rollupSnapshot(await campaignId(campaign.code))).toEqual(before);
    const changed = await anonymous.query(SUBMIT, { input: { ...input, answers: answersFor(12) } });
    expect(changed.data.submitSurveyResponse).toMatchObject({
      __typename: 'ConflictError',
      code: 'CONFLICT',
    });
    expect(await responseCount(campaign.code)).toBe(1);
  });

  it('stores exactly one row for 10 concurrent identical submissions', async () => {
    const campaign = await createCampaign('SAMPLE');
    const [token] = await sampleTokens(campaign.code, 1);
    const input = { token, idempotencyKey: 'concurrent-key-01', answers: answersFor(5) };
    const results = await Promise.all(Array.from({ length: 10 }, () => anonymous.query(SUBMIT, { input })));
    const ids = new Set(results.map((r) => r.data.submitSurveyResponse.data?.responseId));
    expect(results.map((r) => r.data.submitSurveyResponse.__typename)).toEqual(
      Array(10).fill('MutationSubmitSurveyResponseSuccess'),
    );
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.data.submitSurveyResponse.data.created)).toHaveLength(1);
    expect(await responseCount(campaign.code)).toBe(1);
    const snapshot = await rollupSnapshot(await campaignId(campaign.code));
    expect(snapshot.cells.map((c) => c.responded)).toEqual([1]);
  });

  it('lets one of 10 concurrent replays of a token under different keys through; the others are TOKEN_USED', async () => {
    const campaign = await createCampaign('SAMPLE');
    const [token] = await sampleTokens(campaign.code, 1);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        anonymous.query(SUBMIT, {
          input: {
            token,
            idempotencyKey: `replay-key-${String(i).padStart(4, '0')}`,
            answers: answersFor(i + 1),
          },
        }),
      ),
    );
    const outcomes = results.map(
      (r) => r.data.submitSurveyResponse.code ?? r.data.submitSurveyResponse.__typename,
    );
    expect(outcomes.filter((o) => o === 'MutationSubmitSurveyResponseSuccess')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'TOKEN_USED')).toHaveLength(9);
    expect(await responseCount(campaign.code)).toBe(1);
    const snapshot = await rollupSnapshot(await campaignId(campaign.code));
    expect(snapshot.cells.map((c) => c.responded)).toEqual([1]);
  });
});

describe('statements per submission', () => {
  it('writes a submission to an open campaign with its rollups and margins in one statement', async () => {
    const campaign = await createCampaign('OPEN');
    const submitOnce = (key: string, answers: (number | null)[]) =>
      anonymous.query(SUBMIT, {
        input: { campaignCode: campaign.code, idempotencyKey: key, answers, gender: 'FEMALE' },
      });
    await submitOnce('statements-key-0001', answersFor(3));
    const sent: string[] = [];
    const realQuery = pg.Client.prototype.query;
    const query = vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (
      this: pg.Client,
      ...args: unknown[]
    ) {
      const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string }).text;
      sent.push(String(text).trim().split(/\s+/).slice(0, 4).join(' '));
      return (realQuery as (...a: unknown[]) => unknown).apply(this, args);
    } as never);
    let second: Awaited<ReturnType<typeof submitOnce>>;
    try {
      second = await submitOnce('statements-key-0002', answersFor(4));
    } finally {
      query.mockRestore();
    }
    expect(second.data?.submitSurveyResponse.data.created, JSON.stringify(second)).toBe(true);
    // The campaign, the source's burst counter, then the response with its cell, counts, moments and margins.
    expect(sent, sent.join('\n')).toHaveLength(3);
    const snapshot = await rollupSnapshot(await campaignId(campaign.code));
    expect(snapshot.cells.map((c) => c.responded)).toEqual([2]);
  });
});

describe('validation and quality', () => {
  it('rejects invalid answers with item paths in both languages and writes nothing', async () => {
    const campaign = await createCampaign('OPEN');
    const answers = answersFor(1);
    answers[3] = 7;
    answers[10] = 0;
    const { data } = await anonymous.query(SUBMIT, {
      input: { campaignCode: campaign.code, idempotencyKey: 'invalid-key-00001', answers },
    });
    expect(data.submitSurveyResponse.__typename).toBe('ValidationError');
    expect(data.submitSurveyResponse.fieldErrors).toEqual([
      {
        path: ['input', 'answers', '3'],
        message: expect.stringContaining('tiêu chí 1.4'),
        messageEn: expect.stringContaining('item 1.4'),
      },
      {
        path: ['input', 'answers', '10'],
        message: expect.stringContaining('từ 1 đến 5'),
        messageEn: expect.stringContaining('from 1 to 5'),
      },
    ]);
    const short = await anonymous.query(SUBMIT, {
      input: { campaignCode: campaign.code, idempotencyKey: 'invalid-key-00002', answers: [5, 4] },
    });
    expect(short.data.submitSurveyResponse.fieldErrors[0].path).toEqual(['input', 'answers']);
    expect(await responseCount(campaign.code)).toBe(0);
    const cells = await db
      .selectFrom('surveyRollupCell')
      .select('responded')
      .where('campaignId', '=', await campaignId(campaign.code))
      .execute();
    expect(cells.every((c) => c.responded === 0)).toBe(true);
  });

  it('flags too-fast, straight-lined and burst responses without dropping them', async () => {
    const campaign = await createCampaign('OPEN', {
      settings: { burstThreshold: 2, rateLimitPerWindow: 100 },
    });
    const submit = (key: string, answers: (number | null)[], startedAt?: string) =>
      anonymous.query(SUBMIT, {
        input: { campaignCode: campaign.code, idempotencyKey: key, answers, startedAt },
      });
    await submit('quality-key-00001', answersFor(1), new Date(Date.now() - 5_000).toISOString());
    await submit('quality-key-00002', Array(22).fill(5));
    await submit('quality-key-00003', answersFor(2), new Date(Date.now() - 600_000).toISOString());
    const rows = await db
      .selectFrom('surveyResponse')
      .select(['idempotencyKey', 'qualityFlags'])
      .where('campaignId', '=', await campaignId(campaign.code))
      .orderBy('idempotencyKey')
      .execute();
    expect(rows.map((r) => r.qualityFlags)).toEqual([['too_fast'], ['straight_lining'], ['burst']]);
    const window = await db
      .selectFrom('surveySourceWindow')
      .selectAll()
      .where('campaignId', '=', await campaignId(campaign.code))
      .execute();
    expect(window[0]!.sourceHash).toHaveLength(32);
    expect(window[0]!.sourceHash.toString()).not.toContain('127.0.0.1');
  });

  it('counts a source hit without waiting for its flush, and leaves every other commit synchronous', async () => {
    const campaign = await createCampaign('OPEN');
    const row = await db
      .selectFrom('campaign')
      .selectAll()
      .where('code', '=', campaign.code)
      .executeTakeFirstOrThrow();
    // One connection: the setting of the counter's statement must not outlive its own transaction.
    const single = createDatabase({ url, max: 1 });
    try {
      const context = (target: typeof single) => ({
        db: target,
        http: { ...noHttpExchange, ip: '203.0.113.9' },
        pseudonymSecret: 'x'.repeat(32),
      });
      const setting = async (target: typeof single) =>
        (await sql<{ synchronousCommit: string }>`show synchronous_commit`.execute(target)).rows[0]!
          .synchronousCommit;
      expect(await countSourceHit(context(single), row, 'submit')).toBe(1);
      expect(await countSourceHit(context(single), row, 'submit')).toBe(2);
      expect(await setting(single)).toBe('on');
      // Inside a caller's transaction the counter leaves the commit to the caller, synchronous.
      await single.transaction().execute(async (trx) => {
        expect(await countSourceHit(context(trx), row, 'submit')).toBe(3);
        expect(await setting(trx)).toBe('on');
      });
    } finally {
      await single.destroy();
    }
  });

  it('rate-limits the public link per source', async () => {
    const campaign = await createCampaign('OPEN', { settings: { rateLimitPerWindow: 2 } });
    const open = () =>
      anonymous.query(
        `mutation O($c: String!) { openSurvey(campaignCode: $c) { __typename ... on TooManyRequestsError { code retryAfterSeconds } ... on MutationOpenSurveySuccess { data { instrument { code itemCount } } } } }`,
        { c: campaign.code },
      );
    expect((await open()).data.openSurvey.data.instrument).toEqual({ code: 'SIPAS', itemCount: 22 });
    await open();
    expect((await open()).data.openSurvey).toMatchObject({
      __typename: 'TooManyRequestsError',
      code: 'RATE_LIMITED',
    });
    const [cell] = await db
      .selectFrom('surveyRollupCell')
      .select('offered')
      .where('campaignId', '=', await campaignId(campaign.code))
      .execute();
    expect(cell!.offered).toBe(2);
  });
});

const PAPER = /* GraphQL */ `
  mutation Paper($campaignCode: String!, $agencyCode: String!, $batchKey: String!, $rows: [PaperResponseInput!]!) {
    enterPaperResponses(campaignCode: $campaignCode, agencyCode: $agencyCode, batchKey: $batchKey, rows: $rows) {
      __typename
      ... on MutationEnterPaperResponsesSuccess { data { campaign { code } agency { code } responseIds inserted alreadyRecorded } }
      ... on Error { code }
      ... on ValidationError { fieldErrors { path messageEn } }
    }
  }
`;

describe('paper forms', () => {
  it('enters a batch all or nothing, idempotent per batch key and row, for desk officers only', async () => {
    const campaign = await createCampaign('SAMPLE', { scope: { agencyCodes: ['TN-STP'] } });
    const rows = [1, 2, 3].map((i) => ({ answers: answersFor(i), gender: 'MALE' }));
    const bad = [...rows, { answers: [...answersFor(4).slice(0, 21), 9] }];
    const refused = await tnOfficer.query(PAPER, {
      campaignCode: campaign.code,
      agencyCode: 'TN-STP',
      batchKey: 'paper-batch-0001',
      rows: bad,
    });
    expect(refused.data.enterPaperResponses.fieldErrors).toEqual([
      { path: ['rows', '3', 'answers', '21'], messageEn: expect.any(String) },
    ]);
    expect(await responseCount(campaign.code)).toBe(0);

    const forbidden = await hnAdmin.query(PAPER, {
      campaignCode: campaign.code,
      agencyCode: 'TN-STP',
      batchKey: 'paper-batch-0001',
      rows,
    });
    expect(forbidden.data.enterPaperResponses.__typename).toBe('ForbiddenError');
    expect(await responseCount(campaign.code)).toBe(0);

    const ok = await tnOfficer.query(PAPER, {
      campaignCode: campaign.code,
      agencyCode: 'TN-STP',
      batchKey: 'paper-batch-0001',
      rows,
    });
    expect(ok.data.enterPaperResponses.data).toMatchObject({
      campaign: { code: campaign.code },
      agency: { code: 'TN-STP' },
      inserted: 3,
      alreadyRecorded: 0,
    });
    const again = await tnOfficer.query(PAPER, {
      campaignCode: campaign.code,
      agencyCode: 'TN-STP',
      batchKey: 'paper-batch-0001',
      rows,
    });
    expect(again.data.enterPaperResponses.data).toEqual({
      ...ok.data.enterPaperResponses.data,
      inserted: 0,
      alreadyRecorded: 3,
    });
    const stored = await db
      .selectFrom('surveyResponse')
      .select(['source', 'channel'])
      .where('campaignId', '=', await campaignId(campaign.code))
      .execute();
    expect(stored).toEqual(Array(3).fill({ source: 'paper', channel: 'paper' }));
    const counts = await readRollupCounts(db, SIPAS_2017, { campaignIds: [await campaignId(campaign.code)] });
    expect(counts.responses).toBe(3);
  });
});

const IMPORT = /* GraphQL */ `
  mutation Import($campaignCode: String!, $batchKey: String!, $csv: String!) {
    importSurveyResponses(campaignCode: $campaignCode, batchKey: $batchKey, csv: $csv) {
      __typename
      ... on MutationImportSurveyResponsesSuccess { data { rows inserted alreadyImported rowErrors { line path messageEn } } }
      ... on Error { code message }
      ... on ValidationError { fieldErrors { path messageEn } }
    }
  }
`;

describe('CSV import', () => {
  const codes = SIPAS_2017.dimensions.flatMap((d) => d.items.map((i) => i.code));
  const header = [
    'row_key',
    'agency_code',
    'month',
    'channel',
    'weight',
    'gender',
    'age_band',
    'education',
    ...codes,
  ].join(',');
  const line = (
    key: string,
    agency: string,
    month: string,
    weight: string,
    answers: (number | null | string)[],
  ) =>
    [
      key,
      agency,
      month,
      'in_person',
      weight,
      'female',
      '35-44',
      'university',
      ...answers.map((a) => a ?? ''),
    ].join(',');

  it('loads good rows with COPY, reports bad ones by line and column, and keeps rollups equal to a rebuild', async () => {
    const campaign = await createCampaign('SAMPLE');
    const csv = [
      header,
      line('r1', 'TN-STP', '2025-09', '1.5', answersFor(1)),
      line('r2', 'TN-SXD', '2025-09', '', answersFor(2)),
      line('r3', 'TN-STP', '2025-10', '0.5', answersFor(3)),
      line('r4', 'HN-STP', '2025-09', '1', answersFor(4)),
      line('r5', 'TN-STP', '2025-13', '1', [...answersFor(5).slice(0, 21), 'x']),
      line('r6', '', '2025-09', '-2', answersFor(6)),
    ].join('\n');
    const { data } = await tnAdmin.query(IMPORT, {
      campaignCode: campaign.code,
      batchKey: 'import-2025',
      csv,
    });
    const result = data.importSurveyResponses.data;
    expect(result).toMatchObject({ rows: 6, inserted: 3, alreadyImported: 0 });
    expect(result.rowErrors).toEqual([
      { line: 5, path: ['agency_code'], messageEn: expect.stringContaining('HN-STP') },
      { line: 6, path: ['month'], messageEn: expect.any(String) },
      { line: 6, path: ['5.4'], messageEn: expect.stringContaining('item 5.4') },
      { line: 7, path: ['weight'], messageEn: expect.any(String) },
    ]);
    const stored = await db
      .selectFrom('surveyResponse')
      .select(['source', 'weight', 'answers'])
      .where('campaignId', '=', await campaignId(campaign.code))
      .orderBy('idempotencyKey')
      .execute();
    expect(stored.map((r) => [r.source, r.weight])).toEqual([
      ['import', 1.5],
      ['import', 1],
      ['import', 0.5],
    ]);
    expect(stored[0]!.answers).toEqual(answersFor(1));

    const replay = await tnAdmin.query(IMPORT, { campaignCode: campaign.code, batchKey: 'import-2025', csv });
    expect(replay.data.importSurveyResponses.data).toMatchObject({ inserted: 0, alreadyImported: 3 });

    const id = await campaignId(campaign.code);
    const before = await rollupSnapshot(id);
    await rebuildSurveyRollups(db, SIPAS_2017, id);
    const after = await rollupSnapshot(id);
    expectSameRows(before.counts, after.counts);
    expectSameRows(before.moments, after.moments);
    expect(before.cells).toEqual(after.cells);
  });

  it('reports every problem of every row in both languages, in line and column order, and inserts the rest', async () => {
    const campaign = await createCampaign('SAMPLE');
    const withColumns = (key: string, channel: string, gender: string, weight: string, answers: unknown[]) =>
      [key, 'TN-STP', '2025-09', channel, weight, gender, '', '', ...answers.map((a) => a ?? '')].join(',');
    const csv = [
      header,
      withColumns('k1', 'in_person', 'male', '', answersFor(1)),
      withColumns('k1', 'fax', 'robot', 'abc', [9, ...answersFor(2).slice(1)]),
      withColumns('bad key!', 'online', '', '2', [...answersFor(3).slice(0, 21), '1e2']),
      withColumns('k4', ' online ', ' female ', ' 0.25 ', answersFor(4)),
    ].join('\n');
    const { data } = await tnAdmin.query(
      IMPORT.replace('rowErrors { line path messageEn }', 'rowErrors { line path message messageEn }'),
      { campaignCode: campaign.code, batchKey: 'import-checks', csv },
    );
    const result = data.importSurveyResponses.data;
    expect(result).toMatchObject({ rows: 4, inserted: 2, alreadyImported: 0 });
    expect(result.rowErrors.map((e: { line: number; path: string[] }) => [e.line, e.path[0]])).toEqual([
      [3, 'row_key'],
      [3, 'channel'],
      [3, 'weight'],
      [3, 'gender'],
      [3, codes[0]],
      [4, 'row_key'],
      [4, codes[21]],
    ]);
    expect(result.rowErrors[0]).toMatchObject({
      message: 'Mã dòng bị lặp trong tệp.',
      messageEn: 'This row key appears twice in the file.',
    });
    expect(result.rowErrors[4]).toMatchObject({
      message: `Câu trả lời cho tiêu chí ${codes[0]} phải là số nguyên từ 1 đến 5 hoặc để trống.`,
      messageEn: `The answer to item ${codes[0]} must be a whole number from 1 to 5, or empty.`,
    });
    const stored = await db
      .selectFrom('surveyResponse')
      .select(['channel', 'gender', 'weight'])
      .where('campaignId', '=', await campaignId(campaign.code))
      .orderBy('idempotencyKey')
      .execute();
    expect(stored).toEqual([
      { channel: 'in_person', gender: 'male', weight: 1 },
      { channel: 'online', gender: 'female', weight: 0.25 },
    ]);
    const counts = await readRollupCounts(db, SIPAS_2017, { campaignIds: [await campaignId(campaign.code)] });
    expect(counts.responses).toBe(2);
  });

  it('refuses a file whose header does not match the instrument, and non-admins', async () => {
    const campaign = await createCampaign('SAMPLE');
    const { data: described } = await tnAdmin.query(
      `query C($code: String!) { campaign(code: $code) { ... on Campaign { importColumns } } }`,
      { code: campaign.code },
    );
    expect(described.campaign.importColumns.join(',')).toBe(header);
    const wrong = await tnAdmin.query(IMPORT, {
      campaignCode: campaign.code,
      batchKey: 'import-x',
      csv: 'a,b\n1,2',
    });
    expect(wrong.data.importSurveyResponses.fieldErrors[0].path).toEqual(['csv']);
    const forbidden = await hnAdmin.query(IMPORT, {
      campaignCode: campaign.code,
      batchKey: 'import-x',
      csv: `${header}\n${line('r1', 'TN-STP', '2025-09', '1', answersFor(1))}`,
    });
    expect(forbidden.data.importSurveyResponses.__typename).toBe('ForbiddenError');
    expect(await responseCount(campaign.code)).toBe(0);
  });
});

describe('rollups', () => {
  it('maintained incrementally equal a rebuild from raw rows', async () => {
    const campaign = await createCampaign('OPEN');
    for (let i = 0; i < 15; i++) {
      await anonymous.query(SUBMIT, {
        input: {
          campaignCode: campaign.code,
          idempotencyKey: `rollup-key-${String(i).padStart(4, '0')}`,
          // Two straight-lined responses: flagged, counted apart in their cell and margins.
          answers: i === 4 || i === 9 ? Array(22).fill(4) : answersFor(i + 20),
          channel: i % 3 === 0 ? 'KIOSK' : 'ONLINE',
          gender: i % 2 === 0 ? 'FEMALE' : i % 5 === 0 ? null : 'MALE',
          ageBand: i % 4 === 0 ? '60+' : '18-34',
          education: i % 3 === 0 ? null : 'university',
        },
      });
    }
    const id = await campaignId(campaign.code);
    const incremental = await rollupSnapshot(id);
    expect(incremental.cells.reduce((n, c) => n + c.responded, 0)).toBe(15);
    const raw = await db
      .selectFrom('surveyResponse')
      .select(['qualityFlags'])
      .where('campaignId', '=', id)
      .execute();
    const flagged = raw.filter((r) => r.qualityFlags.length > 0).length;
    expect(flagged).toBeGreaterThanOrEqual(2);
    expect(incremental.cells.filter((c) => c.flagged).reduce((n, c) => n + c.responded, 0)).toBe(flagged);
    const responded = (attribute: string) =>
      incremental.margins.filter((m) => m.attribute === attribute).reduce((n, m) => n + m.responded, 0);
    expect([responded('all'), responded('gender'), responded('education')]).toEqual([15, 14, 10]);
    expect(responded('quality_flag')).toBe(raw.reduce((n, r) => n + r.qualityFlags.length, 0));

    const denied = await hnAdmin.query(
      `mutation R($c: String!) { rebuildRollups(campaignCode: $c) { __typename } }`,
      { c: campaign.code },
    );
    expect(denied.data.rebuildRollups.__typename).toBe('ForbiddenError');
    const { data } = await tnAdmin.query(
      `mutation R($c: String!) { rebuildRollups(campaignCode: $c) { __typename ... on MutationRebuildRollupsSuccess { data { cells responses durationMs figuresChanged } } } }`,
      { c: campaign.code },
    );
    expect(data.rebuildRollups.data).toMatchObject({ responses: 15, figuresChanged: false });
    expect(data.rebuildRollups.data.durationMs).toBeGreaterThanOrEqual(0);
    const rebuilt = await rollupSnapshot(id);
    expectSameRows(incremental.counts, rebuilt.counts);
    expectSameRows(incremental.moments, rebuilt.moments);
    expect(incremental.cells).toEqual(rebuilt.cells);
    expectSameRows(incremental.marginCounts, rebuilt.marginCounts);
    expectSameRows(incremental.marginMoments, rebuilt.marginMoments);
    expect(incremental.margins).toEqual(rebuilt.margins);

    // Rollups that drifted from the raw rows: the rebuild puts them right and says the figures changed.
    await sql`
      update survey_rollup_count set count = count + 1
      where cell_id = (select min(id) from survey_rollup_cell where campaign_id = ${id}) and item_ordinal = 0
    `.execute(db);
    const repaired = await tnAdmin.query(
      `mutation R($c: String!) { rebuildRollups(campaignCode: $c) { ... on MutationRebuildRollupsSuccess { data { responses figuresChanged } } } }`,
      { c: campaign.code },
    );
    expect(repaired.data.rebuildRollups.data).toEqual({ responses: 15, figuresChanged: true });
    expectSameRows(incremental.counts, (await rollupSnapshot(id)).counts);
  });

  it('spreads concurrent submissions of one cell over slots, and every reader sums them like the raw answers', async () => {
    const campaign = await createCampaign('OPEN', {
      settings: { burstThreshold: 1000, rateLimitPerWindow: 1000 },
    });
    const id = await campaignId(campaign.code);
    const sent = Array.from({ length: 40 }, (_, i) => ({
      answers: i % 13 === 0 ? Array(22).fill(3) : answersFor(i + 50),
      gender: i % 3 === 0 ? 'MALE' : 'FEMALE',
    }));
    // All at once, so the API's pool submits them on several connections: one cell, one set of margins.
    const results = await Promise.all(
      sent.map((r, i) =>
        anonymous.query(SUBMIT, {
          input: {
            campaignCode: campaign.code,
            idempotencyKey: `slot-key-${String(i).padStart(4, '0')}`,
            answers: r.answers,
            gender: r.gender,
          },
        }),
      ),
    );
    expect(results.map((r) => r.data.submitSurveyResponse.__typename)).toEqual(
      Array(40).fill('MutationSubmitSurveyResponseSuccess'),
    );
    const slots = async (table: 'survey_rollup_cell' | 'survey_rollup_margin', where = sql`true`) =>
      (
        await sql<{ slot: number; n: number }>`
          select slot, sum(responded)::int as n from ${sql.table(table)}
          where campaign_id = ${id} and ${where} group by slot order by slot`.execute(db)
      ).rows;
    const cellSlots = await slots('survey_rollup_cell', sql`not flagged`);
    const marginSlots = await slots('survey_rollup_margin', sql`attribute = 'all' and not flagged`);
    expect(cellSlots.length).toBeGreaterThanOrEqual(2);
    expect(marginSlots.length).toBeGreaterThanOrEqual(2);
    expect(cellSlots.every((s) => s.slot >= 0 && s.slot < ROLLUP_SLOTS)).toBe(true);

    const raw = await db
      .selectFrom('surveyResponse')
      .select(['answers', 'weight', 'gender', 'qualityFlags'])
      .where('campaignId', '=', id)
      .execute();
    expect(raw).toHaveLength(40);
    expect(raw.some((r) => r.qualityFlags.length > 0)).toBe(true);
    const expectFigures = (figure: { value: number | null; n: number }, responses: typeof raw) => {
      const direct = scoreResponses(SIPAS_2017, responses, { minSample: 1 });
      expect(figure.n).toBe(direct.n);
      expect(figure.value).toBeCloseTo(direct.value!, 9);
      return direct;
    };

    const readers = async () => {
      // Cells: every key's slots summed.
      const counts = await readRollupCounts(db, SIPAS_2017, { campaignIds: [id] });
      const cellScore = scoreCounts(SIPAS_2017, counts, { minSample: 1 });
      const fromRaw = expectFigures(cellScore, raw);
      for (const [i, item] of fromRaw.items.entries()) {
        expect(cellScore.items[i]!.value).toBeCloseTo(item.value!, 9);
      }
      const byChannel = await readRollupCountsByGroup(db, SIPAS_2017, { campaignIds: [id] }, ['channel']);
      expect(byChannel.map((g) => [g.key, g.responded])).toEqual([[['online'], 40]]);
      expectFigures(scoreCounts(SIPAS_2017, byChannel[0]!.counts, { minSample: 1 }), raw);
      // Margins: the unit's `all` margin and one per gender, slots summed.
      const [all] = await readMarginCountsByGroup(db, SIPAS_2017, { attribute: 'all', campaignIds: [id] }, [
        'attribute',
      ]);
      expectFigures(scoreCounts(SIPAS_2017, all!.counts, { minSample: 1 }), raw);
      const byGender = await readMarginCountsByGroup(
        db,
        SIPAS_2017,
        { attribute: 'gender', campaignIds: [id] },
        ['value'],
      );
      expect(byGender.map((g) => g.key[0])).toEqual(['female', 'male']);
      for (const group of byGender) {
        expectFigures(
          scoreCounts(SIPAS_2017, group.counts, { minSample: 1 }),
          raw.filter((r) => r.gender === group.key[0]),
        );
      }
      // The report of the campaign (its unit's margins) and the coverage of its cells, through the API.
      // The responses are of the current month in Vietnam (UTC+7).
      const year = Number(new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 4));
      const { data, errors } = await tnAdmin.query(
        `query R($c: String!, $y: Int!) {
          indexReport(unit: "19", year: $y, campaign: $c) {
            __typename ... on IndexReport { overall { value n } items { code value n } coverage { responded } }
          }
          campaignCoverage(campaignCode: $c, groupBy: [CHANNEL]) { responded }
          indexBreakdown(unit: "19", year: $y, by: GENDER) {
            __typename ... on IndexBreakdown { groups { key overall { value n } } }
          }
        }`,
        { c: campaign.code, y: year },
      );
      expect(errors).toBeUndefined();
      const report = data.indexReport;
      expect(report.coverage.responded).toBe(40);
      expect(data.campaignCoverage).toEqual([{ responded: 40 }]);
      const direct = expectFigures(report.overall, raw);
      direct.items.forEach((item, i) => {
        expect(report.items[i].code).toBe(item.code);
        expect(report.items[i].value).toBeCloseTo(item.value!, 9);
      });
      // The breakdown by gender reads the province's margins of every campaign of the year.
      const province = await db
        .selectFrom('surveyResponse')
        .select(['answers', 'weight', 'gender', 'qualityFlags'])
        .where('provinceUnitId', '=', fx.thaiNguyen.id)
        .where('periodMonth', '>=', `${year}-01-01`)
        .where('periodMonth', '<=', `${year}-12-01`)
        .execute();
      const groups = data.indexBreakdown.groups as { key: string; overall: { value: number; n: number } }[];
      expect(groups.map((g) => g.key)).toEqual(['female', 'male']);
      for (const group of groups) {
        expectFigures(
          group.overall,
          province.filter((r) => r.gender === group.key),
        );
      }
    };
    await readers();

    // A rebuild folds every slot into slot 0, with the same figures.
    const before = await rollupSnapshot(id);
    await rebuildSurveyRollups(db, SIPAS_2017, id);
    expect((await slots('survey_rollup_cell')).map((s) => s.slot)).toEqual([0]);
    expect((await slots('survey_rollup_margin')).map((s) => s.slot)).toEqual([0]);
    const after = await rollupSnapshot(id);
    expectSameRows(before.counts, after.counts);
    expectSameRows(before.moments, after.moments);
    expect(before.cells).toEqual(after.cells);
    expectSameRows(before.marginCounts, after.marginCounts);
    expectSameRows(before.marginMoments, after.marginMoments);
    expect(before.margins).toEqual(after.margins);
    await readers();
  });
});

describe('campaign administration', () => {
  it('lets only admins of the owning unit create, update and close, and writes nothing otherwise', async () => {
    const input = {
      code: 'TEST-FORBIDDEN',
      ownerUnit: fx.thaiNguyen.globalId,
      instrument: { code: 'SIPAS', version: '2017' },
      name: 'x',
      nameEn: 'x',
      mode: 'OPEN',
      ...openPeriod(),
    };
    const outsider = await hnAdmin.query(CREATE, { input });
    expect(outsider.data.createCampaign).toMatchObject({ __typename: 'ForbiddenError' });
    const officer = await tnOfficer.query(CREATE, { input });
    expect(officer.data.createCampaign).toMatchObject({ __typename: 'ForbiddenError' });
    const anon = await anonymous.query(CREATE, { input });
    expect(refusal(anon, 'createCampaign')).toBe('FORBIDDEN');
    expect(
      await db.selectFrom('campaign').select('id').where('code', '=', 'TEST-FORBIDDEN').execute(),
    ).toEqual([]);

    const invalid = await tnAdmin.query(CREATE, {
      input: {
        ...input,
        code: 'bad code',
        endsOn: '2020-01-01',
        scope: { agencyCodes: ['HN-STP'] },
        instrument: { code: 'SIPAS', version: '1999' },
      },
    });
    expect(invalid.data.createCampaign.fieldErrors.map((e: { path: string[] }) => e.path)).toEqual([
      ['code'],
      ['endsOn'],
      ['instrument'],
      ['scope', 'agencyCodes', '0'],
    ]);

    const campaign = await createCampaign('OPEN');
    const update = `mutation U($code: String!) { updateCampaign(code: $code, input: { name: "Tên mới" }) { __typename ... on MutationUpdateCampaignSuccess { data { name } } } }`;
    expect((await hnAdmin.query(update, { code: campaign.code })).data.updateCampaign.__typename).toBe(
      'ForbiddenError',
    );
    expect((await tnAdmin.query(update, { code: campaign.code })).data.updateCampaign.data.name).toBe(
      'Tên mới',
    );
    const close = `mutation C($code: String!) { closeCampaign(code: $code) { __typename ... on MutationCloseCampaignSuccess { data { status } } } }`;
    expect((await hnAdmin.query(close, { code: campaign.code })).data.closeCampaign.__typename).toBe(
      'ForbiddenError',
    );
    expect((await tnAdmin.query(close, { code: campaign.code })).data.closeCampaign.data.status).toBe(
      'CLOSED',
    );
    const late = await anonymous.query(SUBMIT, {
      input: { campaignCode: campaign.code, idempotencyKey: 'closed-key-000001', answers: answersFor(1) },
    });
    expect(late.data.submitSurveyResponse).toMatchObject({
      __typename: 'SurveyClosedError',
      code: 'SURVEY_CLOSED',
    });
    const audit = await db
      .selectFrom('auditLog')
      .select('action')
      .where('entity', '=', 'campaign')
      .where('entityId', '=', await campaignId(campaign.code))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['campaign.create', 'campaign.update', 'campaign.close']);
  });

  it('lists campaigns to viewers who cover their owning unit, filtered by status', async () => {
    const open = await createCampaign('OPEN');
    const closed = await createCampaign('SAMPLE');
    await tnAdmin.query(`mutation C($code: String!) { closeCampaign(code: $code) { __typename } }`, {
      code: closed.code,
    });
    const LIST = `query L($status: [CampaignStatus!]) { campaigns(status: $status) { code status ownerUnit { code } } }`;
    const all = (await tnAdmin.query(LIST, {})).data.campaigns as { code: string; status: string }[];
    expect(all.map((c) => c.code)).toEqual(expect.arrayContaining([open.code, closed.code]));
    const active = (await tnAdmin.query(LIST, { status: ['ACTIVE'] })).data.campaigns as {
      code: string;
      status: string;
    }[];
    expect(active.map((c) => c.code)).toContain(open.code);
    expect(active.map((c) => c.code)).not.toContain(closed.code);
    expect(new Set(active.map((c) => c.status))).toEqual(new Set(['ACTIVE']));
    expect((await hnAdmin.query(LIST, {})).data.campaigns).toEqual([]);
    expect((await tnOfficer.query(LIST, {})).data.campaigns).toEqual([]);
    expect(refusal(await anonymous.query(LIST, {}), 'campaigns')).toBe('FORBIDDEN');
  });
});
