import { encodeGlobalID, resolveCursorConnection } from '@pothos/plugin-relay';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import { builder } from '../../schema/builder.js';
import { ErrorInterface } from '../../schema/errors.js';
import { requireRowId } from '../../schema/global-id.js';
import { checkPageSize, decodeIdCursor, encodeIdCursor, PAGE_SIZES } from '../../schema/pagination.js';
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

/**
 * What each scope opens beyond the public reads (catalog, published indices, rankings, published answers, which
 * every caller reads without a key), always within the owner's grants; a key never writes.
 */
const API_KEY_SCOPE_DESCRIPTIONS: Record<ApiKeyScope, string> = {
  'read:catalog':
    'Danh mục thủ tục, cơ quan, đơn vị: hiện chỉ như truy cập công khai. / The procedure catalog, agencies and units: for now only the public reads.',
  'read:reports':
    'Giá trị của nhóm dưới cỡ mẫu tối thiểu trong báo cáo chỉ số, phân tích và tệp xuất, cùng bản chụp chưa công bố, ở các đơn vị chủ khoá được xem. / Values of groups below the minimum sample in index reports, breakdowns and their exports, and unpublished snapshots, in the units its owner may read.',
  'read:surveys':
    'Công cụ và đợt khảo sát: hiện chỉ như truy cập công khai (phiếu thô không xuất qua khoá API). / Survey instruments and campaigns: for now only the public reads (raw responses are never exported to a key).',
  'read:dossiers':
    'Báo cáo đúng hạn hồ sơ (timelinessReport) của các cơ quan, đơn vị chủ khoá được xem. / Dossier timeliness reports (timelinessReport) of the agencies and units its owner may read.',
};

export const ApiKeyScopeEnum = builder.enumType('ApiKeyScope', {
  description:
    'Phạm vi chỉ đọc của khoá API, luôn trong giới hạn quyền của chủ khoá. / A read-only scope of an API key, always bounded by its owner’s grants.',
  values: Object.fromEntries(
    API_KEY_SCOPES.map((scope) => [
      scope.replace(':', '_').toUpperCase(),
      { value: scope, description: API_KEY_SCOPE_DESCRIPTIONS[scope] },
    ]),
  ) as Record<string, { value: ApiKeyScope; description: string }>,
});

export const UserStatusEnum = builder.enumType('UserStatus', {
  description: 'Trạng thái tài khoản. / Account status.',
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
  fields: (t) => ({
    lockedUntil: t.field({
      type: 'DateTime',
      description: 'Tài khoản mở lại lúc này. / The account unlocks at this instant.',
      resolve: (error) => error.lockedUntil,
    }),
  }),
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
    email: t.exposeString('email', {
      description: 'Email đăng nhập (duy nhất, chữ thường). / Sign-in email (unique, lower case).',
    }),
    displayName: t.exposeString('displayName', { description: 'Tên hiển thị. / Display name.' }),
    status: t.field({
      type: UserStatusEnum,
      description: 'Đang hoạt động hay đã vô hiệu hoá. / Active or disabled.',
      resolve: (user) => user.status,
    }),
    isDemo: t.exposeBoolean('isDemo', { description: 'Tài khoản mẫu. / A demo account.' }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'Thời điểm tạo tài khoản. / When the account was created.',
      resolve: (user) => user.createdAt,
    }),
    passwordChangedAt: t.field({
      type: 'DateTime',
      description: 'Lần đổi mật khẩu gần nhất (hoặc lúc tạo). / Last password change (or creation).',
      resolve: (user) => user.passwordChangedAt,
    }),
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
    id: t.globalID({
      description: 'ID toàn cục của lần cấp, dùng cho revokeRole. / Global ID of the grant, for revokeRole.',
      resolve: (grant) => ({ type: 'RoleGrant', id: grant.id }),
    }),
    role: t.field({
      type: RoleEnum,
      description: 'Vai trò được cấp. / The role granted.',
      resolve: (grant) => grant.role,
    }),
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
    id: t.globalID({
      description: 'ID toàn cục của khoá, dùng cho revokeApiKey. / Global ID of the key, for revokeApiKey.',
      resolve: (key) => ({ type: 'ApiKey', id: key.id }),
    }),
    name: t.exposeString('name', { description: 'Tên do chủ khoá đặt. / Name given by the owner.' }),
    prefix: t.exposeString('prefix', {
      description: 'Phần nhận diện của khoá. / The identifying part of the key.',
    }),
    scopes: t.field({
      type: [ApiKeyScopeEnum],
      description: "Các phạm vi chỉ đọc của khoá. / The key's read-only scopes.",
      resolve: (key) => key.scopes as ApiKeyScope[],
    }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'Thời điểm tạo. / When it was created.',
      resolve: (key) => key.createdAt,
    }),
    lastUsedAt: t.field({
      type: 'DateTime',
      description: 'Lần dùng gần nhất (trống nếu chưa dùng). / Last use (null if never used).',
      nullable: true,
      resolve: (key) => key.lastUsedAt,
    }),
    expiresAt: t.field({
      type: 'DateTime',
      description: 'Thời điểm hết hạn. / When it expires.',
      nullable: true,
      resolve: (key) => key.expiresAt,
    }),
    revokedAt: t.field({
      type: 'DateTime',
      description: 'Thời điểm bị thu hồi (trống nếu chưa). / When it was revoked (null if not).',
      nullable: true,
      resolve: (key) => key.revokedAt,
    }),
    isActive: t.boolean({
      description: 'Chưa thu hồi và chưa hết hạn. / Neither revoked nor expired.',
      resolve: (key) => !key.revokedAt && (!key.expiresAt || key.expiresAt > new Date()),
    }),
  }),
});

const CreatedApiKeyRef = builder.objectRef<{ apiKey: ApiKeyRow; secret: string }>('CreatedApiKey').implement({
  description: 'Khoá vừa tạo; chuỗi khoá chỉ hiện một lần. / A new key; its secret is shown this once only.',
  fields: (t) => ({
    apiKey: t.field({
      type: ApiKeyRef,
      description: 'Khoá vừa tạo. / The key just created.',
      resolve: (created) => created.apiKey,
    }),
    secret: t.exposeString('secret', {
      description:
        'Gửi kèm mỗi yêu cầu: `Authorization: Bearer <secret>`. Không lưu trên máy chủ. / Send as `Authorization: Bearer <secret>`; not stored on the server.',
    }),
  }),
});

const SignInRef = builder.objectRef<{ user: UserRow; expiresAt: Date }>('SignIn').implement({
  description: 'Phiên đăng nhập mới (cookie httpOnly). / A new session (httpOnly cookie).',
  fields: (t) => ({
    user: t.field({
      type: UserRef,
      description: 'Người vừa đăng nhập. / The signed-in user.',
      resolve: (signIn) => signIn.user,
    }),
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
    id: t.globalID({
      description: 'ID toàn cục của dòng nhật ký. / Global ID of the entry.',
      resolve: (entry) => ({ type: 'AuditEntry', id: entry.id }),
    }),
    at: t.field({
      type: 'DateTime',
      description: 'Thời điểm ghi. / When it was recorded.',
      resolve: (entry) => entry.at,
    }),
    action: t.exposeString('action', { description: 'Ví dụ user.grant_role. / e.g. user.grant_role.' }),
    entity: t.exposeString('entity', {
      description:
        'Loại đối tượng bị tác động (bảng), ví dụ app_user. / Kind of object acted on (its table), e.g. app_user.',
    }),
    entityId: t.exposeString('entityId', {
      description: 'Mã của đối tượng bị tác động. / Id of the object acted on.',
      nullable: true,
    }),
    unit: t.field({
      description:
        'Đơn vị hành chính liên quan (phạm vi xem). / The administrative unit concerned (who may read it).',
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
      description:
        'ID toàn cục của khoá API đã thực hiện, nếu có. / Global ID of the API key that acted, if any.',
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
    role: t.field({ type: RoleEnum, description: 'Vai trò. / The role.', required: true }),
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
      entityId: t.arg.string({
        description: 'Mã đối tượng (cùng với entity). / Id of the object (with entity).',
      }),
    },
    resolve: (_root, args, context) => {
      checkPageSize(args);
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
  description: 'Thông tin đăng nhập. / Sign-in credentials.',
  fields: (t) => ({
    email: t.string({ description: 'Email đăng nhập. / Sign-in email.', required: true }),
    password: t.string({ description: 'Mật khẩu. / Password.', required: true }),
  }),
});

builder.mutationField('login', (t) =>
  t.field({
    type: SignInRef,
    description:
      'Đăng nhập bằng email và mật khẩu; đặt cookie phiên httpOnly. 5 lần sai liên tiếp khoá 15 phút. / Sign in; sets the httpOnly session cookie. 5 failures in a row lock the account for 15 minutes.',
    authScopes: { public: true },
    errors: { types: [InvalidCredentialsError, AccountLockedError] },
    args: {
      input: t.arg({
        type: LoginInput,
        description: 'Email và mật khẩu. / Email and password.',
        required: true,
      }),
    },
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
  description: 'Đổi mật khẩu. / A password change.',
  fields: (t) => ({
    currentPassword: t.string({ description: 'Mật khẩu hiện tại. / The current password.', required: true }),
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
    args: {
      input: t.arg({
        type: ChangePasswordInput,
        description: 'Mật khẩu hiện tại và mật khẩu mới. / The current and the new password.',
        required: true,
      }),
    },
    resolve: async (_root, { input }, context) => (await changePassword(context, input)).sessionsEnded,
  }),
);

const CreateUserInput = builder.inputType('CreateUserInput', {
  description: 'Người dùng mới. / A new user.',
  fields: (t) => ({
    email: t.string({ description: 'Email đăng nhập (duy nhất). / Sign-in email (unique).', required: true }),
    displayName: t.string({ description: 'Tên hiển thị. / Display name.', required: true }),
    password: t.string({ required: true, description: 'Mật khẩu ban đầu. / The initial password.' }),
    grants: t.field({
      type: [GrantInputRef],
      description: 'Các vai trò ban đầu và phạm vi. / Initial roles and their scopes.',
      required: true,
      defaultValue: [],
    }),
  }),
});

builder.mutationField('createUser', (t) =>
  t.field({
    type: UserRef,
    description:
      'Tạo người dùng. Quản trị đơn vị phải cấp ít nhất một vai trò trong phạm vi của mình. / Creates a user; a unit admin must grant at least one role inside their subtree.',
    authScopes: USER_ADMINS,
    errors: { types: [ForbiddenError, ConflictError] },
    args: {
      input: t.arg({
        type: CreateUserInput,
        description: 'Người dùng mới và các vai trò ban đầu. / The new user and their initial roles.',
        required: true,
      }),
    },
    resolve: (_root, { input }, context) =>
      createUser(context, {
        ...input,
        grants: input.grants.map((grant, i) => toGrant(grant, ['input', 'grants', String(i)])),
      }),
  }),
);

const UpdateUserInput = builder.inputType('UpdateUserInput', {
  description: 'Thay đổi thông tin người dùng. / Changes to a user.',
  fields: (t) => ({
    email: t.string({ description: 'Email mới (duy nhất). / New email (unique).' }),
    displayName: t.string({ description: 'Tên hiển thị mới. / New display name.' }),
  }),
});

builder.mutationField('updateUser', (t) =>
  t.field({
    description:
      'Đổi email hoặc tên hiển thị của người dùng trong phạm vi của bạn. / Changes the email or display name of a user within your scope.',
    type: UserRef,
    authScopes: USER_ADMINS,
    errors: { types: [ForbiddenError, NotFoundError, ConflictError] },
    args: {
      id: t.arg.id({ description: 'ID toàn cục của User. / Global ID of the User.', required: true }),
      input: t.arg({
        type: UpdateUserInput,
        description: 'Các trường cần đổi; trường bỏ trống giữ nguyên. / Fields to change; omitted ones stay.',
        required: true,
      }),
    },
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
    args: { id: t.arg.id({ description: 'ID toàn cục của User. / Global ID of the User.', required: true }) },
    resolve: (_root, args, context) =>
      setUserStatus(context, requireRowId(String(args.id), 'User', ['id']), 'disabled'),
  }),
);

builder.mutationField('enableUser', (t) =>
  t.field({
    description: 'Kích hoạt lại người dùng đã vô hiệu hoá. / Re-enables a disabled user.',
    type: UserRef,
    authScopes: USER_ADMINS,
    errors: { types: [ForbiddenError, NotFoundError] },
    args: { id: t.arg.id({ description: 'ID toàn cục của User. / Global ID of the User.', required: true }) },
    resolve: (_root, args, context) =>
      setUserStatus(context, requireRowId(String(args.id), 'User', ['id']), 'active'),
  }),
);

const GrantRoleInput = builder.inputType('GrantRoleInput', {
  description: 'Một lần cấp vai trò. / One role grant.',
  fields: (t) => ({
    userId: t.id({ description: 'ID toàn cục của User. / Global ID of the User.', required: true }),
    role: t.field({ type: RoleEnum, description: 'Vai trò cần cấp. / The role to grant.', required: true }),
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
    args: {
      input: t.arg({
        type: GrantRoleInput,
        description: 'Người nhận, vai trò và phạm vi. / Who receives which role, in which scope.',
        required: true,
      }),
    },
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
    description:
      'Thu hồi một vai trò đã cấp, trong phạm vi của bạn. / Revokes a granted role, within your scope.',
    type: RoleGrantRef,
    authScopes: USER_ADMINS,
    errors: { types: [ForbiddenError, NotFoundError, ConflictError] },
    args: {
      grantId: t.arg.id({
        description: 'ID toàn cục của RoleGrant cần thu hồi. / Global ID of the RoleGrant to revoke.',
        required: true,
      }),
    },
    resolve: (_root, args, context) =>
      revokeRole(context, requireRowId(String(args.grantId), 'RoleGrant', ['grantId'])),
  }),
);

const CreateApiKeyInput = builder.inputType('CreateApiKeyInput', {
  description: 'Khoá API mới. / A new API key.',
  fields: (t) => ({
    name: t.string({
      description: 'Tên gợi nhớ của khoá. / A name to recognise the key by.',
      required: true,
    }),
    scopes: t.field({
      type: [ApiKeyScopeEnum],
      description: 'Phạm vi chỉ đọc (ít nhất một). / Read-only scopes (at least one).',
      required: true,
    }),
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
    args: {
      input: t.arg({
        type: CreateApiKeyInput,
        description: "Tên, phạm vi và thời hạn của khoá. / The key's name, scopes and lifetime.",
        required: true,
      }),
    },
    resolve: (_root, { input }, context) => createApiKey(context, input),
  }),
);

builder.mutationField('revokeApiKey', (t) =>
  t.field({
    type: ApiKeyRef,
    description: 'Thu hồi khoá API, có hiệu lực ngay. / Revokes an API key, with immediate effect.',
    authScopes: { loggedIn: true },
    errors: { types: [ForbiddenError, NotFoundError] },
    args: {
      id: t.arg.id({
        description: 'ID toàn cục của ApiKey (của bạn). / Global ID of the ApiKey (one of yours).',
        required: true,
      }),
    },
    resolve: (_root, args, context) => revokeApiKey(context, requireRowId(String(args.id), 'ApiKey', ['id'])),
  }),
);
