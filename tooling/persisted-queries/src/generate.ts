/**
 * `pnpm persisted:generate`: reads `apps/*\/src/**\/*.ts(x)` (tests and declaration files aside) and writes the
 * allow-list to `apps/api/persisted-queries.json` (or the path given as the first argument). Production points
 * `CHISO_PERSISTED_QUERIES_FILE` at it with `CHISO_PERSISTED_QUERIES=allowlist`. Run it after changing a
 * document in the portal or admin app; a test fails while the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildManifest } from './extract.js';
import { appSources } from './sources.js';

const root = resolve(fileURLToPath(import.meta.url), '../../../..');
const output = resolve(process.argv[2] ?? resolve(root, 'apps/api/persisted-queries.json'));
const manifest = buildManifest(appSources(root));
writeFileSync(output, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`${manifest.operations.length} operations → ${relative(process.cwd(), output)}`);
