/**
 * Builds the provinces map the portal draws: `src/geo/vn-provinces.topo.json` (fetched by the map, never bundled), one TopoJSON topology with two
 * objects over the same arcs, each geometry's `id` the GSO code of its province:
 *   - `provinces2008`: the 63 provinces of 1 August 2008 – 30 June 2025 (Côn Đảo dissolved into 77);
 *   - `provinces2025`: the 34 provinces from 1 July 2025, each the merge of its predecessors' shapes along the
 *     succession table (whole provinces merged, Resolution 202/2025/QH15).
 * Source: geoBoundaries VNM ADM1 (simplified), public domain source data, attribution "geoBoundaries" (CC BY 4.0),
 * kept with its licence in packages/db/data/geo. Run `pnpm --filter @chiso/portal map:build` after changing it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mergeArcs } from 'topojson-client';

const here = dirname(fileURLToPath(import.meta.url));
const data = join(here, '../../../packages/db/data');
const out = join(here, '../src/geo/vn-provinces.topo.json');

function csv(path) {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const names = header.split(',');
  // The columns read here hold no quoted commas.
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i], v])));
}

const topology = JSON.parse(
  readFileSync(join(data, 'geo/geoBoundaries-VNM-ADM1_simplified.topojson'), 'utf8'),
);
const codeOfShape = new Map(
  csv(join(data, 'geo/geoboundaries_vnm_adm1_crosswalk.csv')).map((r) => [r.shapeID, r.gso_code]),
);
const successorOf = new Map(
  csv(join(data, 'province_succession_2025.csv')).map((r) => [r.old_code, r.new_code]),
);

const shapes = topology.objects.VNMADM1gbOpen.geometries;
const byOldCode = new Map();
for (const shape of shapes) {
  const code = codeOfShape.get(shape.properties.shapeID);
  if (!code)
    throw new Error(`No GSO code for shape ${shape.properties.shapeID} (${shape.properties.shapeName})`);
  byOldCode.set(code, [...(byOldCode.get(code) ?? []), shape]);
}
if (byOldCode.size !== 63) throw new Error(`Expected 63 old provinces, found ${byOldCode.size}`);

function merged(id, parts) {
  if (parts.length === 1 && parts[0].type === 'Polygon') return { type: 'Polygon', arcs: parts[0].arcs, id };
  return { ...mergeArcs(topology, parts), id };
}

const provinces2008 = [...byOldCode.entries()]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([code, parts]) => merged(code, parts));

const groups = new Map();
for (const [oldCode, parts] of byOldCode) {
  const successor = successorOf.get(oldCode);
  if (!successor) throw new Error(`No successor for province ${oldCode}`);
  groups.set(successor, [...(groups.get(successor) ?? []), ...parts]);
}
if (groups.size !== 34) throw new Error(`Expected 34 provinces of 2025, found ${groups.size}`);
const provinces2025 = [...groups.entries()]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([code, parts]) => merged(code, parts));

const result = {
  type: 'Topology',
  transform: topology.transform,
  arcs: topology.arcs,
  objects: {
    provinces2008: { type: 'GeometryCollection', geometries: provinces2008 },
    provinces2025: { type: 'GeometryCollection', geometries: provinces2025 },
  },
};
writeFileSync(out, `${JSON.stringify(result)}\n`);
console.log(`${out}: ${provinces2008.length} + ${provinces2025.length} provinces`);
