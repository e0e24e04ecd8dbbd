import { expect, it } from 'vitest';
import { demoUsers, signedInPage } from './admin-session.js';
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

  it('refuses a wrong password with a clear message, then signs in and out', async () => {
    const page = await app.newPage('desktop');
    await page.goto(`${app.baseUrl}/admin/dang-nhap`);
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await page.getByLabel('Thư điện tử').fill(demoUsers.leader);
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page
      .getByTestId('sign-in-error')
      .filter({ hasText: 'Thư điện tử hoặc mật khẩu không đúng.' })
      .waitFor();
    await app.screenshot(page, 'admin-sign-in-error-desktop');

    await page.getByLabel('Mật khẩu').fill('ChiSo@demo2019');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('signed-in-as').filter({ hasText: 'Lãnh đạo tỉnh Bắc Kạn' }).waitFor();
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    expect(await page.getByTestId('signed-in-as').count()).toBe(0);
  });

  it('sends an anonymous visitor of a protected page to the sign-in page and back', async () => {
    const page = await app.newPage('desktop');
    await page.goto(`${app.baseUrl}/admin/tai-khoan`);
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await page.getByLabel('Thư điện tử').fill(demoUsers.analyst);
    await page.getByLabel('Mật khẩu').fill('ChiSo@demo2019');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Tài khoản' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/tai-khoan');
    await app.screenshot(page, 'admin-account-desktop');
  });

  const expected: Record<keyof typeof demoUsers, string[]> = {
    admin: ['Một cửa', 'Báo cáo chỉ số', 'Danh mục thủ tục', 'Khảo sát', 'Phản ánh, kiến nghị'],
    unitAdmin: ['Báo cáo chỉ số', 'Danh mục thủ tục', 'Khảo sát', 'Phản ánh, kiến nghị'],
    officer: ['Một cửa', 'Phản ánh, kiến nghị'],
    analyst: ['Báo cáo chỉ số'],
    leader: ['Báo cáo chỉ số'],
  };
  const areas = ['Một cửa', 'Báo cáo chỉ số', 'Danh mục thủ tục', 'Khảo sát', 'Phản ánh, kiến nghị'];
  /** A page of each area: reached by a role that opens it, refused ("not allowed") to one that does not. */
  const areaPaths: Record<string, string> = {
    'Một cửa': '/admin/mot-cua',
    'Báo cáo chỉ số': '/admin/bao-cao',
    'Danh mục thủ tục': '/admin/danh-muc',
    'Khảo sát': '/admin/khao-sat',
    'Phản ánh, kiến nghị': '/admin/phan-anh',
  };
  for (const [role, email] of Object.entries(demoUsers) as [keyof typeof demoUsers, string][]) {
    it(`shows ${role} only the areas the role opens`, async () => {
      const page = await signedInPage(app, email);
      const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
      for (const area of areas) {
        expect(await nav.getByRole('link', { name: area, exact: true }).count(), `${role}: ${area}`).toBe(
          expected[role].includes(area) ? 1 : 0,
        );
      }
      await app.screenshot(page, `admin-home-${role}-desktop`);
      for (const area of areas.filter((a) => !expected[role].includes(a))) {
        await page.goto(`${app.baseUrl}${areaPaths[area]}`);
        await page.getByRole('heading', { name: 'Không có quyền truy cập' }).waitFor();
      }
    });
  }

  it('shows a clear "not allowed" page on a route the role does not open', async () => {
    const page = await signedInPage(app, demoUsers.analyst);
    await page.goto(`${app.baseUrl}/admin/mot-cua`);
    await page.getByRole('heading', { name: 'Không có quyền truy cập' }).waitFor();
    await app.screenshot(page, 'admin-not-allowed-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    const page = await app.newPage('desktop');
    for (const path of ['/admin/', '/admin/don-vi?level=PROVINCE&asOf=2019-12-31', '/admin/dang-nhap']) {
      await page.goto(`${app.baseUrl}${path}`);
      await page.getByTestId('demo-notice').waitFor();
      expect(await seriousAxeViolations(page), path).toEqual([]);
    }
  });

  it('folds the navigation on a portrait tablet and keeps wide tables scrollable', async () => {
    const page = await signedInPage(app, demoUsers.admin, 'tabletPortrait');
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    expect(await nav.isVisible()).toBe(false);
    const menu = page.getByRole('button', { name: 'Trình đơn' });
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await nav.getByRole('link', { name: 'Báo cáo chỉ số' }).waitFor();
    await app.screenshot(page, 'admin-menu-open-tablet-portrait');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await nav.getByRole('link', { name: 'Báo cáo chỉ số' }).click();
    await page.getByRole('heading', { name: 'Báo cáo chỉ số hài lòng' }).waitFor();
    expect(await nav.isVisible()).toBe(false);
    await page.getByTestId('criteria-table').waitFor();
    // The page itself never scrolls sideways; wide tables scroll inside their own box.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByTestId('heat-map').waitFor();
    await app.screenshot(page, 'admin-report-tablet-portrait');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('shows the full navigation on a landscape tablet', async () => {
    const page = await signedInPage(app, demoUsers.admin, 'tablet');
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await nav.getByRole('link', { name: 'Phản ánh, kiến nghị' }).waitFor();
    expect(await page.getByRole('button', { name: 'Trình đơn' }).isVisible()).toBe(false);
    await nav.getByRole('link', { name: 'Một cửa' }).click();
    await page.getByRole('heading', { name: 'Bộ phận một cửa' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await app.screenshot(page, 'admin-desk-tablet-landscape');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
