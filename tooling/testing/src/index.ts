import { randomBytes } from 'node:crypto';
import { createDatabase, type DB, seedDemoData } from '@chiso/db';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { demoTemplateName, TEST_DATABASE_PREFIX } from './global-setup.js';

export interface TestDatabase {
  /** postgres://… of this test file's own database. */
  url: string;
  name: string;
  db: DB;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * The run's demo template: the migrated template plus the demo province, seeded once per test run by the first
 * file that asks (an advisory lock makes the others wait) and cloned by every such file afterwards.
 */
async function ensureDemoTemplate(adminUrl: string, template: string): Promise<string> {
  const name = demoTemplateName(template);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock(hashtext($1))', [name]);
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) {
      await admin.query(
        `create database ${admin.escapeIdentifier(name)} template ${admin.escapeIdentifier(template)}`,
      );
      const db = createDatabase({ url: withDatabase(adminUrl, name), max: 4 });
      try {
        await seedDemoData(db);
      } catch (error) {
        await db.destroy();
        await admin.query(`drop database if exists ${admin.escapeIdentifier(name)} with (force)`);
        throw error;
      }
      await db.destroy();
    }
  } finally {
    await admin.query('select pg_advisory_unlock(hashtext($1))', [name]).catch(() => {});
    await admin.end();
  }
  return name;
}

/**
 * A fresh database for the calling test file, cloned from the migrated template (reference data loaded; with
 * `demo: true`, the demo province too), dropped after the file's tests. Call it at the top level of a test file
 * or in `beforeAll`.
 */
export async function createTestDatabase(options: { demo?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = inject('chisoAdminUrl');
  const base = inject('chisoTemplateDatabase');
  const template = options.demo ? await ensureDemoTemplate(adminUrl, base) : base;
  const name = `${TEST_DATABASE_PREFIX}${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(
          `create database ${admin.escapeIdentifier(name)} template ${admin.escapeIdentifier(template)}`,
        );
        break;
      } catch (error) {
        // Two files cloning the template at the same instant: PostgreSQL refuses one; try again.
        if ((error as { code?: string }).code !== '55006' || attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 + attempt * 50));
      }
    }
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, name);
  const db = createDatabase({ url, max: 5 });
  afterAll(async () => {
    await db.destroy();
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`);
    } finally {
      await client.end();
    }
  });
  return { url, name, db };
}

/** URL of a new, empty database (no migrations), dropped after the file's tests. */
export async function createEmptyDatabase(): Promise<{ url: string; name: string }> {
  const adminUrl = inject('chisoAdminUrl');
  const name = `${TEST_DATABASE_PREFIX}${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${admin.escapeIdentifier(name)}`).finally(() => admin.end());
  afterAll(async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client
      .query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`)
      .finally(() => client.end());
  });
  return { url: withDatabase(adminUrl, name), name };
}
