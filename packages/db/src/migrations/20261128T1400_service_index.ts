import { type Kysely, sql } from 'kysely';

/**
 * The 766 service index aggregates, per agency and period, the dossiers received, the feedback due and the
 * feedback rated; these indexes let each of its statements read only the rows of the scope and period:
 * - `dossier (agency_id, received_at)`: the dossiers received by a set of agencies in a period (the existing
 *   indexes lead with the province or end with the due time);
 * - `feedback (agency_id, rated_at)`: the citizens' ratings of feedback handling given in a period.
 *
 * Frozen in time: typed against `Kysely<any>`, no application imports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create index dossier_agency_received on dossier (agency_id, received_at);
    create index feedback_agency_rated on feedback (agency_id, rated_at) where rated_at is not null;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop index if exists feedback_agency_rated;
    drop index if exists dossier_agency_received;
  `.execute(db);
}
