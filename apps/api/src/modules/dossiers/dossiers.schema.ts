import { encodeGlobalID } from '@pothos/plugin-relay';
import { z } from 'zod';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  TooManyRequestsError,
  ValidationError,
} from '../../errors.js';
import { builder } from '../../schema/builder.js';
import { civilDateInput, stringRule } from '../../schema/input-rules.js';
import { AgencyRef } from '../agencies/agencies.schema.js';
import { ProcedureCaseRef, ProcedureRef } from '../procedures/procedures.schema.js';
import { IssuedTokenRef } from '../surveys/surveys.schema.js';
import { AdministrativeUnitRef } from '../units/units.schema.js';
import { type DossierEventRow, type DossierRow, dossierKeyString } from './dossiers.repo.js';
import {
  apologizeDossier,
  type DossierActionResult,
  dossierQueue,
  findVisibleDossier,
  getVisibleDossier,
  lateWithoutApology,
  needsApology,
  type Received,
  receiveDossier,
  STATUS_NAMES,
  TRANSITIONS,
  type TrackingView,
  type TransitionAction,
  trackDossier,
  transitionDossier,
} from './dossiers.service.js';
import { type TimelinessCountsRow, type TimelinessReport, timelinessReport } from './timeliness.service.js';

// ───────────────────────── enums ─────────────────────────

const STATUS_KEYS = {
  REGISTERED_ONLINE: 1,
  RECEIVED: 2,
  REFUSED: 3,
  PROCESSING: 4,
  SUPPLEMENT_REQUESTED: 5,
  AWAITING_PAYMENT: 6,
  WITHDRAWN: 7,
  STOPPED: 8,
  RESULT_READY: 9,
  RETURNED: 10,
} as const;

export const DossierStateEnum = builder.enumType('DossierState', {
  description: 'Trạng thái hồ sơ (mã đồng bộ 1–10). / Dossier status (sync codes 1–10).',
  values: Object.fromEntries(
    Object.entries(STATUS_KEYS).map(([name, code]) => [
      name,
      { value: code, description: `${code}: ${STATUS_NAMES[code]![0]} / ${STATUS_NAMES[code]![1]}` },
    ]),
  ) as Record<keyof typeof STATUS_KEYS, { value: number; description: string }>,
});

export const DossierChannelEnum = builder.enumType('DossierChannel', {
  description: 'Kênh nộp hồ sơ. / How the dossier was submitted.',
  values: {
    IN_PERSON: { value: 'in_person', description: 'Trực tiếp. / In person.' },
    ONLINE: { value: 'online', description: 'Trực tuyến. / Online.' },
    POSTAL: { value: 'postal', description: 'Bưu chính công ích. / Public postal service.' },
  } as const,
});

const TRANSITION_DESCRIPTIONS: Record<TransitionAction, string> = {
  start_processing: 'Chuyển xử lý (2 → 4). / Start processing.',
  refuse: 'Từ chối tiếp nhận, mẫu 03 (→ 3). / Refuse at intake (form 03).',
  request_supplement:
    'Yêu cầu bổ sung, mẫu 02, chỉ một lần (4 → 5, dừng đồng hồ). / Request a supplement once.',
  supplement_received: 'Đã nhận bổ sung (5 → 4). / Supplement received; the clock resumes.',
  request_payment: 'Chờ nộp phí, lệ phí (4 → 6, dừng đồng hồ). / Wait for a payment.',
  payment_received: 'Đã nộp phí (6 → 4). / Payment received; the clock resumes.',
  result_ready: 'Có kết quả (4 → 9). / Result ready.',
  return_result: 'Trả kết quả (9 → 10). / Result returned.',
  withdraw: 'Người nộp rút hồ sơ (→ 7). / Withdrawn by the applicant.',
  stop: 'Dừng xử lý (→ 8). / Processing stopped.',
};

export const DossierActionEnum = builder.enumType('DossierAction', {
  description: 'Thao tác chuyển trạng thái hồ sơ. / A desk action moving a dossier.',
  values: Object.fromEntries(
    (Object.keys(TRANSITIONS) as TransitionAction[]).map((action) => [
      action.toUpperCase(),
      { value: action, description: TRANSITION_DESCRIPTIONS[action] },
    ]),
  ) as Record<Uppercase<TransitionAction>, { value: TransitionAction; description: string }>,
});

const EVENT_ACTIONS = [
  'register_online',
  'receive',
  'apologize',
  ...(Object.keys(TRANSITIONS) as TransitionAction[]),
] as const;

export const DossierEventActionEnum = builder.enumType('DossierEventAction', {
  description: 'Sự kiện trong lịch sử hồ sơ. / An event of a dossier’s history.',
  values: Object.fromEntries(EVENT_ACTIONS.map((a) => [a.toUpperCase(), { value: a }])) as Record<
    string,
    { value: string }
  >,
});

// ───────────────────────── objects ─────────────────────────

const DossierEventRef = builder.objectRef<DossierEventRow>('DossierEvent').implement({
  description: 'Một sự kiện (chỉ thêm, không sửa). / One event of the history (append-only).',
  fields: (t) => ({
    at: t.field({ type: 'DateTime', resolve: (e) => e.at }),
    action: t.field({ type: DossierEventActionEnum, resolve: (e) => e.action }),
    fromState: t.field({ type: DossierStateEnum, nullable: true, resolve: (e) => e.fromStatus }),
    toState: t.field({ type: DossierStateEnum, resolve: (e) => e.toStatus }),
    actorUserId: t.id({
      nullable: true,
      description: 'Global ID of the officer (type User).',
      resolve: (e) => (e.actorUserId ? encodeGlobalID('User', e.actorUserId) : null),
    }),
    actorName: t.string({ nullable: true, resolve: (e) => e.actorName }),
    note: t.exposeString('note', { nullable: true }),
  }),
});

const ApologyRef = builder.objectRef<DossierRow>('DossierApology').implement({
  description: 'Phiếu xin lỗi và hẹn lại (mẫu 04). / Apology and new appointment (form 04).',
  fields: (t) => ({
    reason: t.string({ resolve: (d) => d.apologyReason ?? '' }),
    newAppointment: t.field({ type: 'DateTime', resolve: (d) => d.newAppointmentAt! }),
  }),
});

export const DossierRef = builder.objectRef<DossierRow>('Dossier');

builder.node(DossierRef, {
  description: 'Một hồ sơ thủ tục hành chính tại bộ phận một cửa. / A dossier at a one-stop desk.',
  id: { resolve: (d) => dossierKeyString(d) },
  loadMany: (keys, context) => Promise.all(keys.map((key) => findVisibleDossier(context, key))),
  fields: (t) => ({
    receiptCode: t.exposeString('receiptCode', { description: 'Mã biên nhận. / Receipt code.' }),
    state: t.field({ type: DossierStateEnum, resolve: (d) => d.status }),
    stateName: t.string({ resolve: (d) => STATUS_NAMES[d.status]![0] }),
    stateNameEn: t.string({ resolve: (d) => STATUS_NAMES[d.status]![1] }),
    clockStopped: t.boolean({ resolve: (d) => d.status === 5 || d.status === 6 }),
    channel: t.field({ type: DossierChannelEnum, resolve: (d) => d.channel }),
    agency: t.field({
      type: AgencyRef,
      description: 'Cơ quan tiếp nhận, giải quyết. / The agency that received the dossier.',
      resolve: async (d, _a, c) => (await c.loaders.agencies.agencyById.load(d.agencyId))!,
    }),
    procedure: t.field({
      type: ProcedureRef,
      description: 'Thủ tục hành chính. / The administrative procedure.',
      resolve: async (d, _a, c) => (await c.loaders.procedures.procedureById.load(d.procedureId))!,
    }),
    case: t.field({
      type: ProcedureCaseRef,
      nullable: true,
      description:
        'Trường hợp của thủ tục (quyết định thời hạn giải quyết). / The case of the procedure (it sets the processing time).',
      resolve: (d, _a, c) => (d.caseId ? c.loaders.procedures.caseById.load(d.caseId) : null),
    }),
    agencyId: t.id({
      description: 'Global ID (type Agency).',
      deprecationReason: 'Dùng agency { id }. / Use agency { id }.',
      resolve: (d) => encodeGlobalID('Agency', d.agencyId),
    }),
    agencyCode: t.string({
      deprecationReason: 'Dùng agency { code }. / Use agency { code }.',
      resolve: async (d, _a, c) => (await c.loaders.agencies.agencyById.load(d.agencyId))?.code ?? '',
    }),
    agencyName: t.string({
      deprecationReason: 'Dùng agency { name }. / Use agency { name }.',
      resolve: async (d, _a, c) => (await c.loaders.agencies.agencyById.load(d.agencyId))?.nameVi ?? '',
    }),
    procedureId: t.id({
      description: 'Global ID (type Procedure).',
      deprecationReason: 'Dùng procedure { id }. / Use procedure { id }.',
      resolve: (d) => encodeGlobalID('Procedure', d.procedureId),
    }),
    procedureCode: t.string({
      description: 'Mã TTHC. / National procedure code.',
      deprecationReason: 'Dùng procedure { code }. / Use procedure { code }.',
      resolve: async (d, _a, c) => (await c.loaders.procedures.procedureById.load(d.procedureId))?.code ?? '',
    }),
    procedureName: t.string({
      deprecationReason: 'Dùng procedure { name }. / Use procedure { name }.',
      resolve: async (d, _a, c) =>
        (await c.loaders.procedures.procedureById.load(d.procedureId))?.nameVi ?? '',
    }),
    caseId: t.id({
      nullable: true,
      description: 'Global ID (type ProcedureCase).',
      deprecationReason:
        'ProcedureCase không phải là node; dùng case. / ProcedureCase is not a node; use case.',
      resolve: (d) => (d.caseId ? encodeGlobalID('ProcedureCase', d.caseId) : null),
    }),
    caseName: t.string({
      nullable: true,
      deprecationReason: 'Dùng case { name }. / Use case { name }.',
      resolve: async (d, _a, c) =>
        d.caseId ? ((await c.loaders.procedures.caseById.load(d.caseId))?.nameVi ?? null) : null,
    }),
    receivedAt: t.field({ type: 'DateTime', resolve: (d) => d.receivedAt }),
    dueAt: t.field({
      type: 'DateTime',
      nullable: true,
      description:
        'Hạn giải quyết; khi đồng hồ đang dừng, hạn sẽ lùi khi tiếp tục. / Due time; moves later when a paused clock resumes.',
      resolve: (d) => d.dueAt,
    }),
    finishedAt: t.field({ type: 'DateTime', nullable: true, resolve: (d) => d.finishedAt }),
    returnedAt: t.field({ type: 'DateTime', nullable: true, resolve: (d) => d.returnedAt }),
    pausedHours: t.float({ resolve: (d) => Number(d.pausedHours) }),
    allowedHours: t.float({
      nullable: true,
      description: 'Giờ làm việc được giao khi tiếp nhận. / Working hours granted at receipt.',
      resolve: (d) => (d.allowedHours === null ? null : Number(d.allowedHours)),
    }),
    supplementRequested: t.exposeBoolean('supplementRequested'),
    apology: t.field({ type: ApologyRef, nullable: true, resolve: (d) => (d.apologyIssued ? d : null) }),
    needsApology: t.boolean({
      description:
        'Sắp hoặc đã quá hạn mà chưa có phiếu xin lỗi. / Due within a working day (or past due) with no apology yet.',
      resolve: async (d, _a, c) =>
        needsApology(d, c.now(), await c.loaders.calendars.forAgency.load(d.agencyId)),
    }),
    lateWithoutApology: t.boolean({
      description: 'Quá hạn mà không có phiếu xin lỗi. / Past due without an apology.',
      resolve: (d, _a, c) => lateWithoutApology(d, c.now()),
    }),
    lastEvent: t.field({
      type: DossierEventRef,
      nullable: true,
      resolve: (d, _a, c) => c.loaders.dossiers.lastEventOf.load(dossierKeyString(d)),
    }),
    events: t.field({
      type: [DossierEventRef],
      resolve: (d, _a, c) => c.loaders.dossiers.eventsOf.load(dossierKeyString(d)),
    }),
  }),
});

// ───────────────────────── officer queries ─────────────────────────

function agencyIdOf(arg: { typename: string; id: string }): string {
  // Agency global IDs are issued by the agencies module; accept only that type name here.
  return arg.typename === 'Agency' ? arg.id : '0';
}

builder.queryField('dossier', (t) =>
  t.field({
    type: DossierRef,
    description: 'Một hồ sơ của cơ quan mình, kèm lịch sử. / A dossier of one’s agency, with its history.',
    authScopes: { loggedIn: true },
    errors: { types: [NotFoundError], directResult: true },
    args: { id: t.arg.globalID({ required: true, for: [DossierRef] }) },
    resolve: (_root, args, context) => getVisibleDossier(context, args.id.id),
  }),
);

builder.queryField('dossierQueue', (t) =>
  t.connection({
    type: DossierRef,
    nullable: true,
    description:
      'Hồ sơ của cơ quan theo hạn giải quyết gần nhất trước. / An agency’s dossiers, soonest due first.',
    authScopes: { loggedIn: true },
    args: {
      agencyId: t.arg.globalID({ required: true, description: 'Global ID of an Agency.' }),
      states: t.arg({
        type: [DossierStateEnum],
        description: 'Mặc định: các hồ sơ chưa kết thúc. / Default: dossiers not closed.',
      }),
      overdueOnly: t.arg.boolean({ defaultValue: false }),
    },
    resolve: (_root, args, context) =>
      dossierQueue(context, {
        agencyId: agencyIdOf(args.agencyId),
        statuses: args.states ?? null,
        overdueOnly: args.overdueOnly ?? false,
        first: args.first ?? 50,
        after: args.after ?? null,
      }),
  }),
);

// ───────────────────────── mutations ─────────────────────────

const ReceiveDossierResultRef = builder.objectRef<Received>('ReceiveDossierResult').implement({
  description:
    'Hồ sơ vừa tiếp nhận và mã PIN (chỉ hiện một lần). / The dossier received and its PIN (shown once).',
  fields: (t) => ({
    dossier: t.field({ type: DossierRef, resolve: (r) => r.dossier }),
    pin: t.exposeString('pin', {
      description:
        'Mã PIN 6 số để tra cứu; hệ thống chỉ lưu bản băm. / 6-digit tracking PIN; only its hash is stored.',
    }),
  }),
});

const noteInput = z.string().max(2000);

builder.mutationField('receiveDossier', (t) =>
  t.field({
    type: ReceiveDossierResultRef,
    description: 'Tiếp nhận hồ sơ, mẫu 01. / Receive a dossier (form 01).',
    authScopes: { loggedIn: true },
    errors: { types: [ForbiddenError, NotFoundError] },
    args: {
      agencyId: t.arg.globalID({ required: true, description: 'Global ID of an Agency.' }),
      procedureId: t.arg.globalID({ required: true, description: 'Global ID of a Procedure.' }),
      caseId: t.arg.globalID({ description: 'Global ID of a ProcedureCase; optional if it has only one.' }),
      channel: t.arg({ type: DossierChannelEnum, required: true }),
      organisation: t.arg.boolean({
        defaultValue: false,
        description: 'Người nộp là tổ chức. / Applicant is an organisation.',
      }),
    },
    resolve: (_root, args, context) =>
      receiveDossier(context, {
        agencyId: agencyIdOf(args.agencyId),
        procedureId: args.procedureId.typename === 'Procedure' ? args.procedureId.id : '0',
        caseId: args.caseId ? (args.caseId.typename === 'ProcedureCase' ? args.caseId.id : '0') : null,
        channel: args.channel,
        applicantKind: args.organisation ? 'organisation' : 'citizen',
      }),
  }),
);

const DossierResultRef = builder.objectRef<DossierActionResult>('DossierResult').implement({
  description: 'Hồ sơ sau thao tác. / The dossier after the action.',
  fields: (t) => ({
    dossier: t.field({ type: DossierRef, resolve: (r) => r.dossier }),
    surveyInvitation: t.field({
      type: IssuedTokenRef,
      nullable: true,
      description:
        'Khi trả kết quả mà có cuộc khảo sát sau hồ sơ đang mở: mã khảo sát dùng một lần và đường dẫn /khao-sat/<mã> để in mã QR trên phiếu; chỉ hiện lần này, hệ thống chỉ lưu bản băm. / On returning the result under an open after-dossier campaign: the single-use survey token and its /khao-sat/<token> link for the receipt’s QR code; shown this once, only its hash is stored.',
      resolve: (r) => r.surveyInvitation,
    }),
  }),
});

builder.mutationField('transitionDossier', (t) =>
  t.field({
    type: DossierResultRef,
    description:
      'Chuyển hồ sơ theo một bước hợp lệ; bước không hợp lệ trả ConflictError. / Moves a dossier along one legal edge.',
    authScopes: { loggedIn: true },
    errors: { types: [NotFoundError, ConflictError, ForbiddenError] },
    args: {
      id: t.arg.globalID({ required: true, for: [DossierRef] }),
      action: t.arg({ type: DossierActionEnum, required: true }),
      note: t.arg.string({ validate: noteInput }),
    },
    resolve: (_root, args, context) =>
      transitionDossier(context, args.id.id, args.action, args.note?.trim() || null),
  }),
);

builder.mutationField('returnResult', (t) =>
  t.field({
    type: DossierResultRef,
    description:
      'Trả kết quả cho người nộp (9 → 10); nếu có cuộc khảo sát sau hồ sơ đang mở, tính hồ sơ là đã phục vụ và phát mã khảo sát (surveyInvitation). / Return the result to the applicant (9 → 10); under an open after-dossier campaign the dossier counts as served and a survey token is issued (surveyInvitation).',
    authScopes: { loggedIn: true },
    errors: { types: [NotFoundError, ConflictError, ForbiddenError] },
    args: {
      id: t.arg.globalID({ required: true, for: [DossierRef] }),
      note: t.arg.string({ validate: noteInput }),
    },
    resolve: (_root, args, context) =>
      transitionDossier(context, args.id.id, 'return_result', args.note?.trim() || null),
  }),
);

builder.mutationField('apologizeDossier', (t) =>
  t.field({
    type: DossierResultRef,
    description:
      'Phiếu xin lỗi và hẹn lại ngày trả kết quả (mẫu 04), trước hạn. / Apology and new appointment (form 04), before the due time.',
    authScopes: { loggedIn: true },
    errors: { types: [NotFoundError, ConflictError, ForbiddenError] },
    args: {
      id: t.arg.globalID({ required: true, for: [DossierRef] }),
      reason: t.arg.string({
        required: true,
        validate: stringRule(
          (r) => r.trim().length > 0 && r.length <= 2000,
          'Cần ghi lý do xin lỗi (tối đa 2000 ký tự).',
          'A reason is required (at most 2000 characters).',
        ),
      }),
      newAppointment: t.arg({ type: 'DateTime', required: true }),
    },
    resolve: (_root, args, context) =>
      apologizeDossier(context, args.id.id, args.reason.trim(), args.newAppointment).then((dossier) => ({
        dossier,
        surveyInvitation: null,
      })),
  }),
);

// ───────────────────────── public tracking ─────────────────────────

const TrackingEventRef = builder.objectRef<TrackingView['events'][number]>('DossierTrackingEvent').implement({
  description: 'Một bước của hồ sơ (không kèm tên cán bộ). / One step (no officer names).',
  fields: (t) => ({
    at: t.field({ type: 'DateTime', resolve: (e) => e.at }),
    action: t.field({ type: DossierEventActionEnum, resolve: (e) => e.action }),
    state: t.field({ type: DossierStateEnum, resolve: (e) => e.toStatus }),
  }),
});

const TrackingRef = builder.objectRef<TrackingView>('DossierTracking').implement({
  description: 'Tình trạng hồ sơ cho người nộp. / A dossier’s status for its applicant.',
  fields: (t) => ({
    receiptCode: t.string({ resolve: (v) => v.dossier.receiptCode }),
    state: t.field({ type: DossierStateEnum, resolve: (v) => v.dossier.status }),
    stateName: t.string({ resolve: (v) => STATUS_NAMES[v.dossier.status]![0] }),
    stateNameEn: t.string({ resolve: (v) => STATUS_NAMES[v.dossier.status]![1] }),
    receivedAt: t.field({ type: 'DateTime', resolve: (v) => v.dossier.receivedAt }),
    dueAt: t.field({ type: 'DateTime', nullable: true, resolve: (v) => v.dossier.dueAt }),
    history: t.field({ type: [TrackingEventRef], resolve: (v) => v.events }),
    apology: t.field({
      type: ApologyRef,
      nullable: true,
      resolve: (v) => (v.dossier.apologyIssued ? v.dossier : null),
    }),
  }),
});

const receiptCodeInput = stringRule(
  (code) => code.trim().length > 0 && code.length <= 64,
  'Mã biên nhận không hợp lệ.',
  'The receipt code is not valid.',
);
const pinInput = stringRule((pin) => /^\d{6}$/.test(pin), 'Mã PIN gồm 6 chữ số.', 'The PIN has 6 digits.');

builder.queryField('dossierStatus', (t) =>
  t.field({
    type: TrackingRef,
    description:
      'Tra cứu hồ sơ bằng mã biên nhận và mã PIN, không cần đăng nhập. / Track a dossier by receipt code and PIN, no sign-in.',
    authScopes: { public: true },
    errors: { types: [NotFoundError, TooManyRequestsError], directResult: true },
    args: {
      receiptCode: t.arg.string({ required: true, validate: receiptCodeInput }),
      pin: t.arg.string({ required: true, validate: pinInput }),
    },
    resolve: (_root, args, context) => trackDossier(context, args.receiptCode, args.pin),
  }),
);

// ───────────────────────── timeliness report ─────────────────────────

const TimelinessGroupByEnum = builder.enumType('TimelinessGroupBy', {
  values: {
    AGENCY: { value: 'agency' },
    PROCEDURE: { value: 'procedure' },
    MONTH: { value: 'month' },
  } as const,
});

type IndexGroup = TimelinessCountsRow['processingProgress'];
type IndexIndicator = IndexGroup['indicators'][number];

const IndicatorRef = builder.objectRef<IndexIndicator>('ServiceIndexIndicatorResult').implement({
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.string({ resolve: (i) => i.name.vi }),
    nameEn: t.string({ resolve: (i) => i.name.en }),
    numerator: t.exposeFloat('numerator'),
    denominator: t.exposeFloat('denominator'),
    ratio: t.exposeFloat('ratio', { nullable: true }),
    points: t.exposeFloat('points', { nullable: true }),
    max: t.exposeFloat('max'),
    applicable: t.exposeBoolean('applicable'),
  }),
});

const IndexGroupRef = builder.objectRef<IndexGroup>('ServiceIndexGroupResult').implement({
  description: 'Một nhóm của Chỉ số 766. / One group of the 766 index.',
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.string({ resolve: (g) => g.name.vi }),
    nameEn: t.string({ resolve: (g) => g.name.en }),
    points: t.exposeFloat('points', { nullable: true }),
    max: t.exposeFloat('max'),
    indicators: t.field({ type: [IndicatorRef], resolve: (g) => g.indicators }),
  }),
});

const TimelinessRowRef = builder.objectRef<TimelinessCountsRow>('TimelinessRow').implement({
  fields: (t) => ({
    key: t.exposeString('key'),
    agencyId: t.id({
      nullable: true,
      resolve: (r) => (r.agencyId ? encodeGlobalID('Agency', r.agencyId) : null),
    }),
    agencyName: t.string({
      nullable: true,
      resolve: async (r, _a, c) =>
        r.agencyId ? ((await c.loaders.agencies.agencyById.load(r.agencyId))?.nameVi ?? null) : null,
    }),
    procedureId: t.id({
      nullable: true,
      resolve: (r) => (r.procedureId ? encodeGlobalID('Procedure', r.procedureId) : null),
    }),
    procedureCode: t.string({
      nullable: true,
      resolve: async (r, _a, c) =>
        r.procedureId ? ((await c.loaders.procedures.procedureById.load(r.procedureId))?.code ?? null) : null,
    }),
    procedureName: t.string({
      nullable: true,
      resolve: async (r, _a, c) =>
        r.procedureId
          ? ((await c.loaders.procedures.procedureById.load(r.procedureId))?.nameVi ?? null)
          : null,
    }),
    month: t.string({ nullable: true, description: 'YYYY-MM', resolve: (r) => r.month }),
    received: t.exposeInt('received'),
    early: t.exposeInt('early'),
    onTime: t.exposeInt('onTime'),
    late: t.exposeInt('late'),
    open: t.exposeInt('open'),
    openLate: t.exposeInt('openLate'),
    closedWithoutResult: t.exposeInt('closedWithoutResult'),
    onTimeRate: t.exposeFloat('onTimeRate', { nullable: true }),
    processingProgress: t.field({ type: IndexGroupRef, resolve: (r) => r.processingProgress }),
  }),
});

const TimelinessReportRef = builder.objectRef<TimelinessReport>('TimelinessReport').implement({
  description:
    'Tình hình giải quyết hồ sơ đúng hạn trong kỳ. / Timeliness of the dossiers received in a period.',
  fields: (t) => ({
    from: t.field({ type: 'Date', resolve: (r) => r.from }),
    to: t.field({ type: 'Date', resolve: (r) => r.to }),
    asOf: t.field({ type: 'DateTime', resolve: (r) => r.asOf }),
    groupBy: t.field({ type: TimelinessGroupByEnum, resolve: (r) => r.groupBy }),
    groups: t.field({ type: [TimelinessRowRef], resolve: (r) => r.groups }),
    total: t.field({ type: TimelinessRowRef, resolve: (r) => r.total }),
  }),
});

builder.queryField('timelinessReport', (t) =>
  t.field({
    type: TimelinessReportRef,
    description:
      'Số hồ sơ trước hạn, đúng hạn, quá hạn của một cơ quan hoặc đơn vị. / Early, on-time and late counts of an agency or a unit.',
    authScopes: { loggedIn: true },
    errors: { types: [ForbiddenError], directResult: true },
    args: {
      agencyId: t.arg.globalID({ description: 'Global ID of an Agency (or give unitId).' }),
      unitId: t.arg.globalID({ for: [AdministrativeUnitRef] }),
      from: t.arg({ type: 'Date', required: true, validate: civilDateInput }),
      to: t.arg({ type: 'Date', required: true, validate: civilDateInput }),
      groupBy: t.arg({ type: TimelinessGroupByEnum, required: true }),
    },
    resolve: (_root, args, context) => {
      const scope = args.agencyId
        ? { agencyId: agencyIdOf(args.agencyId) }
        : args.unitId
          ? { unitId: args.unitId.id }
          : null;
      if (!scope || (args.agencyId && args.unitId)) {
        throw new ValidationError([
          {
            path: ['agencyId'],
            message: 'Cần đúng một trong agencyId hoặc unitId.',
            messageEn: 'Give exactly one of agencyId or unitId.',
          },
        ]);
      }
      return timelinessReport(context, scope, { from: args.from, to: args.to }, args.groupBy);
    },
  }),
);
