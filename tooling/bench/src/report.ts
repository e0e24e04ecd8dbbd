import type { Measure } from './load.js';

/** A target of the issue, checked against this run's figures. */
export interface Target {
  label: string;
  /** null: not measurable by this preset (e.g. a 10 M-response target on the quick dataset). */
  met: boolean | null;
  measured: string;
  /** Why it is missed (or not measured), when it is. */
  reason?: string;
}

export interface ScenarioResult {
  name: string;
  title: string;
  /** What one request does, on each side. */
  method: string;
  api: Measure;
  baseline: Measure;
  /** API / baseline: throughput, and latency (above 1 = the API is slower). */
  ratio: { throughput: number; p50: number; p99: number };
  /** Extra figures (rows per second, accepted submissions, statements per request…). */
  figures?: Record<string, number | string>;
  check: Record<string, unknown>;
  targets: Target[];
}

export interface MemoryResult {
  rounds: {
    seconds: number;
    requests: number;
    errorRate: number;
    rssAfterMb: number;
    /** Lowest and highest resident memory sampled during the round. */
    floorMb: number;
    peakMb: number;
  }[];
  peakMb: number;
  growthMb: number;
  targets: Target[];
}

export interface SoakResult {
  minutes: number;
  requests: number;
  errors: number;
  errorRate: number;
  /** Lowest resident memory sampled in each minute (after garbage collection), and the highest. */
  rssByMinuteMb: number[];
  highByMinuteMb: number[];
  growthMb: number;
  fuzz: { runs: number; seed: number; passed: boolean; seconds: number; summary: string } | null;
  targets: Target[];
}

export interface Result {
  date: string;
  preset: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    loadAverage: number[];
    node: string;
    postgres: string;
  };
  load: { connections: number; durationSeconds: number; warmupSeconds: number };
  dataset: Record<string, number | string | boolean | null | Record<string, number>>;
  scenarios: ScenarioResult[];
  memory: MemoryResult | null;
  soak: SoakResult | null;
  apiPeakRssMb: number | null;
  totalSeconds: number;
  /** `--quick` under 3 minutes, generation included. */
  runTarget?: Target;
}

const n = (x: number) => x.toLocaleString('en');

/** How the run came by its dataset: generated (with the time of each step) or reused. */
function generation(d: Result['dataset']): string {
  const timings = d.generationMs as Record<string, number> | null;
  if (!d.generatedNow || !timings) {
    return `before this run (reused${d.migratedOnReuse ? `, migrated forward: ${d.migratedOnReuse}` : ''})`;
  }
  const total = Object.values(timings).reduce((a, b) => a + b, 0);
  return `during this run, in ${(total / 1000).toFixed(0)} s (${Object.entries(timings)
    .map(([step, ms]) => `${step} ${(ms / 1000).toFixed(1)} s`)
    .join(', ')})`;
}
const verdict = (t: Target) => (t.met === null ? 'not measured' : t.met ? '**met**' : '**missed**');

function targetsTable(targets: Target[]): string {
  if (targets.length === 0) return '';
  return [
    '| Target | Measured | Verdict | Why |',
    '|---|---|---|---|',
    ...targets.map((t) => `| ${t.label} | ${t.measured} | ${verdict(t)} | ${t.reason ?? ''} |`),
  ].join('\n');
}

function scenarioSection(s: ScenarioResult): string {
  // No request finished inside the window: its latency is longer than the window, not zero.
  const ms = (m: Measure, x: number) => (m.requests === 0 ? '> window' : String(x));
  const row = (label: string, m: Measure) =>
    `| ${label}${m.mode === 'sequential' ? ' ¹' : ''} | ${n(m.requestsPerSecond)} | ${ms(m, m.p50Ms)} | ${ms(m, m.p99Ms)} | ${n(m.requests)} | ${m.errors} / ${m.non2xx} / ${m.graphqlErrors} |`;
  const sequential =
    s.api.mode === 'sequential' || s.baseline.mode === 'sequential'
      ? '\n¹ One request alone took more than a twentieth of the window: measured by the requests counted here, sent one after another (no concurrency, so its latency is the lowest it can be), instead of under the concurrent load.\n'
      : '';
  const figures = s.figures
    ? `\n${Object.entries(s.figures)
        .map(([k, v]) => `- ${k}: ${typeof v === 'number' ? n(v) : v}`)
        .join('\n')}\n`
    : '';
  return `## ${s.title}

${s.method}

| | Throughput (req/s) | p50 (ms) | p99 (ms) | Requests | Errors / non-2xx / GraphQL errors |
|---|---:|---:|---:|---:|---:|
${row('API (GraphQL)', s.api)}
${row('Baseline (node:http + pg)', s.baseline)}
| **API / baseline** | **×${s.ratio.throughput}** | ×${s.ratio.p50} | ×${s.ratio.p99} | | |
${sequential}${figures}
${targetsTable(s.targets)}

Check: \`${JSON.stringify(s.check)}\`
`;
}

export function allTargets(r: Result): { scenario: string; target: Target }[] {
  return [
    ...(r.runTarget ? [{ scenario: 'The run itself', target: r.runTarget }] : []),
    ...r.scenarios.flatMap((s) => s.targets.map((target) => ({ scenario: s.title, target }))),
    ...(r.memory?.targets ?? []).map((target) => ({ scenario: 'API memory under the mixed load', target })),
    ...(r.soak?.targets ?? []).map((target) => ({ scenario: 'Soak', target })),
  ];
}

/** The report of a run; `json` is the raw figures' file, beside it. */
export function markdown(r: Result, json = 'bench-results/latest.json'): string {
  const d = r.dataset;
  const summary = allTargets(r);
  const memory = r.memory
    ? `## API resident memory under the mixed load

Every connection cycles through catalog search, a procedure page, indexReport, ranking and a survey submission.
After one warm-up round, ${r.memory.rounds.length} rounds one after the other against the same API process; resident
memory (VmRSS) sampled every 250 ms and read after each round.

| Round | Seconds | Requests | Error rate | RSS after (MB) | Lowest sample (MB) | Highest sample (MB) |
|---:|---:|---:|---:|---:|---:|---:|
${r.memory.rounds
  .map(
    (x, i) =>
      `| ${i + 1} | ${x.seconds} | ${n(x.requests)} | ${(x.errorRate * 100).toFixed(3)} % | ${x.rssAfterMb} | ${x.floorMb} | ${x.peakMb} |`,
  )
  .join('\n')}

Highest sample ${r.memory.peakMb} MB (the process's peak since start-up, every scenario included: ${r.apiPeakRssMb ?? 'n/a'} MB); growth of the lowest sample (the memory left after garbage collection, which a leak raises) from the first round to
the last: ${r.memory.growthMb} MB.

${targetsTable(r.memory.targets)}
`
    : '';
  const soak = r.soak
    ? `## Soak (\`pnpm bench -- --soak\`)

The mixed load for ${r.soak.minutes} minutes: ${n(r.soak.requests)} requests, ${n(r.soak.errors)} errors
(${(r.soak.errorRate * 100).toFixed(3)} %). Resident memory of each minute, lowest–highest sample (MB):
${r.soak.rssByMinuteMb.map((low, i) => `${low}–${r.soak!.highByMinuteMb[i]}`).join(', ')} (growth of the lowest from the first
minute to the last: ${r.soak.growthMb} MB).

${
  r.soak.fuzz
    ? `Long fuzz run (\`apps/api/src/fuzz.test.ts\` with \`CHISO_FUZZ_RUNS=${r.soak.fuzz.runs}\`, \`CHISO_FUZZ_SEED=${r.soak.fuzz.seed}\`):
${r.soak.fuzz.passed ? 'passed' : '**failed**'} in ${r.soak.fuzz.seconds} s — \`${r.soak.fuzz.summary}\`.`
    : 'Long fuzz run: not run.'
}

${targetsTable(r.soak.targets)}
`
    : `## Soak

Not part of this run: \`pnpm bench -- --soak\` adds a mixed load of several minutes (error rate, memory by minute)
and the long fuzz run.
`;
  return `# Benchmarks

Produced by \`pnpm bench\` (\`tooling/bench\`, preset \`${r.preset}\`${r.soak ? ', with `--soak`' : ''}) on ${r.date.slice(0, 10)}
(${r.date}), in ${r.totalSeconds} s. Raw figures: [\`${json}\`](${json}).
Every figure below comes from that run; rerun ${r.preset === 'full' ? '`pnpm bench -- --full`' : '`pnpm bench`'} to regenerate this file.
${r.preset === 'full' ? "The quick preset's run (1 M responses) is in [BENCHMARKS.md](BENCHMARKS.md)." : 'The full preset (10 M responses, 2 M dossiers) is reported in [BENCHMARKS-full.md](BENCHMARKS-full.md).'}

## Machine and method

- ${r.machine.cpus} cores (${r.machine.cpuModel}), ${r.machine.memoryGb} GB RAM, load average at the start
  ${r.machine.loadAverage.map((x) => x.toFixed(2)).join(' / ')}; Node ${r.machine.node}; PostgreSQL ${r.machine.postgres}.
  The API, the baseline, the load generator and PostgreSQL share the machine (a load average above the core count
  at the start means other work was running and the figures are noisy).
- The **API** is the real server (\`apps/api\`, \`NODE_ENV=production\`) in its own process; the **baseline** is a
  bare \`node:http\` handler running hand-written SQL through \`pg\` (pool of 10) in another process. Both read the
  same database. Before loading, the runner checks that both return the same figures.
- Load: autocannon from the bench process over loopback, ${r.load.connections} connections, ${r.load.warmupSeconds} s warm-up then
  ${r.load.durationSeconds} s measured, per side and scenario.
- Dataset (\`${d.database ?? 'chiso_bench'}\`, ${d.databaseSize}): ${d.provinces} provinces (63 before and 34 after the 2025 merger),
  ${n(Number(d.agencies))} agencies, ${n(Number(d.procedures))} procedures, ${d.campaigns} SIPAS campaigns,
  **${n(Number(d.responses))} survey responses** over units, months and channels, ${n(Number(d.rollupCells))} rollup cells
  (${n(Number(d.rollupCountRows))} item-level rows) and ${n(Number(d.rollupMargins ?? 0))} margins (${n(Number(d.rollupMarginCountRows ?? 0))} item-level rows),
  **${n(Number(d.dossiers))} dossiers** with ${n(Number(d.dossierEvents))} events, ${n(Number(d.feedback ?? 0))} feedback items with ${n(Number(d.feedbackEvents ?? 0))} events.
  Generated deterministically (seeded PRNG, COPY on several connections, secondary indexes, unique constraints
  and foreign keys built and checked after the load, then \`VACUUM (ANALYZE)\`; an ordinary logged database) by
  \`pnpm --filter @chiso/bench generate [--full]\` ${generation(d)}.
- Presets: \`--quick\` (1,000,000 responses, 200,000 dossiers, 20,000 feedback items, 4 s per side; meant to
  finish under 3 minutes, generation included) and \`--full\` (10,000,000 responses, 2,000,000 dossiers, 200,000
  feedback items, 15 s per side; generated once into \`chiso_bench_full\`, then reused). A stored dataset
  whose tag matches the preset is reused with its schema migrated forward; \`CHISO_DATA_DIR\` keeps it outside
  the repository. \`--soak\` adds the soak and the long fuzz run.

## Targets

| Scenario | Target | Measured | Verdict | Why (when missed or not measured) |
|---|---|---|---|---|
${summary.map(({ scenario, target }) => `| ${scenario} | ${target.label} | ${target.measured} | ${verdict(target)} | ${target.reason ?? ''} |`).join('\n')}

${r.scenarios.map(scenarioSection).join('\n')}
${memory}
${soak}
## Reading the figures

- The ratio is API / baseline: above 1 for throughput means the API serves more requests per second; above 1 for
  latency means it is slower.
- The baseline does the same work without GraphQL parsing, validation, access rules, DataLoaders or rollups; on
  reads that are cheap in SQL, GraphQL's own cost per request dominates the ratio.
- The quick dataset holds about ten thousand responses per province and year, so a scan of the raw responses is
  still fairly cheap; the rollups' advantage grows with the responses per province (the indexReport target is
  stated at 10 M responses, the \`--full\` preset).
`;
}
