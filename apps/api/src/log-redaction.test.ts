import { randomBytes, randomUUID } from 'node:crypto';
import { DEMO } from '@chiso/db';
import { createTestDatabase } from '@chiso/testing';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEnv } from './env.js';
import { createLogger } from './logger.js';
import { buildServer } from './server.js';

/**
 * Secrets and personal data never reach the logs: the API runs with its production logger at `trace` (every line
 * it can write) while people sign in (right and wrong passwords), use API keys (good and bad), submit feedback
 * with a contact and a dossier PIN, track a dossier with its PIN (by POST and by GET, whose URL carries the
 * variables) and ask for its survey link with it, and answer a survey with its token; then every captured byte is searched for each of them.
 */
const { db } = await createTestDatabase({ demo: true });

const env = loadEnv({
  NODE_ENV: 'production',
  LOG_LEVEL: 'trace',
  CHISO_DATA_KEY: randomBytes(32).toString('base64'),
  CHISO_PSEUDONYM_SECRET: randomBytes(32).toString('hex'),
});

async function serverLogging(logger: ReturnType<typeof createLogger>): Promise<FastifyInstance> {
  const app = await buildServer({ db, env, logger });
  afterAll(() => app.close());
  return app;
}

const captured: string[] = [];
const app = await serverLogging(createLogger(env, { write: (line: string) => void captured.push(line) }));

const ADMIN = { email: 'admin@demo.chiso.vn', password: 'ChiSo@demo2019' };
const WRONG_PASSWORD = 'Sai-Mat-Khau-2027!';
const CONTACT = { name: 'Phạm Thị Hoa', phone: '0978123456', email: 'hoa.pham@example.vn' };
const WRONG_PIN = '135791';

async function graphql(
  document: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  const response = await app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json', ...headers },
    payload: { query: document, variables },
  });
  return { status: response.statusCode, body: response.json(), cookies: response.cookies };
}

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { __typename } }`;

/** Runs every scenario; returns the secrets and personal data that went through the API. */
async function exercise() {
  const secrets: Record<string, string> = {
    password: ADMIN.password,
    wrongPassword: WRONG_PASSWORD,
    staffEmail: ADMIN.email,
    pin: DEMO.sampleDossier.pin,
    wrongPin: WRONG_PIN,
    contactName: CONTACT.name,
    contactPhone: CONTACT.phone,
    contactEmail: CONTACT.email,
  };

  // Sign-in: a wrong password, an unknown person, then the right password.
  expect((await graphql(LOGIN, { input: { email: ADMIN.email, password: WRONG_PASSWORD } })).status).toBe(
    200,
  );
  await graphql(LOGIN, { input: { email: 'nobody.here@example.vn', password: WRONG_PASSWORD } });
  secrets.unknownEmail = 'nobody.here@example.vn';
  const signedIn = await graphql(LOGIN, { input: ADMIN });
  expect(signedIn.body.data.login.__typename).toBe('MutationLoginSuccess');
  const session = signedIn.cookies.find((c) => c.name === 'chiso_session')!;
  secrets.sessionCookie = session.value;
  const cookie = { cookie: `chiso_session=${session.value}` };

  // An API key: created in the session, used, and a made-up one refused.
  const created = await graphql(
    `mutation($input: CreateApiKeyInput!) {
      createApiKey(input: $input) { __typename ... on MutationCreateApiKeySuccess { data { secret } } }
    }`,
    { input: { name: 'Báo cáo', scopes: ['READ_REPORTS'] } },
    cookie,
  );
  const apiKey = created.body.data.createApiKey.data.secret as string;
  secrets.apiKey = apiKey;
  secrets.apiKeySecretPart = apiKey.split('_')[2]!;
  expect((await graphql('{ __typename }', {}, { authorization: `Bearer ${apiKey}` })).status).toBe(200);
  const madeUp = `chiso_${'a'.repeat(12)}_${randomBytes(24).toString('hex')}`;
  secrets.madeUpApiKey = madeUp;
  expect((await graphql('{ __typename }', {}, { authorization: `Bearer ${madeUp}` })).status).toBe(401);

  // Feedback with a contact, about a dossier named by its receipt code and PIN.
  const feedback = await graphql(
    `mutation($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { __typename } }`,
    {
      input: {
        subject: 'DOSSIER',
        dossierReceiptCode: DEMO.sampleDossier.receiptCode,
        dossierPin: DEMO.sampleDossier.pin,
        title: 'Hồ sơ trả chậm',
        body: 'Hồ sơ của tôi trả kết quả chậm hơn lịch hẹn mà không có thư xin lỗi.',
        anonymous: false,
        contact: CONTACT,
        consent: true,
        idempotencyKey: randomUUID(),
      },
    },
  );
  expect(feedback.body.data.submitFeedback.__typename).toBe('MutationSubmitFeedbackSuccess');

  // Tracking a dossier: right and wrong PIN by POST, the right PIN by GET (variables in the URL).
  const TRACK = `query($code: String!, $pin: String!) {
    dossierStatus(receiptCode: $code, pin: $pin) { __typename }
  }`;
  const tracked = await graphql(TRACK, { code: DEMO.sampleDossier.receiptCode, pin: DEMO.sampleDossier.pin });
  expect(tracked.body.data.dossierStatus.__typename).toBe('DossierTracking');
  await graphql(TRACK, { code: DEMO.sampleDossier.receiptCode, pin: WRONG_PIN });
  const viaGet = await app.inject({
    method: 'GET',
    url: `/graphql?query=${encodeURIComponent(TRACK)}&variables=${encodeURIComponent(
      JSON.stringify({ code: DEMO.sampleDossier.receiptCode, pin: DEMO.sampleDossier.pin }),
    )}`,
    headers: { 'apollo-require-preflight': 'true' },
  });
  expect(viaGet.statusCode).toBe(200);
  // Asking for the dossier's survey link, with the right and a wrong PIN.
  const REQUEST = `mutation($code: String!, $pin: String!) {
    requestDossierSurvey(receiptCode: $code, pin: $pin) { __typename }
  }`;
  for (const pin of [DEMO.sampleDossier.pin, WRONG_PIN]) {
    const requested = await graphql(REQUEST, { code: DEMO.sampleDossier.receiptCode, pin });
    expect(requested.body.data.requestDossierSurvey.__typename).toMatch(/Error$/);
  }

  // A survey answered with its token (the demo campaign reopened for today).
  await db
    .updateTable('campaign')
    .set({ status: 'active', endsOn: '2099-12-31' })
    .where('code', '=', DEMO.campaignCode)
    .execute();
  const issued = await graphql(
    `mutation { issueSampleTokens(campaignCode: "${DEMO.campaignCode}", count: 1) {
      __typename ... on MutationIssueSampleTokensSuccess { data { tokens { token url } } } ... on Error { code }
    } }`,
    {},
    cookie,
  );
  const token = issued.body.data.issueSampleTokens.data.tokens[0].token as string;
  secrets.surveyToken = token;
  const form = await graphql(
    `query($token: String!) {
      surveyByToken(token: $token) { __typename ... on SurveyForm { instrument { itemCount } } }
    }`,
    { token },
  );
  const items = form.body.data.surveyByToken.instrument.itemCount as number;
  const formViaGet = await app.inject({
    method: 'GET',
    url: `/graphql?query=${encodeURIComponent('query($t: String!) { surveyByToken(token: $t) { __typename } }')}&variables=${encodeURIComponent(JSON.stringify({ t: token }))}`,
    headers: { 'apollo-require-preflight': 'true' },
  });
  expect(formViaGet.statusCode).toBe(200);
  const SUBMIT = `mutation($input: SubmitSurveyResponseInput!) {
    submitSurveyResponse(input: $input) { __typename ... on Error { code } }
  }`;
  const answered = await graphql(SUBMIT, {
    input: { token, idempotencyKey: randomUUID(), answers: Array.from({ length: items }, () => 4) },
  });
  expect(answered.body.data.submitSurveyResponse.__typename).toBe('MutationSubmitSurveyResponseSuccess');
  // The same token again (refused as used) and an unknown one.
  await graphql(SUBMIT, { input: { token, idempotencyKey: randomUUID(), answers: [4] } });
  const unknownToken = randomBytes(16).toString('base64url');
  secrets.unknownToken = unknownToken;
  await graphql(SUBMIT, { input: { token: unknownToken, idempotencyKey: randomUUID(), answers: [4] } });

  // Signing out with the cookie.
  await graphql('mutation { logout { __typename } }', {}, cookie);
  return secrets;
}

const secrets = await exercise();

describe('logs hold no secrets and no personal data', () => {
  it('captured the API at work (requests, responses, and errors)', () => {
    expect(captured.length).toBeGreaterThan(20);
    const lines = captured.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.some((l) => l.msg === 'incoming request')).toBe(true);
    expect(lines.some((l) => l.msg === 'request completed')).toBe(true);
  });

  it.each(Object.keys(secrets))('never writes the %s', (name) => {
    const value = secrets[name]!;
    const log = captured.join('');
    expect(log.includes(value), `${name} appears in the log`).toBe(false);
    // Nor in an escaped or URL-encoded form.
    expect(log.includes(encodeURIComponent(value))).toBe(false);
    expect(log.includes(JSON.stringify(value).slice(1, -1))).toBe(false);
  });

  it('logs errors by type, message and code, without the row values a driver error carries', () => {
    const lines: string[] = [];
    const log = createLogger(env, { write: (line: string) => void lines.push(line) });
    const driverError = Object.assign(
      new Error('duplicate key value violates unique constraint "app_user_email"'),
      {
        code: '23505',
        detail: 'Key (lower(email))=(someone@example.vn) already exists.',
        parameters: ['someone@example.vn', '0911222333'],
      },
    );
    log.error({ err: driverError, email: 'someone@example.vn', input: { phone: '0911222333' } }, 'failed');
    const [line] = lines.map((l) => JSON.parse(l));
    expect(line.err).toMatchObject({
      type: 'Error',
      code: '23505',
      message: expect.stringContaining('duplicate'),
    });
    expect(lines.join('')).not.toMatch(/someone@example\.vn|0911222333/);
  });

  it('the scan would notice a leak: a bare logger writes the PIN of a GET request', async () => {
    const bare: string[] = [];
    const leaky = await serverLogging(
      pino({ level: 'trace' }, { write: (line: string) => void bare.push(line) }) as ReturnType<
        typeof createLogger
      >,
    );
    await leaky.inject({
      method: 'GET',
      url: `/graphql?query=${encodeURIComponent('query($p: String!) { dossierStatus(receiptCode: "X", pin: $p) { __typename } }')}&variables=${encodeURIComponent(JSON.stringify({ p: '864209' }))}`,
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(bare.join('')).toContain('864209');
  });
});
