import { startPostgres } from '@chiso/db';
import { generateDataset, log, PRESETS } from './generate.js';

const args = process.argv.slice(2);
const preset = PRESETS[args.includes('--full') ? 'full' : 'quick'];
const count = args.find((a) => a.startsWith('--responses='));
const chosen = count ? { ...preset, responses: Number(count.split('=')[1]) } : preset;

const server = await startPostgres();
try {
  log(`Generating the ${chosen.name} dataset (${chosen.responses.toLocaleString('en')} responses)…`);
  const start = performance.now();
  const summary = await generateDataset(server, chosen);
  log(JSON.stringify({ ...summary, totalMs: Math.round(performance.now() - start) }, null, 2));
} finally {
  await server.stop();
}
