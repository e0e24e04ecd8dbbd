import { type Kysely, sql } from 'kysely';

/**
 * Accounts: role grants must carry the scope their role needs, API keys expire, and the lookups done on every
 * request (a session by token, a user's grants, a user's sessions and keys, the audit log of a unit) are indexed.
 *
 * Scope shape of a grant (see the API's `modules/accounts/access.ts`):
 * - `system_admin`: no unit, no agency;
 * - `unit_admin`: a unit, no agency;
 * - `officer`: an agency, no unit;
 * - any other role (`analyst`, `leader`, …): exactly one of a unit or an agency.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table user_role add constraint user_role_scope check (
      case role_code
        when 'system_admin' then unit_id is null and agency_id is null
        when 'unit_admin' then unit_id is not null and agency_id is null
        when 'officer' then agency_id is not null and unit_id is null
        else (unit_id is null) <> (agency_id is null)
      end
    );
    create index user_role_by_user on user_role (user_id);

    alter table app_user add column updated_at timestamptz not null default now();

    alter table session add column rotated_at timestamptz;
    create index session_by_user_active on session (user_id) where revoked_at is null;

    alter table api_key add column expires_at timestamptz;
    alter table api_key add constraint api_key_scopes_present check (cardinality(scopes) > 0);
    create index api_key_by_owner on api_key (owner_user_id);

    create index audit_log_by_unit on audit_log (unit_id, id);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop index if exists audit_log_by_unit;
    drop index if exists api_key_by_owner;
    alter table api_key drop constraint if exists api_key_scopes_present;
    alter table api_key drop column if exists expires_at;
    drop index if exists session_by_user_active;
    alter table session drop column if exists rotated_at;
    alter table app_user drop column if exists updated_at;
    drop index if exists user_role_by_user;
    alter table user_role drop constraint if exists user_role_scope;
  `.execute(db);
}
