import { createTestDatabase } from '@chiso/testing';
import { describe, expect, it } from 'vitest';
import { createTestApi } from '../../test/graphql.js';
import { countingQueries } from '../../test/query-count.js';
import { isValidOn, resolveAsOf } from './units.service.js';

const { db } = await createTestDatabase();
const api = await createTestApi(db);

const UNITS = /* GraphQL */ `
  query Units($level: UnitLevel!, $asOf: Date) {
    units(level: $level, asOf: $asOf) { __typename id code name level }
  }
`;

const UNIT = /* GraphQL */ `
  query Unit($code: String!, $asOf: Date) {
    unit(code: $code, asOf: $asOf) {
      __typename
      ... on Error { code message messageEn }
      ... on ValidationError { fieldErrors { path message messageEn } }
      ... on AdministrativeUnit {
        id code name nameEn nameAscii fullName type isoCode level validFrom validTo
        isCurrent
        wasCurrent2019: isCurrent(asOf: "2019-06-01")
        region { code name nameEn }
        parent { code }
        successors { effectiveOn kind codeKept legalBasis successor { code name validFrom } }
        predecessors { effectiveOn kind codeKept predecessor { code name validTo } }
      }
    }
  }
`;

describe('units(level, asOf)', () => {
  it('lists the 63 provinces of 2019', async () => {
    const { data } = await api.query(UNITS, { level: 'PROVINCE', asOf: '2019-06-01' });
    expect(data.units[0].__typename).toBe('AdministrativeUnit');
    expect(data.units).toHaveLength(63);
    expect(data.units[0]).toMatchObject({ code: '01', name: 'Hà Nội', level: 'PROVINCE' });
  });

  it('lists the 34 provinces from 2025-07-01, and for today (the default date)', async () => {
    const july = await api.query(UNITS, { level: 'PROVINCE', asOf: '2025-07-01' });
    expect(july.data.units).toHaveLength(34);
    const today = await api.query(UNITS, { level: 'PROVINCE' });
    expect(today.data.units).toHaveLength(34);
    // The last day of the old map still has 63.
    const june = await api.query(UNITS, { level: 'PROVINCE', asOf: '2025-06-30' });
    expect(june.data.units).toHaveLength(63);
  });

  it('returns nothing for a level with no units loaded yet', async () => {
    const { data } = await api.query(UNITS, { level: 'COMMUNE', asOf: '2025-07-01' });
    expect(data.units).toEqual([]);
  });

  it.each([
    ['2019-02-30', 'a day that does not exist'],
    ['2019-6-1', 'a date without leading zeros'],
    ['hôm qua', 'words'],
    ['2019-06-01T00:00:00Z', 'a timestamp'],
  ])('answers %s (%s) with a BAD_USER_INPUT error on ["asOf"]', async (asOf) => {
    const { status, data, errors } = await api.query(UNITS, { level: 'PROVINCE', asOf });
    expect(status).toBe(200);
    expect(data).toEqual({ units: null });
    expect(errors).toHaveLength(1);
    expect(errors?.[0]).toEqual({
      message: expect.stringContaining('Ngày không hợp lệ'),
      locations: expect.any(Array),
      path: ['units'],
      extensions: {
        code: 'BAD_USER_INPUT',
        messageEn: expect.stringContaining('Invalid date'),
        fieldErrors: [
          {
            path: ['asOf'],
            message: expect.stringContaining('Ngày không hợp lệ'),
            messageEn: expect.stringContaining('Invalid date'),
          },
        ],
      },
    });
  });

  it('validates a date written inline in the document too', async () => {
    const { data, errors } = await api.query(`{ units(level: PROVINCE, asOf: "2023-13-01") { code name } }`);
    expect(data).toEqual({ units: null });
    expect(errors?.[0]).toMatchObject({
      path: ['units'],
      extensions: { code: 'BAD_USER_INPUT', fieldErrors: [{ path: ['asOf'] }] },
    });
  });

  it('answers the plain selection of a list as written', async () => {
    const { data, errors } = await api.query(`{ units(level: PROVINCE, asOf: "2019-06-01") { code name } }`);
    expect(errors).toBeUndefined();
    expect(data.units).toHaveLength(63);
    expect(data.units[0]).toEqual({ code: '01', name: 'Hà Nội' });
  });

  it('rejects a date that is not a string at the request level', async () => {
    const { status, errors } = await api.query(UNITS, { level: 'PROVINCE', asOf: 20190601 });
    expect(status).toBe(400);
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('unit(code, asOf)', () => {
  it('finds Bắc Kạn in 2019, merged into Thái Nguyên on 2025-07-01', async () => {
    const { data } = await api.query(UNIT, { code: '06', asOf: '2019-06-01' });
    expect(data.unit.__typename).toBe('AdministrativeUnit');
    const unit = data.unit;
    expect(unit).toMatchObject({
      code: '06',
      name: 'Bắc Kạn',
      nameAscii: 'Bac Kan',
      fullName: 'Tỉnh Bắc Kạn',
      type: 'tỉnh',
      isoCode: 'VN-53',
      level: 'PROVINCE',
      validFrom: '2008-08-01',
      validTo: '2025-06-30',
      isCurrent: false,
      wasCurrent2019: true,
      region: {
        code: 'TDMNPB',
        name: 'Trung du và miền núi phía Bắc',
        nameEn: 'Northern Midlands and Mountain Areas',
      },
      parent: null,
      predecessors: [],
    });
    expect(unit.successors).toEqual([
      {
        effectiveOn: '2025-07-01',
        kind: 'MERGED',
        codeKept: false,
        legalBasis: 'Nghị quyết 202/2025/QH15',
        successor: { code: '19', name: 'Thái Nguyên', validFrom: '2025-07-01' },
      },
    ]);
  });

  it('finds Thái Nguyên of 2025 with its two predecessors', async () => {
    const { data } = await api.query(UNIT, { code: '19', asOf: '2025-07-01' });
    const unit = data.unit;
    expect(unit.__typename).toBe('AdministrativeUnit');
    expect(unit).toMatchObject({
      code: '19',
      name: 'Thái Nguyên',
      validTo: null,
      isCurrent: true,
      wasCurrent2019: false,
    });
    expect(unit.successors).toEqual([]);
    const predecessors = unit.predecessors.map(
      (link: { kind: string; codeKept: boolean; predecessor: { code: string; name: string } }) => ({
        code: link.predecessor.code,
        name: link.predecessor.name,
        kind: link.kind,
        codeKept: link.codeKept,
      }),
    );
    expect(
      predecessors.sort((a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code)),
    ).toEqual([
      { code: '06', name: 'Bắc Kạn', kind: 'MERGED', codeKept: false },
      { code: '19', name: 'Thái Nguyên', kind: 'MERGED', codeKept: true },
    ]);
  });

  it('defaults asOf to today', async () => {
    const { data } = await api.query(UNIT, { code: '06' });
    expect(data.unit).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    const thaiNguyen = await api.query(UNIT, { code: '19' });
    expect(thaiNguyen.data.unit).toMatchObject({ __typename: 'AdministrativeUnit', validFrom: '2025-07-01' });
  });

  it('answers an unknown code with a NotFoundError in both languages', async () => {
    const { data, errors } = await api.query(UNIT, { code: '99', asOf: '2019-06-01' });
    expect(errors).toBeUndefined();
    expect(data.unit).toEqual({
      __typename: 'NotFoundError',
      code: 'NOT_FOUND',
      message: 'Không có đơn vị hành chính mã 99 vào ngày 2019-06-01.',
      messageEn: 'No administrative unit has code 99 on 2019-06-01.',
    });
  });

  it('answers a malformed code with a ValidationError on ["code"]', async () => {
    const { data } = await api.query(UNIT, { code: "01' or 1=1 --" });
    expect(data.unit.__typename).toBe('ValidationError');
    expect(data.unit.fieldErrors).toEqual([
      {
        path: ['code'],
        message: expect.stringContaining('Mã đơn vị'),
        messageEn: expect.stringContaining('code has 2 to 5 digits'),
      },
    ]);
  });

  it('reports a bad isCurrent(asOf) as a coded transport error with its field path', async () => {
    const { data, errors } = await api.query(`{
      unit(code: "01", asOf: "2019-06-01") { ... on AdministrativeUnit { code isCurrent(asOf: "2019-02-29") } }
    }`);
    expect(data).toBeNull();
    expect(errors?.[0]).toMatchObject({
      message: expect.stringContaining('Ngày không hợp lệ'),
      extensions: { code: 'BAD_USER_INPUT', fieldErrors: [{ path: ['asOf'] }] },
    });
  });
});

describe('unitHistory(code)', () => {
  it('lists every version of a code, oldest first', async () => {
    const { data } = await api.query(`{
      unitHistory(code: "19") { name validFrom validTo }
    }`);
    expect(data.unitHistory).toEqual([
      { name: 'Thái Nguyên', validFrom: '2008-08-01', validTo: '2025-06-30' },
      { name: 'Thái Nguyên', validFrom: '2025-07-01', validTo: null },
    ]);
  });

  it('answers a code never used with a top-level NOT_FOUND error in both languages', async () => {
    const { status, data, errors } = await api.query(`{ unitHistory(code: "98") { __typename code } }`);
    expect(status).toBe(200);
    expect(data).toEqual({ unitHistory: null });
    expect(errors).toEqual([
      {
        message: 'Không có đơn vị hành chính nào từng mang mã 98.',
        locations: expect.any(Array),
        path: ['unitHistory'],
        extensions: { code: 'NOT_FOUND', messageEn: 'No administrative unit has ever had code 98.' },
      },
    ]);
  });

  it('answers a malformed code with a BAD_USER_INPUT error on ["code"]', async () => {
    const { data, errors } = await api.query(`{ unitHistory(code: "abc") { code } }`);
    expect(data).toEqual({ unitHistory: null });
    expect(errors?.[0]).toMatchObject({
      path: ['unitHistory'],
      extensions: {
        code: 'BAD_USER_INPUT',
        fieldErrors: [{ path: ['code'], messageEn: expect.stringContaining('code has 2 to 5 digits') }],
      },
    });
  });
});

describe('levels', () => {
  it('lists the levels from the unit_level table, matching the UnitLevel enum', async () => {
    const { data } = await api.query(`{ levels { code name nameEn depth } }`);
    expect(data.levels).toEqual([
      { code: 'PROVINCE', name: 'Cấp tỉnh', nameEn: 'Province', depth: 1 },
      { code: 'DISTRICT', name: 'Cấp huyện', nameEn: 'District', depth: 2 },
      { code: 'COMMUNE', name: 'Cấp xã', nameEn: 'Commune', depth: 3 },
    ]);
  });
});

describe('node(id)', () => {
  it('round-trips a unit through its global ID', async () => {
    const found = await api.query(UNIT, { code: '79', asOf: '2019-06-01' });
    const { id, name, validFrom } = found.data.unit;
    expect(Buffer.from(id, 'base64').toString()).toMatch(/^AdministrativeUnit:\d+$/);
    const { data } = await api.query(
      `query Node($id: ID!) { node(id: $id) { __typename id ... on AdministrativeUnit { code name validFrom } } }`,
      { id },
    );
    expect(data.node).toEqual({ __typename: 'AdministrativeUnit', id, code: '79', name, validFrom });
  });

  it('loads several nodes at once and answers null for ids that name nothing', async () => {
    const hanoi = await api.query(UNIT, { code: '01', asOf: '2019-06-01' });
    const missing = Buffer.from('AdministrativeUnit:999999999').toString('base64');
    const { data } = await api.query(
      `query Nodes($ids: [ID!]!) { nodes(ids: $ids) { ... on AdministrativeUnit { code } } }`,
      { ids: [hanoi.data.unit.id, missing] },
    );
    expect(data.nodes).toEqual([{ code: '01' }, null]);
  });

  it('answers a malformed global ID as bad input, not as a server error', async () => {
    const notAnId = Buffer.from('AdministrativeUnit:1 or 1=1').toString('base64');
    const missing = await api.query(`query Node($id: ID!) { node(id: $id) { id } }`, { id: notAnId });
    expect(missing.data.node).toBeNull();
    const garbage = await api.query(`{ node(id: "%%%") { id } }`);
    expect(garbage.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('DataLoaders', () => {
  it('resolves 63 provinces with regions, successors and their predecessors in a constant number of queries', async () => {
    const queries = countingQueries(db);
    const counted = await createTestApi(queries.db);
    const { data } = await counted.query(`{
      units(level: PROVINCE, asOf: "2019-06-01") {
        code
        region { code }
        parent { code }
        successors {
          kind
          successor { code predecessors { predecessor { code region { name } } } }
        }
      }
    }`);
    const units = data.units;
    expect(units).toHaveLength(63);
    expect(units.every((unit: { successors: unknown[] }) => unit.successors.length === 1)).toBe(true);
    // units, regions, successions of the 63, the 34 successor units, their predecessions; the predecessor units
    // and their regions are already in the request's loaders.
    expect(queries.count).toBe(5);
  });
});

describe('rules', () => {
  it('treats validFrom and validTo as inclusive', () => {
    const unit = { validFrom: '2008-08-01', validTo: '2025-06-30' };
    expect(isValidOn(unit, '2008-08-01')).toBe(true);
    expect(isValidOn(unit, '2025-06-30')).toBe(true);
    expect(isValidOn(unit, '2025-07-01')).toBe(false);
    expect(isValidOn({ validFrom: '2025-07-01', validTo: null }, '2999-01-01')).toBe(true);
  });

  it('takes today in Vietnam (UTC+7) as the default date', () => {
    expect(resolveAsOf(undefined, new Date('2025-06-30T16:59:59Z'))).toBe('2025-06-30');
    expect(resolveAsOf(undefined, new Date('2025-06-30T17:00:00Z'))).toBe('2025-07-01');
    expect(resolveAsOf('2019-06-01')).toBe('2019-06-01');
  });
});
