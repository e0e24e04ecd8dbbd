import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { createEmptyDatabase, createTestDatabase } from '@chiso/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  BackupFormatError,
  backupDatabase,
  RestoreRefusedError,
  restoreDatabase,
  verifyBackup,
} from './backup.js';
import { createDatabase } from './database.js';
import { migrateTo, migrations } from './migrate.js';

const CHECKSUMS = ['dossier', 'survey_response', 'survey_rollup_count', 'audit_log', 'dossier_event'];

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

/** Row count of every public table, and md5 checksums of a few. */
async function fingerprint(url: string) {
  const tables = await query<{ name: string }>(
    url,
    `select table_name as name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%'
     order by table_name`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    counts[name] = (await query<{ n: number }>(url, `select count(*)::int as n from "${name}"`))[0]?.n ?? -1;
  }
  const sums: Record<string, string | null> = {};
  for (const table of CHECKSUMS) {
    sums[table] =
      (
        await query<{ sum: string | null }>(
          url,
          `select md5(string_agg(t::text, '' order by t::text)) as sum from ${table} t`,
        )
      )[0]?.sum ?? null;
  }
  return { counts, sums };
}

describe('backup and restore', () => {
  let dir: string;
  let source: string;
  let file: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chiso-backup-'));
    source = (await createTestDatabase({ demo: true })).url;
    file = join(dir, 'demo.chiso-backup');
    // Append-only rows with awkward text (CSV quotes, commas, new lines, NULLs, non-ASCII).
    await query(
      source,
      `insert into audit_log (action, entity, entity_id, data, ip) values
         ('backup.test', 'dossier', 'a,"b"\nc', '{"note": "Chỉ số, \\"quoted\\"\\nline"}', '10.0.0.1'),
         ('backup.test', 'survey', null, '{}', null),
         ('backup.test', 'empty', '', '{"x": null}', '::1')`,
    );
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('a demo database restores into an empty one with the same rows', async () => {
    const summary = await backupDatabase(source, file);
    expect(summary.migrations).toBe(Object.keys(migrations).length);
    expect(summary.rows).toBeGreaterThan(1000);
    const header = await verifyBackup(file);
    expect(header.tables.map((t) => t.name)).not.toContain('kysely_migration_lock');

    const target = (await createEmptyDatabase()).url;
    const restored = await restoreDatabase(target, file);
    expect(restored.rows).toBe(summary.rows);
    expect(restored.migratedAfter).toEqual([]);

    const before = await fingerprint(source);
    const after = await fingerprint(target);
    expect(Object.keys(after.counts).length).toBeGreaterThan(20);
    expect(after.counts).toEqual(before.counts);
    expect(before.counts.dossier).toBeGreaterThan(0);
    expect(before.counts.survey_response).toBeGreaterThan(0);
    expect(before.counts.audit_log).toBeGreaterThan(0);
    expect(after.sums).toEqual(before.sums);
    for (const sum of Object.values(after.sums)) expect(sum).toMatch(/^[0-9a-f]{32}$/);

    // Identity sequences continue after the restored rows; the append-only triggers are back in force.
    const [ids] = await query<{ next: string; max: string }>(
      target,
      `with i as (insert into audit_log (action, entity) values ('backup.test', 'test') returning id)
       select (select id from i)::text as next, (select max(id) from audit_log)::text as max`,
    );
    expect(BigInt(ids?.next ?? 0)).toBeGreaterThan(BigInt(ids?.max ?? 0));
    await expect(query(target, 'delete from audit_log')).rejects.toThrow(/append-only/);
  });

  test('refuses a database that is not empty, unless forced', async () => {
    const target = (await createEmptyDatabase()).url;
    await restoreDatabase(target, file);
    await expect(restoreDatabase(target, file)).rejects.toThrow(RestoreRefusedError);
    await expect(restoreDatabase(target, file)).rejects.toThrow(/không trống.*not empty/s);
    await query(target, `delete from survey_rollup_count`);
    const forced = await restoreDatabase(target, file, { force: true });
    expect(forced.rows).toBeGreaterThan(1000);
    expect((await fingerprint(target)).sums).toEqual((await fingerprint(source)).sums);
  });

  test('a backup from older code is restored at its migration, then migrated', async () => {
    const names = Object.keys(migrations);
    const old = (await createEmptyDatabase()).url;
    const db = createDatabase({ url: old, max: 2 });
    try {
      await migrateTo(db, names[2]);
    } finally {
      await db.destroy();
    }
    const oldFile = join(dir, 'old.chiso-backup');
    expect((await backupDatabase(old, oldFile)).migrations).toBe(3);
    const target = (await createEmptyDatabase()).url;
    const restored = await restoreDatabase(target, oldFile);
    expect(restored.migratedAfter).toEqual(names.slice(3));
    expect(await query<{ name: string }>(target, 'select name from kysely_migration order by name')).toEqual(
      names.map((name) => ({ name })),
    );
  });

  test('refuses a backup from newer code', async () => {
    const raw = gunzipSync(await readFile(file));
    const headerLength = raw.readUInt32BE(13 + 1);
    const header = JSON.parse(raw.subarray(18, 18 + headerLength).toString('utf8'));
    header.migrations.push('29991231T0000_future');
    const json = Buffer.from(JSON.stringify(header), 'utf8');
    const frame = Buffer.alloc(5);
    frame.write('H', 0, 'latin1');
    frame.writeUInt32BE(json.length, 1);
    const future = join(dir, 'future.chiso-backup');
    await writeFile(
      future,
      gzipSync(Buffer.concat([raw.subarray(0, 13), frame, json, raw.subarray(18 + headerLength)])),
    );
    const target = (await createEmptyDatabase()).url;
    await expect(restoreDatabase(target, future)).rejects.toThrow(RestoreRefusedError);
    await expect(restoreDatabase(target, future)).rejects.toThrow(/29991231T0000_future/);
    expect(await query(target, `select 1 from pg_tables where schemaname = 'public'`)).toEqual([]);
  });

  test('refuses unknown, damaged and truncated files', async () => {
    const target = (await createEmptyDatabase()).url;
    const bytes = await readFile(file);
    const cases: Record<string, Buffer> = {
      'plain.txt': Buffer.from('-- PostgreSQL database dump\n'),
      'other.gz': gzipSync(Buffer.from('not a backup at all')),
      'truncated.gz': bytes.subarray(0, Math.floor(bytes.length / 2)),
      'flipped.gz': Buffer.from(bytes),
      'cut-frames.gz': gzipSync(gunzipSync(bytes).subarray(0, -20)),
    };
    const flipped = cases['flipped.gz'] as Buffer;
    const middle = Math.floor(flipped.length / 2);
    flipped[middle] = (flipped[middle] ?? 0) ^ 0xff;
    for (const [name, content] of Object.entries(cases)) {
      const path = join(dir, name);
      await writeFile(path, content);
      await expect(restoreDatabase(target, path), name).rejects.toThrow(BackupFormatError);
    }
    await expect(restoreDatabase(target, join(dir, 'plain.txt'))).rejects.toThrow(
      /không hợp lệ.*Not a Chỉ số backup/s,
    );
    expect(await query(target, `select 1 from pg_tables where schemaname = 'public'`)).toEqual([]);
  });
});
