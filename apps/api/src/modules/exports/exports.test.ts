import { addToRollups, DEMO, parseCsv } from '@chiso/db';
import { countResponses, SIPAS_2017 } from '@chiso/scoring';
import { createTestDatabase } from '@chiso/testing';
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../../test/graphql.js';
import { csvField, toCsv } from './csv.js';

const { db } = await createTestDatabase({ demo: true });
const PASSWORD = DEMO.userPassword;
const api: TestApi = await createTestApi(db);
const REPORT_URL = `/exports/index-report.csv?unit=${DEMO.provinceCode}&year=${DEMO.year}`;

const REPORT = /* GraphQL */ `
  query($unit: String!, $year: Int!, $quarter: Int) {
    indexReport(unit: $unit, year: $year, quarter: $quarter) {
      ... on IndexReport {
        unit { name }
        overall { kind code value ciLow ciHigh n publishable withheld }
        dimensions { kind code value ciLow ciHigh n publishable withheld }
        items { kind code value ciLow ciHigh n publishable withheld }
      }
    }
  }
`;

const get = (url: string, headers: Record<string, string> = {}) =>
  api.app.inject({ method: 'GET', url, headers });
const num = (text: string | undefined) => (text === '' || text === undefined ? null : Number(text));

let analyst: Record<string, string>;
let unitAdmin: Record<string, string>;
let officer: Record<string, string>;
let bearer: Record<string, string>;

beforeAll(async () => {
  analyst = await api.signIn('phantich@demo.chiso.vn', PASSWORD);
  unitAdmin = await api.signIn('tinh@demo.chiso.vn', PASSWORD);
  officer = await api.signIn('motcua.stp@demo.chiso.vn', PASSWORD);
  const created = await api.query(
    `mutation($input: CreateApiKeyInput!) {
      createApiKey(input: $input) { ... on MutationCreateApiKeySuccess { data { secret } } }
    }`,
    { input: { name: 'Bên thứ ba', scopes: ['READ_REPORTS', 'READ_SURVEYS'], expiresInDays: 30 } },
    analyst,
  );
  bearer = { authorization: `Bearer ${created.data.createApiKey.data.secret}` };

  // Twelve respondents in June 2018: below the minimum sample of 30.
  const campaign = await db
    .selectFrom('campaign')
    .select(['id', 'ownerUnitId'])
    .where('code', '=', DEMO.campaignCode)
    .executeTakeFirstOrThrow();
  const twelve = Array.from({ length: 12 }, () => ({ answers: Array.from({ length: 22 }, () => 4) }));
  await addToRollups(
    db,
    SIPAS_2017,
    {
      provinceUnitId: campaign.ownerUnitId,
      campaignId: campaign.id,
      unitId: campaign.ownerUnitId,
      agencyId: null,
      periodMonth: '2018-06-01',
      channel: 'in_person',
    },
    countResponses(SIPAS_2017, twelve),
  );
});

describe('CSV writing', () => {
  it('quotes what needs quoting, starts with a BOM and defuses formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"\nnow')).toBe('"say ""hi""\nnow"');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField(-1.5)).toBe('-1.5');
    expect(csvField(null)).toBe('');
    expect(toCsv(['a'], [['Bắc Kạn']])).toBe('\uFEFFa\r\nBắc Kạn\r\n');
  });
});

describe('index report exports', () => {
  it('CSV: the figures of indexReport, one row each, with a content-disposition filename', async () => {
    const response = await get(REPORT_URL);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="chiso-SIPAS-2017-${DEMO.provinceCode}-${DEMO.year}.csv"`,
    );
    expect(response.body.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(response.body);

    const { data } = await api.query(REPORT, { unit: DEMO.provinceCode, year: DEMO.year });
    const report = data.indexReport;
    const figures = [report.overall, ...report.dimensions, ...report.items];
    expect(rows.map((r) => [r.kind, r.code])).toEqual(figures.map((f) => [f.kind.toLowerCase(), f.code]));
    for (const [i, figure] of figures.entries()) {
      const row = rows[i]!;
      expect(num(row.value)).toBe(figure.value);
      expect(num(row.ci_low)).toBe(figure.ciLow);
      expect(num(row.ci_high)).toBe(figure.ciHigh);
      expect(Number(row.n)).toBe(figure.n);
      expect(row.publishable).toBe(String(figure.publishable));
    }
    expect(rows[0]!.name_vi).toContain('hài lòng');
  });

  it('keeps small groups withheld for the public and shows them to analysts covering the unit', async () => {
    const url = `/exports/index-report.csv?unit=${DEMO.provinceCode}&year=2018`;
    const publicRows = parseCsv((await get(url)).body);
    const withheld = publicRows.filter((r) => r.withheld === 'small_sample');
    expect(withheld).toHaveLength(publicRows.length);
    expect(publicRows[0]!.n).toBe('12');
    for (const row of withheld) expect([row.value, row.ci_low, row.ci_high]).toEqual(['', '', '']);

    const revealed = parseCsv((await get(url, analyst)).body);
    expect(revealed.filter((r) => r.withheld !== '')).toEqual([]);
    const again = revealed.find((r) => r.code === withheld[0]!.code && r.kind === withheld[0]!.kind)!;
    expect(again.value).not.toBe('');

    // An API key reads what indexReport shows it (a key acts with its owner's report grants).
    const byKey = parseCsv((await get(url, bearer)).body);
    const viaGraphql = await api.query(REPORT, { unit: DEMO.provinceCode, year: 2018 }, bearer);
    expect(byKey[0]!.withheld === '').toBe(viaGraphql.data.indexReport.overall.withheld === null);
  });

  it('XLSX: opens with exceljs, with the figure rows and the definitions', async () => {
    const response = await get(REPORT_URL.replace('.csv', '.xlsx'), bearer);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Chỉ số')!;
    const csvRows = parseCsv((await get(REPORT_URL)).body);
    expect(sheet.rowCount).toBe(csvRows.length + 1);
    expect(sheet.getRow(2).getCell(1).value).toBe('overall');
    expect(sheet.getRow(2).getCell(10).value).toBe(Number(csvRows[0]!.n));
    const about = workbook.getWorksheet('Thông tin')!;
    const texts: string[] = [];
    about.eachRow((row) => texts.push(row.values!.toString()));
    expect(texts.join('\n')).toContain('Bắc Kạn');
    expect(texts.join('\n')).toContain('Định nghĩa / Definitions');
  });

  it('PDF: a document with the unit name in Vietnamese, the definitions and n', async () => {
    const response = await get(REPORT_URL.replace('.csv', '.pdf'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(pdf.toString('latin1')).toContain('DejaVuSans'); // the embedded font subset
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    const { text } = await parser.getText();
    await parser.destroy();
    const unitName = (await api.query(REPORT, { unit: DEMO.provinceCode, year: DEMO.year })).data.indexReport
      .unit.name as string;
    expect(text).toContain(unitName);
    expect(text).toContain('Định nghĩa / Definitions');
    expect(text).toContain('Cỡ mẫu');
    expect(text).toMatch(/n = \d+/);
  });

  it('answers bad arguments and unknown units with GraphQL-shaped errors', async () => {
    const missing = await get('/exports/index-report.csv?unit=06');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const unknown = await get('/exports/index-report.csv?unit=99&year=2019');
    expect(unknown.statusCode).toBe(404);
    expect((await get('/exports/index-report.doc?unit=06&year=2019')).statusCode).toBe(404);
  });
});

describe('raw response exports', () => {
  const url = (format: string) => `/exports/campaigns/${DEMO.campaignCode}/responses.${format}`;

  it('are refused to anonymous viewers, API keys and viewers not covering the campaign', async () => {
    for (const headers of [{}, bearer, officer]) {
      const response = await get(url('csv'), headers);
      expect(response.statusCode).toBe(403);
      expect(response.json().errors[0].extensions.code).toBe('FORBIDDEN');
    }
  });

  it('give analysts every response without pseudonyms, hashes, exact times or free text', async () => {
    const response = await get(url('csv'), analyst);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="chiso-responses-${DEMO.campaignCode}.csv"`,
    );
    const rows = parseCsv(response.body);
    const count = await db
      .selectFrom('surveyResponse')
      .innerJoin('campaign', 'campaign.id', 'surveyResponse.campaignId')
      .where('campaign.code', '=', DEMO.campaignCode)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(rows).toHaveLength(Number(count.n));
    const columns = Object.keys(rows[0]!);
    expect(columns).toContain('q_1.1');
    for (const hidden of [
      'free_text',
      'dossier_pseudonym',
      'idempotency_key',
      'payload_hash',
      'submitted_at',
      'id',
    ]) {
      expect(columns).not.toContain(hidden);
    }
    expect(rows[0]!.unit_code).toBe(DEMO.provinceCode);
    expect(rows[0]!.period_month).toMatch(/^2019-\d{2}$/);
  });

  it('include free text for unit administrators, and come as XLSX too', async () => {
    const csv = parseCsv((await get(url('csv'), unitAdmin)).body);
    expect(Object.keys(csv[0]!)).toContain('free_text');
    const response = await get(url('xlsx'), unitAdmin);
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(csv.length + 1);
    expect(sheet.getRow(1).values).toContain('free_text');
  });
});
