/**
 * Colour bands of the heat map (ColorBrewer "Blues", colour-blind safe), each with a text colour that keeps a
 * contrast of at least 4.5:1, so every value stays readable in its cell.
 */
export const HEAT_BANDS = [
  { from: 90, background: '#08519c', color: '#ffffff', label: '≥ 90' },
  { from: 80, background: '#2171b5', color: '#ffffff', label: '80–90' },
  { from: 70, background: '#6baed6', color: '#000000', label: '70–80' },
  { from: 60, background: '#bdd7e7', color: '#000000', label: '60–70' },
  { from: -Infinity, background: '#eff3ff', color: '#000000', label: '< 60' },
] as const;

/** The colour band of an index value (percent). */
export function heatBand(value: number) {
  return HEAT_BANDS.find((b) => value >= b.from) ?? HEAT_BANDS[HEAT_BANDS.length - 1]!;
}
