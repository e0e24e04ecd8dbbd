import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { demoUsers, signedInPage } from './admin-session.js';
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
    await page.getByLabel('Quý').selectOption('2');
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
});
