/** A text in Vietnamese (first) and English. */
export interface LocalizedText {
  vi: string;
  en: string;
}

/** One level of an answer scale, e.g. `5 — Rất hài lòng / Very satisfied`. */
export interface AnswerLevel {
  value: number;
  label: LocalizedText;
}

/**
 * The answer scale shared by every item of an instrument.
 * Levels are the integers `min..max`, each listed exactly once; an answer `a` counts as satisfied when
 * `a >= satisfiedFrom` (top-2-box on a 5-level scale is `satisfiedFrom: 4`).
 */
export interface AnswerScale {
  min: number;
  max: number;
  levels: AnswerLevel[];
  satisfiedFrom: number;
}

/**
 * One question (criterion, indicator). `wordingStatus`: `official` when the wording was seen on an official
 * form, `believed` when it is reconstructed from secondary sources and awaits checking.
 */
export interface InstrumentItem {
  code: string;
  text: LocalizedText;
  wordingStatus?: 'official' | 'believed';
}

/** A group of items (a SIPAS factor, an A-11 driver group). */
export interface InstrumentDimension {
  code: string;
  name: LocalizedText;
  items: InstrumentItem[];
}

/**
 * A survey or evaluation instrument as data. Answers are stored aligned to the item order
 * (dimensions in order, items in order inside each dimension); `aggregation` names a rule registered with
 * `registerAggregationRule`, so each methodology version can carry its own rule.
 */
export interface Instrument {
  code: string;
  version: string;
  name: LocalizedText;
  description?: LocalizedText;
  source?: string;
  scale: AnswerScale;
  dimensions: InstrumentDimension[];
  /** Id of an aggregation rule in the registry (see `getAggregationRule`). */
  aggregation: string;
}

/** A problem with an input, located by a path such as `answers[3]` or `dimensions[1].items[0].code`. */
export interface FieldError {
  path: string;
  code: string;
  message: LocalizedText;
}
