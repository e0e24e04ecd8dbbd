/**
 * The index report as data: what `indexReport` serves, what a snapshot freezes, and the one rule that decides
 * which figures a viewer sees. Pure functions over `@chiso/scoring` results; no database access.
 */
import {
  compareScores,
  type Estimate,
  type Instrument,
  METRIC_DEFINITIONS,
  OVERALL_CODE,
  type ResponseCounts,
  type ScoreResult,
  scoreCounts,
} from '@chiso/scoring';

/** Figures from fewer respondents than this are not publishable (the scoring package's default, 30). */
export const MIN_SAMPLE = 30;
export const CONFIDENCE = 0.95;

export type FigureKind = 'overall' | 'dimension' | 'item';

export interface PeriodData {
  year: number;
  quarter: number | null;
  month: number | null;
  /** First and last day, 'YYYY-MM-DD'. */
  start: string;
  end: string;
  labelVi: string;
  labelEn: string;
}

export interface FigureData {
  /** `*` for the overall figure, else the dimension or item code. */
  code: string;
  kind: FigureKind;
  dimensionCode: string | null;
  nameVi: string;
  nameEn: string;
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  standardError: number | null;
  n: number;
  nEffective: number;
  publishable: boolean;
}

export interface ChangeData {
  code: string;
  kind: FigureKind;
  difference: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  standardError: number | null;
  pValue: number | null;
  significant: boolean;
}

export interface CoverageData {
  served: number;
  offered: number;
  responded: number;
  /** responded / offered × 100; null when no offers were recorded. */
  responseRate: number | null;
}

export interface DefinitionData {
  key: string;
  nameVi: string;
  nameEn: string;
  definitionVi: string;
  definitionEn: string;
}

/** Quality flags of the period's responses and what leaving the flagged ones out changes. */
export interface QualityData {
  /** Whether the report's figures leave flagged responses out. */
  excludeFlagged: boolean;
  /** Responses of the period with at least one quality flag. */
  flaggedResponses: number;
  /** Responses per flag kind (one response may carry several); null for an agency's report. */
  kinds: { kind: string; responses: number }[] | null;
  /** The overall figure with every response, and without the flagged ones. */
  withFlagged: FigureData;
  withoutFlagged: FigureData;
}

/** A computed report, JSON-serialisable as is (a snapshot stores exactly this object). */
export interface ReportData {
  format: 1;
  computedAt: string;
  instrument: { code: string; version: string; nameVi: string; nameEn: string; valueUnit: string };
  unit: { id: string; code: string; nameVi: string; nameEn: string };
  /** Units whose rollups were summed: the unit's subtree, plus predecessors for a period before it existed. */
  countedUnitIds: string[];
  agency: { id: string; code: string; nameVi: string; nameEn: string } | null;
  campaign: { id: string; code: string } | null;
  minSample: number;
  confidence: number;
  period: PeriodData;
  figures: FigureData[];
  coverage: CoverageData;
  previous: { period: PeriodData; figures: FigureData[]; coverage: CoverageData };
  changes: ChangeData[];
  definitions: DefinitionData[];
  /** Absent from snapshots frozen before quality flags were reported. */
  quality?: QualityData;
}

const PERCENT_DEFINITIONS = ['overall-index', 'dimension-index', 'item-index'];
const POINTS_DEFINITIONS = ['dossier-points'];
const SHARED_DEFINITIONS = [
  'sample-size',
  'effective-sample-size',
  'confidence-interval',
  'minimum-sample',
  'change',
  'significant-change',
  'response-rate',
];
export const RANKING_DEFINITIONS = [
  'overall-index',
  'sample-size',
  'confidence-interval',
  'minimum-sample',
  'rank',
  'rank-change',
  'rank-interval',
];

/** The metric definitions (vi/en) by key, in the given order; unknown keys are skipped. */
export function definitionsOf(keys: readonly string[]): DefinitionData[] {
  return keys.flatMap((key) => {
    const definition = METRIC_DEFINITIONS[key];
    return definition
      ? [
          {
            key,
            nameVi: definition.name.vi,
            nameEn: definition.name.en,
            definitionVi: definition.definition.vi,
            definitionEn: definition.definition.en,
          },
        ]
      : [];
  });
}

export function reportDefinitions(score: Pick<ScoreResult, 'unit'>): DefinitionData[] {
  return definitionsOf([
    ...(score.unit === 'points' ? POINTS_DEFINITIONS : PERCENT_DEFINITIONS),
    ...SHARED_DEFINITIONS,
  ]);
}

function figure(
  estimate: Estimate,
  meta: Pick<FigureData, 'code' | 'kind' | 'dimensionCode' | 'nameVi' | 'nameEn'>,
): FigureData {
  const known = estimate.value !== null;
  return {
    ...meta,
    value: estimate.value,
    ciLow: known ? estimate.ciLow : null,
    ciHigh: known ? estimate.ciHigh : null,
    standardError: estimate.standardError,
    n: estimate.n,
    nEffective: estimate.nEffective,
    publishable: estimate.publishable,
  };
}

/** Every figure of a score: overall first, then dimensions and items in instrument order, with their names. */
export function figuresOf(instrument: Instrument, score: ScoreResult): FigureData[] {
  const overall = figure(score, {
    code: OVERALL_CODE,
    kind: 'overall',
    dimensionCode: null,
    nameVi: instrument.name.vi,
    nameEn: instrument.name.en,
  });
  const dimensions = score.dimensions.map((estimate, i) => {
    const dimension = instrument.dimensions[i]!;
    return figure(estimate, {
      code: estimate.code,
      kind: 'dimension',
      dimensionCode: dimension.code,
      nameVi: dimension.name.vi,
      nameEn: dimension.name.en,
    });
  });
  const items = instrument.dimensions.flatMap((dimension) =>
    dimension.items.map((item) => ({ item, dimension })),
  );
  const itemFigures = score.items.map((estimate, i) => {
    const { item, dimension } = items[i]!;
    return figure(estimate, {
      code: estimate.code,
      kind: 'item',
      dimensionCode: dimension.code,
      nameVi: item.text.vi,
      nameEn: item.text.en,
    });
  });
  return [overall, ...dimensions, ...itemFigures];
}

export function scoreOf(instrument: Instrument, counts: ResponseCounts): ScoreResult {
  return scoreCounts(instrument, counts, { minSample: MIN_SAMPLE, confidence: CONFIDENCE });
}

/** Changes between two scores of the same instrument, overall first, as `figuresOf` orders figures. */
export function changesOf(current: ScoreResult, previous: ScoreResult): ChangeData[] {
  const comparison = compareScores(current, previous, CONFIDENCE);
  return [
    { code: OVERALL_CODE, kind: 'overall' as const, ...comparison.overall },
    ...comparison.dimensions.map((change) => ({ ...change, kind: 'dimension' as const })),
    ...comparison.items.map((change) => ({ ...change, kind: 'item' as const })),
  ];
}

export function coverageOf(cells: { served: number; offered: number; responded: number }): CoverageData {
  return {
    served: cells.served,
    offered: cells.offered,
    responded: cells.responded,
    responseRate: cells.offered > 0 ? (100 * cells.responded) / cells.offered : null,
  };
}

// ───────────────────────── what a viewer sees ─────────────────────────

/** Why a figure's value is not shown. */
export type Withholding = 'small_sample' | 'complementary';

export interface FigureView extends FigureData {
  withheld: Withholding | null;
}

export interface ChangeView extends ChangeData {
  withheld: Withholding | null;
}

/**
 * The disclosure rule, one for every reader of computed figures: a figure from fewer respondents than the minimum
 * sample keeps its count (n) but its value, interval and standard error are withheld — unless `reveal` (the viewer
 * is an analyst, leader or admin covering the unit). Publishable figures are shown to everyone.
 */
export function presentFigure(data: FigureData, reveal: boolean, forced?: Withholding): FigureView {
  const withheld: Withholding | null =
    forced ?? (data.value !== null && !data.publishable && !reveal ? 'small_sample' : null);
  if (!withheld) return { ...data, withheld: null };
  return { ...data, value: null, ciLow: null, ciHigh: null, standardError: null, withheld };
}

/** A change is shown when both of its figures are shown. */
export function presentChange(change: ChangeData, current: FigureView, previous: FigureView): ChangeView {
  const withheld = current.withheld ?? previous.withheld;
  if (!withheld) return { ...change, withheld: null };
  return {
    ...change,
    difference: null,
    ciLow: null,
    ciHigh: null,
    standardError: null,
    pValue: null,
    significant: false,
    withheld,
  };
}

export interface QualityView {
  data: QualityData;
  withFlagged: FigureView;
  withoutFlagged: FigureView;
  /** withoutFlagged − withFlagged; null when either value is withheld or unknown. */
  difference: number | null;
}

export interface ReportView {
  data: ReportData;
  revealed: boolean;
  figures: FigureView[];
  previousFigures: FigureView[];
  changes: ChangeView[];
  quality: QualityView | null;
}

export function presentQuality(data: QualityData, reveal: boolean): QualityView {
  const withFlagged = presentFigure(data.withFlagged, reveal);
  const withoutFlagged = presentFigure(data.withoutFlagged, reveal);
  const difference =
    withFlagged.value !== null && withoutFlagged.value !== null
      ? withoutFlagged.value - withFlagged.value
      : null;
  return { data, withFlagged, withoutFlagged, difference };
}

export function presentReport(data: ReportData, reveal: boolean): ReportView {
  const figures = data.figures.map((f) => presentFigure(f, reveal));
  const previousFigures = data.previous.figures.map((f) => presentFigure(f, reveal));
  const key = (f: { kind: string; code: string }) => `${f.kind}:${f.code}`;
  const current = new Map(figures.map((f) => [key(f), f]));
  const before = new Map(previousFigures.map((f) => [key(f), f]));
  const changes = data.changes.map((change) =>
    presentChange(change, current.get(key(change))!, before.get(key(change))!),
  );
  return {
    data,
    revealed: reveal,
    figures,
    previousFigures,
    changes,
    quality: data.quality ? presentQuality(data.quality, reveal) : null,
  };
}

// ───────────────────────── periods ─────────────────────────

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

/** A calendar year, quarter or month. */
export function periodOf(year: number, quarter?: number | null, month?: number | null): PeriodData {
  if (month) {
    return {
      year,
      quarter: null,
      month,
      start: `${year}-${pad(month)}-01`,
      end: lastDayOfMonth(year, month),
      labelVi: `Tháng ${month}/${year}`,
      labelEn: `${new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' })} ${year}`,
    };
  }
  if (quarter) {
    const first = 3 * (quarter - 1) + 1;
    return {
      year,
      quarter,
      month: null,
      start: `${year}-${pad(first)}-01`,
      end: lastDayOfMonth(year, first + 2),
      labelVi: `Quý ${quarter}/${year}`,
      labelEn: `Q${quarter} ${year}`,
    };
  }
  return {
    year,
    quarter: null,
    month: null,
    start: `${year}-01-01`,
    end: `${year}-12-31`,
    labelVi: `Năm ${year}`,
    labelEn: `Year ${year}`,
  };
}

/** The period of the same length just before: the previous year, quarter or month. */
export function previousPeriodOf(period: PeriodData): PeriodData {
  if (period.month) {
    return period.month === 1
      ? periodOf(period.year - 1, null, 12)
      : periodOf(period.year, null, period.month - 1);
  }
  if (period.quarter) {
    return period.quarter === 1 ? periodOf(period.year - 1, 4) : periodOf(period.year, period.quarter - 1);
  }
  return periodOf(period.year - 1);
}

/** First month of the period as rollups key it ('YYYY-MM-01'), and its last month. */
export function monthRange(period: PeriodData): { fromMonth: string; toMonth: string } {
  return { fromMonth: period.start, toMonth: `${period.end.slice(0, 7)}-01` };
}
