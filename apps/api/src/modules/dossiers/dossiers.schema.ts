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
import { checkPageSize } from '../../schema/pagination.js';
import { selectedFieldNames } from '../../schema/selection.js';
import { AgencyRef } from '../agencies/agencies.schema.js';
import { ProcedureCaseRef, ProcedureRef } from '../procedures/procedures.schema.js';
import type { IssuedToken } from '../surveys/campaigns.service.js';
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
  requestDossierSurvey,
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

const EVENT_ACTION_DESCRIPTIONS: Record<(typeof EVENT_ACTIONS)[number], string> = {
  register_online: 'Đăng ký trực tuyến (→ 1). / Registered online.',
  receive: 'Tiếp nhận, cấp biên nhận mẫu 01 (→ 2). / Received, with a receipt (form 01).',
  apologize: 'Gửi phiếu xin lỗi và hẹn lại, mẫu 04. / Apology and new appointment sent (form 04).',
  ...TRANSITION_DESCRIPTIONS,
};

export const DossierEventActionEnum = builder.enumType('DossierEventAction', {
  description: 'Sự kiện trong lịch sử hồ sơ. / An event of a dossier’s history.',
  values: Object.fromEntries(
    EVENT_ACTIONS.map((a) => [a.toUpperCase(), { value: a, description: EVENT_ACTION_DESCRIPTIONS[a] }]),
  ) as Record<string, { value: string; description: string }>,
});

// ───────────────────────── objects ─────────────────────────

const DossierEventRef = builder.objectRef<DossierEventRow>('DossierEvent').implement({
  description: 'Một sự kiện (chỉ thêm, không sửa). / One event of the history (append-only).',
  fields: (t) => ({
    at: t.field({
      type: 'DateTime',
      description: 'Thời điểm xảy ra. / When it happened.',
      resolve: (e) => e.at,
    }),
    action: t.field({
      type: DossierEventActionEnum,
      description: 'Sự kiện. / What happened.',
      resolve: (e) => e.action,
    }),
    fromState: t.field({
      type: DossierStateEnum,
      description:
        'Trạng thái trước (trống với sự kiện đầu tiên). / State before (null for the first event).',
      nullable: true,
      resolve: (e) => e.fromStatus,
    }),
    toState: t.field({
      type: DossierStateEnum,
      description: 'Trạng thái sau. / State after.',
      resolve: (e) => e.toStatus,
    }),
    actorUserId: t.id({
      nullable: true,
      description: 'Global ID of the officer (type User).',
      resolve: (e) => (e.actorUserId ? encodeGlobalID('User', e.actorUserId) : null),
    }),
    actorName: t.string({
      description:
        'Tên cán bộ thực hiện, nếu bạn được xem. / Name of the officer who acted, when you may see it.',
      nullable: true,
      resolve: (e) => e.actorName,
    }),
    note: t.exposeString('note', {
      description: "Ghi chú của cán bộ. / The officer's note.",
      nullable: true,
    }),
  }),
});

const ApologyRef = builder.objectRef<DossierRow>('DossierApology').implement({
  description: 'Phiếu xin lỗi và hẹn lại (mẫu 04). / Apology and new appointment (form 04).',
  fields: (t) => ({
    reason: t.string({
      description: 'Lý do trễ hạn ghi trong phiếu xin lỗi. / Reason for the delay stated in the apology.',
      resolve: (d) => d.apologyReason ?? '',
    }),
    newAppointment: t.field({
      type: 'DateTime',
      description: 'Hẹn trả kết quả mới (giờ Việt Nam). / New appointment for the result (Vietnam time).',
      resolve: (d) => d.newAppointmentAt!,
    }),
  }),
});

export const DossierRef = builder.objectRef<DossierRow>('Dossier');

builder.node(DossierRef, {
  description: 'Một hồ sơ thủ tục hành chính tại bộ phận một cửa. / A dossier at a one-stop desk.',
  id: { resolve: (d) => dossierKeyString(d) },
  loadMany: (keys, context) => Promise.all(keys.map((key) => findVisibleDossier(context, key))),
  fields: (t) => ({
    receiptCode: t.exposeString('receiptCode', { description: 'Mã biên nhận. / Receipt code.' }),
    state: t.field({
      type: DossierStateEnum,
      description: 'Trạng thái hiện tại. / Current state.',
      resolve: (d) => d.status,
    }),
    stateName: t.string({
      description: 'Tên trạng thái, tiếng Việt. / Vietnamese name of the state.',
      resolve: (d) => STATUS_NAMES[d.status]![0],
    }),
    stateNameEn: t.string({
      description: 'Tên trạng thái, tiếng Anh. / English name of the state.',
      resolve: (d) => STATUS_NAMES[d.status]![1],
    }),
    clockStopped: t.boolean({
      description:
        'Đồng hồ hạn đang dừng (chờ bổ sung hoặc chờ nộp phí). / The deadline clock is stopped (awaiting a supplement or a payment).',
      resolve: (d) => d.status === 5 || d.status === 6,
    }),
    channel: t.field({
      type: DossierChannelEnum,
      description: 'Kênh nộp. / Submission channel.',
      resolve: (d) => d.channel,
    }),
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
      description: 'Mã cơ quan tiếp nhận. / Code of the receiving agency.',
      deprecationReason: 'Dùng agency { code }. / Use agency { code }.',
      resolve: async (d, _a, c) => (await c.loaders.agencies.agencyById.load(d.agencyId))?.code ?? '',
    }),
    agencyName: t.string({
      description: 'Tên cơ quan tiếp nhận. / Name of the receiving agency.',
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
      description: 'Tên thủ tục. / Name of the procedure.',
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
      description: "Tên trường hợp giải quyết của thủ tục, nếu có. / Name of the procedure's case, if any.",
      nullable: true,
      deprecationReason: 'Dùng case { name }. / Use case { name }.',
      resolve: async (d, _a, c) =>
        d.caseId ? ((await c.loaders.procedures.caseById.load(d.caseId))?.nameVi ?? null) : null,
    }),
    receivedAt: t.field({
      type: 'DateTime',
      description: 'Thời điểm tiếp nhận (ISO 8601). / When it was received (ISO 8601).',
      resolve: (d) => d.receivedAt,
    }),
    dueAt: t.field({
      type: 'DateTime',
      nullable: true,
      description:
        'Hạn giải quyết; khi đồng hồ đang dừng, hạn sẽ lùi khi tiếp tục. / Due time; moves later when a paused clock resumes.',
      resolve: (d) => d.dueAt,
    }),
    finishedAt: t.field({
      type: 'DateTime',
      description:
        'Thời điểm có kết quả hoặc kết thúc (trống khi đang xử lý). / When it got its result or ended (null while open).',
      nullable: true,
      resolve: (d) => d.finishedAt,
    }),
    returnedAt: t.field({
      type: 'DateTime',
      description:
        'Thời điểm trả kết quả (trống nếu chưa). / When the result was returned (null if not yet).',
      nullable: true,
      resolve: (d) => d.returnedAt,
    }),
    pausedHours: t.float({
      description: 'Số giờ làm việc đồng hồ đã dừng. / Working hours the clock was stopped.',
      resolve: (d) => Number(d.pausedHours),
    }),
    allowedHours: t.float({
      nullable: true,
      description: 'Giờ làm việc được giao khi tiếp nhận. / Working hours granted at receipt.',
      resolve: (d) => (d.allowedHours === null ? null : Number(d.allowedHours)),
    }),
    supplementRequested: t.exposeBoolean('supplementRequested', {
      description: 'Đã yêu cầu bổ sung (chỉ được một lần). / A supplement was requested (allowed once).',
    }),
    apology: t.field({
      type: ApologyRef,
      description:
        'Phiếu xin lỗi và hẹn lại (mẫu 04), nếu đã gửi. / The apology and new appointment (form 04), if issued.',
      nullable: true,
      resolve: (d) => (d.apologyIssued ? d : null),
    }),
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
      description: 'Sự kiện gần nhất. / The latest event.',
      type: DossierEventRef,
      nullable: true,
      resolve: (d, _a, c) => c.loaders.dossiers.lastEventOf.load(dossierKeyString(d)),
    }),
    events: t.field({
      description: 'Lịch sử đầy đủ, cũ nhất trước. / The full history, oldest first.',
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
    args: {
      id: t.arg.globalID({
        description: 'ID toàn cục của Dossier. / Global ID of the Dossier.',
        required: true,
        for: [DossierRef],
      }),
    },
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
      overdueOnly: t.arg.boolean({
        description: 'Chỉ hồ sơ đang mở đã quá hạn. / Only open dossiers past their due time.',
        defaultValue: false,
      }),
    },
    resolve: (_root, args, context, info) => {
      checkPageSize(args);
      const selected = selectedFieldNames(info);
      return dossierQueue(context, {
        include: { procedure: selected.has('procedure'), lastEvent: selected.has('lastEvent') },
        agencyId: agencyIdOf(args.agencyId),
        statuses: args.states ?? null,
        overdueOnly: args.overdueOnly ?? false,
        first: args.first ?? 50,
        after: args.after ?? null,
      });
    },
  }),
);

// ───────────────────────── mutations ─────────────────────────

const ReceiveDossierResultRef = builder.objectRef<Received>('ReceiveDossierResult').implement({
  description:
    'Hồ sơ vừa tiếp nhận và mã PIN (chỉ hiện một lần). / The dossier received and its PIN (shown once).',
  fields: (t) => ({
    dossier: t.field({
      type: DossierRef,
      description: 'Hồ sơ vừa tiếp nhận. / The dossier just received.',
      resolve: (r) => r.dossier,
    }),
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
      channel: t.arg({
        type: DossierChannelEnum,
        description: 'Kênh nộp. / Submission channel.',
        required: true,
      }),
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
    dossier: t.field({
      type: DossierRef,
      description: 'Hồ sơ sau thao tác. / The dossier after the action.',
      resolve: (r) => r.dossier,
    }),
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
      id: t.arg.globalID({
        description: 'ID toàn cục của Dossier. / Global ID of the Dossier.',
        required: true,
        for: [DossierRef],
      }),
      action: t.arg({
        type: DossierActionEnum,
        description:
          'Thao tác (phải hợp lệ với trạng thái hiện tại). / The action (must be allowed from the current state).',
        required: true,
      }),
      note: t.arg.string({
        description: 'Ghi chú, lưu vào lịch sử. / A note, kept in the history.',
        validate: noteInput,
      }),
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
      id: t.arg.globalID({
        description: 'ID toàn cục của Dossier. / Global ID of the Dossier.',
        required: true,
        for: [DossierRef],
      }),
      note: t.arg.string({
        description: 'Ghi chú, lưu vào lịch sử. / A note, kept in the history.',
        validate: noteInput,
      }),
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
      id: t.arg.globalID({
        description: 'ID toàn cục của Dossier. / Global ID of the Dossier.',
        required: true,
        for: [DossierRef],
      }),
      reason: t.arg.string({
        description: 'Lý do trễ hạn gửi người nộp. / Reason for the delay, told to the applicant.',
        required: true,
        validate: stringRule(
          (r) => r.trim().length > 0 && r.length <= 2000,
          'Cần ghi lý do xin lỗi (tối đa 2000 ký tự).',
          'A reason is required (at most 2000 characters).',
        ),
      }),
      newAppointment: t.arg({
        type: 'DateTime',
        description:
          'Hẹn trả kết quả mới, sau hạn hiện tại. / New appointment for the result, after the current due time.',
        required: true,
      }),
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
    at: t.field({ type: 'DateTime', description: 'Thời điểm. / When.', resolve: (e) => e.at }),
    action: t.field({
      type: DossierEventActionEnum,
      description: 'Sự kiện. / What happened.',
      resolve: (e) => e.action,
    }),
    state: t.field({
      type: DossierStateEnum,
      description: 'Trạng thái sau sự kiện. / State after the event.',
      resolve: (e) => e.toStatus,
    }),
  }),
});

const TrackingRef = builder.objectRef<TrackingView>('DossierTracking').implement({
  description: 'Tình trạng hồ sơ cho người nộp. / A dossier’s status for its applicant.',
  fields: (t) => ({
    receiptCode: t.string({
      description: 'Mã biên nhận. / Receipt code.',
      resolve: (v) => v.dossier.receiptCode,
    }),
    state: t.field({
      type: DossierStateEnum,
      description: 'Trạng thái hiện tại. / Current state.',
      resolve: (v) => v.dossier.status,
    }),
    stateName: t.string({
      description: 'Tên trạng thái, tiếng Việt. / Vietnamese name of the state.',
      resolve: (v) => STATUS_NAMES[v.dossier.status]![0],
    }),
    stateNameEn: t.string({
      description: 'Tên trạng thái, tiếng Anh. / English name of the state.',
      resolve: (v) => STATUS_NAMES[v.dossier.status]![1],
    }),
    receivedAt: t.field({
      type: 'DateTime',
      description: 'Thời điểm tiếp nhận. / When it was received.',
      resolve: (v) => v.dossier.receivedAt,
    }),
    dueAt: t.field({
      type: 'DateTime',
      description:
        'Hạn trả kết quả (ISO 8601, giờ Việt Nam). / Due time for the result (ISO 8601, Vietnam time).',
      nullable: true,
      resolve: (v) => v.dossier.dueAt,
    }),
    history: t.field({
      type: [TrackingEventRef],
      description:
        'Các bước đã qua, cũ nhất trước (không có tên cán bộ). / Steps so far, oldest first (no officer names).',
      resolve: (v) => v.events,
    }),
    apology: t.field({
      description: 'Phiếu xin lỗi và hẹn lại, nếu có. / The apology and new appointment, if any.',
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

/** The receipt code and PIN a citizen gives to track a dossier or ask for its survey. */
const trackingArgs = builder.args((t) => ({
  receiptCode: t.string({
    description: 'Mã biên nhận, ví dụ BKN-STP-190102-0001. / Receipt code, e.g. BKN-STP-190102-0001.',
    required: true,
    validate: receiptCodeInput,
  }),
  pin: t.string({
    description: 'Mã PIN in trên giấy biên nhận. / The PIN printed on the receipt.',
    required: true,
    validate: pinInput,
  }),
}));

builder.queryField('dossierStatus', (t) =>
  t.field({
    type: TrackingRef,
    description:
      'Tra cứu hồ sơ bằng mã biên nhận và mã PIN, không cần đăng nhập. / Track a dossier by receipt code and PIN, no sign-in.',
    authScopes: { public: true },
    errors: { types: [NotFoundError, TooManyRequestsError], directResult: true },
    args: trackingArgs,
    resolve: (_root, args, context) => trackDossier(context, args.receiptCode, args.pin),
  }),
);

const DossierSurveyRef = builder.objectRef<IssuedToken>('DossierSurveyInvitation').implement({
  description:
    'Đường dẫn khảo sát dùng một lần cho hồ sơ đã trả kết quả; chỉ hiện một lần. / A single-use survey link for a returned dossier; shown once.',
  fields: (t) => ({
    url: t.exposeString('url', {
      description:
        'Đường dẫn đến phiếu khảo sát (/khao-sat/<mã>). / The path of the survey form (/khao-sat/<token>).',
    }),
    expiresAt: t.string({
      description: 'Hạn dùng (ISO 8601). / When it expires (ISO 8601).',
      resolve: (issued) => issued.expiresAt.toISOString(),
    }),
  }),
});

builder.mutationField('requestDossierSurvey', (t) =>
  t.field({
    type: DossierSurveyRef,
    description:
      'Người dân xin đường dẫn đánh giá sự phục vụ của hồ sơ đã trả kết quả, bằng mã biên nhận và mã PIN; mã cũ chưa dùng bị thay thế. / The citizen asks for the survey link of a returned dossier with its receipt code and PIN; an earlier unused link is replaced.',
    authScopes: { public: true },
    errors: { types: [NotFoundError, ConflictError, TooManyRequestsError] },
    args: trackingArgs,
    resolve: (_root, args, context) => requestDossierSurvey(context, args.receiptCode, args.pin),
  }),
);

// ───────────────────────── timeliness report ─────────────────────────

const TimelinessGroupByEnum = builder.enumType('TimelinessGroupBy', {
  description: 'Cách nhóm báo cáo đúng hạn. / How to group the timeliness report.',
  values: {
    AGENCY: { description: 'Theo cơ quan. / By agency.', value: 'agency' },
    PROCEDURE: { description: 'Theo thủ tục. / By procedure.', value: 'procedure' },
    MONTH: { description: 'Theo tháng tiếp nhận. / By month of receipt.', value: 'month' },
  } as const,
});

type IndexGroup = TimelinessCountsRow['processingProgress'];
type IndexIndicator = IndexGroup['indicators'][number];

const IndicatorRef = builder.objectRef<IndexIndicator>('ServiceIndexIndicatorResult').implement({
  description:
    'Một chỉ tiêu của chỉ số 766 tính trên các hồ sơ này. / One Decision 766 indicator computed from these dossiers.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Mã chỉ tiêu, ví dụ "2.1". / Indicator code, e.g. "2.1".' }),
    name: t.string({
      description: 'Tên chỉ tiêu, tiếng Việt. / Vietnamese name of the indicator.',
      resolve: (i) => i.name.vi,
    }),
    nameEn: t.string({
      description: 'Tên chỉ tiêu, tiếng Anh. / English name of the indicator.',
      resolve: (i) => i.name.en,
    }),
    numerator: t.exposeFloat('numerator', { description: 'Tử số của tỷ lệ. / Numerator of the ratio.' }),
    denominator: t.exposeFloat('denominator', {
      description: 'Mẫu số của tỷ lệ (0: không áp dụng). / Denominator of the ratio (0: not applicable).',
    }),
    ratio: t.exposeFloat('ratio', {
      description:
        'Tỷ lệ tử/mẫu (trống khi không áp dụng). / Numerator over denominator (null when not applicable).',
      nullable: true,
    }),
    points: t.exposeFloat('points', {
      description: 'Điểm đạt được (trống khi không áp dụng). / Points earned (null when not applicable).',
      nullable: true,
    }),
    max: t.exposeFloat('max', { description: 'Điểm tối đa. / Maximum points.' }),
    applicable: t.exposeBoolean('applicable', {
      description: 'Có dữ liệu để tính (mẫu số > 0). / There is data to compute it (denominator > 0).',
    }),
  }),
});

const IndexGroupRef = builder.objectRef<IndexGroup>('ServiceIndexGroupResult').implement({
  description: 'Một nhóm của Chỉ số 766. / One group of the 766 index.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Mã nhóm (1–5). / Group code (1–5).' }),
    name: t.string({
      description: 'Tên nhóm, tiếng Việt. / Vietnamese name of the group.',
      resolve: (g) => g.name.vi,
    }),
    nameEn: t.string({
      description: 'Tên nhóm, tiếng Anh. / English name of the group.',
      resolve: (g) => g.name.en,
    }),
    points: t.exposeFloat('points', {
      description:
        'Điểm của nhóm (trống khi không chỉ tiêu nào áp dụng). / Points of the group (null when no indicator applies).',
      nullable: true,
    }),
    max: t.exposeFloat('max', { description: 'Điểm tối đa của nhóm. / Maximum points of the group.' }),
    indicators: t.field({
      type: [IndicatorRef],
      description: "Các chỉ tiêu của nhóm. / The group's indicators.",
      resolve: (g) => g.indicators,
    }),
  }),
});

const TimelinessRowRef = builder.objectRef<TimelinessCountsRow>('TimelinessRow').implement({
  description:
    'Số hồ sơ theo kết quả đúng hạn của một nhóm (hoặc tổng). / Dossier counts by timeliness for one group (or the total).',
  fields: (t) => ({
    key: t.exposeString('key', {
      description:
        'Khoá nhóm: số hiệu cơ quan hoặc thủ tục, YYYY-MM, hoặc "total" cho dòng tổng. / Group key: the agency or procedure row id, YYYY-MM, or "total" for the total row.',
    }),
    agencyId: t.id({
      description:
        'ID toàn cục của Agency (khi nhóm theo cơ quan). / Global ID of the Agency (grouped by agency).',
      nullable: true,
      resolve: (r) => (r.agencyId ? encodeGlobalID('Agency', r.agencyId) : null),
    }),
    agencyName: t.string({
      description: 'Tên cơ quan (khi nhóm theo cơ quan). / Agency name (grouped by agency).',
      nullable: true,
      resolve: async (r, _a, c) =>
        r.agencyId ? ((await c.loaders.agencies.agencyById.load(r.agencyId))?.nameVi ?? null) : null,
    }),
    procedureId: t.id({
      description:
        'ID toàn cục của Procedure (khi nhóm theo thủ tục). / Global ID of the Procedure (grouped by procedure).',
      nullable: true,
      resolve: (r) => (r.procedureId ? encodeGlobalID('Procedure', r.procedureId) : null),
    }),
    procedureCode: t.string({
      description: 'Mã TTHC (khi nhóm theo thủ tục). / National procedure code (grouped by procedure).',
      nullable: true,
      resolve: async (r, _a, c) =>
        r.procedureId ? ((await c.loaders.procedures.procedureById.load(r.procedureId))?.code ?? null) : null,
    }),
    procedureName: t.string({
      description: 'Tên thủ tục (khi nhóm theo thủ tục). / Procedure name (grouped by procedure).',
      nullable: true,
      resolve: async (r, _a, c) =>
        r.procedureId
          ? ((await c.loaders.procedures.procedureById.load(r.procedureId))?.nameVi ?? null)
          : null,
    }),
    month: t.string({ nullable: true, description: 'YYYY-MM', resolve: (r) => r.month }),
    received: t.exposeInt('received', {
      description: 'Số hồ sơ tiếp nhận trong kỳ. / Dossiers received in the period.',
    }),
    early: t.exposeInt('early', { description: 'Có kết quả trước hạn. / Finished before the due date.' }),
    onTime: t.exposeInt('onTime', {
      description: 'Có kết quả đúng hạn (trong ngày hạn). / Finished on the due date.',
    }),
    late: t.exposeInt('late', { description: 'Có kết quả quá hạn. / Finished after the due date.' }),
    open: t.exposeInt('open', {
      description: 'Còn đang xử lý cuối kỳ. / Still open at the end of the period.',
    }),
    openLate: t.exposeInt('openLate', {
      description:
        'Còn đang xử lý và đã quá hạn (tính là trễ). / Still open and already past due (counted late).',
    }),
    closedWithoutResult: t.exposeInt('closedWithoutResult', {
      description:
        'Từ chối, rút hoặc dừng: không có kết quả nên không tính đúng hạn. / Refused, withdrawn or stopped: no result, so outside timeliness.',
    }),
    onTimeRate: t.exposeFloat('onTimeRate', {
      description:
        'Tỷ lệ trước hạn và đúng hạn trên số đã có kết quả (0–1; trống nếu không có). / Early plus on time over those finished (0–1; null if none).',
      nullable: true,
    }),
    processingProgress: t.field({
      type: IndexGroupRef,
      description:
        'Nhóm 2 của chỉ số 766 ("tiến độ giải quyết") từ các hồ sơ này. / Group 2 of the 766 index ("processing progress") from these dossiers.',
      resolve: (r) => r.processingProgress,
    }),
  }),
});

const TimelinessReportRef = builder.objectRef<TimelinessReport>('TimelinessReport').implement({
  description:
    'Tình hình giải quyết hồ sơ đúng hạn trong kỳ. / Timeliness of the dossiers received in a period.',
  fields: (t) => ({
    from: t.field({
      type: 'Date',
      description: 'Ngày đầu kỳ (theo ngày tiếp nhận). / First day of the period (by receipt date).',
      resolve: (r) => r.from,
    }),
    to: t.field({
      type: 'Date',
      description: 'Ngày cuối kỳ. / Last day of the period.',
      resolve: (r) => r.to,
    }),
    asOf: t.field({
      type: 'DateTime',
      description:
        'Thời điểm tính (hồ sơ mở quá hạn tính đến lúc này). / When it was computed (open dossiers are late as of then).',
      resolve: (r) => r.asOf,
    }),
    groupBy: t.field({
      type: TimelinessGroupByEnum,
      description: 'Cách nhóm. / The grouping.',
      resolve: (r) => r.groupBy,
    }),
    groups: t.field({
      type: [TimelinessRowRef],
      description: 'Các nhóm. / The groups.',
      resolve: (r) => r.groups,
    }),
    total: t.field({
      type: TimelinessRowRef,
      description: 'Tổng các nhóm. / The total over all groups.',
      resolve: (r) => r.total,
    }),
  }),
});

builder.queryField('timelinessReport', (t) =>
  t.field({
    type: TimelinessReportRef,
    description:
      'Số hồ sơ trước hạn, đúng hạn, quá hạn của một cơ quan hoặc đơn vị (cho người đăng nhập, hoặc khoá API có phạm vi READ_DOSSIERS trong quyền của chủ khoá). / Early, on-time and late counts of an agency or a unit (for people signed in, or API keys with the READ_DOSSIERS scope within their owner’s grants).',
    authScopes: { $any: { loggedIn: true, apiKey: 'read:dossiers' } },
    errors: { types: [ForbiddenError], directResult: true },
    args: {
      agencyId: t.arg.globalID({ description: 'Global ID of an Agency (or give unitId).' }),
      unitId: t.arg.globalID({
        description:
          'ID toàn cục của AdministrativeUnit (hoặc dùng agencyId). / Global ID of an AdministrativeUnit (or give agencyId).',
        for: [AdministrativeUnitRef],
      }),
      from: t.arg({
        type: 'Date',
        description: 'Ngày đầu kỳ (YYYY-MM-DD). / First day (YYYY-MM-DD).',
        required: true,
        validate: civilDateInput,
      }),
      to: t.arg({
        type: 'Date',
        description: 'Ngày cuối kỳ (YYYY-MM-DD). / Last day (YYYY-MM-DD).',
        required: true,
        validate: civilDateInput,
      }),
      groupBy: t.arg({
        type: TimelinessGroupByEnum,
        description: 'Cách nhóm. / How to group.',
        required: true,
      }),
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
