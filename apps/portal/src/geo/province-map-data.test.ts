import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { classOf, MAP_CLASSES } from '../pages/province-map.js';

const read = (relative: string) => readFileSync(fileURLToPath(new URL(relative, import.meta.url)), 'utf8');
const topology = JSON.parse(read('./vn-provinces.topo.json')) as Topology<{
  provinces2008: GeometryCollection;
  provinces2025: GeometryCollection;
}>;
const codesOf = (csv: string) =>
  csv
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[0]!)
    .sort();

describe('the provinces map data', () => {
  it('has one shape per province of 2008–2025 (63) and of 2025 (34), named by GSO code', () => {
    const old = topology.objects.provinces2008.geometries.map((g) => String(g.id)).sort();
    const current = topology.objects.provinces2025.geometries.map((g) => String(g.id)).sort();
    expect(old).toEqual(codesOf(read('../../../../packages/db/data/provinces_2008_2025.csv')));
    expect(current).toEqual(codesOf(read('../../../../packages/db/data/provinces_2025.csv')));
  });

  it('draws a merged province over exactly its predecessors: Thái Nguyên = Thái Nguyên + Bắc Kạn', () => {
    const bbox = (code: string, object: GeometryCollection) => {
      const f = feature(topology, {
        type: 'GeometryCollection',
        geometries: object.geometries.filter((g) => g.id === code),
      });
      const points: number[][] = [];
      const walk = (c: unknown): void => {
        if (Array.isArray(c) && typeof c[0] === 'number') points.push(c as number[]);
        else if (Array.isArray(c)) for (const inner of c) walk(inner);
      };
      for (const x of f.features) walk((x.geometry as { coordinates: unknown }).coordinates);
      const xs = points.map((p) => p[0]!);
      const ys = points.map((p) => p[1]!);
      return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
    };
    const merged = bbox('19', topology.objects.provinces2025);
    const a = bbox('19', topology.objects.provinces2008);
    const b = bbox('06', topology.objects.provinces2008);
    expect(merged).toEqual([
      Math.min(a[0]!, b[0]!),
      Math.min(a[1]!, b[1]!),
      Math.max(a[2]!, b[2]!),
      Math.max(a[3]!, b[3]!),
    ]);
    // Bà Rịa - Vũng Tàu keeps Côn Đảo: one geometry of several polygons.
    const brvt = topology.objects.provinces2008.geometries.find((g) => g.id === '77')!;
    expect(brvt.type).toBe('MultiPolygon');
  });

  it('colours an index by its class and leaves missing figures without one', () => {
    expect(classOf(null)).toBeNull();
    expect(classOf(70)).toBe(MAP_CLASSES[0]);
    expect(classOf(85.16)).toBe(MAP_CLASSES[3]);
    expect(classOf(90)).toBe(MAP_CLASSES[4]);
    expect(classOf(100)).toBe(MAP_CLASSES[4]);
  });
});
