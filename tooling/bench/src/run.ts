import { type ChildProcess, fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { startPostgres } from '@chiso/db';
import autocannon from 'autocannon';
import pg from 'pg';
import {
  BENCH_DATABASE,
  type DatasetSummary,
  datasetTag,
  generateDataset,
  log,
  PRESETS,
  readDatasetTag,
} from './generate.js';

/**
 * `pnpm bench`: the real API (production mode, its own process) against a bare `node:http` + `pg` baseline
 * (its own process), each under the same bounded autocannon load from this process, on loopback.
 */

const args = process.argv.slice(2);
const preset = PRESETS[args.includes('--full') ? 'full' : 'quick'];
const DURATION_S = preset.name === 'quick' ? 10 : 20;
const CONNECTIONS = 10;
const REPORT_UNIT = '01';
const REPORT_YEAR = 2024;
const SEARCH = 'giấy phép xây dựng';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
// The built API (turbo builds it before \`bench\`), else its sources through tsx.
const apiDist = fileURLToPath(new URL('../../../apps/api/dist/main.js', import.meta.url));
const apiSource = fileURLToPath(new URL('../../../apps/api/src/main.ts', import.meta.url));
const baselineMain = fileURLToPath(new URL('./baseline.ts', import.meta.url));

interface Measure {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  non2xx: number;
}

interface ScenarioResult {
  name: string;
  title: string;
  api: Measure;
  baseline: Measure;
  /** API / baseline: throughput ratio, and latency ratios (above 1 = the API is slower). */
  ratio: { throughput: number; p50: number; p99: number };
  check: Record<string, unknown>;
}

async function load(
  url: string,
  request: { method: 'GET' | 'POST'; body?: string },
  seconds: number,
): Promise<Measure> {
  const result = await autocannon({
    url,
    method: request.method,
    ...(request.body ? { body: request.body } : {}),
    headers: { 'content-type': 'application/json' },
    connections: CONNECTIONS,
    duration: seconds,
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

async function measure(url: string, request: { method: 'GET' | 'POST'; body?: string }): Promise<Measure> {
  await load(url, request, 2); // warm-up: plans, pools, JIT
  return load(url, request, DURATION_S);
}

function waitForMessage(child: ChildProcess): Promise<{ port: number }> {
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve(m as { port: number }));
    child.once('exit', (code) => reject(new Error(`baseline exited with ${code}`)));
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited (${child.exitCode}):\n${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the API did not become ready:\n${output()}`);
}

/** Peak resident memory of a process (VmHWM), in MB. */
async function peakRssMb(pid: number | undefined): Promise<number | null> {
  if (!pid) return null;
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}

async function graphql(apiUrl: string, query: string) {
  const response = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

function ratio(api: Measure, baseline: Measure) {
  const r = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : 0);
  return {
    throughput: r(api.requestsPerSecond, baseline.requestsPerSecond),
    p50: r(api.p50Ms, baseline.p50Ms),
    p99: r(api.p99Ms, baseline.p99Ms),
  };
}

async function main() {
  const started = Date.now();
  const server = await startPostgres();
  const children: ChildProcess[] = [];
  try {
    let dataset: DatasetSummary | null = null;
    if ((await readDatasetTag(server)) !== datasetTag(preset) || args.includes('--regenerate')) {
      log(`Generating the ${preset.name} dataset in ${BENCH_DATABASE}…`);
      dataset = await generateDataset(server, preset);
    } else {
      log(`Reusing the ${preset.name} dataset in ${BENCH_DATABASE} (--regenerate to rebuild it).`);
    }
    const url = server.urlFor(BENCH_DATABASE);
    const counts = await datasetCounts(url);

    // The real API, production mode, in its own process.
    const apiPort = 40_000 + Math.floor(Math.random() * 10_000);
    let apiOutput = '';
    const apiArgs = existsSync(apiDist) ? [apiDist] : ['--import', 'tsx', apiSource];
    const api = spawn(process.execPath, apiArgs, {
      cwd: repoRoot,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(apiPort),
        DATABASE_URL: url,
        LOG_LEVEL: 'warn',
        CHISO_DEMO_SEED: 'false',
        CHISO_DATA_KEY: randomBytes(32).toString('base64'),
        CHISO_PSEUDONYM_SECRET: randomBytes(32).toString('hex'),
        // Load from one loopback address would otherwise be rate-limited after 300 requests.
        CHISO_RATE_LIMIT_ANONYMOUS_PER_MINUTE: '100000000',
        CHISO_PORTAL_DIR: '/nonexistent',
        CHISO_ADMIN_DIR: '/nonexistent',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(api);
    api.stdout.on('data', (d) => {
      apiOutput = (apiOutput + String(d)).slice(-4000);
    });
    api.stderr.on('data', (d) => {
      apiOutput = (apiOutput + String(d)).slice(-4000);
    });
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    await waitForHealth(`${apiUrl}/readyz`, api, () => apiOutput);

    const baseline = fork(baselineMain, [], {
      execArgv: ['--import', 'tsx'],
      env: { PATH: process.env.PATH, DATABASE_URL: url, PORT: '0' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    children.push(baseline);
    const baselineUrl = `http://127.0.0.1:${(await waitForMessage(baseline)).port}`;

    const scenarios: ScenarioResult[] = [];

    // (a) indexReport of a province for a year: rollups against a scan of the raw responses.
    {
      const query = `{ indexReport(unit: "${REPORT_UNIT}", year: ${REPORT_YEAR}) { ... on IndexReport { overall { value n } coverage { responded } } } }`;
      const apiAnswer = await graphql(apiUrl, query);
      const overall = (apiAnswer.data?.indexReport as { overall?: { value: number; n: number } } | undefined)
        ?.overall;
      if (!overall) throw new Error(`indexReport failed: ${JSON.stringify(apiAnswer)}`);
      const reportPath = `/report?unit=${REPORT_UNIT}&year=${REPORT_YEAR}`;
      const raw = (await (await fetch(`${baselineUrl}${reportPath}`)).json()) as { n: number; value: number };
      const agree = raw.n === overall.n && Math.abs(raw.value - overall.value) < 1e-6;
      if (!agree) throw new Error(`API and baseline disagree: ${JSON.stringify({ overall, raw })}`);
      log(
        `indexReport ${REPORT_UNIT}/${REPORT_YEAR}: ${overall.value.toFixed(2)} % over ${overall.n} responses`,
      );
      const apiMeasure = await measure(`${apiUrl}/graphql`, {
        method: 'POST',
        body: JSON.stringify({ query }),
      });
      const baselineMeasure = await measure(`${baselineUrl}${reportPath}`, { method: 'GET' });
      scenarios.push({
        name: 'indexReport',
        title: `indexReport of province ${REPORT_UNIT} for ${REPORT_YEAR} (rollups) vs a scan of its raw responses`,
        api: apiMeasure,
        baseline: baselineMeasure,
        ratio: ratio(apiMeasure, baselineMeasure),
        check: { value: overall.value, n: overall.n, baselineValue: raw.value, baselineN: raw.n },
      });
    }

    // (b) catalog search, diacritic-insensitive.
    {
      const query = `{ procedures(search: "${SEARCH}", first: 20) { totalCount edges { node { id code name } } } }`;
      const apiAnswer = await graphql(apiUrl, query);
      const total = (apiAnswer.data?.procedures as { totalCount: number | null } | undefined)?.totalCount;
      if (total === undefined) throw new Error(`procedures failed: ${JSON.stringify(apiAnswer)}`);
      const searchPath = `/search?q=${encodeURIComponent(SEARCH)}`;
      const raw = (await (await fetch(`${baselineUrl}${searchPath}`)).json()) as { total: number };
      log(`procedures(search: "${SEARCH}"): API ${total} matches, baseline ${raw.total}`);
      const apiMeasure = await measure(`${apiUrl}/graphql`, {
        method: 'POST',
        body: JSON.stringify({ query }),
      });
      const baselineMeasure = await measure(`${baselineUrl}${searchPath}`, { method: 'GET' });
      scenarios.push({
        name: 'catalogSearch',
        title: `procedures(search: "${SEARCH}", first: 20) vs raw LIKE / trigram SQL`,
        api: apiMeasure,
        baseline: baselineMeasure,
        ratio: ratio(apiMeasure, baselineMeasure),
        check: { apiTotal: total, baselineTotal: raw.total },
      });
    }

    const apiPeakRssMb = await peakRssMb(api.pid);
    const result = {
      date: new Date().toISOString(),
      preset: preset.name,
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
        memoryGb: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        postgres: await serverVersion(url),
      },
      load: { connections: CONNECTIONS, durationSeconds: DURATION_S, warmupSeconds: 2 },
      dataset: { ...counts, generatedNow: dataset !== null, generationMs: dataset?.timingsMs ?? null },
      apiPeakRssMb,
      scenarios,
      totalSeconds: Math.round((Date.now() - started) / 1000),
    };
    await mkdir(`${repoRoot}bench-results`, { recursive: true });
    await writeFile(`${repoRoot}bench-results/latest.json`, `${JSON.stringify(result, null, 2)}\n`);
    await writeFile(`${repoRoot}BENCHMARKS.md`, markdown(result));
    for (const s of scenarios) {
      log(
        `${s.name}: API ${s.api.requestsPerSecond} req/s p50 ${s.api.p50Ms} ms p99 ${s.api.p99Ms} ms | ` +
          `baseline ${s.baseline.requestsPerSecond} req/s p50 ${s.baseline.p50Ms} ms p99 ${s.baseline.p99Ms} ms | ` +
          `throughput ×${s.ratio.throughput}`,
      );
    }
    log(`API: ${apiArgs.join(' ')}`);
    log(`Wrote BENCHMARKS.md and bench-results/latest.json (${result.totalSeconds} s).`);
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    await server.stop();
  }
}

async function datasetCounts(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<Record<string, string>>(`
      select (select count(*) from administrative_unit where level_code = 'PROVINCE') as provinces,
        (select count(*) from agency) as agencies,
        (select count(*) from procedure) as procedures,
        (select count(*) from campaign) as campaigns,
        (select count(*) from survey_response) as responses,
        (select count(*) from survey_rollup_cell) as rollup_cells,
        (select count(*) from survey_rollup_count) as rollup_count_rows,
        pg_size_pretty(pg_database_size(current_database())) as database_size`);
    const row = rows[0]!;
    return {
      provinces: Number(row.provinces),
      agencies: Number(row.agencies),
      procedures: Number(row.procedures),
      campaigns: Number(row.campaigns),
      responses: Number(row.responses),
      rollupCells: Number(row.rollup_cells),
      rollupCountRows: Number(row.rollup_count_rows),
      databaseSize: row.database_size!,
    };
  } finally {
    await client.end();
  }
}

async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>(`select current_setting('server_version') as v`);
    return rows[0]!.v;
  } finally {
    await client.end();
  }
}

type Result = {
  date: string;
  preset: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; postgres: string };
  load: { connections: number; durationSeconds: number; warmupSeconds: number };
  dataset: Awaited<ReturnType<typeof datasetCounts>>;
  apiPeakRssMb: number | null;
  scenarios: ScenarioResult[];
  totalSeconds: number;
};

function markdown(r: Result): string {
  const n = (x: number) => x.toLocaleString('en');
  const rows = (s: ScenarioResult) =>
    [
      '| | Throughput (req/s) | p50 (ms) | p99 (ms) | Requests | Errors / non-2xx |',
      '|---|---:|---:|---:|---:|---:|',
      `| API (GraphQL) | ${n(s.api.requestsPerSecond)} | ${s.api.p50Ms} | ${s.api.p99Ms} | ${n(s.api.requests)} | ${s.api.errors} / ${s.api.non2xx} |`,
      `| Baseline (node:http + pg) | ${n(s.baseline.requestsPerSecond)} | ${s.baseline.p50Ms} | ${s.baseline.p99Ms} | ${n(s.baseline.requests)} | ${s.baseline.errors} / ${s.baseline.non2xx} |`,
      `| **API / baseline** | **×${s.ratio.throughput}** | ×${s.ratio.p50} | ×${s.ratio.p99} | | |`,
    ].join('\n');
  return `# Benchmarks

Produced by \`pnpm bench\` (\`tooling/bench\`, preset \`${r.preset}\`) on ${r.date.slice(0, 10)}. Raw figures:
[\`bench-results/latest.json\`](bench-results/latest.json).

## Machine and method

- ${r.machine.cpus} cores (${r.machine.cpuModel}), ${r.machine.memoryGb} GB RAM; Node ${r.machine.node}; PostgreSQL ${r.machine.postgres}.
  The API, the baseline, the load generator and PostgreSQL share the machine.
- The **API** is the real server (\`apps/api\`, \`NODE_ENV=production\`) in its own process; the **baseline** is a
  bare \`node:http\` handler running hand-written SQL through \`pg\` (pool of 10) in another process. Both read the
  same database. Before loading, the runner checks that both return the same figures.
- Load: autocannon from the bench process over loopback, ${r.load.connections} connections, ${r.load.warmupSeconds} s warm-up then
  ${r.load.durationSeconds} s measured, per side and scenario.
- Dataset (\`chiso_bench\`, ${r.dataset.databaseSize}): ${r.dataset.provinces} provinces (63 before and 34 after the 2025 merger),
  ${n(r.dataset.agencies)} agencies, ${n(r.dataset.procedures)} procedures, ${r.dataset.campaigns} SIPAS campaigns,
  **${n(r.dataset.responses)} survey responses**, ${n(r.dataset.rollupCells)} rollup cells
  (${n(r.dataset.rollupCountRows)} item-level rows). Generated deterministically (seeded PRNG, COPY) by
  \`pnpm --filter @chiso/bench generate --quick|--full\`.
- API peak resident memory over the run: ${r.apiPeakRssMb ?? 'n/a'} MB.

${r.scenarios
  .map(
    (s) => `## ${s.title}

${rows(s)}

Check: \`${JSON.stringify(s.check)}\`
`,
  )
  .join('\n')}
## Reading the figures

- The ratio is API / baseline: above 1 for throughput means the API serves more requests per second; above 1 for
  latency means it is slower.
- At this dataset size a province holds a few thousand responses for a year, so a scan through the
  \`(province, campaign, unit, month)\` index is still cheap. \`indexReport\` reads the unit's monthly margins
  (twelve rows a year per unit and campaign, whatever the number of responses) in four statements, so its cost
  stays flat as responses grow while the scan's grows with them (the issue's target is 10 M responses). The
  \`--full\` preset measures a larger set.
- Not yet measured (issue 8): ranking, survey submission, COPY import, the desk queue, mixed-load memory.
`;
}

await main();
