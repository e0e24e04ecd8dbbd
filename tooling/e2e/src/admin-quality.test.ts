import { expect, it } from 'vitest';
import { demoUsers, signedInPage } from './admin-session.js';
import { ApiClient, createDemoCampaign, DEMO_PASSWORD } from './api-client.js';
import { seriousAxeViolations } from './axe.js';
import { describeE2E } from './harness.js';

const PAPER = /* GraphQL */ `
  mutation P($campaignCode: String!, $agencyCode: String!, $batchKey: String!, $collectedOn: Date, $rows: [PaperResponseInput!]!) {
    enterPaperResponses(campaignCode: $campaignCode, agencyCode: $agencyCode, batchKey: $batchKey, collectedOn: $collectedOn, rows: $rows) {
      __typename
      ... on MutationEnterPaperResponsesSuccess { data { inserted } }
    }
  }
`;

/** Ten paper forms answered "very dissatisfied" to every item: each is flagged as straight-lining. */
const STRAIGHT_LINED = Array.from({ length: 10 }, () => ({ answers: Array(22).fill(1) }));

describeE2E('admin report quality flags', (app) => {
  it('shows the flags of the period and leaves flagged responses out of the report, breakdowns and ranking', async () => {
    // A 2019 campaign of Bắc Kạn's justice department, with ten straight-lined paper forms entered by its officer.
    await createDemoCampaign(app.baseUrl, {
      code: 'E2E-GIAY-2019',
      name: 'Phiếu giấy 2019',
      nameEn: 'Paper forms 2019',
      mode: 'SAMPLE',
      startsOn: '2019-01-01',
      endsOn: '2019-12-31',
      agencyCodes: ['BKN-STP'],
    });
    const officer = new ApiClient(app.baseUrl);
    await officer.login(demoUsers.officer, DEMO_PASSWORD);
    const entered = await officer.query<{ enterPaperResponses: { data: { inserted: number } } }>(PAPER, {
      campaignCode: 'E2E-GIAY-2019',
      agencyCode: 'BKN-STP',
      batchKey: 'e2e-quality-batch-0001',
      collectedOn: '2019-06-15',
      rows: STRAIGHT_LINED,
    });
    expect(entered.enterPaperResponses.data.inserted).toBe(10);

    const page = await signedInPage(app, demoUsers.analyst);
    await page.goto(`${app.baseUrl}/admin/bao-cao?unit=06&year=2019`);
    const quality = page.getByRole('region', { name: 'Chất lượng phiếu' });
    await quality.getByTestId('quality-flagged').filter({ hasText: 'Phiếu bị gắn cờ: 10' }).waitFor();
    await quality
      .getByTestId('quality-kinds')
      .getByRole('row', { name: 'Chọn cùng một mức cho mọi câu 10' })
      .waitFor();
    // With the flagged forms: 910 responses; without: the 900 demo responses and their published 85.16%.
    await quality.getByTestId('quality-with').getByText('n = 910').waitFor();
    await quality.getByTestId('quality-without').getByText('n = 900').waitFor();
    await quality.getByTestId('quality-without').getByText('85,16%').waitFor();
    const difference = (await quality.getByTestId('quality-difference').textContent()) ?? '';
    expect(difference).toMatch(/^Chênh lệch \(loại − tính cả\): \+\d+,\d{2} điểm$/);
    const overall = page.getByTestId('overall-figure');
    await overall.getByText('n = 910').waitFor();
    const withFlagged = (await overall.getByTestId('index-value').textContent()) ?? '';
    expect(withFlagged).not.toContain('85,16');
    await page.getByLabel('Phân tổ theo').selectOption('QUALITY_FLAG');
    await page
      .getByTestId('breakdown-table')
      .getByRole('row', { name: /cùng một mức cho mọi câu/ })
      .waitFor();
    await app.screenshot(page, 'admin-report-quality-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);

    const heatOverall = page.getByTestId('heat-map').getByRole('row', { name: /^Chỉ số chung/ });
    await heatOverall.getByRole('cell').nth(1).filter({ hasText: /\d/ }).waitFor();
    const heatWithFlagged = await heatOverall.textContent();

    // Leave the flagged responses out: every figure follows, and the choice is kept in the address.
    const exclude = page.getByRole('switch', { name: 'Loại phiếu bị gắn cờ' });
    await page.locator('label', { hasText: 'Loại phiếu bị gắn cờ' }).click();
    await expect.poll(() => exclude.isChecked()).toBe(true);
    await overall.getByText('n = 900').waitFor();
    await overall.getByTestId('index-value').filter({ hasText: '85,16%' }).waitFor();
    await quality.getByTestId('quality-applied').filter({ hasText: 'Đang loại 10 phiếu' }).waitFor();
    expect(new URL(page.url()).searchParams.get('flagged')).toBe('exclude');
    await page
      .getByTestId('breakdown-table')
      .getByRole('row', { name: /cùng một mức/ })
      .waitFor({
        state: 'detached',
      });
    await page.getByLabel('Phân tổ theo').selectOption('AGENCY');
    const agencyRows = page.getByTestId('breakdown-table').getByRole('row');
    await agencyRows.nth(1).waitFor();
    const ranking = page.getByTestId('ranking-table').getByRole('row', { name: /Bắc Kạn/ });
    await ranking.getByRole('cell', { name: '85,16' }).waitFor();
    // The heat map's second quarter (the ten forms were collected in June) follows too.
    await expect
      .poll(async () =>
        page
          .getByTestId('heat-map')
          .getByRole('row', { name: /^Chỉ số chung/ })
          .textContent(),
      )
      .not.toBe(heatWithFlagged);
    await app.screenshot(page, 'admin-report-quality-excluded-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Back to all responses: the ranking counts the flagged forms again.
    await page.locator('label', { hasText: 'Loại phiếu bị gắn cờ' }).click();
    await expect.poll(() => exclude.isChecked()).toBe(false);
    await overall.getByText('n = 910').waitFor();
    await ranking.getByRole('cell', { name: '85,16' }).waitFor({ state: 'detached' });
  });

  it('offers the respondent, procedure-field and quality breakdowns, small groups marked', async () => {
    const page = await signedInPage(app, demoUsers.analyst);
    await page.goto(`${app.baseUrl}/admin/bao-cao?unit=06&year=2019`);
    await page.getByTestId('overall-figure').getByTestId('index-value').waitFor();
    const select = page.getByLabel('Phân tổ theo');
    for (const by of ['GENDER', 'AGE_BAND', 'EDUCATION', 'PROCEDURE_FIELD', 'QUALITY_FLAG']) {
      expect(await select.locator(`option[value="${by}"]`).count()).toBe(1);
    }
    // The demo responses are not linked to dossiers: no procedure field to break down by.
    await select.selectOption('PROCEDURE_FIELD');
    await page.getByText('Không có nhóm nào cho cách phân tổ này trong kỳ.').waitFor();
    expect(new URL(page.url()).searchParams.get('by')).toBe('PROCEDURE_FIELD');
    // The ten flagged forms are a small group: an analyst of the unit sees the value, marked as a small sample.
    await select.selectOption('QUALITY_FLAG');
    const row = page.getByTestId('breakdown-table').getByRole('row', { name: /cùng một mức cho mọi câu/ });
    await row.getByText('(mẫu nhỏ)').waitFor();
    await row.getByRole('cell', { name: '10', exact: true }).waitFor();
    await app.screenshot(page, 'admin-report-breakdown-quality-flag-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
