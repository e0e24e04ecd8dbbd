import { addToRollups, type DB, DEMO } from '@chiso/db';
import { countResponses, SIPAS_2017, scoreResponses } from '@chiso/scoring';
import { createTestDatabase } from '@chiso/testing';
import { CompiledQuery, type KyselyPlugin, type RootOperationNode, sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApi } from '../../test/graphql.js';
import { countingQueries } from '../../test/query-count.js';
import type { RoleGrant } from '../accounts/access.js';
import { viewerWithGrants } from '../accounts/access.js';
import { canonicalJson, contentHash, suppressGroups } from './indices.service.js';
import { periodOf, previousPeriodOf } from './report.js';

const { db } = await createTestDatabase({ demo: true });
const round2 = (x: number | null | undefined) =>
  x === null || x === undefined ? null : Math.round(x * 100) / 100;

async function provinceId(code: string, onDate: string): Promise<string> {
  const row = await db
    .selectFrom('administrativeUnit')
    .select('id')
    .where('levelCode', '=', 'PROVINCE')
    .where('code', '=', code)
    .where('validFrom', '<=', onDate)
    .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>=', onDate)]))
    .executeTakeFirstOrThrow();
  return row.id;
}

async function createUser(email: string): Promise<string> {
  const row = await db
    .insertInto('appUser')
    .values({ email, displayName: email, passwordHash: 'not-a-real-hash' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function apiAs(email: string, grants: RoleGrant[]) {
  const userId = await createUser(email);
  return createTestApi(db, {
    viewer: viewerWithGrants({ userId, apiKeyId: null, apiKeyScopes: [] }, grants),
  });
}

/** `n` respondents answering every item with `level`. */
const uniform = (n: number, level: number) =>
  Array.from({ length: n }, () => ({ answers: Array.from({ length: 22 }, () => level) }));

let bacKan: string;
let testCampaign: string;
let demoCampaign: string;

async function addRollups(provinceCode: string, month: string, responses: { answers: number[] }[]) {
  const unitId = await provinceId(provinceCode, month);
  await addToRollups(
    db,
    SIPAS_2017,
    {
      provinceUnitId: unitId,
      campaignId: testCampaign,
      unitId,
      agencyId: null,
      periodMonth: month,
      channel: 'in_person',
    },
    countResponses(SIPAS_2017, responses),
  );
}

const anonymous = await createTestApi(db);
let analyst: Awaited<ReturnType<typeof createTestApi>>;
let unitAdmin: Awaited<ReturnType<typeof createTestApi>>;
let systemAdmin: Awaited<ReturnType<typeof createTestApi>>;
let otherAnalyst: Awaited<ReturnType<typeof createTestApi>>;

beforeAll(async () => {
  demoCampaign = (
    await db
      .selectFrom('campaign')
      .select('id')
      .where('code', '=', DEMO.campaignCode)
      .executeTakeFirstOrThrow()
  ).id;
  bacKan = await provinceId('06', '2019-06-01');
  const haNoi = await provinceId('01', '2019-06-01');
  analyst = await apiAs('analyst@bk.test', [{ role: 'analyst', unitId: bacKan, agencyId: null }]);
  unitAdmin = await apiAs('admin@bk.test', [{ role: 'unit_admin', unitId: bacKan, agencyId: null }]);
  systemAdmin = await apiAs('root@chiso.test', [{ role: 'system_admin', unitId: null, agencyId: null }]);
  otherAnalyst = await apiAs('analyst@hn.test', [{ role: 'analyst', unitId: haNoi, agencyId: null }]);
  const instrument = await db
    .selectFrom('instrument')
    .select('id')
    .where('code', '=', 'SIPAS')
    .where('version', '=', '2017')
    .executeTakeFirstOrThrow();
  const campaign = await db
    .insertInto('campaign')
    .values({
      code: 'TEST-SIPAS-MULTI',
      instrumentId: instrument.id,
      ownerUnitId: haNoi,
      nameVi: 'Khảo sát thử',
      nameEn: 'Test survey',
      mode: 'sample',
      startsOn: '2020-01-01',
      endsOn: '2025-12-31',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  testCampaign = campaign.id;

  // 2020: Quảng Ninh all satisfied (100), Hà Nội half and half (50).
  await addRollups('22', '2020-05-01', uniform(40, 5));
  await addRollups('01', '2020-05-01', [...uniform(20, 5), ...uniform(20, 2)]);
  // 2021: Hà Nội and TP HCM tie at 100; Quảng Ninh 80; Hải Phòng only 10 respondents (below the minimum).
  await addRollups('01', '2021-03-01', uniform(40, 5));
  await addRollups('79', '2021-03-01', uniform(40, 5));
  await addRollups('22', '2021-03-01', [...uniform(40, 5), ...uniform(10, 1)]);
  await addRollups('31', '2021-03-01', uniform(10, 5));
  // 2025: Bắc Kạn before the merger (March), Thái Nguyên after it (September).
  await addRollups('06', '2025-03-01', uniform(30, 4));
  await addRollups('19', '2025-09-01', uniform(20, 2));
}, 120_000);

const REPORT = /* GraphQL */ `
  query Report($unit: String!, $year: Int!, $quarter: Int, $month: Int, $agency: String) {
    indexReport(unit: $unit, year: $year, quarter: $quarter, month: $month, agency: $agency) {
      __typename
      ... on Error { code message messageEn }
      ... on IndexReport {
        instrument { code version }
        unit { code name }
        agency { code }
        campaign { code }
        period { year label labelEn start end }
        minSample confidence valuesRevealed
        overall { code kind value ciLow ciHigh standardError n publishable withheld }
        dimensions { code name nameEn value ciLow ciHigh n publishable withheld }
        items { code dimensionCode name value ciLow ciHigh n publishable withheld }
        coverage { served offered responded responseRate }
        previous { period { year } overall { value n } coverage { responded } }
        changes { overall { difference ciLow ciHigh pValue significant withheld } items { code difference } }
        definitions { key name nameEn definition definitionEn }
      }
    }
  }
`;

describe('indexReport', () => {
  it('answers a report again from memory while its rollups are unchanged, and afresh once they change', async () => {
    const queries = countingQueries(db);
    const counted = await createTestApi(queries.db);
    const report = async () => {
      const { data, errors } = await counted.query(REPORT, { unit: '79', year: 2017 });
      expect(errors).toBeUndefined();
      return data.indexReport;
    };
    await addRollups('79', '2017-04-01', uniform(30, 5));
    const first = await report();
    expect(first.overall).toMatchObject({ n: 30, value: 100 });
    queries.reset();
    const again = await report();
    expect(again).toEqual(first);
    // Two statements: the fingerprint of the rollups, units, instruments and campaigns the report read, and the
    // report's unit (its field's loader).
    expect(queries.count).toBe(2);

    // A submission (here: rollups added) changes the figures at once.
    await addRollups('79', '2017-11-01', uniform(30, 1));
    const after = await report();
    expect(after.overall).toMatchObject({ n: 60, value: 50 });
    // So do coverage counts (served, offered), which no response writes.
    await sql`update survey_rollup_cell set served = served + 500, offered = offered + 100
      where unit_id = ${await provinceId('79', '2017-04-01')} and period_month = '2017-04-01'`.execute(db);
    const covered = await report();
    expect(covered.coverage.served - after.coverage.served).toBe(500);
    expect(covered.coverage.offered - after.coverage.offered).toBe(100);
    // And the previous year's rollups, which the report compares against.
    await addRollups('79', '2016-06-01', uniform(30, 5));
    expect((await report()).previous.overall.n).toBe(30);
  });

  it('serves the demo province’s 2019 report with the seed figures', async () => {
    const { data, errors } = await anonymous.query(REPORT, { unit: '06', year: 2019 });
    expect(errors).toBeUndefined();
    const report = data.indexReport;
    expect(report.__typename).toBe('IndexReport');
    expect(report.instrument).toEqual({ code: 'SIPAS', version: '2017' });
    expect(report.unit).toEqual({ code: '06', name: 'Bắc Kạn' });
    expect(report.period).toEqual({
      year: 2019,
      label: 'Năm 2019',
      labelEn: 'Year 2019',
      start: '2019-01-01',
      end: '2019-12-31',
    });
    expect(round2(report.overall.value)).toBe(85.16);
    expect(report.overall).toMatchObject({
      code: '*',
      kind: 'OVERALL',
      n: 900,
      publishable: true,
      withheld: null,
    });
    expect(report.overall.ciLow).toBeLessThan(report.overall.value);
    expect(report.overall.ciHigh).toBeGreaterThan(report.overall.value);
    const factor2 = report.dimensions.find((d: { code: string }) => d.code === '2');
    expect(round2(factor2.value)).toBe(90.26);
    expect(factor2.name).toBe('Thủ tục hành chính');
    const items = new Map(report.items.map((i: { code: string }) => [i.code, i]));
    expect(round2((items.get('2.3') as { value: number }).value)).toBe(91.25);
    expect(items.get('2.3')).toMatchObject({ n: 800, dimensionCode: '2' });
    expect(round2((items.get('5.3') as { value: number }).value)).toBe(68.18);
    expect(items.get('5.3')).toMatchObject({ n: 880 });
    for (const figure of [report.overall, ...report.dimensions, ...report.items]) {
      expect(figure.ciLow).toBeLessThanOrEqual(figure.value);
      expect(figure.ciHigh).toBeGreaterThanOrEqual(figure.value);
    }
    expect(report.coverage.responded).toBe(900);
    expect(report.coverage.offered).toBeGreaterThanOrEqual(900);
    expect(report.coverage.served).toBeGreaterThanOrEqual(900);
    expect(report.coverage.responseRate).toBeCloseTo((100 * 900) / report.coverage.offered, 9);
    expect(report.previous).toMatchObject({ period: { year: 2018 }, overall: { value: null, n: 0 } });
    expect(report.changes.overall).toMatchObject({ difference: null, significant: false });
    expect(report.definitions.map((d: { key: string }) => d.key)).toEqual(
      expect.arrayContaining([
        'overall-index',
        'dimension-index',
        'item-index',
        'confidence-interval',
        'minimum-sample',
        'change',
        'response-rate',
      ]),
    );
    expect(report.definitions[0].definition).toMatch(/Trung bình cộng/);
    expect(report.definitions[0].definitionEn).toMatch(/Unweighted mean/);
  });

  it('equals scoring the raw answers of the same responses', async () => {
    const { data } = await anonymous.query(REPORT, { unit: '06', year: 2019 });
    const raw = await db
      .selectFrom('surveyResponse')
      .select(['answers', 'weight'])
      .where('campaignId', '=', demoCampaign)
      .execute();
    const direct = scoreResponses(SIPAS_2017, raw);
    const report = data.indexReport;
    expect(report.overall.value).toBeCloseTo(direct.value!, 9);
    expect(report.overall.ciLow).toBeCloseTo(direct.ciLow, 9);
    expect(report.overall.ciHigh).toBeCloseTo(direct.ciHigh, 9);
    expect(report.overall.standardError).toBeCloseTo(direct.standardError!, 9);
    direct.dimensions.forEach((d, i) => {
      expect(report.dimensions[i].value).toBeCloseTo(d.value!, 9);
      expect(report.dimensions[i].ciLow).toBeCloseTo(d.ciLow, 9);
      expect(report.dimensions[i].n).toBe(d.n);
    });
    direct.items.forEach((item, i) => {
      expect(report.items[i].code).toBe(item.code);
      expect(report.items[i].value).toBeCloseTo(item.value!, 9);
      expect(report.items[i].ciHigh).toBeCloseTo(item.ciHigh, 9);
      expect(report.items[i].n).toBe(item.n);
    });
  });

  it('reads rollups only: no statement it issues touches survey_response, not even in its plan', async () => {
    const captured: RootOperationNode[] = [];
    const capture: KyselyPlugin = {
      transformQuery: ({ node }) => {
        captured.push(node);
        return node;
      },
      transformResult: async ({ result }) => result,
    };
    const spied = await createTestApi(db.withPlugin(capture) as DB);
    const { data } = await spied.query(REPORT, { unit: '06', year: 2019 });
    expect(round2(data.indexReport.overall.value)).toBe(85.16);
    expect(captured.length).toBeGreaterThan(3);
    let rollupStatements = 0;
    for (const node of captured) {
      const compiled = db.getExecutor().compileQuery(node, { queryId: 'plan-check' } as never);
      expect(compiled.sql).not.toMatch(/survey_response/);
      const plan = await db.executeQuery<{ 'QUERY PLAN': string }>(
        CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters]),
      );
      const text = plan.rows.map((r) => Object.values(r).join('')).join('\n');
      expect(text).not.toMatch(/survey_response/);
      if (/survey_rollup_(margin_)?(count|moment)/.test(text)) rollupStatements++;
    }
    // One statement reads the item counts and moments of both periods from the unit's margins.
    expect(rollupStatements).toBeGreaterThanOrEqual(1);
  });

  it('compares with the previous period: the change, its interval and significance', async () => {
    const { data } = await anonymous.query(REPORT, { unit: '01', year: 2021 });
    const report = data.indexReport;
    expect(report.overall).toMatchObject({ value: 100, n: 40 });
    expect(report.previous.overall).toMatchObject({ value: 50, n: 40 });
    expect(report.changes.overall.difference).toBe(50);
    expect(report.changes.overall.ciLow).toBeGreaterThan(0);
    expect(report.changes.overall.ciHigh).toBeGreaterThan(report.changes.overall.ciLow);
    expect(report.changes.overall.significant).toBe(true);
    expect(report.changes.items[0]).toEqual({ code: '1.1', difference: 50 });
  });

  it('steps back one quarter or one month for the previous period', () => {
    expect(previousPeriodOf(periodOf(2019, 1)).labelEn).toBe('Q4 2018');
    expect(previousPeriodOf(periodOf(2019, null, 3))).toMatchObject({
      start: '2019-02-01',
      end: '2019-02-28',
    });
    expect(previousPeriodOf(periodOf(2019, null, 1)).labelVi).toBe('Tháng 12/2018');
  });

  it('withholds a small group’s values from the public and shows them to an analyst of the unit', async () => {
    await addRollups('31', '2022-06-01', uniform(12, 5));
    const hidden = await anonymous.query(REPORT, { unit: '31', year: 2022 });
    expect(hidden.data.indexReport.valuesRevealed).toBe(false);
    expect(hidden.data.indexReport.overall).toMatchObject({
      value: null,
      ciLow: null,
      ciHigh: null,
      n: 12,
      publishable: false,
      withheld: 'SMALL_SAMPLE',
    });
    expect(hidden.data.indexReport.items[0]).toMatchObject({ value: null, n: 12, withheld: 'SMALL_SAMPLE' });
    // An analyst of another province is the public here.
    const other = await analyst.query(REPORT, { unit: '31', year: 2022 });
    expect(other.data.indexReport.overall.withheld).toBe('SMALL_SAMPLE');
    const admin = await systemAdmin.query(REPORT, { unit: '31', year: 2022 });
    expect(admin.data.indexReport.overall).toMatchObject({
      value: 100,
      n: 12,
      publishable: false,
      withheld: null,
    });
  });

  it('reveals a small group to an API key only with read:reports, within its owner’s grants', async () => {
    await addRollups('33', '2022-06-01', uniform(12, 5));
    // The viewer `viewerFromApiKey` builds: no user, the key's scopes, its owner's grants.
    const keyOf = (apiKeyId: string, scopes: string[], grants: RoleGrant[]) =>
      createTestApi(db, {
        viewer: viewerWithGrants({ userId: null, apiKeyId, apiKeyScopes: scopes }, grants),
      });
    const everywhere: RoleGrant[] = [{ role: 'system_admin', unitId: null, agencyId: null }];
    const withoutScope = await keyOf('901', ['read:catalog', 'read:surveys'], everywhere);
    const withScope = await keyOf('902', ['read:reports'], everywhere);
    const elsewhere = await keyOf(
      '903',
      ['read:reports'],
      [{ role: 'analyst', unitId: bacKan, agencyId: null }],
    );
    const seen = async (api: Awaited<ReturnType<typeof createTestApi>>) =>
      (await api.query(REPORT, { unit: '33', year: 2022 })).data.indexReport.overall;
    expect(await seen(withoutScope)).toMatchObject({ value: null, n: 12, withheld: 'SMALL_SAMPLE' });
    expect(await seen(elsewhere)).toMatchObject({ value: null, n: 12, withheld: 'SMALL_SAMPLE' });
    expect(await seen(withScope)).toMatchObject({ value: 100, n: 12, withheld: null });
  });

  it('validates the period and names unknown units and instruments', async () => {
    const bad = await anonymous.query(REPORT, { unit: '06', year: 2019, quarter: 5 });
    expect(bad.data.indexReport).toMatchObject({ __typename: 'ValidationError' });
    const both = await anonymous.query(REPORT, { unit: '06', year: 2019, quarter: 1, month: 2 });
    expect(both.data.indexReport.__typename).toBe('ValidationError');
    const gone = await anonymous.query(REPORT, { unit: '06', year: 2026 });
    expect(gone.data.indexReport).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    const garbage = await anonymous.query(REPORT, { unit: "06' or 1=1", year: 2019 });
    expect(garbage.data.indexReport.__typename).toBe('ValidationError');
    const instrument = await anonymous.query(
      `{ indexReport(instrument: { code: "NOPE" }, unit: "06", year: 2019) { __typename ... on Error { messageEn } } }`,
    );
    expect(instrument.data.indexReport).toMatchObject({ __typename: 'NotFoundError' });
  });
});

const BREAKDOWN = /* GraphQL */ `
  query Breakdown($by: IndexBreakdownBy!) {
    indexBreakdown(unit: "06", year: 2019, by: $by) {
      __typename
      ... on IndexBreakdown {
        valuesRevealed minSample
        groups { key label labelEn withheld agency { id code name } coverage { responded served } overall { value n publishable withheld } dimensions { value withheld } }
        definitions { key }
      }
    }
  }
`;

describe('indexBreakdown', () => {
  it('breaks the year down by month and quarter from rollup cells', async () => {
    const { data } = await anonymous.query(BREAKDOWN, { by: 'QUARTER' });
    const groups = data.indexBreakdown.groups;
    expect(groups.map((g: { key: string }) => g.key)).toEqual(['2019-Q1', '2019-Q2', '2019-Q3', '2019-Q4']);
    expect(groups[0]).toMatchObject({ label: 'Quý 1/2019', labelEn: 'Q1 2019', withheld: null });
    expect(groups.reduce((n: number, g: { overall: { n: number } }) => n + g.overall.n, 0)).toBe(900);
    const months = await anonymous.query(BREAKDOWN, { by: 'MONTH' });
    expect(months.data.indexBreakdown.groups).toHaveLength(12);
    expect(months.data.indexBreakdown.groups[2].label).toBe('Tháng 3/2019');
    const channels = await anonymous.query(BREAKDOWN, { by: 'CHANNEL' });
    expect(channels.data.indexBreakdown.groups.map((g: { labelEn: string }) => g.labelEn).sort()).toEqual(
      ['In person', 'Online', 'Public postal service'].sort(),
    );
  });

  it('suppresses small agencies for the public (count shown) and shows them to an analyst of the unit', async () => {
    const open = await anonymous.query(BREAKDOWN, { by: 'AGENCY' });
    const groups = open.data.indexBreakdown.groups;
    expect(groups.length).toBeGreaterThan(5);
    const small = groups.filter((g: { overall: { n: number } }) => g.overall.n < 30);
    expect(small.length).toBeGreaterThan(0);
    for (const group of small) {
      expect(group.withheld).toBe('SMALL_SAMPLE');
      expect(group.overall).toMatchObject({ value: null, publishable: false, withheld: 'SMALL_SAMPLE' });
      expect(group.overall.n).toBeGreaterThan(0);
      expect(group.dimensions.every((d: { value: number | null }) => d.value === null)).toBe(true);
    }
    const large = groups.filter((g: { overall: { n: number } }) => g.overall.n >= 30);
    expect(
      large.every(
        (g: { overall: { value: number | null } }) => g.overall.value !== null || small.length === 1,
      ),
    ).toBe(true);

    const inside = await analyst.query(BREAKDOWN, { by: 'AGENCY' });
    expect(inside.data.indexBreakdown.valuesRevealed).toBe(true);
    for (const group of inside.data.indexBreakdown.groups) {
      expect(group.withheld).toBeNull();
      expect(group.overall.value).not.toBeNull();
    }
    const notCovering = await otherAnalyst.query(BREAKDOWN, { by: 'AGENCY' });
    expect(notCovering.data.indexBreakdown.valuesRevealed).toBe(false);

    // The same agency's own report: withheld for the public, shown to the analyst; by global ID or by code.
    const agency = small[0].agency;
    expect(agency.code).toMatch(/^BKN-/);
    const publicReport = await anonymous.query(REPORT, { unit: '06', year: 2019, agency: agency.id });
    expect(publicReport.data.indexReport.overall).toMatchObject({
      value: null,
      n: small[0].overall.n,
      withheld: 'SMALL_SAMPLE',
    });
    const analystReport = await analyst.query(REPORT, { unit: '06', year: 2019, agency: agency.code });
    expect(analystReport.data.indexReport.overall).toMatchObject({ n: small[0].overall.n, withheld: null });
    expect(analystReport.data.indexReport.overall.value).not.toBeNull();
    expect(analystReport.data.indexReport).toMatchObject({ agency: { code: agency.code }, campaign: null });
  });

  it('links each agency group to its Agency without a query per group', async () => {
    const queries = countingQueries(db);
    const counted = await createTestApi(queries.db);
    const LINKED = /* GraphQL */ `
      query { indexBreakdown(unit: "06", year: 2019, by: AGENCY) {
        ... on IndexBreakdown { groups { key agency { code name kind unit { code } } } }
      } }
    `;
    const { data, errors } = await counted.query(LINKED);
    expect(errors).toBeUndefined();
    const groups = data.indexBreakdown.groups as { key: string; agency: { code: string } | null }[];
    expect(groups.length).toBeGreaterThan(5);
    expect(groups.every((g) => g.agency?.code.startsWith('BKN-'))).toBe(true);
    const agencyGroups = queries.count;
    queries.reset();
    await counted.query(LINKED.replace('agency { code name kind unit { code } }', ''));
    // the groups' agencies come with the breakdown; only their units cost one more query
    expect(agencyGroups - queries.count).toBeLessThanOrEqual(1);
  });

  it('withholds a second group when only one is small, so the total cannot give it away', () => {
    const withheld = suppressGroups(
      [
        { key: 'a', n: 100, publishable: true, hasValue: true },
        { key: 'b', n: 12, publishable: false, hasValue: true },
        { key: 'c', n: 40, publishable: true, hasValue: true },
      ],
      false,
    );
    expect(Object.fromEntries(withheld)).toEqual({ b: 'small_sample', c: 'complementary' });
    expect(suppressGroups([{ key: 'b', n: 12, publishable: false, hasValue: true }], true).size).toBe(0);
  });
});

const RANKING = /* GraphQL */ `
  query Ranking($year: Int!, $region: String) {
    ranking(level: PROVINCE, year: $year, region: $region) {
      __typename
      ... on Ranking {
        year asOf rankedUnits minSample
        entries { unit { code name } value publishedValue n publishable rank rankLow rankHigh previousRank rankChange }
        definitions { key }
      }
    }
  }
`;

describe('ranking', () => {
  it('ranks the 63 provinces of 2021 with ties, lists small units unranked, and compares with 2020', async () => {
    const { data, errors } = await anonymous.query(RANKING, { year: 2021 });
    expect(errors).toBeUndefined();
    const ranking = data.ranking;
    expect(ranking).toMatchObject({ year: 2021, asOf: '2021-12-31', rankedUnits: 3, minSample: 30 });
    expect(ranking.entries).toHaveLength(63);
    const [first, second, third, fourth] = ranking.entries;
    expect(first).toMatchObject({
      unit: { code: '01' },
      value: 100,
      rank: 1,
      previousRank: 2,
      rankChange: 1,
    });
    expect(second).toMatchObject({
      unit: { code: '79' },
      value: 100,
      rank: 1,
      previousRank: null,
      rankChange: null,
    });
    expect(third).toMatchObject({
      unit: { code: '22' },
      publishedValue: 80,
      rank: 3,
      previousRank: 1,
      rankChange: -2,
      n: 50,
    });
    // Hải Phòng: 10 respondents, listed with its n but neither valued nor ranked.
    const haiPhong = ranking.entries.find((e: { unit: { code: string } }) => e.unit.code === '31');
    expect(haiPhong).toMatchObject({ value: null, n: 10, publishable: false, rank: null, rankLow: null });
    expect(fourth.rank).toBeNull();
    for (const entry of ranking.entries.slice(0, 3)) {
      expect(entry.rankLow).toBeLessThanOrEqual(entry.rank);
      expect(entry.rankHigh).toBeGreaterThanOrEqual(entry.rank);
    }
    expect(ranking.definitions.map((d: { key: string }) => d.key)).toEqual(
      expect.arrayContaining(['rank', 'rank-change', 'rank-interval']),
    );
    // Seeded: the same request gives the same intervals.
    const again = await anonymous.query(RANKING, { year: 2021 });
    expect(again.data.ranking.entries).toEqual(ranking.entries);
  });

  it('filters by region', async () => {
    const { data } = await anonymous.query(RANKING, { year: 2021, region: 'TDMNPB' });
    expect(data.ranking.entries.length).toBeLessThan(63);
    expect(data.ranking.entries.map((e: { unit: { code: string } }) => e.unit.code)).toContain('06');
    expect(data.ranking.rankedUnits).toBe(0);
  });

  it('uses the 34 provinces from 2025, counting a merged province’s predecessors', async () => {
    const { data } = await anonymous.query(RANKING, { year: 2025 });
    expect(data.ranking.entries).toHaveLength(34);
    const thaiNguyen = data.ranking.entries.find((e: { unit: { code: string } }) => e.unit.code === '19');
    // 30 Bắc Kạn respondents of March (old map) and 20 Thái Nguyên respondents of September (new map).
    expect(thaiNguyen).toMatchObject({ n: 50, publishable: true, rank: 1, value: 60 });
    const old = await anonymous.query(RANKING, { year: 2024 });
    expect(old.data.ranking.entries).toHaveLength(63);
  });
});

describe('ranking cache', () => {
  it('answers again from the stored ranking until a response, an import or a rebuild touches its margins', async () => {
    const entryOf = (ranking: {
      entries: { unit: { code: string }; n: number; previousRank: number | null }[];
    }) => ranking.entries.find((e) => e.unit.code === '44')!;
    const first = await anonymous.query(RANKING, { year: 2023 });
    expect(entryOf(first.data.ranking)).toMatchObject({ n: 0, previousRank: null });
    const same = await anonymous.query(RANKING, { year: 2023 });
    expect(same.data.ranking).toEqual(first.data.ranking);

    await addRollups('44', '2023-04-01', uniform(35, 4));
    const after = await anonymous.query(RANKING, { year: 2023 });
    expect(entryOf(after.data.ranking)).toMatchObject({ n: 35, rank: 1, previousRank: null });

    // The year before counts too (the previous rank).
    await addRollups('44', '2022-04-01', uniform(31, 3));
    const compared = await anonymous.query(RANKING, { year: 2023 });
    expect(entryOf(compared.data.ranking)).toMatchObject({ n: 35, rank: 1, previousRank: 1 });
  });
});

describe('unitIndexHistory', () => {
  it('shows a merged province’s predecessors side by side and a re-aggregated series', async () => {
    const { data, errors } = await anonymous.query(`{
      unitIndexHistory(unit: "19") {
        __typename
        ... on UnitIndexHistory {
          unit { code validFrom }
          series { role unit { code name validTo } points { year computed { value n } published { value rank ofUnits status } } }
          combined { year figure { value n } contributingUnits { code validTo } }
        }
      }
    }`);
    expect(errors).toBeUndefined();
    const history = data.unitIndexHistory;
    expect(history.unit).toEqual({ code: '19', validFrom: '2025-07-01' });
    const byCode = (code: string, role: string) =>
      history.series.find(
        (s: { role: string; unit: { code: string } }) => s.unit.code === code && s.role === role,
      );
    const bacKanSeries = byCode('06', 'PREDECESSOR');
    expect(bacKanSeries.unit).toMatchObject({ name: 'Bắc Kạn', validTo: '2025-06-30' });
    const y2019 = bacKanSeries.points.find((p: { year: number }) => p.year === 2019);
    expect(round2(y2019.computed.value)).toBe(85.16);
    expect(y2019.published).toEqual({ value: 85.16, rank: 32, ofUnits: 63, status: 'VERIFIED' });
    const y2018 = bacKanSeries.points.find((p: { year: number }) => p.year === 2018);
    expect(y2018).toEqual({
      year: 2018,
      computed: null,
      published: { value: null, rank: 42, ofUnits: 63, status: 'DERIVED' },
    });
    expect(byCode('19', 'PREDECESSOR').unit.validTo).toBe('2025-06-30');
    expect(byCode('19', 'SELF')).toBeDefined();

    const combined = new Map(history.combined.map((p: { year: number }) => [p.year, p]));
    expect(round2((combined.get(2019) as { figure: { value: number } }).figure.value)).toBe(85.16);
    const y2025 = combined.get(2025) as {
      figure: { value: number; n: number };
      contributingUnits: { code: string }[];
    };
    expect(y2025.figure).toMatchObject({ value: 60, n: 50 });
    expect(y2025.contributingUnits.map((u) => u.code).sort()).toEqual(['06', '19']);
  });
});

const PUBLISHED = /* GraphQL */ `
  query Published($index: PublishedIndex!, $year: Int, $unit: String) {
    publishedResults(index: $index, year: $year, unit: $unit) {
      index year scope unitCode unitName value rank ofUnits source status unit { code name validTo }
    }
  }
`;

const IMPORT = /* GraphQL */ `
  mutation Import($rows: [PublishedResultInput!]!) {
    importPublishedResults(rows: $rows) {
      __typename
      ... on Error { code message messageEn }
      ... on ValidationError { fieldErrors { path message messageEn } }
      ... on MutationImportPublishedResultsSuccess { data { inserted updated unchanged results { year unitCode value rank unit { name } } } }
    }
  }
`;

describe('published results', () => {
  it('returns Bắc Kạn 2019: 85.16, rank 32 of 63, verified', async () => {
    const { data } = await anonymous.query(PUBLISHED, { index: 'SIPAS', year: 2019, unit: '06' });
    expect(data.publishedResults).toEqual([
      {
        index: 'SIPAS',
        year: 2019,
        scope: 'PROVINCE',
        unitCode: '06',
        unitName: 'Bắc Kạn',
        value: 85.16,
        rank: 32,
        ofUnits: 63,
        source: expect.stringContaining('backan.gov.vn'),
        status: 'VERIFIED',
        unit: { code: '06', name: 'Bắc Kạn', validTo: '2025-06-30' },
      },
    ]);
    const national = await anonymous.query(PUBLISHED, { index: 'SIPAS', year: 2019 });
    expect(national.data.publishedResults.find((r: { scope: string }) => r.scope === 'NATIONAL').value).toBe(
      84.45,
    );
  });

  it('imports rows idempotently (system admins only), with every bad value reported by path', async () => {
    const rows = [
      {
        index: 'SIPAS',
        year: 2020,
        scope: 'PROVINCE',
        unitCode: '06',
        unitName: 'Bắc Kạn',
        value: 83.5,
        rank: 40,
        ofUnits: 63,
        source: 'test source',
        status: 'VERIFIED',
      },
      {
        index: 'PAR',
        year: 2020,
        scope: 'NATIONAL',
        unitName: 'Cả nước',
        value: 81.1,
        source: 'test',
        status: 'DERIVED',
      },
    ];
    const denied = await analyst.query(IMPORT, { rows });
    expect(denied.data.importPublishedResults).toMatchObject({
      __typename: 'ForbiddenError',
      code: 'FORBIDDEN',
    });
    expect((await anonymous.query(IMPORT, { rows })).data.importPublishedResults.code).toBe('FORBIDDEN');

    const first = await systemAdmin.query(IMPORT, { rows });
    expect(first.data.importPublishedResults.data).toMatchObject({ inserted: 2, updated: 0, unchanged: 0 });
    const second = await systemAdmin.query(IMPORT, { rows });
    expect(second.data.importPublishedResults.data).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    const changed = await systemAdmin.query(IMPORT, { rows: [{ ...rows[0], value: 83.6 }] });
    expect(changed.data.importPublishedResults.data).toMatchObject({
      inserted: 0,
      updated: 1,
      results: [{ year: 2020, unitCode: '06', value: 83.6, rank: 40, unit: { name: 'Bắc Kạn' } }],
    });

    const bad = await systemAdmin.query(IMPORT, {
      rows: [
        { ...rows[0], unitCode: '99', value: 120 },
        { ...rows[0], rank: 70 },
        { ...rows[1], unitCode: '01' },
        { ...rows[0], rank: 5 },
      ],
    });
    expect(bad.data.importPublishedResults.__typename).toBe('ValidationError');
    const paths = bad.data.importPublishedResults.fieldErrors.map((e: { path: string[] }) =>
      e.path.join('.'),
    );
    expect(paths.sort()).toEqual([
      'rows.0.unitCode',
      'rows.0.value',
      'rows.1.rank',
      'rows.2.unitCode',
      'rows.3.unitCode',
    ]);
    expect(bad.data.importPublishedResults.fieldErrors.at(-1)).toMatchObject({
      message: expect.stringContaining('Trùng với dòng 1'),
      messageEn: expect.stringContaining('Duplicates row 1'),
    });
    const after = await anonymous.query(PUBLISHED, { index: 'SIPAS', year: 2020, unit: '06' });
    expect(after.data.publishedResults[0].value).toBe(83.6);
  });
});

const FREEZE = /* GraphQL */ `
  mutation Freeze($unit: String!, $year: Int!) {
    freezeIndexSnapshot(unit: $unit, year: $year) {
      __typename
      ... on Error { code }
      ... on MutationFreezeIndexSnapshotSuccess { data { id status contentHash } }
    }
  }
`;

const PUBLISH = /* GraphQL */ `
  mutation Publish($id: ID!) {
    publishIndexSnapshot(id: $id) {
      __typename
      ... on Error { code }
      ... on MutationPublishIndexSnapshotSuccess { data { id status publishedAt } }
    }
  }
`;

const SNAPSHOTS = /* GraphQL */ `
  query Snapshots($unit: String!) {
    indexSnapshots(unit: $unit) {
      id status contentHash contentVerified period { year }
      report { overall { value n } items { code value } computedAt }
    }
  }
`;

describe('snapshots', () => {
  it('freezes, publishes, and never changes afterwards; the database refuses to alter a published one', async () => {
    const forbidden = await otherAnalyst.query(FREEZE, { unit: '06', year: 2019 });
    expect(forbidden.data.freezeIndexSnapshot).toEqual({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    const anonymousFreeze = await anonymous.query(FREEZE, { unit: '06', year: 2019 });
    expect(anonymousFreeze.data.freezeIndexSnapshot.code).toBe('FORBIDDEN');

    const frozen = await analyst.query(FREEZE, { unit: '06', year: 2019 });
    const snapshot = frozen.data.freezeIndexSnapshot.data;
    expect(snapshot.status).toBe('DRAFT');
    expect(snapshot.contentHash).toMatch(/^[0-9a-f]{64}$/);

    expect((await anonymous.query(SNAPSHOTS, { unit: '06' })).data.indexSnapshots).toEqual([]);
    expect((await analyst.query(SNAPSHOTS, { unit: '06' })).data.indexSnapshots).toHaveLength(1);
    // Analysts freeze; unit admins publish.
    expect((await analyst.query(PUBLISH, { id: snapshot.id })).data.publishIndexSnapshot.code).toBe(
      'FORBIDDEN',
    );
    const asPublic = await anonymous.query(PUBLISH, { id: snapshot.id });
    expect(asPublic.data.publishIndexSnapshot.code).toBe('FORBIDDEN');
    const published = await unitAdmin.query(PUBLISH, { id: snapshot.id });
    expect(published.data.publishIndexSnapshot.data).toMatchObject({ id: snapshot.id, status: 'PUBLISHED' });
    const twice = await unitAdmin.query(PUBLISH, { id: snapshot.id });
    expect(twice.data.publishIndexSnapshot).toEqual({ __typename: 'ConflictError', code: 'CONFLICT' });

    const before = (await anonymous.query(SNAPSHOTS, { unit: '06' })).data.indexSnapshots;
    expect(before).toHaveLength(1);
    expect(before[0]).toMatchObject({
      status: 'PUBLISHED',
      contentHash: snapshot.contentHash,
      contentVerified: true,
    });
    expect(round2(before[0].report.overall.value)).toBe(85.16);
    const stored = await db
      .selectFrom('indexSnapshot')
      .select(['payload', 'contentHash'])
      .executeTakeFirstOrThrow();

    // Later data: more 2019 responses for Bắc Kạn change the live report, not the snapshot.
    await addRollups('06', '2019-11-01', uniform(100, 1));
    const live = await anonymous.query(REPORT, { unit: '06', year: 2019 });
    expect(live.data.indexReport.overall.n).toBe(1000);
    expect(round2(live.data.indexReport.overall.value)).not.toBe(85.16);

    const after = (await anonymous.query(SNAPSHOTS, { unit: '06' })).data.indexSnapshots;
    expect(after).toEqual(before);
    const storedAfter = await db
      .selectFrom('indexSnapshot')
      .select(['payload', 'contentHash'])
      .executeTakeFirstOrThrow();
    expect(storedAfter).toEqual(stored);
    expect(contentHash(storedAfter.payload)).toBe(snapshot.contentHash);

    await expect(sql`update index_snapshot set payload = '{}'::jsonb`.execute(db)).rejects.toThrow(
      /published/,
    );
    await expect(sql`update index_snapshot set published_at = null`.execute(db)).rejects.toThrow(/published/);
    await expect(sql`delete from index_snapshot`.execute(db)).rejects.toThrow(/published/);
  });

  it('keeps even a draft’s content frozen', async () => {
    const frozen = await analyst.query(FREEZE, { unit: '06', year: 2020 });
    expect(frozen.data.freezeIndexSnapshot.data.status).toBe('DRAFT');
    await expect(
      sql`update index_snapshot set payload = '{}'::jsonb where published_at is null`.execute(db),
    ).rejects.toThrow(/frozen/);
  });

  it('hashes canonical JSON, whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}',
    );
    expect(contentHash({ a: 1, b: 2 })).toBe(contentHash({ b: 2, a: 1 }));
  });
});
