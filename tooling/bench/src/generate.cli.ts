import { startPostgres } from '@chiso/db';
import { benchDatabase, generateDataset, log, PRESETS } from './generate.js';

/**
 * `pnpm --filter @chiso/bench generate [--quick|--full] [--responses=N]`: (re)generates a preset's dataset
 * without running the benchmarks. `CHISO_DATA_DIR` and `CHISO_BENCH_PG_PORT` as for `pnpm bench`.
 */
const args = process.argv.slice(2);
const preset = PRESETS[args.includes('--full') ? 'full' : 'quick'];
const count = args.find((a) => a.startsWith('--responses='));
const chosen = count ? { ...preset, responses: Number(count.split('=')[1]) } : preset;

const port = process.env.CHISO_BENCH_PG_PORT ? Number(process.env.CHISO_BENCH_PG_PORT) : undefined;
const server = await startPostgres(port ? { port } : {});
try {
  log(
    `Generating the ${chosen.name} dataset (${chosen.responses.toLocaleString('en')} responses) in ${benchDatabase(chosen)}…`,
  );
  const start = performance.now();
  const summary = await generateDataset(server, chosen);
  log(JSON.stringify({ ...summary, totalMs: Math.round(performance.now() - start) }, null, 2));
} finally {
  await server.stop();
}
