import { expect, it } from 'vitest';
import { seriousAxeViolations } from './axe.js';
import { describeE2E, type ViewportName } from './harness.js';

const widths: ViewportName[] = ['phone', 'desktop'];

describeE2E('portal: the index page', (app) => {
  for (const viewport of widths) {
    it(`shows Bắc Kạn 2019 (85,16%), its five factors, the ranking and published results (${viewport})`, async () => {
      const page = await app.newPage(viewport);
      await page.goto(`${app.baseUrl}/chi-so`);
      const overall = page.locator('[data-testid="province-index"] [data-metric="overall-index"]');
      await overall.getByTestId('index-value').filter({ hasText: '85,16%' }).waitFor();
      await expect(overall.getByTestId('index-n').textContent()).resolves.toContain('900');
      const factors = page.getByTestId('factor-figures').locator('[data-metric="dimension-index"]');
      expect(await factors.count()).toBe(5);
      await expect(factors.nth(1).getByTestId('index-value').textContent()).resolves.toBe('90,26%');
      await expect(factors.nth(1).getByTestId('index-interval').textContent()).resolves.toContain('–');
      // Each figure carries its definition one click away.
      await factors
        .nth(0)
        .getByRole('button', { name: /định nghĩa/i })
        .click();
      await factors.nth(0).getByTestId('index-definition').waitFor();

      await page.getByTestId('rank-chart').waitFor();
      await page.getByTestId('ranking-summary').filter({ hasText: 'trên 63 tỉnh' }).waitFor();
      await expect(page.getByTestId('ranking-table').textContent()).resolves.toContain('Bắc Kạn');
      await expect(page.getByTestId('published-results').textContent()).resolves.toContain('84,45%');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport === 'phone' ? 360 : 1280,
      );
      await app.screenshot(page, `portal-index-2019-${viewport}`);
    });
  }

  for (const viewport of widths) {
    it(`charts the index and its five factors over the years, with n, small years withheld (${viewport})`, async () => {
      const page = await app.newPage(viewport);
      await page.goto(`${app.baseUrl}/chi-so?tinh=06&nam=2019`);
      const history = page.getByTestId('index-history');
      await history.getByText(/Năm có ít hơn \d+ phiếu không được công bố/).waitFor();
      // The chart is drawn by code loaded on demand, with a name and a legend for the six lines.
      const chart = history.getByRole('img', { name: /Biểu đồ chỉ số hài lòng và năm yếu tố của Bắc Kạn/ });
      await chart.waitFor();
      // One line per series: overall, published and the five factors.
      await expect.poll(() => chart.locator('.recharts-line').count()).toBe(7);
      const table = page.getByTestId('index-history-table');
      const row2019 = table.locator('tbody tr').filter({ hasText: '2019' });
      await expect(row2019.textContent()).resolves.toContain('85,16% (n = 900)');
      await expect(row2019.textContent()).resolves.toContain('90,26%');
      expect(await table.locator('thead th').count()).toBe(8);
      // 2023: only the published result (75,03%), no survey data in the demo.
      const row2023 = table.locator('tbody tr').filter({ hasText: '2023' });
      await expect(row2023.textContent()).resolves.toContain('75,03%');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport === 'phone' ? 360 : 1280,
      );
      await history.scrollIntoViewIfNeeded();
      await app.screenshot(page, `portal-index-history-${viewport}`);
      if (viewport === 'phone') expect(await seriousAxeViolations(page)).toEqual([]);
    });
  }

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    const page = await app.newPage('phone');
    await page.goto(`${app.baseUrl}/chi-so?nam=2019`);
    await page.getByTestId('rank-chart').waitFor();
    await page.getByTestId('published-results').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
