import { createEmptyDatabase } from '@chiso/testing';
import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { createDatabase } from './database.js';
import { migrateDownAll, migrateToLatest, migrations } from './migrate.js';

describe('migrations', () => {
  test('run up from an empty database, down to nothing, and up again', async () => {
    const { url } = await createEmptyDatabase();
    const db = createDatabase({ url, max: 2 });
    try {
      const applied = await migrateToLatest(db);
      expect(applied).toEqual(Object.keys(migrations));
      expect(await migrateToLatest(db)).toEqual([]);

      const tables = await sql<{ name: string }>`
        select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'
      `.execute(db);
      const names = tables.rows.map((r) => r.name);
      for (const table of [
        'administrative_unit',
        'unit_succession',
        'agency',
        'procedure',
        'dossier',
        'dossier_event',
        'survey_response',
        'survey_rollup_count',
        'feedback',
        'published_index_result',
        'audit_log',
        'api_key',
      ]) {
        expect(names).toContain(table);
      }

      expect(await migrateDownAll(db)).toEqual([...Object.keys(migrations)].reverse());
      const after = await sql<{ n: number }>`
        select count(*)::int as n from information_schema.tables
        where table_schema = 'public' and table_name not like 'kysely_%'
      `.execute(db);
      expect(after.rows[0]?.n).toBe(0);
      expect(await migrateToLatest(db)).toEqual(Object.keys(migrations));
    } finally {
      await db.destroy();
    }
  });
});
