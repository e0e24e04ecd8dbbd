import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { missingDescriptions } from './descriptions.js';
import { schema } from './index.js';

/**
 * Rewrites `description-gaps.json` with the schema elements that still have no description
 * (`pnpm --filter @chiso/api schema:gaps`). The schema test allows no element beyond this list, so after
 * describing some elements run it to record the shorter list; never run it to accept a new undescribed one.
 */
const gapsFile = fileURLToPath(new URL('./description-gaps.json', import.meta.url));
const missing = missingDescriptions(schema);
await writeFile(gapsFile, `${JSON.stringify(missing, null, 2)}\n`);
console.log(`Wrote ${gapsFile}: ${missing.length} elements without a description`);
