import { expect, it } from 'vitest';
import { seriousAxeViolations } from './axe.js';
import { describeE2E, type ViewportName } from './harness.js';

const widths: ViewportName[] = ['phone', 'desktop'];

describeE2E('portal', (app) => {
  for (const viewport of widths) {
    it(`home renders in Vietnamese with the demo notice (${viewport})`, async () => {
      const page = await app.newPage(viewport);
      await page.goto(`${app.baseUrl}/`);
      await page.getByRole('heading', { name: 'Đo lường chất lượng dịch vụ công' }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('vi');
      await page.getByTestId('demo-notice').waitFor();
      await expect(
        page.getByRole('searchbox', { name: 'Tìm thủ tục, cơ quan hoặc địa phương' }).count(),
      ).resolves.toBe(1);
      // Nothing wider than the screen: no sideways scrolling on a phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport === 'phone' ? 360 : 1280,
      );
      await app.screenshot(page, `portal-home-${viewport}`);
    });

    it(`lists 63 provinces in 2019 and 34 in 2026 (${viewport})`, async () => {
      const page = await app.newPage(viewport);
      await page.goto(`${app.baseUrl}/tinh-thanh?year=2019`);
      const rows = page.getByTestId('province-table').locator('tbody tr');
      await page.getByTestId('province-count').filter({ hasText: '63 tỉnh, thành phố' }).waitFor();
      expect(await rows.count()).toBe(63);
      await expect(page.getByRole('cell', { name: 'Bắc Kạn', exact: true }).count()).resolves.toBe(1);
      await page.getByRole('img', { name: 'Số tỉnh, thành phố theo vùng' }).locator('svg').first().waitFor();
      await app.screenshot(page, `portal-provinces-2019-${viewport}`);

      await page.getByLabel('Năm', { exact: true }).selectOption('2026');
      await page.getByTestId('province-count').filter({ hasText: '34 tỉnh, thành phố' }).waitFor();
      expect(await rows.count()).toBe(34);
      expect(page.url()).toContain('year=2026');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport === 'phone' ? 360 : 1280,
      );
      await app.screenshot(page, `portal-provinces-2026-${viewport}`);
    });
  }

  it('switches to English and remembers it after a reload', async () => {
    const page = await app.newPage('phone');
    await page.goto(`${app.baseUrl}/tinh-thanh?year=2019`);
    await page.getByText('English', { exact: true }).click();
    await page.getByTestId('province-count').filter({ hasText: '63 provinces' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Provinces', exact: true }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await app.screenshot(page, 'portal-provinces-2019-phone-en');
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    const page = await app.newPage('phone');
    for (const path of ['/', '/tinh-thanh?year=2019']) {
      await page.goto(`${app.baseUrl}${path}`);
      await page.getByTestId('demo-notice').waitFor();
      if (path !== '/') await page.getByTestId('province-table').waitFor();
      expect(await seriousAxeViolations(page), path).toEqual([]);
    }
  });
});
