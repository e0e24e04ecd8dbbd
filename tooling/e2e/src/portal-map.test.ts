import { expect, it } from 'vitest';
import { seriousAxeViolations } from './axe.js';
import { describeE2E, type ViewportName } from './harness.js';

const widths: ViewportName[] = ['phone', 'desktop'];

describeE2E('portal: map of provinces coloured by their index', (app) => {
  for (const viewport of widths) {
    it(`draws the 63 provinces of 2019 and the 34 of 2026, coloured where there is data (${viewport})`, async () => {
      const page = await app.newPage(viewport);
      const mapRequests: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('vn-provinces')) mapRequests.push(request.url());
      });
      // The boundaries are not part of the first load of the portal.
      await page.goto(`${app.baseUrl}/`);
      await page.getByRole('searchbox').first().waitFor();
      expect(mapRequests).toEqual([]);

      await page.goto(`${app.baseUrl}/tinh-thanh?year=2019`);
      const map = page.getByTestId('province-map');
      await map.waitFor();
      expect(await map.getAttribute('data-provinces')).toBe('63');
      expect(mapRequests).toHaveLength(1);
      // Bắc Kạn's 2019 index is computed from the demo survey (85.16%, n = 900): the 85–90 class.
      const bacKan = map.locator('a[data-code="06"]');
      await expect.poll(() => bacKan.getAttribute('data-class')).toBe('3');
      expect(await bacKan.getAttribute('aria-label')).toMatch(/^Bắc Kạn: 85,16% \(900 phiếu\)$/);
      // Hà Nội has neither survey data nor a published 2019 figure: shown as such, in the legend too.
      expect(await map.locator('a[data-code="01"]').getAttribute('data-class')).toBe('none');
      expect(await map.locator('a[data-code="01"]').getAttribute('aria-label')).toBe(
        'Hà Nội: Chưa có số liệu',
      );
      await map.getByText('Chưa có số liệu').waitFor();
      await map.getByText('geoBoundaries').waitFor();
      // The table carries the same figures.
      const row = page.getByTestId('province-table').locator('td[data-code="06"]');
      await expect(row.textContent()).resolves.toBe('85,16% (n = 900)');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport === 'phone' ? 360 : 1280,
      );
      await map.scrollIntoViewIfNeeded();
      await app.screenshot(page, `portal-map-2019-${viewport}`);

      await page.getByLabel('Năm', { exact: true }).selectOption('2026');
      await page.waitForURL(/year=2026/);
      await expect.poll(() => map.getAttribute('data-provinces')).toBe('34');
      // Thái Nguyên (19) took in Bắc Kạn: one shape, Bắc Kạn's code is gone from the map.
      expect(await map.locator('a[data-code="19"]').count()).toBe(1);
      expect(await map.locator('a[data-code="06"]').count()).toBe(0);
      await app.screenshot(page, `portal-map-2026-${viewport}`);
      expect(await seriousAxeViolations(page), '/tinh-thanh?year=2026').toEqual([]);
    });
  }

  it('is usable with the keyboard: Tab reads a province, Enter opens its index page', async () => {
    const page = await app.newPage('desktop');
    await page.goto(`${app.baseUrl}/tinh-thanh?year=2019`);
    const map = page.getByTestId('province-map');
    await map.locator('a[data-code="06"][data-class="3"]').waitFor();
    await page.getByLabel('Năm', { exact: true }).focus();
    // Past the year box, the first provinces of the map come in code order.
    await page.keyboard.press('Tab');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-code') ?? null))
      .toBe('01');
    await page.getByTestId('map-active').filter({ hasText: 'Hà Nội: Chưa có số liệu' }).waitFor();
    await map.locator('a[data-code="06"]').focus();
    await page.getByTestId('map-active').filter({ hasText: 'Bắc Kạn: 85,16%' }).waitFor();
    await app.screenshot(page, 'portal-map-keyboard-desktop');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/chi-so\?tinh=06&nam=2019/);
    await page.getByTestId('province-index').waitFor();
    expect(await seriousAxeViolations(page), '/chi-so?tinh=06&nam=2019').toEqual([]);
  });

  it('has no serious or critical accessibility violations on the 2019 map (axe-core)', async () => {
    const page = await app.newPage('phone');
    await page.goto(`${app.baseUrl}/tinh-thanh?year=2019`);
    await page.getByTestId('province-map').locator('a[data-class="3"]').first().waitFor();
    expect(await seriousAxeViolations(page), '/tinh-thanh?year=2019').toEqual([]);
  });
});
