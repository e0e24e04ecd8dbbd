import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { demoUsers, signedInPage } from './admin-session.js';
import { ApiClient, createDemoCampaign, DEMO_PASSWORD } from './api-client.js';
import { seriousAxeViolations } from './axe.js';
import { describeE2E } from './harness.js';

const inMonths = (months: number) =>
  new Date(Date.now() + months * 30 * 86_400_000).toISOString().slice(0, 10);

describeE2E('admin campaign operations', (app) => {
  it('edits a campaign’s scope and thresholds, shows the API’s field errors beside their fields, keeps them after a reload', async () => {
    await createDemoCampaign(app.baseUrl, {
      code: 'E2E-PHAM-VI',
      name: 'Khảo sát phạm vi Bắc Kạn',
      nameEn: 'Bắc Kạn scope survey',
      mode: 'SAMPLE',
      startsOn: inMonths(0),
      endsOn: inMonths(2),
      agencyCodes: [],
    });
    const procedure = await app.db
      .selectFrom('procedure')
      .select('code')
      .orderBy('code')
      .limit(1)
      .executeTakeFirstOrThrow();
    const page = await signedInPage(app, demoUsers.unitAdmin);
    await page.goto(`${app.baseUrl}/admin/khao-sat/E2E-PHAM-VI`);
    await page.getByRole('heading', { name: 'Khảo sát phạm vi Bắc Kạn' }).waitFor();
    await page.getByRole('button', { name: 'Sửa cuộc khảo sát' }).click();
    const form = page.getByRole('region', { name: 'Sửa tên, thời gian, phạm vi và ngưỡng' });
    // Every threshold of CampaignSettingsInput is there, filled with the campaign's current values.
    expect(await form.getByLabel('Mã có hiệu lực (ngày)').inputValue()).toBe('30');
    expect(await form.getByLabel('Giới hạn lượt mở đường dẫn công khai').inputValue()).toBe('60');

    await form.getByLabel('Cơ quan trong phạm vi').click();
    await page.getByRole('option', { name: /^BKN-STP — / }).click();
    await form.getByLabel('Mã thủ tục trong phạm vi').fill(`${procedure.code}, KHONG-CO-MA`);
    await form.getByLabel('Ngưỡng gửi dồn dập').fill('200000');
    await form.getByLabel('Mã có hiệu lực (ngày)').fill('14');
    await form.getByRole('button', { name: 'Lưu thay đổi' }).click();
    // The API's field errors, beside the fields their paths name; nothing written.
    await form.getByText('Không có thủ tục mã KHONG-CO-MA.').waitFor();
    await form.getByText('Cần một số nguyên từ 0 đến 100000.').waitFor();
    expect(await form.getByLabel('Mã thủ tục trong phạm vi').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Ngưỡng gửi dồn dập').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Mã có hiệu lực (ngày)').getAttribute('aria-invalid')).not.toBe('true');
    expect(await form.getByTestId('campaign-edit-error').count()).toBe(0);
    await app.screenshot(page, 'admin-campaign-scope-error-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);
    const campaign = await app.db
      .selectFrom('campaign')
      .select(['id', 'settings'])
      .where('code', '=', 'E2E-PHAM-VI')
      .executeTakeFirstOrThrow();
    expect(campaign.settings).toEqual({});
    const scopeRows = () =>
      app.db
        .selectFrom('campaignScope')
        .select(['agencyId', 'procedureId'])
        .where('campaignId', '=', campaign.id)
        .execute();
    expect(await scopeRows()).toEqual([]);

    await form.getByLabel('Mã thủ tục trong phạm vi').fill(procedure.code);
    await form.getByLabel('Ngưỡng gửi dồn dập').fill('25');
    await form.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByTestId('campaign-saved').waitFor();
    expect((await scopeRows()).length).toBe(2);

    await page.reload();
    await page.getByText(/Phạm vi: BKN-STP — .*; /).waitFor();
    await page.getByText(new RegExp(`; ${procedure.code.replace(/\./g, '\\.')} — `)).waitFor();
    await page.getByRole('button', { name: 'Sửa cuộc khảo sát' }).click();
    expect(await form.getByLabel('Ngưỡng gửi dồn dập').inputValue()).toBe('25');
    expect(await form.getByLabel('Mã có hiệu lực (ngày)').inputValue()).toBe('14');
    expect(await form.getByLabel('Mã thủ tục trong phạm vi').inputValue()).toBe(procedure.code);
    await app.screenshot(page, 'admin-campaign-scope-settings-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);
    const saved = await app.db
      .selectFrom('campaign')
      .select('settings')
      .where('code', '=', 'E2E-PHAM-VI')
      .executeTakeFirstOrThrow();
    expect(saved.settings).toEqual({ tokenValidDays: 14, burstThreshold: 25 });
  });

  it('rebuilds the demo campaign’s rollups after a confirmation, with progress, and open reports read the new figures', async () => {
    const { id } = await app.db
      .selectFrom('campaign')
      .select('id')
      .where('code', '=', 'DEMO-SIPAS-2019-BKN')
      .executeTakeFirstOrThrow();
    // Rollups that drifted from the raw responses: one month of margins lost.
    const { periodMonth } = await app.db
      .selectFrom('surveyRollupMargin')
      .select('periodMonth')
      .where('campaignId', '=', id)
      .orderBy('periodMonth')
      .limit(1)
      .executeTakeFirstOrThrow();
    const lost = app.db
      .selectFrom('surveyRollupMargin')
      .select('id')
      .where('campaignId', '=', id)
      .where('periodMonth', '=', periodMonth);
    await app.db.deleteFrom('surveyRollupMarginCount').where('marginId', 'in', lost).execute();
    await app.db.deleteFrom('surveyRollupMarginMoment').where('marginId', 'in', lost).execute();
    await app.db
      .deleteFrom('surveyRollupMargin')
      .where('campaignId', '=', id)
      .where('periodMonth', '=', periodMonth)
      .execute();

    const page = await signedInPage(app, demoUsers.unitAdmin);
    await page.goto(`${app.baseUrl}/admin/bao-cao?unit=06&year=2019`);
    const overall = page.getByTestId('overall-figure');
    await overall.getByText(/^n = /).waitFor();
    expect(await overall.getByText('n = 900').count()).toBe(0);

    // To the campaign inside the app (the cache keeps the report), then the rebuild.
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Khảo sát' })
      .click();
    await page.getByTestId('campaign-table').getByRole('link', { name: 'DEMO-SIPAS-2019-BKN' }).click();
    const section = page.getByRole('region', { name: 'Tính lại số liệu tổng hợp' });
    await section.waitFor();
    await app.screenshot(page, 'admin-campaign-rebuild-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await section.getByRole('button', { name: 'Tính lại…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tính lại số liệu tổng hợp của DEMO-SIPAS-2019-BKN?' });
    await dialog.waitFor();
    // The dialog has faded in before it is photographed.
    await expect.poll(() => dialog.evaluate((element) => getComputedStyle(element).opacity)).toBe('1');
    await app.screenshot(page, 'admin-campaign-rebuild-confirm-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The response is held back a moment on its way, so the progress can be seen (the API does the work).
    let rebuildRequests = 0;
    await page.route('**/graphql', async (route) => {
      if (route.request().postData()?.includes('rebuildRollups')) {
        rebuildRequests += 1;
        await new Promise((resolve) => setTimeout(resolve, 1500));
      }
      await route.continue();
    });
    await dialog.getByRole('button', { name: 'Bắt đầu tính lại' }).click();
    await section.getByRole('progressbar', { name: 'Đang tính lại số liệu tổng hợp' }).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await section
      .getByTestId('operation-elapsed')
      .filter({ hasText: /^Đang chạy… \d+ giây$/ })
      .waitFor();
    expect(await section.getByRole('button', { name: 'Tính lại…' }).isDisabled()).toBe(true);
    await app.screenshot(page, 'admin-campaign-rebuild-progress-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);
    const outcome = section.getByTestId('rebuild-outcome');
    await outcome
      .filter({ hasText: /Đã tính lại: đọc 900 phiếu, ghi \d+ ô tổng hợp trong [\d,]+ giây/ })
      .waitFor();
    await outcome.getByText('Số liệu đã thay đổi').waitFor();
    expect(rebuildRequests).toBe(1);
    expect(await section.getByRole('progressbar').count()).toBe(0);
    await app.screenshot(page, 'admin-campaign-rebuild-done-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Back to the report inside the app: the figures were dropped from the cache and read again.
    await page.goBack();
    await page.goBack();
    await page.getByTestId('overall-figure').getByText('n = 900').waitFor();
    await page
      .getByTestId('overall-figure')
      .getByTestId('index-value')
      .filter({ hasText: '85,16%' })
      .waitFor();

    // A second rebuild finds nothing to put right.
    await page.goForward();
    await page.goForward();
    await section.getByRole('button', { name: 'Tính lại…' }).click();
    await dialog.getByRole('button', { name: 'Bắt đầu tính lại' }).click();
    await section.getByTestId('rebuild-outcome').getByText('Số liệu không đổi').waitFor();
  });

  it('imports responses from CSV: the template, a preview, a per-row report, and nothing doubled on a re-import', async () => {
    await createDemoCampaign(app.baseUrl, {
      code: 'E2E-NHAP-CSV',
      name: 'Khảo sát nhập từ tệp',
      nameEn: 'Survey imported from a file',
      mode: 'SAMPLE',
      startsOn: inMonths(0),
      endsOn: inMonths(2),
      agencyCodes: [],
    });
    const api = new ApiClient(app.baseUrl);
    await api.login(demoUsers.unitAdmin, DEMO_PASSWORD);
    const described = await api.query<{ campaign: { importColumns: string[] } }>(
      'query { campaign(code: "E2E-NHAP-CSV") { ... on Campaign { importColumns } } }',
    );
    const columns = described.campaign.importColumns;

    const page = await signedInPage(app, demoUsers.unitAdmin);
    await page.goto(`${app.baseUrl}/admin/khao-sat/E2E-NHAP-CSV`);
    await page.getByRole('link', { name: 'Nhập câu trả lời từ CSV' }).click();
    await page.getByRole('heading', { name: 'Nhập câu trả lời từ tệp CSV' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/khao-sat/E2E-NHAP-CSV/nhap-tep');
    await page
      .getByTestId('import-columns')
      .filter({ hasText: columns.join(',') })
      .waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải tệp mẫu (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('mau-nhap-E2E-NHAP-CSV.csv');
    const template = readFileSync((await download.path()) as string, 'utf8');
    expect(template).toBe(`${columns.join(',')}\r\n`);
    await app.screenshot(page, 'admin-campaign-import-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // A file made from the template: three good rows and one with a month that does not exist.
    const items = columns.length - 8;
    const row = (key: string, month: string, answer: number) =>
      [key, 'BKN-STP', month, 'paper', '', 'female', '35-44', '', ...Array(items).fill(String(answer))].join(
        ',',
      );
    const csv = [
      template.trimEnd(),
      row('p-001', '2026-03', 4),
      row('p-002', '2026-03', 5),
      row('p-003', '2026-13', 3),
      row('p-004', '2026-04', 2),
    ].join('\r\n');
    const file = { name: 'phieu-giay.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') };

    // A wrong header first: the preview says so and the import cannot start.
    await page
      .locator('input[type="file"]')
      .setInputFiles({ ...file, buffer: Buffer.from(csv.replace('row_key,', 'ma_dong,'), 'utf8') });
    await page.getByTestId('import-header-check').filter({ hasText: 'Thiếu cột: row_key.' }).waitFor();
    expect(await page.getByRole('button', { name: 'Nhập câu trả lời' }).isDisabled()).toBe(true);

    await page.locator('input[type="file"]').setInputFiles(file);
    await page
      .getByTestId('import-header-check')
      .filter({ hasText: `Dòng tiêu đề khớp ${columns.length} cột. Tệp có 4 dòng dữ liệu.` })
      .waitFor();
    const preview = page.getByTestId('import-preview-rows');
    expect(await preview.locator('tbody tr').count()).toBe(4);
    await preview.getByRole('cell', { name: 'p-003' }).waitFor();
    const batchKey = page.getByLabel('Mã lô nhập');
    expect(await batchKey.inputValue()).toMatch(/^E2E-NHAP-CSV-\d{8}-\d{4}-[0-9a-z]{4}$/);
    await batchKey.fill('sai ma lo');
    await page.getByText('Mã lô gồm 3–128 ký tự').waitFor();
    expect(await page.getByRole('button', { name: 'Nhập câu trả lời' }).isDisabled()).toBe(true);
    await batchKey.fill('e2e-phieu-giay-001');
    await app.screenshot(page, 'admin-campaign-import-preview-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);

    const { id } = await app.db
      .selectFrom('campaign')
      .select('id')
      .where('code', '=', 'E2E-NHAP-CSV')
      .executeTakeFirstOrThrow();
    const stored = async () =>
      Number(
        (
          await app.db
            .selectFrom('surveyResponse')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('campaignId', '=', id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await stored();

    await page.getByRole('button', { name: 'Nhập câu trả lời' }).click();
    const summary = page.getByTestId('import-summary');
    await summary
      .getByTestId('import-inserted')
      .filter({ hasText: /^Phiếu mới lưu3$/ })
      .waitFor();
    await summary
      .getByTestId('import-rows-read')
      .filter({ hasText: /^Dòng đã đọc4$/ })
      .waitFor();
    await summary.getByTestId('import-already').filter({ hasText: /0$/ }).waitFor();
    await summary.getByTestId('import-rejected').filter({ hasText: /1$/ }).waitFor();
    const errors = page.getByTestId('import-row-errors');
    expect(await errors.locator('tbody tr').count()).toBe(1);
    await errors.getByRole('row', { name: /^4 month: Tháng dạng YYYY-MM/ }).waitFor();
    expect(await stored()).toBe(before + 3);
    await app.screenshot(page, 'admin-campaign-import-report-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The same file under the same batch key: nothing doubled.
    await page.getByRole('button', { name: 'Nhập câu trả lời' }).click();
    await summary
      .getByTestId('import-already')
      .filter({ hasText: /^Đã có từ trước \(không ghi lại\)3$/ })
      .waitFor();
    await summary
      .getByTestId('import-inserted')
      .filter({ hasText: /^Phiếu mới lưu0$/ })
      .waitFor();
    expect(await stored()).toBe(before + 3);

    // On a tablet the screen stays usable.
    const tablet = await signedInPage(app, demoUsers.unitAdmin, 'tabletPortrait');
    await tablet.goto(`${app.baseUrl}/admin/khao-sat/E2E-NHAP-CSV/nhap-tep`);
    await tablet.locator('input[type="file"]').setInputFiles(file);
    await tablet.getByTestId('import-header-check').filter({ hasText: 'Dòng tiêu đề khớp' }).waitFor();
    await app.screenshot(tablet, 'admin-campaign-import-preview-tablet');
    expect(await seriousAxeViolations(tablet)).toEqual([]);

    // The campaign's coverage counts them once.
    await page.getByRole('link', { name: 'Khảo sát nhập từ tệp' }).click();
    await page
      .getByTestId('coverage-responded')
      .filter({ hasText: /^Đã trả lời3$/ })
      .waitFor();
  });
});
