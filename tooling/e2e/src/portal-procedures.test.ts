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
    await box.fill('nonsense zzqxw');
    await count.filter({ hasText: 'Không tìm thấy thủ tục nào' }).waitFor();

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

  for (const viewport of widths) {
    it(`finds birth registration for "khai sinh" typed without diacritics and opens it (${viewport})`, async () => {
      const page = await app.newPage(viewport);
      await page.goto(`${app.baseUrl}/thu-tuc`);
      await page.getByRole('searchbox', { name: 'Tìm thủ tục, cơ quan hoặc địa phương' }).fill('khai sinh');
      await page.waitForURL(/q=khai\+sinh|q=khai%20sinh/);
      const first = page.getByTestId('procedure-result').first();
      await expect.poll(() => first.textContent()).toContain('Đăng ký khai sinh');
      await expect(first.textContent()).resolves.toContain('Hộ tịch');
      await app.screenshot(page, `portal-procedures-khai-sinh-${viewport}`);

      await first.getByRole('link', { name: 'Đăng ký khai sinh' }).click();
      await page.getByRole('heading', { level: 2, name: 'Đăng ký khai sinh' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/thu-tuc/BKN.STP.018');
      const cases = await page.getByTestId('procedure-cases').textContent();
      expect(cases).toContain('1 ngày làm việc');
      expect(cases).toContain('kết hợp nhận cha, mẹ, con');
      await expect(page.getByTestId('procedure-documents').textContent()).resolves.toContain(
        'Giấy chứng sinh',
      );
      await expect(page.getByTestId('procedure-fees').textContent()).resolves.toContain('Miễn phí');
      await page.getByText('Ủy ban nhân dân cấp xã nơi cư trú của người cha hoặc người mẹ').waitFor();
      await page.getByText(/Luật Hộ tịch 2014; Nghị định 123\/2015\/NĐ-CP/).waitFor();
      await page.locator('[data-metric="overall-index"] [data-testid="index-value"]').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport === 'phone' ? 360 : 1280,
      );
      await app.screenshot(page, `portal-procedure-khai-sinh-${viewport}`);
      expect(await seriousAxeViolations(page), '/thu-tuc/BKN.STP.018').toEqual([]);
    });
  }

  it('filters by field, level and online level from the address, and lists every field', async () => {
    const page = await app.newPage('desktop');
    await page.goto(`${app.baseUrl}/thu-tuc`);
    const results = page.getByTestId('procedure-result');
    await results.first().waitFor();
    const field = page.getByLabel('Lĩnh vực');
    // Every field of the catalog, not only those on the first page of results.
    await expect
      .poll(async () => (await field.locator('option').allTextContents()).includes('Hộ tịch'))
      .toBe(true);
    await field.selectOption({ label: 'Hộ tịch' });
    await page.waitForURL(/linh-vuc=BKN-STP-HT/);
    await page.getByTestId('procedure-count').filter({ hasText: 'Tìm thấy 1 thủ tục' }).waitFor();
    await page.getByLabel('Cấp thực hiện').selectOption('COMMUNE');
    await page.waitForURL(/cap=COMMUNE/);
    await page.getByTestId('procedure-count').filter({ hasText: 'Tìm thấy 1 thủ tục' }).waitFor();
    await page.getByLabel('Dịch vụ công trực tuyến').selectOption('FULL');
    await page.getByTestId('procedure-count').filter({ hasText: 'Không tìm thấy thủ tục nào' }).waitFor();
    await app.screenshot(page, 'portal-procedures-filter-field-desktop');
    // The address alone restores the filters.
    await page.goto(`${app.baseUrl}/thu-tuc?linh-vuc=BKN-STP-HT&cap=COMMUNE&truc-tuyen=PARTIAL`);
    await expect.poll(() => results.count()).toBe(1);
    await expect(results.first().textContent()).resolves.toContain('Đăng ký khai sinh');
    expect(await page.getByLabel('Lĩnh vực').inputValue()).toBe('BKN-STP-HT');
    expect(await page.getByLabel('Cấp thực hiện').inputValue()).toBe('COMMUNE');
    expect(await page.getByLabel('Dịch vụ công trực tuyến').inputValue()).toBe('PARTIAL');
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
