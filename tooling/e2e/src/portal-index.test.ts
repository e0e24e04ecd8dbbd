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

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    const page = await app.newPage('phone');
    await page.goto(`${app.baseUrl}/chi-so?nam=2019`);
    await page.getByTestId('rank-chart').waitFor();
    await page.getByTestId('published-results').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
