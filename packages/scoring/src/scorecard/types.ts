import type { LocalizedText } from '../instruments/types.js';

/** How a node's points are obtained. */
export type ScoringMethod = 'self_assessment' | 'appraisal' | 'survey' | 'imported_index';

/** The scoring methods, in display order. */
export const SCORING_METHODS: readonly ScoringMethod[] = Object.freeze([
  'self_assessment',
  'appraisal',
  'survey',
  'imported_index',
]);

/** Display names of the scoring methods. */
export const SCORING_METHOD_NAMES: Readonly<Record<ScoringMethod, LocalizedText>> = Object.freeze({
  self_assessment: { vi: 'Tự đánh giá', en: 'Self-assessment' },
  appraisal: { vi: 'Thẩm định', en: 'Appraisal' },
  survey: { vi: 'Điều tra xã hội học', en: 'Sociological survey' },
  imported_index: { vi: 'Chỉ số từ nguồn khác', en: 'Imported index' },
});

/**
 * One node of a scorecard: an area (lĩnh vực), a criterion (tiêu chí) or a sub-criterion (tiêu chí thành phần).
 * A node with children is scored as the sum of its children; a node without children is scored directly.
 */
export interface ScorecardNode {
  /** Unique within the scorecard, e.g. `3`, `3.2`, `3.2.1`. */
  code: string;
  name: LocalizedText;
  /** Maximum points; equals the sum of the children's maxima. */
  max: number;
  /** How points are obtained; inherited by descendants that do not set their own. Every leaf needs one. */
  method?: ScoringMethod;
  /** Evidence expected for the score (documents, data sources). */
  evidence?: readonly LocalizedText[];
  children?: readonly ScorecardNode[];
}

/** A hierarchical scorecard: areas → criteria → sub-criteria. */
export interface ScorecardDefinition {
  code: string;
  name: LocalizedText;
  source?: LocalizedText;
  /** Maximum points of the whole scorecard; equals the sum of the areas' maxima. */
  max: number;
  areas: readonly ScorecardNode[];
}

/** Points by leaf code. */
export type ScorecardScores = Readonly<Record<string, number>>;

/** The score of one node. */
export interface ScorecardNodeResult {
  code: string;
  name: LocalizedText;
  /** 0 for an area, 1 for a criterion, 2 for a sub-criterion… */
  depth: number;
  max: number;
  /** The node's method (own or inherited); null for a parent whose leaves mix methods. */
  method: ScoringMethod | null;
  evidence: readonly LocalizedText[];
  /** min(max, sum of children) for a parent; min(max, score) for a leaf (0 if not scored). */
  points: number;
  /** points / max. */
  share: number;
  /** max / scorecard max: the node's weight in the total. */
  weight: number;
  /** True when every leaf at or below the node has a score. */
  scored: boolean;
  /** True when a score above the maximum was capped at or below this node. */
  capped: boolean;
  children: ScorecardNodeResult[];
}

/** Points and maximum of the leaves scored by one method. */
export interface ScorecardMethodTotal {
  max: number;
  points: number;
}

/** The computed scorecard. */
export interface ScorecardResult {
  definition: string;
  max: number;
  points: number;
  /** points / max. */
  share: number;
  /** True when every leaf has a score. */
  complete: boolean;
  /** Codes of the leaves without a score (counted as 0). */
  missing: string[];
  byMethod: Record<ScoringMethod, ScorecardMethodTotal>;
  areas: ScorecardNodeResult[];
}
