import { randomBytes } from 'node:crypto';
import {
  createDatabase,
  dataRoot,
  loadReferenceData,
  migrateToLatest,
  type PostgresServer,
  startPostgres,
} from '@chiso/db';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    chisoAdminUrl: string;
    chisoTemplateDatabase: string;
  }
}

/** Databases made by test runs start with this prefix, then the pid of the run that owns them. */
export const TEST_DATABASE_PREFIX = 'chiso_t_';

/** The name of the run's template with the demo data loaded (see `createTestDatabase({ demo: true })`). */
export function demoTemplateName(template: string): string {
  return `${template}_demo`;
}

async function dropDatabase(client: pg.Client, name: string) {
  await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`);
}

/** Drops databases left by earlier test runs that died (their pid is gone). */
async function dropAbandoned(client: pg.Client) {
  const { rows } = await client.query<{ datname: string }>(
    `select datname from pg_database where datname like '${TEST_DATABASE_PREFIX}%'`,
  );
  for (const { datname } of rows) {
    const pid = Number(datname.slice(TEST_DATABASE_PREFIX.length).split('_')[0]);
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = true;
    } catch {}
    if (!alive) await dropDatabase(client, datname).catch(() => {});
  }
}

/**
 * The server is shared by every project's global setup in this Vitest process and stopped by the last teardown.
 */
const shared = globalThis as typeof globalThis & {
  chisoTestPostgres?: { server: Promise<PostgresServer>; users: number };
};

async function acquireServer(): Promise<PostgresServer> {
  shared.chisoTestPostgres ??= {
    server: startPostgres({ dataDir: `${dataRoot()}postgres-test`, port: 54339 }),
    users: 0,
  };
  shared.chisoTestPostgres.users += 1;
  return shared.chisoTestPostgres.server;
}

async function releaseServer(): Promise<void> {
  const state = shared.chisoTestPostgres;
  if (!state) return;
  state.users -= 1;
  if (state.users > 0) return;
  shared.chisoTestPostgres = undefined;
  await (await state.server).stop();
}

/**
 * Vitest global setup: a PostgreSQL server (`DATABASE_URL`, or an embedded one in `.data/postgres-test`) and a
 * template database migrated and loaded with reference data, which each test file clones (`createTestDatabase`).
 */
export default async function setup(project: TestProject) {
  const server = await acquireServer();
  const template = `${TEST_DATABASE_PREFIX}${process.pid}_tpl_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  try {
    await dropAbandoned(admin);
    await admin.query(`create database ${admin.escapeIdentifier(template)}`);
  } finally {
    await admin.end();
  }
  const db = createDatabase({ url: server.urlFor(template), max: 2 });
  try {
    await migrateToLatest(db);
    await loadReferenceData(db);
  } finally {
    await db.destroy();
  }
  project.provide('chisoAdminUrl', server.adminUrl);
  project.provide('chisoTemplateDatabase', template);

  return async () => {
    const client = new pg.Client({ connectionString: server.adminUrl });
    await client.connect();
    try {
      await dropDatabase(client, demoTemplateName(template));
      await dropDatabase(client, template);
    } finally {
      await client.end();
    }
    await releaseServer();
  };
}
