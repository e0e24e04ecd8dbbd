import { type Kysely, sql } from 'kysely';

/**
 * Surveys, part 2: custom instruments remember what they were derived from; tokens are found by the dossier
 * pseudonym they were issued for (re-issue); a short-lived counter per traffic source (a keyed hash of IP and
 * day, never the IP) flags bursts and rate-limits the public survey link.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table instrument add column based_on_id bigint references instrument (id);

    create index survey_token_dossier on survey_token (campaign_id, dossier_pseudonym)
      where dossier_pseudonym is not null;

    -- One row per (campaign, kind of hit, source, window start); rows older than two days are deleted as new
    -- windows open. source_hash = HMAC(server secret, IP | day): it cannot be turned back into an address.
    create table survey_source_window (
      campaign_id bigint not null references campaign (id) on delete cascade,
      kind text not null check (kind in ('open', 'submit')),
      source_hash bytea not null,
      window_start timestamptz not null,
      hits integer not null default 1,
      primary key (campaign_id, kind, source_hash, window_start)
    );
    create index survey_source_window_start on survey_source_window (window_start);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table if exists survey_source_window;
    drop index if exists survey_token_dossier;
    alter table instrument drop column if exists based_on_id;
  `.execute(db);
}
