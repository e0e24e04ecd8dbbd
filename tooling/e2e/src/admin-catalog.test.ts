import ExcelJS from 'exceljs';
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

    await page.getByRole('link', { name: 'Nhập từ tệp CSV, XLSX' }).click();
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

describeE2E('admin procedure editing', (app) => {
  it("edits a procedure's cases, documents and fees, with a field error on the row at fault", async () => {
    const procedure = await app.db
      .selectFrom('procedure')
      .select(['id', 'code'])
      .where('nameVi', 'like', 'Cấp Phiếu lý lịch tư pháp%')
      .where(({ exists, selectFrom }) =>
        exists(selectFrom('procedureCase').whereRef('procedureCase.procedureId', '=', 'procedure.id')),
      )
      .orderBy('code')
      .executeTakeFirstOrThrow();
    const page = await signedInPage(app, demoUsers.unitAdmin);
    await page.goto(`${app.baseUrl}/admin/danh-muc?q=${encodeURIComponent(procedure.code)}`);
    await page.getByTestId('procedure-table').getByRole('link', { name: procedure.code }).click();
    await page.getByRole('heading', { name: `Sửa thủ tục ${procedure.code}` }).waitFor();

    // Cases: the first case's processing time.
    const cases = page.getByRole('form', { name: 'Trường hợp giải quyết và thời hạn' });
    await cases.getByLabel('Số ngày (trực tiếp), dòng 1').fill('7');
    await cases.getByRole('button', { name: 'Lưu' }).click();
    await cases.getByRole('status').filter({ hasText: 'Đã lưu.' }).waitFor();

    // Fees: a new row without a name is refused on that row's name; then saved with one.
    const fees = page.getByRole('form', { name: 'Phí, lệ phí' });
    const feeRows = await fees.getByRole('row').count();
    await fees.getByRole('button', { name: 'Thêm dòng' }).click();
    const n = Math.max(feeRows, 1);
    await fees.getByLabel(`Số tiền (đồng), dòng ${n}`).fill('50000');
    await fees.getByRole('button', { name: 'Lưu' }).click();
    await page.getByTestId('procedure-fees-error').waitFor();
    expect(await fees.getByLabel(`Tên, dòng ${n}`).getAttribute('aria-invalid')).toBe('true');
    await fees.getByText('Cần tên khoản phí, lệ phí.').first().waitFor();
    await app.screenshot(page, 'admin-procedure-fee-error-desktop');
    await fees.getByLabel(`Tên, dòng ${n}`).fill('Lệ phí kiểm thử');
    await fees.getByRole('button', { name: 'Lưu' }).click();
    await fees.getByRole('status').filter({ hasText: 'Đã lưu.' }).waitFor();

    // Documents: a new reusable document.
    const documents = page.getByRole('form', { name: 'Thành phần hồ sơ' });
    await documents.getByRole('button', { name: 'Thêm dòng' }).click();
    const last = await documents.getByRole('row').count();
    await documents.getByLabel(`Tên, dòng ${last - 1}`).fill('Giấy tờ kiểm thử');
    await documents.getByLabel(`Tái sử dụng, dòng ${last - 1}`).check();
    await documents.getByRole('button', { name: 'Lưu' }).click();
    await documents.getByRole('status').filter({ hasText: 'Đã lưu.' }).waitFor();
    await app.screenshot(page, 'admin-procedure-edit-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);

    const firstCase = await app.db
      .selectFrom('procedureCase')
      .select(['processingHours'])
      .where('procedureId', '=', procedure.id)
      .orderBy('ordinal')
      .executeTakeFirstOrThrow();
    expect(Number(firstCase.processingHours)).toBe(56);
    const fee = await app.db
      .selectFrom('procedureFee')
      .select(['amountVnd'])
      .where('procedureId', '=', procedure.id)
      .where('nameVi', '=', 'Lệ phí kiểm thử')
      .executeTakeFirstOrThrow();
    expect(Number(fee.amountVnd)).toBe(50000);
    const document = await app.db
      .selectFrom('procedureDocument')
      .select(['reusable'])
      .where('procedureId', '=', procedure.id)
      .where('nameVi', '=', 'Giấy tờ kiểm thử')
      .executeTakeFirstOrThrow();
    expect(document.reusable).toBe(true);

    // English beside Vietnamese.
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: `Edit procedure ${procedure.code}` }).waitFor();
    await page.getByRole('form', { name: 'Required documents' }).waitFor();
    // No note of the Vietnamese moment is left behind; a save in English says so in English.
    expect(await page.getByText('Đã lưu.').count()).toBe(0);
    const feesEn = page.getByRole('form', { name: 'Fees' });
    await feesEn.getByRole('button', { name: 'Save' }).click();
    await feesEn.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await app.screenshot(page, 'admin-procedure-edit-en-desktop');
  });
});

describeE2E('admin catalog import from XLSX', (app) => {
  it('previews an XLSX file with progress, then writes it', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Danh mục');
    for (const line of CSV.split('\r\n')) sheet.addRow(line.split(','));
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());

    const page = await signedInPage(app, demoUsers.unitAdmin);
    await page.goto(`${app.baseUrl}/admin/danh-muc/nhap-tep`);
    await page.locator('input[type="file"]').setInputFiles({
      name: 'danh-muc.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: xlsx,
    });
    // Hold the request on its way to the real API, long enough to see the page say what it is doing.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/graphql', async (route) => {
      if (route.request().postData()?.includes('importProcedures')) await held;
      await route.continue();
    });
    await page.getByRole('button', { name: 'Chạy thử (không ghi)' }).click();
    const progress = page.getByTestId('import-progress');
    await progress.getByText(/^Đang gửi [\d,]+ KB và kiểm tra từng dòng…$/).waitFor();
    await progress.getByRole('progressbar', { name: 'Tiến độ nhập tệp' }).waitFor();
    expect(await page.getByRole('button', { name: 'Ghi vào danh mục' }).isDisabled()).toBe(true);
    await app.screenshot(page, 'admin-catalog-import-progress-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);
    release();

    const summary = page.getByTestId('import-summary');
    await summary
      .filter({ hasText: 'Chạy thử: 1 thêm mới, 0 cập nhật, 0 không đổi, 1 bị từ chối.' })
      .waitFor();
    await progress.waitFor({ state: 'detached' });
    const bad = page.getByTestId('import-rows').getByRole('row', { name: /2\.002001/ });
    expect(await bad.textContent()).toContain('online_level');
    expect(
      await app.db.selectFrom('procedure').select('id').where('code', '=', 'BKN.STP.901').executeTakeFirst(),
    ).toBeUndefined();

    await page.getByRole('button', { name: 'Ghi vào danh mục' }).click();
    await summary.filter({ hasText: 'Đã ghi: 1 thêm mới' }).waitFor();
    const written = await app.db
      .selectFrom('procedure')
      .select(['nameVi', 'nameEn'])
      .where('code', '=', 'BKN.STP.901')
      .executeTakeFirstOrThrow();
    expect(written).toEqual({
      nameVi: 'Cấp bản sao trích lục lý lịch (mẫu)',
      nameEn: 'Copy of a record extract',
    });
  });
});
