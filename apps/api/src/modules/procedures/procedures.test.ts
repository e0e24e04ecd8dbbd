import { createTestDatabase } from '@chiso/testing';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../../test/graphql.js';
import { countingQueries } from '../../test/query-count.js';
import { provinceId, viewerFor } from '../../test/viewers.js';

const { db } = await createTestDatabase({ demo: true });
const anonymous = await createTestApi(db);
let admin: TestApi;
let bacKanAdmin: TestApi;
let haNoiAdmin: TestApi;
let officer: TestApi;
let analyst: TestApi;

const CREATE = `mutation C($input: CreateProcedureInput!) { createProcedure(input: $input) {
  __typename ... on Error { code message messageEn } ... on ValidationError { fieldErrors { path message messageEn } }
  ... on MutationCreateProcedureSuccess { data { code name } } } }`;

/**
 * Civil-status (hộ tịch) procedures with national codes, handled at communes; the demo catalog has one of its
 * own (birth registration, `DEMO_BIRTH`).
 */
const CIVIL_STATUS = [
  ['2.000986', 'Đăng ký khai sinh', 'Birth registration'],
  ['1.000894', 'Đăng ký kết hôn', 'Marriage registration'],
  ['2.000635', 'Cấp bản sao trích lục hộ tịch', 'Copy of a civil status extract'],
  ['1.004884', 'Đăng ký khai tử', 'Death registration'],
];

const DEMO_BIRTH = 'BKN.STP.018';

function procedureInput(code: string, name: string, nameEn: string, overrides: Record<string, unknown> = {}) {
  return {
    code,
    name,
    nameEn,
    field: 'HT',
    level: 'COMMUNE',
    onlineLevel: 'FULL',
    cases: [{ name: 'Trường hợp chung', processingDays: 1, processingDaysOnline: 0.5 }],
    documents: [
      { name: 'Tờ khai theo mẫu', originals: 1 },
      { name: 'Giấy chứng sinh', originals: 1, reusable: true },
    ],
    fees: [{ name: 'Lệ phí', amountVnd: 0 }],
    legalBasis: 'Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP',
    resultDocument: 'Giấy khai sinh',
    agencies: ['BKN-STP'],
    ...overrides,
  };
}

async function counts() {
  const row = await db
    .selectFrom('procedure')
    .select((eb) => [
      eb.fn.countAll<string>().as('procedures'),
      eb
        .selectFrom('auditLog')
        .select((e) => e.fn.countAll<string>().as('n'))
        .as('audit'),
      eb
        .selectFrom('procedureDocument')
        .select((e) => e.fn.countAll<string>().as('n'))
        .as('documents'),
    ])
    .executeTakeFirstOrThrow();
  return { procedures: Number(row.procedures), audit: Number(row.audit), documents: Number(row.documents) };
}

beforeAll(async () => {
  await db
    .insertInto('procedureField')
    .values({ code: 'HT', nameVi: 'Hộ tịch', nameEn: 'Civil status' })
    .execute();
  const bacKan = await provinceId(db, '06');
  const haNoi = await provinceId(db, '01');
  const stp = await db
    .selectFrom('agency')
    .select('id')
    .where('code', '=', 'BKN-STP')
    .executeTakeFirstOrThrow();
  admin = await createTestApi(db, {
    viewer: await viewerFor(db, 'sys@example.vn', [{ role: 'system_admin', unitId: null, agencyId: null }]),
  });
  bacKanAdmin = await createTestApi(db, {
    viewer: await viewerFor(db, 'bk@example.vn', [{ role: 'unit_admin', unitId: bacKan, agencyId: null }]),
  });
  haNoiAdmin = await createTestApi(db, {
    viewer: await viewerFor(db, 'hn@example.vn', [{ role: 'unit_admin', unitId: haNoi, agencyId: null }]),
  });
  officer = await createTestApi(db, {
    viewer: await viewerFor(db, 'officer@example.vn', [{ role: 'officer', unitId: null, agencyId: stp.id }]),
  });
  analyst = await createTestApi(db, {
    viewer: await viewerFor(db, 'analyst@example.vn', [{ role: 'analyst', unitId: bacKan, agencyId: null }]),
  });
  for (const [code, name, nameEn] of CIVIL_STATUS) {
    const { data } = await bacKanAdmin.query(CREATE, { input: procedureInput(code!, name!, nameEn!) });
    expect(data.createProcedure.__typename).toBe('MutationCreateProcedureSuccess');
  }
}, 120_000);

const SEARCH = `query S($search: String, $field: String, $agency: String, $level: ProcedureLevel, $onlineLevel: OnlineLevel, $first: Int, $after: String) {
  procedures(search: $search, field: $field, agency: $agency, level: $level, onlineLevel: $onlineLevel, first: $first, after: $after) {
    totalCount edges { cursor node { code name field { code } } } pageInfo { hasNextPage hasPreviousPage endCursor }
  } }`;

const codes = (data: { procedures: { edges: { node: { code: string } }[] } }) =>
  data.procedures.edges.map((e) => e.node.code);
const fields = (data: { procedures: { edges: { node: { field: { code: string } } }[] } }) =>
  data.procedures.edges.map((e) => e.node.field.code);
const civilCodes = CIVIL_STATUS.map(([code]) => code).sort();

describe('procedures(search)', () => {
  it.each(['ho tich', 'hộ tịch', 'HỘ TỊCH', 'ho tịch'])(
    'finds the civil-status procedures for "%s" first',
    async (search) => {
      const { data } = await anonymous.query(SEARCH, { search, first: 10 });
      const found = codes(data);
      expect(found.slice(0, 5).sort()).toEqual([...civilCodes, DEMO_BIRTH].sort());
      // "quốc tịch" (nationality) looks alike by trigrams but ranks after every real match.
      expect(new Set(fields(data).slice(0, 5))).toEqual(new Set(['HT', 'BKN-STP-HT']));
    },
  );

  it.each(['khai sinh', 'khai snh', 'dang ky khai sinh', 'Đăng kí khai sinh'])(
    'finds birth registration for "%s"',
    async (search) => {
      const { data } = await anonymous.query(SEARCH, { search, first: 5 });
      expect(codes(data).slice(0, 2).sort()).toEqual(['2.000986', DEMO_BIRTH]);
    },
  );

  it('puts an exact code first, and finds English names too', async () => {
    const byCode = await anonymous.query(SEARCH, { search: 'BKN.STP.001', first: 3 });
    expect(codes(byCode.data)[0]).toBe('BKN.STP.001');
    const english = await anonymous.query(SEARCH, { search: 'marriage', first: 3 });
    expect(codes(english.data)[0]).toBe('1.000894');
  });

  it('orders ties stably: the same query gives the same pages', async () => {
    const a = await anonymous.query(SEARCH, { search: 'cap giay phep', first: 30 });
    const b = await anonymous.query(SEARCH, { search: 'cap giay phep', first: 30 });
    expect(codes(a.data)).toEqual(codes(b.data));
    expect(codes(a.data).length).toBeGreaterThan(10);
  });

  it('finds nothing for nonsense, without error', async () => {
    const { data, errors } = await anonymous.query(SEARCH, { search: 'zzqxw', first: 5 });
    expect(errors).toBeUndefined();
    expect(data.procedures.edges).toEqual([]);
  });
});

describe('procedures filters and paging', () => {
  it('filters by field, agency, level and online level', async () => {
    const byField = await anonymous.query(SEARCH, { field: 'HT', first: 50 });
    expect(codes(byField.data).sort()).toEqual(civilCodes);
    const byAgency = await anonymous.query(SEARCH, { agency: 'BKN-CAT', first: 100 });
    expect(codes(byAgency.data).every((c: string) => c.startsWith('BKN.CAT.'))).toBe(true);
    expect(byAgency.data.procedures.totalCount).toBeGreaterThan(0);
    const commune = await anonymous.query(SEARCH, { level: 'COMMUNE', onlineLevel: 'FULL', first: 100 });
    expect(codes(commune.data)).toEqual(expect.arrayContaining(civilCodes));
  });

  it('round-trips cursors across the whole catalog', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    let total = 0;
    for (;;) {
      const { data } = await anonymous.query(SEARCH, { first: 100, after });
      total = data.procedures.totalCount;
      seen.push(...codes(data));
      if (!data.procedures.pageInfo.hasNextPage) break;
      after = data.procedures.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen).toEqual([...seen].sort());
    expect(total).toBeGreaterThanOrEqual(272);
  });

  it('refuses a page over 100 and a malformed cursor as bad input', async () => {
    const big = await anonymous.query(SEARCH, { first: 500 });
    expect(big.data).toEqual({ procedures: null });
    expect(big.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ path: ['first'] }],
    });
    const bad = await anonymous.query(SEARCH, { first: 5, after: 'not-a-cursor' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

const DETAIL = `query D($code: String!) { procedure(code: $code) {
  __typename ... on Error { code messageEn }
  ... on Procedure {
    id code name nameEn level onlineLevel timeBasis interAgency resultDocument legalBasis validTo retired
    field { code name }
    cases { ordinal name processingHours processingHoursOnline processingDays processingDaysOnline calendarDays }
    documents { ordinal name originals copies reusable }
    fees { name amountVnd }
    agencies { agency { code kind } submissionPlace }
    submissionPlaces
  } } }`;

describe('procedureFields', () => {
  const FIELDS = `query F($agency: String) { procedureFields(agency: $agency) { code name nameEn } }`;

  it('lists the fields with procedures in effect, by name, and those of one agency', async () => {
    const all = await anonymous.query(FIELDS, {});
    expect(all.errors).toBeUndefined();
    const codesOf = (list: { code: string }[]) => list.map((f) => f.code);
    const fieldCodes = await db
      .selectFrom('procedureField')
      .select('code')
      .where('id', 'in', (eb) => eb.selectFrom('procedure').select('fieldId'))
      .execute();
    expect(codesOf(all.data.procedureFields).sort()).toEqual(fieldCodes.map((f) => f.code).sort());
    expect(all.data.procedureFields).toContainEqual({
      code: 'BKN-STP-HT',
      name: 'Hộ tịch',
      nameEn: 'Civil status',
    });

    const justice = await anonymous.query(FIELDS, { agency: 'BKN-STP' });
    // By name (Công chứng, Hộ tịch ×2 by code, Luật sư, Lý lịch tư pháp, Quốc tịch).
    expect(codesOf(justice.data.procedureFields)).toEqual([
      'BKN-STP-CC',
      'BKN-STP-HT',
      'HT',
      'BKN-STP-LS',
      'BKN-STP-LLTP',
      'BKN-STP-QT',
    ]);
    const unknown = await anonymous.query(FIELDS, { agency: 'NO-SUCH-AGENCY' });
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data.procedureFields).toEqual([]);
  });

  it('leaves out a field whose procedures are all retired', async () => {
    const field = await db
      .insertInto('procedureField')
      .values({ code: 'OLD-FIELD', nameVi: 'Lĩnh vực cũ', nameEn: 'Old field' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('procedure')
      .values({
        code: 'OLD.001',
        nameVi: 'Thủ tục đã bãi bỏ',
        fieldId: field.id,
        level: 'province',
        onlineLevel: 'none',
        validFrom: '2015-01-01',
        validTo: '2016-01-01',
      })
      .execute();
    const { data } = await anonymous.query(FIELDS, {});
    expect(data.procedureFields.map((f: { code: string }) => f.code)).not.toContain('OLD-FIELD');
  });
});

describe('procedure(code)', () => {
  it('shows cases, documents, fees and agencies', async () => {
    const { data } = await anonymous.query(DETAIL, { code: '2.000986' });
    expect(data.procedure).toMatchObject({
      __typename: 'Procedure',
      name: 'Đăng ký khai sinh',
      level: 'COMMUNE',
      onlineLevel: 'FULL',
      timeBasis: 'WORKING_DAYS',
      field: { code: 'HT', name: 'Hộ tịch' },
      cases: [
        {
          ordinal: 1,
          processingHours: 8,
          processingHoursOnline: 4,
          processingDays: 1,
          processingDaysOnline: 0.5,
          calendarDays: null,
        },
      ],
      documents: [
        { ordinal: 1, name: 'Tờ khai theo mẫu', originals: 1, copies: 0, reusable: false },
        { ordinal: 2, name: 'Giấy chứng sinh', originals: 1, copies: 0, reusable: true },
      ],
      fees: [{ name: 'Lệ phí', amountVnd: 0 }],
      agencies: [{ agency: { code: 'BKN-STP', kind: 'DEPARTMENT' }, submissionPlace: null }],
    });
    const demo = await anonymous.query(DETAIL, { code: 'BKN.STP.001' });
    expect(demo.data.procedure.submissionPlaces).toEqual(['Trung tâm Phục vụ hành chính công tỉnh Bắc Kạn']);
  });

  it('answers an unknown code with NotFoundError', async () => {
    const { data } = await anonymous.query(DETAIL, { code: '9.999999' });
    expect(data.procedure).toEqual({
      __typename: 'NotFoundError',
      code: 'NOT_FOUND',
      messageEn: 'No procedure has code 9.999999.',
    });
  });
});

const UPDATE = `mutation U($code: String!, $input: UpdateProcedureInput!) { updateProcedure(code: $code, input: $input) {
  __typename ... on Error { code messageEn } ... on ValidationError { fieldErrors { path message messageEn } }
  ... on MutationUpdateProcedureSuccess { data { code name cases { name processingDays calendarDays } documents { name } fees { amountVnd } } } } }`;
const RETIRE = `mutation R($code: String!, $on: Date) { retireProcedure(code: $code, on: $on) {
  __typename ... on Error { code } ... on MutationRetireProcedureSuccess { data { code validTo retired } } } }`;

describe('createProcedure, updateProcedure, retireProcedure', () => {
  it('validates with field paths in both languages', async () => {
    const { data } = await admin.query(CREATE, {
      input: procedureInput('1.00 bad', '', 'x', {
        field: 'NOPE',
        cases: [{ name: 'A', processingDays: 0 }],
        documents: [{ name: 'Giấy', originals: 0, copies: 0 }],
        fees: [{ name: 'Phí', amountVnd: -5 }],
        agencies: ['NOPE'],
      }),
    });
    expect(data.createProcedure.__typename).toBe('ValidationError');
    const paths = data.createProcedure.fieldErrors.map((e: { path: string[] }) => e.path.join('.')).sort();
    expect(paths).toEqual([
      'input.agencies.0',
      'input.cases.0.processingDays',
      'input.code',
      'input.documents.0.originals',
      'input.fees.0.amountVnd',
      'input.field',
      'input.name',
    ]);
  });

  it('refuses a duplicate code', async () => {
    const { data } = await admin.query(CREATE, { input: procedureInput('2.000986', 'X', 'X') });
    expect(data.createProcedure.__typename).toBe('ConflictError');
  });

  it('replaces cases, documents and fees as a whole and keeps search in sync', async () => {
    const { data } = await bacKanAdmin.query(UPDATE, {
      code: '1.004884',
      input: {
        name: 'Đăng ký khai tử lưu động',
        timeBasis: 'CALENDAR_DAYS',
        cases: [
          { name: 'Trong nước', processingDays: 3 },
          { name: 'Có yếu tố nước ngoài', processingDays: 10 },
        ],
        documents: [{ name: 'Giấy báo tử', originals: 1 }],
        fees: [],
      },
    });
    expect(data.updateProcedure.data).toEqual({
      code: '1.004884',
      name: 'Đăng ký khai tử lưu động',
      cases: [
        { name: 'Trong nước', processingDays: null, calendarDays: 3 },
        { name: 'Có yếu tố nước ngoài', processingDays: null, calendarDays: 10 },
      ],
      documents: [{ name: 'Giấy báo tử' }],
      fees: [],
    });
    const search = await anonymous.query(SEARCH, { search: 'khai tu luu dong', first: 1 });
    expect(codes(search.data)).toEqual(['1.004884']);
    const bad = await bacKanAdmin.query(UPDATE, {
      code: '1.004884',
      input: { cases: [{ name: 'X', processingDays: 1.5 }] },
    });
    expect(bad.data.updateProcedure).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'cases', '0', 'processingDays'] }],
    });
  });

  it.each([
    ['a unit admin of another province', () => haNoiAdmin],
    ['an officer', () => officer],
    ['an analyst', () => analyst],
    ['an anonymous visitor', () => anonymous],
  ])('is forbidden to %s, and writes nothing', async (_who, api) => {
    const before = await counts();
    const created = await api().query(CREATE, { input: procedureInput('9.000001', 'Thủ tục mới', 'New') });
    expect(created.data.createProcedure.__typename).toBe('ForbiddenError');
    const updated = await api().query(UPDATE, { code: '2.000986', input: { name: 'Đổi tên' } });
    expect(updated.data.updateProcedure.__typename).toBe('ForbiddenError');
    const retired = await api().query(RETIRE, { code: '2.000986' });
    expect(retired.data.retireProcedure.__typename).toBe('ForbiddenError');
    expect(await counts()).toEqual(before);
  });

  it('retires a procedure (system admin), hiding it from the catalog', async () => {
    await admin.query(CREATE, {
      input: procedureInput('9.000002', 'Thủ tục thử bãi bỏ', 'To retire', { validFrom: '2019-01-01' }),
    });
    const { data } = await admin.query(RETIRE, { code: '9.000002', on: '2026-01-01' });
    expect(data.retireProcedure.data).toEqual({ code: '9.000002', validTo: '2026-01-01', retired: true });
    const listed = await anonymous.query(SEARCH, { search: '9.000002', first: 5 });
    expect(codes(listed.data)).toEqual([]);
    const again = await admin.query(RETIRE, { code: '9.000002' });
    expect(again.data.retireProcedure.__typename).toBe('ConflictError');
  });
});

const ASSIGN = `mutation A($agency: String!, $procedures: [String!]!, $place: String) {
  assignProcedures(agency: $agency, procedures: $procedures, submissionPlace: $place) {
    __typename ... on Error { code } ... on ValidationError { fieldErrors { path } }
    ... on MutationAssignProceduresSuccess { data { code procedures(first: 100) { totalCount edges { node { code } } } } } } }`;

describe('assignProcedures and unassignProcedures', () => {
  it('assigns and unassigns procedures to an agency', async () => {
    const { data, errors } = await bacKanAdmin.query(ASSIGN, {
      agency: 'BKN-SYT',
      procedures: ['2.000986'],
      place: 'Quầy số 3',
    });
    expect(errors).toBeUndefined();
    const assigned = data.assignProcedures.data.procedures.edges.map(
      (e: { node: { code: string } }) => e.node.code,
    );
    expect(assigned).toContain('2.000986');
    const detail = await anonymous.query(DETAIL, { code: '2.000986' });
    expect(detail.data.procedure.submissionPlaces).toEqual(['Quầy số 3']);
    const unknown = await bacKanAdmin.query(ASSIGN, { agency: 'BKN-SYT', procedures: ['2.000986', 'NOPE'] });
    expect(unknown.data.assignProcedures).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['procedures', '1'] }],
    });
    const forbidden = await haNoiAdmin.query(ASSIGN, { agency: 'BKN-SYT', procedures: ['2.000986'] });
    expect(forbidden.data.assignProcedures.__typename).toBe('ForbiddenError');
    const removed = await bacKanAdmin.query(
      `mutation { unassignProcedures(agency: "BKN-SYT", procedures: ["2.000986"]) {
        __typename ... on MutationUnassignProceduresSuccess { data { procedures(search: "khai sinh") { edges { node { code } } } } } } }`,
    );
    expect(removed.data.unassignProcedures.data.procedures.edges).toEqual([]);
  });
});

const IMPORT = `mutation I($file: ImportFileInput!, $dryRun: Boolean) { importProcedures(file: $file, dryRun: $dryRun) {
  __typename ... on Error { code message } ... on ValidationError { fieldErrors { path messageEn } }
  ... on MutationImportProceduresSuccess { data { dryRun created updated unchanged rejected
    rows { row code outcome errors { column message messageEn } } } } } }`;

const HEADER =
  'code,name,name_en,field,level,online_level,processing_days,processing_days_online,agencies,documents,fees,result_document,legal_basis';
const GOOD_ROWS = [
  '2.001023,Đăng ký nhận cha mẹ con,Recognition of parents,HT,commune,full,3,2,BKN-STP,"Tờ khai|1|0;Giấy tờ chứng minh quan hệ|0|1|x","Lệ phí|0"',
  '2.000986,Đăng ký khai sinh,Birth registration,HT,commune,full,1,0.5,BKN-STP,"Tờ khai theo mẫu|1|0;Giấy chứng sinh|1|0|x","Lệ phí|0",Giấy khai sinh,Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP',
  '1.000894,Đăng ký kết hôn (sửa),Marriage registration,HT,commune,partial,1,,BKN-STP,"Tờ khai|1",',
];
const BAD_ROWS = [
  '2.002000,,No name,HT,commune,full,3,,,,',
  '2.002001,Thủ tục sai,Bad,NOPE,xa,sometimes,abc,,NOPE-AGENCY,,"Phí|mười nghìn"',
];

function csvFile(lines: string[]) {
  return {
    name: 'catalog.csv',
    contentBase64: Buffer.from([HEADER, ...lines].join('\r\n')).toString('base64'),
  };
}

async function xlsxFile(lines: string[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Thủ tục');
  sheet.addRow(HEADER.split(','));
  for (const line of lines) sheet.addRow(line);
  const buffer = await workbook.xlsx.writeBuffer();
  return { name: 'catalog.xlsx', contentBase64: Buffer.from(buffer).toString('base64') };
}

describe('importProcedures', () => {
  it('previews a CSV in a dry run without writing anything', async () => {
    const before = await counts();
    const { data } = await bacKanAdmin.query(IMPORT, {
      file: csvFile([...GOOD_ROWS, ...BAD_ROWS]),
      dryRun: true,
    });
    const report = data.importProcedures.data;
    expect(report).toMatchObject({ dryRun: true, created: 1, updated: 1, unchanged: 1, rejected: 2 });
    expect(
      report.rows.map((r: { row: number; code: string; outcome: string }) => [r.row, r.code, r.outcome]),
    ).toEqual([
      [2, '2.001023', 'CREATED'],
      [3, '2.000986', 'UNCHANGED'],
      [4, '1.000894', 'UPDATED'],
      [5, '2.002000', 'REJECTED'],
      [6, '2.002001', 'REJECTED'],
    ]);
    expect(report.rows[3].errors).toEqual([
      { column: 'name', message: 'Cần tên thủ tục.', messageEn: 'The procedure name is required.' },
    ]);
    expect(report.rows[4].errors.map((e: { column: string }) => e.column).sort()).toEqual([
      'agencies',
      'fees',
      'online_level',
      'processing_days',
    ]);
    expect(await counts()).toEqual(before);
  });

  it('imports a CSV: good rows written in one transaction, bad rows skipped', async () => {
    const before = await counts();
    const { data } = await bacKanAdmin.query(IMPORT, { file: csvFile([...GOOD_ROWS, ...BAD_ROWS]) });
    expect(data.importProcedures.data).toMatchObject({
      dryRun: false,
      created: 1,
      updated: 1,
      unchanged: 1,
      rejected: 2,
    });
    const after = await counts();
    expect(after.procedures).toBe(before.procedures + 1);
    expect(after.audit).toBe(before.audit + 1);
    const detail = await anonymous.query(DETAIL, { code: '2.001023' });
    expect(detail.data.procedure).toMatchObject({
      name: 'Đăng ký nhận cha mẹ con',
      onlineLevel: 'FULL',
      cases: [{ processingDays: 3, processingDaysOnline: 2 }],
      documents: [
        { name: 'Tờ khai', originals: 1, copies: 0, reusable: false },
        { name: 'Giấy tờ chứng minh quan hệ', originals: 0, copies: 1, reusable: true },
      ],
      agencies: [{ agency: { code: 'BKN-STP' } }],
    });
    const search = await anonymous.query(SEARCH, { search: 'nhan cha me con', first: 1 });
    expect(codes(search.data)).toEqual(['2.001023']);
    const again = await bacKanAdmin.query(IMPORT, { file: csvFile(GOOD_ROWS) });
    expect(again.data.importProcedures.data).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
  });

  it('imports an XLSX file the same way', async () => {
    const rows = [
      [
        '2.000528',
        'Đăng ký giám hộ',
        'Guardianship registration',
        'HT',
        'xã',
        'một phần',
        '3',
        '',
        'BKN-STP',
        'Tờ khai|1',
        'Lệ phí|0',
      ],
      ['2.000529', 'Sai cấp', 'Bad level', 'HT', 'village', 'full', '3', '', '', '', ''],
    ];
    const file = await xlsxFile(rows);
    const preview = await bacKanAdmin.query(IMPORT, { file, dryRun: true });
    expect(preview.data.importProcedures.data).toMatchObject({ created: 1, rejected: 1 });
    expect(preview.data.importProcedures.data.rows[1]).toMatchObject({
      row: 3,
      outcome: 'REJECTED',
      errors: [{ column: 'level' }],
    });
    const { data } = await bacKanAdmin.query(IMPORT, { file });
    expect(data.importProcedures.data).toMatchObject({ dryRun: false, created: 1, rejected: 1 });
    const detail = await anonymous.query(DETAIL, { code: '2.000528' });
    expect(detail.data.procedure).toMatchObject({ level: 'COMMUNE', onlineLevel: 'PARTIAL' });
  });

  it('rejects rows the viewer may not write, and refuses non-admins outright', async () => {
    const { data } = await haNoiAdmin.query(IMPORT, { file: csvFile([GOOD_ROWS[1]!]) });
    expect(data.importProcedures.data.rows[0]).toMatchObject({
      outcome: 'REJECTED',
      errors: [{ column: 'code' }],
    });
    for (const api of [officer, analyst, anonymous]) {
      const denied = await api.query(IMPORT, { file: csvFile(GOOD_ROWS) });
      expect(denied.data.importProcedures.__typename).toBe('ForbiddenError');
    }
  });

  it('refuses an unknown file type and missing columns with paths', async () => {
    const txt = await admin.query(IMPORT, { file: { name: 'catalog.txt', contentBase64: '' } });
    expect(txt.data.importProcedures).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['file', 'name'] }],
    });
    const missing = await admin.query(IMPORT, {
      file: { name: 'x.csv', contentBase64: Buffer.from('code,name\n1,A').toString('base64') },
    });
    expect(missing.data.importProcedures.fieldErrors[0].messageEn).toContain('Missing columns: field, level');
  });
});

describe('DataLoaders', () => {
  it('resolves a page of 50 procedures with field, agencies, cases, documents and fees in a constant number of queries', async () => {
    const queries = countingQueries(db);
    const counted = await createTestApi(queries.db);
    const { data, errors } = await counted.query(`{
      procedures(first: 50) {
        edges { node { code field { code name } agencies { agency { code name unit { code } parent { code } } submissionPlace }
          cases { processingDays } documents { name } fees { amountVnd } } }
      } }`);
    expect(errors).toBeUndefined();
    expect(data.procedures.edges).toHaveLength(50);
    // page, fields, agency links (with agencies), units, parent agencies, cases, documents, fees
    expect(queries.count).toBe(8);
  });

  it('reads a procedure page in one statement, the same rows as the loaders of a catalog page', async () => {
    const queries = countingQueries(db);
    const counted = await createTestApi(queries.db);
    const fields = `id code name nameEn level onlineLevel timeBasis applicantKinds validFrom
      field { code name nameEn } cases { id ordinal name nameEn processingHours processingHoursOnline calendarDays }
      documents { ordinal name nameEn originals copies reusable note } fees { name nameEn amountVnd note }
      agencies { submissionPlace agency { id code name nameEn kind validFrom } } submissionPlaces`;
    for (const code of ['2.000986', 'BKN.STP.001', DEMO_BIRTH]) {
      queries.reset();
      const page = await counted.query(
        `query($c: String!) { procedure(code: $c) { ... on Procedure { ${fields} } } }`,
        {
          c: code,
        },
      );
      expect(page.errors).toBeUndefined();
      expect(queries.count).toBe(1);
      const listed = await counted.query(
        `query($s: String!) { procedures(search: $s, first: 1) { edges { node { ${fields} } } } }`,
        {
          s: code,
        },
      );
      expect(listed.data.procedures.edges[0].node).toEqual(page.data.procedure);
    }
  });
});

const PUBLICATION = `query P($code: String!) { procedure(code: $code) {
  ... on Procedure { code announcementDecision announcedOn publishedOn } } }`;

describe('the announcing decision and publication day (766 indicator 1.1)', () => {
  it('records them through createProcedure and updateProcedure, refusing a publication before the decision', async () => {
    const created = await admin.query(CREATE, {
      input: procedureInput('2.000701', 'Thay đổi hộ tịch', 'Civil status change', {
        announcementDecision: '1234/QĐ-UBND',
        announcedOn: '2019-03-04',
        publishedOn: '2019-03-08',
      }),
    });
    expect(created.data.createProcedure.__typename).toBe('MutationCreateProcedureSuccess');
    expect((await anonymous.query(PUBLICATION, { code: '2.000701' })).data.procedure).toEqual({
      code: '2.000701',
      announcementDecision: '1234/QĐ-UBND',
      announcedOn: '2019-03-04',
      publishedOn: '2019-03-08',
    });

    const early = await admin.query(UPDATE, { code: '2.000701', input: { publishedOn: '2019-03-01' } });
    expect(early.data.updateProcedure.__typename).toBe('ValidationError');
    expect(early.data.updateProcedure.fieldErrors).toEqual([
      {
        path: ['input', 'publishedOn'],
        message: 'Ngày công khai không thể trước ngày ký quyết định công bố.',
        messageEn: 'A procedure cannot be made public before the decision announcing it is signed.',
      },
    ]);
    const orphan = await admin.query(UPDATE, {
      code: '2.000701',
      input: { announcedOn: null, announcementDecision: 'x'.repeat(101) },
    });
    expect(
      orphan.data.updateProcedure.fieldErrors.map((e: { path: string[] }) => e.path.join('.')).sort(),
    ).toEqual(['input.announcedOn', 'input.announcementDecision']);
    // Nothing half-written: the stored days are unchanged.
    expect((await anonymous.query(PUBLICATION, { code: '2.000701' })).data.procedure.publishedOn).toBe(
      '2019-03-08',
    );

    const later = await admin.query(UPDATE, { code: '2.000701', input: { publishedOn: '2019-03-20' } });
    expect(later.data.updateProcedure.__typename).toBe('MutationUpdateProcedureSuccess');
    expect((await anonymous.query(PUBLICATION, { code: '2.000701' })).data.procedure).toMatchObject({
      announcedOn: '2019-03-04',
      publishedOn: '2019-03-20',
    });
  });

  it('imports them from CSV and XLSX columns, with errors by column', async () => {
    const header = `${HEADER},announcement_decision,announced_on,published_on`;
    const csv = {
      name: 'catalog.csv',
      contentBase64: Buffer.from(
        [
          header,
          '2.000702,Đăng ký lại khai sinh,Re-registration of birth,HT,commune,full,5,,BKN-STP,"Tờ khai|1","Lệ phí|0",,,15/QĐ-UBND,2019-01-07,2019-01-10',
          '2.000703,Sai ngày công khai,Bad day,HT,commune,full,5,,BKN-STP,"Tờ khai|1","Lệ phí|0",,,16/QĐ-UBND,2019-01-07,2019-01-02',
        ].join('\r\n'),
      ).toString('base64'),
    };
    const { data } = await bacKanAdmin.query(IMPORT, { file: csv });
    expect(data.importProcedures.data).toMatchObject({ created: 1, rejected: 1 });
    expect(data.importProcedures.data.rows[1].errors).toEqual([
      {
        column: 'published_on',
        message: 'Ngày công khai không thể trước ngày ký quyết định công bố.',
        messageEn: 'A procedure cannot be made public before the decision announcing it is signed.',
      },
    ]);
    expect((await anonymous.query(PUBLICATION, { code: '2.000702' })).data.procedure).toEqual({
      code: '2.000702',
      announcementDecision: '15/QĐ-UBND',
      announcedOn: '2019-01-07',
      publishedOn: '2019-01-10',
    });

    // In a workbook the days may be real date cells.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Thủ tục');
    sheet.addRow(header.split(','));
    sheet.addRow([
      ...[
        '2.000704',
        'Đăng ký giám hộ lại',
        'Guardianship again',
        'HT',
        'xã',
        'toàn trình',
        '3',
        '',
        'BKN-STP',
      ],
      ...['Tờ khai|1', 'Lệ phí|0', '', '', '17/QĐ-UBND'],
      new Date(Date.UTC(2019, 1, 11)),
      new Date(Date.UTC(2019, 1, 14)),
    ]);
    const buffer = await workbook.xlsx.writeBuffer();
    const xlsx = { name: 'catalog.xlsx', contentBase64: Buffer.from(buffer).toString('base64') };
    const imported = await bacKanAdmin.query(IMPORT, { file: xlsx });
    expect(imported.data.importProcedures.data).toMatchObject({ created: 1, rejected: 0 });
    expect((await anonymous.query(PUBLICATION, { code: '2.000704' })).data.procedure).toMatchObject({
      announcedOn: '2019-02-11',
      publishedOn: '2019-02-14',
    });
  });
});
