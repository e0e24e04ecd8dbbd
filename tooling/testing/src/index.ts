import { randomBytes } from 'node:crypto';
import { createDatabase, type DB } from '@chiso/db';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { TEST_DATABASE_PREFIX } from './global-setup.js';

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
 * A fresh database for the calling test file, cloned from the migrated template (reference data loaded),
 * dropped after the file's tests. Call it at the top level of a test file or in `beforeAll`.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('chisoAdminUrl');
  const template = inject('chisoTemplateDatabase');
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
