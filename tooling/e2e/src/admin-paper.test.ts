import { expect, it } from 'vitest';
import { demoUsers, signedInPage } from './admin-session.js';
import { createDemoCampaign } from './api-client.js';
import { seriousAxeViolations } from './axe.js';
import { describeE2E } from './harness.js';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** 22 answers typed as digits, with some variety. */
const FIRST_FORM = '4534453445344534453445';
/** The fifth answer (item 2.1) is a 9, off the 1–5 scale. */
const SECOND_FORM = '5454945454545454545454';

describeE2E('admin paper survey forms', (app) => {
  it('enters a batch of two forms, one bad answer corrected, and the campaign counts them', async () => {
    await createDemoCampaign(app.baseUrl, {
      code: 'E2E-GIAY-STP',
      name: 'Phiếu giấy Sở Tư pháp',
      nameEn: 'Justice department paper forms',
      mode: 'SAMPLE',
      startsOn: day(-10),
      endsOn: day(30),
      agencyCodes: ['BKN-STP'],
    });

    // The unit admin follows the campaign: nothing has come in yet.
    const admin = await signedInPage(app, demoUsers.unitAdmin);
    await admin.goto(`${app.baseUrl}/admin/khao-sat/E2E-GIAY-STP`);
    await admin
      .getByTestId('coverage-responded')
      .filter({ hasText: /^Đã trả lời0$/ })
      .waitFor();

    // The officer opens paper entry from the desk and the campaign by its code.
    const page = await signedInPage(app, demoUsers.officer);
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Một cửa' })
      .click();
    await page.getByRole('link', { name: 'Nhập phiếu giấy' }).click();
    await page.getByRole('heading', { name: 'Nhập phiếu khảo sát giấy' }).waitFor();
    await page.getByLabel('Mã cuộc khảo sát').fill('E2E-GIAY-STP');
    await page.getByRole('button', { name: 'Mở cuộc khảo sát' }).click();
    await page.getByTestId('paper-campaign').filter({ hasText: '22 câu hỏi' }).waitFor();
    expect(new URL(page.url()).searchParams.get('campaign')).toBe('E2E-GIAY-STP');

    // Keyboard only: digits move on by themselves, Enter on "add a form" opens the next one.
    await page.getByLabel('Phiếu 1, câu 1.1', { exact: true }).click();
    await page.keyboard.type(FIRST_FORM);
    await page.getByTestId('paper-answered').first().filter({ hasText: 'Đã nhập 22/22 câu' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Thêm phiếu');
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Phiếu 2' }).waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Phiếu 2, câu 1.1');
    await page.keyboard.type(SECOND_FORM);
    await page
      .getByRole('region', { name: 'Phiếu 1' })
      .getByLabel('Giới tính (nếu có)')
      .selectOption('FEMALE');
    await page.getByRole('button', { name: 'Lưu lô 2 phiếu' }).click();

    // The API refuses the batch: the error is on form 2, item 2.1; nothing is stored.
    const second = page.getByRole('region', { name: 'Phiếu 2' });
    await second.getByTestId('paper-form-errors').filter({ hasText: 'Câu 2.1:' }).waitFor();
    expect(await page.getByRole('region', { name: 'Phiếu 1' }).getByTestId('paper-form-errors').count()).toBe(
      0,
    );
    const bad = second.getByLabel('Phiếu 2, câu 2.1', { exact: true });
    expect(await bad.getAttribute('aria-invalid')).toBe('true');
    expect(await bad.inputValue()).toBe('9');
    await app.screenshot(page, 'admin-paper-batch-error-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(
      await app.db
        .selectFrom('surveyResponse')
        .innerJoin('campaign', 'campaign.id', 'surveyResponse.campaignId')
        .select('surveyResponse.id')
        .where('campaign.code', '=', 'E2E-GIAY-STP')
        .execute(),
    ).toHaveLength(0);

    // Corrected: the mark goes away, and the batch is saved.
    await bad.click();
    await page.keyboard.type('4');
    await expect.poll(() => bad.getAttribute('aria-invalid')).toBeNull();
    expect(await bad.inputValue()).toBe('4');
    await page.getByRole('button', { name: 'Lưu lô 2 phiếu' }).click();
    const summary = page.getByTestId('paper-summary');
    await summary
      .getByRole('status')
      .filter({ hasText: 'Đã lưu 2 phiếu mới vào cuộc khảo sát E2E-GIAY-STP' })
      .waitFor();
    await summary.getByText('0 phiếu đã có từ lần nhập trước', { exact: false }).waitFor();
    await app.screenshot(page, 'admin-paper-batch-saved-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);
    const stored = await app.db
      .selectFrom('surveyResponse')
      .innerJoin('campaign', 'campaign.id', 'surveyResponse.campaignId')
      .select(['surveyResponse.answers', 'surveyResponse.gender', 'surveyResponse.source'])
      .where('campaign.code', '=', 'E2E-GIAY-STP')
      .orderBy('surveyResponse.idempotencyKey')
      .execute();
    expect(stored).toEqual([
      { answers: [...FIRST_FORM].map(Number), gender: 'female', source: 'paper' },
      { answers: [...SECOND_FORM.replace('9', '4')].map(Number), gender: null, source: 'paper' },
    ]);

    // The unit admin's campaign page, polling, counts the two forms.
    await admin
      .getByTestId('coverage-responded')
      .filter({ hasText: /^Đã trả lời2$/ })
      .waitFor({ timeout: 15_000 });
    await app.screenshot(admin, 'admin-campaign-paper-responses-desktop');

    // A new batch starts empty (with a new key).
    await summary.getByRole('button', { name: 'Nhập lô mới' }).click();
    await page.getByRole('button', { name: 'Lưu lô 1 phiếu' }).waitFor();
    expect(await page.getByLabel('Phiếu 1, câu 1.1', { exact: true }).inputValue()).toBe('');
  });
});
