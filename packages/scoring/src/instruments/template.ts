import { deepFreeze } from './deep-freeze.js';
import type {
  AnswerScale,
  FieldError,
  Instrument,
  InstrumentDimension,
  InstrumentItem,
  LocalizedText,
} from './types.js';
import { InstrumentValidationError, validateInstrument } from './validation.js';

/** A deep copy of plain JSON data (instrument definitions are plain data). */
function copyData<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** What a custom instrument changes relative to its template. `code` and `version` are always its own. */
export interface InstrumentOverrides {
  code: string;
  version: string;
  name?: LocalizedText;
  description?: LocalizedText;
  source?: string;
  scale?: AnswerScale;
  /** Replaces the template's dimensions entirely (applied before `omitItems` and `addItems`). */
  dimensions?: InstrumentDimension[];
  /** Item codes to leave out; a dimension left without items is removed. */
  omitItems?: string[];
  /** Items appended to existing dimensions (by dimension code), e.g. a province's own questions. */
  addItems?: { dimension: string; items: InstrumentItem[] }[];
  aggregation?: string;
}

/**
 * Builds a custom instrument (e.g. a province's own survey) from a template such as `SIPAS_2017`:
 * a deep copy of the template with the overrides applied, validated with `validateInstrument`, then frozen.
 * Throws `InstrumentValidationError` (with per-field paths and vi/en messages) when the result is invalid.
 */
export function createInstrumentFromTemplate(
  template: Instrument,
  overrides: InstrumentOverrides,
): Instrument {
  const errors: FieldError[] = [];
  const omitted = new Set(overrides.omitItems ?? []);
  let dimensions: InstrumentDimension[] = copyData(overrides.dimensions ?? template.dimensions);

  const known = new Set(dimensions.flatMap((dimension) => dimension.items.map((item) => item.code)));
  (overrides.omitItems ?? []).forEach((code, i) => {
    if (!known.has(code)) {
      errors.push({
        path: `omitItems[${i}]`,
        code: 'unknown_item',
        message: { vi: `Không có tiêu chí mã "${code}".`, en: `There is no item with code "${code}".` },
      });
    }
  });
  dimensions = dimensions
    .map((dimension) => ({ ...dimension, items: dimension.items.filter((item) => !omitted.has(item.code)) }))
    .filter((dimension) => dimension.items.length > 0);

  (overrides.addItems ?? []).forEach((addition, i) => {
    const dimension = dimensions.find((candidate) => candidate.code === addition.dimension);
    if (!dimension) {
      errors.push({
        path: `addItems[${i}].dimension`,
        code: 'unknown_dimension',
        message: {
          vi: `Không có nhóm tiêu chí mã "${addition.dimension}".`,
          en: `There is no dimension with code "${addition.dimension}".`,
        },
      });
      return;
    }
    dimension.items.push(...copyData(addition.items));
  });

  const instrument: Instrument = {
    code: overrides.code,
    version: overrides.version,
    name: copyData(overrides.name ?? template.name),
    scale: copyData(overrides.scale ?? template.scale),
    dimensions,
    aggregation: overrides.aggregation ?? template.aggregation,
  };
  const description = overrides.description ?? template.description;
  if (description) instrument.description = copyData(description);
  const source = overrides.source ?? template.source;
  if (source !== undefined) instrument.source = source;

  errors.push(...validateInstrument(instrument));
  if (errors.length > 0) throw new InstrumentValidationError(errors);
  return deepFreeze(instrument);
}
