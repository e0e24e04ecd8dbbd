import { createEmptyDatabase } from '@chiso/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDatabase, type DB } from './database.js';
import { migrateToLatest } from './migrate.js';

/**
 * The Citus plan (SCALING.md) in the database catalog: every table is classified, and every primary key and
 * unique constraint (or unique index) of a growing table includes the distribution column `province_unit_id`,
 * so the table can be distributed by it without changing a key. A new table fails this test until it is
 * classified: growing (the default: give it `province_unit_id` first in its keys), reference or local.
 */

/** Small, read-mostly tables replicated to every node (Citus reference tables). */
const REFERENCE_TABLES = [
  'unit_level',
  'region',
  'administrative_unit',
  'unit_succession',
  'work_calendar',
  'calendar_day',
  'agency',
  'agency_service_point',
  'procedure_field',
  'procedure',
  'procedure_case',
  'procedure_document',
  'procedure_fee',
  'agency_procedure',
  'dossier_status',
  'role',
  'instrument',
  'instrument_item',
  'campaign',
  'campaign_scope',
  'feedback_deadline',
  'published_index_result',
  'index_snapshot',
  'retention_rule',
] as const;

/**
 * Platform tables kept on the coordinator (Citus local tables), each with the reason it does not grow with
 * citizens' activity or must not be split by province.
 */
const LOCAL_TABLES: Record<string, string> = {
  kysely_migration: 'migration bookkeeping',
  kysely_migration_lock: 'migration bookkeeping',
  app_user: 'staff accounts: thousands, not millions; an account may hold grants in several provinces',
  user_role: 'grants of staff accounts',
  session:
    'staff sessions, looked up by token on every request before any province is known; expired rows pruned',
  api_key: 'keys of integrations, looked up by prefix before any province is known',
  audit_log: 'staff actions across provinces, append-only; partitioned by time when it grows',
  tracking_attempt: 'failed public lookups per receipt code or client address, short-lived windows',
  survey_source_window: 'burst counters per campaign and source, pruned after two days',
};

let db: DB;
beforeAll(async () => {
  const { url } = await createEmptyDatabase();
  db = createDatabase({ url, max: 2 });
  await migrateToLatest(db);
});
afterAll(async () => {
  await db?.destroy();
});

async function tables(): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
    order by 1
  `.execute(db);
  return rows.map((r) => r.name);
}

describe('distribution by province (Citus)', () => {
  test('every table is classified: growing, reference or local', async () => {
    const all = await tables();
    const classified = new Set<string>([...REFERENCE_TABLES, ...Object.keys(LOCAL_TABLES)]);
    // Every listed table exists (a renamed or dropped table must leave the lists too).
    expect([...classified].filter((t) => !all.includes(t))).toEqual([]);
    const growing = all.filter((t) => !classified.has(t));
    expect(growing).toEqual(
      expect.arrayContaining([
        'dossier',
        'dossier_event',
        'survey_response',
        'survey_rollup_cell',
        'feedback',
      ]),
    );
  });

  test('every growing table has province_unit_id, not null, in every primary key and unique constraint', async () => {
    const all = await tables();
    const classified = new Set<string>([...REFERENCE_TABLES, ...Object.keys(LOCAL_TABLES)]);
    const growing = all.filter((t) => !classified.has(t));
    const { rows } = await sql<{ table: string; index: string; columns: string[] | null; primary: boolean }>`
      select t.relname as "table", i.relname as "index", x.indisprimary as "primary",
        array(
          select a.attname::text from unnest(x.indkey) with ordinality k(attnum, ord)
          join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum
          order by k.ord
        ) as columns
      from pg_index x
      join pg_class t on t.oid = x.indrelid
      join pg_class i on i.oid = x.indexrelid
      join pg_namespace n on n.oid = t.relnamespace
      where n.nspname = 'public' and x.indisunique
    `.execute(db);
    const { rows: columns } = await sql<{ table: string; notNull: boolean }>`
      select c.relname as "table", a.attnotnull as "notNull" from pg_attribute a
      join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and a.attname = 'province_unit_id' and not a.attisdropped
    `.execute(db);
    const withColumn = new Map(columns.map((c) => [c.table, c.notNull]));

    const problems: string[] = [];
    for (const table of growing) {
      if (withColumn.get(table) !== true) problems.push(`${table}: no NOT NULL province_unit_id`);
      const keys = rows.filter((r) => r.table === table);
      if (!keys.some((k) => k.primary)) problems.push(`${table}: no primary key`);
      for (const key of keys) {
        // An expression index has attnum 0 for its expressions: its column list is then incomplete.
        if (!(key.columns ?? []).includes('province_unit_id')) {
          problems.push(
            `${table}: ${key.primary ? 'primary key' : 'unique'} ${key.index} (${key.columns?.join(', ')})`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
    expect(growing.length).toBeGreaterThanOrEqual(10);
  });

  test('reference and local tables do not carry the distribution column', async () => {
    const { rows } = await sql<{ table: string }>`
      select c.relname as "table" from pg_attribute a
      join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attname = 'province_unit_id'
        and not a.attisdropped
    `.execute(db);
    const carriers = rows.map((r) => r.table);
    const misfiled = [...REFERENCE_TABLES, ...Object.keys(LOCAL_TABLES)].filter((t) => carriers.includes(t));
    expect(misfiled).toEqual([]);
  });
});
