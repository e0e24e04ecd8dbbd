import { expect, it } from 'vitest';
import { ApiClient, DEMO_PASSWORD } from './api-client.js';
import { seriousAxeViolations } from './axe.js';
import { describeE2E, type ViewportName } from './harness.js';

const widths: ViewportName[] = ['phone', 'desktop'];

describeE2E('portal: feedback (PAKN)', (app) => {
  /** The officer of the Department of Justice answers a feedback item and publishes the answer. */
  async function answerAndPublish(code: string, answer: string) {
    const officer = new ApiClient(app.baseUrl);
    await officer.login('motcua.stp@demo.chiso.vn', DEMO_PASSWORD);
    const inbox = await officer.query<{ feedbackInbox: { edges: { node: { id: string; code: string } }[] } }>(
      '{ feedbackInbox(agencyCode: "BKN-STP", first: 50) { edges { node { id code } } } }',
    );
    const id = inbox.feedbackInbox.edges.find((e) => e.node.code === code)!.node.id;
    for (const [mutation, args] of [
      ['classifyFeedback', 'category: CONDUCT'],
      ['answerFeedback', `answer: ${JSON.stringify(answer)}, publishAllowed: true`],
      ['publishFeedbackAnswer', ''],
    ] as const) {
      const done = await officer.query<Record<string, { __typename: string }>>(
        `mutation M($id: ID!) { ${mutation}(id: $id${args ? `, ${args}` : ''}) { __typename } }`,
        { id },
      );
      expect(done[mutation]!.__typename, mutation).toMatch(/Success$/);
    }
  }

  for (const viewport of widths) {
    it(`sends feedback, shows its code, follows it to the published answer (${viewport})`, async () => {
      const page = await app.newPage(viewport);
      await page.goto(`${app.baseUrl}/gop-y`);
      await page.getByRole('heading', { name: 'Gửi phản ánh, kiến nghị' }).waitFor();
      await page.getByRole('radio', { name: 'Một cơ quan' }).check();
      await page.getByRole('combobox', { name: 'Cơ quan' }).selectOption('BKN-STP');
      const title = viewport === 'phone' ? 'Thời gian chờ quá lâu' : 'Quầy hướng dẫn vắng người';
      await page.getByLabel('Tiêu đề').fill(title);

      // Not anonymous without consent: the consent box is required and says so.
      await page.getByLabel('Gửi ẩn danh').uncheck();
      await page.getByLabel('Họ và tên').fill('Nguyễn Văn A');
      await page.getByLabel('Số điện thoại').fill('0912345678');
      await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
      await page.getByTestId('feedback-error').waitFor();
      await page.getByText('Cần từ').first().waitFor(); // the body is still empty
      await page.getByText('Cần sự đồng ý rõ ràng').waitFor();
      await app.screenshot(page, `portal-feedback-errors-${viewport}`);

      await page
        .getByLabel('Nội dung')
        .fill('Tôi phải chờ hơn hai giờ tại quầy tiếp nhận hồ sơ của Sở Tư pháp.');
      await page.getByLabel(/Tôi đồng ý để cơ quan lưu thông tin liên hệ/).check();
      await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
      const code = (await page.getByTestId('feedback-code').textContent())!.trim();
      expect(code).toMatch(/^PAKN-/);
      await app.screenshot(page, `portal-feedback-receipt-${viewport}`);

      await page.getByRole('link', { name: 'Theo dõi phản ánh này' }).click();
      await page.getByTestId('feedback-status-badge').filter({ hasText: 'Đã tiếp nhận' }).waitFor();
      await page.getByText('Hạn trả lời:').waitFor();
      await app.screenshot(page, `portal-feedback-status-${viewport}`);

      const answer = `Sở đã bố trí thêm quầy tiếp nhận (${viewport}).`;
      await answerAndPublish(code, answer);
      await page.reload();
      await page
        .getByTestId('feedback-status-badge')
        .filter({ hasText: 'Đã trả lời và công khai' })
        .waitFor();
      await page.getByText(answer).waitFor();
      // The citizen rates the handling once.
      await page.getByRole('radio', { name: 'Hài lòng', exact: true }).check();
      await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
      await page.getByTestId('feedback-rated').waitFor();
      await page.reload();
      await page.getByTestId('feedback-rated').waitFor();

      await page.goto(`${app.baseUrl}/gop-y/cong-khai`);
      await page
        .getByRole('searchbox', { name: 'Tìm trong các câu trả lời' })
        .fill(viewport === 'phone' ? 'thoi gian cho' : 'quay huong dan');
      await page.getByTestId('published-item').filter({ hasText: title }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport === 'phone' ? 360 : 1280,
      );
      await app.screenshot(page, `portal-feedback-published-${viewport}`);
    });
  }

  it('says so for an unknown code, and has no serious accessibility violations (axe-core)', async () => {
    const page = await app.newPage('phone');
    await page.goto(`${app.baseUrl}/gop-y/PAKN-000000-KHONGCO`);
    await page.getByTestId('feedback-status-error').waitFor();
    expect(await seriousAxeViolations(page), '/gop-y/:code').toEqual([]);
    await page.goto(`${app.baseUrl}/gop-y`);
    await page.getByLabel('Gửi ẩn danh').uncheck();
    await page.getByLabel('Họ và tên').waitFor();
    expect(await seriousAxeViolations(page), '/gop-y').toEqual([]);
    await page.goto(`${app.baseUrl}/gop-y/cong-khai`);
    await page.getByRole('searchbox').waitFor();
    expect(await seriousAxeViolations(page), '/gop-y/cong-khai').toEqual([]);
  });
});
