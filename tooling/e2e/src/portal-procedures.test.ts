import { expect, it } from 'vitest';
import { seriousAxeViolations } from './axe.js';
import { describeE2E, type ViewportName } from './harness.js';

const widths: ViewportName[] = ['phone', 'desktop'];

describeE2E('portal: find a procedure', (app) => {
  for (const viewport of widths) {
    it(`searches without diacritics from the home page and opens a procedure (${viewport})`, async () => {
      const page = await app.newPage(viewport);
      await page.goto(`${app.baseUrl}/`);
      await page
        .getByRole('searchbox', { name: 'Tìm thủ tục, cơ quan hoặc địa phương' })
        .fill('ly lich tu phap');
      await page.getByRole('button', { name: 'Tìm kiếm' }).click();
      await page.waitForURL(/\/thu-tuc\?q=ly/);
      await page
        .getByTestId('procedure-count')
        .filter({ hasText: /Tìm thấy \d+ thủ tục/ })
        .waitFor();
      const results = page.getByTestId('procedure-result');
      expect(await results.count()).toBeGreaterThan(0);
      await expect(results.first().textContent()).resolves.toContain('lý lịch tư pháp');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport === 'phone' ? 360 : 1280,
      );
      await app.screenshot(page, `portal-procedures-search-${viewport}`);

      await page.getByRole('link', { name: /Cấp Phiếu lý lịch tư pháp cho công dân/ }).click();
      await page.getByRole('heading', { level: 2, name: /Cấp Phiếu lý lịch tư pháp cho công dân/ }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/thu-tuc/BKN.STP.001');
      await expect(page.getByTestId('procedure-cases').textContent()).resolves.toContain('15 ngày làm việc');
      await expect(page.getByTestId('procedure-documents').textContent()).resolves.toContain('1 bản sao');
      // 200,000 đồng, written the Vietnamese way.
      expect((await page.getByTestId('procedure-fees').textContent())?.replace(/\s/g, ' ')).toContain(
        '200.000 ₫',
      );
      await page.getByText('Có thể làm toàn bộ trực tuyến').waitFor();
      // The agency's satisfaction figure (Department of Justice, 2019).
      await page.locator('[data-metric="overall-index"] [data-testid="index-value"]').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport === 'phone' ? 360 : 1280,
      );
      await app.screenshot(page, `portal-procedure-${viewport}`);
    });
  }

  it('types as one searches, filters, loads more and handles "khai sinh"', async () => {
    const page = await app.newPage('phone');
    await page.goto(`${app.baseUrl}/thu-tuc`);
    const count = page.getByTestId('procedure-count');
    await count.filter({ hasText: /Tìm thấy \d+ thủ tục/ }).waitFor();
    const results = page.getByTestId('procedure-result');
    expect(await results.count()).toBe(20);
    await page.getByRole('button', { name: 'Xem thêm' }).click();
    await expect.poll(() => results.count()).toBe(40);

    const box = page.getByRole('searchbox', { name: 'Tìm thủ tục, cơ quan hoặc địa phương' });
    await box.fill('khai sinh');
    // No birth registration in the demo catalog: either a clear empty state or the closest matches.
    await count.filter({ hasText: /Không tìm thấy thủ tục nào|Tìm thấy \d+ thủ tục/ }).waitFor();
    await page.waitForURL(/q=khai\+sinh|q=khai%20sinh/);
    await app.screenshot(page, 'portal-procedures-khai-sinh-phone');

    await box.fill('');
    // On a phone the filters sit behind one button.
    const filters = page.getByRole('button', { name: 'Bộ lọc' });
    expect(await filters.getAttribute('aria-expanded')).toBe('false');
    await filters.click();
    await page.getByLabel('Dịch vụ công trực tuyến').selectOption('FULL');
    await page.waitForURL(/truc-tuyen=FULL/);
    await expect
      .poll(async () => (await results.allTextContents()).every((text) => text.includes('toàn trình')))
      .toBe(true);
    await page.getByLabel('Cơ quan thực hiện').selectOption('BKN-STP');
    await page.waitForURL(/co-quan=BKN-STP/);
    await expect
      .poll(async () => (await results.allTextContents()).every((text) => text.includes('Sở Tư pháp')))
      .toBe(true);
    await page.getByRole('button', { name: 'Bộ lọc (2)' }).waitFor();
    await app.screenshot(page, 'portal-procedures-filtered-phone');
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    const page = await app.newPage('phone');
    await page.goto(`${app.baseUrl}/thu-tuc?q=ly+lich`);
    await page.getByTestId('procedure-result').first().waitFor();
    expect(await seriousAxeViolations(page), '/thu-tuc').toEqual([]);
    await page.goto(`${app.baseUrl}/thu-tuc/BKN.STP.001`);
    await page.locator('[data-metric="overall-index"]').waitFor();
    expect(await seriousAxeViolations(page), '/thu-tuc/BKN.STP.001').toEqual([]);
  });
});
