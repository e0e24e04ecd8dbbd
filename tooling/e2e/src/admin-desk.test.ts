import { expect, it } from 'vitest';
import { DEMO_PASSWORD, demoUsers, signedInPage } from './admin-session.js';
import { ApiClient } from './api-client.js';
import { seriousAxeViolations } from './axe.js';
import { describeE2E } from './harness.js';

describeE2E('admin desk', (app) => {
  it('receives a dossier, prints its receipt and carries it to returned with a supplement and an apology', async () => {
    const page = await signedInPage(app, demoUsers.officer);
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Một cửa' })
      .click();
    await page.getByRole('heading', { name: 'Bộ phận một cửa' }).waitFor();
    await page.getByTestId('queue-count').filter({ hasText: /./ }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Form 01: a single-case procedure of the Department of Justice.
    await page.getByRole('link', { name: 'Tiếp nhận hồ sơ' }).click();
    await page.getByRole('heading', { name: 'Tiếp nhận hồ sơ (mẫu 01)' }).waitFor();
    const procedure = page.getByTestId('procedure-select');
    await procedure.click();
    await procedure.fill('BKN.STP.002');
    await page.getByRole('option', { name: /BKN\.STP\.002/ }).click();
    await page.getByText('Trường hợp chung').waitFor();
    await page.getByRole('button', { name: 'Tiếp nhận và in biên nhận' }).click();
    const receipt = page.getByTestId('receipt');
    await receipt.waitFor();
    const code = (await page.getByTestId('receipt-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^BKN-STP-\d{6}-\d{4}$/);
    expect((await page.getByTestId('receipt-pin').textContent())?.trim()).toMatch(/^\d{6}$/);
    expect(await receipt.textContent()).toContain('Hẹn trả kết quả');
    // The QR code opens the portal's tracking page with the receipt code filled in, and from there the survey.
    const trackingQr = receipt.getByRole('img', {
      name: 'Mã QR mở trang tra cứu hồ sơ và, sau khi trả kết quả, phiếu khảo sát mức độ hài lòng',
    });
    expect(await receipt.textContent()).toContain('Đánh giá sự phục vụ');
    await trackingQr.locator('svg').waitFor();
    expect(await trackingQr.getAttribute('data-qr-value')).toBe(`${app.baseUrl}/tra-cuu-ho-so?ma=${code}`);
    await app.screenshot(page, 'admin-desk-receipt-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The dossier page offers only the legal moves.
    // It heads the queue of open dossiers; the dossier page opens from there.
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Một cửa' })
      .click();
    await page.getByRole('link', { name: code }).waitFor();
    await app.screenshot(page, 'admin-desk-queue-desktop');
    await page.getByRole('link', { name: code }).click();
    await page.getByRole('heading', { name: `Hồ sơ ${code}` }).waitFor();
    const state = page.getByTestId('dossier-state');
    await state.filter({ hasText: 'Đã tiếp nhận' }).waitFor();
    expect(await page.getByRole('button', { name: 'Có kết quả' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Chuyển xử lý' }).click();
    await state.filter({ hasText: 'Đang giải quyết' }).waitFor();

    // Form 02: a supplement needs the list of missing documents; the clock stops.
    const supplement = page.getByRole('button', { name: 'Yêu cầu bổ sung (mẫu 02)' });
    expect(await supplement.isDisabled()).toBe(true);
    await page.getByLabel(/Ghi chú/).fill('Thiếu bản sao giấy tờ tuỳ thân');
    await supplement.click();
    await state.filter({ hasText: 'Chờ bổ sung hồ sơ' }).waitFor();
    await page.getByText('Dừng đồng hồ').first().waitFor();
    await page.getByRole('button', { name: 'Đã nhận bổ sung' }).click();
    await state.filter({ hasText: 'Đang giải quyết' }).waitFor();
    // Form 02 is sent once only.
    expect(await page.getByRole('button', { name: 'Yêu cầu bổ sung (mẫu 02)' }).count()).toBe(0);

    // Form 04, before the due time.
    await page.getByLabel('Lý do trễ hạn').fill('Cần xác minh thêm với cơ quan công an');
    await page.getByRole('button', { name: 'Gửi phiếu xin lỗi' }).click();
    await page.getByTestId('apology-notice').waitFor();
    await app.screenshot(page, 'admin-desk-dossier-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The unit admin runs an after-dossier survey: returning the result hands over a single-use survey link.
    const unitAdmin = new ApiClient(app.baseUrl);
    await unitAdmin.login(demoUsers.unitAdmin, DEMO_PASSWORD);
    const me = await unitAdmin.query<{ me: { grants: { role: string; unit: { id: string } | null }[] } }>(
      '{ me { grants { role unit { id } } } }',
    );
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const created = await unitAdmin.query<{ createCampaign: { __typename: string } }>(
      `mutation C($input: CreateCampaignInput!) { createCampaign(input: $input) { __typename } }`,
      {
        input: {
          code: 'E2E-SAU-HO-SO',
          ownerUnit: me.me.grants.find((g) => g.role === 'UNIT_ADMIN')!.unit!.id,
          instrument: { code: 'SIPAS', version: '2017' },
          name: 'Khảo sát sau hồ sơ',
          nameEn: 'After-dossier survey',
          mode: 'AFTER_DOSSIER',
          startsOn: today,
          endsOn: today,
        },
      },
    );
    expect(created.createCampaign.__typename).toBe('MutationCreateCampaignSuccess');

    await page.getByRole('button', { name: 'Có kết quả' }).click();
    await state.filter({ hasText: 'Có kết quả' }).waitFor();
    await page.getByRole('button', { name: 'Trả kết quả' }).click();
    await state.filter({ hasText: 'Đã trả kết quả' }).waitFor();
    const slip = page.getByTestId('survey-token');
    const surveyQr = slip.getByRole('img', { name: 'Mã QR mở phiếu khảo sát' });
    await surveyQr.locator('svg').waitFor();
    const surveyUrl = ((await slip.getByTestId('survey-url').textContent()) ?? '').trim();
    expect(surveyUrl).toMatch(new RegExp(`^${app.baseUrl}/khao-sat/[A-Za-z0-9_-]{10,}$`));
    expect(await surveyQr.getAttribute('data-qr-value')).toBe(surveyUrl);
    await slip.getByRole('button', { name: 'In phiếu mời khảo sát' }).waitFor();
    await page.getByText('Hồ sơ đã kết thúc, không còn bước xử lý nào.').waitFor();
    const history = await page.getByTestId('dossier-history').textContent();
    for (const step of [
      'Tiếp nhận',
      'Chuyển xử lý',
      'Yêu cầu bổ sung',
      'Đã nhận bổ sung',
      'Xin lỗi, hẹn lại',
      'Trả kết quả',
    ]) {
      expect(history).toContain(step);
    }
    await app.screenshot(page, 'admin-desk-dossier-returned-desktop');

    // Closed now: it left the queue of open dossiers.
    await page.getByRole('link', { name: 'Về danh sách hồ sơ' }).click();
    await page.getByTestId('queue-count').filter({ hasText: /./ }).waitFor();
    await page.getByRole('link', { name: code }).waitFor({ state: 'detached' });
  });

  it('speaks English on the desk: the queue, the dossier and the roles name things by their English names', async () => {
    const page = await signedInPage(app, demoUsers.officer);
    const agency = await app.db
      .selectFrom('agency')
      .select(['nameVi', 'nameEn'])
      .where('code', '=', 'BKN-STP')
      .executeTakeFirstOrThrow();
    await page.getByText('English', { exact: true }).click();
    await page
      .getByTestId('viewer-roles')
      .filter({ hasText: `— ${agency.nameEn}` })
      .waitFor();
    expect(await page.getByTestId('viewer-roles').textContent()).not.toContain(agency.nameVi);

    // The demo year's returned dossiers.
    await page.goto(`${app.baseUrl}/admin/mot-cua?state=RETURNED`);
    await page.getByTestId('queue-count').filter({ hasText: /./ }).waitFor();
    const firstLink = page.getByTestId('dossier-queue').getByRole('link').first();
    const receiptCode = (await firstLink.textContent())?.trim() ?? '';
    const dossier = await app.db
      .selectFrom('dossier')
      .innerJoin('procedure', 'procedure.id', 'dossier.procedureId')
      .select(['procedure.code', 'procedure.nameVi', 'procedure.nameEn'])
      .where('dossier.receiptCode', '=', receiptCode)
      .executeTakeFirstOrThrow();
    expect(dossier.nameEn).toBeTruthy();
    const row = page.getByRole('row', { name: new RegExp(receiptCode) });
    expect(await row.textContent()).toContain(dossier.nameEn);
    expect(await row.textContent()).not.toContain(dossier.nameVi);

    await firstLink.click();
    await page.getByText(`${dossier.code} — ${dossier.nameEn}`).waitFor();
    await app.screenshot(page, 'admin-desk-dossier-en-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
