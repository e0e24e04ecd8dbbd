import type { DB } from '@chiso/db';
import { SIPAS_2017, scoreResponses } from '@chiso/scoring';
import { createTestDatabase } from '@chiso/testing';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { CompiledQuery, type KyselyPlugin, type RootOperationNode } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestApi } from '../../test/graphql.js';
import { openPeriod, seedSurveyFixture } from '../surveys/surveys.fixture.js';

/**
 * Breakdowns by respondent attribute and procedure field, and quality flags in reports, from responses taken
 * through the real submission path: every figure equals `scoreResponses` on the raw answers it stands for.
 */

const { db } = await createTestDatabase();
const fx = await seedSurveyFixture(db);
const { anonymous, tnAdmin, tnOfficer } = fx.apis;
const year = Number(
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()).slice(0, 4),
);

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateCampaignInput!) {
    createCampaign(input: $input) { __typename ... on MutationCreateCampaignSuccess { data { code } } }
  }
`;
const SAMPLE = /* GraphQL */ `
  mutation Sample($campaignCode: String!, $count: Int!, $agencyCode: String) {
    issueSampleTokens(campaignCode: $campaignCode, count: $count, agencyCode: $agencyCode) {
      ... on MutationIssueSampleTokensSuccess { data { tokens { token } } }
    }
  }
`;
const ISSUE = /* GraphQL */ `
  mutation Issue($dossierId: ID!) {
    issueSurveyToken(dossierId: $dossierId) { ... on MutationIssueSurveyTokenSuccess { data { token } } }
  }
`;
const SUBMIT = /* GraphQL */ `
  mutation Submit($input: SubmitSurveyResponseInput!) {
    submitSurveyResponse(input: $input) { __typename }
  }
`;
const BREAKDOWN = /* GraphQL */ `
  query Breakdown($unit: String!, $year: Int!, $by: IndexBreakdownBy!, $agency: String, $excludeFlagged: Boolean) {
    indexBreakdown(unit: $unit, year: $year, by: $by, agency: $agency, excludeFlagged: $excludeFlagged) {
      __typename
      ... on Error { code message messageEn }
      ... on ValidationError { fieldErrors { path message messageEn } }
      ... on IndexBreakdown {
        by minSample valuesRevealed
        groups { key label labelEn withheld overall { value n withheld } dimensions { code value n } }
      }
    }
  }
`;
const REPORT = /* GraphQL */ `
  query Report($unit: String!, $year: Int!, $agency: String, $excludeFlagged: Boolean) {
    indexReport(unit: $unit, year: $year, agency: $agency, excludeFlagged: $excludeFlagged) {
      __typename
      ... on IndexReport {
        overall { value ciLow ciHigh n }
        dimensions { code value n }
        items { code value n }
        coverage { responded }
        quality {
          excludeFlagged flaggedResponses kinds { kind responses }
          withFlagged { value n } withoutFlagged { value n } difference
        }
      }
    }
  }
`;
const RANKING = /* GraphQL */ `
  query Ranking($year: Int!, $excludeFlagged: Boolean) {
    ranking(level: PROVINCE, year: $year, excludeFlagged: $excludeFlagged) {
      ... on Ranking { entries { unit { code } n value } }
    }
  }
`;

/** 22 answers with some variety (never straight-lined), deterministic from `seed`. */
const answersFor = (seed: number): (number | null)[] =>
  Array.from({ length: 22 }, (_, i) => (i === 21 && seed % 5 === 0 ? null : 1 + ((seed * 7 + i * 3) % 5)));

const genders = ['FEMALE', 'MALE', 'OTHER'] as const;
const ageBands = ['18-34', '35-59', '60+'];

// A sample campaign at the justice department: 70 respondents, 3 of gender "other" (a small group); two
// straight-lined and one too fast (flagged, kept). An after-dossier campaign: the six returned dossiers of the
// fixture, whose procedure is in field "Hộ tịch".
const period = openPeriod();
const create = async (code: string, mode: string, extra: Record<string, unknown> = {}) => {
  const { data } = await tnAdmin.query(CREATE, {
    input: {
      code,
      ownerUnit: fx.thaiNguyen.globalId,
      instrument: { code: 'SIPAS', version: '2017' },
      name: code,
      nameEn: code,
      mode,
      ...period,
      // One test client submits everything: no burst flags from its single source.
      settings: { burstThreshold: 1000, rateLimitPerWindow: 1000 },
      ...extra,
    },
  });
  expect(data.createCampaign.__typename).toBe('MutationCreateCampaignSuccess');
};
await create('BREAKDOWN-DOSSIER', 'AFTER_DOSSIER', { scope: { procedureCodes: [fx.procedureCode] } });
await create('BREAKDOWN-SAMPLE', 'SAMPLE');
const sample = await tnAdmin.query(SAMPLE, {
  campaignCode: 'BREAKDOWN-SAMPLE',
  count: 70,
  agencyCode: 'TN-STP',
});
const tokens: string[] = sample.data.issueSampleTokens.data.tokens.map((t: { token: string }) => t.token);
for (const [i, token] of tokens.entries()) {
  const { data } = await anonymous.query(SUBMIT, {
    input: {
      token,
      idempotencyKey: `breakdown-sample-${String(i).padStart(3, '0')}`,
      answers: i === 5 || i === 6 ? Array(22).fill(i === 5 ? 5 : 1) : answersFor(i),
      gender: i < 3 ? 'OTHER' : genders[i % 2],
      ageBand: ageBands[i % 3],
      education: i % 4 === 0 ? 'university' : 'secondary',
      ...(i === 7 ? { startedAt: new Date(Date.now() - 5_000).toISOString() } : {}),
    },
  });
  expect(data.submitSurveyResponse.__typename).toBe('MutationSubmitSurveyResponseSuccess');
}
for (const [i, rowId] of fx.returnedDossiers.entries()) {
  // Half of the tokens are issued by the dossier's global ID, half by its row number: both name it.
  const { provinceUnitId } = await db
    .selectFrom('dossier')
    .select('provinceUnitId')
    .where('id', '=', rowId)
    .executeTakeFirstOrThrow();
  const dossierId = i % 2 === 0 ? encodeGlobalID('Dossier', `${provinceUnitId}-${rowId}`) : rowId;
  const { data } = await tnOfficer.query(ISSUE, { dossierId });
  expect(data.issueSurveyToken.data.token).toEqual(expect.any(String));
  const submitted = await anonymous.query(SUBMIT, {
    input: {
      token: data.issueSurveyToken.data.token,
      idempotencyKey: `breakdown-dossier-${i}`,
      answers: answersFor(100 + i),
    },
  });
  expect(submitted.data.submitSurveyResponse.__typename).toBe('MutationSubmitSurveyResponseSuccess');
}

const raw = await db
  .selectFrom('surveyResponse')
  .select(['answers', 'weight', 'gender', 'ageBand', 'procedureFieldId', 'procedureId', 'qualityFlags'])
  .execute();
const tn = { unit: '19', year };

describe('responses remember their procedure', () => {
  it('copies the procedure and its field from the token issued for the dossier, and nothing else', async () => {
    const linked = raw.filter((r) => r.procedureId !== null);
    expect(linked).toHaveLength(6);
    const field = await db
      .selectFrom('procedure')
      .select('fieldId')
      .where('code', '=', fx.procedureCode)
      .executeTakeFirstOrThrow();
    expect(new Set(linked.map((r) => r.procedureFieldId))).toEqual(new Set([field.fieldId]));
    expect(raw.filter((r) => r.procedureFieldId !== null)).toHaveLength(6);
  });
});

describe('indexBreakdown by respondent attribute and procedure field', () => {
  it('equals scoring the raw answers of each gender; the small group is withheld from the public, n shown', async () => {
    const asAdmin = await tnAdmin.query(BREAKDOWN, { ...tn, by: 'GENDER' });
    const breakdown = asAdmin.data.indexBreakdown;
    expect(breakdown).toMatchObject({ __typename: 'IndexBreakdown', by: 'GENDER', valuesRevealed: true });
    expect(breakdown.groups.map((g: { key: string }) => g.key)).toEqual(['female', 'male', 'other']);
    for (const group of breakdown.groups) {
      const direct = scoreResponses(
        SIPAS_2017,
        raw.filter((r) => r.gender === group.key),
      );
      expect(group.overall.n).toBe(direct.n);
      expect(group.overall.value).toBeCloseTo(direct.value!, 9);
      direct.dimensions.forEach((d, i) => {
        expect(group.dimensions[i].value).toBeCloseTo(d.value!, 9);
      });
    }
    expect(breakdown.groups.find((g: { key: string }) => g.key === 'female')).toMatchObject({
      label: 'Nữ',
      labelEn: 'Female',
    });

    const { data } = await anonymous.query(BREAKDOWN, { ...tn, by: 'GENDER' });
    const groups = new Map(data.indexBreakdown.groups.map((g: { key: string }) => [g.key, g]));
    expect(groups.get('other')).toMatchObject({
      withheld: 'SMALL_SAMPLE',
      overall: { value: null, n: 3, withheld: 'SMALL_SAMPLE' },
    });
    // Only one small group: the smallest shown group is withheld too, so the total cannot give it away.
    expect(groups.get('female')).toMatchObject({
      withheld: 'COMPLEMENTARY',
      overall: { value: null, n: 33 },
    });
    expect(groups.get('male')).toMatchObject({ withheld: null, overall: { n: 34 } });
  });

  it('breaks down by age band and by procedure field (named), each group equal to scoring its raw answers', async () => {
    const age = (await tnAdmin.query(BREAKDOWN, { ...tn, by: 'AGE_BAND' })).data.indexBreakdown;
    expect(age.groups.map((g: { key: string }) => g.key)).toEqual(ageBands);
    for (const group of age.groups) {
      const direct = scoreResponses(
        SIPAS_2017,
        raw.filter((r) => r.ageBand === group.key),
      );
      expect(group.overall).toMatchObject({ n: direct.n });
      expect(group.overall.value).toBeCloseTo(direct.value!, 9);
    }
    const fields = (await tnAdmin.query(BREAKDOWN, { ...tn, by: 'PROCEDURE_FIELD' })).data.indexBreakdown;
    expect(fields.groups).toHaveLength(1);
    const direct = scoreResponses(
      SIPAS_2017,
      raw.filter((r) => r.procedureFieldId !== null),
    );
    expect(fields.groups[0]).toMatchObject({ label: 'Hộ tịch', labelEn: 'Civil status', overall: { n: 6 } });
    expect(fields.groups[0].overall.value).toBeCloseTo(direct.value!, 9);
  });

  it('counts each quality flag kind, and leaves flagged responses out when asked', async () => {
    const flags = (await tnAdmin.query(BREAKDOWN, { ...tn, by: 'QUALITY_FLAG' })).data.indexBreakdown;
    expect(flags.groups.map((g: { key: string; overall: { n: number } }) => [g.key, g.overall.n])).toEqual([
      ['straight_lining', 2],
      ['too_fast', 1],
    ]);
    const clean = (await tnAdmin.query(BREAKDOWN, { ...tn, by: 'GENDER', excludeFlagged: true })).data
      .indexBreakdown;
    for (const group of clean.groups) {
      const direct = scoreResponses(
        SIPAS_2017,
        raw.filter((r) => r.gender === group.key && r.qualityFlags.length === 0),
      );
      expect(group.overall.n).toBe(direct.n);
      expect(group.overall.value).toBeCloseTo(direct.value!, 9);
    }
  });

  it('refuses an attribute breakdown of a single agency, with the argument path in both languages', async () => {
    const { data } = await tnAdmin.query(BREAKDOWN, { ...tn, by: 'GENDER', agency: 'TN-STP' });
    expect(data.indexBreakdown).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [
        { path: ['agency'], message: expect.stringMatching(/cơ quan/), messageEn: expect.any(String) },
      ],
    });
  });
});

describe('indexReport and quality flags', () => {
  it('shows flagged responses per kind and the effect of leaving them out, equal to scoring the raw answers', async () => {
    const all = raw;
    const unflagged = raw.filter((r) => r.qualityFlags.length === 0);
    const withAll = scoreResponses(SIPAS_2017, all);
    const without = scoreResponses(SIPAS_2017, unflagged);

    const { data } = await anonymous.query(REPORT, tn);
    const report = data.indexReport;
    expect(report.overall.n).toBe(76);
    expect(report.overall.value).toBeCloseTo(withAll.value!, 9);
    expect(report.quality).toMatchObject({
      excludeFlagged: false,
      flaggedResponses: 3,
      kinds: [
        { kind: 'straight_lining', responses: 2 },
        { kind: 'too_fast', responses: 1 },
      ],
      withFlagged: { n: 76 },
      withoutFlagged: { n: 73 },
    });
    expect(report.quality.withFlagged.value).toBeCloseTo(withAll.value!, 9);
    expect(report.quality.withoutFlagged.value).toBeCloseTo(without.value!, 9);
    expect(report.quality.difference).toBeCloseTo(without.value! - withAll.value!, 9);

    const excluded = (await anonymous.query(REPORT, { ...tn, excludeFlagged: true })).data.indexReport;
    expect(excluded.quality.excludeFlagged).toBe(true);
    expect(excluded.overall.n).toBe(73);
    expect(excluded.overall.value).toBeCloseTo(without.value!, 9);
    expect(excluded.overall.ciLow).toBeCloseTo(without.ciLow, 9);
    without.items.forEach((item, i) => {
      expect(excluded.items[i].code).toBe(item.code);
      expect(excluded.items[i].n).toBe(item.n);
      expect(excluded.items[i].value).toBeCloseTo(item.value!, 9);
    });
    // Coverage counts every response collected.
    expect(excluded.coverage.responded).toBe(76);

    // An agency's report reads the agency's cells, flagged apart (kinds are kept per unit only).
    const agency = (await anonymous.query(REPORT, { ...tn, agency: 'TN-STP', excludeFlagged: true })).data
      .indexReport;
    expect(agency.overall.n).toBe(73);
    expect(agency.overall.value).toBeCloseTo(without.value!, 9);
    expect(agency.quality).toMatchObject({ flaggedResponses: 3, kinds: null });

    const ranking = async (excludeFlagged: boolean) =>
      (await anonymous.query(RANKING, { year, excludeFlagged })).data.ranking.entries.find(
        (e: { unit: { code: string } }) => e.unit.code === '19',
      );
    expect(await ranking(false)).toMatchObject({ n: 76 });
    expect((await ranking(true)).n).toBe(73);
    expect((await ranking(true)).value).toBeCloseTo(without.value!, 9);
  });

  it('reads rollups only on every new path: no statement touches survey_response, not even in its plan', async () => {
    const captured: RootOperationNode[] = [];
    const capture: KyselyPlugin = {
      transformQuery: ({ node }) => {
        captured.push(node);
        return node;
      },
      transformResult: async ({ result }) => result,
    };
    const spied = await createTestApi(db.withPlugin(capture) as DB);
    const operations: [string, Record<string, unknown>][] = [
      [REPORT, { ...tn, excludeFlagged: true }],
      [REPORT, { ...tn, agency: 'TN-STP', excludeFlagged: true }],
      ...['GENDER', 'AGE_BAND', 'EDUCATION', 'PROCEDURE_FIELD', 'QUALITY_FLAG', 'MONTH'].map(
        (by): [string, Record<string, unknown>] => [BREAKDOWN, { ...tn, by, excludeFlagged: true }],
      ),
      [RANKING, { year, excludeFlagged: true }],
    ];
    for (const [query, variables] of operations) {
      captured.length = 0;
      const { errors } = await spied.query(query, variables);
      expect(errors).toBeUndefined();
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
      expect(rollupStatements).toBeGreaterThanOrEqual(1);
    }
  });
});
