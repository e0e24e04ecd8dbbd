import { expect, it } from 'vitest';
import { seriousAxeViolations } from './axe.js';
import { describeE2E } from './harness.js';

describeE2E('admin', (app) => {
  it('renders the shell at /admin/ with its navigation', async () => {
    const page = await app.newPage('desktop');
    await page.goto(`${app.baseUrl}/admin`);
    await page.getByRole('heading', { name: 'Quản trị Chỉ số' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/');
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await nav.getByRole('link', { name: 'Đơn vị hành chính' }).click();
    await page.getByTestId('unit-count').filter({ hasText: '34 đơn vị' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/don-vi');
    await app.screenshot(page, 'admin-units-desktop');
  });

  it('opens client routes directly and shows the sign-in placeholder', async () => {
    const page = await app.newPage('desktop');
    await page.goto(`${app.baseUrl}/admin/dang-nhap`);
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await page.getByLabel('Thư điện tử').fill('can.bo@example.vn');
    await page.getByLabel('Mật khẩu').fill('mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Chưa thể đăng nhập').waitFor();
    await app.screenshot(page, 'admin-sign-in-desktop');
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    const page = await app.newPage('desktop');
    for (const path of ['/admin/', '/admin/don-vi?level=PROVINCE&asOf=2019-12-31', '/admin/dang-nhap']) {
      await page.goto(`${app.baseUrl}${path}`);
      await page.getByTestId('demo-notice').waitFor();
      expect(await seriousAxeViolations(page), path).toEqual([]);
    }
  });
});
