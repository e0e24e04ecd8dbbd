import { createTestDatabase } from '@chiso/testing';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { PersonalDataCipher } from '../../crypto/personal-data.js';
import { loadEnv } from '../../env.js';
import { buildServer } from '../../server.js';
import { createTestApi } from '../../test/graphql.js';
import { countingQueries } from '../../test/query-count.js';
import { seedFeedbackFixture } from './feedback.fixtures.js';

const { db } = await createTestDatabase();
const fx = await seedFeedbackFixture(db);
const anon = await createTestApi(db);
const justice = await createTestApi(db, { viewer: fx.viewers.justiceOfficer });
const home = await createTestApi(db, { viewer: fx.viewers.homeOfficer });
const hanoi = await createTestApi(db, { viewer: fx.viewers.hanoiOfficer });
const admin = await createTestApi(db, { viewer: fx.viewers.provinceAdmin });

const ERROR_FIELDS = `... on Error { __typename code message messageEn }
  ... on ValidationError { fieldErrors { path message messageEn } }`;

const SUBMIT = /* GraphQL */ `
  mutation Submit($input: SubmitFeedbackInput!) {
    submitFeedback(input: $input) {
      __typename
      ${ERROR_FIELDS}
      ... on MutationSubmitFeedbackSuccess { data { code status receivedAt dueAt } }
    }
  }
`;

const FEEDBACK_FIELDS = `id code status category dueAt overdue answer publishAllowed publishedAt agency { code }
  procedure { code } hasContact citizenRating events { action fromStatus toStatus note actorName }`;

const mutation = (name: string, params: string, args: string) => /* GraphQL */ `
  mutation M(${params}) {
    ${name}(${args}) {
      __typename
      ${ERROR_FIELDS}
      ... on Mutation${name[0]!.toUpperCase()}${name.slice(1)}Success { data { ${FEEDBACK_FIELDS} } }
    }
  }
`;
const CLASSIFY = mutation(
  'classifyFeedback',
  '$id: ID!, $category: FeedbackCategory!, $note: String',
  'id: $id, category: $category, note: $note',
);
const TRANSFER = mutation(
  'transferFeedback',
  '$id: ID!, $to: String!, $note: String',
  'id: $id, toAgencyCode: $to, note: $note',
);
const ANSWER = mutation(
  'answerFeedback',
  '$id: ID!, $answer: String!, $publish: Boolean!',
  'id: $id, answer: $answer, publishAllowed: $publish',
);
const PUBLISH = mutation('publishFeedbackAnswer', '$id: ID!', 'id: $id');
const REJECT = mutation('rejectFeedback', '$id: ID!, $reason: String!', 'id: $id, reason: $reason');

const STATUS = /* GraphQL */ `
  query S($code: String!) {
    feedbackStatus(code: $code) {
      __typename
      ${ERROR_FIELDS}
      ... on FeedbackFollowUp { code status category dueAt overdue answer answeredAt publishedAt rated canRate }
    }
  }
`;
const RATE = /* GraphQL */ `
  mutation R($code: String!, $rating: Int!, $key: String!) {
    rateFeedbackHandling(code: $code, rating: $rating, idempotencyKey: $key) {
      __typename
      ${ERROR_FIELDS}
      ... on MutationRateFeedbackHandlingSuccess { data { status rated canRate } }
    }
  }
`;
const INBOX = /* GraphQL */ `
  query I($agency: String, $unit: ID, $overdueOnly: Boolean, $status: [FeedbackStatus!], $first: Int, $after: String) {
    feedbackInbox(agencyCode: $agency, unitId: $unit, overdueOnly: $overdueOnly, status: $status, first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { code status overdue agency { code name } procedure { code } events { action } } }
    }
  }
`;
const FEEDBACK = /* GraphQL */ `
  query F($id: ID!) { feedback(id: $id) { __typename ${ERROR_FIELDS} ... on Feedback { code status } } }
`;
const CONTACT = /* GraphQL */ `
  query C($id: ID!) { feedbackContact(id: $id) { __typename ${ERROR_FIELDS} ... on FeedbackContact { name phone email } } }
`;
const PUBLISHED = /* GraphQL */ `
  query P($search: String, $agency: String, $procedure: String, $first: Int, $after: String) {
    publishedFeedback(search: $search, agencyCode: $agency, procedureCode: $procedure, first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { code title answer category agency { code name } procedure { code name } publishedAt } }
    }
  }
`;

let keySeq = 0;
const newKey = () => `test-key-${++keySeq}-${Date.now()}`;

function agencyInput(overrides: Record<string, unknown> = {}) {
  return {
    subject: 'AGENCY',
    agencyCode: 'TN-STP',
    title: 'Thái độ tiếp dân',
    body: 'Cán bộ tiếp nhận hồ sơ trả lời thiếu lịch sự khi tôi hỏi về thủ tục.',
    idempotencyKey: newKey(),
    ...overrides,
  };
}

async function submit(overrides: Record<string, unknown> = {}) {
  const { data, errors } = await anon.query(SUBMIT, { input: agencyInput(overrides) });
  expect(errors).toBeUndefined();
  expect(data.submitFeedback.__typename).toBe('MutationSubmitFeedbackSuccess');
  const code = data.submitFeedback.data.code as string;
  const row = await db
    .selectFrom('feedback')
    .select(['provinceUnitId', 'id'])
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return { code, id: encodeGlobalID('Feedback', `${row.provinceUnitId}:${row.id}`), row };
}

const countRows = async () => {
  const [feedback, events, audit] = await Promise.all([
    db.selectFrom('feedback').select(db.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('feedbackEvent').select(db.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('auditLog').select(db.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { feedback: feedback.n, events: events.n, audit: audit.n };
};

describe('submitFeedback', () => {
  it('receives anonymous feedback with a receipt code, in the agency’s province, due in working days', async () => {
    const { data } = await anon.query(SUBMIT, { input: agencyInput() });
    const receipt = data.submitFeedback.data;
    expect(receipt.code).toMatch(/^PAKN-\d{6}-[0-9A-Z]{8}$/);
    expect(receipt.status).toBe('RECEIVED');
    expect(new Date(receipt.dueAt).getTime()).toBeGreaterThan(new Date(receipt.receivedAt).getTime());
    const row = await db
      .selectFrom('feedback')
      .selectAll()
      .where('code', '=', receipt.code)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      provinceUnitId: fx.thaiNguyen,
      agencyId: fx.agencies.justice,
      anonymous: true,
      contactEnc: null,
      contactConsentAt: null,
      channel: 'portal',
      status: 'received',
    });
    const events = await db
      .selectFrom('feedbackEvent')
      .selectAll()
      .where('feedbackId', '=', row.id)
      .execute();
    expect(events).toMatchObject([{ action: 'receive', fromStatus: null, toStatus: 'received' }]);
  });

  it('seals the contact: the database holds ciphertext, the handling officer reads it back (audited)', async () => {
    const contact = { name: 'Nguyễn Thị Hoa', phone: '0912 345 678', email: 'Hoa@Example.vn' };
    const { id, code, row } = await submit({ anonymous: false, contact, consent: true });
    const stored = await db
      .selectFrom('feedback')
      .select(['contactEnc', 'contactKeyId', 'contactConsentAt', 'anonymous'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    expect(stored.anonymous).toBe(false);
    expect(stored.contactKeyId).toBe('dev');
    expect(stored.contactConsentAt).toBeInstanceOf(Date);
    const raw = stored.contactEnc!.toString('latin1');
    for (const plain of ['Hoa', '0912345678', 'hoa@example.vn']) expect(raw).not.toContain(plain);
    // Decrypt round trip with the same key, bound to this feedback's code.
    const cipher = PersonalDataCipher.fromEnv(loadEnv({ NODE_ENV: 'test' }));
    expect(
      JSON.parse(cipher.open({ keyId: 'dev', ciphertext: stored.contactEnc! }, `feedback.contact:${code}`)),
    ).toEqual({ name: 'Nguyễn Thị Hoa', phone: '0912345678', email: 'hoa@example.vn' });

    const before = await countRows();
    const { data } = await justice.query(CONTACT, { id });
    expect(data.feedbackContact).toEqual({
      __typename: 'FeedbackContact',
      name: 'Nguyễn Thị Hoa',
      phone: '0912345678',
      email: 'hoa@example.vn',
    });
    const audit = await db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'feedback.read_contact')
      .where('entityId', '=', `${row.provinceUnitId}:${row.id}`)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorUserId).toBe(fx.viewers.justiceOfficer.userId);
    expect(JSON.stringify(audit[0]!.data)).not.toContain('0912345678');
    expect(Number((await countRows()).audit)).toBe(Number(before.audit) + 1);

    // An officer of another agency reads nothing, and nothing is audited as read.
    const foreign = await home.query(CONTACT, { id });
    expect(foreign.data.feedbackContact.__typename).toBe('ForbiddenError');
    expect((await countRows()).audit).toBe(String(Number(before.audit) + 1));
  });

  it('refuses a contact without explicit consent (silence is not consent), with the path, writing nothing', async () => {
    const before = await countRows();
    for (const consent of [undefined, false]) {
      const { data } = await anon.query(SUBMIT, {
        input: agencyInput({ anonymous: false, contact: { name: 'An', phone: '0912345678' }, consent }),
      });
      expect(data.submitFeedback.__typename).toBe('ValidationError');
      expect(data.submitFeedback.fieldErrors).toEqual([
        {
          path: ['input', 'consent'],
          message: expect.stringContaining('đồng ý'),
          messageEn: expect.stringContaining('consent'),
        },
      ]);
    }
    expect(await countRows()).toEqual(before);
  });

  it('checks phone, email, lengths and the subject’s references, each at its path', async () => {
    const { data } = await anon.query(SUBMIT, {
      input: agencyInput({
        title: 'x',
        anonymous: false,
        contact: { name: 'An', phone: '12345', email: 'not-an-email' },
        consent: true,
      }),
    });
    expect(data.submitFeedback.fieldErrors.map((e: { path: string[] }) => e.path)).toEqual([
      ['input', 'title'],
      ['input', 'contact', 'phone'],
      ['input', 'contact', 'email'],
    ]);
    const missing = await anon.query(SUBMIT, { input: agencyInput({ anonymous: false }) });
    expect(missing.data.submitFeedback.fieldErrors[0].path).toEqual(['input', 'contact']);
    const unknown = await anon.query(SUBMIT, { input: agencyInput({ agencyCode: 'NOPE' }) });
    expect(unknown.data.submitFeedback.fieldErrors[0].path).toEqual(['input', 'agencyCode']);
    const noProcedure = await anon.query(SUBMIT, { input: agencyInput({ subject: 'PROCEDURE' }) });
    expect(noProcedure.data.submitFeedback.fieldErrors[0].path).toEqual(['input', 'procedureCode']);
  });

  it('derives the agency and province from a procedure carried out by one agency', async () => {
    const { code } = await submit({ subject: 'PROCEDURE', procedureCode: '2.000488', agencyCode: null });
    const row = await db
      .selectFrom('feedback')
      .selectAll()
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      procedureId: fx.procedureId,
      agencyId: fx.agencies.justice,
      provinceUnitId: fx.thaiNguyen,
    });
  });

  it('is idempotent: a retry returns the same receipt; the same key with another payload is a conflict', async () => {
    const input = agencyInput();
    const first = await anon.query(SUBMIT, { input });
    const before = await countRows();
    const retry = await anon.query(SUBMIT, { input });
    expect(retry.data.submitFeedback.data).toEqual(first.data.submitFeedback.data);
    expect(await countRows()).toEqual(before);
    const changed = await anon.query(SUBMIT, { input: { ...input, body: `${input.body} Thêm nội dung.` } });
    expect(changed.data.submitFeedback).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
    expect(await countRows()).toEqual(before);
  });

  it('limits submissions per source address', async () => {
    const app = await buildServer({
      db,
      env: loadEnv({ NODE_ENV: 'test', CHISO_FEEDBACK_SUBMISSIONS_PER_HOUR: '2' }),
    });
    try {
      const post = (remoteAddress: string) =>
        app
          .inject({
            method: 'POST',
            url: '/graphql',
            remoteAddress,
            headers: { 'content-type': 'application/json' },
            payload: { query: SUBMIT, variables: { input: agencyInput() } },
          })
          .then((response) => response.json().data.submitFeedback);
      expect((await post('203.0.113.7')).__typename).toBe('MutationSubmitFeedbackSuccess');
      expect((await post('203.0.113.7')).__typename).toBe('MutationSubmitFeedbackSuccess');
      expect(await post('203.0.113.7')).toMatchObject({
        __typename: 'TooManyRequestsError',
        code: 'RATE_LIMITED',
      });
      expect((await post('203.0.113.8')).__typename).toBe('MutationSubmitFeedbackSuccess');
    } finally {
      await app.close();
    }
  });
});

describe('handling', () => {
  it('runs the whole lifecycle with an event and an audit entry per step', async () => {
    const { id, code, row } = await submit();
    const classified = await justice.query(CLASSIFY, { id, category: 'CONDUCT', note: 'Về thái độ' });
    expect(classified.data.classifyFeedback.data).toMatchObject({
      status: 'CLASSIFIED',
      category: 'CONDUCT',
    });
    const answered = await justice.query(ANSWER, {
      id,
      answer: 'Sở đã nhắc nhở cán bộ và chấn chỉnh việc tiếp dân tại bộ phận một cửa.',
      publish: true,
    });
    expect(answered.data.answerFeedback.data).toMatchObject({ status: 'ANSWERED', publishAllowed: true });
    const published = await justice.query(PUBLISH, { id });
    const done = published.data.publishFeedbackAnswer.data;
    expect(done.status).toBe('PUBLISHED');
    expect(done.events).toEqual([
      { action: 'receive', fromStatus: null, toStatus: 'RECEIVED', note: null, actorName: null },
      {
        action: 'classify',
        fromStatus: 'RECEIVED',
        toStatus: 'CLASSIFIED',
        note: 'Về thái độ',
        actorName: 'Cán bộ Sở Tư pháp',
      },
      {
        action: 'answer',
        fromStatus: 'CLASSIFIED',
        toStatus: 'ANSWERED',
        note: null,
        actorName: 'Cán bộ Sở Tư pháp',
      },
      {
        action: 'publish',
        fromStatus: 'ANSWERED',
        toStatus: 'PUBLISHED',
        note: null,
        actorName: 'Cán bộ Sở Tư pháp',
      },
    ]);
    const audit = await db
      .selectFrom('auditLog')
      .select(['action', 'actorUserId'])
      .where('entityId', '=', `${row.provinceUnitId}:${row.id}`)
      .orderBy('id')
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual([
      'feedback.receive',
      'feedback.classify',
      'feedback.answer',
      'feedback.publish',
    ]);
    const status = await anon.query(STATUS, { code: code.toLowerCase() });
    expect(status.data.feedbackStatus).toMatchObject({
      status: 'PUBLISHED',
      category: 'CONDUCT',
      answer: expect.stringContaining('chấn chỉnh'),
      canRate: true,
    });
  });

  it('refuses illegal transitions with CONFLICT and writes nothing', async () => {
    const { id } = await submit();
    const before = await countRows();
    const publish = await justice.query(PUBLISH, { id });
    expect(publish.data.publishFeedbackAnswer).toMatchObject({
      __typename: 'ConflictError',
      code: 'CONFLICT',
    });
    const answer = await justice.query(ANSWER, { id, answer: 'Một câu trả lời đủ dài.', publish: true });
    expect(answer.data.answerFeedback.__typename).toBe('ConflictError');
    expect(await countRows()).toEqual(before);

    await justice.query(CLASSIFY, { id, category: 'REGULATION' });
    await justice.query(ANSWER, { id, answer: 'Trả lời riêng, không công khai.', publish: false });
    const notAllowed = await justice.query(PUBLISH, { id });
    expect(notAllowed.data.publishFeedbackAnswer.__typename).toBe('ConflictError');
    const reclassify = await justice.query(CLASSIFY, { id, category: 'CONDUCT' });
    expect(reclassify.data.classifyFeedback.__typename).toBe('ConflictError');
    const reject = await justice.query(REJECT, { id, reason: 'Đã trả lời rồi' });
    expect(reject.data.rejectFeedback.__typename).toBe('ConflictError');
  });

  it('rejects with a reason', async () => {
    const { id } = await submit();
    const { data } = await justice.query(REJECT, {
      id,
      reason: 'Nội dung là khiếu nại, đã hướng dẫn gửi theo Luật Khiếu nại.',
    });
    expect(data.rejectFeedback.data).toMatchObject({ status: 'REJECTED', overdue: false });
    expect(data.rejectFeedback.data.events.at(-1)).toMatchObject({
      action: 'reject',
      note: expect.stringContaining('khiếu nại'),
    });
  });

  it('counts the deadline in working days of the national calendar, skipping the April–May holidays', async () => {
    const { id, row } = await submit();
    // Received Monday 2026-04-27 at 07:00 in Vietnam: a compensatory day off (Hùng Kings fell on Sunday 26/4).
    await db
      .updateTable('feedback')
      .set({ createdAt: new Date('2026-04-27T00:00:00Z') })
      .where('provinceUnitId', '=', row.provinceUnitId)
      .where('id', '=', row.id)
      .execute();
    const holidays = await db
      .selectFrom('calendarDay')
      .innerJoin('workCalendar', 'workCalendar.id', 'calendarDay.calendarId')
      .select('day')
      .where('workCalendar.code', '=', 'VN')
      .where('day', 'in', ['2026-04-27', '2026-04-30', '2026-05-01'])
      .where('kind', '=', 'holiday')
      .execute();
    expect(holidays).toHaveLength(3);
    const conduct = await justice.query(CLASSIFY, { id, category: 'CONDUCT' });
    // 10 working days: 28, 29 April, then 4–8 and 11–13 May, closing at 17:00 (UTC+7); without the holidays
    // it would have been 8 May.
    expect(conduct.data.classifyFeedback.data.dueAt).toBe('2026-05-13T10:00:00.000Z');
  });

  it('flags overdue feedback and filters on it', async () => {
    const { id, code, row } = await submit({ agencyCode: 'TN-SNV' });
    await db
      .updateTable('feedback')
      .set({ dueAt: sql<Date>`now() - interval '1 day'` })
      .where('provinceUnitId', '=', row.provinceUnitId)
      .where('id', '=', row.id)
      .execute();
    const { data } = await home.query(INBOX, { agency: 'TN-SNV', overdueOnly: true });
    expect(data.feedbackInbox.edges.map((e: { node: { code: string } }) => e.node.code)).toEqual([code]);
    expect(data.feedbackInbox.edges[0].node.overdue).toBe(true);
    expect((await anon.query(STATUS, { code })).data.feedbackStatus.overdue).toBe(true);
    await home.query(REJECT, { id, reason: 'Không thuộc thẩm quyền xử lý' });
    const after = await home.query(INBOX, { agency: 'TN-SNV', overdueOnly: true });
    expect(after.data.feedbackInbox.edges).toEqual([]);
  });

  it('pages the inbox with cursors, loading events without a query per item', async () => {
    const first = await justice.query(INBOX, { agency: 'TN-STP', first: 2 });
    expect(first.data.feedbackInbox.edges).toHaveLength(2);
    expect(first.data.feedbackInbox.pageInfo.hasNextPage).toBe(true);
    const next = await justice.query(INBOX, {
      agency: 'TN-STP',
      first: 2,
      after: first.data.feedbackInbox.pageInfo.endCursor,
    });
    const codes = (page: typeof first) =>
      page.data.feedbackInbox.edges.map((e: { node: { code: string } }) => e.node.code);
    expect(codes(next)).toHaveLength(2);
    expect(codes(next).some((code: string) => codes(first).includes(code))).toBe(false);
    const bad = await justice.query(INBOX, { agency: 'TN-STP', after: 'garbage' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('transfers ownership: the receiving agency sees and handles it, the old one loses access', async () => {
    const { id, code } = await submit();
    const moved = await justice.query(TRANSFER, { id, to: 'TN-SNV', note: 'Thuộc thẩm quyền Sở Nội vụ' });
    expect(moved.data.transferFeedback.data).toMatchObject({
      status: 'TRANSFERRED',
      agency: { code: 'TN-SNV' },
    });

    const inboxCodes = async (api: typeof justice, agency: string) =>
      ((await api.query(INBOX, { agency, first: 100 })).data.feedbackInbox?.edges ?? []).map(
        (e: { node: { code: string } }) => e.node.code,
      );
    expect(await inboxCodes(home, 'TN-SNV')).toContain(code);
    expect(await inboxCodes(justice, 'TN-STP')).not.toContain(code);
    expect((await justice.query(FEEDBACK, { id })).data.feedback.__typename).toBe('ForbiddenError');
    const before = await countRows();
    const late = await justice.query(CLASSIFY, { id, category: 'CONDUCT' });
    expect(late.data.classifyFeedback.__typename).toBe('ForbiddenError');
    expect(await countRows()).toEqual(before);

    const classified = await home.query(CLASSIFY, { id, category: 'REGULATION' });
    expect(classified.data.classifyFeedback.data.status).toBe('CLASSIFIED');
    // The province's unit admin sees it in the unit's inbox.
    const unitId = encodeGlobalID('AdministrativeUnit', fx.thaiNguyen);
    const unitInbox = await admin.query(INBOX, { unit: unitId, first: 100 });
    expect(unitInbox.data.feedbackInbox.edges.map((e: { node: { code: string } }) => e.node.code)).toContain(
      code,
    );
    // Another province's agency is out of reach.
    const away = await home.query(TRANSFER, { id, to: 'HN-STP' });
    expect(away.data.transferFeedback.__typename).toBe('ConflictError');
  });
});

describe('access', () => {
  it('keeps officers of other agencies out: no reading, no acting, nothing written', async () => {
    const { id } = await submit();
    const before = await countRows();
    expect((await hanoi.query(FEEDBACK, { id })).data.feedback.__typename).toBe('ForbiddenError');
    for (const [document, variables] of [
      [CLASSIFY, { id, category: 'CONDUCT' }],
      [TRANSFER, { id, to: 'HN-STP' }],
      [ANSWER, { id, answer: 'Trả lời của cơ quan khác', publish: true }],
      [PUBLISH, { id }],
      [REJECT, { id, reason: 'Không phải việc của tôi' }],
    ] as const) {
      const { data } = await hanoi.query(document, variables);
      expect(Object.values(data as Record<string, { __typename: string }>)[0]!.__typename).toBe(
        'ForbiddenError',
      );
    }
    const inbox = await hanoi.query(INBOX, { agency: 'TN-STP' });
    expect(inbox.data.feedbackInbox).toBeNull();
    expect(inbox.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const unitInbox = await justice.query(INBOX, {
      unit: encodeGlobalID('AdministrativeUnit', fx.thaiNguyen),
    });
    expect(unitInbox.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await anon.query(CLASSIFY, { id, category: 'CONDUCT' });
    expect(anonymous.data.classifyFeedback).toMatchObject({
      __typename: 'ForbiddenError',
      code: 'FORBIDDEN',
    });
    expect(await countRows()).toEqual(before);
  });
});

describe('rateFeedbackHandling', () => {
  it('accepts one rating after the answer; a retry returns it, another rating is a conflict', async () => {
    const { id, code } = await submit();
    const early = await anon.query(RATE, { code, rating: 5, key: 'rating-key-1' });
    expect(early.data.rateFeedbackHandling.__typename).toBe('ConflictError');
    await justice.query(CLASSIFY, { id, category: 'CONDUCT' });
    await justice.query(ANSWER, { id, answer: 'Đã xử lý theo quy định.', publish: false });
    const bad = await anon.query(RATE, { code, rating: 6, key: 'rating-key-1' });
    expect(bad.data.rateFeedbackHandling.fieldErrors[0].path).toEqual(['rating']);
    const rated = await anon.query(RATE, { code, rating: 4, key: 'rating-key-1' });
    expect(rated.data.rateFeedbackHandling.data).toEqual({ status: 'ANSWERED', rated: true, canRate: false });
    const retry = await anon.query(RATE, { code, rating: 4, key: 'rating-key-1' });
    expect(retry.data.rateFeedbackHandling.__typename).toBe('MutationRateFeedbackHandlingSuccess');
    const again = await anon.query(RATE, { code, rating: 1, key: 'rating-key-2' });
    expect(again.data.rateFeedbackHandling.__typename).toBe('ConflictError');
    const officer = await justice.query(FEEDBACK.replace('code status', 'code status citizenRating'), { id });
    expect(officer.data.feedback.citizenRating).toBe(4);
    const unknown = await anon.query(RATE, { code: 'PAKN-000000-XXXXXXXX', rating: 4, key: 'rating-key-3' });
    expect(unknown.data.rateFeedbackHandling.__typename).toBe('NotFoundError');
  });
});

describe('publishedFeedback', () => {
  it('finds published answers with or without diacritics, and only published ones', async () => {
    const published = await submit({
      subject: 'PROCEDURE',
      procedureCode: '2.000488',
      agencyCode: null,
      title: 'Thủ tục cấp phiếu lý lịch tư pháp quá lâu',
    });
    await justice.query(CLASSIFY, { id: published.id, category: 'REGULATION' });
    await justice.query(ANSWER, {
      id: published.id,
      answer: 'Thời hạn giải quyết thủ tục là 10 ngày làm việc theo quy định.',
      publish: true,
    });
    await justice.query(PUBLISH, { id: published.id });
    const hidden = await submit({ title: 'Thủ tục chưa được trả lời' });

    const codes = async (variables: Record<string, unknown>) =>
      (await anon.query(PUBLISHED, variables)).data.publishedFeedback.edges.map(
        (e: { node: { code: string } }) => e.node.code,
      );
    expect(await codes({ search: 'thu tuc' })).toEqual([published.code]);
    expect(await codes({ search: 'THỦ TỤC lý lịch' })).toEqual([published.code]);
    expect(await codes({ search: '10 ngay lam viec' })).toEqual([published.code]);
    expect(await codes({ search: 'khong co dau' })).toEqual([]);
    expect(await codes({ procedure: '2.000488' })).toEqual([published.code]);
    expect(await codes({ agency: 'TN-SNV' })).toEqual([]);
    expect(await codes({ agency: 'NOPE' })).toEqual([]);
    expect(await codes({})).not.toContain(hidden.code);
    const { data } = await anon.query(PUBLISHED, { search: 'thu tuc' });
    expect(data.publishedFeedback.edges[0].node).toMatchObject({
      agency: { code: 'TN-STP' },
      procedure: { code: '2.000488', name: 'Cấp Phiếu lý lịch tư pháp' },
      category: 'REGULATION',
    });
  });

  it('shows no personal data in public answers', async () => {
    const contact = { name: 'Trần Văn Bình', phone: '0987654321', email: 'binh@example.vn' };
    const { id, code } = await submit({
      anonymous: false,
      contact,
      consent: true,
      title: 'Hướng dẫn không rõ ràng',
      body: 'Tôi là Trần Văn Bình, ở tổ 5, bị hướng dẫn sai nhiều lần.',
    });
    await justice.query(CLASSIFY, { id, category: 'CONDUCT' });
    await justice.query(ANSWER, { id, answer: 'Sở đã rà soát và hướng dẫn lại quy trình.', publish: true });
    await justice.query(PUBLISH, { id });
    const publicTexts = JSON.stringify([
      await anon.query(STATUS, { code }),
      await anon.query(PUBLISHED, { search: 'huong dan' }),
    ]);
    for (const secret of ['Bình', '0987654321', 'binh@example.vn', 'tổ 5'])
      expect(publicTexts).not.toContain(secret);
    // Contacts are for signed-in handling officers only.
    expect((await anon.query(CONTACT, { id })).data.feedbackContact).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('DataLoaders', () => {
  it('serves an inbox page with agencies, procedures and events in a constant number of queries', async () => {
    for (const agencyCode of ['TN-STP', 'TN-SNV']) await submit({ agencyCode });
    await submit({ subject: 'PROCEDURE', procedureCode: '2.000488', agencyCode: null });
    const queries = countingQueries(db);
    const counted = await createTestApi(queries.db, { viewer: fx.viewers.provinceAdmin });
    const unit = encodeGlobalID('AdministrativeUnit', fx.thaiNguyen);
    const INBOX_LINKS = /* GraphQL */ `
      query I($unit: ID, $first: Int) {
        feedbackInbox(unitId: $unit, first: $first) {
          edges { node { code agency { code name unit { code } } procedure { code name } events { action } } }
        }
      }
    `;
    const page = await counted.query(INBOX_LINKS, { unit, first: 100 });
    expect(page.errors).toBeUndefined();
    const nodes = page.data.feedbackInbox.edges.map(
      (e: { node: { agency: { code: string } | null; procedure: { code: string } | null } }) => e.node,
    );
    expect(nodes.length).toBeGreaterThan(3);
    expect(new Set(nodes.map((n: { agency: { code: string } | null }) => n.agency?.code))).toEqual(
      new Set(['TN-STP', 'TN-SNV']),
    );
    expect(nodes.some((n: { procedure: { code: string } | null }) => n.procedure?.code === '2.000488')).toBe(
      true,
    );
    // the unit check, the page, its agencies, their units, its procedures, its events: not one per row
    expect(queries.count).toBe(6);
  });
});
