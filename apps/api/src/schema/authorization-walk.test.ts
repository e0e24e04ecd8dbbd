import { randomUUID } from 'node:crypto';
import { createTestDatabase } from '@chiso/testing';
import { encodeGlobalID } from '@pothos/plugin-relay';
import {
  type GraphQLField,
  type GraphQLObjectType,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { viewerWithGrants } from '../modules/accounts/access.js';
import { createTestApi, type TestApi } from '../test/graphql.js';
import { viewerFor } from '../test/viewers.js';
import { schema } from './index.js';

/**
 * Authorization on every node and edge (OWASP GraphQL cheat sheet), walked from the schema: every query field and
 * every type reachable through `node(id:)` has a rule in the tables below, so a new field or Node type without one
 * fails here. Each is asked by six viewers — anonymous, an API key, an officer of agency A (the demo's justice
 * department), an analyst of the demo province, a unit admin of another province, a system admin — and the answer
 * must match the rule: what a viewer may read comes back with data; anything else is refused (FORBIDDEN, as a
 * top-level error or a typed ForbiddenError) or comes back null, empty or NOT_FOUND, never with the data. Every
 * field of a Node type without required arguments is selected too: whoever may read the node reads every edge of
 * it without an error; whoever may not gets null from `node` and `nodes`.
 */
const { db } = await createTestDatabase({ demo: true });

const one = <T>(rows: T[]) => {
  if (rows.length === 0) throw new Error('fixture row missing');
  return rows[0]!;
};
const backan = one(
  await db
    .selectFrom('administrativeUnit')
    .select('id')
    .where('code', '=', '06')
    .where('levelCode', '=', 'PROVINCE')
    .orderBy('validFrom', 'desc')
    .execute(),
).id;
const hanoi = one(
  await db
    .selectFrom('administrativeUnit')
    .select('id')
    .where('code', '=', '01')
    .where('levelCode', '=', 'PROVINCE')
    .orderBy('validFrom', 'desc')
    .execute(),
).id;
const stp = one(
  await db.selectFrom('agency').select(['id', 'unitId']).where('code', '=', 'BKN-STP').execute(),
);

const officer = await viewerFor(db, 'officer@walk.vn', [{ role: 'officer', unitId: null, agencyId: stp.id }]);
const VIEWERS = {
  anonymous: undefined,
  api_key: viewerWithGrants(
    { userId: null, apiKeyId: '1', apiKeyScopes: ['read:reports', 'read:catalog'] },
    [],
  ),
  officer_a: officer,
  analyst: await viewerFor(db, 'analyst@walk.vn', [{ role: 'analyst', unitId: backan, agencyId: null }]),
  unit_admin_other: await viewerFor(db, 'admin-hn@walk.vn', [
    { role: 'unit_admin', unitId: hanoi, agencyId: null },
  ]),
  system_admin: await viewerFor(db, 'sys@walk.vn', [{ role: 'system_admin', unitId: null, agencyId: null }]),
} as const;
type ViewerName = keyof typeof VIEWERS;
const NAMES = Object.keys(VIEWERS) as ViewerName[];
const apis = {} as Record<ViewerName, TestApi>;
for (const name of NAMES) {
  const viewer = VIEWERS[name];
  apis[name] = await createTestApi(db, viewer ? { viewer } : {});
}

// Fixtures the samples point at: a dossier of agency A, feedback with a contact at agency A, a service point, a
// frozen (unpublished) index snapshot of the demo province.
const dossier = one(
  await db
    .selectFrom('dossier')
    .select(['provinceUnitId', 'id'])
    .where('agencyId', '=', stp.id)
    .orderBy('id')
    .limit(1)
    .execute(),
);
const dossierKey = `${dossier.provinceUnitId}-${dossier.id}`;
const dossierGid = encodeGlobalID('Dossier', dossierKey);
const submitted = await apis.anonymous.query(
  `mutation($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { __typename } }`,
  {
    input: {
      subject: 'AGENCY',
      agencyCode: 'BKN-STP',
      title: 'Chờ lâu',
      body: 'Tôi phải chờ rất lâu tại bộ phận một cửa của sở.',
      anonymous: false,
      contact: { name: 'Hà', phone: '0912000111' },
      consent: true,
      idempotencyKey: randomUUID(),
    },
  },
);
expect(submitted.data?.submitFeedback.__typename).toBe('MutationSubmitFeedbackSuccess');
const feedback = one(
  await db
    .selectFrom('feedback')
    .select(['provinceUnitId', 'id', 'code'])
    .where('contactEnc', 'is not', null)
    .execute(),
);
const feedbackCode = feedback.code;
const feedbackGid = encodeGlobalID('Feedback', `${feedback.provinceUnitId}:${feedback.id}`);
const servicePoint = (
  await db
    .insertInto('agencyServicePoint')
    .values({ agencyId: stp.id, nameVi: 'Bộ phận một cửa', channel: 'in_person' })
    .returning('id')
    .executeTakeFirstOrThrow()
).id;
const frozen = await apis.system_admin.query(
  `mutation { freezeIndexSnapshot(unit: "06", year: 2019) { __typename ... on Error { code } } }`,
);
expect(frozen.errors).toBeUndefined();
const snapshot = one(await db.selectFrom('indexSnapshot').select('id').execute()).id;
const campaign = one(await db.selectFrom('campaign').select(['id', 'code']).execute());
const instrument = one(await db.selectFrom('instrument').select('id').execute()).id;
const procedure = one(await db.selectFrom('procedure').select(['id', 'code']).orderBy('id').execute());

type Rule =
  /** Anyone, the same answer for everyone, never refused. */
  | { access: 'public'; args?: string; noData?: string }
  /** The viewer's own data: any signed-in person; anonymous callers and API keys are refused. */
  | { access: 'self'; args?: string }
  /** Only the listed viewers read data; the others are refused, or get null or nothing. */
  | { access: 'scoped' | 'admin'; args?: string; allowed: ViewerName[] }
  /** Walked type by type in the Node test below. */
  | { access: 'node' };

const SIGNED_IN: ViewerName[] = ['officer_a', 'analyst', 'unit_admin_other', 'system_admin'];

/** Every query field, classified. */
const QUERY_RULES: Record<string, Rule> = {
  agencies: { access: 'public' },
  agency: { access: 'public', args: '(code: "BKN-STP")' },
  platform: { access: 'public' },
  levels: { access: 'public' },
  units: { access: 'public', args: '(level: PROVINCE)' },
  unit: { access: 'public', args: '(code: "06", asOf: "2019-06-01")' },
  unitHistory: { access: 'public', args: '(code: "06")' },
  workCalendar: {
    access: 'public',
    args: `(unitId: "${encodeGlobalID('AdministrativeUnit', backan)}", year: 2019)`,
  },
  procedures: { access: 'public' },
  procedureFields: { access: 'public' },
  procedure: { access: 'public', args: `(code: "${procedure.code}")` },
  instruments: { access: 'public' },
  instrument: { access: 'public', args: '(code: "SIPAS")' },
  campaign: { access: 'public', args: `(code: "${campaign.code}")` },
  serviceIndex: {
    access: 'public',
    args: `(date: "2019-12-31", period: YEAR, unitId: "${encodeGlobalID('AdministrativeUnit', backan)}")`,
  },
  indexReport: { access: 'public', args: '(unit: "06", year: 2019)' },
  indexBreakdown: { access: 'public', args: '(unit: "06", year: 2019, by: AGENCY)' },
  ranking: { access: 'public', args: '(level: PROVINCE, year: 2019)' },
  publishedResults: { access: 'public', args: '(index: SIPAS)' },
  unitIndexHistory: { access: 'public', args: '(unit: "06")' },
  // Published snapshots are public; a frozen, unpublished one only for those who may see small groups.
  indexSnapshots: { access: 'scoped', args: '(unit: "06")', allowed: ['analyst', 'system_admin'] },
  publishedFeedback: { access: 'public', noData: 'the demo publishes no feedback answers' },
  feedbackStatus: { access: 'public', args: `(code: "${feedbackCode}")` },
  dossierStatus: { access: 'public', args: '(receiptCode: "BKN-STP-190102-0001", pin: "246810")' },
  surveyByToken: { access: 'public', args: '(token: "not-a-token")', noData: 'a token opens one form, once' },
  me: { access: 'self' },
  apiKeys: { access: 'self' },
  dossier: { access: 'scoped', args: `(id: "${dossierGid}")`, allowed: ['officer_a', 'system_admin'] },
  dossierQueue: {
    access: 'scoped',
    args: `(agencyId: "${encodeGlobalID('Agency', stp.id)}", states: [RETURNED])`,
    allowed: ['officer_a', 'system_admin'],
  },
  timelinessReport: {
    access: 'scoped',
    args: `(from: "2019-01-01", to: "2019-12-31", groupBy: AGENCY, unitId: "${encodeGlobalID('AdministrativeUnit', backan)}")`,
    allowed: ['analyst', 'system_admin'],
  },
  // The campaigns of the units a viewer administers or follows: another province's admin and officers see none.
  campaigns: { access: 'scoped', allowed: ['analyst', 'system_admin'] },
  campaignCoverage: {
    access: 'scoped',
    args: `(campaignCode: "${campaign.code}", groupBy: [AGENCY])`,
    allowed: ['analyst', 'system_admin'],
  },
  feedback: { access: 'scoped', args: `(id: "${feedbackGid}")`, allowed: ['officer_a', 'system_admin'] },
  feedbackContact: {
    access: 'scoped',
    args: `(id: "${feedbackGid}")`,
    allowed: ['officer_a', 'system_admin'],
  },
  feedbackInbox: {
    access: 'scoped',
    args: '(agencyCode: "BKN-STP")',
    allowed: ['officer_a', 'system_admin'],
  },
  auditLog: { access: 'admin', allowed: ['system_admin'] },
  personalData: { access: 'admin', args: '(phone: "0912000111")', allowed: ['system_admin'] },
  node: { access: 'node' },
  nodes: { access: 'node' },
};

/** Every type that implements Node, with a sample object and who may read it. */
const NODE_RULES: Record<string, { id: string; access: 'public' } | { id: string; allowed: ViewerName[] }> = {
  AdministrativeUnit: { id: backan, access: 'public' },
  Agency: { id: stp.id, access: 'public' },
  ServicePoint: { id: servicePoint, access: 'public' },
  Procedure: { id: procedure.id, access: 'public' },
  Instrument: { id: instrument, access: 'public' },
  Campaign: { id: campaign.id, access: 'public' },
  IndexSnapshot: { id: snapshot, allowed: ['analyst', 'system_admin'] },
  Dossier: { id: dossierKey, allowed: ['officer_a', 'system_admin'] },
  User: { id: officer.userId!, allowed: ['officer_a', 'system_admin'] },
};

type Outcome = 'DATA' | 'FORBIDDEN' | 'NULL' | 'EMPTY' | `ERROR:${string}` | `TYPED:${string}`;
/** Refusals: FORBIDDEN, or nothing (null, empty, or NOT_FOUND where existence itself must not leak). */
const DENIED: Outcome[] = ['FORBIDDEN', 'NULL', 'EMPTY', 'TYPED:NotFoundError'];

function outcomeOf(result: Awaited<ReturnType<TestApi['query']>>, field: string): Outcome {
  const error = result.errors?.[0];
  if (error) {
    const code = String(error.extensions?.code ?? 'NONE');
    return code === 'FORBIDDEN' ? 'FORBIDDEN' : `ERROR:${code}`;
  }
  const value = (result.data as Record<string, unknown> | null | undefined)?.[field];
  if (value === null || value === undefined) return 'NULL';
  if (Array.isArray(value)) return value.length > 0 ? 'DATA' : 'EMPTY';
  if (typeof value === 'object') {
    const typename = String((value as { __typename?: string }).__typename ?? '');
    if (typename === 'ForbiddenError') return 'FORBIDDEN';
    if (typename.endsWith('Error')) return `TYPED:${typename}`;
    const edges = (value as { edges?: unknown[] }).edges;
    if (Array.isArray(edges)) return edges.length > 0 ? 'DATA' : 'EMPTY';
  }
  return 'DATA';
}

function selectionFor(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  if (!isCompositeType(named)) return '';
  if (isObjectType(named) && named.getFields().edges) return '{ __typename edges { cursor } }';
  return '{ __typename }';
}

const queryFields = schema.getQueryType()!.getFields();

describe('authorization walk', () => {
  it('classifies every query field and every Node type (a new one needs a rule)', () => {
    expect(Object.keys(QUERY_RULES).sort()).toEqual(Object.keys(queryFields).sort());
    const nodeTypes = Object.values(schema.getTypeMap())
      .filter((type): type is GraphQLObjectType => isObjectType(type))
      .filter((type) => type.getInterfaces().some((i) => i.name === 'Node'))
      .map((type) => type.name);
    expect(Object.keys(NODE_RULES).sort()).toEqual(nodeTypes.sort());
    // Required arguments have samples.
    for (const [name, field] of Object.entries(queryFields)) {
      const rule = QUERY_RULES[name]!;
      if (rule.access === 'node') continue;
      const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
      for (const arg of required) expect(rule.args ?? '', `${name}(${arg.name})`).toContain(`${arg.name}:`);
    }
  });

  const fieldCases = Object.entries(QUERY_RULES).filter(([, rule]) => rule.access !== 'node');
  it.each(fieldCases)('Query.%s answers each viewer by its rule', async (name, rule) => {
    if (rule.access === 'node') return;
    const document = `query { ${name}${rule.args ?? ''} ${selectionFor(queryFields[name]!)} }`;
    const outcomes = {} as Record<ViewerName, Outcome>;
    for (const viewer of NAMES) outcomes[viewer] = outcomeOf(await apis[viewer].query(document), name);
    for (const viewer of NAMES) {
      const outcome = outcomes[viewer];
      expect(outcome, `${viewer}: never an unexpected error`).not.toMatch(/^ERROR:(?!FORBIDDEN)/);
      if (rule.access === 'public') {
        expect(outcome, `${viewer} reads a public field`).not.toBe('FORBIDDEN');
        expect(outcome, `${viewer} gets what everyone gets`).toBe(outcomes.anonymous);
      } else if (rule.access === 'self') {
        if (SIGNED_IN.includes(viewer)) expect(outcome, viewer).not.toBe('FORBIDDEN');
        else expect(DENIED, viewer).toContain(outcome);
      } else if (rule.allowed.includes(viewer)) {
        expect(outcome, `${viewer} may read`).toBe('DATA');
      } else {
        expect(DENIED, `${viewer} is refused`).toContain(outcome);
      }
    }
    // The sample reaches data for somebody, so the refusals above mean something.
    if (!('noData' in rule && rule.noData)) {
      expect(Object.values(outcomes)).toContain(rule.access === 'self' ? outcomes.system_admin : 'DATA');
    }
  });

  it.each(Object.entries(NODE_RULES))(
    'node(id:) of a %s, and its edges, answer each viewer by its rule',
    async (type, rule) => {
      const objectType = schema.getType(type) as GraphQLObjectType;
      // Every field without required arguments: scalars as they are, edges by their __typename.
      const fields = Object.values(objectType.getFields())
        .filter((field) => !field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined))
        .map((field) => {
          const named = getNamedType(field.type);
          if (!isCompositeType(named)) return field.name;
          return isInterfaceType(named) || !isObjectType(named) || !named.getFields().edges
            ? `${field.name} { __typename }`
            : `${field.name} { __typename edges { cursor } }`;
        });
      const gid = encodeGlobalID(type, rule.id);
      const document = `query($id: ID!) { node(id: $id) { __typename ... on ${type} { ${fields.join(' ')} } } }`;
      for (const viewer of NAMES) {
        const result = await apis[viewer].query(document, { id: gid });
        const allowed = 'access' in rule || rule.allowed.includes(viewer);
        if (allowed) {
          expect(result.errors, `${viewer} reads every edge of ${type}`).toBeUndefined();
          expect(result.data?.node?.__typename).toBe(type);
        } else {
          expect(result.data?.node ?? null, `${viewer} sees no ${type}`).toBeNull();
          for (const error of result.errors ?? []) expect(error.extensions?.code).toBe('FORBIDDEN');
        }
        const many = await apis[viewer].query('query($ids: [ID!]!) { nodes(ids: $ids) { __typename } }', {
          ids: [gid],
        });
        expect(many.data?.nodes?.[0]?.__typename ?? null).toBe(allowed ? type : null);
      }
    },
  );
});
