import { expect, it } from 'vitest';
import { demoUsers, signedInPage } from './admin-session.js';
import { seriousAxeViolations } from './axe.js';
import { describeE2E } from './harness.js';

const CSV = [
  'code,name,name_en,field,level,online_level,processing_days,agencies',
  'BKN.STP.901,Cấp bản sao trích lục lý lịch (mẫu),Copy of a record extract,BKN-STP-LLTP,province,full,3,BKN-STP',
  '2.002001,Thủ tục sai,Bad,NOPE,xa,sometimes,abc,BKN-STP',
].join('\r\n');

describeE2E('admin catalog', (app) => {
  it('searches the catalog and imports a CSV with a bad row after a dry run', async () => {
    const page = await signedInPage(app, demoUsers.unitAdmin);
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Danh mục thủ tục' })
      .click();
    await page.getByRole('heading', { name: 'Danh mục thủ tục hành chính' }).waitFor();
    await page
      .getByTestId('procedure-count')
      .filter({ hasText: /\d+ thủ tục/ })
      .waitFor();
    await page.getByLabel('Tìm thủ tục (không cần dấu)').fill('ly lich tu phap');
    await page
      .getByTestId('procedure-table')
      .getByRole('cell', { name: /Phiếu lý lịch tư pháp/ })
      .first()
      .waitFor();
    await app.screenshot(page, 'admin-catalog-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Nhập từ tệp CSV' }).click();
    await page.getByRole('heading', { name: 'Nhập danh mục thủ tục' }).waitFor();
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'danh-muc.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
    await page.getByRole('button', { name: 'Chạy thử (không ghi)' }).click();
    const summary = page.getByTestId('import-summary');
    await summary
      .filter({ hasText: 'Chạy thử: 1 thêm mới, 0 cập nhật, 0 không đổi, 1 bị từ chối.' })
      .waitFor();
    const rows = page.getByTestId('import-rows');
    const bad = rows.getByRole('row', { name: /2\.002001/ });
    expect(await bad.textContent()).toContain('Bị từ chối');
    expect(await bad.textContent()).toContain('online_level');
    await app.screenshot(page, 'admin-catalog-import-preview-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Ghi vào danh mục' }).click();
    await summary.filter({ hasText: 'Đã ghi: 1 thêm mới' }).waitFor();
    await page.goto(`${app.baseUrl}/admin/danh-muc?q=BKN.STP.901`);
    await page.getByTestId('procedure-table').getByRole('cell', { name: 'BKN.STP.901' }).waitFor();
  });
});
