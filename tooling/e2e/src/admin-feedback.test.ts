import { expect, it } from 'vitest';
import { DEMO_PASSWORD, demoUsers, signedInPage } from './admin-session.js';
import { ApiClient } from './api-client.js';
import { seriousAxeViolations } from './axe.js';
import { describeE2E } from './harness.js';

describeE2E('admin feedback inbox', (app) => {
  /** A citizen sends feedback about the Department of Justice through the public API; its follow-up code. */
  async function sendFeedback(title: string, key: string): Promise<string> {
    const citizen = new ApiClient(app.baseUrl);
    const sent = await citizen.query<{
      submitFeedback: { __typename: string; data: { code: string } };
    }>(
      `mutation F($input: SubmitFeedbackInput!) {
        submitFeedback(input: $input) { __typename ... on MutationSubmitFeedbackSuccess { data { code } } }
      }`,
      {
        input: {
          subject: 'AGENCY',
          agencyCode: 'BKN-STP',
          title,
          body: 'Cán bộ hẹn trả kết quả nhưng đến ngày hẹn chưa có, cũng không ai báo trước.',
          anonymous: true,
          idempotencyKey: key,
        },
      },
    );
    expect(sent.submitFeedback.__typename).toBe('MutationSubmitFeedbackSuccess');
    return sent.submitFeedback.data.code;
  }

  it('classifies, answers and publishes a feedback item, with its history', async () => {
    const code = await sendFeedback('Trả kết quả chậm không báo trước', 'e2e-feedback-answer-0001');
    const page = await signedInPage(app, demoUsers.officer);
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Phản ánh, kiến nghị' })
      .click();
    await page.getByRole('heading', { name: 'Phản ánh, kiến nghị' }).waitFor();
    const table = page.getByTestId('feedback-table');
    await table.getByRole('link', { name: code }).waitFor();
    await app.screenshot(page, 'admin-feedback-inbox-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await table.getByRole('link', { name: code }).click();
    await page.getByRole('heading', { name: `Phản ánh ${code}` }).waitFor();
    const status = page.getByTestId('feedback-status');
    await status.filter({ hasText: 'Mới tiếp nhận' }).waitFor();
    // Answering needs a category first: the answer form is not offered yet.
    expect(await page.getByRole('button', { name: 'Gửi câu trả lời' }).count()).toBe(0);

    const classify = page.getByRole('form', { name: 'Phân loại' });
    await classify.getByLabel('Phân loại').selectOption('CONDUCT');
    await classify.getByRole('button', { name: 'Phân loại' }).click();
    await status.filter({ hasText: 'Đã phân loại' }).waitFor();
    await page
      .getByTestId('answer-deadline')
      .filter({ hasText: /còn \d+ ngày/ })
      .waitFor();
    await app.screenshot(page, 'admin-feedback-classified-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Too short an answer: the API's message, status unchanged.
    const answer = page.getByRole('form', { name: 'Trả lời' });
    await answer.getByLabel('Nội dung trả lời').fill('Đã xử lý');
    await answer.getByRole('button', { name: 'Gửi câu trả lời' }).click();
    await page.getByTestId('feedback-outcome').filter({ hasText: /./ }).waitFor();
    expect(await status.textContent()).toBe('Đã phân loại');

    await answer
      .getByLabel('Nội dung trả lời')
      .fill('Sở Tư pháp đã nhắc nhở cán bộ và gửi phiếu xin lỗi, hẹn lại ngày trả kết quả cho ông/bà.');
    await answer.getByRole('button', { name: 'Gửi câu trả lời' }).click();
    await status.filter({ hasText: 'Đã trả lời' }).waitFor();
    await page.getByTestId('feedback-answer').filter({ hasText: 'Sở Tư pháp đã nhắc nhở' }).waitFor();
    await page.getByRole('button', { name: 'Công khai câu trả lời' }).click();
    await status.filter({ hasText: 'Đã công khai' }).waitFor();
    const history = (await page.getByTestId('feedback-history').textContent()) ?? '';
    for (const step of ['Tiếp nhận', 'Phân loại', 'Trả lời', 'Công khai']) expect(history).toContain(step);
    await app.screenshot(page, 'admin-feedback-published-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The public list of answers has it now.
    const published = await new ApiClient(app.baseUrl).query<{
      publishedFeedback: { edges: { node: { code: string } }[] };
    }>('{ publishedFeedback(agencyCode: "BKN-STP", first: 50) { edges { node { code } } } }');
    expect(published.publishedFeedback.edges.map((e) => e.node.code)).toContain(code);
  });

  it('flags overdue items and filters the inbox to them', async () => {
    const late = await sendFeedback('Phản ánh đã quá hạn trả lời', 'e2e-feedback-overdue-0001');
    const fresh = await sendFeedback('Phản ánh còn trong hạn', 'e2e-feedback-fresh-00001');
    const officer = new ApiClient(app.baseUrl);
    await officer.login(demoUsers.officer, DEMO_PASSWORD);
    const inbox = await officer.query<{ feedbackInbox: { edges: { node: { id: string; code: string } }[] } }>(
      '{ feedbackInbox(agencyCode: "BKN-STP", first: 50) { edges { node { id code } } } }',
    );
    const id = inbox.feedbackInbox.edges.find((e) => e.node.code === late)!.node.id;
    const classified = await officer.query<{ classifyFeedback: { __typename: string } }>(
      'mutation C($id: ID!) { classifyFeedback(id: $id, category: CONDUCT) { __typename } }',
      { id },
    );
    expect(classified.classifyFeedback.__typename).toBe('MutationClassifyFeedbackSuccess');
    // Its deadline passed (as if classified weeks ago).
    await app.db
      .updateTable('feedback')
      .set({ dueAt: new Date(Date.now() - 3 * 86_400_000) })
      .where('code', '=', late)
      .execute();

    const page = await signedInPage(app, demoUsers.officer);
    await page.goto(`${app.baseUrl}/admin/phan-anh`);
    const table = page.getByTestId('feedback-table');
    await table.getByRole('link', { name: fresh }).waitFor();
    const lateRow = table.getByRole('row').filter({ has: page.getByRole('link', { name: late }) });
    await lateRow.getByTestId('overdue-badge').filter({ hasText: 'Quá hạn' }).waitFor();
    // The box follows the address (`?qua-han=1`), so it turns on after the page re-renders: click, then wait
    // for the address instead of `check()`, which reads the state back at once.
    await page.getByLabel('Chỉ phản ánh quá hạn').click();
    await page.waitForURL((url) => url.searchParams.get('qua-han') === '1');
    await table.getByRole('link', { name: fresh }).waitFor({ state: 'detached' });
    await table.getByRole('link', { name: late }).waitFor();
    expect(new URL(page.url()).searchParams.get('qua-han')).toBe('1');
    await app.screenshot(page, 'admin-feedback-overdue-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await table.getByRole('link', { name: late }).click();
    await page.getByTestId('overdue-badge').waitFor();
    await page.getByTestId('answer-deadline').filter({ hasText: 'quá hạn 3 ngày' }).waitFor();
  });
});
