import type { Instrument, InstrumentDimension, InstrumentItem } from './types.js';

/** The flattened item order of an instrument: the order answers are stored in. */
export interface InstrumentLayout {
  /** Item codes in answer order (dimension by dimension). */
  itemCodes: readonly string[];
  /** For each item in answer order, the index of its dimension. */
  itemDimension: readonly number[];
  /** For each dimension, the answer index of its first item; `dimensionStart[d + 1]` ends it. */
  dimensionStart: readonly number[];
}

const layouts = new WeakMap<Instrument, InstrumentLayout>();

function buildLayout(instrument: Instrument): InstrumentLayout {
  const itemCodes: string[] = [];
  const itemDimension: number[] = [];
  const dimensionStart: number[] = [];
  instrument.dimensions.forEach((dimension, d) => {
    dimensionStart.push(itemCodes.length);
    for (const item of dimension.items) {
      itemCodes.push(item.code);
      itemDimension.push(d);
    }
  });
  dimensionStart.push(itemCodes.length);
  return { itemCodes, itemDimension, dimensionStart };
}

/**
 * The item order of an instrument. Cached for frozen instruments (all built-ins and those made by
 * `createInstrumentFromTemplate`), recomputed for others.
 */
export function instrumentLayout(instrument: Instrument): InstrumentLayout {
  if (!Object.isFrozen(instrument)) return buildLayout(instrument);
  let layout = layouts.get(instrument);
  if (!layout) {
    layout = Object.freeze(buildLayout(instrument));
    layouts.set(instrument, layout);
  }
  return layout;
}

/** Item codes in answer order: `answers[i]` answers item `itemCodes(instrument)[i]`. */
export function itemCodes(instrument: Instrument): string[] {
  return [...instrumentLayout(instrument).itemCodes];
}

/** Number of items (the length of an answers array). */
export function itemCount(instrument: Instrument): number {
  return instrumentLayout(instrument).itemCodes.length;
}

/** Position of an item in the answers array, or -1 when the instrument has no such item. */
export function itemIndex(instrument: Instrument, code: string): number {
  return instrumentLayout(instrument).itemCodes.indexOf(code);
}

/** The item with this code, or undefined. */
export function findItem(instrument: Instrument, code: string): InstrumentItem | undefined {
  for (const dimension of instrument.dimensions) {
    const item = dimension.items.find((candidate) => candidate.code === code);
    if (item) return item;
  }
  return undefined;
}

/** The dimension that holds the item with this code, or undefined. */
export function dimensionOfItem(instrument: Instrument, code: string): InstrumentDimension | undefined {
  return instrument.dimensions.find((dimension) => dimension.items.some((item) => item.code === code));
}
