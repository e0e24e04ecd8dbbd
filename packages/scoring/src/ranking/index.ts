export { betaDraw, gammaDraw, mulberry32, normalDraw, type UniformSource } from './random.js';
export {
  type RankChange,
  type RankEntry,
  type RankedUnit,
  type RankOptions,
  rankChange,
  rankUnits,
  roundTo,
} from './rank.js';
export {
  type RankInterval,
  type RankIntervalOptions,
  type RankIntervalUnit,
  rankIntervals,
} from './rank-intervals.js';
