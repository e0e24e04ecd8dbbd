import { expect, it } from 'vitest';
import { demoUsers, signedInPage } from './admin-session.js';
import { seriousAxeViolations } from './axe.js';
import { describeE2E } from './harness.js';

const CODE = 'BKN-E2E-KIEMTRA';
const CENTER = 'BKN-TTPVHCC';

describeE2E('admin agencies and calendars', (app) => {
  it('lets a unit admin create, edit, assign, move and retire an agency', async () => {
    const page = await signedInPage(app, demoUsers.unitAdmin);
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Cơ quan, đơn vị' })
      .click();
    await page.getByRole('heading', { name: 'Cơ quan và đơn vị hành chính' }).waitFor();
    await page
      .getByTestId('agency-count')
      .filter({ hasText: /\d+ cơ quan/ })
      .waitFor();
    // The 2025 reorganisation: the demo province's unit is marked and its successor linked.
    await page.getByTestId('unit-version').filter({ hasText: 'Đã sắp xếp lại' }).first().waitFor();
    expect(await page.getByTestId('unit-successor').count()).toBeGreaterThan(0);
    await page.getByLabel('Tìm cơ quan (theo mã, tên)').fill('tu phap');
    await page.getByTestId('agency-tree').getByRole('link', { name: 'Sở Tư pháp' }).waitFor();
    await app.screenshot(page, 'admin-agencies-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // English beside Vietnamese.
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Agencies and administrative units' }).waitFor();
    await page.getByText('Reorganised from 2025-06-30').first().waitFor();
    await page.getByText('Tiếng Việt', { exact: true }).click();
    await page.getByRole('heading', { name: 'Cơ quan và đơn vị hành chính' }).waitFor();

    // Create: a bad code shows the API's field error beside the field, then a good one goes through.
    await page.getByLabel('Mã cơ quan').fill('mã sai');
    await page.getByLabel('Tiền tố số biên nhận').fill('BKN-E2E');
    await page.getByLabel('Tên (tiếng Việt)').fill('Tổ kiểm thử');
    await page.getByLabel('Tên (tiếng Anh)').fill('Test team');
    await page.getByRole('button', { name: 'Thêm cơ quan' }).click();
    await page.getByTestId('create-agency-error').waitFor();
    expect(await page.getByLabel('Mã cơ quan').getAttribute('aria-invalid')).toBe('true');
    await page
      .getByText(/Mã cơ quan gồm 2–40 chữ cái không dấu/)
      .first()
      .waitFor();
    await app.screenshot(page, 'admin-agencies-create-error-desktop');
    await page.getByLabel('Mã cơ quan').fill(CODE);
    await page.getByRole('button', { name: 'Thêm cơ quan' }).click();
    await page.getByRole('heading', { name: 'Tổ kiểm thử' }).waitFor();

    // Edit: a bad email is refused on its field; a good edit is saved.
    await page.getByLabel('Thư điện tử').fill('khong-phai-thu');
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByText('Địa chỉ thư điện tử không hợp lệ.').first().waitFor();
    expect(await page.getByLabel('Thư điện tử').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Thư điện tử').fill('kiemthu@backan.gov.vn');
    await page.getByLabel('Tên (tiếng Việt)').fill('Tổ kiểm thử liên ngành');
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByRole('heading', { name: 'Tổ kiểm thử liên ngành' }).waitFor();
    const saved = await app.db
      .selectFrom('agency')
      .select(['nameVi', 'email'])
      .where('code', '=', CODE)
      .executeTakeFirstOrThrow();
    expect(saved).toEqual({ nameVi: 'Tổ kiểm thử liên ngành', email: 'kiemthu@backan.gov.vn' });

    // A service point.
    await page.getByRole('button', { name: 'Thêm điểm tiếp nhận' }).click();
    const spForm = page.getByTestId('service-point-form');
    await spForm.getByLabel('Tên điểm').fill('Quầy số 1');
    await spForm.getByLabel('Địa chỉ').fill('Trung tâm Phục vụ hành chính công');
    await spForm.getByRole('button', { name: 'Lưu điểm tiếp nhận' }).click();
    await page.getByTestId('service-points').getByRole('cell', { name: 'Quầy số 1', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Sửa điểm Quầy số 1' }).click();
    await spForm.getByLabel('Tên điểm').fill('Quầy số 2');
    await spForm.getByRole('button', { name: 'Lưu điểm tiếp nhận' }).click();
    await page.getByTestId('service-points').getByRole('cell', { name: 'Quầy số 2', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Xoá điểm Quầy số 2' }).click();
    await page.getByText('Chưa có điểm tiếp nhận.').waitFor();
    await page.getByRole('button', { name: 'Thêm điểm tiếp nhận' }).click();
    await spForm.getByLabel('Tên điểm').fill('Quầy số 1');
    await spForm.getByRole('button', { name: 'Lưu điểm tiếp nhận' }).click();
    // An in-person point needs an address: the API's field error is shown on it.
    await page.getByTestId('service-point-error').filter({ hasText: 'cần địa chỉ' }).waitFor();
    expect(await page.getByTestId('service-point-error').textContent()).not.toContain('ValidationError');
    expect(await spForm.getByLabel('Địa chỉ').getAttribute('aria-invalid')).toBe('true');
    await spForm.getByLabel('Địa chỉ').fill('Tầng 1, Trung tâm Phục vụ hành chính công');
    await spForm.getByRole('button', { name: 'Lưu điểm tiếp nhận' }).click();
    await page.getByTestId('service-points').getByRole('cell', { name: 'Quầy số 1', exact: true }).waitFor();

    // Assign a procedure from the catalog, diacritics optional.
    await page.getByLabel('Tìm trong danh mục (không cần dấu)').fill('ly lich tu phap');
    await page
      .getByTestId('catalog-results')
      .getByRole('button', { name: /^Giao thủ tục / })
      .first()
      .click();
    await page.getByTestId('assigned-count').filter({ hasText: '1 thủ tục' }).waitFor();
    await page.getByRole('button', { name: /^Thôi giao thủ tục / }).click();
    await page.getByTestId('assigned-count').filter({ hasText: '0 thủ tục' }).waitFor();
    await page
      .getByTestId('catalog-results')
      .getByRole('button', { name: /^Giao thủ tục / })
      .first()
      .click();
    await page.getByTestId('assigned-count').filter({ hasText: '1 thủ tục' }).waitFor();

    // Move under the service center.
    await page.getByRole('combobox', { name: 'Cơ quan cha' }).selectOption(CENTER);
    await page.getByRole('button', { name: 'Chuyển', exact: true }).click();
    await page.getByText('Đã chuyển cơ quan.').waitFor();
    await page.getByTestId('agency-parent').waitFor();
    await app.screenshot(page, 'admin-agency-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The parent cannot be retired while the new agency is under it: the API's refusal is shown.
    await page.getByTestId('agency-parent').click();
    await page.getByRole('heading', { name: 'Ngừng hoạt động' }).waitFor();
    await page.getByRole('button', { name: 'Cho ngừng hoạt động…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ngừng hoạt động' }).click();
    await page.getByTestId('retire-error').waitFor();
    const parent = await app.db
      .selectFrom('agency')
      .select('validTo')
      .where('code', '=', CENTER)
      .executeTakeFirstOrThrow();
    expect(parent.validTo).toBeNull();

    // Retire the new agency, after confirming.
    await page.goto(`${app.baseUrl}/admin/co-quan/${CODE}`);
    await page.getByRole('button', { name: 'Cho ngừng hoạt động…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(CODE).waitFor();
    await dialog.getByRole('button', { name: 'Ngừng hoạt động' }).click();
    await page.getByTestId('agency-retired').waitFor();
    const retired = await app.db
      .selectFrom('agency')
      .select('validTo')
      .where('code', '=', CODE)
      .executeTakeFirstOrThrow();
    expect(retired.validTo).not.toBeNull();

    const tablet = await signedInPage(app, demoUsers.unitAdmin, 'tablet');
    await tablet.goto(`${app.baseUrl}/admin/co-quan/${CODE}`);
    await tablet.getByRole('heading', { name: 'Tổ kiểm thử liên ngành' }).waitFor();
    await app.screenshot(tablet, 'admin-agency-tablet');
    expect(await seriousAxeViolations(tablet)).toEqual([]);
  });

  it('adds and removes a day of the unit calendar, with field errors', async () => {
    const page = await signedInPage(app, demoUsers.unitAdmin);
    await page.goto(`${app.baseUrl}/admin/lich-lam-viec?year=2026`);
    await page.getByRole('heading', { name: 'Lịch làm việc', exact: true }).waitFor();
    await page.getByTestId('calendar-grid').waitFor();
    // The national calendar is there: 2 September is a day off.
    expect(await page.locator('[data-date="2026-09-02"]').getAttribute('data-kind')).toBe('HOLIDAY');

    await page.getByLabel('Ngày', { exact: true }).fill('2026-12-21');
    await page.getByRole('button', { name: 'Lưu ngày' }).click();
    await page.getByTestId('calendar-error').waitFor();
    expect(await page.getByLabel('Lý do (tiếng Việt)').getAttribute('aria-invalid')).toBe('true');
    await app.screenshot(page, 'admin-calendar-error-desktop');

    await page.getByLabel('Lý do (tiếng Việt)').fill('Nghỉ kỷ niệm ngày thành lập tỉnh');
    await page.getByLabel('Lý do (tiếng Anh)').fill('Province foundation day');
    await page.getByRole('button', { name: 'Lưu ngày' }).click();
    await page.getByText('Đã lưu ngày 2026-12-21.').waitFor();
    await page
      .getByTestId('calendar-days')
      .getByRole('cell', { name: 'Nghỉ kỷ niệm ngày thành lập tỉnh' })
      .waitFor();
    await page.locator('[data-date="2026-12-21"][data-kind="HOLIDAY"]').waitFor();
    await app.screenshot(page, 'admin-calendar-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Xoá ngày 2026-12-21' }).click();
    await page.getByText('Đã xoá ngày 2026-12-21.').waitFor();
    await page.locator('[data-date="2026-12-21"][data-kind="WORK"]').waitFor();
    const left = await app.db
      .selectFrom('calendarDay')
      .select('day')
      .where('nameVi', '=', 'Nghỉ kỷ niệm ngày thành lập tỉnh')
      .execute();
    expect(left).toEqual([]);

    const tablet = await signedInPage(app, demoUsers.unitAdmin, 'tabletPortrait');
    await tablet.goto(`${app.baseUrl}/admin/lich-lam-viec?year=2026`);
    await tablet.getByTestId('calendar-grid').waitFor();
    await app.screenshot(tablet, 'admin-calendar-tablet');
  });

  it('keeps an officer out of the agency and calendar screens', async () => {
    const page = await signedInPage(app, demoUsers.officer);
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await nav.getByRole('link', { name: 'Một cửa' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Cơ quan, đơn vị' }).count()).toBe(0);
    for (const path of ['co-quan', 'co-quan/BKN-STP', 'lich-lam-viec']) {
      await page.goto(`${app.baseUrl}/admin/${path}`);
      await page.getByTestId('not-allowed').waitFor();
    }
  });
});
