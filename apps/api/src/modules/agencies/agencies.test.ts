import { createTestDatabase } from '@chiso/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../../test/graphql.js';
import { globalId, provinceId, viewerFor } from '../../test/viewers.js';

const { db } = await createTestDatabase();
const anonymous = await createTestApi(db);
let admin: TestApi;
let bacKanAdmin: TestApi;
let haNoiAdmin: TestApi;
let officer: TestApi;
let analyst: TestApi;
let bacKan: string;
let haNoi: string;

const AGENCY_FIELDS = `id code kind name nameEn shortName receiptPrefix validFrom validTo retired isDemo address phone email website
  unit { code name } parent { code } children { code } servicePoints { id name channel address url openingHours }`;

const CREATE = `mutation Create($input: CreateAgencyInput!) { createAgency(input: $input) {
  __typename
  ... on Error { code message messageEn }
  ... on ValidationError { fieldErrors { path message messageEn } }
  ... on MutationCreateAgencySuccess { data { ${AGENCY_FIELDS} } }
} }`;

function agencyInput(code: string, overrides: Record<string, unknown> = {}) {
  return {
    code,
    kind: 'DEPARTMENT',
    name: `Sở thử nghiệm ${code}`,
    nameEn: `Test department ${code}`,
    unit: globalId('AdministrativeUnit', bacKan),
    receiptPrefix: code.toUpperCase(),
    validFrom: '2019-01-01',
    ...overrides,
  };
}

async function auditCount() {
  const row = await db
    .selectFrom('auditLog')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  bacKan = await provinceId(db, '06');
  haNoi = await provinceId(db, '01');
  admin = await createTestApi(db, {
    viewer: await viewerFor(db, 'sys@example.vn', [{ role: 'system_admin', unitId: null, agencyId: null }]),
  });
  bacKanAdmin = await createTestApi(db, {
    viewer: await viewerFor(db, 'bk@example.vn', [{ role: 'unit_admin', unitId: bacKan, agencyId: null }]),
  });
  haNoiAdmin = await createTestApi(db, {
    viewer: await viewerFor(db, 'hn@example.vn', [{ role: 'unit_admin', unitId: haNoi, agencyId: null }]),
  });
  const center = await admin.query(CREATE, {
    input: agencyInput('BK-TT', { kind: 'SERVICE_CENTER', shortName: 'TTPVHCC' }),
  });
  expect(center.data.createAgency.__typename).toBe('MutationCreateAgencySuccess');
  const stp = await admin.query(CREATE, {
    input: agencyInput('BK-STP', { parent: 'BK-TT', name: 'Sở Tư pháp' }),
  });
  const stpId = Buffer.from(stp.data.createAgency.data.id, 'base64').toString().split(':')[1]!;
  officer = await createTestApi(db, {
    viewer: await viewerFor(db, 'officer@example.vn', [{ role: 'officer', unitId: null, agencyId: stpId }]),
  });
  analyst = await createTestApi(db, {
    viewer: await viewerFor(db, 'analyst@example.vn', [{ role: 'analyst', unitId: bacKan, agencyId: null }]),
  });
});

describe('createAgency', () => {
  it('creates an agency under a parent, with an audit entry', async () => {
    const before = await auditCount();
    const { data } = await bacKanAdmin.query(CREATE, {
      input: agencyInput('BK-SYT', {
        parent: 'BK-TT',
        name: 'Sở Y tế',
        shortName: 'SYT',
        email: 'syt@backan.gov.vn',
        website: 'https://syt.backan.gov.vn',
        validFrom: '2019-01-01',
      }),
    });
    expect(data.createAgency.__typename).toBe('MutationCreateAgencySuccess');
    expect(data.createAgency.data).toMatchObject({
      code: 'BK-SYT',
      kind: 'DEPARTMENT',
      name: 'Sở Y tế',
      shortName: 'SYT',
      validFrom: '2019-01-01',
      validTo: null,
      retired: false,
      unit: { code: '06', name: 'Bắc Kạn' },
      parent: { code: 'BK-TT' },
      children: [],
      servicePoints: [],
    });
    expect(await auditCount()).toBe(before + 1);
    const audit = await db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'agency.create')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ entity: 'agency', unitId: bacKan });
  });

  it('reports every invalid field with its path, in both languages', async () => {
    const { data } = await admin.query(CREATE, {
      input: agencyInput('x', { name: ' ', receiptPrefix: 'bad prefix', email: 'not-an-email' }),
    });
    expect(data.createAgency.__typename).toBe('ValidationError');
    const paths = data.createAgency.fieldErrors.map((e: { path: string[] }) => e.path.join('.'));
    expect(paths.sort()).toEqual(['input.code', 'input.email', 'input.name', 'input.receiptPrefix']);
    for (const error of data.createAgency.fieldErrors) {
      expect(error.message).toBeTruthy();
      expect(error.messageEn).toBeTruthy();
    }
  });

  it('refuses a duplicate code with a ConflictError', async () => {
    const { data } = await admin.query(CREATE, { input: agencyInput('BK-TT') });
    expect(data.createAgency).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
  });

  it.each([
    ['a unit admin of another province', () => haNoiAdmin],
    ['an officer', () => officer],
    ['an analyst', () => analyst],
    ['an anonymous visitor', () => anonymous],
  ])('is forbidden to %s, and writes nothing', async (_who, api) => {
    const before = await auditCount();
    const { data } = await api().query(CREATE, { input: agencyInput('BK-NEW') });
    expect(data.createAgency).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    expect(await auditCount()).toBe(before);
    const row = await db.selectFrom('agency').select('id').where('code', '=', 'BK-NEW').executeTakeFirst();
    expect(row).toBeUndefined();
  });
});

const UPDATE = `mutation Update($code: String!, $input: UpdateAgencyInput!) { updateAgency(code: $code, input: $input) {
  __typename ... on Error { code } ... on ValidationError { fieldErrors { path } }
  ... on MutationUpdateAgencySuccess { data { code name phone } } } }`;

describe('updateAgency', () => {
  it('changes only the fields sent', async () => {
    const { data } = await bacKanAdmin.query(UPDATE, { code: 'BK-STP', input: { phone: '0209 3870 000' } });
    expect(data.updateAgency.data).toEqual({ code: 'BK-STP', name: 'Sở Tư pháp', phone: '0209 3870 000' });
  });

  it('is forbidden to an officer and to the admin of another province', async () => {
    for (const api of [officer, haNoiAdmin, analyst, anonymous]) {
      const { data } = await api.query(UPDATE, { code: 'BK-STP', input: { name: 'Đổi tên' } });
      expect(data.updateAgency.__typename).toBe('ForbiddenError');
    }
    const row = await db
      .selectFrom('agency')
      .select('nameVi')
      .where('code', '=', 'BK-STP')
      .executeTakeFirstOrThrow();
    expect(row.nameVi).toBe('Sở Tư pháp');
  });

  it('answers an unknown code with NotFoundError to an admin', async () => {
    const { data } = await admin.query(UPDATE, { code: 'NOPE', input: { phone: '1' } });
    expect(data.updateAgency).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
  });
});

const MOVE = `mutation Move($code: String!, $parent: String, $unit: ID) { moveAgency(code: $code, parent: $parent, unit: $unit) {
  __typename ... on Error { code message messageEn } ... on ValidationError { fieldErrors { path } }
  ... on MutationMoveAgencySuccess { data { code parent { code } unit { code } } } } }`;

const RETIRE = `mutation Retire($code: String!, $on: Date) { retireAgency(code: $code, on: $on) {
  __typename ... on Error { code message messageEn } ... on ValidationError { fieldErrors { path } }
  ... on MutationRetireAgencySuccess { data { code validTo retired } } } }`;

describe('moveAgency and retireAgency', () => {
  it('moves an agency to another parent and back to the top level', async () => {
    await admin.query(CREATE, { input: agencyInput('BK-A') });
    await admin.query(CREATE, { input: agencyInput('BK-B', { parent: 'BK-A' }) });
    await admin.query(CREATE, { input: agencyInput('BK-C', { parent: 'BK-B' }) });
    const moved = await bacKanAdmin.query(MOVE, { code: 'BK-C', parent: 'BK-A' });
    expect(moved.data.moveAgency.data).toEqual({
      code: 'BK-C',
      parent: { code: 'BK-A' },
      unit: { code: '06' },
    });
    const top = await bacKanAdmin.query(MOVE, { code: 'BK-C', parent: null });
    expect(top.data.moveAgency.data.parent).toBeNull();
    await bacKanAdmin.query(MOVE, { code: 'BK-C', parent: 'BK-B' });
  });

  it('refuses a cycle (under itself or under a descendant) with a ConflictError', async () => {
    for (const parent of ['BK-A', 'BK-C']) {
      const { data } = await admin.query(MOVE, { code: 'BK-A', parent });
      expect(data.moveAgency).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
      expect(data.moveAgency.messageEn).toContain('Cannot move BK-A');
    }
    const row = await db
      .selectFrom('agency')
      .select('parentId')
      .where('code', '=', 'BK-A')
      .executeTakeFirstOrThrow();
    expect(row.parentId).toBeNull();
  });

  it('moves to another province only for those who administer both', async () => {
    const denied = await bacKanAdmin.query(MOVE, {
      code: 'BK-C',
      unit: globalId('AdministrativeUnit', haNoi),
    });
    expect(denied.data.moveAgency.__typename).toBe('ForbiddenError');
    const allowed = await admin.query(MOVE, { code: 'BK-C', unit: globalId('AdministrativeUnit', haNoi) });
    expect(allowed.data.moveAgency.data.unit).toEqual({ code: '01' });
    // Now in Hà Nội: the Bắc Kạn admin no longer manages it, the Hà Nội admin does.
    const hn = await haNoiAdmin.query(RETIRE, { code: 'BK-C', on: '2026-01-01' });
    expect(hn.data.retireAgency.data).toMatchObject({ code: 'BK-C', validTo: '2026-01-01' });
  });

  it('refuses to retire an agency with active children, then retires it once they are gone', async () => {
    await admin.query(CREATE, { input: agencyInput('BK-D', { parent: 'BK-A' }) });
    const refused = await bacKanAdmin.query(RETIRE, { code: 'BK-A', on: '2026-01-01' });
    expect(refused.data.retireAgency).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
    expect(refused.data.retireAgency.messageEn).toContain('BK-B, BK-D');
    await bacKanAdmin.query(RETIRE, { code: 'BK-B', on: '2026-01-01' });
    await bacKanAdmin.query(MOVE, { code: 'BK-D', parent: 'BK-TT' });
    const retired = await bacKanAdmin.query(RETIRE, { code: 'BK-A', on: '2026-01-01' });
    expect(retired.data.retireAgency.data).toEqual({ code: 'BK-A', validTo: '2026-01-01', retired: true });
    const again = await bacKanAdmin.query(RETIRE, { code: 'BK-A' });
    expect(again.data.retireAgency.__typename).toBe('ConflictError');
  });

  it('validates the date of retirement', async () => {
    const { data } = await admin.query(RETIRE, { code: 'BK-D', on: '2026-02-30' });
    expect(data.retireAgency).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['on'] }],
    });
  });
});

const CREATE_POINT = `mutation P($agency: String!, $input: ServicePointInput!) { createServicePoint(agency: $agency, input: $input) {
  __typename ... on Error { code } ... on ValidationError { fieldErrors { path messageEn } }
  ... on MutationCreateServicePointSuccess { data { id name channel address url openingHours agency { code } } } } }`;

describe('service points', () => {
  it('creates, updates and deletes the places where citizens submit', async () => {
    const desk = await bacKanAdmin.query(CREATE_POINT, {
      agency: 'BK-STP',
      input: {
        name: 'Quầy Sở Tư pháp, Trung tâm Phục vụ hành chính công',
        channel: 'IN_PERSON',
        address: 'Tổ 1, phường Đức Xuân',
        openingHours: 'Thứ Hai–Thứ Sáu 07:00–11:30, 13:30–17:00',
      },
    });
    expect(desk.data.createServicePoint.data).toMatchObject({
      channel: 'IN_PERSON',
      agency: { code: 'BK-STP' },
    });
    const portal = await bacKanAdmin.query(CREATE_POINT, {
      agency: 'BK-STP',
      input: {
        name: 'Cổng dịch vụ công',
        channel: 'ONLINE',
        url: 'https://dichvucong.backan.gov.vn',
        ordinal: 2,
      },
    });
    expect(portal.data.createServicePoint.__typename).toBe('MutationCreateServicePointSuccess');

    const invalid = await bacKanAdmin.query(CREATE_POINT, {
      agency: 'BK-STP',
      input: { name: 'Online', channel: 'ONLINE' },
    });
    expect(invalid.data.createServicePoint).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'url'] }],
    });
    const forbidden = await officer.query(CREATE_POINT, {
      agency: 'BK-STP',
      input: { name: 'X', channel: 'POSTAL', address: 'Y' },
    });
    expect(forbidden.data.createServicePoint.__typename).toBe('ForbiddenError');

    const id = desk.data.createServicePoint.data.id;
    const updated = await bacKanAdmin.query(
      `mutation U($id: ID!) { updateServicePoint(id: $id, input: { openingHours: "Thứ Hai–Thứ Bảy" }) {
        __typename ... on MutationUpdateServicePointSuccess { data { openingHours address } } } }`,
      { id },
    );
    expect(updated.data.updateServicePoint.data).toEqual({
      openingHours: 'Thứ Hai–Thứ Bảy',
      address: 'Tổ 1, phường Đức Xuân',
    });

    const { data } = await anonymous.query(
      `{ agency(code: "BK-STP") { ... on Agency { servicePoints { name channel } } } }`,
    );
    expect(data.agency.servicePoints.map((p: { channel: string }) => p.channel)).toEqual([
      'IN_PERSON',
      'ONLINE',
    ]);

    const deleted = await bacKanAdmin.query(
      `mutation D($id: ID!) { deleteServicePoint(id: $id) { __typename ... on MutationDeleteServicePointSuccess { data { servicePoints { channel } } } } }`,
      { id },
    );
    expect(deleted.data.deleteServicePoint.data.servicePoints).toEqual([{ channel: 'ONLINE' }]);
  });
});

const AGENCIES = `query A($unitCode: String, $kind: AgencyKind, $parent: String, $includeRetired: Boolean, $search: String, $first: Int, $after: String) {
  agencies(unitCode: $unitCode, kind: $kind, parent: $parent, includeRetired: $includeRetired, search: $search, first: $first, after: $after) {
    totalCount edges { cursor node { code } } pageInfo { hasNextPage endCursor }
  } }`;

describe('agencies and agency', () => {
  const codes = (data: { agencies: { edges: { node: { code: string } }[] } }) =>
    data.agencies.edges.map((e) => e.node.code);

  it('lists agencies by code, hiding retired ones unless asked', async () => {
    const { data } = await anonymous.query(AGENCIES, { unitCode: '06' });
    expect(codes(data)).toEqual(['BK-D', 'BK-STP', 'BK-SYT', 'BK-TT']);
    const all = await anonymous.query(AGENCIES, { unitCode: '06', includeRetired: true });
    expect(codes(all.data)).toEqual(['BK-A', 'BK-B', 'BK-D', 'BK-STP', 'BK-SYT', 'BK-TT']);
  });

  it('filters by kind and parent, and searches names without diacritics', async () => {
    const centers = await anonymous.query(AGENCIES, { kind: 'SERVICE_CENTER' });
    expect(codes(centers.data)).toEqual(['BK-TT']);
    const children = await anonymous.query(AGENCIES, { parent: 'BK-TT' });
    expect(codes(children.data)).toEqual(['BK-D', 'BK-STP', 'BK-SYT']);
    const search = await anonymous.query(AGENCIES, { search: 'so tu phap' });
    expect(codes(search.data)[0]).toBe('BK-STP');
    const typo = await anonymous.query(AGENCIES, { search: 'Sở Y tê' });
    expect(codes(typo.data)[0]).toBe('BK-SYT');
  });

  it('pages with cursors and refuses pages over 100', async () => {
    const first = await anonymous.query(AGENCIES, { unitCode: '06', first: 2 });
    expect(codes(first.data)).toEqual(['BK-D', 'BK-STP']);
    expect(first.data.agencies.totalCount).toBe(4);
    expect(first.data.agencies.pageInfo.hasNextPage).toBe(true);
    const next = await anonymous.query(AGENCIES, {
      unitCode: '06',
      first: 2,
      after: first.data.agencies.pageInfo.endCursor,
    });
    expect(codes(next.data)).toEqual(['BK-SYT', 'BK-TT']);
    expect(next.data.agencies.pageInfo.hasNextPage).toBe(false);
    const tooMany = await anonymous.query(AGENCIES, { first: 101 });
    expect(tooMany.data).toEqual({ agencies: null });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ path: ['first'] }],
    });
  });

  it('finds one agency by code, or answers NotFoundError', async () => {
    const { data } = await anonymous.query(
      `{ agency(code: "BK-TT") { __typename ... on Agency { ${AGENCY_FIELDS} } } }`,
    );
    expect(data.agency).toMatchObject({
      __typename: 'Agency',
      kind: 'SERVICE_CENTER',
      shortName: 'TTPVHCC',
      children: [{ code: 'BK-D' }, { code: 'BK-STP' }, { code: 'BK-SYT' }],
    });
    const missing = await anonymous.query(
      `{ agency(code: "NOPE") { __typename ... on Error { code messageEn } } }`,
    );
    expect(missing.data.agency).toEqual({
      __typename: 'NotFoundError',
      code: 'NOT_FOUND',
      messageEn: 'No agency has code NOPE.',
    });
  });
});
