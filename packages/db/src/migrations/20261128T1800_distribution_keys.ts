import { type Kysely, sql } from 'kysely';

/**
 * Two growing tables whose keys did not include the distribution column (`province_unit_id`):
 * - `survey_token`: the unique index on `token_hash` alone becomes unique per province, `(province_unit_id,
 *   token_hash)`, and a plain index on `token_hash` keeps the citizen's lookup by token (which does not know
 *   the province) an index scan; token hashes are SHA-256 of 256-bit random secrets, so uniqueness within a
 *   province loses nothing in practice;
 * - `receipt_sequence`: the per-(agency, day) receipt counter carries the agency's province, so the counter row
 *   lives on the same shard as the dossiers it numbers (one single-shard transaction per receipt).
 * A catalog test (`distribution.test.ts`) keeps every growing table this way.
 *
 * Frozen in time: typed against `Kysely<any>`, no application imports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    drop index survey_token_hash;
    create unique index survey_token_province_hash on survey_token (province_unit_id, token_hash);
    create index survey_token_hash on survey_token (token_hash);

    alter table receipt_sequence add column province_unit_id bigint references administrative_unit (id);
    with recursive up(agency_id, id, parent_id, depth) as (
      select a.id, u.id, u.parent_id, 0 from agency a join administrative_unit u on u.id = a.unit_id
      union all
      select up.agency_id, u.id, u.parent_id, up.depth + 1
      from up join administrative_unit u on u.id = up.parent_id where up.depth < 10
    )
    update receipt_sequence s set province_unit_id = up.id from up
    where up.agency_id = s.agency_id and up.parent_id is null;
    alter table receipt_sequence
      alter column province_unit_id set not null,
      drop constraint receipt_sequence_pkey,
      add primary key (province_unit_id, agency_id, day);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table receipt_sequence drop constraint receipt_sequence_pkey;
    alter table receipt_sequence drop column province_unit_id, add primary key (agency_id, day);
    drop index survey_token_hash;
    drop index survey_token_province_hash;
    create unique index survey_token_hash on survey_token (token_hash);
  `.execute(db);
}
