import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

// `date` columns stay 'YYYY-MM-DD' text: a calendar date has no time zone, and a JS Date would invent one.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export interface CreateDatabaseOptions {
  /** postgres://… of the database to use. */
  url: string;
  /** Pool size (default 10). */
  max?: number;
  /** Server-side statement timeout in milliseconds (default 30 s); a slow query is cut off, not left running. */
  statementTimeoutMs?: number;
  applicationName?: string;
}

export type DB = Kysely<Database>;

const pools = new WeakMap<object, pg.Pool>();

/**
 * The `pg` pool behind a database made by `createDatabase`, for the few statements Kysely cannot send
 * (COPY … FROM STDIN). Undefined for other Kysely instances (and for transactions).
 */
export function poolOf(db: DB): pg.Pool | undefined {
  return pools.get(db);
}

/** A Kysely instance over a `pg` pool with snake_case ↔ camelCase mapping. */
export function createDatabase(options: CreateDatabaseOptions): DB {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'chiso',
    statement_timeout: options.statementTimeoutMs ?? 30_000,
    connectionTimeoutMillis: 10_000,
  });
  // A client losing its connection (a database restart or crash) must not crash the process. The pool reports
  // idle clients' errors; a checked-out client (inside a transaction, between two statements) emits its own
  // `error`, which with no listener is an uncaught exception. The failed statement rejects either way, and the
  // pool discards the broken client when it is released.
  pool.on('error', () => {});
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
  });
  pools.set(db, pool);
  return db;
}
