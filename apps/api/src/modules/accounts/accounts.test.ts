import { DEMO } from '@chiso/db';
import { createTestDatabase } from '@chiso/testing';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect, it } from 'vitest';
import { createTestApi } from '../../test/graphql.js';
import { countingQueries } from '../../test/query-count.js';
import { ensureBootstrapAdmin } from './bootstrap.js';
import { checkPasswordPolicy } from './password.js';

const { db } = await createTestDatabase({ demo: true });
const api = await createTestApi(db);
const PASSWORD = DEMO.userPassword;

const ME = 'query { me { id email displayName grants { role unit { code } agency { code } } } }';
const LOGIN = /* GraphQL */ `
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      __typename
      ... on Error { code message messageEn }
      ... on AccountLockedError { lockedUntil }
      ... on MutationLoginSuccess { data { expiresAt user { email } } }
    }
  }
`;
const CHANGE_PASSWORD = /* GraphQL */ `
  mutation Change($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      __typename
      ... on Error { code message }
      ... on ValidationError { fieldErrors { path message messageEn } }
      ... on MutationChangePasswordSuccess { data }
    }
  }
`;

async function userId(email: string) {
  const row = await db
    .selectFrom('appUser')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('password policy', () => {
  it.each([
    ['Ngắn1', 'at least 10'],
    ['aaaaaaaaaaaa', 'all one kind'],
    ['123456789012', 'all one kind'],
  ])('refuses %s (%s) in Vietnamese and English', (password, english) => {
    const [problem] = checkPasswordPolicy(password, ['input', 'password']);
    expect(problem).toMatchObject({
      path: ['input', 'password'],
      messageEn: expect.stringContaining(english),
    });
    expect(problem?.message).toMatch(/Mật khẩu/);
  });

  it('accepts a long password mixing kinds', () => {
    expect(checkPasswordPolicy('ChiSo@demo2019', ['p'])).toEqual([]);
  });
});

describe('sign-in and sessions', () => {
  it('signs a demo user in with an httpOnly, SameSite=Lax cookie, and `me` answers with their grants', async () => {
    const result = await api.query(LOGIN, { input: { email: 'TINH@demo.chiso.vn', password: PASSWORD } });
    expect(result.data.login).toMatchObject({
      __typename: 'MutationLoginSuccess',
      data: { user: { email: 'tinh@demo.chiso.vn' } },
    });
    const cookie = result.setCookie.find((c) => c.startsWith('chiso_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/); // Secure only in production
    const me = await api.query(ME, {}, { cookie: cookie.split(';')[0]! });
    expect(me.data.me).toMatchObject({
      email: 'tinh@demo.chiso.vn',
      grants: [{ role: 'UNIT_ADMIN', unit: { code: '06' }, agency: null }],
    });
    // The token is stored hashed: the cookie value appears nowhere in the database.
    const token = cookie.split(';')[0]!.split('=')[1]!;
    const sessions = await db.selectFrom('session').select('tokenHash').execute();
    expect(sessions.some((s) => s.tokenHash.toString('utf8').includes(token))).toBe(false);
  });

  it('answers `me` with null for anonymous viewers', async () => {
    expect((await api.query(ME)).data.me).toBeNull();
  });

  it('refuses a wrong password and an unknown email with the same message', async () => {
    const wrong = await api.query(LOGIN, {
      input: { email: 'lanhdao@demo.chiso.vn', password: 'Sai-mat-khau-1' },
    });
    const unknown = await api.query(LOGIN, {
      input: { email: 'ai@demo.chiso.vn', password: 'Sai-mat-khau-1' },
    });
    expect(wrong.data.login).toEqual({
      __typename: 'InvalidCredentialsError',
      code: 'INVALID_CREDENTIALS',
      message: 'Email hoặc mật khẩu không đúng.',
      messageEn: 'The email or password is not correct.',
    });
    expect(unknown.data.login).toEqual(wrong.data.login);
    expect(wrong.setCookie).toEqual([]);
  });

  it('locks the account for 15 minutes after 5 failures in a row, even for the right password', async () => {
    const email = 'phantich@demo.chiso.vn';
    for (let i = 1; i <= 4; i++) {
      const r = await api.query(LOGIN, { input: { email, password: `Wrong-pass-${i}` } });
      expect(r.data.login.__typename).toBe('InvalidCredentialsError');
    }
    const fifth = await api.query(LOGIN, { input: { email, password: 'Wrong-pass-5' } });
    expect(fifth.data.login).toMatchObject({ __typename: 'AccountLockedError', code: 'ACCOUNT_LOCKED' });
    const minutes = (new Date(fifth.data.login.lockedUntil).getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    const right = await api.query(LOGIN, { input: { email, password: PASSWORD } });
    expect(right.data.login.__typename).toBe('AccountLockedError');
    const failures = await db
      .selectFrom('auditLog')
      .select('data')
      .where('action', '=', 'user.login_failed')
      .where('entityId', '=', await userId(email))
      .execute();
    expect(failures).toHaveLength(6);
    // After the lock expires, the right password works again.
    await db
      .updateTable('appUser')
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where('email', '=', email)
      .execute();
    expect((await api.query(LOGIN, { input: { email, password: PASSWORD } })).data.login.__typename).toBe(
      'MutationLoginSuccess',
    );
  });

  it('rotates the session on sign-in: the cookie the browser had stops working', async () => {
    const first = await api.signIn('lanhdao@demo.chiso.vn', PASSWORD);
    const again = await api.query(
      LOGIN,
      { input: { email: 'lanhdao@demo.chiso.vn', password: PASSWORD } },
      first,
    );
    const second = again.setCookie.find((c) => c.startsWith('chiso_session='))!.split(';')[0]!;
    expect(second).not.toBe(first.cookie);
    expect((await api.query(ME, {}, first)).data.me).toBeNull();
    expect((await api.query(ME, {}, { cookie: second })).data.me.email).toBe('lanhdao@demo.chiso.vn');
  });

  it('ends an idle session and an expired one', async () => {
    const idle = await api.signIn('lanhdao@demo.chiso.vn', PASSWORD);
    await db
      .updateTable('session')
      .set({ lastSeenAt: new Date(Date.now() - 3 * 3600_000) })
      .where('revokedAt', 'is', null)
      .execute();
    expect((await api.query(ME, {}, idle)).data.me).toBeNull();
    const old = await api.signIn('lanhdao@demo.chiso.vn', PASSWORD);
    await db
      .updateTable('session')
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where('revokedAt', 'is', null)
      .execute();
    expect((await api.query(ME, {}, old)).data.me).toBeNull();
  });

  it('logs out this session only, or every session', async () => {
    const a = await api.signIn('motcua.stp@demo.chiso.vn', PASSWORD);
    const b = await api.signIn('motcua.stp@demo.chiso.vn', PASSWORD);
    const out = await api.query(
      'mutation { logout { __typename ... on MutationLogoutSuccess { data } } }',
      {},
      a,
    );
    expect(out.data.logout).toEqual({ __typename: 'MutationLogoutSuccess', data: 1 });
    expect(out.setCookie.some((c) => /^chiso_session=;/.test(c))).toBe(true);
    expect((await api.query(ME, {}, a)).data.me).toBeNull();
    expect((await api.query(ME, {}, b)).data.me).not.toBeNull();

    const c = await api.signIn('motcua.stp@demo.chiso.vn', PASSWORD);
    const all = await api.query(
      'mutation { logoutEverywhere { __typename ... on MutationLogoutEverywhereSuccess { data } } }',
      {},
      c,
    );
    expect(all.data.logoutEverywhere.data).toBe(2);
    expect((await api.query(ME, {}, b)).data.me).toBeNull();
    expect((await api.query(ME, {}, c)).data.me).toBeNull();
  });

  it('reads the session, its user and grants in one statement on every request: a changed grant, a disabled account and a logout count at once', async () => {
    const counter = countingQueries(db);
    const counted = await createTestApi(counter.db);
    const officer = await counted.signIn('motcua.stp@demo.chiso.vn', PASSWORD);
    const agency = await db
      .selectFrom('userRole')
      .innerJoin('appUser', 'appUser.id', 'userRole.userId')
      .select(['userRole.id', 'userRole.agencyId', 'userRole.userId'])
      .where('appUser.email', '=', 'motcua.stp@demo.chiso.vn')
      .executeTakeFirstOrThrow();
    const QUEUE =
      'query($a: ID!) { dossierQueue(agencyId: $a, first: 1, states: [RETURNED]) { edges { node { receiptCode } } } }';
    const queue = () => counted.query(QUEUE, { a: encodeGlobalID('Agency', agency.agencyId!) }, officer);

    counter.reset();
    expect((await counted.query(ME, {}, officer)).data.me.grants).toHaveLength(1);
    counter.reset();
    await counted.query('{ __typename }', {}, officer);
    expect(counter.count).toBe(1); // the session with its user and grants, nothing else
    expect((await queue()).data.dossierQueue.edges).toHaveLength(1);

    // The grant moves to another department (not above this one): the next request is refused.
    const other = await db
      .selectFrom('agency')
      .select('id')
      .where('id', '!=', agency.agencyId!)
      .where('parentId', 'is not', null)
      .where('id', 'not in', (eb) =>
        eb
          .selectFrom('agency')
          .select('parentId')
          .where('id', '=', agency.agencyId!)
          .where('parentId', 'is not', null)
          .$narrowType<{ parentId: string }>(),
      )
      .executeTakeFirstOrThrow();
    await db.updateTable('userRole').set({ agencyId: other.id }).where('id', '=', agency.id).execute();
    expect((await queue()).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await counted.query(ME, {}, officer)).data.me.grants[0].agency.code).not.toBe('BKN-STP');
    await db.updateTable('userRole').set({ agencyId: agency.agencyId }).where('id', '=', agency.id).execute();
    expect((await queue()).data.dossierQueue.edges).toHaveLength(1);

    // A disabled account is anonymous on its next request, and again itself once enabled.
    await db.updateTable('appUser').set({ status: 'disabled' }).where('id', '=', agency.userId).execute();
    expect((await counted.query(ME, {}, officer)).data.me).toBeNull();
    await db.updateTable('appUser').set({ status: 'active' }).where('id', '=', agency.userId).execute();
    expect((await counted.query(ME, {}, officer)).data.me).not.toBeNull();

    // A session revoked elsewhere (here by SQL, as another API process would) ends at once.
    await db
      .updateTable('session')
      .set({ revokedAt: new Date() })
      .where('userId', '=', agency.userId)
      .where('revokedAt', 'is', null)
      .execute();
    expect((await counted.query(ME, {}, officer)).data.me).toBeNull();
    expect((await queue()).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('changes a password: checks the current one and the policy, ends the other sessions, keeps this one', async () => {
    const email = 'motcua.stp@demo.chiso.vn';
    const here = await api.signIn(email, PASSWORD);
    const elsewhere = await api.signIn(email, PASSWORD);
    // The second sign-in came without a cookie: the first session is still alive.
    const wrong = await api.query(
      CHANGE_PASSWORD,
      { input: { currentPassword: 'x', newPassword: 'Mat-khau-moi-2025' } },
      here,
    );
    expect(wrong.data.changePassword).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'currentPassword'] }],
    });
    const weak = await api.query(
      CHANGE_PASSWORD,
      { input: { currentPassword: PASSWORD, newPassword: 'abcdefgh' } },
      here,
    );
    expect(weak.data.changePassword.fieldErrors.map((e: { path: string[] }) => e.path.join('.'))).toEqual([
      'input.newPassword',
      'input.newPassword',
    ]);
    const ok = await api.query(
      CHANGE_PASSWORD,
      { input: { currentPassword: PASSWORD, newPassword: 'Mat-khau-moi-2025' } },
      here,
    );
    expect(ok.data.changePassword).toEqual({ __typename: 'MutationChangePasswordSuccess', data: 1 });
    expect((await api.query(ME, {}, here)).data.me.email).toBe(email);
    expect((await api.query(ME, {}, elsewhere)).data.me).toBeNull();
    expect((await api.query(LOGIN, { input: { email, password: PASSWORD } })).data.login.__typename).toBe(
      'InvalidCredentialsError',
    );
    await api.signIn(email, 'Mat-khau-moi-2025');
  });
});

describe('users and roles', () => {
  const CREATE_USER = /* GraphQL */ `
    mutation Create($input: CreateUserInput!) {
      createUser(input: $input) {
        __typename
        ... on Error { code message messageEn }
        ... on ValidationError { fieldErrors { path messageEn } }
        ... on MutationCreateUserSuccess { data { id email grants { role unit { code } } } }
      }
    }
  `;

  it('lets a unit admin create a user inside the province, and reports a duplicate email as a conflict', async () => {
    const admin = await api.signIn('tinh@demo.chiso.vn', PASSWORD);
    const province = await db
      .selectFrom('administrativeUnit')
      .select('id')
      .where('code', '=', '06')
      .where('validFrom', '=', '2008-08-01')
      .executeTakeFirstOrThrow();
    const input = {
      email: 'moi@backan.gov.vn',
      displayName: 'Người mới',
      password: 'Mat-khau-dai-2025',
      grants: [{ role: 'ANALYST', unitId: encodeGlobalID('AdministrativeUnit', province.id) }],
    };
    const created = await api.query(CREATE_USER, { input }, admin);
    expect(created.data.createUser).toMatchObject({
      __typename: 'MutationCreateUserSuccess',
      data: { email: 'moi@backan.gov.vn', grants: [{ role: 'ANALYST', unit: { code: '06' } }] },
    });
    const duplicate = await api.query(
      CREATE_USER,
      { input: { ...input, email: 'MOI@backan.gov.vn' } },
      admin,
    );
    expect(duplicate.data.createUser).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
    const bad = await api.query(
      CREATE_USER,
      {
        input: {
          ...input,
          email: 'khong-phai-email',
          password: 'ngan',
          grants: [{ role: 'OFFICER', unitId: input.grants[0]!.unitId }],
        },
      },
      admin,
    );
    expect(bad.data.createUser.__typename).toBe('ValidationError');
    expect(bad.data.createUser.fieldErrors.map((e: { path: string[] }) => e.path.join('.'))).toEqual([
      'input.email',
      'input.password', // too short
      'input.password', // all lower case
      'input.grants.0',
    ]);
    const audit = await db
      .selectFrom('auditLog')
      .select(['action', 'unitId'])
      .where('action', '=', 'user.create')
      .execute();
    expect(audit).toEqual([{ action: 'user.create', unitId: province.id }]);
  });

  it('shows a User node only to the user and to admins covering them', async () => {
    const id = encodeGlobalID('User', await userId('phantich@demo.chiso.vn'));
    const NODE = 'query($id: ID!) { node(id: $id) { __typename ... on User { email } } }';
    const self = await api.signIn('phantich@demo.chiso.vn', PASSWORD);
    const admin = await api.signIn('tinh@demo.chiso.vn', PASSWORD);
    const officer = await api.signIn('lanhdao@demo.chiso.vn', PASSWORD);
    expect((await api.query(NODE, { id }, self)).data.node.email).toBe('phantich@demo.chiso.vn');
    expect((await api.query(NODE, { id }, admin)).data.node.email).toBe('phantich@demo.chiso.vn');
    expect((await api.query(NODE, { id }, officer)).data.node).toBeNull();
    expect((await api.query(NODE, { id })).data.node).toBeNull();
  });
});

describe('API keys', () => {
  const CREATE = /* GraphQL */ `
    mutation($input: CreateApiKeyInput!) {
      createApiKey(input: $input) {
        __typename
        ... on ValidationError { fieldErrors { path } }
        ... on MutationCreateApiKeySuccess { data { secret apiKey { id prefix scopes expiresAt isActive } } }
      }
    }
  `;

  it('shows the key once, stores only its hash, authenticates it as Bearer, and revokes it at once', async () => {
    const owner = await api.signIn('phantich@demo.chiso.vn', PASSWORD);
    const created = await api.query(
      CREATE,
      { input: { name: 'Báo cáo', scopes: ['READ_REPORTS'], expiresInDays: 30 } },
      owner,
    );
    const { secret, apiKey } = created.data.createApiKey.data;
    expect(secret).toMatch(/^chiso_[0-9a-f]{12}_/);
    expect(apiKey).toMatchObject({ scopes: ['READ_REPORTS'], isActive: true, prefix: secret.split('_')[1] });
    const stored = await db.selectFrom('apiKey').selectAll().executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(secret.split('_')[2]);

    const bearer = { authorization: `Bearer ${secret}` };
    const asKey = await api.query(ME, {}, bearer);
    expect(asKey.status).toBe(200);
    expect(asKey.data.me).toBeNull(); // a key is not a signed-in person
    const keys = await api.query('{ apiKeys { prefix } }', {}, bearer);
    expect(keys.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await api.query('{ apiKeys { prefix } }', {}, owner)).data.apiKeys).toHaveLength(1);

    const revoked = await api.query(
      'mutation($id: ID!) { revokeApiKey(id: $id) { __typename ... on MutationRevokeApiKeySuccess { data { isActive revokedAt } } } }',
      { id: apiKey.id },
      owner,
    );
    expect(revoked.data.revokeApiKey.data.isActive).toBe(false);
    const after = await api.query(ME, {}, bearer);
    expect(after.status).toBe(401);
    expect(after.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('opens a read only with its scope, within the owner’s grants, and stops at once when revoked', async () => {
    const owner = await api.signIn('phantich@demo.chiso.vn', PASSWORD);
    const keyWith = async (scopes: string[]) => {
      const created = await api.query(CREATE, { input: { name: scopes.join(' '), scopes } }, owner);
      const { secret, apiKey } = created.data.createApiKey.data;
      return { id: apiKey.id as string, bearer: { authorization: `Bearer ${secret}` } };
    };
    const agency = await db
      .selectFrom('agency')
      .select('id')
      .where('code', '=', 'BKN-STP')
      .executeTakeFirstOrThrow();
    const REPORT = `query($a: ID!) { timelinessReport(agencyId: $a, from: "2019-01-01", to: "2019-12-31", groupBy: MONTH) {
      __typename ... on Error { code } ... on TimelinessReport { total { received } }
    } }`;
    const variables = { a: encodeGlobalID('Agency', agency.id) };
    const reports = await keyWith(['READ_REPORTS', 'READ_CATALOG', 'READ_SURVEYS']);
    const refused = await api.query(REPORT, variables, reports.bearer);
    expect(refused.data.timelinessReport).toEqual({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    const dossiers = await keyWith(['READ_DOSSIERS']);
    const read = await api.query(REPORT, variables, dossiers.bearer);
    expect(read.data.timelinessReport.__typename).toBe('TimelinessReport');
    expect(read.data.timelinessReport.total.received).toBeGreaterThan(0);
    // A key never writes, whatever its scopes.
    const write = await api.query(
      'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { __typename ... on Error { code } } }',
      { input: { name: 'x', scopes: ['READ_DOSSIERS'] } },
      dossiers.bearer,
    );
    expect(write.data?.createApiKey?.code ?? write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await api.query(
      'mutation($id: ID!) { revokeApiKey(id: $id) { __typename } }',
      { id: dossiers.id },
      owner,
    );
    const revoked = await api.query(REPORT, variables, dossiers.bearer);
    expect(revoked.status).toBe(401);
    expect(revoked.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses an expired key, a made-up key and a malformed header with 401', async () => {
    const owner = await api.signIn('phantich@demo.chiso.vn', PASSWORD);
    const created = await api.query(CREATE, { input: { name: 'Hết hạn', scopes: ['READ_CATALOG'] } }, owner);
    const { secret, apiKey } = created.data.createApiKey.data;
    expect(new Date(apiKey.expiresAt).getTime() - Date.now()).toBeGreaterThan(89 * 86_400_000);
    await db
      .updateTable('apiKey')
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where('prefix', '=', apiKey.prefix)
      .execute();
    expect((await api.query(ME, {}, { authorization: `Bearer ${secret}` })).status).toBe(401);
    expect(
      (await api.query(ME, {}, { authorization: `Bearer chiso_000000000000_${'x'.repeat(43)}` })).status,
    ).toBe(401);
    expect((await api.query(ME, {}, { authorization: 'Basic abc' })).status).toBe(401);
  });

  it('validates name, scopes and lifetime', async () => {
    const owner = await api.signIn('phantich@demo.chiso.vn', PASSWORD);
    const bad = await api.query(CREATE, { input: { name: ' ', scopes: [], expiresInDays: 400 } }, owner);
    expect(bad.data.createApiKey.fieldErrors.map((e: { path: string[] }) => e.path.join('.'))).toEqual([
      'input.name',
      'input.scopes',
      'input.expiresInDays',
    ]);
  });
});

describe('audit log', () => {
  const AUDIT = /* GraphQL */ `
    query($first: Int, $after: String, $entity: String) {
      auditLog(first: $first, after: $after, entity: $entity) {
        edges { cursor node { action entity unit { code } actor { email } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  `;

  it('pages the whole log for system admins, at most 100 entries a page (more is refused)', async () => {
    await db
      .insertInto('auditLog')
      .values(
        Array.from({ length: 130 }, (_, i) => ({
          action: 'test.filler',
          entity: 'filler',
          entityId: String(i),
        })),
      )
      .execute();
    const admin = await api.signIn('admin@demo.chiso.vn', PASSWORD);
    const tooMany = await api.query(AUDIT, { first: 101, entity: 'filler' }, admin);
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ path: ['first'] }],
    });
    const page = await api.query(AUDIT, { first: 100, entity: 'filler' }, admin);
    expect(page.data.auditLog.edges).toHaveLength(100);
    expect(page.data.auditLog.pageInfo.hasNextPage).toBe(true);
    const next = await api.query(
      AUDIT,
      { first: 100, entity: 'filler', after: page.data.auditLog.pageInfo.endCursor },
      admin,
    );
    expect(next.data.auditLog.edges).toHaveLength(30);
    expect(next.data.auditLog.pageInfo.hasNextPage).toBe(false);
    const bad = await api.query(AUDIT, { after: 'nonsense' }, admin);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('shows unit admins the entries of their units only, and nobody else anything', async () => {
    const admin = await api.signIn('tinh@demo.chiso.vn', PASSWORD);
    const mine = await api.query(AUDIT, { first: 100 }, admin);
    const codes = new Set(
      mine.data.auditLog.edges.map((e: { node: { unit: { code: string } | null } }) => e.node.unit?.code),
    );
    expect([...codes]).toEqual(['06']);
    const analyst = await api.signIn('lanhdao@demo.chiso.vn', PASSWORD);
    const denied = await api.query(AUDIT, {}, analyst);
    expect(denied.data).toBeNull();
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('cannot be edited, even by SQL', async () => {
    await expect(db.updateTable('auditLog').set({ action: 'x' }).execute()).rejects.toThrow();
    await expect(db.deleteFrom('auditLog').execute()).rejects.toThrow();
  });
});

describe('bootstrap administrator', () => {
  it('is created on an empty database, then left alone', async () => {
    const fresh = await createTestDatabase();
    const credentials = { email: 'root@example.gov.vn', password: 'Bat-dau-2025!' };
    expect(await ensureBootstrapAdmin(fresh.db, credentials)).toBe('created');
    expect(await ensureBootstrapAdmin(fresh.db, credentials)).toBe('exists');
    const admins = await fresh.db
      .selectFrom('userRole')
      .select('roleCode')
      .where('roleCode', '=', 'system_admin')
      .execute();
    expect(admins).toHaveLength(1);
    await expect(
      ensureBootstrapAdmin(fresh.db, { email: 'a@b.vn', password: 'aaaaaaaaaaaa' }),
    ).rejects.toThrow(/CHISO_ADMIN_PASSWORD/);
  });
});
