import { expect, it } from 'vitest';
import { seriousAxeViolations } from './axe.js';
import { describeE2E, type ViewportName } from './harness.js';

const widths: ViewportName[] = ['phone', 'desktop'];

describeE2E('portal: track a dossier', (app) => {
  for (const viewport of widths) {
    it(`tracks the demo dossier from a QR link, and refuses a wrong PIN (${viewport})`, async () => {
      const page = await app.newPage(viewport);
      await page.goto(`${app.baseUrl}/tra-cuu-ho-so?ma=BKN-STP-190102-0001`);
      await page.getByRole('heading', { name: 'Tra cứu hồ sơ', level: 2 }).waitFor();
      expect(await page.getByLabel('Mã biên nhận').inputValue()).toBe('BKN-STP-190102-0001');

      await page.getByLabel('Mã PIN').fill('000000');
      await page.getByRole('button', { name: 'Tra cứu' }).click();
      const error = page.getByTestId('dossier-error');
      await error.waitFor();
      expect(await error.textContent()).toContain('Mã biên nhận hoặc mã PIN không đúng');
      await app.screenshot(page, `portal-dossier-wrong-pin-${viewport}`);

      await page.getByLabel('Mã PIN').fill('246810');
      await page.getByRole('button', { name: 'Tra cứu' }).click();
      await page.getByTestId('dossier-result').waitFor();
      expect(await error.count()).toBe(0);
      await expect(page.getByTestId('dossier-state').textContent()).resolves.toBe('Đã trả kết quả');
      // 2019-01-16T00:52Z is 07:52 in Vietnam.
      await expect(page.getByTestId('dossier-due').textContent()).resolves.toContain('16/01/2019');
      await expect(page.getByTestId('dossier-due').textContent()).resolves.toContain('07:52');
      const history = await page.getByTestId('dossier-history').textContent();
      expect(history).toContain('Tiếp nhận hồ sơ');
      expect(history).toContain('Đã trả kết quả');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport === 'phone' ? 360 : 1280,
      );
      await app.screenshot(page, `portal-dossier-${viewport}`);
    });
  }

  it('gives the same message for an unknown code as for a wrong PIN', async () => {
    const page = await app.newPage('phone');
    await page.goto(`${app.baseUrl}/tra-cuu-ho-so`);
    await page.getByLabel('Mã biên nhận').fill('BKN-STP-190102-9999');
    await page.getByLabel('Mã PIN').fill('246810');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page
      .getByTestId('dossier-error')
      .filter({ hasText: 'Mã biên nhận hoặc mã PIN không đúng' })
      .waitFor();
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    const page = await app.newPage('phone');
    await page.goto(`${app.baseUrl}/tra-cuu-ho-so?ma=BKN-STP-190102-0001`);
    await page.getByLabel('Mã PIN').fill('246810');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.getByTestId('dossier-result').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
