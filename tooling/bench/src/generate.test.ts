import { randomBytes } from 'node:crypto';
import { createDatabase, migrateTo, migrations, type PostgresServer, rebuildSurveyRollups } from '@chiso/db';
import { SIPAS_2017 } from '@chiso/scoring';
// The test harness's server and its provided context (`chisoAdminUrl`).
import type {} from '@chiso/testing';
import pg from 'pg';
import { afterAll, describe, expect, inject, test } from 'vitest';
import {
  datasetTag,
  generateDataset,
  migrateStoredDataset,
  type Preset,
  readDatasetTag,
} from './generate.js';

/** A preset small enough for a test: every province, a few agencies and procedures, a few rows each. */
const TINY: Preset = {
  name: 'tiny',
  responses: 4_000,
  dossiers: 600,
  feedback: 300,
  agenciesPerProvince: 3,
  proceduresPerProvince: 4,
  seed: 7,
};

const adminUrl = inject('chisoAdminUrl');
const withDatabase = (name: string) => {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
};
const server: PostgresServer = {
  adminUrl,
  embedded: false,
  urlFor: withDatabase,
  stop: async () => {},
};
// Named like the test harness's own databases, so a run that dies leaves nothing behind for long.
const names = [1, 2].map((n) => `chiso_t_${process.pid}_bench${n}_${randomBytes(3).toString('hex')}`);

afterAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (const name of names) await admin.query(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
});

/** Every rollup row of the database by its natural key (no ids): cells and margins with counts and moments. */
async function rollupSnapshot(client: pg.Client) {
  const rows = async (sql: string) => (await client.query(sql)).rows.map((r) => JSON.stringify(r)).sort();
  const cellKey = `c.campaign_id, c.unit_id, c.agency_id, c.period_month::text, c.channel, c.flagged`;
  const marginKey = `m.campaign_id, m.unit_id, m.period_month::text, m.attribute, m.value, m.flagged`;
  return {
    cells: await rows(`select ${cellKey}, c.responded from survey_rollup_cell c`),
    cellCounts: await rows(
      `select ${cellKey}, x.item_ordinal, x.level, x.count, x.weight_sum, x.weight_square_sum
       from survey_rollup_count x join survey_rollup_cell c on c.province_unit_id = x.province_unit_id and c.id = x.cell_id`,
    ),
    cellMoments: await rows(
      `select ${cellKey}, x.dimension_ordinal, x.n, round(x.sum::numeric, 6) as sum,
         round(x.sum_squares::numeric, 6) as sum_squares, x.weight_sum, round(x.weighted_sum::numeric, 6) as ws,
         round(x.weighted_sum_squares::numeric, 6) as wss, x.weight_square_sum
       from survey_rollup_moment x join survey_rollup_cell c on c.province_unit_id = x.province_unit_id and c.id = x.cell_id`,
    ),
    margins: await rows(`select ${marginKey}, m.responded from survey_rollup_margin m`),
    marginCounts: await rows(
      `select ${marginKey}, x.item_ordinal, x.level, x.count, x.weight_sum, x.weight_square_sum
       from survey_rollup_margin_count x
       join survey_rollup_margin m on m.province_unit_id = x.province_unit_id and m.id = x.margin_id`,
    ),
    marginMoments: await rows(
      `select ${marginKey}, x.dimension_ordinal, x.n, round(x.sum::numeric, 6) as sum,
         round(x.sum_squares::numeric, 6) as sum_squares, x.weight_sum, round(x.weighted_sum::numeric, 6) as ws,
         round(x.weighted_sum_squares::numeric, 6) as wss, x.weight_square_sum
       from survey_rollup_margin_moment x
       join survey_rollup_margin m on m.province_unit_id = x.province_unit_id and m.id = x.margin_id`,
    ),
  };
}

describe('the scale data generator', () => {
  test('the same seed gives the same rows; the COPYed rollups equal what the API rebuilds from the raw responses', async () => {
    const first = await generateDataset(server, TINY, { database: names[0]!, checksum: true });
    expect(first).toMatchObject({
      provinces: 97,
      responses: TINY.responses,
      campaigns: 97,
    });
    expect(first.dossiers).toBeGreaterThan(500);
    expect(first.dossierEvents).toBeGreaterThan(first.dossiers);
    expect(first.feedback).toBeGreaterThan(0);
    expect(first.feedbackEvents).toBeGreaterThan(first.feedback);
    expect(first.rollupMargins).toBeGreaterThan(0);

    const second = await generateDataset(server, TINY, { database: names[1]!, checksum: true });
    expect(second.checksum).toBe(first.checksum);
    expect({ ...second, timingsMs: null }).toEqual({ ...first, timingsMs: null });

    const client = new pg.Client({ connectionString: withDatabase(names[0]!) });
    await client.connect();
    const db = createDatabase({ url: withDatabase(names[0]!) });
    try {
      // Every table the generator fills, checked as its migrations define it: keys, indexes and foreign keys.
      const { rows: constraints } = await client.query<{ n: string }>(
        `select count(*)::text as n from pg_constraint where conrelid = 'survey_response'::regclass and contype in ('u', 'f')`,
      );
      expect(Number(constraints[0]!.n)).toBeGreaterThanOrEqual(6);

      const generated = await rollupSnapshot(client);
      expect(generated.cells.length).toBe(first.rollupCells);
      const { rows: campaigns } = await client.query<{ id: string }>(
        `select id::text from campaign where code like 'BENCH-SIPAS-%' order by id`,
      );
      expect(campaigns).toHaveLength(97);
      for (const { id } of campaigns) await rebuildSurveyRollups(db, SIPAS_2017, id);
      const rebuilt = await rollupSnapshot(client);
      expect(rebuilt.cells).toEqual(generated.cells);
      expect(rebuilt.cellCounts).toEqual(generated.cellCounts);
      expect(rebuilt.cellMoments).toEqual(generated.cellMoments);
      expect(rebuilt.margins).toEqual(generated.margins);
      expect(rebuilt.marginCounts).toEqual(generated.marginCounts);
      expect(rebuilt.marginMoments).toEqual(generated.marginMoments);
      expect(generated.marginCounts.length).toBeGreaterThan(generated.margins.length);

      // Feedback in the workflow's states, the published ones searchable, ratings only where rated.
      const { rows: feedback } = await client.query<{ status: string; n: string; searchable: string }>(
        `select status, count(*)::text as n, count(*) filter (where search_text <> '')::text as searchable
         from feedback group by status order by status`,
      );
      const byStatus = Object.fromEntries(feedback.map((f) => [f.status, f]));
      expect(Object.keys(byStatus)).toEqual(['answered', 'classified', 'published', 'received', 'rejected']);
      expect(byStatus.published!.searchable).toBe(byStatus.published!.n);
      expect(byStatus.received!.searchable).toBe('0');

      // A stored dataset keeps its tag and rows when a migration lands after it: the run applies it.
      expect(await readDatasetTag(server, names[0]!)).toBe(datasetTag(TINY));
      const migrationNames = Object.keys(migrations);
      await migrateTo(db, migrationNames.at(-2));
      expect(await migrateStoredDataset(server, names[0]!)).toEqual([migrationNames.at(-1)]);
      expect(await migrateStoredDataset(server, names[0]!)).toEqual([]);
      const { rows: kept } = await client.query<{ n: string }>(
        'select count(*)::text as n from survey_response',
      );
      expect(Number(kept[0]!.n)).toBe(TINY.responses);
    } finally {
      await db.destroy();
      await client.end();
    }
  }, 180_000);
});
