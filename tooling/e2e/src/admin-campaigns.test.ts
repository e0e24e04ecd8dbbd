import { expect, it } from 'vitest';
import { demoUsers, signedInPage } from './admin-session.js';
import { ApiClient } from './api-client.js';
import { seriousAxeViolations } from './axe.js';
import { describeE2E } from './harness.js';

/** 22 answers with some variety (not straight-lined). */
const ANSWERS = Array.from({ length: 22 }, (_, i) => 2 + ((i * 3) % 4));

describeE2E('admin campaigns', (app) => {
  it('creates a sample campaign, issues tokens with QR codes and sees a response arrive', async () => {
    const page = await signedInPage(app, demoUsers.unitAdmin);
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Khảo sát' })
      .click();
    await page.getByRole('heading', { name: 'Cuộc khảo sát', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Tạo cuộc khảo sát' }).click();
    const form = page.getByRole('region', { name: 'Cuộc khảo sát mới' });
    await form.getByLabel('Mã cuộc khảo sát').fill('E2E-MAU-BKN');
    await form.getByLabel('Tên (tiếng Việt)').fill('Khảo sát mẫu một cửa Bắc Kạn');
    await form.getByLabel('Tên (tiếng Anh)').fill('Bắc Kạn one-stop sample survey');
    await form.getByLabel('Bộ câu hỏi').selectOption('SIPAS@2017');
    await form.getByRole('radio', { name: 'Khảo sát mẫu (phát mã)' }).check();
    await app.screenshot(page, 'admin-campaign-new-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // A bad code first: the API's message, nothing created.
    await form.getByLabel('Mã cuộc khảo sát').fill('sai ma');
    await form.getByRole('button', { name: 'Tạo cuộc khảo sát' }).click();
    await form.getByTestId('form-error').filter({ hasText: 'chữ in hoa' }).waitFor();
    await form.getByLabel('Mã cuộc khảo sát').fill('E2E-MAU-BKN');
    await form.getByRole('button', { name: 'Tạo cuộc khảo sát' }).click();

    await page.getByRole('heading', { name: 'Khảo sát mẫu một cửa Bắc Kạn' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/khao-sat/E2E-MAU-BKN');
    await page.getByTestId('campaign-status').filter({ hasText: 'Đang mở' }).waitFor();
    await page
      .getByTestId('coverage-responded')
      .filter({ hasText: /^Đã trả lời0$/ })
      .waitFor();

    await page.getByLabel('Số mã').fill('3');
    await page.getByRole('button', { name: 'Phát mã' }).click();
    await page.getByTestId('tokens-issued').filter({ hasText: 'Đã phát 3 mã' }).waitFor();
    const tokens = page.getByTestId('token-list');
    await tokens.getByTestId('qr-code').first().locator('svg').waitFor();
    expect(await tokens.getByTestId('qr-code').count()).toBe(3);
    const token = ((await tokens.getByTestId('survey-token-value').first().textContent()) ?? '').trim();
    expect(token.length).toBeGreaterThan(10);
    expect(await tokens.getByTestId('qr-code').first().getAttribute('data-qr-value')).toBe(
      `${app.baseUrl}/khao-sat/${token}`,
    );
    await page
      .getByTestId('coverage-offered')
      .filter({ hasText: /^Đã mời3$/ })
      .waitFor();
    await app.screenshot(page, 'admin-campaign-tokens-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // A citizen answers through the public API; the page, polling, shows the response.
    const citizen = new ApiClient(app.baseUrl);
    const submitted = await citizen.query<{ submitSurveyResponse: { __typename: string } }>(
      `mutation S($input: SubmitSurveyResponseInput!) { submitSurveyResponse(input: $input) { __typename } }`,
      {
        input: {
          token,
          idempotencyKey: 'e2e-campaign-response-0001',
          answers: ANSWERS,
          startedAt: new Date(Date.now() - 300_000).toISOString(),
        },
      },
    );
    expect(submitted.submitSurveyResponse.__typename).toBe('MutationSubmitSurveyResponseSuccess');
    await page
      .getByTestId('coverage-responded')
      .filter({ hasText: /^Đã trả lời1$/ })
      .waitFor({ timeout: 15_000 });
    await page.getByTestId('coverage-response-rate').filter({ hasText: '33,3%' }).waitFor();
    await app.screenshot(page, 'admin-campaign-response-arrived-desktop');

    // The list shows it.
    await page.getByRole('link', { name: 'Danh sách cuộc khảo sát' }).click();
    await page.getByTestId('campaign-table').getByRole('link', { name: 'E2E-MAU-BKN' }).waitFor();
    await app.screenshot(page, 'admin-campaigns-desktop');
  });

  it('publishes a custom instrument from a template and shows an open campaign’s public link as a QR code', async () => {
    const page = await signedInPage(app, demoUsers.unitAdmin);
    await page.goto(`${app.baseUrl}/admin/khao-sat`);
    await page.getByRole('button', { name: 'Tạo cuộc khảo sát' }).click();
    const custom = page.getByRole('region', { name: 'Bộ câu hỏi riêng từ mẫu' });
    await custom.getByLabel('Mẫu').selectOption('SIPAS@2017');
    await custom.getByLabel('Mã bộ câu hỏi').fill('BKN-SIPAS');
    await custom.getByLabel('Phiên bản').fill('2026');
    await custom.getByLabel('Tên (tiếng Việt)').fill('SIPAS rút gọn Bắc Kạn');
    await custom.getByLabel('Tên (tiếng Anh)').fill('Bắc Kạn short SIPAS');
    await custom.getByRole('button', { name: 'Tạo và công bố' }).click();
    await custom.getByText('Đã công bố bộ câu hỏi BKN-SIPAS 2026.').waitFor();

    const form = page.getByRole('region', { name: 'Cuộc khảo sát mới' });
    await expect
      .poll(async () => form.getByLabel('Bộ câu hỏi').inputValue(), { timeout: 10_000 })
      .toBe('BKN-SIPAS@2026');
    await form.getByLabel('Mã cuộc khảo sát').fill('E2E-MO-BKN');
    await form.getByLabel('Tên (tiếng Việt)').fill('Khảo sát công khai Bắc Kạn');
    await form.getByLabel('Tên (tiếng Anh)').fill('Bắc Kạn open survey');
    await form.getByRole('radio', { name: 'Đường dẫn công khai' }).check();
    await form.getByRole('button', { name: 'Tạo cuộc khảo sát' }).click();
    await page.getByRole('heading', { name: 'Khảo sát công khai Bắc Kạn' }).waitFor();
    await page.getByTestId('open-link').filter({ hasText: '/khao-sat/mo/E2E-MO-BKN' }).waitFor();
    await page.getByRole('img', { name: 'Mã QR của đường dẫn công khai' }).locator('svg').waitFor();
    await app.screenshot(page, 'admin-campaign-open-link-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // A citizen follows the public link on a phone (one offer) and answers (one response).
    const link = ((await page.getByTestId('open-link').textContent()) ?? '').trim();
    const phone = await app.newPage('phone');
    await phone.goto(link);
    await phone.getByTestId('survey-progress').filter({ hasText: 'Câu 1 trên 22' }).waitFor();
    await app.screenshot(phone, 'portal-open-survey-phone');
    expect(await seriousAxeViolations(phone)).toEqual([]);
    for (let i = 0; i < 22; i++) {
      await phone
        .getByRole('radio', { name: i % 3 === 0 ? 'Hài lòng' : 'Rất hài lòng', exact: true })
        .check();
      await phone.getByRole('button', { name: 'Tiếp' }).click();
    }
    await phone.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await phone.getByTestId('survey-thanks').waitFor();
    await page
      .getByTestId('coverage-offered')
      .filter({ hasText: /^Đã mời1$/ })
      .waitFor({ timeout: 15_000 });
    await page
      .getByTestId('coverage-responded')
      .filter({ hasText: /^Đã trả lời1$/ })
      .waitFor({ timeout: 15_000 });
    await app.screenshot(page, 'admin-campaign-open-response-desktop');
  });

  it('edits a campaign’s names and period, refusing an end before the start', async () => {
    const page = await signedInPage(app, demoUsers.unitAdmin);
    // The sample campaign created by the first test of this file.
    await page.goto(`${app.baseUrl}/admin/khao-sat/E2E-MAU-BKN`);
    await page.getByRole('heading', { name: 'Khảo sát mẫu một cửa Bắc Kạn' }).waitFor();
    await page.getByRole('button', { name: 'Sửa cuộc khảo sát' }).click();
    const form = page.getByRole('region', { name: 'Sửa tên, thời gian, phạm vi và ngưỡng' });
    const startsOn = await form.getByLabel('Từ ngày').inputValue();
    await form.getByLabel('Tên (tiếng Việt)').fill('Khảo sát mẫu Sở Tư pháp Bắc Kạn');
    await form.getByLabel('Đến ngày').fill('2019-01-01');
    await form.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await form.getByText('Ngày kết thúc phải không sớm hơn ngày bắt đầu.').waitFor();
    expect(await form.getByLabel('Đến ngày').getAttribute('aria-invalid')).toBe('true');
    await app.screenshot(page, 'admin-campaign-edit-error-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);
    // Nothing was written.
    const before = await app.db
      .selectFrom('campaign')
      .select(['nameVi', 'endsOn'])
      .where('code', '=', 'E2E-MAU-BKN')
      .executeTakeFirstOrThrow();
    expect(before.nameVi).toBe('Khảo sát mẫu một cửa Bắc Kạn');

    const endsOn = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel('Đến ngày').fill(endsOn);
    await form.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByTestId('campaign-saved').waitFor();
    await page.getByRole('heading', { name: 'Khảo sát mẫu Sở Tư pháp Bắc Kạn' }).waitFor();
    await page.getByText(`${startsOn} – ${endsOn}`, { exact: false }).waitFor();
    await app.screenshot(page, 'admin-campaign-edited-desktop');
  });
});
