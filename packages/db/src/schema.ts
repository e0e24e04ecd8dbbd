import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Typed table interfaces of the Chỉ số database, in the camelCase the `CamelCasePlugin` exposes.
 * Keep in step with `migrations/`.
 */

/** `bigint` columns come back from `pg` as strings (no precision loss); inserts accept numbers or strings. */
export type Id = ColumnType<string, string | number | bigint, string | number | bigint>;
export type GeneratedId = ColumnType<string, never, never>;
/** `date` columns: 'YYYY-MM-DD' strings (the pool installs a parser that keeps them as text). */
export type DateString = ColumnType<string, string, string>;
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `numeric` columns come back as strings. */
export type Numeric = ColumnType<string, number | string, number | string>;
export type Json<T = unknown> = ColumnType<T, string | T, string | T>;
export type JsonDefault<T = unknown> = ColumnType<T, string | T | undefined, string | T>;
type Default<T> = ColumnType<T, T | undefined, T>;

export interface UnitLevelTable {
  code: string;
  nameVi: string;
  nameEn: string;
  depth: number;
}

export interface RegionTable {
  code: string;
  scheme: string;
  nameVi: string;
  nameEn: string;
}

export interface AdministrativeUnitTable {
  id: GeneratedId;
  code: string;
  levelCode: string;
  parentId: Id | null;
  regionCode: string | null;
  nameVi: string;
  nameAscii: string;
  nameEn: string;
  fullNameVi: string;
  typeVi: string;
  /** ISO 3166-2 subdivision code. */
  isoCode: string | null;
  validFrom: DateString;
  validTo: DateString | null;
  note: string | null;
  source: string | null;
}

export interface UnitSuccessionTable {
  predecessorId: Id;
  successorId: Id;
  effectiveOn: DateString;
  kind: 'continued' | 'merged' | 'renamed' | 'split';
  codeKept: Default<boolean>;
  legalBasis: string | null;
}

export interface WorkCalendarTable {
  id: GeneratedId;
  code: string;
  nameVi: string;
  nameEn: string;
  unitId: Id | null;
  timeZone: Default<string>;
  hours: JsonDefault<[string, string][]>;
}

export interface CalendarDayTable {
  calendarId: Id;
  day: DateString;
  kind: 'holiday' | 'working_day';
  nameVi: string;
  nameEn: string;
  source: 'rule' | 'announcement' | 'manual';
}

export type AgencyKind =
  | 'ministry'
  | 'department'
  | 'central_vertical'
  | 'enterprise'
  | 'service_center'
  | 'commune_desk'
  | 'other';

export interface AgencyTable {
  id: GeneratedId;
  code: string;
  kind: AgencyKind;
  parentId: Id | null;
  unitId: Id;
  calendarId: Id | null;
  nameVi: string;
  nameEn: string;
  shortName: string | null;
  receiptPrefix: string;
  /** Receipt code pattern (`{agency}`, `{yyMMdd}`, `{yyyyMMdd}`, `{seq}` or `{seq:N}`); null = the default. */
  receiptCodeFormat: ColumnType<string | null, string | null | undefined, string | null>;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  validFrom: ColumnType<string, string | undefined, string>;
  validTo: DateString | null;
  isDemo: Default<boolean>;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
}

export type ServicePointChannel = 'in_person' | 'online' | 'postal';

/** Where citizens submit dossiers to an agency: a desk, a portal, a postal address. */
export interface AgencyServicePointTable {
  id: GeneratedId;
  agencyId: Id;
  ordinal: Default<number>;
  nameVi: string;
  nameEn: string | null;
  channel: ServicePointChannel;
  address: string | null;
  url: string | null;
  phone: string | null;
  openingHours: string | null;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
}

export interface ProcedureFieldTable {
  id: GeneratedId;
  code: string;
  nameVi: string;
  nameEn: string;
}

export type ProcedureLevel = 'central' | 'province' | 'district' | 'commune';
export type OnlineLevel = 'full' | 'partial' | 'none';

export interface ProcedureTable {
  id: GeneratedId;
  code: string;
  nameVi: string;
  nameEn: string | null;
  fieldId: Id;
  level: ProcedureLevel;
  onlineLevel: OnlineLevel;
  timeBasis: Default<'working_days' | 'calendar_days'>;
  interAgency: Default<boolean>;
  resultDocument: string | null;
  legalBasis: string | null;
  applicantKinds: Default<string[]>;
  searchText: Default<string>;
  validFrom: ColumnType<string, string | undefined, string>;
  validTo: DateString | null;
  /** Number of the decision announcing the procedure (quyết định công bố), e.g. "1234/QĐ-UBND". */
  announcementDecision: ColumnType<string | null, string | null | undefined, string | null>;
  /** Day that decision was signed. */
  announcedOn: ColumnType<string | null, string | null | undefined, string | null>;
  /** Day the procedure was made public (công khai) on the procedure database or portal. */
  publishedOn: ColumnType<string | null, string | null | undefined, string | null>;
  isDemo: Default<boolean>;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
}

export interface ProcedureCaseTable {
  id: GeneratedId;
  procedureId: Id;
  ordinal: number;
  nameVi: string;
  nameEn: string | null;
  processingHours: Numeric | null;
  processingHoursOnline: Numeric | null;
  calendarDays: number | null;
}

export interface ProcedureDocumentTable {
  id: GeneratedId;
  procedureId: Id;
  caseId: Id | null;
  ordinal: number;
  nameVi: string;
  nameEn: string | null;
  originals: Default<number>;
  copies: Default<number>;
  reusable: Default<boolean>;
  note: string | null;
}

export interface ProcedureFeeTable {
  id: GeneratedId;
  procedureId: Id;
  caseId: Id | null;
  nameVi: string;
  nameEn: string | null;
  amountVnd: Id;
  note: string | null;
}

export interface AgencyProcedureTable {
  agencyId: Id;
  procedureId: Id;
  submissionPlace: string | null;
}

export interface RoleTable {
  code: string;
  nameVi: string;
  nameEn: string;
}

export interface AppUserTable {
  id: GeneratedId;
  email: string;
  displayName: string;
  passwordHash: string;
  status: Default<'active' | 'disabled'>;
  failedLogins: Default<number>;
  lockedUntil: Timestamp | null;
  passwordChangedAt: GeneratedTimestamp;
  isDemo: Default<boolean>;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
}

export interface UserRoleTable {
  id: GeneratedId;
  userId: Id;
  roleCode: string;
  unitId: Id | null;
  agencyId: Id | null;
}

export interface SessionTable {
  id: GeneratedId;
  userId: Id;
  tokenHash: Buffer;
  createdAt: GeneratedTimestamp;
  lastSeenAt: GeneratedTimestamp;
  expiresAt: Timestamp;
  revokedAt: Timestamp | null;
  /** When a newer session replaced this one (sign-in again from the same browser). */
  rotatedAt: Timestamp | null;
  userAgent: string | null;
  ip: string | null;
}

export interface ApiKeyTable {
  id: GeneratedId;
  name: string;
  prefix: string;
  keyHash: Buffer;
  ownerUserId: Id | null;
  scopes: Default<string[]>;
  rateLimitPerMinute: Default<number>;
  createdAt: GeneratedTimestamp;
  lastUsedAt: Timestamp | null;
  revokedAt: Timestamp | null;
  /** After this instant the key no longer authenticates; null = no expiry. */
  expiresAt: Timestamp | null;
}

export interface AuditLogTable {
  id: GeneratedId;
  at: GeneratedTimestamp;
  actorUserId: Id | null;
  actorApiKeyId: Id | null;
  action: string;
  entity: string;
  entityId: string | null;
  unitId: Id | null;
  data: JsonDefault<Record<string, unknown>>;
  ip: string | null;
}

export interface DossierStatusTable {
  code: number;
  key: string;
  nameVi: string;
  nameEn: string;
  clockStopped: Default<boolean>;
  terminal: Default<boolean>;
}

export type DossierChannel = 'in_person' | 'online' | 'postal';

export interface DossierTable {
  provinceUnitId: Id;
  id: GeneratedId;
  receiptCode: string;
  pinHash: string;
  agencyId: Id;
  procedureId: Id;
  caseId: Id | null;
  channel: DossierChannel;
  status: number;
  applicantKind: Default<'citizen' | 'organisation'>;
  applicantContactEnc: Buffer | null;
  receivedAt: Timestamp;
  dueAt: Timestamp | null;
  finishedAt: Timestamp | null;
  returnedAt: Timestamp | null;
  pausedHours: ColumnType<string, number | string | undefined, number | string>;
  supplementRequested: Default<boolean>;
  apologyIssued: Default<boolean>;
  paidOnline: Default<boolean>;
  digitised: Default<boolean>;
  electronicResult: Default<boolean>;
  syncedNational: Default<boolean>;
  isDemo: Default<boolean>;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
  /** Processing time granted at receipt, in working hours; null for dossiers loaded without it. */
  allowedHours: ColumnType<string | null, number | string | null | undefined, number | string | null>;
  /** New appointment of the apology (form 04). */
  newAppointmentAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  apologyReason: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface DossierEventTable {
  provinceUnitId: Id;
  id: GeneratedId;
  dossierId: Id;
  at: GeneratedTimestamp;
  action: string;
  fromStatus: number | null;
  toStatus: number;
  actorUserId: Id | null;
  note: string | null;
  data: JsonDefault<Record<string, unknown>>;
}

export interface ReceiptSequenceTable {
  /** The agency's province (the distribution column). */
  provinceUnitId: Id;
  agencyId: Id;
  day: DateString;
  lastValue: number;
}

/** Failed public tracking lookups in the current window, per receipt code or per client address. */
export interface TrackingAttemptTable {
  scope: 'receipt_code' | 'ip';
  key: string;
  windowStartedAt: Timestamp;
  failures: number;
  lockedUntil: Timestamp | null;
}

export interface InstrumentTable {
  id: GeneratedId;
  code: string;
  version: string;
  origin: 'builtin' | 'custom';
  definition: Json | null;
  status: Default<'draft' | 'published' | 'retired'>;
  ownerUnitId: Id | null;
  itemCount: number;
  createdAt: GeneratedTimestamp;
  publishedAt: Timestamp | null;
  /** The instrument a custom one was derived from (its template, or the published version it revises). */
  basedOnId: Id | null;
}

export interface InstrumentItemTable {
  instrumentId: Id;
  ordinal: number;
  code: string;
  dimensionCode: string;
  dimensionOrdinal: number;
}

export type CampaignMode = 'after_dossier' | 'sample' | 'open';

export interface CampaignTable {
  id: GeneratedId;
  code: string;
  instrumentId: Id;
  ownerUnitId: Id;
  nameVi: string;
  nameEn: string;
  mode: CampaignMode;
  startsOn: DateString;
  endsOn: DateString;
  status: Default<'draft' | 'active' | 'closed'>;
  settings: JsonDefault<Record<string, unknown>>;
  isDemo: Default<boolean>;
  createdAt: GeneratedTimestamp;
}

export interface CampaignScopeTable {
  id: GeneratedId;
  campaignId: Id;
  unitId: Id | null;
  agencyId: Id | null;
  procedureId: Id | null;
}

export interface SurveyTokenTable {
  provinceUnitId: Id;
  id: GeneratedId;
  campaignId: Id;
  tokenHash: Buffer;
  agencyId: Id | null;
  dossierPseudonym: Buffer | null;
  channel: string | null;
  /** The procedure of the dossier (and its field) at issue time: copied to the response, never the dossier. */
  procedureId: Id | null;
  procedureFieldId: Id | null;
  issuedAt: GeneratedTimestamp;
  expiresAt: Timestamp;
  usedAt: Timestamp | null;
}

export type ResponseChannel = 'in_person' | 'online' | 'postal' | 'kiosk' | 'phone' | 'paper';
export type ResponseSource = 'token' | 'open_link' | 'sample' | 'paper' | 'import' | 'demo';

export interface SurveyResponseTable {
  provinceUnitId: Id;
  id: GeneratedId;
  campaignId: Id;
  instrumentId: Id;
  unitId: Id;
  agencyId: Id | null;
  procedureId: Id | null;
  procedureFieldId: Id | null;
  periodMonth: DateString;
  channel: ResponseChannel;
  source: ResponseSource;
  /** Answers aligned to the instrument's item order; null = not answered. */
  answers: (number | null)[];
  weight: Default<number>;
  gender: 'female' | 'male' | 'other' | null;
  ageBand: string | null;
  education: string | null;
  freeText: string | null;
  idempotencyKey: string;
  payloadHash: Buffer;
  dossierPseudonym: Buffer | null;
  qualityFlags: Default<string[]>;
  startedAt: Timestamp | null;
  submittedAt: GeneratedTimestamp;
  isDemo: Default<boolean>;
}

export interface SurveyRollupCellTable {
  provinceUnitId: Id;
  id: GeneratedId;
  campaignId: Id;
  unitId: Id;
  agencyId: Id | null;
  periodMonth: DateString;
  channel: string;
  /** The cell counts responses with at least one quality flag. */
  flagged: Default<boolean>;
  /** Which of the key's rows (writers on different connections add to different slots; readers sum them). */
  slot: Default<number>;
  served: Default<number>;
  offered: Default<number>;
  responded: Default<number>;
}

export interface SurveyRollupCountTable {
  provinceUnitId: Id;
  cellId: Id;
  itemOrdinal: number;
  level: number;
  count: number;
  weightSum: number;
  weightSquareSum: number;
}

export interface SurveyRollupMomentTable {
  provinceUnitId: Id;
  cellId: Id;
  /** -1 = overall */
  dimensionOrdinal: number;
  n: number;
  sum: number;
  sumSquares: number;
  weightSum: number;
  weightedSum: number;
  weightedSumSquares: number;
  weightSquareSum: number;
}

export type MarginAttribute =
  | 'all'
  | 'gender'
  | 'age_band'
  | 'education'
  | 'procedure_field'
  | 'quality_flag';

/** A marginal rollup: one unit's responses of a month with one attribute value (`all`/'' = every response). */
export interface SurveyRollupMarginTable {
  provinceUnitId: Id;
  id: GeneratedId;
  campaignId: Id;
  unitId: Id;
  periodMonth: DateString;
  attribute: MarginAttribute;
  value: string;
  flagged: boolean;
  /** Which of the key's rows (writers on different connections add to different slots; readers sum them). */
  slot: Default<number>;
  responded: Default<number>;
}

export interface SurveyRollupMarginCountTable {
  provinceUnitId: Id;
  marginId: Id;
  itemOrdinal: number;
  level: number;
  count: number;
  weightSum: number;
  weightSquareSum: number;
}

export interface SurveyRollupMarginMomentTable {
  provinceUnitId: Id;
  marginId: Id;
  /** -1 = overall */
  dimensionOrdinal: number;
  n: number;
  sum: number;
  sumSquares: number;
  weightSum: number;
  weightedSum: number;
  weightedSumSquares: number;
  weightSquareSum: number;
}

/** Hits per traffic source in a time window (burst flags, rate limit); `sourceHash` is keyed, never an IP. */
export interface SurveySourceWindowTable {
  campaignId: Id;
  kind: 'open' | 'submit';
  sourceHash: Buffer;
  windowStart: Timestamp;
  hits: Default<number>;
}

export type FeedbackStatus =
  | 'received'
  | 'classified'
  | 'transferred'
  | 'answered'
  | 'published'
  | 'closed'
  | 'rejected';

export interface FeedbackTable {
  provinceUnitId: Id;
  id: GeneratedId;
  code: string;
  subjectKind: 'procedure' | 'agency' | 'dossier' | 'other';
  procedureId: Id | null;
  agencyId: Id | null;
  dossierId: Id | null;
  category: 'regulation' | 'conduct' | 'out_of_scope' | null;
  status: Default<FeedbackStatus>;
  channel: 'portal' | 'hotline' | 'mail' | 'desk';
  title: string;
  body: string;
  anonymous: Default<boolean>;
  contactEnc: Buffer | null;
  contactConsentAt: Timestamp | null;
  dueAt: Timestamp | null;
  answerText: string | null;
  answeredAt: Timestamp | null;
  publishAllowed: Default<boolean>;
  publishedAt: Timestamp | null;
  citizenRating: number | null;
  idempotencyKey: string;
  isDemo: Default<boolean>;
  createdAt: GeneratedTimestamp;
  /** Id of the key that sealed `contactEnc` (set exactly when it is). */
  contactKeyId: string | null;
  /** Keyed fingerprint (HMAC) of the submitted payload, to tell a retry from a reused idempotency key. */
  payloadFingerprint: Buffer | null;
  ratedAt: Timestamp | null;
  ratingIdempotencyKey: string | null;
  /** `normalizeSearchText` of the published title and answer; '' until published. */
  searchText: Default<string>;
  /** Blind index of the sealed contact: keyed HMACs of its normalised email and phone (data-subject requests). */
  contactLookup: Buffer[] | null;
  /** When the contact was deleted (retention or the person's request). */
  contactErasedAt: Timestamp | null;
}

export type RetentionDataKind =
  | 'feedback_contact'
  | 'dossier_contact'
  | 'session'
  | 'tracking_attempt'
  | 'survey_token'
  | 'survey_source_window';

/** How long one kind of personal data is kept once its purpose is served (editable data). */
export interface RetentionRuleTable {
  dataKind: RetentionDataKind;
  keepDays: number;
  /** When the clock starts, in words. */
  starts: string;
  basis: string;
}

export type FeedbackDeadlineCategory = 'unclassified' | 'regulation' | 'conduct' | 'out_of_scope';

export interface FeedbackDeadlineTable {
  category: FeedbackDeadlineCategory;
  workingDays: number;
  basis: string;
  verified: Default<boolean>;
}

export interface FeedbackEventTable {
  provinceUnitId: Id;
  id: GeneratedId;
  feedbackId: Id;
  at: GeneratedTimestamp;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actorUserId: Id | null;
  note: string | null;
  data: JsonDefault<Record<string, unknown>>;
}

export interface PublishedIndexResultTable {
  id: GeneratedId;
  indexCode: 'SIPAS' | 'PAR' | 'SERVICE_766';
  year: number;
  scope: 'national' | 'province' | 'agency';
  unitId: Id | null;
  unitCode: string | null;
  unitName: string;
  valuePct: Numeric | null;
  rank: number | null;
  ofUnits: number | null;
  source: string;
  status: 'verified' | 'derived';
}

export interface IndexSnapshotTable {
  id: GeneratedId;
  unitId: Id;
  instrumentId: Id;
  periodStart: DateString;
  periodEnd: DateString;
  payload: Json;
  /** SHA-256 (hex) of the payload's canonical JSON, written with it. */
  contentHash: string;
  agencyId: Id | null;
  campaignId: Id | null;
  frozenAt: GeneratedTimestamp;
  frozenBy: Id | null;
  /** Set once (draft → published); a published snapshot then refuses every change (trigger). */
  publishedAt: Timestamp | null;
  publishedBy: Id | null;
}

export interface Database {
  unitLevel: UnitLevelTable;
  region: RegionTable;
  administrativeUnit: AdministrativeUnitTable;
  unitSuccession: UnitSuccessionTable;
  workCalendar: WorkCalendarTable;
  calendarDay: CalendarDayTable;
  agency: AgencyTable;
  agencyServicePoint: AgencyServicePointTable;
  procedureField: ProcedureFieldTable;
  procedure: ProcedureTable;
  procedureCase: ProcedureCaseTable;
  procedureDocument: ProcedureDocumentTable;
  procedureFee: ProcedureFeeTable;
  agencyProcedure: AgencyProcedureTable;
  role: RoleTable;
  appUser: AppUserTable;
  userRole: UserRoleTable;
  session: SessionTable;
  apiKey: ApiKeyTable;
  auditLog: AuditLogTable;
  dossierStatus: DossierStatusTable;
  dossier: DossierTable;
  dossierEvent: DossierEventTable;
  receiptSequence: ReceiptSequenceTable;
  trackingAttempt: TrackingAttemptTable;
  instrument: InstrumentTable;
  instrumentItem: InstrumentItemTable;
  campaign: CampaignTable;
  campaignScope: CampaignScopeTable;
  surveyToken: SurveyTokenTable;
  surveyResponse: SurveyResponseTable;
  surveyRollupCell: SurveyRollupCellTable;
  surveyRollupCount: SurveyRollupCountTable;
  surveyRollupMoment: SurveyRollupMomentTable;
  surveyRollupMargin: SurveyRollupMarginTable;
  surveyRollupMarginCount: SurveyRollupMarginCountTable;
  surveyRollupMarginMoment: SurveyRollupMarginMomentTable;
  surveySourceWindow: SurveySourceWindowTable;
  feedback: FeedbackTable;
  feedbackEvent: FeedbackEventTable;
  feedbackDeadline: FeedbackDeadlineTable;
  retentionRule: RetentionRuleTable;
  publishedIndexResult: PublishedIndexResultTable;
  indexSnapshot: IndexSnapshotTable;
}

export type AdministrativeUnit = Selectable<AdministrativeUnitTable>;
export type NewAdministrativeUnit = Insertable<AdministrativeUnitTable>;
export type Agency = Selectable<AgencyTable>;
export type AgencyUpdate = Updateable<AgencyTable>;
export type Procedure = Selectable<ProcedureTable>;
export type Dossier = Selectable<DossierTable>;
export type SurveyResponse = Selectable<SurveyResponseTable>;
