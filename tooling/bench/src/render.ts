import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ratio } from './load.js';
import { markdown, type Result } from './report.js';

/**
 * `pnpm --filter @chiso/bench render <json> <markdown>`: writes a run's report again from its raw figures
 * (`bench-results/*.json`), with the ratios derived anew, after a change to the report's format; no figure is
 * measured again.
 */
const [json, target] = process.argv.slice(2).filter((a) => a !== '--');
if (!json || !target) throw new Error('usage: render <bench-results/….json> <BENCHMARKS….md>');
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const result = JSON.parse(await readFile(`${repoRoot}${json}`, 'utf8')) as Result;
for (const s of result.scenarios) {
  if (s.name === 'copyImport') continue; // its ratios are rows per second, not requests
  s.ratio = ratio(s.api, s.baseline);
  if (s.name === 'ranking') {
    s.figures = {
      ...s.figures,
      'scan p50 / API p50': Math.round(s.baseline.p50Ms / Math.max(s.api.p50Ms, 0.1)),
    };
  }
}
await writeFile(`${repoRoot}${json}`, `${JSON.stringify(result, null, 2)}\n`);
await writeFile(`${repoRoot}${target}`, markdown(result, json));
process.stdout.write(`Wrote ${target} from ${json}.\n`);
