import { encodeGlobalID, resolveCursorConnection } from '@pothos/plugin-relay';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import { builder } from '../../schema/builder.js';
import { ErrorInterface } from '../../schema/errors.js';
import { requireRowId } from '../../schema/global-id.js';
import { decodeIdCursor, encodeIdCursor, PAGE_SIZES } from '../../schema/pagination.js';
import { AgencyRef } from '../agencies/agencies.schema.js';
import { type AuditRow, listAuditEntries } from '../audit/audit.service.js';
import { AdministrativeUnitRef } from '../units/units.schema.js';
import { ROLE_CODES, type RoleCode } from './access.js';
import type { ApiKeyRow, GrantRow, UserRow } from './accounts.repo.js';
import {
  API_KEY_SCOPES,
  type ApiKeyScope,
  createApiKey,
  createUser,
  type GrantInput,
  grantRole,
  listOwnApiKeys,
  revokeApiKey,
  revokeRole,
  setUserStatus,
  updateUser,
} from './accounts.service.js';
import {
  AccountLockedError,
  changePassword,
  InvalidCredentialsError,
  login,
  logout,
  logoutEverywhere,
} from './sessions.service.js';

const ROLE_DESCRIPTIONS: Record<RoleCode, string> = {
  system_admin: 'Quản trị hệ thống, không giới hạn phạm vi. / System administrator, unscoped.',
  unit_admin: 'Quản trị một đơn vị hành chính và cấp dưới. / Administers a unit and everything under it.',
  officer: 'Cán bộ một cửa của một cơ quan. / One-stop desk officer of an agency.',
  analyst: 'Phân tích báo cáo của một đơn vị hoặc cơ quan. / Reads reports of a unit or agency subtree.',
  leader:
    'Lãnh đạo xem báo cáo của một đơn vị hoặc cơ quan. / Leader reading reports of a unit or agency subtree.',
};

export const RoleEnum = builder.enumType('Role', {
  description: 'Vai trò; mỗi lần cấp có phạm vi. / A role; each grant of it is scoped.',
  values: Object.fromEntries(
    ROLE_CODES.map((code) => [code.toUpperCase(), { value: code, description: ROLE_DESCRIPTIONS[code] }]),
  ) as Record<Uppercase<RoleCode>, { value: RoleCode; description: string }>,
});

export const ApiKeyScopeEnum = builder.enumType('ApiKeyScope', {
  description:
    'Phạm vi chỉ đọc của khoá API, luôn trong giới hạn quyền của chủ khoá. / A read-only scope of an API key, always bounded by its owner’s grants.',
  values: Object.fromEntries(
    API_KEY_SCOPES.map((scope) => [scope.replace(':', '_').toUpperCase(), { value: scope }]),
  ) as Record<string, { value: ApiKeyScope }>,
});

export const UserStatusEnum = builder.enumType('UserStatus', {
  values: {
    ACTIVE: { value: 'active', description: 'Đang hoạt động. / Active.' },
    DISABLED: { value: 'disabled', description: 'Đã vô hiệu hoá. / Disabled.' },
  } as const,
});

builder.objectType(InvalidCredentialsError, {
  name: 'InvalidCredentialsError',
  description: 'Email hoặc mật khẩu không đúng. / Wrong email or password.',
  interfaces: [ErrorInterface],
});

builder.objectType(AccountLockedError, {
  name: 'AccountLockedError',
  description:
    'Tài khoản tạm khoá sau nhiều lần đăng nhập sai. / The account is locked after repeated failed sign-ins.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ lockedUntil: t.field({ type: 'DateTime', resolve: (error) => error.lockedUntil }) }),
});

export const UserRef = builder.objectRef<UserRow>('User');
export const RoleGrantRef = builder.objectRef<GrantRow>('RoleGrant');
export const ApiKeyRef = builder.objectRef<ApiKeyRow>('ApiKey');
const AuditEntryRef = builder.objectRef<AuditRow>('AuditEntry');

/**
 * A user is visible to themself and to the admins of any of their grants (system admins: everyone). Node
 * lookups go through the same visibility-filtered loader, so `node(id:)` answers null for anyone else.
 */
builder.node(UserRef, {
  description: 'Một người dùng (cán bộ, quản trị). / A user (staff, administrator).',
  id: { resolve: (user) => user.id },
  loadMany: (ids, context) => Promise.all(ids.map((id) => context.loaders.accounts.visibleUserById.load(id))),
  fields: (t) => ({
    email: t.exposeString('email'),
    displayName: t.exposeString('displayName'),
    status: t.field({ type: UserStatusEnum, resolve: (user) => user.status }),
    isDemo: t.exposeBoolean('isDemo', { description: 'Tài khoản mẫu. / A demo account.' }),
    createdAt: t.field({ type: 'DateTime', resolve: (user) => user.createdAt }),
    passwordChangedAt: t.field({ type: 'DateTime', resolve: (user) => user.passwordChangedAt }),
    lockedUntil: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'Khoá tạm đến lúc này. / Locked until this instant.',
      resolve: (user) => (user.lockedUntil && user.lockedUntil > new Date() ? user.lockedUntil : null),
    }),
    grants: t.field({
      type: [RoleGrantRef],
      description: 'Các vai trò được cấp. / The roles granted.',
      resolve: (user, _args, context) => context.loaders.accounts.grantsByUserId.load(user.id),
    }),
  }),
});

RoleGrantRef.implement({
  description: 'Một vai trò được cấp trong một phạm vi. / One role granted in a scope.',
  fields: (t) => ({
    id: t.globalID({ resolve: (grant) => ({ type: 'RoleGrant', id: grant.id }) }),
    role: t.field({ type: RoleEnum, resolve: (grant) => grant.role }),
    unit: t.field({
      type: AdministrativeUnitRef,
      nullable: true,
      description: 'Đơn vị (cùng cấp dưới) của quyền. / The unit whose subtree the grant covers.',
      resolve: (grant, _args, context) =>
        grant.unitId ? context.loaders.units.unitById.load(grant.unitId) : null,
    }),
    agency: t.field({
      type: AgencyRef,
      nullable: true,
      description:
        'Cơ quan (cùng cơ quan trực thuộc) của quyền. / The agency whose subtree the grant covers.',
      resolve: (grant, _args, context) =>
        grant.agencyId ? context.loaders.agencies.agencyById.load(grant.agencyId) : null,
    }),
  }),
});

ApiKeyRef.implement({
  description:
    'Một khoá API (chỉ hiện tiền tố, không bao giờ hiện khoá). / An API key (its prefix; never the key).',
  fields: (t) => ({
    id: t.globalID({ resolve: (key) => ({ type: 'ApiKey', id: key.id }) }),
    name: t.exposeString('name'),
    prefix: t.exposeString('prefix', {
      description: 'Phần nhận diện của khoá. / The identifying part of the key.',
    }),
    scopes: t.field({ type: [ApiKeyScopeEnum], resolve: (key) => key.scopes as ApiKeyScope[] }),
    createdAt: t.field({ type: 'DateTime', resolve: (key) => key.createdAt }),
    lastUsedAt: t.field({ type: 'DateTime', nullable: true, resolve: (key) => key.lastUsedAt }),
    expiresAt: t.field({ type: 'DateTime', nullable: true, resolve: (key) => key.expiresAt }),
    revokedAt: t.field({ type: 'DateTime', nullable: true, resolve: (key) => key.revokedAt }),
    isActive: t.boolean({
      resolve: (key) => !key.revokedAt && (!key.expiresAt || key.expiresAt > new Date()),
    }),
  }),
});

const CreatedApiKeyRef = builder.objectRef<{ apiKey: ApiKeyRow; secret: string }>('CreatedApiKey').implement({
  description: 'Khoá vừa tạo; chuỗi khoá chỉ hiện một lần. / A new key; its secret is shown this once only.',
  fields: (t) => ({
    apiKey: t.field({ type: ApiKeyRef, resolve: (created) => created.apiKey }),
    secret: t.exposeString('secret', {
      description:
        'Gửi kèm mỗi yêu cầu: `Authorization: Bearer <secret>`. Không lưu trên máy chủ. / Send as `Authorization: Bearer <secret>`; not stored on the server.',
    }),
  }),
});

const SignInRef = builder.objectRef<{ user: UserRow; expiresAt: Date }>('SignIn').implement({
  description: 'Phiên đăng nhập mới (cookie httpOnly). / A new session (httpOnly cookie).',
  fields: (t) => ({
    user: t.field({ type: UserRef, resolve: (signIn) => signIn.user }),
    expiresAt: t.field({
      type: 'DateTime',
      description:
        'Hết hạn tuyệt đối; phiên cũng hết khi không dùng 2 giờ. / Absolute expiry; the session also ends after 2 idle hours.',
      resolve: (signIn) => signIn.expiresAt,
    }),
  }),
});

AuditEntryRef.implement({
  description: 'Một dòng nhật ký kiểm toán (chỉ thêm, không sửa). / One audit log entry (append-only).',
  fields: (t) => ({
    id: t.globalID({ resolve: (entry) => ({ type: 'AuditEntry', id: entry.id }) }),
    at: t.field({ type: 'DateTime', resolve: (entry) => entry.at }),
    action: t.exposeString('action', { description: 'Ví dụ user.grant_role. / e.g. user.grant_role.' }),
    entity: t.exposeString('entity'),
    entityId: t.exposeString('entityId', { nullable: true }),
    unit: t.field({
      type: AdministrativeUnitRef,
      nullable: true,
      resolve: (entry, _args, context) =>
        entry.unitId ? context.loaders.units.unitById.load(entry.unitId) : null,
    }),
    actor: t.field({
      type: UserRef,
      nullable: true,
      description: 'Người thực hiện, nếu bạn được xem. / Who acted, when you may see them.',
      resolve: (entry, _args, context) =>
        entry.actorUserId ? context.loaders.accounts.visibleUserById.load(entry.actorUserId) : null,
    }),
    actorApiKeyId: t.id({
      nullable: true,
      resolve: (entry) => (entry.actorApiKeyId ? encodeGlobalID('ApiKey', entry.actorApiKeyId) : null),
    }),
    data: t.string({
      description: 'Chi tiết thay đổi, JSON. / What changed, as JSON.',
      resolve: (entry) => JSON.stringify(entry.data),
    }),
  }),
});

const GrantInputRef = builder.inputType('RoleGrantInput', {
  description: 'Một vai trò và phạm vi của nó. / A role and its scope.',
  fields: (t) => ({
    role: t.field({ type: RoleEnum, required: true }),
    unitId: t.id({
      description: 'ID toàn cục của AdministrativeUnit. / Global ID of an AdministrativeUnit.',
    }),
    agencyId: t.id({ description: 'ID toàn cục của Agency. / Global ID of an Agency.' }),
  }),
});

function toGrant(
  input: { role: RoleCode; unitId?: string | number | null; agencyId?: string | number | null },
  path: string[],
): GrantInput {
  return {
    role: input.role,
    unitId:
      input.unitId != null
        ? requireRowId(String(input.unitId), 'AdministrativeUnit', [...path, 'unitId'])
        : null,
    agencyId:
      input.agencyId != null ? requireRowId(String(input.agencyId), 'Agency', [...path, 'agencyId']) : null,
  };
}

/**
 * Signed-in system admins or unit admins (two values of one scope: the second sits in a one-scope `$all`). The
 * services narrow unit admins to their subtree.
 */
const USER_ADMINS = { $any: { role: 'system_admin', $all: { role: 'unit_admin' } } };

builder.queryField('me', (t) =>
  t.field({
    type: UserRef,
    nullable: true,
    description:
      'Người dùng đang đăng nhập; trống khi chưa đăng nhập hoặc dùng khoá API. / The signed-in user; null when anonymous or with an API key.',
    authScopes: { public: true },
    resolve: (_root, _args, context) =>
      context.viewer.userId && !context.viewer.apiKeyId
        ? context.loaders.accounts.userById.load(context.viewer.userId)
        : null,
  }),
);

builder.queryField('apiKeys', (t) =>
  t.field({
    type: [ApiKeyRef],
    nullable: { list: true, items: false },
    description: 'Các khoá API của bạn, mới nhất trước. / Your API keys, newest first.',
    authScopes: { loggedIn: true },
    resolve: (_root, _args, context) => listOwnApiKeys(context),
  }),
);

builder.queryField('auditLog', (t) =>
  t.connection({
    type: AuditEntryRef,
    description:
      'Nhật ký kiểm toán, mới nhất trước: quản trị hệ thống xem tất cả, quản trị đơn vị xem các đơn vị của mình. / The audit log, newest first: system admins read all of it, unit admins their units’ entries.',
    authScopes: USER_ADMINS,
    args: {
      entity: t.arg.string({ description: 'Ví dụ app_user. / e.g. app_user.' }),
      entityId: t.arg.string(),
    },
    resolve: (_root, args, context) => {
      if (args.last != null || args.before != null) {
        throw new ValidationError([
          {
            path: [args.last != null ? 'last' : 'before'],
            message: 'Nhật ký chỉ phân trang tiến (first, after).',
            messageEn: 'The audit log pages forward only (first, after).',
          },
        ]);
      }
      const beforeId = args.after ? decodeIdCursor(args.after) : null;
      return resolveCursorConnection<Promise<AuditRow[]>>(
        {
          args: { first: args.first, after: args.after },
          toCursor: (entry: AuditRow) => encodeIdCursor(entry.id),
          ...PAGE_SIZES,
        },
        ({ limit }) =>
          listAuditEntries(context, { entity: args.entity, entityId: args.entityId, beforeId, limit }),
      );
    },
  }),
);

const LoginInput = builder.inputType('LoginInput', {
  fields: (t) => ({
    email: t.string({ required: true }),
    password: t.string({ required: true }),
  }),
});

builder.mutationField('login', (t) =>
  t.field({
    type: SignInRef,
    description:
      'Đăng nhập bằng email và mật khẩu; đặt cookie phiên httpOnly. 5 lần sai liên tiếp khoá 15 phút. / Sign in; sets the httpOnly session cookie. 5 failures in a row lock the account for 15 minutes.',
    authScopes: { public: true },
    errors: { types: [InvalidCredentialsError, AccountLockedError] },
    args: { input: t.arg({ type: LoginInput, required: true }) },
    resolve: (_root, { input }, context) => {
      if (input.email.length > 254 || input.password.length > 1024) throw new InvalidCredentialsError();
      return login(context, input);
    },
  }),
);

builder.mutationField('logout', (t) =>
  t.int({
    description:
      'Đăng xuất phiên này; trả về số phiên đã kết thúc. / Ends this session; returns how many ended.',
    authScopes: { loggedIn: true },
    errors: { types: [ForbiddenError] },
    resolve: async (_root, _args, context) => (await logout(context)).sessionsEnded,
  }),
);

builder.mutationField('logoutEverywhere', (t) =>
  t.int({
    description:
      'Đăng xuất mọi phiên trên mọi thiết bị. / Ends every session of yours on every device (this one too).',
    authScopes: { loggedIn: true },
    errors: { types: [ForbiddenError] },
    resolve: async (_root, _args, context) => (await logoutEverywhere(context)).sessionsEnded,
  }),
);

const ChangePasswordInput = builder.inputType('ChangePasswordInput', {
  fields: (t) => ({
    currentPassword: t.string({ required: true }),
    newPassword: t.string({
      required: true,
      description:
        'Ít nhất 10 ký tự, kết hợp ít nhất hai loại ký tự. / At least 10 characters mixing at least two kinds.',
    }),
  }),
});

builder.mutationField('changePassword', (t) =>
  t.int({
    description:
      'Đổi mật khẩu; mọi phiên khác bị kết thúc. Trả về số phiên đã kết thúc. / Changes your password and ends your other sessions; returns how many ended.',
    authScopes: { loggedIn: true },
    errors: { types: [ForbiddenError] },
    args: { input: t.arg({ type: ChangePasswordInput, required: true }) },
    resolve: async (_root, { input }, context) => (await changePassword(context, input)).sessionsEnded,
  }),
);

const CreateUserInput = builder.inputType('CreateUserInput', {
  fields: (t) => ({
    email: t.string({ required: true }),
    displayName: t.string({ required: true }),
    password: t.string({ required: true, description: 'Mật khẩu ban đầu. / The initial password.' }),
    grants: t.field({ type: [GrantInputRef], required: true, defaultValue: [] }),
  }),
});

builder.mutationField('createUser', (t) =>
  t.field({
    type: UserRef,
    description:
      'Tạo người dùng. Quản trị đơn vị phải cấp ít nhất một vai trò trong phạm vi của mình. / Creates a user; a unit admin must grant at least one role inside their subtree.',
    authScopes: USER_ADMINS,
    errors: { types: [ForbiddenError, ConflictError] },
    args: { input: t.arg({ type: CreateUserInput, required: true }) },
    resolve: (_root, { input }, context) =>
      createUser(context, {
        ...input,
        grants: input.grants.map((grant, i) => toGrant(grant, ['input', 'grants', String(i)])),
      }),
  }),
);

const UpdateUserInput = builder.inputType('UpdateUserInput', {
  fields: (t) => ({
    email: t.string(),
    displayName: t.string(),
  }),
});

builder.mutationField('updateUser', (t) =>
  t.field({
    type: UserRef,
    authScopes: USER_ADMINS,
    errors: { types: [ForbiddenError, NotFoundError, ConflictError] },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateUserInput, required: true }) },
    resolve: (_root, args, context) =>
      updateUser(context, requireRowId(String(args.id), 'User', ['id']), args.input),
  }),
);

builder.mutationField('disableUser', (t) =>
  t.field({
    type: UserRef,
    description:
      'Vô hiệu hoá người dùng: kết thúc mọi phiên, khoá API ngừng hoạt động. / Disables a user: ends their sessions; their API keys stop working.',
    authScopes: USER_ADMINS,
    errors: { types: [ForbiddenError, NotFoundError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, context) =>
      setUserStatus(context, requireRowId(String(args.id), 'User', ['id']), 'disabled'),
  }),
);

builder.mutationField('enableUser', (t) =>
  t.field({
    type: UserRef,
    authScopes: USER_ADMINS,
    errors: { types: [ForbiddenError, NotFoundError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, context) =>
      setUserStatus(context, requireRowId(String(args.id), 'User', ['id']), 'active'),
  }),
);

const GrantRoleInput = builder.inputType('GrantRoleInput', {
  fields: (t) => ({
    userId: t.id({ required: true }),
    role: t.field({ type: RoleEnum, required: true }),
    unitId: t.id({
      description: 'ID toàn cục của AdministrativeUnit. / Global ID of an AdministrativeUnit.',
    }),
    agencyId: t.id({ description: 'ID toàn cục của Agency. / Global ID of an Agency.' }),
  }),
});

builder.mutationField('grantRole', (t) =>
  t.field({
    type: RoleGrantRef,
    description:
      'Cấp vai trò. Quản trị đơn vị chỉ cấp trong phạm vi của mình và không bao giờ cấp system_admin. / Grants a role; unit admins only inside their subtree, never system_admin.',
    authScopes: USER_ADMINS,
    errors: { types: [ForbiddenError, NotFoundError, ConflictError] },
    args: { input: t.arg({ type: GrantRoleInput, required: true }) },
    resolve: (_root, { input }, context) =>
      grantRole(
        context,
        requireRowId(String(input.userId), 'User', ['input', 'userId']),
        toGrant(input, ['input']),
      ),
  }),
);

builder.mutationField('revokeRole', (t) =>
  t.field({
    type: RoleGrantRef,
    authScopes: USER_ADMINS,
    errors: { types: [ForbiddenError, NotFoundError, ConflictError] },
    args: { grantId: t.arg.id({ required: true }) },
    resolve: (_root, args, context) =>
      revokeRole(context, requireRowId(String(args.grantId), 'RoleGrant', ['grantId'])),
  }),
);

const CreateApiKeyInput = builder.inputType('CreateApiKeyInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    scopes: t.field({ type: [ApiKeyScopeEnum], required: true }),
    expiresInDays: t.int({ description: 'Mặc định 90, tối đa 365. / Default 90, at most 365.' }),
  }),
});

builder.mutationField('createApiKey', (t) =>
  t.field({
    type: CreatedApiKeyRef,
    description:
      'Tạo khoá API của bạn; quyền của khoá không vượt quá quyền của bạn. / Creates an API key of yours, bounded by your own grants.',
    authScopes: { loggedIn: true },
    errors: { types: [ForbiddenError] },
    args: { input: t.arg({ type: CreateApiKeyInput, required: true }) },
    resolve: (_root, { input }, context) => createApiKey(context, input),
  }),
);

builder.mutationField('revokeApiKey', (t) =>
  t.field({
    type: ApiKeyRef,
    description: 'Thu hồi khoá API, có hiệu lực ngay. / Revokes an API key, with immediate effect.',
    authScopes: { loggedIn: true },
    errors: { types: [ForbiddenError, NotFoundError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, context) => revokeApiKey(context, requireRowId(String(args.id), 'ApiKey', ['id'])),
  }),
);
