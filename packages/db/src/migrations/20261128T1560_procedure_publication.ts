import { type Kysely, sql } from 'kysely';

/**
 * Indicator 1.1 of the Decision 766 index (procedures published on time) needs, per procedure of the catalog,
 * the decision that announces it (quyết định công bố: its number and signing date) and the day the procedure was
 * made public (công khai) on the procedure database or portal. A procedure cannot be made public before the
 * decision announcing it is signed.
 *
 * Frozen in time: typed against `Kysely<any>`, no application imports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table procedure
      add column announcement_decision text,
      add column announced_on date,
      add column published_on date,
      add constraint procedure_published_after_announced
        check (published_on is null or (announced_on is not null and published_on >= announced_on));
    create index procedure_announced_on on procedure (announced_on) where announced_on is not null;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop index if exists procedure_announced_on;
    alter table procedure
      drop constraint if exists procedure_published_after_announced,
      drop column if exists published_on,
      drop column if exists announced_on,
      drop column if exists announcement_decision;
  `.execute(db);
}
