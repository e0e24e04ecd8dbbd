import { fieldError as issue } from '../input-error.js';
import type { FieldError } from '../instruments/types.js';
import { ScorecardError } from './errors.js';
import {
  SCORING_METHODS,
  type ScorecardDefinition,
  type ScorecardMethodTotal,
  type ScorecardNode,
  type ScorecardNodeResult,
  type ScorecardResult,
  type ScorecardScores,
  type ScoringMethod,
} from './types.js';

const EPSILON = 1e-9;

/**
 * Checks a scorecard definition: codes unique; every maximum a positive number; the areas' maxima add up to the
 * scorecard's and every node's children's maxima to the node's; every leaf has a method (own or inherited).
 * Paths locate the node (`areas[2].children[0].max`); messages name its code. Returns the problems found.
 */
export function validateScorecard(definition: ScorecardDefinition): FieldError[] {
  const issues: FieldError[] = [];
  const codes = new Set<string>();
  const checkSum = (children: readonly ScorecardNode[], max: number, path: string, label: string) => {
    const sum = children.reduce((s, c) => s + c.max, 0);
    if (Math.abs(sum - max) > EPSILON) {
      issues.push(
        issue(
          path,
          'max_mismatch',
          `${label}: tổng điểm tối đa của các mục con (${sum}) khác điểm tối đa (${max})`,
          `${label}: the children's maxima add up to ${sum}, not the maximum ${max}`,
        ),
      );
    }
  };
  const visit = (node: ScorecardNode, path: string, method: ScoringMethod | undefined) => {
    if (codes.has(node.code)) {
      issues.push(
        issue(
          `${path}.code`,
          'duplicate_code',
          `Mã "${node.code}" bị trùng`,
          `Duplicate code "${node.code}"`,
        ),
      );
    }
    codes.add(node.code);
    if (!Number.isFinite(node.max) || node.max <= 0) {
      issues.push(
        issue(
          `${path}.max`,
          'invalid_max',
          `Mục ${node.code}: điểm tối đa phải là số dương`,
          `Node ${node.code}: maximum points must be a positive number`,
        ),
      );
    }
    if (node.method !== undefined && !SCORING_METHODS.includes(node.method)) {
      issues.push(
        issue(
          `${path}.method`,
          'invalid_method',
          `Mục ${node.code}: phương pháp "${node.method}" không hợp lệ`,
          `Node ${node.code}: unknown method "${node.method}"`,
        ),
      );
    }
    const inherited = node.method ?? method;
    const children = node.children ?? [];
    if (children.length === 0) {
      if (inherited === undefined) {
        issues.push(
          issue(
            `${path}.method`,
            'missing_method',
            `Mục ${node.code}: chưa có phương pháp chấm điểm`,
            `Node ${node.code}: no scoring method`,
          ),
        );
      }
      return;
    }
    checkSum(children, node.max, `${path}.max`, node.code);
    children.forEach((child, i) => {
      visit(child, `${path}.children[${i}]`, inherited);
    });
  };
  if (definition.areas.length === 0) {
    issues.push(
      issue('areas', 'empty_scorecard', 'Bộ tiêu chí chưa có lĩnh vực', 'The scorecard has no area'),
    );
  }
  checkSum(definition.areas, definition.max, 'max', definition.code);
  definition.areas.forEach((area, i) => {
    visit(area, `areas[${i}]`, undefined);
  });
  return issues;
}

/**
 * Computes a scorecard from leaf scores.
 *
 * Rule: a leaf earns min(score, max) (a missing score counts 0 and makes the result incomplete); a parent earns
 * min(max, sum of its children); the total is the sum of the areas. share = points / max; weight = max /
 * scorecard max. byMethod sums leaf points and maxima per method. Throws a {@link ScorecardError} for an invalid
 * definition, a negative or non-numeric score, a score for a node that has children, or a code not in the
 * scorecard.
 */
export function computeScorecard(definition: ScorecardDefinition, scores: ScorecardScores): ScorecardResult {
  const definitionIssues = validateScorecard(definition);
  if (definitionIssues.length > 0) throw new ScorecardError(definitionIssues);

  const issues: FieldError[] = [];
  const leaves = new Set<string>();
  const parents = new Set<string>();
  const collect = (node: ScorecardNode) => {
    if (node.children?.length) {
      parents.add(node.code);
      node.children.forEach(collect);
    } else {
      leaves.add(node.code);
    }
  };
  definition.areas.forEach(collect);
  for (const [code, value] of Object.entries(scores)) {
    if (parents.has(code)) {
      issues.push(
        issue(
          `scores.${code}`,
          'score_on_parent',
          `Mục ${code} có mục con: hãy chấm điểm các mục con`,
          `Node ${code} has children: score its children instead`,
        ),
      );
    } else if (!leaves.has(code)) {
      issues.push(
        issue(`scores.${code}`, 'unknown_code', `Không có mục ${code}`, `No node with code ${code}`),
      );
    } else if (!Number.isFinite(value) || value < 0) {
      issues.push(
        issue(
          `scores.${code}`,
          'invalid_score',
          `Điểm của mục ${code} phải là số không âm: ${value}`,
          `The score of ${code} must be a non-negative number: ${value}`,
        ),
      );
    }
  }
  if (issues.length > 0) throw new ScorecardError(issues);

  const byMethod = Object.fromEntries(
    SCORING_METHODS.map((m): [ScoringMethod, ScorecardMethodTotal] => [m, { max: 0, points: 0 }]),
  ) as Record<ScoringMethod, ScorecardMethodTotal>;
  const missing: string[] = [];
  const evaluate = (node: ScorecardNode, depth: number, inherited?: ScoringMethod): ScorecardNodeResult => {
    const method = node.method ?? inherited;
    const base = { code: node.code, name: node.name, depth, max: node.max, evidence: node.evidence ?? [] };
    const weight = node.max / definition.max;
    if (!node.children?.length) {
      const leafMethod = method!;
      const score = scores[node.code];
      if (score === undefined) missing.push(node.code);
      const points = Math.min(score ?? 0, node.max);
      byMethod[leafMethod].max += node.max;
      byMethod[leafMethod].points += points;
      return {
        ...base,
        method: leafMethod,
        points,
        share: points / node.max,
        weight,
        scored: score !== undefined,
        capped: score !== undefined && score > node.max,
        children: [],
      };
    }
    const children = node.children.map((child) => evaluate(child, depth + 1, method));
    const sum = children.reduce((s, c) => s + c.points, 0);
    const points = Math.min(sum, node.max);
    const methods = new Set(children.map((c) => c.method));
    return {
      ...base,
      method: methods.size === 1 ? [...methods][0]! : null,
      points,
      share: points / node.max,
      weight,
      scored: children.every((c) => c.scored),
      capped: sum > node.max + EPSILON || children.some((c) => c.capped),
      children,
    };
  };
  const areas = definition.areas.map((area) => evaluate(area, 0));
  const points = Math.min(
    definition.max,
    areas.reduce((s, a) => s + a.points, 0),
  );
  return {
    definition: definition.code,
    max: definition.max,
    points,
    share: points / definition.max,
    complete: missing.length === 0,
    missing,
    byMethod,
    areas,
  };
}
