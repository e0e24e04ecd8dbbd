import type { DB } from '@chiso/db';
import { createTestDatabase } from '@chiso/testing';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../../test/graphql.js';
import { type RoleCode, type Viewer, viewerWithGrants } from './access.js';
import { hashPassword } from './password.js';

/**
 * Every accounts mutation × every kind of viewer. A forbidden attempt must answer FORBIDDEN (top-level from
 * scope-auth, or a typed ForbiddenError from the service) and write nothing: the accounts tables and the audit
 * log are byte-for-byte the same afterwards.
 */
const { db } = await createTestDatabase({ demo: true });
const PASSWORD = 'Matrix-pass-2025';
const passwordHash = await hashPassword(PASSWORD);

async function unitId(code: string) {
  const row = await db
    .selectFrom('administrativeUnit')
    .select('id')
    .where('code', '=', code)
    .where('levelCode', '=', 'PROVINCE')
    .orderBy('validFrom')
    .executeTakeFirstOrThrow();
  return row.id;
}
const backan = await unitId('06');
const hanoi = await unitId('01');
const stp = (
  await db.selectFrom('agency').select('id').where('code', '=', 'BKN-STP').executeTakeFirstOrThrow()
).id;

let serial = 0;
async function makeUser(role: RoleCode, scope: { unitId?: string; agencyId?: string } = {}) {
  serial += 1;
  const user = await db
    .insertInto('appUser')
    .values({ email: `u${serial}@matrix.vn`, displayName: `U${serial}`, passwordHash })
    .returning('id')
    .executeTakeFirstOrThrow();
  const grant = await db
    .insertInto('userRole')
    .values({
      userId: user.id,
      roleCode: role,
      unitId: scope.unitId ?? null,
      agencyId: scope.agencyId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: user.id, grantId: grant.id, gid: encodeGlobalID('User', user.id) };
}

async function viewerFor(
  role: RoleCode,
  scope: { unitId?: string; agencyId?: string } = {},
): Promise<Viewer> {
  const user = await makeUser(role, scope);
  return viewerWithGrants({ userId: user.id, apiKeyId: null, apiKeyScopes: [] }, [
    { role, unitId: scope.unitId ?? null, agencyId: scope.agencyId ?? null },
  ]);
}

const sysOwner = await makeUser('system_admin');
const key = await db
  .insertInto('apiKey')
  .values({
    name: 'matrix',
    prefix: 'aaaaaaaaaaaa',
    keyHash: Buffer.alloc(32),
    ownerUserId: sysOwner.id,
    scopes: ['read:reports'],
  })
  .returning('id')
  .executeTakeFirstOrThrow();

const VIEWERS = {
  anonymous: undefined,
  system_admin: await viewerFor('system_admin'),
  unit_admin_backan: await viewerFor('unit_admin', { unitId: backan }),
  unit_admin_hanoi: await viewerFor('unit_admin', { unitId: hanoi }),
  officer_stp: await viewerFor('officer', { agencyId: stp }),
  analyst_backan: await viewerFor('analyst', { unitId: backan }),
  leader_backan: await viewerFor('leader', { unitId: backan }),
  // An API key of a system admin: its owner's grants bound it, but a key never writes.
  api_key: viewerWithGrants({ userId: null, apiKeyId: key.id, apiKeyScopes: ['read:reports'] }, [
    { role: 'system_admin', unitId: null, agencyId: null },
  ]),
} as const;
type ViewerName = keyof typeof VIEWERS;
const NAMES = Object.keys(VIEWERS) as ViewerName[];
const SIGNED_IN = NAMES.filter((n) => n !== 'anonymous' && n !== 'api_key');

const apis = new Map<ViewerName, TestApi>();
for (const name of NAMES) {
  const viewer = VIEWERS[name];
  apis.set(name, await createTestApi(db, viewer ? { viewer } : {}));
}

/** A fingerprint of everything the accounts mutations can write. */
async function snapshot(database: DB) {
  const { rows } = await sql<{ digest: string }>`
    select md5(concat_ws('|',
      (select string_agg(t::text, ',' order by id) from app_user t),
      (select string_agg(t::text, ',' order by id) from user_role t),
      (select string_agg(t::text, ',' order by id) from api_key t),
      (select string_agg(t::text, ',' order by id) from session t),
      (select string_agg(t::text, ',' order by id) from audit_log t)
    )) as digest
  `.execute(database);
  return rows[0]!.digest;
}

interface Case {
  name: string;
  field: string;
  allowed: readonly ViewerName[];
  /** Builds the operation, creating the fixtures it acts on (before the snapshot). */
  prepare: (viewer: ViewerName) => Promise<{ query: string; variables?: Record<string, unknown> }>;
}

const RESULT = '{ __typename ... on Error { code } }';
const unitGid = (id: string) => encodeGlobalID('AdministrativeUnit', id);
const agencyGid = (id: string) => encodeGlobalID('Agency', id);
const ADMINS: ViewerName[] = ['system_admin', 'unit_admin_backan'];
/** For the Hà Nội cases: the Bắc Kạn admin is the cross-scope attempt, the Hà Nội admin acts at home. */
const HANOI_ADMINS: ViewerName[] = ['system_admin', 'unit_admin_hanoi'];

const CASES: Case[] = [
  {
    name: 'createUser with a grant in Bắc Kạn',
    field: 'createUser',
    allowed: ADMINS,
    prepare: async () => ({
      query: `mutation($input: CreateUserInput!) { createUser(input: $input) ${RESULT} }`,
      variables: {
        input: {
          email: `new${++serial}@matrix.vn`,
          displayName: 'Mới',
          password: PASSWORD,
          grants: [{ role: 'ANALYST', unitId: unitGid(backan) }],
        },
      },
    }),
  },
  {
    name: 'createUser with a grant in Hà Nội (cross-scope for Bắc Kạn)',
    field: 'createUser',
    allowed: HANOI_ADMINS,
    prepare: async () => ({
      query: `mutation($input: CreateUserInput!) { createUser(input: $input) ${RESULT} }`,
      variables: {
        input: {
          email: `new${++serial}@matrix.vn`,
          displayName: 'Mới',
          password: PASSWORD,
          grants: [{ role: 'UNIT_ADMIN', unitId: unitGid(hanoi) }],
        },
      },
    }),
  },
  {
    name: 'updateUser of a Bắc Kạn analyst',
    field: 'updateUser',
    allowed: ADMINS,
    prepare: async () => {
      const target = await makeUser('analyst', { unitId: backan });
      return {
        query: `mutation($id: ID!) { updateUser(id: $id, input: { displayName: "Đổi tên" }) ${RESULT} }`,
        variables: { id: target.gid },
      };
    },
  },
  {
    name: 'updateUser of a Hà Nội analyst (cross-scope for Bắc Kạn)',
    field: 'updateUser',
    allowed: HANOI_ADMINS,
    prepare: async () => {
      const target = await makeUser('analyst', { unitId: hanoi });
      return {
        query: `mutation($id: ID!) { updateUser(id: $id, input: { displayName: "Đổi tên" }) ${RESULT} }`,
        variables: { id: target.gid },
      };
    },
  },
  {
    name: 'updateUser of a system admin',
    field: 'updateUser',
    allowed: ['system_admin'],
    prepare: async () => {
      const target = await makeUser('system_admin');
      return {
        query: `mutation($id: ID!) { updateUser(id: $id, input: { displayName: "Đổi tên" }) ${RESULT} }`,
        variables: { id: target.gid },
      };
    },
  },
  {
    name: 'disableUser of a Bắc Kạn officer',
    field: 'disableUser',
    allowed: ADMINS,
    prepare: async () => {
      const target = await makeUser('officer', { agencyId: stp });
      return {
        query: `mutation($id: ID!) { disableUser(id: $id) ${RESULT} }`,
        variables: { id: target.gid },
      };
    },
  },
  {
    name: 'enableUser of a disabled Bắc Kạn analyst',
    field: 'enableUser',
    allowed: ADMINS,
    prepare: async () => {
      const target = await makeUser('analyst', { unitId: backan });
      await db.updateTable('appUser').set({ status: 'disabled' }).where('id', '=', target.id).execute();
      return { query: `mutation($id: ID!) { enableUser(id: $id) ${RESULT} }`, variables: { id: target.gid } };
    },
  },
  {
    name: 'grantRole leader of Bắc Kạn',
    field: 'grantRole',
    allowed: ADMINS,
    prepare: async () => {
      const target = await makeUser('analyst', { unitId: backan });
      return {
        query: `mutation($input: GrantRoleInput!) { grantRole(input: $input) ${RESULT} }`,
        variables: { input: { userId: target.gid, role: 'LEADER', unitId: unitGid(backan) } },
      };
    },
  },
  {
    name: 'grantRole officer of BKN-STP',
    field: 'grantRole',
    allowed: ADMINS,
    prepare: async () => {
      const target = await makeUser('analyst', { unitId: backan });
      return {
        query: `mutation($input: GrantRoleInput!) { grantRole(input: $input) ${RESULT} }`,
        variables: { input: { userId: target.gid, role: 'OFFICER', agencyId: agencyGid(stp) } },
      };
    },
  },
  {
    name: 'grantRole system_admin (never by a unit admin)',
    field: 'grantRole',
    allowed: ['system_admin'],
    prepare: async () => {
      const target = await makeUser('analyst', { unitId: backan });
      return {
        query: `mutation($input: GrantRoleInput!) { grantRole(input: $input) ${RESULT} }`,
        variables: { input: { userId: target.gid, role: 'SYSTEM_ADMIN' } },
      };
    },
  },
  {
    name: 'grantRole in Hà Nội to a Bắc Kạn user (cross-scope for both admins)',
    field: 'grantRole',
    allowed: ['system_admin'],
    prepare: async () => {
      const target = await makeUser('analyst', { unitId: backan });
      return {
        query: `mutation($input: GrantRoleInput!) { grantRole(input: $input) ${RESULT} }`,
        variables: { input: { userId: target.gid, role: 'ANALYST', unitId: unitGid(hanoi) } },
      };
    },
  },
  {
    name: 'revokeRole of a Bắc Kạn grant',
    field: 'revokeRole',
    allowed: ADMINS,
    prepare: async () => {
      const target = await makeUser('leader', { unitId: backan });
      return {
        query: `mutation($id: ID!) { revokeRole(grantId: $id) ${RESULT} }`,
        variables: { id: encodeGlobalID('RoleGrant', target.grantId) },
      };
    },
  },
  {
    name: 'revokeRole of a Hà Nội grant (cross-scope for Bắc Kạn)',
    field: 'revokeRole',
    allowed: HANOI_ADMINS,
    prepare: async () => {
      const target = await makeUser('leader', { unitId: hanoi });
      return {
        query: `mutation($id: ID!) { revokeRole(grantId: $id) ${RESULT} }`,
        variables: { id: encodeGlobalID('RoleGrant', target.grantId) },
      };
    },
  },
  {
    name: 'createApiKey for oneself',
    field: 'createApiKey',
    allowed: SIGNED_IN,
    prepare: async () => ({
      query: `mutation { createApiKey(input: { name: "k", scopes: [READ_REPORTS] }) ${RESULT} }`,
    }),
  },
  {
    name: "revokeApiKey of a Bắc Kạn analyst's key",
    field: 'revokeApiKey',
    allowed: ADMINS,
    prepare: async () => {
      const owner = await makeUser('analyst', { unitId: backan });
      const row = await db
        .insertInto('apiKey')
        .values({
          name: 'x',
          prefix: `k${String(++serial).padStart(11, '0')}`,
          keyHash: Buffer.alloc(32),
          ownerUserId: owner.id,
          scopes: ['read:reports'],
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return {
        query: `mutation($id: ID!) { revokeApiKey(id: $id) ${RESULT} }`,
        variables: { id: encodeGlobalID('ApiKey', row.id) },
      };
    },
  },
  {
    name: 'logout',
    field: 'logout',
    allowed: SIGNED_IN,
    prepare: async () => ({ query: `mutation { logout ${RESULT} }` }),
  },
  {
    name: 'logoutEverywhere',
    field: 'logoutEverywhere',
    allowed: SIGNED_IN,
    prepare: async () => ({ query: `mutation { logoutEverywhere ${RESULT} }` }),
  },
  {
    name: 'changePassword',
    field: 'changePassword',
    allowed: SIGNED_IN,
    prepare: async () => ({
      query: `mutation($input: ChangePasswordInput!) { changePassword(input: $input) ${RESULT} }`,
      variables: { input: { currentPassword: PASSWORD, newPassword: 'Another-pass-2025' } },
    }),
  },
];

describe.each(CASES)('$name', (testCase) => {
  it.each(NAMES)(`as %s`, async (name) => {
    const api = apis.get(name)!;
    const { query, variables } = await testCase.prepare(name);
    const before = await snapshot(db);
    const result = await api.query(query, variables);
    const value = result.data?.[testCase.field];
    const forbidden =
      (value === null || value === undefined
        ? result.errors?.[0]?.extensions?.code
        : value.__typename === 'ForbiddenError' && value.code) === 'FORBIDDEN';
    if (testCase.allowed.includes(name)) {
      expect(result.errors).toBeUndefined();
      expect(value.__typename).toBe(
        `Mutation${testCase.field[0]!.toUpperCase()}${testCase.field.slice(1)}Success`,
      );
      // Keep the viewer's own password what the other cases expect.
      if (testCase.field === 'changePassword') {
        await db
          .updateTable('appUser')
          .set({ passwordHash })
          .where('id', '=', VIEWERS[name]!.userId!)
          .execute();
      }
    } else {
      expect(forbidden, JSON.stringify(result)).toBe(true);
      expect(await snapshot(db)).toBe(before);
    }
  });
});
