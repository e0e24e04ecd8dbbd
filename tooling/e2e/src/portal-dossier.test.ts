import { expect, it } from 'vitest';
import { ApiClient, createDemoCampaign, DEMO_PASSWORD } from './api-client.js';
import { seriousAxeViolations } from './axe.js';
import { describeE2E, type ViewportName } from './harness.js';

const widths: ViewportName[] = ['phone', 'desktop'];

describeE2E('portal: track a dossier', (app) => {
  for (const viewport of widths) {
    it(`tracks the demo dossier from a QR link, and refuses a wrong PIN (${viewport})`, async () => {
      const page = await app.newPage(viewport);
      await page.goto(`${app.baseUrl}/tra-cuu-ho-so?ma=BKN-STP-190102-0001`);
      await page.getByRole('heading', { name: 'Tra cứu hồ sơ', level: 2 }).waitFor();
      expect(await page.getByLabel('Mã biên nhận').inputValue()).toBe('BKN-STP-190102-0001');

      await page.getByLabel('Mã PIN').fill('000000');
      await page.getByRole('button', { name: 'Tra cứu' }).click();
      const error = page.getByTestId('dossier-error');
      await error.waitFor();
      expect(await error.textContent()).toContain('Mã biên nhận hoặc mã PIN không đúng');
      await app.screenshot(page, `portal-dossier-wrong-pin-${viewport}`);

      await page.getByLabel('Mã PIN').fill('246810');
      await page.getByRole('button', { name: 'Tra cứu' }).click();
      await page.getByTestId('dossier-result').waitFor();
      expect(await error.count()).toBe(0);
      await expect(page.getByTestId('dossier-state').textContent()).resolves.toBe('Đã trả kết quả');
      // 2019-01-16T00:52Z is 07:52 in Vietnam.
      await expect(page.getByTestId('dossier-due').textContent()).resolves.toContain('16/01/2019');
      await expect(page.getByTestId('dossier-due').textContent()).resolves.toContain('07:52');
      const history = await page.getByTestId('dossier-history').textContent();
      expect(history).toContain('Tiếp nhận hồ sơ');
      expect(history).toContain('Đã trả kết quả');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport === 'phone' ? 360 : 1280,
      );
      await app.screenshot(page, `portal-dossier-${viewport}`);
    });
  }

  it('gives the same message for an unknown code as for a wrong PIN', async () => {
    const page = await app.newPage('phone');
    await page.goto(`${app.baseUrl}/tra-cuu-ho-so`);
    await page.getByLabel('Mã biên nhận').fill('BKN-STP-190102-9999');
    await page.getByLabel('Mã PIN').fill('246810');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page
      .getByTestId('dossier-error')
      .filter({ hasText: 'Mã biên nhận hoặc mã PIN không đúng' })
      .waitFor();
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    const page = await app.newPage('phone');
    await page.goto(`${app.baseUrl}/tra-cuu-ho-so?ma=BKN-STP-190102-0001`);
    await page.getByLabel('Mã PIN').fill('246810');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.getByTestId('dossier-result').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('rates the service from the tracking page once the result is returned, once per dossier', async () => {
    // An after-dossier survey of the Department of Justice, and a dossier received and returned at its desk today.
    await createDemoCampaign(app.baseUrl, {
      code: 'E2E-BIEN-NHAN',
      name: 'Khảo sát sau hồ sơ, Sở Tư pháp',
      nameEn: 'After-dossier survey, Department of Justice',
      mode: 'AFTER_DOSSIER',
      startsOn: '2020-01-01',
      endsOn: '2099-12-31',
      agencyCodes: ['BKN-STP'],
    });
    const officer = new ApiClient(app.baseUrl);
    await officer.login('motcua.stp@demo.chiso.vn', DEMO_PASSWORD);
    const ids = await officer.query<{ agency: { id: string }; procedure: { id: string } }>(
      '{ agency(code: "BKN-STP") { ... on Agency { id } } procedure(code: "BKN.STP.002") { ... on Procedure { id } } }',
    );
    const received = await officer.query<{
      receiveDossier: { data: { pin: string; dossier: { id: string; receiptCode: string } } };
    }>(
      `mutation R($agencyId: ID!, $procedureId: ID!) {
        receiveDossier(agencyId: $agencyId, procedureId: $procedureId, channel: IN_PERSON) {
          ... on MutationReceiveDossierSuccess { data { pin dossier { id receiptCode } } }
        }
      }`,
      { agencyId: ids.agency.id, procedureId: ids.procedure.id },
    );
    const { pin, dossier } = received.receiveDossier.data;
    for (const action of ['START_PROCESSING', 'RESULT_READY', 'RETURN_RESULT']) {
      const moved = await officer.query<{ transitionDossier: { __typename: string } }>(
        'mutation T($id: ID!, $action: DossierAction!) { transitionDossier(id: $id, action: $action) { __typename } }',
        { id: dossier.id, action },
      );
      expect(moved.transitionDossier.__typename).toBe('MutationTransitionDossierSuccess');
    }

    // The citizen scans the receipt's QR code, types the PIN and is offered the survey.
    const page = await app.newPage('phone');
    await page.goto(`${app.baseUrl}/tra-cuu-ho-so?ma=${dossier.receiptCode}`);
    await page.getByLabel('Mã PIN').fill(pin);
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.getByTestId('dossier-result').waitFor();
    const rate = page.getByRole('button', { name: 'Đánh giá sự phục vụ' });
    await rate.waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await app.screenshot(page, 'portal-dossier-rate-phone');
    await rate.click();
    await page.waitForURL(/\/khao-sat\/[\w-]{22}$/);
    await page.getByTestId('survey-progress').filter({ hasText: 'Câu 1 trên 22' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await app.screenshot(page, 'portal-dossier-rate-survey-phone');

    // One token of the dossier is valid: the one on the survey form (the one issued at the return was replaced).
    const valid = await app.db
      .selectFrom('surveyToken')
      .innerJoin('campaign', 'campaign.id', 'surveyToken.campaignId')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('campaign.code', '=', 'E2E-BIEN-NHAN')
      .where('surveyToken.usedAt', 'is', null)
      .where('surveyToken.expiresAt', '>', new Date())
      .executeTakeFirstOrThrow();
    expect(Number(valid.count)).toBe(1);

    // The demo dossier, returned in 2019 before any survey ran, says so clearly.
    const old = await app.newPage('phone');
    await old.goto(`${app.baseUrl}/tra-cuu-ho-so?ma=BKN-STP-190102-0001`);
    await old.getByLabel('Mã PIN').fill('246810');
    await old.getByRole('button', { name: 'Tra cứu' }).click();
    await old.getByRole('button', { name: 'Đánh giá sự phục vụ' }).click();
    await old
      .getByTestId('dossier-rate-problem')
      .filter({ hasText: 'Hiện không có cuộc khảo sát nào đang mở cho hồ sơ này.' })
      .waitFor();
    expect(old.url()).toContain('/tra-cuu-ho-so');
  });
});
