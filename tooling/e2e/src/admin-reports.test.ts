import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { demoUsers, signedInPage } from './admin-session.js';
import { ApiClient, DEMO_PASSWORD } from './api-client.js';
import { seriousAxeViolations } from './axe.js';
import { describeE2E } from './harness.js';

describeE2E('admin reports', (app) => {
  it('shows the Bắc Kạn 2019 report, changes period, exports the criteria as CSV', async () => {
    const page = await signedInPage(app, demoUsers.analyst);
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Báo cáo chỉ số' })
      .click();
    await page.getByRole('heading', { name: 'Báo cáo chỉ số hài lòng' }).waitFor();
    const overall = page.getByTestId('overall-figure');
    await overall.getByTestId('index-value').filter({ hasText: '85,16%' }).waitFor();
    await overall.getByText('n = 900').waitFor();
    await overall.getByRole('button', { name: 'Định nghĩa' }).click();
    await overall.getByTestId('index-definition').waitFor();
    await page.getByTestId('factor-figures').getByText('90,26%').waitFor();
    await page.getByRole('img', { name: 'Chỉ số các yếu tố (%)' }).locator('svg').first().waitFor();
    await page.getByTestId('breakdown-table').getByRole('cell').first().waitFor();
    await app.screenshot(page, 'admin-report-2019-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải CSV bảng tiêu chí' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('chi-so-06-2019.csv');
    const csv = readFileSync((await download.path()) as string, 'utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'code,name,index_percent,ci_low,ci_high,n,publishable,previous_percent,change_points,significant',
    );
    expect(lines).toHaveLength(23);
    expect(lines.find((line) => line.startsWith('2.3,'))).toContain(',91.25,');
    expect(lines.find((line) => line.startsWith('5.3,'))).toContain(',68.18,');

    // A quarter of the same year, then the breakdown by month.
    await page.getByLabel('Quý', { exact: true }).selectOption('2');
    await page.getByTestId('report-period').filter({ hasText: 'Quý 2/2019' }).waitFor();
    expect(new URL(page.url()).searchParams.get('quarter')).toBe('2');
    await page.getByLabel('Phân tổ theo').selectOption('MONTH');
    await page
      .getByTestId('breakdown-table')
      .getByRole('cell', { name: /Tháng 4/ })
      .waitFor();
    await app.screenshot(page, 'admin-report-2019-q2-desktop');
  });

  it('freezes a snapshot (analyst) and publishes it (unit admin)', async () => {
    const analyst = await signedInPage(app, demoUsers.analyst);
    await analyst.goto(`${app.baseUrl}/admin/bao-cao?unit=06&year=2019`);
    await analyst.getByRole('button', { name: 'Chốt báo cáo kỳ này' }).click();
    await analyst.getByTestId('snapshot-outcome').filter({ hasText: 'Đã chốt báo cáo' }).waitFor();
    await analyst.getByTestId('snapshot-table').getByText('Đã chốt, chưa công bố').waitFor();
    expect(await analyst.getByRole('button', { name: 'Công bố' }).count()).toBe(0);

    const unitAdmin = await signedInPage(app, demoUsers.unitAdmin);
    await unitAdmin.goto(`${app.baseUrl}/admin/bao-cao?unit=06&year=2019`);
    await unitAdmin.getByRole('button', { name: 'Công bố' }).click();
    await unitAdmin.getByTestId('snapshot-outcome').filter({ hasText: 'Đã công bố bản chốt' }).waitFor();
    await unitAdmin.getByTestId('snapshot-table').getByText('Đã công bố', { exact: true }).waitFor();
    await app.screenshot(unitAdmin, 'admin-report-snapshot-published-desktop');
  });

  it('exports the report from the API (CSV), shows the criteria heat map and the trend over years', async () => {
    const page = await signedInPage(app, demoUsers.analyst);
    await page.goto(`${app.baseUrl}/admin/bao-cao?unit=06&year=2019`);
    await page.getByTestId('overall-figure').getByText('n = 900').waitFor();

    const exports = page.getByRole('group', { name: 'Tải báo cáo' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      exports.getByRole('button', { name: 'CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('chiso-SIPAS-2017-06-2019.csv');
    const csv = readFileSync((await download.path()) as string, 'utf8').replace(/^\uFEFF/, '');
    const rows = csv
      .trim()
      .split('\r\n')
      .map((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].map((m) => m[1]!).slice(0, -1));
    expect(rows[0]?.slice(0, 6)).toEqual(['kind', 'code', 'dimension_code', 'name_vi', 'name_en', 'value']);
    // Overall, 5 factors, 22 criteria.
    expect(rows).toHaveLength(1 + 1 + 5 + 22);
    const value = (kind: string, code: string | null) =>
      Number(rows.find((row) => row[0] === kind && (code === null || row[1] === code))?.[5]).toFixed(2);
    expect(value('overall', null)).toBe('85.16');
    expect(value('item', '2.3')).toBe('91.25');
    expect(value('item', '5.3')).toBe('68.18');
    // No button stays busy or disabled once the file is down.
    for (const name of ['CSV', 'Excel (XLSX)', 'PDF']) {
      expect(await exports.getByRole('button', { name }).isEnabled()).toBe(true);
    }

    const heatMap = page.getByTestId('heat-map');
    await heatMap.waitFor();
    // 22 criteria and the overall row, a column per quarter.
    expect(await heatMap.locator('tbody tr').count()).toBe(23);
    expect(await heatMap.locator('thead th').count()).toBe(5);
    await page.locator('label', { hasText: 'Theo cơ quan' }).click();
    expect(await page.getByRole('radio', { name: 'Theo cơ quan' }).isChecked()).toBe(true);
    await expect
      .poll(async () => heatMap.locator('thead th').count(), { timeout: 20_000 })
      .toBeGreaterThan(5);
    await heatMap.getByRole('columnheader', { name: 'BKN-STP' }).waitFor();

    const trend = page.getByTestId('trend-table');
    await trend.getByRole('cell', { name: '2019', exact: true }).waitFor();
    await app.screenshot(page, 'admin-report-heat-map-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('shows the Decision 766 service index and the timeliness of dossiers, as the API computes them', async () => {
    const api = new ApiClient(app.baseUrl);
    await api.login(demoUsers.analyst, DEMO_PASSWORD);
    const { unit } = await api.query<{ unit: { id: string } }>(
      '{ unit(code: "06", asOf: "2019-12-31") { ... on AdministrativeUnit { id } } }',
    );
    const { serviceIndex, timelinessReport } = await api.query<{
      serviceIndex: { total: number; groups: { code: string; points: number | null }[] };
      timelinessReport: { total: { received: number; onTimeRate: number } };
    }>(
      `query($u: ID!) {
        serviceIndex(unitId: $u, period: YEAR, date: "2019-01-01") {
          ... on ServiceIndex { total groups { code points } }
        }
        timelinessReport(unitId: $u, from: "2019-01-01", to: "2019-12-31", groupBy: AGENCY) {
          ... on TimelinessReport { total { received onTimeRate } }
        }
      }`,
      { u: unit.id },
    );
    const vi = (x: number, digits: number) =>
      new Intl.NumberFormat('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
        x,
      );

    const page = await signedInPage(app, demoUsers.analyst);
    await page.goto(`${app.baseUrl}/admin/bao-cao?unit=06&year=2019`);
    const service = page.getByRole('region', { name: 'Chỉ số phục vụ theo Quyết định 766' });
    await service
      .getByTestId('service-total')
      .filter({ hasText: `Tổng điểm: ${vi(serviceIndex.total, 2)} / 100` })
      .waitFor();
    await service
      .getByRole('img', { name: 'Điểm từng nhóm trên điểm tối đa (%)' })
      .locator('svg')
      .first()
      .waitFor();
    // Every group with its points; every indicator with its definition and its n (the denominator).
    const table = service.getByTestId('service-table');
    for (const group of serviceIndex.groups) {
      await table.getByRole('rowheader', { name: new RegExp(`^Nhóm ${group.code}\\.`) }).waitFor();
    }
    await table.getByText(/^1\.1\. /).waitFor();

    const timeliness = page.getByRole('region', { name: 'Tiến độ giải quyết hồ sơ (đúng hạn)' });
    const total = await timeliness.getByTestId('timeliness-total').textContent();
    expect(total).toContain(`Tiếp nhận ${vi(timelinessReport.total.received, 0)}`);
    expect(total).toContain(`tỷ lệ đúng hạn ${vi(timelinessReport.total.onTimeRate * 100, 1)}%`);
    await timeliness.getByTestId('timeliness-table').getByRole('rowheader').first().waitFor();
    await service.scrollIntoViewIfNeeded();
    await app.screenshot(page, 'admin-report-service-index-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByText('English', { exact: true }).click();
    await page.getByRole('region', { name: 'Service index under Decision 766' }).waitFor();
    await page
      .getByRole('region', { name: 'Timeliness of dossiers' })
      .getByText(/^Received /)
      .waitFor();
  });
});
