import type { ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import autocannon from 'autocannon';

/** One side's figures under load. */
export interface Measure {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Socket errors and timeouts. */
  errors: number;
  non2xx: number;
  /** 200 answers carrying GraphQL `errors` (the API side only). */
  graphqlErrors: number;
  /**
   * `sequential`: a request took longer than the window allows for a count worth the name, so the figures come
   * from a fixed number of requests sent one after another (no concurrency) instead.
   */
  mode?: 'sequential';
}

export interface LoadSpec {
  url: string;
  method: 'GET' | 'POST';
  /** A fixed body, or one made per request (unique idempotency keys). */
  body?: string | (() => string);
  headers?: Record<string, string>;
  /** Several requests taken in turn by every connection (a mixed load). */
  mix?: {
    path: string;
    method: 'GET' | 'POST';
    body?: string | (() => string);
    headers?: Record<string, string>;
  }[];
}

export async function load(spec: LoadSpec, seconds: number, connections: number): Promise<Measure> {
  let graphqlErrors = 0;
  const onResponse = (_status: number, body: string) => {
    if (body.includes('"errors":[')) graphqlErrors += 1;
  };
  const requestOf = (r: {
    method: 'GET' | 'POST';
    body?: string | (() => string);
    path?: string;
    headers?: Record<string, string>;
  }) => {
    const make = r.body;
    return {
      method: r.method,
      ...(r.path ? { path: r.path } : {}),
      ...(r.headers ? { headers: { 'content-type': 'application/json', ...r.headers } } : {}),
      ...(typeof make === 'function'
        ? { setupRequest: (request: Record<string, unknown>) => ({ ...request, body: make() }) }
        : make
          ? { body: make }
          : {}),
      onResponse,
    };
  };
  const result = await autocannon({
    url: spec.url,
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/json', ...spec.headers },
    requests: (spec.mix ?? [spec]).map((r) => requestOf(r as never)) as never,
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    graphqlErrors,
  };
}

/** One request of `spec` (its first one, for a mixed load); resolves to its body. */
async function send(spec: LoadSpec): Promise<{ ok: boolean; body: string }> {
  const body = typeof spec.body === 'function' ? spec.body() : spec.body;
  const response = await fetch(spec.url, {
    method: spec.method,
    headers: { 'content-type': 'application/json', ...spec.headers },
    ...(body ? { body } : {}),
    signal: AbortSignal.timeout(30 * 60_000),
  });
  return { ok: response.ok, body: await response.text() };
}

/** Milliseconds one request of `spec` takes alone. */
export async function timeOne(spec: LoadSpec): Promise<number> {
  const start = performance.now();
  await send(spec);
  return performance.now() - start;
}

/**
 * `requests` requests of `spec` one after another, for a request too slow to be counted in a window: latency
 * percentiles over those requests, throughput as requests over the time they took.
 */
export async function loadSequential(spec: LoadSpec, requests: number): Promise<Measure> {
  const latencies: number[] = [];
  let non2xx = 0;
  let graphqlErrors = 0;
  const start = performance.now();
  for (let i = 0; i < requests; i += 1) {
    const t = performance.now();
    const answer = await send(spec);
    latencies.push(performance.now() - t);
    if (!answer.ok) non2xx += 1;
    else if (answer.body.includes('"errors":[')) graphqlErrors += 1;
  }
  const seconds = (performance.now() - start) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!);
  return {
    requestsPerSecond: Math.round((requests / seconds) * 1000) / 1000,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    requests,
    errors: 0,
    non2xx,
    graphqlErrors,
    mode: 'sequential',
  };
}

/** Resident memory of a process now (VmRSS) and at its peak (VmHWM), in MB. */
export async function memoryOf(pid: number | undefined): Promise<{ rssMb: number; peakMb: number } | null> {
  if (!pid) return null;
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1]);
    return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
  } catch {
    return null;
  }
}

/** Samples a process's resident memory every `everyMs` while `work` runs. */
export async function sampled<T>(
  pid: number | undefined,
  everyMs: number,
  work: () => Promise<T>,
): Promise<{ result: T; samplesMb: number[] }> {
  const samplesMb: number[] = [];
  const timer = setInterval(() => {
    void memoryOf(pid).then((m) => {
      if (m) samplesMb.push(m.rssMb);
    });
  }, everyMs);
  try {
    return { result: await work(), samplesMb };
  } finally {
    clearInterval(timer);
  }
}

export function waitForMessage(child: ChildProcess): Promise<{ port: number }> {
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve(m as { port: number }));
    child.once('exit', (code) => reject(new Error(`baseline exited with ${code}`)));
  });
}

export async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
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

export function ratio(api: Measure, baseline: Measure) {
  // Three significant digits: a ratio of 0.0001 (an API thousands of times faster) is not rounded to 0.
  const r = (a: number, b: number) => (b > 0 ? Number((a / b).toPrecision(3)) : 0);
  return {
    throughput: r(api.requestsPerSecond, baseline.requestsPerSecond),
    p50: r(api.p50Ms, baseline.p50Ms),
    p99: r(api.p99Ms, baseline.p99Ms),
  };
}
