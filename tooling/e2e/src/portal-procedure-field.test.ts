import { expect, it } from 'vitest';
import { demoUsers } from './admin-session.js';
import { ApiClient, createDemoCampaign, DEMO_PASSWORD } from './api-client.js';
import { seriousAxeViolations } from './axe.js';
import { describeE2E } from './harness.js';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
/** 22 answers with some variety (not straight-lined). */
const ANSWERS = Array.from({ length: 22 }, (_, i) => 2 + ((i * 3) % 4));

describeE2E('portal: the satisfaction of a procedure’s field', (app) => {
  it('falls back to the agency’s figure, walking back to the latest year that has one', async () => {
    // The demo responses are not linked to dossiers: no field figure, the agency's stands in.
    const page = await app.newPage('phone');
    await page.goto(`${app.baseUrl}/thu-tuc/BKN.STP.001`);
    const fallback = page.getByTestId('field-satisfaction-fallback');
    await fallback.getByText('Chưa có phiếu khảo sát gắn với hồ sơ lĩnh vực', { exact: false }).waitFor();
    await fallback.locator('[data-metric="overall-index"] [data-testid="index-value"]').waitFor();
    await app.screenshot(page, 'portal-procedure-field-fallback-phone');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // An after-dossier campaign: citizens whose dossiers of the same field were returned answer it.
    await createDemoCampaign(app.baseUrl, {
      code: 'E2E-SAU-HO-SO',
      name: 'Khảo sát sau hồ sơ',
      nameEn: 'After-dossier survey',
      mode: 'AFTER_DOSSIER',
      startsOn: day(-10),
      endsOn: day(30),
      agencyCodes: ['BKN-STP'],
    });
    const field = await app.db
      .selectFrom('procedure')
      .innerJoin('procedureField', 'procedureField.id', 'procedure.fieldId')
      .select(['procedure.fieldId', 'procedureField.nameVi'])
      .where('procedure.code', '=', 'BKN.STP.001')
      .executeTakeFirstOrThrow();
    const dossiers = await app.db
      .selectFrom('dossier')
      .innerJoin('procedure', 'procedure.id', 'dossier.procedureId')
      .innerJoin('agency', 'agency.id', 'dossier.agencyId')
      .select('dossier.id')
      .where('procedure.fieldId', '=', field.fieldId)
      .where('agency.code', '=', 'BKN-STP')
      .where('dossier.status', 'in', [9, 10])
      .orderBy('dossier.id')
      .limit(3)
      .execute();
    expect(dossiers).toHaveLength(3);
    const officer = new ApiClient(app.baseUrl);
    await officer.login(demoUsers.officer, DEMO_PASSWORD);
    const citizen = new ApiClient(app.baseUrl);
    for (const [i, dossier] of dossiers.entries()) {
      const issued = await officer.query<{
        issueSurveyToken: { __typename: string; data: { token: string } };
      }>(
        `mutation I($id: ID!) { issueSurveyToken(dossierId: $id, campaignCode: "E2E-SAU-HO-SO") {
          __typename ... on MutationIssueSurveyTokenSuccess { data { token } } } }`,
        // The mutation takes the dossier's row id (as its own API tests do).
        { id: String(dossier.id) },
      );
      expect(issued.issueSurveyToken.__typename).toBe('MutationIssueSurveyTokenSuccess');
      const submitted = await citizen.query<{ submitSurveyResponse: { __typename: string } }>(
        `mutation S($input: SubmitSurveyResponseInput!) { submitSurveyResponse(input: $input) { __typename } }`,
        {
          input: {
            token: issued.issueSurveyToken.data.token,
            idempotencyKey: `e2e-field-response-000${i}`,
            answers: ANSWERS,
            startedAt: new Date(Date.now() - 300_000).toISOString(),
          },
        },
      );
      expect(submitted.submitSurveyResponse.__typename).toBe('MutationSubmitSurveyResponseSuccess');
    }

    // Three answers this year, linked to dossiers of the field. Bắc Kạn was merged into Thái Nguyên in 2025: its
    // history counts this year's answers, but the API has no report of the retired province for this year. The page
    // walks back to the latest year with a figure — 2019, where no answer is linked to a field — and falls back to
    // the agency's 2019 figure instead of showing nothing.
    const again = await app.newPage('phone');
    await again.goto(`${app.baseUrl}/thu-tuc/BKN.STP.001`);
    const after = again.getByTestId('field-satisfaction-fallback');
    await after
      .locator('[data-metric="overall-index"]')
      .getByText(/Sở Tư pháp.*Năm 2019/)
      .waitFor();
    await after.locator('[data-metric="overall-index"] [data-testid="index-value"]').waitFor();
    expect(await after.getByText('Chưa có số liệu khảo sát hài lòng', { exact: false }).count()).toBe(0);
    await app.screenshot(again, 'portal-procedure-field-after-answers-phone');
    expect(await seriousAxeViolations(again)).toEqual([]);
  });
});
