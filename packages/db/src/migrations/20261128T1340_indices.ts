import { type Kysely, sql } from 'kysely';

/**
 * Index reporting: snapshots become tamper-evident records.
 *
 * - `index_snapshot` gains the filters the report was computed with (agency, campaign), a SHA-256 `content_hash`
 *   of the payload (hex, over the canonical JSON the API writes), and who published it.
 * - A trigger keeps a snapshot frozen: its payload, hash, unit, instrument, period and filters never change once
 *   written; `published_at`/`published_by` may be set once (draft → published); a published snapshot refuses
 *   every UPDATE and DELETE.
 * - Rollup cells get an index by (campaign, month), the access path of rankings and breakdowns across provinces.
 *
 * Respondent attributes (gender, age band) are not added to the rollup cell key: every attribute multiplies the
 * cells (and the rows a breakdown reads) and makes small, re-identifiable groups. Breakdowns by them come from
 * marginal rollups, one attribute at a time (20261128T1500_rollup_margins).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table index_snapshot
      add column agency_id bigint references agency (id),
      add column campaign_id bigint references campaign (id),
      add column content_hash text,
      add column published_by bigint references app_user (id);
    update index_snapshot set content_hash = encode(sha256(convert_to(payload::text, 'UTF8')), 'hex');
    alter table index_snapshot
      alter column content_hash set not null,
      add constraint index_snapshot_content_hash_hex check (content_hash ~ '^[0-9a-f]{64}$'),
      add constraint index_snapshot_published_by_needs_date check (published_by is null or published_at is not null);

    create function index_snapshot_stays_frozen() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        if old.published_at is not null then
          raise exception 'index snapshot % is published and cannot be deleted', old.id using errcode = '55000';
        end if;
        return old;
      end if;
      if old.published_at is not null then
        raise exception 'index snapshot % is published and cannot change', old.id using errcode = '55000';
      end if;
      if new.payload is distinct from old.payload
        or new.content_hash is distinct from old.content_hash
        or new.unit_id is distinct from old.unit_id
        or new.instrument_id is distinct from old.instrument_id
        or new.period_start is distinct from old.period_start
        or new.period_end is distinct from old.period_end
        or new.agency_id is distinct from old.agency_id
        or new.campaign_id is distinct from old.campaign_id
        or new.frozen_at is distinct from old.frozen_at
        or new.frozen_by is distinct from old.frozen_by then
        raise exception 'index snapshot % is frozen: only its publication can be recorded', old.id
          using errcode = '55000';
      end if;
      return new;
    end $$;
    create trigger index_snapshot_frozen before update or delete on index_snapshot
      for each row execute function index_snapshot_stays_frozen();

    create index survey_rollup_cell_campaign_month on survey_rollup_cell (campaign_id, period_month);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop index if exists survey_rollup_cell_campaign_month;
    drop trigger if exists index_snapshot_frozen on index_snapshot;
    drop function if exists index_snapshot_stays_frozen();
    alter table index_snapshot
      drop constraint if exists index_snapshot_published_by_needs_date,
      drop constraint if exists index_snapshot_content_hash_hex,
      drop column if exists published_by,
      drop column if exists content_hash,
      drop column if exists campaign_id,
      drop column if exists agency_id;
  `.execute(db);
}
