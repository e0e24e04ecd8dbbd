import type { FeedbackStatus } from '@chiso/db';
import { encodeGlobalID, resolveCursorConnection } from '@pothos/plugin-relay';
import { ConflictError, ForbiddenError, NotFoundError, TooManyRequestsError } from '../../errors.js';
import { builder } from '../../schema/builder.js';
import { checkPageSize, PAGE_SIZES } from '../../schema/pagination.js';
import { AgencyRef } from '../agencies/agencies.schema.js';
import { ProcedureRef } from '../procedures/procedures.schema.js';
import { feedbackKey } from './feedback.loaders.js';
import { type FeedbackEventRow, type FeedbackRow, listInbox, listPublished } from './feedback.repo.js';
import {
  answerFeedback,
  classifyFeedback,
  decodeKeysetCursor,
  encodeKeysetCursor,
  type FeedbackContact,
  getFeedbackByCode,
  getFeedbackForOfficer,
  isOverdue,
  publishFeedbackAnswer,
  rateFeedbackHandling,
  readFeedbackContact,
  rejectFeedback,
  resolveInboxScope,
  resolvePublishedFilter,
  submitFeedback,
  transferFeedback,
} from './feedback.service.js';

const FeedbackSubjectEnum = builder.enumType('FeedbackSubject', {
  description: 'Phản ánh về điều gì. / What the feedback is about.',
  values: {
    PROCEDURE: { value: 'procedure', description: 'Một thủ tục hành chính. / An administrative procedure.' },
    AGENCY: { value: 'agency', description: 'Một cơ quan. / An agency.' },
    DOSSIER: { value: 'dossier', description: 'Một hồ sơ đã nộp. / A dossier submitted.' },
    OTHER: { value: 'other', description: 'Việc khác. / Something else.' },
  } as const,
});

const FeedbackChannelEnum = builder.enumType('FeedbackChannel', {
  description: 'Kênh tiếp nhận. / Channel of receipt.',
  values: {
    PORTAL: { value: 'portal', description: 'Cổng dịch vụ công. / Public portal.' },
    HOTLINE: { value: 'hotline', description: 'Đường dây nóng. / Hotline.' },
    MAIL: { value: 'mail', description: 'Thư. / Mail.' },
    DESK: { value: 'desk', description: 'Trực tiếp tại bộ phận một cửa. / At the one-stop desk.' },
  } as const,
});

const FeedbackCategoryEnum = builder.enumType('FeedbackCategory', {
  description: 'Phân loại phản ánh. / Classification of feedback.',
  values: {
    REGULATION: {
      value: 'regulation',
      description: 'Về quy định hành chính (hạn ~30 ngày làm việc). / About a regulation (~30 working days).',
    },
    CONDUCT: {
      value: 'conduct',
      description: 'Về hành vi của cán bộ (hạn ~10 ngày làm việc). / About conduct (~10 working days).',
    },
    OUT_OF_SCOPE: { value: 'out_of_scope', description: 'Không thuộc phạm vi. / Out of scope.' },
  } as const,
});

const FeedbackStatusEnum = builder.enumType('FeedbackStatus', {
  description: 'Trạng thái xử lý phản ánh. / Handling status.',
  values: {
    RECEIVED: { value: 'received', description: 'Đã tiếp nhận. / Received.' },
    CLASSIFIED: { value: 'classified', description: 'Đã phân loại. / Classified.' },
    TRANSFERRED: { value: 'transferred', description: 'Đã chuyển cơ quan khác. / Transferred.' },
    ANSWERED: { value: 'answered', description: 'Đã trả lời. / Answered.' },
    PUBLISHED: { value: 'published', description: 'Đã công khai câu trả lời. / Answer published.' },
    CLOSED: { value: 'closed', description: 'Đã đóng. / Closed.' },
    REJECTED: { value: 'rejected', description: 'Từ chối xử lý. / Rejected.' },
  } as const satisfies Record<string, { value: FeedbackStatus; description: string }>,
});

const FeedbackContactInput = builder.inputType('FeedbackContactInput', {
  description:
    'Thông tin liên hệ tối thiểu, chỉ dùng để trả lời phản ánh; được mã hóa khi lưu. / Minimal contact, used only to answer; stored encrypted.',
  fields: (t) => ({
    name: t.string({ description: 'Họ tên người phản ánh. / Full name of the submitter.', required: true }),
    phone: t.string({ description: 'Số điện thoại (phone hoặc email). / Phone number (phone or email).' }),
    email: t.string({ description: 'Email (phone hoặc email). / Email (phone or email).' }),
  }),
});

const SubmitFeedbackInput = builder.inputType('SubmitFeedbackInput', {
  description: 'Một phản ánh, kiến nghị gửi từ người dân. / Feedback or a petition from a citizen.',
  fields: (t) => ({
    subject: t.field({
      type: FeedbackSubjectEnum,
      description:
        'Phản ánh về thủ tục, cơ quan, hồ sơ hay việc khác. / About a procedure, an agency, a dossier or something else.',
      required: true,
    }),
    procedureCode: t.string({ description: 'Mã TTHC, ví dụ 1.004227. / National procedure code.' }),
    agencyCode: t.string({ description: 'Mã cơ quan. / Agency code.' }),
    provinceCode: t.string({
      description:
        'Mã tỉnh khi không chọn cơ quan (chủ đề OTHER). / Province code when no agency is chosen (subject OTHER).',
    }),
    dossierReceiptCode: t.string({ description: 'Mã biên nhận hồ sơ. / Dossier receipt code.' }),
    dossierPin: t.string({ description: 'Mã PIN trên biên nhận. / PIN printed on the receipt.' }),
    title: t.string({ description: 'Tiêu đề ngắn. / A short title.', required: true }),
    body: t.string({ description: 'Nội dung phản ánh. / The feedback itself.', required: true }),
    channel: t.field({
      type: FeedbackChannelEnum,
      description:
        'Kênh tiếp nhận (mặc định cổng thông tin). / Channel it came through (default: the portal).',
      defaultValue: 'portal',
    }),
    anonymous: t.boolean({
      description: 'Mặc định: ẩn danh khi không có liên hệ. / Default: anonymous when no contact is given.',
    }),
    contact: t.field({
      description:
        'Thông tin liên hệ để trả lời (tuỳ chọn; cần consent). / Contact for the answer (optional; needs consent).',
      type: FeedbackContactInput,
    }),
    consent: t.boolean({
      description:
        'Đồng ý lưu liên hệ; bắt buộc là true khi có liên hệ (im lặng không phải là đồng ý). / Consent to keep the contact; must be true with a contact (silence is not consent).',
    }),
    idempotencyKey: t.string({
      required: true,
      description: 'Khóa chống gửi trùng, 8–100 ký tự. / Retry key, 8–100 characters.',
    }),
  }),
});

/** What the submitter keeps: the code is their key to follow up and rate. */
const FeedbackReceiptRef = builder.objectRef<FeedbackRow>('FeedbackReceipt').implement({
  description: 'Biên nhận phản ánh. / Feedback receipt.',
  fields: (t) => ({
    code: t.exposeString('code', {
      description:
        'Mã tra cứu, giữ bí mật: dùng để theo dõi và đánh giá. / Follow-up code, keep it private: used to follow up and rate.',
    }),
    status: t.field({
      type: FeedbackStatusEnum,
      description: 'Trạng thái xử lý. / Handling status.',
      resolve: (row) => row.status,
    }),
    receivedAt: t.field({
      type: 'String',
      description: 'Thời điểm tiếp nhận (ISO 8601). / When it was received (ISO 8601).',
      resolve: (row) => row.createdAt.toISOString(),
    }),
    dueAt: t.string({
      description:
        'Hạn trả lời (ISO 8601, tính theo ngày làm việc; trống đến khi phân loại). / Answer due (ISO 8601, working days; null until classified).',
      nullable: true,
      resolve: (row) => row.dueAt?.toISOString() ?? null,
    }),
  }),
});

const FeedbackFollowUpRef = builder.objectRef<FeedbackRow>('FeedbackFollowUp').implement({
  description:
    'Tình trạng phản ánh theo mã tra cứu; không chứa dữ liệu cá nhân. / Feedback status by follow-up code; no personal data.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Mã tra cứu. / Follow-up code.' }),
    status: t.field({
      type: FeedbackStatusEnum,
      description: 'Trạng thái xử lý. / Handling status.',
      resolve: (row) => row.status,
    }),
    category: t.field({
      type: FeedbackCategoryEnum,
      description: 'Phân loại (sau khi cán bộ phân loại). / Classification (once an officer classified it).',
      nullable: true,
      resolve: (row) => row.category,
    }),
    receivedAt: t.string({
      description: 'Thời điểm tiếp nhận (ISO 8601). / When it was received (ISO 8601).',
      resolve: (row) => row.createdAt.toISOString(),
    }),
    dueAt: t.string({
      description: 'Hạn trả lời (ISO 8601). / Answer due (ISO 8601).',
      nullable: true,
      resolve: (row) => row.dueAt?.toISOString() ?? null,
    }),
    overdue: t.boolean({
      description: 'Đã quá hạn mà chưa trả lời. / Past due without an answer.',
      resolve: (row) => isOverdue(row),
    }),
    answeredAt: t.string({
      description: 'Thời điểm trả lời (ISO 8601). / When it was answered (ISO 8601).',
      nullable: true,
      resolve: (row) => row.answeredAt?.toISOString() ?? null,
    }),
    publishedAt: t.string({
      description: 'Thời điểm công khai câu trả lời (ISO 8601). / When the answer was published (ISO 8601).',
      nullable: true,
      resolve: (row) => row.publishedAt?.toISOString() ?? null,
    }),
    answer: t.string({
      nullable: true,
      description: 'Câu trả lời đã công khai. / The answer, once published.',
      resolve: (row) => (row.status === 'published' ? row.answerText : null),
    }),
    rated: t.boolean({
      description: 'Người dân đã đánh giá việc xử lý. / The citizen has rated the handling.',
      resolve: (row) => row.citizenRating !== null,
    }),
    canRate: t.boolean({
      description:
        'Có thể đánh giá bây giờ (đã trả lời, chưa đánh giá). / Can be rated now (answered, not yet rated).',
      resolve: (row) =>
        row.citizenRating === null && (row.status === 'answered' || row.status === 'published'),
    }),
  }),
});

const FeedbackEventRef = builder.objectRef<FeedbackEventRow>('FeedbackEvent').implement({
  description: 'Một bước trong lịch sử xử lý. / One step of the handling history.',
  fields: (t) => ({
    at: t.string({
      description: 'Thời điểm (ISO 8601). / When (ISO 8601).',
      resolve: (event) => event.at.toISOString(),
    }),
    action: t.exposeString('action', {
      description: 'receive, classify, transfer, answer, publish, reject, rate.',
    }),
    fromStatus: t.field({
      description: 'Trạng thái trước (trống với sự kiện đầu). / Status before (null for the first event).',
      type: FeedbackStatusEnum,
      nullable: true,
      resolve: (event) => event.fromStatus as FeedbackStatus | null,
    }),
    toStatus: t.field({
      type: FeedbackStatusEnum,
      description: 'Trạng thái sau. / Status after.',
      resolve: (event) => event.toStatus as FeedbackStatus,
    }),
    note: t.exposeString('note', {
      description: "Ghi chú của cán bộ. / The officer's note.",
      nullable: true,
    }),
    actorName: t.exposeString('actorName', {
      nullable: true,
      description: 'Cán bộ thực hiện; trống với người dân. / The officer; empty for the citizen.',
    }),
  }),
});

export const FeedbackContactRef = builder.objectRef<FeedbackContact>('FeedbackContact').implement({
  description:
    'Liên hệ đã giải mã (mỗi lần đọc được ghi nhật ký). / Decrypted contact (every read is audited).',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Họ tên người phản ánh. / Full name of the submitter.' }),
    phone: t.exposeString('phone', { description: 'Số điện thoại. / Phone number.', nullable: true }),
    email: t.exposeString('email', { description: 'Email.', nullable: true }),
  }),
});

export const FeedbackRef = builder.objectRef<FeedbackRow>('Feedback').implement({
  description:
    'Một phản ánh, kiến nghị (góc nhìn cán bộ xử lý). / One feedback item (the handling officer’s view).',
  fields: (t) => ({
    id: t.id({
      description: 'ID toàn cục của phản ánh. / Global ID of the feedback.',
      resolve: (row) => encodeGlobalID('Feedback', feedbackKey(row)),
    }),
    code: t.exposeString('code', { description: 'Mã tra cứu. / Follow-up code.' }),
    subject: t.field({
      type: FeedbackSubjectEnum,
      description: 'Đối tượng phản ánh. / What it is about.',
      resolve: (row) => row.subjectKind,
    }),
    category: t.field({
      type: FeedbackCategoryEnum,
      description: 'Phân loại (trống đến khi phân loại). / Classification (null until classified).',
      nullable: true,
      resolve: (row) => row.category,
    }),
    status: t.field({
      type: FeedbackStatusEnum,
      description: 'Trạng thái xử lý. / Handling status.',
      resolve: (row) => row.status,
    }),
    channel: t.field({
      type: FeedbackChannelEnum,
      description: 'Kênh tiếp nhận. / Channel it came through.',
      resolve: (row) => row.channel,
    }),
    title: t.exposeString('title', { description: 'Tiêu đề. / Title.' }),
    body: t.exposeString('body', { description: 'Nội dung. / The feedback text.' }),
    anonymous: t.exposeBoolean('anonymous', {
      description:
        'Người gửi không để lại liên hệ hoặc chọn ẩn danh. / The submitter left no contact or chose anonymity.',
    }),
    hasContact: t.boolean({
      description:
        'Có liên hệ (đọc bằng feedbackContact). / A contact exists (read it with feedbackContact).',
      resolve: (row) => row.contactKeyId !== null,
    }),
    contactErasedAt: t.string({
      nullable: true,
      description:
        'Thời điểm liên hệ bị xóa (hết thời hạn lưu giữ hoặc theo yêu cầu của người phản ánh). / When the contact was deleted (retention limit or the person’s request).',
      resolve: (row) => row.contactErasedAt?.toISOString() ?? null,
    }),
    receivedAt: t.string({
      description: 'Thời điểm tiếp nhận (ISO 8601). / When it was received (ISO 8601).',
      resolve: (row) => row.createdAt.toISOString(),
    }),
    dueAt: t.string({
      description:
        'Hạn trả lời (ISO 8601, ngày làm việc theo lịch). / Answer due (ISO 8601, working days from the calendar).',
      nullable: true,
      resolve: (row) => row.dueAt?.toISOString() ?? null,
    }),
    overdue: t.boolean({
      description: 'Quá hạn mà chưa trả lời. / Past due and not answered.',
      resolve: (row) => isOverdue(row),
    }),
    answer: t.exposeString('answerText', {
      description: "Câu trả lời của cơ quan. / The agency's answer.",
      nullable: true,
    }),
    answeredAt: t.string({
      description: 'Thời điểm trả lời (ISO 8601). / When it was answered (ISO 8601).',
      nullable: true,
      resolve: (row) => row.answeredAt?.toISOString() ?? null,
    }),
    publishAllowed: t.exposeBoolean('publishAllowed', {
      description: 'Được phép công khai câu trả lời. / The answer may be published.',
    }),
    publishedAt: t.string({
      description: 'Thời điểm công khai (ISO 8601). / When the answer was published (ISO 8601).',
      nullable: true,
      resolve: (row) => row.publishedAt?.toISOString() ?? null,
    }),
    citizenRating: t.exposeInt('citizenRating', {
      description:
        "Đánh giá của người dân về việc xử lý (1–5). / The citizen's rating of the handling (1–5).",
      nullable: true,
    }),
    agency: t.field({
      type: AgencyRef,
      nullable: true,
      description: 'Cơ quan xử lý. / The handling agency.',
      resolve: (row, _args, context) =>
        row.agencyId ? context.loaders.agencies.agencyById.load(row.agencyId) : null,
    }),
    procedure: t.field({
      type: ProcedureRef,
      nullable: true,
      description: 'Thủ tục được phản ánh. / The procedure the feedback is about.',
      resolve: (row, _args, context) =>
        row.procedureId ? context.loaders.procedures.procedureById.load(row.procedureId) : null,
    }),
    events: t.field({
      description: 'Lịch sử xử lý, cũ nhất trước. / Handling history, oldest first.',
      type: [FeedbackEventRef],
      resolve: (row, _args, context) => context.loaders.feedback.eventsOf.load(row),
    }),
  }),
});

const PublishedFeedbackRef = builder.objectRef<FeedbackRow>('PublishedFeedback').implement({
  description:
    'Một câu trả lời đã công khai (không có nội dung gốc hay dữ liệu cá nhân của người phản ánh). / A published answer (without the citizen’s text or personal data).',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Mã phản ánh. / Feedback code.' }),
    title: t.exposeString('title', { description: 'Tiêu đề. / Title.' }),
    answer: t.string({
      description: 'Câu trả lời đã công khai. / The published answer.',
      resolve: (row) => row.answerText ?? '',
    }),
    category: t.field({
      type: FeedbackCategoryEnum,
      description: 'Phân loại. / Classification.',
      nullable: true,
      resolve: (row) => row.category,
    }),
    receivedAt: t.string({
      description: 'Thời điểm tiếp nhận (ISO 8601). / When it was received (ISO 8601).',
      resolve: (row) => row.createdAt.toISOString(),
    }),
    answeredAt: t.string({
      description: 'Thời điểm trả lời (ISO 8601). / When it was answered (ISO 8601).',
      nullable: true,
      resolve: (row) => row.answeredAt?.toISOString() ?? null,
    }),
    publishedAt: t.string({
      description: 'Thời điểm công khai (ISO 8601). / When it was published (ISO 8601).',
      resolve: (row) => row.publishedAt!.toISOString(),
    }),
    // Agencies and procedures are the public catalog: linking them shows nothing beyond `agency(code:)` and
    // `procedure(code:)`, and nothing of the citizen.
    agency: t.field({
      description: 'Cơ quan trả lời. / The answering agency.',
      type: AgencyRef,
      nullable: true,
      resolve: (row, _args, context) =>
        row.agencyId ? context.loaders.agencies.agencyById.load(row.agencyId) : null,
    }),
    procedure: t.field({
      description: 'Thủ tục liên quan, nếu có. / The procedure concerned, if any.',
      type: ProcedureRef,
      nullable: true,
      resolve: (row, _args, context) =>
        row.procedureId ? context.loaders.procedures.procedureById.load(row.procedureId) : null,
    }),
  }),
});

// ───────────────────────── public ─────────────────────────

builder.mutationField('submitFeedback', (t) =>
  t.field({
    type: FeedbackReceiptRef,
    description: 'Gửi phản ánh, kiến nghị (không cần đăng nhập). / Submit feedback (no sign-in needed).',
    authScopes: { public: true },
    errors: { types: [ConflictError, TooManyRequestsError] },
    args: {
      input: t.arg({
        type: SubmitFeedbackInput,
        description: 'Nội dung phản ánh. / The feedback.',
        required: true,
      }),
    },
    resolve: (_root, args, context) => submitFeedback(context, args.input),
  }),
);

builder.queryField('feedbackStatus', (t) =>
  t.field({
    type: FeedbackFollowUpRef,
    description: 'Tra cứu tình trạng bằng mã. / Follow up by code.',
    authScopes: { public: true },
    errors: { types: [NotFoundError], directResult: true },
    args: {
      code: t.arg.string({
        description: 'Mã tra cứu trên biên nhận. / Follow-up code from the receipt.',
        required: true,
      }),
    },
    resolve: (_root, args, context) => getFeedbackByCode(context, args.code),
  }),
);

builder.mutationField('rateFeedbackHandling', (t) =>
  t.field({
    type: FeedbackFollowUpRef,
    description:
      'Người dân đánh giá việc xử lý (1–5), một lần, sau khi có trả lời. / The citizen rates the handling (1–5), once, after the answer.',
    authScopes: { public: true },
    errors: { types: [NotFoundError, ConflictError] },
    args: {
      code: t.arg.string({ description: 'Mã tra cứu. / Follow-up code.', required: true }),
      rating: t.arg.int({
        description:
          '1 (rất không hài lòng) đến 5 (rất hài lòng). / 1 (very dissatisfied) to 5 (very satisfied).',
        required: true,
      }),
      idempotencyKey: t.arg.string({ description: 'Khoá chống gửi trùng. / Retry key.', required: true }),
    },
    resolve: (_root, args, context) =>
      rateFeedbackHandling(context, args.code, args.rating, args.idempotencyKey),
  }),
);

builder.queryField('publishedFeedback', (t) =>
  t.connection({
    type: PublishedFeedbackRef,
    nullable: true,
    description:
      'Các câu trả lời đã công khai, mới nhất trước; tìm không phân biệt dấu. / Published answers, newest first; search ignores diacritics.',
    authScopes: { public: true },
    args: {
      search: t.arg.string({
        description:
          'Tìm trong tiêu đề và câu trả lời, không phân biệt dấu. / Search titles and answers, diacritics ignored.',
      }),
      agencyCode: t.arg.string({ description: "Chỉ của cơ quan này. / Only this agency's." }),
      procedureCode: t.arg.string({
        description: 'Chỉ về thủ tục này (mã TTHC). / Only about this procedure (national code).',
      }),
    },
    resolve: async (_root, args, context) => {
      checkPageSize(args);
      const filter = await resolvePublishedFilter(context, args);
      return resolveCursorConnection<Promise<FeedbackRow[]>>(
        { args, toCursor: (row) => encodeKeysetCursor(row.publishedAt!, row), ...PAGE_SIZES },
        async ({ before, after, limit, inverted }) =>
          filter
            ? listPublished(context.db, filter, {
                after: after ? decodeKeysetCursor(after, 'after') : undefined,
                before: before ? decodeKeysetCursor(before, 'before') : undefined,
                limit,
                inverted,
              })
            : [],
      );
    },
  }),
);

// ───────────────────────── officers ─────────────────────────

builder.queryField('feedbackInbox', (t) =>
  t.connection({
    type: FeedbackRef,
    nullable: true,
    description:
      'Phản ánh của một cơ quan hoặc một đơn vị, hạn sớm nhất trước. / Feedback of an agency or a unit, earliest due first.',
    authScopes: { loggedIn: true },
    args: {
      agencyCode: t.arg.string({
        description: 'Mã cơ quan (hoặc dùng unitId). / Agency code (or give unitId).',
      }),
      unitId: t.arg.id({ description: 'ID toàn cục của đơn vị hành chính. / Global ID of the unit.' }),
      status: t.arg({
        description: 'Chỉ các trạng thái này. / Only these statuses.',
        type: [FeedbackStatusEnum],
      }),
      overdueOnly: t.arg.boolean({ description: 'Chỉ phản ánh quá hạn. / Only overdue feedback.' }),
    },
    resolve: async (_root, args, context) => {
      checkPageSize(args);
      const scope = await resolveInboxScope(context, { agencyCode: args.agencyCode, unitId: args.unitId });
      const now = new Date();
      return resolveCursorConnection<Promise<FeedbackRow[]>>(
        { args, toCursor: (row) => encodeKeysetCursor(row.dueAt!, row), ...PAGE_SIZES },
        ({ before, after, limit, inverted }) =>
          listInbox(
            context.db,
            { ...scope, statuses: args.status ?? undefined, overdueOnly: args.overdueOnly ?? false, now },
            {
              after: after ? decodeKeysetCursor(after, 'after') : undefined,
              before: before ? decodeKeysetCursor(before, 'before') : undefined,
              limit,
              inverted,
            },
          ),
      );
    },
  }),
);

builder.queryField('feedback', (t) =>
  t.field({
    type: FeedbackRef,
    description: 'Một phản ánh, cho cán bộ xử lý. / One feedback item, for its handling officers.',
    authScopes: { loggedIn: true },
    errors: { types: [NotFoundError, ForbiddenError], directResult: true },
    args: {
      id: t.arg.id({ description: 'ID toàn cục của phản ánh. / Global ID of the feedback.', required: true }),
    },
    resolve: (_root, args, context) => getFeedbackForOfficer(context, String(args.id)),
  }),
);

builder.queryField('feedbackContact', (t) =>
  t.field({
    type: FeedbackContactRef,
    nullable: true,
    description:
      'Liên hệ của người phản ánh, cho cán bộ xử lý; mỗi lần đọc được ghi nhật ký. / The contact, for handling officers; every read is audited.',
    authScopes: { loggedIn: true },
    errors: { types: [NotFoundError, ForbiddenError], directResult: true },
    args: {
      id: t.arg.id({ description: 'ID toàn cục của phản ánh. / Global ID of the feedback.', required: true }),
    },
    resolve: (_root, args, context) => readFeedbackContact(context, String(args.id)),
  }),
);

const officerErrors = { types: [NotFoundError, ForbiddenError, ConflictError] };

builder.mutationField('classifyFeedback', (t) =>
  t.field({
    type: FeedbackRef,
    description:
      'Phân loại và đặt hạn xử lý theo ngày làm việc. / Classify and set the due time in working days.',
    authScopes: { loggedIn: true },
    errors: officerErrors,
    args: {
      id: t.arg.id({ description: 'ID toàn cục của phản ánh. / Global ID of the feedback.', required: true }),
      category: t.arg({
        type: FeedbackCategoryEnum,
        description: 'Phân loại; quyết định hạn trả lời. / Classification; sets the answer deadline.',
        required: true,
      }),
      note: t.arg.string({ description: 'Ghi chú, lưu vào lịch sử. / A note, kept in the history.' }),
    },
    resolve: (_root, args, context) => classifyFeedback(context, String(args.id), args.category, args.note),
  }),
);

builder.mutationField('transferFeedback', (t) =>
  t.field({
    type: FeedbackRef,
    description: 'Chuyển cho cơ quan khác trong tỉnh. / Transfer to another agency of the province.',
    authScopes: { loggedIn: true },
    errors: officerErrors,
    args: {
      id: t.arg.id({ description: 'ID toàn cục của phản ánh. / Global ID of the feedback.', required: true }),
      toAgencyCode: t.arg.string({
        description: 'Mã cơ quan nhận. / Code of the receiving agency.',
        required: true,
      }),
      note: t.arg.string({ description: 'Ghi chú, lưu vào lịch sử. / A note, kept in the history.' }),
    },
    resolve: (_root, args, context) =>
      transferFeedback(context, String(args.id), args.toAgencyCode, args.note),
  }),
);

builder.mutationField('answerFeedback', (t) =>
  t.field({
    type: FeedbackRef,
    description: 'Trả lời phản ánh. / Answer the feedback.',
    authScopes: { loggedIn: true },
    errors: officerErrors,
    args: {
      id: t.arg.id({ description: 'ID toàn cục của phản ánh. / Global ID of the feedback.', required: true }),
      answer: t.arg.string({ description: 'Nội dung trả lời. / The answer.', required: true }),
      publishAllowed: t.arg.boolean({
        description: 'Cho phép công khai câu trả lời. / Whether the answer may be published.',
        required: true,
      }),
    },
    resolve: (_root, args, context) =>
      answerFeedback(context, String(args.id), args.answer, args.publishAllowed),
  }),
);

builder.mutationField('publishFeedbackAnswer', (t) =>
  t.field({
    type: FeedbackRef,
    description: 'Công khai câu trả lời. / Publish the answer.',
    authScopes: { loggedIn: true },
    errors: officerErrors,
    args: {
      id: t.arg.id({ description: 'ID toàn cục của phản ánh. / Global ID of the feedback.', required: true }),
    },
    resolve: (_root, args, context) => publishFeedbackAnswer(context, String(args.id)),
  }),
);

builder.mutationField('rejectFeedback', (t) =>
  t.field({
    type: FeedbackRef,
    description: 'Từ chối xử lý, nêu lý do. / Reject, with the reason.',
    authScopes: { loggedIn: true },
    errors: officerErrors,
    args: {
      id: t.arg.id({ description: 'ID toàn cục của phản ánh. / Global ID of the feedback.', required: true }),
      reason: t.arg.string({ description: 'Lý do từ chối. / Reason for the rejection.', required: true }),
    },
    resolve: (_root, args, context) => rejectFeedback(context, String(args.id), args.reason),
  }),
);
