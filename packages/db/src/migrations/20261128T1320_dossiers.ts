import { type Kysely, sql } from 'kysely';

/**
 * One-stop desk work on dossiers:
 * - `agency.receipt_code_format`: the receipt code pattern of an agency (null = the default
 *   `{agency}-{yyMMdd}-{seq}`), so the format is data rather than code;
 * - `dossier.allowed_hours`: the processing time granted at receipt, in working hours (frozen: a later change of
 *   the catalog does not move the deadline of a dossier already received);
 * - `dossier.new_appointment_at` and `apology_reason`: the apology and new appointment (form 04);
 * - `dossier (receipt_code)`: the citizen's tracking lookup knows the receipt code, not the province;
 * - `tracking_attempt`: failed tracking lookups counted per receipt code and per client address, to lock out
 *   PIN guessing (fixed windows).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table agency add column receipt_code_format text
      check (receipt_code_format is null or receipt_code_format like '%{seq%');

    alter table dossier
      add column allowed_hours numeric(10, 2),
      add column new_appointment_at timestamptz,
      add column apology_reason text;
    create index dossier_receipt_code on dossier (receipt_code);

    create table tracking_attempt (
      scope text not null check (scope in ('receipt_code', 'ip')),
      key text not null,
      window_started_at timestamptz not null,
      failures integer not null,
      locked_until timestamptz,
      primary key (scope, key)
    );
    create index work_calendar_unit on work_calendar (unit_id) where unit_id is not null;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop index if exists work_calendar_unit;
    drop table tracking_attempt;
    drop index dossier_receipt_code;
    alter table dossier drop column allowed_hours, drop column new_appointment_at, drop column apology_reason;
    alter table agency drop column receipt_code_format;
  `.execute(db);
}
