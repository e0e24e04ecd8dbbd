import { createHash } from 'node:crypto';
import {
  type MarginAttribute,
  type RollupGroupKey,
  readMarginCountsByGroup,
  readRollupCountsByGroup,
} from '@chiso/db';
import {
  emptyCounts,
  getInstrument,
  type Instrument,
  mergeCounts,
  type ResponseCounts,
  rankIntervals,
  rankUnits,
  roundTo,
} from '@chiso/scoring';
import { sql } from 'kysely';
import type { Context } from '../../context.js';
import {
  ConflictError,
  type FieldError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../errors.js';
import { rowIdOf } from '../../schema/global-id.js';
import type { AgencyRow } from '../agencies/agencies.repo.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  findUnitsByCodeValidOn,
  findUnitsByIds,
  findUnitsValidOn,
  findUnitVersionsByCode,
  type UnitRow,
} from '../units/units.repo.js';
import {
  findAgencySubtreeIds,
  findCampaignByIdOrCode,
  findCampaignIdsOfInstrument,
  findInstrumentRow,
  findPredecessorLinks,
  findProcedureFieldsByIds,
  findPublishedResults,
  findPublishedResultsByKeys,
  findSnapshotsByIds,
  findSnapshotsOfUnit,
  findUnitSubtreeIds,
  type InstrumentRow,
  type NewPublishedResult,
  type PublishedIndexCode,
  type PublishedResultRow,
  type SnapshotRow,
  upsertPublishedResults,
} from './indices.repo.js';
import {
  type ChangeData,
  type CoverageData,
  changesOf,
  coverageOf,
  type DefinitionData,
  definitionsOf,
  type FigureData,
  type FigureView,
  figuresOf,
  MIN_SAMPLE,
  monthRange,
  type PeriodData,
  periodOf,
  presentFigure,
  presentReport,
  previousPeriodOf,
  RANKING_DEFINITIONS,
  type ReportData,
  type ReportView,
  reportDefinitions,
  scoreOf,
  type Withholding,
} from './report.js';

type Deps = Pick<Context, 'db' | 'loaders' | 'access' | 'viewer'>;

// ───────────────────────── arguments ─────────────────────────

export interface InstrumentArg {
  code: string;
  version?: string | null;
}

export interface ResolvedInstrument {
  instrument: Instrument;
  row: InstrumentRow;
}

/** SIPAS under Decision 2640/QĐ-BNV unless another instrument is named. */
export const DEFAULT_INSTRUMENT = { code: 'SIPAS', version: '2017' } as const;

export async function resolveInstrument(deps: Deps, arg?: InstrumentArg | null): Promise<ResolvedInstrument> {
  const code = arg?.code ?? DEFAULT_INSTRUMENT.code;
  const version = arg ? (arg.version ?? undefined) : DEFAULT_INSTRUMENT.version;
  const instrument = getInstrument(code, version);
  const row = instrument ? await findInstrumentRow(deps.db, instrument.code, instrument.version) : undefined;
  if (!instrument || !row) {
    const name = version ? `${code} ${version}` : code;
    throw new NotFoundError(
      `Không có bộ công cụ đo lường ${name} (chỉ số được tính cho các bộ công cụ có sẵn của hệ thống).`,
      `No instrument ${name} (indices are computed for the platform's built-in instruments).`,
    );
  }
  return { instrument, row };
}

/** Validates a period: quarter 1–4, month 1–12, not both. */
export function resolvePeriod(year: number, quarter?: number | null, month?: number | null): PeriodData {
  if (quarter && month) {
    throw new ValidationError([
      {
        path: ['month'],
        message: 'Chọn quý hoặc tháng, không chọn cả hai.',
        messageEn: 'Give a quarter or a month, not both.',
      },
    ]);
  }
  return periodOf(year, quarter, month);
}

type Ref = { code: string } | { id: string };

function badRef(argument: string, what: [string, string]): ValidationError {
  return new ValidationError([
    {
      path: [argument],
      message: `${what[0]}: cần mã hoặc ID toàn cục.`,
      messageEn: `${what[1]}: expected a code or a global ID.`,
    },
  ]);
}

/** A Relay global ID of `typename`, or a code. */
function parseRef(
  value: string,
  typename: string,
  codePattern: RegExp,
  argument: string,
  what: [string, string],
): Ref {
  // A global ID first: some are also valid codes (letters and digits without padding).
  const id = rowIdOf(value, typename);
  if (id !== null) return { id };
  if (codePattern.test(value)) return { code: value };
  throw badRef(argument, what);
}

const UNIT_CODE = /^\d{2,5}$/;

/**
 * The unit named by a GSO code or a global ID. A code names the version valid on `onDates[0]` (else the next
 * date); without dates, the latest version.
 */
export async function resolveUnit(deps: Deps, value: string, onDates: string[] = []): Promise<UnitRow> {
  const ref = parseRef(value, 'AdministrativeUnit', UNIT_CODE, 'unit', [
    'Đơn vị hành chính',
    'Administrative unit',
  ]);
  let unit: UnitRow | undefined;
  if ('id' in ref) {
    unit = (await deps.loaders.units.unitById.load(ref.id)) ?? undefined;
  } else if (onDates.length === 0) {
    unit = (await findUnitVersionsByCode(deps.db, ref.code)).at(-1);
  } else {
    for (const date of onDates) {
      [unit] = await findUnitsByCodeValidOn(deps.db, ref.code, date);
      if (unit) break;
    }
  }
  if (!unit) {
    throw new NotFoundError(
      `Không có đơn vị hành chính ${value}${onDates[0] ? ` trong kỳ đến ${onDates[0]}` : ''}.`,
      `No administrative unit ${value}${onDates[0] ? ` in the period ending ${onDates[0]}` : ''}.`,
    );
  }
  deps.loaders.units.unitById.prime(unit.id, unit);
  return unit;
}

export async function resolveAgency(deps: Deps, value: string) {
  const ref = parseRef(value, 'Agency', /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'agency', ['Cơ quan', 'Agency']);
  const agency =
    'id' in ref
      ? await deps.loaders.agencies.agencyById.load(ref.id)
      : await deps.loaders.agencies.agencyByCode.load(ref.code);
  if (!agency) throw new NotFoundError(`Không có cơ quan ${value}.`, `No agency ${value}.`);
  return agency;
}

export async function resolveCampaign(deps: Deps, value: string, instrument: ResolvedInstrument) {
  const ref = parseRef(value, 'Campaign', /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'campaign', [
    'Đợt khảo sát',
    'Survey campaign',
  ]);
  const campaign = await findCampaignByIdOrCode(deps.db, ref);
  if (!campaign) throw new NotFoundError(`Không có đợt khảo sát ${value}.`, `No survey campaign ${value}.`);
  if (campaign.instrumentId !== instrument.row.id) {
    throw new ValidationError([
      {
        path: ['campaign'],
        message: `Đợt khảo sát ${campaign.code} dùng bộ công cụ khác ${instrument.instrument.code} ${instrument.instrument.version}.`,
        messageEn: `Campaign ${campaign.code} uses another instrument than ${instrument.instrument.code} ${instrument.instrument.version}.`,
      },
    ]);
  }
  return campaign;
}

// ───────────────────────── access ─────────────────────────

/**
 * Whether the viewer sees figures below the minimum sample: system admins, and unit admins, analysts and
 * leaders whose grant covers the unit (or, for an agency's report, who may read that agency's reports), and API
 * keys with the `read:reports` scope of such owners. Everyone else — the public included — gets the counts of small groups but not their values.
 */
export async function mayRevealSmallGroups(
  deps: Deps,
  unitId: string,
  agencyId?: string | null,
): Promise<boolean> {
  // An API key reveals them only with `read:reports`, and then within its owner's grants.
  if (!deps.access.grantsApplyTo('read:reports')) return false;
  if (deps.access.isSystemAdmin) return true;
  if (await deps.access.coversUnit(unitId, ['unit_admin', 'analyst', 'leader'])) return true;
  return agencyId ? deps.access.canAtAgency(agencyId, 'read_reports') : false;
}

// ───────────────────────── which cells count ─────────────────────────

/**
 * The units whose rollups make up `unit`'s figures over a period: its subtree, plus — when the period starts
 * before the unit existed (a province formed on 2025-07-01) — the subtrees of its predecessors still valid in
 * the period, so a merged province's year re-aggregates the counts of the provinces it was made from.
 */
async function countedUnitIds(
  deps: Deps,
  unit: UnitRow,
  period: PeriodData,
  subtrees = new Map<string, Promise<string[]>>(),
): Promise<string[]> {
  const roots = [unit.id];
  if (period.start < unit.validFrom) {
    const links = await findPredecessorLinks(deps.db, [unit.id], period.start);
    roots.push(...links.map((link) => link.predecessorId));
  }
  const subtreeOf = (id: string) => {
    let subtree = subtrees.get(id);
    if (!subtree) {
      subtree = findUnitSubtreeIds(deps.db, id);
      subtrees.set(id, subtree);
    }
    return subtree;
  };
  return [...new Set((await Promise.all(roots.map(subtreeOf))).flat())];
}

interface CellFilter {
  /** The campaigns counted: listed, or every campaign of an instrument. */
  campaignIds?: string[];
  instrumentId?: string;
  unitIds: string[];
  agencyIds?: string[];
  fromMonth: string;
  toMonth: string;
}

type PeriodGrain = 'year' | 'quarter' | 'month';

function grainOf(period: PeriodData): PeriodGrain {
  return period.month ? 'month' : period.quarter ? 'quarter' : 'year';
}

/** The key rollup readers give a period of its grain: '2024', '2024-Q3' or '2024-07'. */
function periodKey(period: PeriodData): string {
  if (period.month) return `${period.year}-${String(period.month).padStart(2, '0')}`;
  if (period.quarter) return `${period.year}-Q${period.quarter}`;
  return String(period.year);
}

/** Counts of one period, flagged responses apart, and its responses per quality flag. */
interface PeriodRollups {
  clean: ResponseCounts;
  flagged: ResponseCounts;
  /** Responses per quality flag (a response with two flags counts in both); null when not known (agency). */
  flagKinds: Map<string, number> | null;
  coverage: CoverageData;
}

/**
 * Reads the rollups of several periods of the same grain in two statements whatever their number: without an
 * agency, the units' `all` margins (twelve rows a year per unit, flagged apart) and their quality-flag
 * margins, plus the coverage sums of the cells; for an agency, the agency's cells (flagged apart, with their
 * coverage). Raw responses are never read.
 */
async function readPeriodRollups(
  deps: Deps,
  instrument: Instrument,
  filter: CellFilter,
  grain: PeriodGrain,
  keys: readonly string[],
): Promise<Map<string, PeriodRollups>> {
  const result = new Map<string, PeriodRollups>(
    keys.map((key) => [
      key,
      {
        clean: emptyCounts(instrument),
        flagged: emptyCounts(instrument),
        flagKinds: filter.agencyIds ? null : new Map(),
        coverage: coverageOf({ served: 0, offered: 0, responded: 0 }),
      },
    ]),
  );
  if (filter.campaignIds?.length === 0 || filter.unitIds.length === 0 || filter.agencyIds?.length === 0) {
    return result;
  }
  if (filter.agencyIds) {
    const groups = await readRollupCountsByGroup(deps.db, instrument, filter, [grain, 'flagged']);
    for (const key of keys) {
      const parts = groups.filter((g) => g.key[0] === key);
      const clean = parts.find((g) => g.key[1] === '');
      const flagged = parts.find((g) => g.key[1] === 'flagged');
      const sum = (field: 'served' | 'offered' | 'responded') => parts.reduce((t, g) => t + g[field], 0);
      result.set(key, {
        clean: clean?.counts ?? emptyCounts(instrument),
        flagged: flagged?.counts ?? emptyCounts(instrument),
        flagKinds: null,
        coverage: coverageOf({ served: sum('served'), offered: sum('offered'), responded: sum('responded') }),
      });
    }
    return result;
  }
  const [groups, coverage] = await Promise.all([
    readMarginCountsByGroup(
      deps.db,
      instrument,
      {
        attribute: ['all', 'quality_flag'],
        campaignIds: filter.campaignIds,
        instrumentId: filter.instrumentId,
        unitIds: filter.unitIds,
        fromMonth: filter.fromMonth,
        toMonth: filter.toMonth,
      },
      ['attribute', grain, 'flagged', 'value'],
    ),
    readCoverageByGroup(deps.db, filter, grain),
  ]);
  for (const group of groups) {
    const [attribute, key, flagged, value] = group.key as [string, string, string, string];
    const entry = result.get(key);
    if (!entry) continue;
    if (attribute === 'all') {
      if (flagged === 'flagged') entry.flagged = group.counts;
      else entry.clean = group.counts;
    } else entry.flagKinds!.set(value, group.responded);
  }
  for (const [key, entry] of result) {
    const row = coverage.get(key);
    if (row) entry.coverage = coverageOf(row);
  }
  return result;
}

/** Served, offered and responded of the cells, per period of `grain`, in one statement. */
async function readCoverageByGroup(
  db: Deps['db'],
  filter: CellFilter,
  grain: PeriodGrain,
): Promise<Map<string, { served: number; offered: number; responded: number }>> {
  const bucket = {
    year: sql<string>`to_char(period_month, 'YYYY')`,
    quarter: sql<string>`to_char(period_month, 'YYYY-"Q"Q')`,
    month: sql<string>`to_char(period_month, 'YYYY-MM')`,
  }[grain];
  const rows = await db
    .selectFrom('surveyRollupCell')
    .select((eb) => [
      bucket.as('g'),
      eb.fn.sum<string>('served').as('served'),
      eb.fn.sum<string>('offered').as('offered'),
      eb.fn.sum<string>('responded').as('responded'),
    ])
    .$if(filter.campaignIds !== undefined, (q) => q.where('campaignId', 'in', filter.campaignIds!))
    .$if(filter.instrumentId !== undefined, (q) =>
      q.where('campaignId', 'in', (eb) =>
        eb.selectFrom('campaign').select('id').where('instrumentId', '=', filter.instrumentId!),
      ),
    )
    .where('unitId', 'in', filter.unitIds)
    .where('periodMonth', '>=', filter.fromMonth)
    .where('periodMonth', '<=', filter.toMonth)
    .groupBy(sql`1`)
    .execute();
  return new Map(
    rows.map((r) => [
      r.g,
      { served: Number(r.served), offered: Number(r.offered), responded: Number(r.responded) },
    ]),
  );
}

// ───────────────────────── indexReport ─────────────────────────

export interface ReportArgs {
  instrument?: InstrumentArg | null;
  unit: string;
  year: number;
  quarter?: number | null;
  month?: number | null;
  agency?: string | null;
  campaign?: string | null;
  /** Leave responses carrying a quality flag out of the figures (the report still shows their effect). */
  excludeFlagged?: boolean | null;
}

/**
 * Computes a report from rollups only (margins, or an agency's cells, and the cells' coverage; raw responses
 * are never read): the period's figures, the previous period's, the changes with their intervals, coverage,
 * the quality flags of the period and the effect of leaving flagged responses out, and the definitions of
 * every figure kind. With `excludeFlagged`, every figure leaves flagged responses out.
 */
export async function computeReport(
  deps: Deps,
  args: ReportArgs,
  /** Called once the units and months the report counts are known, before any rollup is read. */
  beforeRollups?: (scope: ReportScope) => Promise<void>,
): Promise<ReportData> {
  const period = resolvePeriod(args.year, args.quarter, args.month);
  const previous = previousPeriodOf(period);
  const [resolved, unit, agency] = await Promise.all([
    resolveInstrument(deps, args.instrument),
    resolveUnit(deps, args.unit, [period.end, period.start]),
    args.agency ? resolveAgency(deps, args.agency) : null,
  ]);
  const { instrument } = resolved;
  const campaign = args.campaign ? await resolveCampaign(deps, args.campaign, resolved) : null;
  const excludeFlagged = args.excludeFlagged ?? false;

  // Both periods share the unit's subtree (one query); campaigns are those of the instrument unless one is named
  // (a subquery of the rollup reads, not a round trip of its own).
  const subtrees = new Map<string, Promise<string[]>>();
  const [unitIds, previousUnitIds, agencyIds] = await Promise.all([
    countedUnitIds(deps, unit, period, subtrees),
    countedUnitIds(deps, unit, previous, subtrees),
    agency ? findAgencySubtreeIds(deps.db, agency.id) : undefined,
  ]);
  const campaigns = campaign ? { campaignIds: [campaign.id] } : { instrumentId: resolved.row.id };
  const grain = grainOf(period);
  const [currentKey, previousKey] = [periodKey(period), periodKey(previous)];
  const sameUnits =
    unitIds.length === previousUnitIds.length && unitIds.every((id, i) => id === previousUnitIds[i]);
  await beforeRollups?.({
    unitIds: [...new Set([...unitIds, ...previousUnitIds])],
    fromMonth: monthRange(previous).fromMonth,
    toMonth: monthRange(period).toMonth,
    agency: agency !== null,
  });
  // Both periods in one read when they count the same units (always, except across the 2025 reorganisation).
  const rollups = sameUnits
    ? await readPeriodRollups(
        deps,
        instrument,
        {
          ...campaigns,
          unitIds,
          agencyIds,
          fromMonth: monthRange(previous).fromMonth,
          toMonth: monthRange(period).toMonth,
        },
        grain,
        [currentKey, previousKey],
      )
    : new Map([
        ...(await readPeriodRollups(
          deps,
          instrument,
          { ...campaigns, unitIds, agencyIds, ...monthRange(period) },
          grain,
          [currentKey],
        )),
        ...(await readPeriodRollups(
          deps,
          instrument,
          { ...campaigns, unitIds: previousUnitIds, agencyIds, ...monthRange(previous) },
          grain,
          [previousKey],
        )),
      ]);
  const current = rollups.get(currentKey)!;
  const before = rollups.get(previousKey)!;
  const countsOf = (r: PeriodRollups) => (excludeFlagged ? r.clean : mergeCounts(r.clean, r.flagged));
  const score = scoreOf(instrument, countsOf(current));
  const previousScore = scoreOf(instrument, countsOf(before));
  const withFlagged = figuresOf(
    instrument,
    scoreOf(instrument, mergeCounts(current.clean, current.flagged)),
  )[0]!;
  const withoutFlagged = figuresOf(instrument, scoreOf(instrument, current.clean))[0]!;
  return {
    format: 1,
    computedAt: new Date().toISOString(),
    instrument: {
      code: instrument.code,
      version: instrument.version,
      nameVi: instrument.name.vi,
      nameEn: instrument.name.en,
      valueUnit: score.unit,
    },
    unit: { id: unit.id, code: unit.code, nameVi: unit.nameVi, nameEn: unit.nameEn },
    countedUnitIds: unitIds,
    agency: agency
      ? { id: agency.id, code: agency.code, nameVi: agency.nameVi, nameEn: agency.nameEn }
      : null,
    campaign: campaign ? { id: campaign.id, code: campaign.code } : null,
    minSample: score.minSample,
    confidence: score.confidence,
    period,
    figures: figuresOf(instrument, score),
    coverage: current.coverage,
    previous: { period: previous, figures: figuresOf(instrument, previousScore), coverage: before.coverage },
    changes: changesOf(score, previousScore),
    definitions: reportDefinitions(score),
    quality: {
      excludeFlagged,
      flaggedResponses: current.flagged.responses,
      kinds: current.flagKinds
        ? [...current.flagKinds.entries()]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([kind, responses]) => ({ kind, responses }))
        : null,
      withFlagged,
      withoutFlagged,
    },
  };
}

export async function getIndexReport(deps: Deps, args: ReportArgs): Promise<ReportView> {
  const data = await cachedReport(deps, args);
  return presentReport(data, await mayRevealSmallGroups(deps, data.unit.id, data.agency?.id));
}

/** The units (subtrees, predecessors) and months whose rollups a report reads, both periods together. */
export interface ReportScope {
  unitIds: string[];
  fromMonth: string;
  toMonth: string;
  /** The report is an agency's (its subtree is read from the agencies). */
  agency: boolean;
}

/**
 * A report computed earlier with the same arguments, answered again while the fingerprint of what it read is
 * unchanged (one statement), else computed afresh and kept. What the viewer may see is decided per request.
 */
async function cachedReport(deps: Deps, args: ReportArgs): Promise<ReportData> {
  const key = JSON.stringify([
    args.instrument ?? null,
    args.unit,
    args.year,
    args.quarter ?? null,
    args.month ?? null,
    args.agency ?? null,
    args.campaign ?? null,
    !!args.excludeFlagged,
  ]);
  let cache = reportCache.get(deps.db);
  const hit = cache?.get(key);
  if (hit && (await reportFingerprint(deps, hit.scope)) === hit.fingerprint) return hit.data;
  let entry: { scope: ReportScope; fingerprint: string } | null = null;
  // The fingerprint is read before the rollups, so a report is never kept under a newer fingerprint than the
  // data it was computed from.
  const data = await computeReport(deps, args, async (scope) => {
    entry = { scope, fingerprint: await reportFingerprint(deps, scope) };
  });
  if (entry) {
    if (!cache) {
      cache = new Map();
      reportCache.set(deps.db, cache);
    }
    if (cache.size >= 1000) cache.clear();
    cache.set(key, { ...(entry as { scope: ReportScope; fingerprint: string }), data });
  }
  return data;
}

/** Reports already computed, per database and arguments, with their scope and the fingerprint they were read at. */
const reportCache = new WeakMap<
  Deps['db'],
  Map<string, { scope: ReportScope; fingerprint: string; data: ReportData }>
>();

/**
 * A fingerprint of everything a report reads: the margins and cells of its units and months (their number, the
 * highest id, the respondents, served and offered, and the transaction ids of their row versions), and the
 * units, successions, instruments, campaigns (and agencies, for an agency's report) that resolve its arguments. Any submission, import, rebuild,
 * coverage count or edit touching them writes new row versions and so changes it; one statement, through the
 * units' indexes.
 */
async function reportFingerprint(deps: Deps, scope: ReportScope): Promise<string> {
  if (scope.unitIds.length === 0) return 'none';
  const units = sql.join(scope.unitIds.map((id) => sql`${id}`));
  const rows = sql`count(*), coalesce(max(id), 0), coalesce(sum(xmin::text::bigint), 0)`;
  const { rows: result } = await sql<{ fingerprint: string }>`
    select concat_ws(':',
      (select concat_ws(',', ${rows}, coalesce(sum(responded), 0)) from survey_rollup_margin
        where unit_id in (${units}) and period_month between ${scope.fromMonth}::date and ${scope.toMonth}::date),
      (select concat_ws(',', ${rows}, coalesce(sum(served), 0), coalesce(sum(offered), 0),
          coalesce(sum(responded), 0))
        from survey_rollup_cell
        where unit_id in (${units}) and period_month between ${scope.fromMonth}::date and ${scope.toMonth}::date),
      (select concat_ws(',', ${rows}) from administrative_unit),
      (select concat_ws(',', count(*), coalesce(sum(xmin::text::bigint), 0)) from unit_succession),
      (select concat_ws(',', ${rows}) from instrument),
      (select concat_ws(',', ${rows}) from campaign),
      ${scope.agency ? sql`(select concat_ws(',', ${rows}) from agency)` : sql`''`}) as fingerprint
  `.execute(deps.db);
  return result[0]!.fingerprint;
}

// ───────────────────────── breakdowns ─────────────────────────

/** Breakdowns of the cell key (agency, channel) and of the calendar; then respondent attributes (margins). */
export type BreakdownBy =
  | 'agency'
  | 'channel'
  | 'month'
  | 'quarter'
  | 'gender'
  | 'age_band'
  | 'education'
  | 'procedure_field'
  | 'quality_flag';

/** Breakdowns read from margins: one attribute at a time, per unit (never per agency). */
const MARGIN_BREAKDOWNS: Partial<Record<BreakdownBy, MarginAttribute>> = {
  gender: 'gender',
  age_band: 'age_band',
  education: 'education',
  procedure_field: 'procedure_field',
  quality_flag: 'quality_flag',
};

const GENDER_LABELS: Record<string, [string, string]> = {
  female: ['Nữ', 'Female'],
  male: ['Nam', 'Male'],
  other: ['Khác', 'Other'],
};

const QUALITY_FLAG_LABELS: Record<string, [string, string]> = {
  too_fast: ['Trả lời quá nhanh', 'Completed too fast'],
  straight_lining: ['Chọn cùng một mức cho mọi câu', 'The same answer to every item'],
  burst: ['Gửi dồn dập từ một nguồn', 'A burst from one source'],
};

const CHANNEL_LABELS: Record<string, [string, string]> = {
  in_person: ['Trực tiếp', 'In person'],
  online: ['Trực tuyến', 'Online'],
  postal: ['Bưu chính công ích', 'Public postal service'],
  kiosk: ['Máy tự phục vụ', 'Kiosk'],
  phone: ['Điện thoại', 'Phone'],
  paper: ['Phiếu giấy', 'Paper form'],
};

export interface BreakdownGroupView {
  key: string;
  labelVi: string;
  labelEn: string;
  agency: { id: string; code: string; nameVi: string; nameEn: string } | null;
  coverage: CoverageData;
  overall: FigureView;
  dimensions: FigureView[];
  withheld: Withholding | null;
}

export interface BreakdownView {
  by: BreakdownBy;
  unit: UnitRow;
  instrument: Instrument;
  period: PeriodData;
  minSample: number;
  revealed: boolean;
  groups: BreakdownGroupView[];
  definitions: DefinitionData[];
}

/**
 * Groups withheld for the viewer: every group below the minimum sample, and — when exactly one group is
 * withheld that way — also the smallest shown group, so the withheld value cannot be recovered from the total
 * and the other groups (complementary suppression).
 */
export function suppressGroups(
  groups: readonly { key: string; n: number; publishable: boolean; hasValue: boolean }[],
  reveal: boolean,
): Map<string, Withholding> {
  const withheld = new Map<string, Withholding>();
  if (reveal) return withheld;
  for (const group of groups)
    if (group.hasValue && !group.publishable) withheld.set(group.key, 'small_sample');
  if (withheld.size === 1) {
    const [smallest] = groups
      .filter((g) => g.hasValue && !withheld.has(g.key))
      .sort((a, b) => a.n - b.n || a.key.localeCompare(b.key));
    if (smallest) withheld.set(smallest.key, 'complementary');
  }
  return withheld;
}

export async function getIndexBreakdown(
  deps: Deps,
  args: Omit<ReportArgs, 'campaign'> & { by: BreakdownBy },
): Promise<BreakdownView> {
  const period = resolvePeriod(args.year, args.quarter, args.month);
  const resolved = await resolveInstrument(deps, args.instrument);
  const { instrument } = resolved;
  const unit = await resolveUnit(deps, args.unit, [period.end, period.start]);
  const agency = args.agency ? await resolveAgency(deps, args.agency) : null;
  const [unitIds, agencyIds, campaignIds] = await Promise.all([
    countedUnitIds(deps, unit, period),
    agency ? findAgencySubtreeIds(deps.db, agency.id) : undefined,
    findCampaignIdsOfInstrument(deps.db, resolved.row.id),
  ]);
  const attribute = MARGIN_BREAKDOWNS[args.by];
  if (attribute && agency) {
    throw new ValidationError([
      {
        path: ['agency'],
        message:
          'Phân tổ theo đặc điểm người trả lời, lĩnh vực thủ tục hoặc cờ chất lượng chỉ có cho đơn vị, không cho từng cơ quan.',
        messageEn:
          'Breakdowns by respondent attribute, procedure field or quality flag exist for units, not for single agencies.',
      },
    ]);
  }
  const flagged = args.excludeFlagged ? false : undefined;
  const range = monthRange(period);
  const groups =
    attribute || ((args.by === 'month' || args.by === 'quarter') && !agency)
      ? await readMarginCountsByGroup(
          deps.db,
          instrument,
          { attribute: attribute ?? 'all', campaignIds, unitIds, flagged, ...range },
          [attribute ? 'value' : (args.by as 'month' | 'quarter')],
        )
      : await readRollupCountsByGroup(
          deps.db,
          instrument,
          { campaignIds, unitIds, agencyIds, flagged, ...range },
          [args.by as RollupGroupKey],
        );
  const fields =
    args.by === 'procedure_field'
      ? new Map(
          (
            await findProcedureFieldsByIds(
              deps.db,
              groups.map((g) => g.key[0]!),
            )
          ).map((f) => [f.id, [f.nameVi, f.nameEn] as [string, string]]),
        )
      : new Map<string, [string, string]>();
  const agencies =
    args.by === 'agency'
      ? new Map(
          (
            await deps.loaders.agencies.agencyById.loadMany(groups.map((g) => g.key[0]!).filter(Boolean))
          ).flatMap((a) => (a && !(a instanceof Error) ? [[a.id, a] as const] : [])),
        )
      : new Map<string, AgencyRow>();
  const reveal = await mayRevealSmallGroups(deps, unit.id, agency?.id);
  const scored = groups.map((group) => {
    const key = group.key[0]!;
    const score = scoreOf(instrument, group.counts);
    return { key, group, figures: figuresOf(instrument, score) };
  });
  const withheld = suppressGroups(
    scored.map(({ key, figures }) => ({
      key,
      n: figures[0]!.n,
      publishable: figures[0]!.publishable,
      hasValue: figures[0]!.value !== null,
    })),
    reveal,
  );
  return {
    by: args.by,
    unit,
    instrument,
    period,
    minSample: MIN_SAMPLE,
    revealed: reveal,
    definitions: reportDefinitions({
      unit: instrument.aggregation === 'points-total' ? 'points' : 'percent',
    }),
    groups: scored.map(({ key, group, figures }) => {
      const forced = withheld.get(key);
      const [labelVi, labelEn] = groupLabel(args.by, key, agencies, fields);
      return {
        key,
        labelVi,
        labelEn,
        agency: agencies.get(key) ?? null,
        coverage: coverageOf(group),
        overall: presentFigure(figures[0]!, reveal, forced),
        dimensions: figures
          .filter((f) => f.kind === 'dimension')
          .map((f) => presentFigure(f, reveal, forced)),
        withheld: forced ?? null,
      };
    }),
  };
}

function groupLabel(
  by: BreakdownBy,
  key: string,
  agencies: Map<string, { nameVi: string; nameEn: string }>,
  fields: Map<string, [string, string]>,
): [string, string] {
  if (by === 'gender') return GENDER_LABELS[key] ?? [key, key];
  if (by === 'quality_flag') return QUALITY_FLAG_LABELS[key] ?? [key, key];
  if (by === 'procedure_field') return fields.get(key) ?? [key, key];
  if (by === 'age_band' || by === 'education') return [key, key];
  if (by === 'agency') {
    const agency = agencies.get(key);
    return agency ? [agency.nameVi, agency.nameEn] : ['Không gắn với cơ quan', 'No agency'];
  }
  if (by === 'channel') return CHANNEL_LABELS[key] ?? [key, key];
  if (by === 'month') {
    const period = periodOf(Number(key.slice(0, 4)), null, Number(key.slice(5, 7)));
    return [period.labelVi, period.labelEn];
  }
  const period = periodOf(Number(key.slice(0, 4)), Number(key.slice(6)));
  return [period.labelVi, period.labelEn];
}

// ───────────────────────── rankings ─────────────────────────

export interface RankingEntryView {
  unit: UnitRow;
  value: number | null;
  publishedValue: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  n: number;
  publishable: boolean;
  rank: number | null;
  rankLow: number | null;
  rankHigh: number | null;
  previousRank: number | null;
  rankChange: number | null;
}

export interface RankingView {
  instrument: Instrument;
  level: string;
  year: number;
  asOf: string;
  minSample: number;
  rankedUnits: number;
  entries: RankingEntryView[];
  definitions: DefinitionData[];
}

export interface RankingArgs {
  instrument?: InstrumentArg | null;
  level: string;
  year: number;
  region?: string | null;
  parent?: string | null;
  /** Leave responses carrying a quality flag out. */
  excludeFlagged?: boolean | null;
}

/** Units of a ranking year: the map at the year's end (63 provinces up to 2024, 34 from 2025). */
export function rankingDate(year: number): string {
  return `${year}-12-31`;
}

interface ScoredUnits {
  units: UnitRow[];
  counts: Map<string, ResponseCounts>;
}

/**
 * Counts per unit of `level` for a year, read from the units' `all` margins in one grouped statement: provinces
 * group by the margins' owning province, other levels by their unit. Predecessors' cells of the year count towards their successor.
 */
async function countsByUnit(
  deps: Deps,
  resolved: ResolvedInstrument,
  args: RankingArgs,
  year: number,
): Promise<ScoredUnits> {
  const asOf = rankingDate(year);
  let units = await findUnitsValidOn(deps.db, args.level, asOf);
  if (args.region) units = units.filter((u) => u.regionCode === args.region);
  if (args.parent) {
    const parent = await resolveUnit(deps, args.parent, [asOf]);
    units = units.filter((u) => u.parentId === parent.id);
  }
  const links = await findPredecessorLinks(
    deps.db,
    units.map((u) => u.id),
    `${year}-01-01`,
  );
  const owner = new Map<string, string>(units.map((u) => [u.id, u.id]));
  for (const link of links)
    if (!owner.has(link.predecessorId)) owner.set(link.predecessorId, link.successorId);
  const campaignIds = await findCampaignIdsOfInstrument(deps.db, resolved.row.id);
  const period = periodOf(year);
  const byProvince = args.level === 'PROVINCE';
  const groups = await readMarginCountsByGroup(
    deps.db,
    resolved.instrument,
    {
      attribute: 'all',
      campaignIds,
      ...(byProvince ? { provinceUnitIds: [...owner.keys()] } : { unitIds: [...owner.keys()] }),
      ...monthRange(period),
      ...(args.excludeFlagged ? { flagged: false } : {}),
    },
    [byProvince ? 'province' : 'unit'],
  );
  const counts = new Map<string, ResponseCounts>();
  for (const group of groups) {
    const id = owner.get(group.key[0]!);
    if (!id) continue;
    const sum = counts.get(id);
    counts.set(id, sum ? mergeCounts(sum, group.counts) : group.counts);
  }
  for (const unit of units) deps.loaders.units.unitById.prime(unit.id, unit);
  return { units, counts };
}

function publishableRanks(resolved: ResolvedInstrument, scored: ScoredUnits) {
  const scores = new Map(
    scored.units.map((u) => [
      u.id,
      scoreOf(resolved.instrument, scored.counts.get(u.id) ?? emptyCounts(resolved.instrument)),
    ]),
  );
  const eligible = scored.units.filter((u) => scores.get(u.id)!.publishable);
  const ranks = new Map(
    rankUnits(
      eligible.map((u) => ({ id: u.id, value: scores.get(u.id)!.value })),
      { decimals: 2, nulls: 'exclude' },
    ).map((r) => [r.id, r]),
  );
  return { scores, eligible, ranks };
}

/**
 * A ranking for a year. Units below the minimum sample are listed with their n but neither valued nor ranked
 * (for every viewer: a ranking is a public product). Ranks are competition ranks on values rounded to 2
 * decimals; the rank interval comes from 1,000 seeded draws (seed = the year), so the same data always give the
 * same intervals. The previous year's rank is matched by unit id (so across the 2025 reorganisation, a new
 * province has none).
 */
export async function getRanking(deps: Deps, args: RankingArgs): Promise<RankingView> {
  const resolved = await resolveInstrument(deps, args.instrument);
  const key = JSON.stringify([
    resolved.row.id,
    args.level,
    args.year,
    args.region ?? null,
    args.parent ?? null,
    !!args.excludeFlagged,
  ]);
  // The fingerprint is read before the margins, so a ranking is never stored under a newer fingerprint than
  // the data it was computed from.
  const fingerprint = await marginFingerprint(deps, args.year);
  let cache = rankingCache.get(deps.db);
  const hit = cache?.get(key);
  if (hit && hit.fingerprint === fingerprint) {
    for (const entry of hit.view.entries) deps.loaders.units.unitById.prime(entry.unit.id, entry.unit);
    return hit.view;
  }
  const view = await computeRanking(deps, resolved, args);
  if (!cache) {
    cache = new Map();
    rankingCache.set(deps.db, cache);
  }
  if (cache.size >= 500) cache.clear();
  cache.set(key, { fingerprint, view });
  return view;
}

/** Rankings already computed, per database, with the fingerprint of the margins they were computed from. */
const rankingCache = new WeakMap<Deps['db'], Map<string, { fingerprint: string; view: RankingView }>>();

/**
 * A fingerprint of the `all` margins of a year and the year before (what a ranking reads): their number, the
 * highest id, the respondents and the transaction ids of their row versions. Any submission, import or rebuild
 * touching those margins writes new row versions and so changes it; reading it is one small statement.
 */
async function marginFingerprint(deps: Deps, year: number): Promise<string> {
  const { rows } = await sql<{ fingerprint: string }>`
    select concat_ws(':', count(*), coalesce(max(id), 0), coalesce(sum(responded), 0),
      coalesce(sum(xmin::text::bigint), 0)) as fingerprint
    from survey_rollup_margin
    where attribute = 'all' and period_month between ${`${year - 1}-01-01`}::date and ${`${year}-12-01`}::date
  `.execute(deps.db);
  return rows[0]!.fingerprint;
}

async function computeRanking(
  deps: Deps,
  resolved: ResolvedInstrument,
  args: RankingArgs,
): Promise<RankingView> {
  const [current, previous] = await Promise.all([
    countsByUnit(deps, resolved, args, args.year),
    countsByUnit(deps, resolved, args, args.year - 1),
  ]);
  const now = publishableRanks(resolved, current);
  const before = publishableRanks(resolved, previous);
  const intervals = new Map(
    rankIntervals(
      now.eligible.map((u) => ({ id: u.id, counts: current.counts.get(u.id)! })),
      {
        draws: 1000,
        seed: args.year,
        confidence: 0.9,
        decimals: 2,
        instrument: resolved.instrument,
        scoreOptions: { minSample: MIN_SAMPLE },
      },
    ).map((r) => [r.id, r]),
  );
  const entries = current.units.map((unit): RankingEntryView => {
    const score = now.scores.get(unit.id)!;
    const rank = now.ranks.get(unit.id)?.rank ?? null;
    const previousRank = before.ranks.get(unit.id)?.rank ?? null;
    const interval = intervals.get(unit.id);
    const shown = score.publishable && score.value !== null;
    return {
      unit,
      value: shown ? score.value : null,
      publishedValue: shown ? roundTo(score.value!, 2) : null,
      ciLow: shown ? score.ciLow : null,
      ciHigh: shown ? score.ciHigh : null,
      n: score.n,
      publishable: score.publishable,
      rank,
      rankLow: interval?.rankLow ?? null,
      rankHigh: interval?.rankHigh ?? null,
      previousRank,
      rankChange: rank !== null && previousRank !== null ? previousRank - rank : null,
    };
  });
  entries.sort(
    (a, b) =>
      (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY) ||
      a.unit.code.localeCompare(b.unit.code),
  );
  return {
    instrument: resolved.instrument,
    level: args.level,
    year: args.year,
    asOf: rankingDate(args.year),
    minSample: MIN_SAMPLE,
    rankedUnits: now.eligible.length,
    entries,
    definitions: definitionsOf(RANKING_DEFINITIONS),
  };
}

// ───────────────────────── history across the 2025 reorganisation ─────────────────────────

export interface HistoryPointView {
  year: number;
  computed: FigureView | null;
  published: PublishedResultRow | null;
}

export interface HistorySeriesView {
  unit: UnitRow;
  role: 'self' | 'predecessor';
  points: HistoryPointView[];
}

export interface CombinedPointView {
  year: number;
  figure: FigureView;
  contributingUnitIds: string[];
}

export interface HistoryView {
  unit: UnitRow;
  instrument: Instrument;
  series: HistorySeriesView[];
  combined: CombinedPointView[];
  definitions: DefinitionData[];
}

/** Published results of an instrument family: SIPAS for the SIPAS instruments, none for the others. */
function publishedIndexOf(instrument: Instrument): PublishedIndexCode | null {
  return instrument.code === 'SIPAS' ? 'SIPAS' : null;
}

/**
 * A unit's yearly series: for a province formed by a merger, each predecessor side by side (published results
 * and figures computed from its rollups), the unit's own years, and a re-aggregated series of the new unit —
 * per year, the predecessors' and the unit's counts merged (`mergeCounts`) and scored as one.
 */
export async function getUnitIndexHistory(
  deps: Deps,
  args: { instrument?: InstrumentArg | null; unit: string },
): Promise<HistoryView> {
  const resolved = await resolveInstrument(deps, args.instrument);
  const { instrument } = resolved;
  const unit = await resolveUnit(deps, args.unit);
  const links = await findPredecessorLinks(deps.db, [unit.id]);
  const predecessors = await findUnitsByIds(
    deps.db,
    links.map((l) => l.predecessorId),
  );
  predecessors.sort((a, b) => a.code.localeCompare(b.code));
  const all = [...predecessors, unit];
  const reveal = await mayRevealSmallGroups(deps, unit.id);
  const campaignIds = await findCampaignIdsOfInstrument(deps.db, resolved.row.id);
  const byProvince = unit.levelCode === 'PROVINCE';
  const ids = all.map((u) => u.id);
  const [groups, published] = await Promise.all([
    readMarginCountsByGroup(
      deps.db,
      instrument,
      { attribute: 'all', campaignIds, ...(byProvince ? { provinceUnitIds: ids } : { unitIds: ids }) },
      [byProvince ? 'province' : 'unit', 'year'],
    ),
    (async () => {
      const index = publishedIndexOf(instrument);
      return index ? findPublishedResults(deps.db, { indexCode: index, unitIds: ids }) : [];
    })(),
  ]);
  const countsOf = new Map(groups.map((g) => [`${g.key[0]}|${g.key[1]}`, g.counts]));
  const years = [...new Set([...groups.map((g) => Number(g.key[1])), ...published.map((p) => p.year)])].sort(
    (a, b) => a - b,
  );
  const series = all.map((member): HistorySeriesView => {
    const points = years.flatMap((year) => {
      const counts = countsOf.get(`${member.id}|${year}`);
      const result = published.find(
        (p) => p.unitId === member.id && p.year === year && p.scope === 'province',
      );
      if (!counts && !result) return [];
      return [
        {
          year,
          computed: counts
            ? presentFigure(figuresOf(instrument, scoreOf(instrument, counts))[0]!, reveal)
            : null,
          published: result ?? null,
        },
      ];
    });
    return { unit: member, role: member.id === unit.id ? 'self' : 'predecessor', points };
  });
  const combined = years.flatMap((year): CombinedPointView[] => {
    const parts = all.filter((u) => countsOf.has(`${u.id}|${year}`));
    if (parts.length === 0) return [];
    const merged = parts.map((u) => countsOf.get(`${u.id}|${year}`)!).reduce((a, b) => mergeCounts(a, b));
    return [
      {
        year,
        figure: presentFigure(figuresOf(instrument, scoreOf(instrument, merged))[0]!, reveal),
        contributingUnitIds: parts.map((u) => u.id),
      },
    ];
  });
  for (const member of all) deps.loaders.units.unitById.prime(member.id, member);
  return {
    unit,
    instrument,
    series: predecessors.length > 0 ? series : series.filter((s) => s.role === 'self'),
    combined,
    definitions: definitionsOf(['overall-index', 'sample-size', 'confidence-interval', 'minimum-sample']),
  };
}

// ───────────────────────── published results ─────────────────────────

export async function listPublishedResults(
  deps: Deps,
  args: { index: PublishedIndexCode; year?: number | null; unit?: string | null },
): Promise<PublishedResultRow[]> {
  if (!args.unit) return findPublishedResults(deps.db, { indexCode: args.index, year: args.year });
  const ref = parseRef(args.unit, 'AdministrativeUnit', UNIT_CODE, 'unit', [
    'Đơn vị hành chính',
    'Administrative unit',
  ]);
  return 'code' in ref
    ? findPublishedResults(deps.db, { indexCode: args.index, year: args.year, unitCode: ref.code })
    : findPublishedResults(deps.db, { indexCode: args.index, year: args.year, unitIds: [ref.id] });
}

export interface PublishedResultInput {
  index: PublishedIndexCode;
  year: number;
  scope: 'national' | 'province' | 'agency';
  unitCode?: string | null;
  unitName: string;
  value?: number | null;
  rank?: number | null;
  ofUnits?: number | null;
  source: string;
  status: 'verified' | 'derived';
}

export interface ImportResult {
  inserted: number;
  updated: number;
  unchanged: number;
  results: PublishedResultRow[];
}

/**
 * Imports published results (system admins): every row is checked first and every problem reported with its
 * path (`["rows", "3", "value"]`); then all rows are written in one transaction, keyed by (index, year, scope,
 * unit code), so importing the same rows again changes nothing.
 */
export async function importPublishedResults(
  deps: Deps,
  rows: readonly PublishedResultInput[],
): Promise<ImportResult> {
  if (!deps.access.isSystemAdmin) throw new ForbiddenError();
  const errors: FieldError[] = [];
  const problem = (i: number, field: string, message: string, messageEn: string) =>
    errors.push({ path: ['rows', String(i), field], message, messageEn });
  if (rows.length === 0) {
    errors.push({
      path: ['rows'],
      message: 'Cần ít nhất một dòng.',
      messageEn: 'At least one row is needed.',
    });
  }
  if (rows.length > 5000) {
    errors.push({
      path: ['rows'],
      message: 'Tối đa 5.000 dòng mỗi lần nhập.',
      messageEn: 'At most 5,000 rows per import.',
    });
  }
  const seen = new Map<string, number>();
  const prepared: NewPublishedResult[] = [];
  for (const [i, row] of rows.entries()) {
    const unitCode = row.unitCode?.trim() || null;
    if (!Number.isInteger(row.year) || row.year < 2000 || row.year > 2100) {
      problem(i, 'year', 'Năm phải từ 2000 đến 2100.', 'The year must be from 2000 to 2100.');
    }
    if (row.scope === 'national' && unitCode !== null) {
      problem(
        i,
        'unitCode',
        'Kết quả cả nước không gắn với mã đơn vị.',
        'A national result has no unit code.',
      );
    }
    if (row.scope !== 'national' && unitCode === null) {
      problem(i, 'unitCode', 'Cần mã đơn vị hoặc mã cơ quan.', 'A unit or agency code is needed.');
    }
    if (row.scope === 'province' && unitCode !== null && !UNIT_CODE.test(unitCode)) {
      problem(i, 'unitCode', 'Mã tỉnh gồm 2 chữ số, ví dụ 06.', 'A province code has 2 digits, e.g. 06.');
    }
    if (!row.unitName.trim()) problem(i, 'unitName', 'Cần tên đơn vị.', 'The unit name is needed.');
    if (!row.source.trim()) {
      problem(
        i,
        'source',
        'Cần nguồn công bố (địa chỉ hoặc văn bản).',
        'The source (address or document) is needed.',
      );
    }
    if (row.value !== null && row.value !== undefined && !(row.value >= 0 && row.value <= 100)) {
      problem(i, 'value', 'Giá trị phải từ 0 đến 100.', 'The value must be from 0 to 100.');
    }
    if (row.rank !== null && row.rank !== undefined && !(Number.isInteger(row.rank) && row.rank >= 1)) {
      problem(i, 'rank', 'Thứ hạng là số nguyên từ 1.', 'A rank is a whole number from 1.');
    }
    if (row.ofUnits !== null && row.ofUnits !== undefined) {
      if (!(Number.isInteger(row.ofUnits) && row.ofUnits >= 1)) {
        problem(
          i,
          'ofUnits',
          'Số đơn vị xếp hạng là số nguyên từ 1.',
          'The number of ranked units is a whole number from 1.',
        );
      } else if (row.rank && row.rank > row.ofUnits) {
        problem(
          i,
          'rank',
          'Thứ hạng lớn hơn số đơn vị xếp hạng.',
          'The rank exceeds the number of ranked units.',
        );
      }
    }
    if ((row.value ?? null) === null && (row.rank ?? null) === null) {
      problem(i, 'value', 'Cần giá trị hoặc thứ hạng.', 'A value or a rank is needed.');
    }
    const key = `${row.index}|${row.year}|${row.scope}|${unitCode ?? ''}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problem(
        i,
        'unitCode',
        `Trùng với dòng ${first} (cùng chỉ số, năm, phạm vi và đơn vị).`,
        `Duplicates row ${first} (same index, year, scope and unit).`,
      );
    } else seen.set(key, i);
    let unitId: string | null = null;
    if (row.scope === 'province' && unitCode !== null && UNIT_CODE.test(unitCode)) {
      const unit =
        (await findUnitsByCodeValidOn(deps.db, unitCode, `${row.year}-12-31`))[0] ??
        (await findUnitsByCodeValidOn(deps.db, unitCode, `${row.year}-01-01`))[0];
      if (unit?.levelCode !== 'PROVINCE') {
        problem(
          i,
          'unitCode',
          `Không có tỉnh mã ${unitCode} trong năm ${row.year}.`,
          `No province has code ${unitCode} in ${row.year}.`,
        );
      } else unitId = unit.id;
    }
    prepared.push({
      indexCode: row.index,
      year: row.year,
      scope: row.scope,
      unitId,
      unitCode,
      unitName: row.unitName.trim(),
      valuePct: row.value === null || row.value === undefined ? null : row.value.toFixed(2),
      rank: row.rank ?? null,
      ofUnits: row.ofUnits ?? null,
      source: row.source.trim(),
      status: row.status,
    });
  }
  if (errors.length > 0) throw new ValidationError(errors);

  return deps.db.transaction().execute(async (trx) => {
    const written = await upsertPublishedResults(trx, prepared);
    const inserted = written.filter((w) => w.inserted).length;
    const updated = written.length - inserted;
    await recordAudit(trx, deps, {
      action: 'published_result.import',
      entity: 'published_index_result',
      data: { rows: prepared.length, inserted, updated },
    });
    const results = await findPublishedResultsByKeys(trx, prepared);
    return { inserted, updated, unchanged: prepared.length - written.length, results };
  });
}

// ───────────────────────── snapshots ─────────────────────────

/** JSON with object keys sorted at every level: the form a snapshot's hash is taken over. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

export function contentHash(payload: unknown): string {
  return createHash('sha256').update(canonicalJson(payload), 'utf8').digest('hex');
}

/** Drafts are seen by unit admins, analysts and leaders covering the unit; published snapshots by everyone. */
async function maySeeSnapshot(deps: Deps, snapshot: SnapshotRow): Promise<boolean> {
  if (snapshot.publishedAt !== null) return true;
  return mayRevealSmallGroups(deps, snapshot.unitId);
}

export async function loadVisibleSnapshots(
  deps: Deps,
  ids: readonly string[],
): Promise<(SnapshotRow | null)[]> {
  const rows = new Map((await findSnapshotsByIds(deps.db, ids)).map((row) => [row.id, row]));
  return Promise.all(
    ids.map(async (id) => {
      const row = rows.get(id);
      return row && (await maySeeSnapshot(deps, row)) ? row : null;
    }),
  );
}

export async function freezeIndexSnapshot(deps: Deps, args: ReportArgs): Promise<SnapshotRow> {
  const period = resolvePeriod(args.year, args.quarter, args.month);
  const unit = await resolveUnit(deps, args.unit, [period.end, period.start]);
  if (!(await deps.access.coversUnit(unit.id, ['unit_admin', 'analyst']))) throw new ForbiddenError();
  const data = await computeReport(deps, args);
  const resolved = await resolveInstrument(deps, args.instrument);
  const hash = contentHash(data);
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('indexSnapshot')
      .values({
        unitId: unit.id,
        instrumentId: resolved.row.id,
        periodStart: data.period.start,
        periodEnd: data.period.end,
        agencyId: data.agency?.id ?? null,
        campaignId: data.campaign?.id ?? null,
        payload: canonicalJson(data),
        contentHash: hash,
        frozenBy: deps.viewer.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, deps, {
      action: 'index_snapshot.freeze',
      entity: 'index_snapshot',
      entityId: row.id,
      unitId: unit.id,
      data: { period: data.period.labelEn, contentHash: hash },
    });
    return row;
  });
}

/** Publishes a draft snapshot (unit admins covering its unit); a published snapshot never changes again. */
export async function publishIndexSnapshot(deps: Deps, id: string): Promise<SnapshotRow> {
  const [snapshot] = await loadVisibleSnapshots(deps, [id]);
  if (!snapshot) {
    throw new NotFoundError('Không có bản chốt số liệu này.', 'No such index snapshot.');
  }
  if (!(await deps.access.coversUnit(snapshot.unitId, ['unit_admin']))) throw new ForbiddenError();
  if (snapshot.publishedAt !== null) {
    throw new ConflictError(
      'Bản chốt số liệu này đã được công bố.',
      'This index snapshot is already published.',
    );
  }
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('indexSnapshot')
      .set({ publishedAt: new Date(), publishedBy: deps.viewer.userId })
      .where('id', '=', id)
      .where('publishedAt', 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (!row) {
      throw new ConflictError(
        'Bản chốt số liệu này đã được công bố.',
        'This index snapshot is already published.',
      );
    }
    await recordAudit(trx, deps, {
      action: 'index_snapshot.publish',
      entity: 'index_snapshot',
      entityId: row.id,
      unitId: row.unitId,
      data: { contentHash: row.contentHash },
    });
    return row;
  });
}

export async function listIndexSnapshots(deps: Deps, unitRef: string): Promise<SnapshotRow[]> {
  const unit = await resolveUnit(deps, unitRef);
  const drafts = await mayRevealSmallGroups(deps, unit.id);
  return findSnapshotsOfUnit(deps.db, unit.id, drafts);
}

export async function presentSnapshot(deps: Deps, snapshot: SnapshotRow): Promise<ReportView> {
  const data = snapshot.payload as ReportData;
  return presentReport(data, await mayRevealSmallGroups(deps, snapshot.unitId, data.agency?.id));
}

export type { ChangeData, FigureData };
