import { describe, expect, it } from 'vitest';
import { HEAT_BANDS, heatBand } from './heat-bands.js';

/** WCAG 2 relative luminance of a `#rrggbb` colour. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe('heat map bands', () => {
  it('keep every value readable: text on its band has a contrast of at least 4.5:1', () => {
    for (const band of HEAT_BANDS) {
      expect(contrast(band.background, band.color), band.label).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('put each value in the band of its range, lower bounds included', () => {
    expect(heatBand(95).label).toBe('≥ 90');
    expect(heatBand(90).label).toBe('≥ 90');
    expect(heatBand(89.99).label).toBe('80–90');
    expect(heatBand(70).label).toBe('70–80');
    expect(heatBand(60).label).toBe('60–70');
    expect(heatBand(59.9).label).toBe('< 60');
    expect(heatBand(0).label).toBe('< 60');
  });
});
