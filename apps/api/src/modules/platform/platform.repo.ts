import type { DB } from '@chiso/db';
import { sql } from 'kysely';

/**
 * True when the database holds rows of the demo data set. The catalog (agencies) and the survey campaigns are
 * small tables that every demo seed fills, so the check never scans citizens' activity.
 */
export async function hasDemoData(db: DB): Promise<boolean> {
  const { rows } = await sql<{ demo: boolean }>`
    select exists (select 1 from agency where is_demo) or exists (select 1 from campaign where is_demo) as demo
  `.execute(db);
  return rows[0]?.demo ?? false;
}
