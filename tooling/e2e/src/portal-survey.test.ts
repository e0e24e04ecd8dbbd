import { expect, it } from 'vitest';
import { ApiClient, DEMO_PASSWORD } from './api-client.js';
import { seriousAxeViolations } from './axe.js';
import { describeE2E } from './harness.js';

const ITEMS = 22;

describeE2E('portal: rate the service', (app) => {
  let campaignCode = '';

  /** Sample tokens of an open SIPAS campaign, issued the way a unit admin does it. */
  async function issueTokens(count: number): Promise<string[]> {
    const api = new ApiClient(app.baseUrl);
    await api.login('admin@demo.chiso.vn', DEMO_PASSWORD);
    if (!campaignCode) {
      campaignCode = `E2E-PORTAL-${Date.now()}`;
      const units = await api.query<{ units: { id: string; code: string }[] }>(
        '{ units(level: PROVINCE) { id code } }',
      );
      const owner = units.units.find((u) => u.code === '19')!; // Thái Nguyên, Bắc Kạn's successor
      const created = await api.query<{ createCampaign: { __typename: string } }>(
        `mutation C($input: CreateCampaignInput!) { createCampaign(input: $input) { __typename } }`,
        {
          input: {
            code: campaignCode,
            ownerUnit: owner.id,
            instrument: { code: 'SIPAS', version: '2017' },
            name: 'Khảo sát thử trên cổng',
            nameEn: 'Portal test survey',
            mode: 'SAMPLE',
            startsOn: '2020-01-01',
            endsOn: '2099-12-31',
          },
        },
      );
      expect(created.createCampaign.__typename).toBe('MutationCreateCampaignSuccess');
    }
    const issued = await api.query<{
      issueSampleTokens: { __typename: string; data: { tokens: { token: string }[] } };
    }>(
      `mutation S($code: String!, $count: Int!) { issueSampleTokens(campaignCode: $code, count: $count) {
        __typename ... on MutationIssueSampleTokensSuccess { data { tokens { token } } } } }`,
      { code: campaignCode, count },
    );
    return issued.issueSampleTokens.data.tokens.map((t) => t.token);
  }

  async function responsesOfCampaign(): Promise<number> {
    const row = await app.db
      .selectFrom('surveyResponse')
      .innerJoin('campaign', 'campaign.id', 'surveyResponse.campaignId')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('campaign.code', '=', campaignCode)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  it('answers one question per screen on a phone; a reload and a failed send lose nothing; counted once', async () => {
    const [token] = await issueTokens(1);
    const page = await app.newPage('phone');
    await page.goto(`${app.baseUrl}/khao-sat/${token}`);
    await page.getByTestId('survey-progress').filter({ hasText: 'Câu 1 trên 22' }).waitFor();
    await app.screenshot(page, 'portal-survey-question-phone');

    // Half the questions, then a reload: the answers and the place are kept.
    for (let i = 0; i < 11; i++) {
      await page.getByRole('radio', { name: 'Hài lòng', exact: true }).check();
      await page.getByRole('button', { name: 'Tiếp' }).click();
    }
    await page.reload();
    await page.getByTestId('survey-progress').filter({ hasText: 'Câu 12 trên 22' }).waitFor();
    await page.getByRole('button', { name: 'Quay lại' }).click();
    expect(await page.getByRole('radio', { name: 'Hài lòng', exact: true }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Tiếp' }).click();
    for (let i = 11; i < ITEMS; i++) {
      await page.getByRole('radio', { name: 'Rất hài lòng', exact: true }).check();
      await page.getByRole('button', { name: 'Tiếp' }).click();
    }
    await page.getByLabel('Độ tuổi').selectOption('30-39');
    // The optional comment warns against personal data and stops at the limit.
    const comment = page.getByRole('textbox', { name: 'Góp ý thêm (không bắt buộc)' });
    await page.getByText(/Xin đừng ghi họ tên, số điện thoại/).waitFor();
    expect(await comment.getAttribute('maxlength')).toBe('2000');
    await comment.fill('Cán bộ hướng dẫn tận tình; nên có thêm ghế chờ.');
    await page
      .getByTestId('survey-comment-count')
      .filter({ hasText: /^47\/2[.,]?000 ký tự$/ })
      .waitFor();
    await app.screenshot(page, 'portal-survey-about-phone');

    // The network drops the first send.
    let aborted = 0;
    await page.route('**/graphql', async (route) => {
      if (aborted === 0 && route.request().postData()?.includes('submitSurveyResponse')) {
        aborted += 1;
        return route.abort('internetdisconnected');
      }
      return route.continue();
    });
    await page.getByTestId('survey-submit').click();
    await page.getByTestId('survey-submit-error').waitFor();
    expect(aborted).toBe(1);
    expect(await responsesOfCampaign()).toBe(0);
    await app.screenshot(page, 'portal-survey-network-error-phone');

    // A reload in between still keeps everything; sending again records exactly one response.
    await page.reload();
    expect(await comment.inputValue()).toBe('Cán bộ hướng dẫn tận tình; nên có thêm ghế chờ.');
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByTestId('survey-thanks').waitFor();
    expect(await responsesOfCampaign()).toBe(1);
    await app.screenshot(page, 'portal-survey-thanks-phone');

    const stored = await app.db
      .selectFrom('surveyResponse')
      .innerJoin('campaign', 'campaign.id', 'surveyResponse.campaignId')
      .select(['surveyResponse.answers', 'surveyResponse.ageBand', 'surveyResponse.freeText'])
      .where('campaign.code', '=', campaignCode)
      .executeTakeFirstOrThrow();
    expect(stored.answers).toEqual([...Array(11).fill(4), ...Array(11).fill(5)]);
    expect(stored.ageBand).toBe('30-39');
    expect(stored.freeText).toBe('Cán bộ hướng dẫn tận tình; nên có thêm ghế chờ.');

    // The thanks stay on this device; on another one the token is used.
    await page.reload();
    await page.getByTestId('survey-thanks').waitFor();
    const other = await app.newPage('phone');
    await other.goto(`${app.baseUrl}/khao-sat/${token}`);
    await other.getByTestId('survey-problem').filter({ hasText: 'đã được dùng' }).waitFor();
    await app.screenshot(other, 'portal-survey-used-phone');
  });

  it('shows every question on one page on a desktop, and a clear message for an unknown token', async () => {
    const [token] = await issueTokens(1);
    const page = await app.newPage('desktop');
    await page.goto(`${app.baseUrl}/khao-sat/${token}`);
    await page.getByTestId('survey-progress').filter({ hasText: 'Đã trả lời 0/22 câu' }).waitFor();
    expect(await page.locator('[data-testid^="question-"]').count()).toBe(ITEMS);
    await page.getByTestId('question-1.1').getByRole('radio', { name: 'Bình thường' }).check();
    await page.getByTestId('survey-progress').filter({ hasText: 'Đã trả lời 1/22 câu' }).waitFor();
    await app.screenshot(page, 'portal-survey-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.goto(`${app.baseUrl}/khao-sat/khong-co-ma-nay`);
    await page.getByTestId('survey-problem').filter({ hasText: 'Không tìm thấy mã khảo sát' }).waitFor();
  });

  it('has no serious or critical accessibility violations on a phone (axe-core)', async () => {
    const [token] = await issueTokens(1);
    const page = await app.newPage('phone');
    await page.goto(`${app.baseUrl}/khao-sat/${token}`);
    await page.getByTestId('survey-progress').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
