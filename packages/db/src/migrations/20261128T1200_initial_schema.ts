import { type Kysely, sql } from 'kysely';

/**
 * The first schema of Chỉ số.
 *
 * Conventions:
 * - snake_case tables and columns (the application sees camelCase through `CamelCasePlugin`);
 * - national codes (unit codes, procedure codes) are text, never numbers;
 * - every table that grows with citizens' activity carries `province_unit_id` (the owning province) as the first
 *   column of its primary key, so it can later be distributed by that column (Citus) or partitioned;
 * - append-only tables (dossier events, feedback events, audit log) refuse UPDATE and DELETE by trigger;
 * - timestamps are `timestamptz`; money is `bigint` VND.
 *
 * Migrations are frozen in time: they are typed against `Kysely<any>` and never import application code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create extension if not exists pg_trgm;

    create function forbid_change() returns trigger language plpgsql as $$
    begin
      raise exception 'table % is append-only', tg_table_name using errcode = '55000';
    end $$;

    -- ───────────────────────── administrative map ─────────────────────────
    create table unit_level (
      code text primary key,
      name_vi text not null,
      name_en text not null,
      depth smallint not null unique
    );

    create table region (
      code text primary key,
      scheme text not null,
      name_vi text not null,
      name_en text not null
    );

    create table administrative_unit (
      id bigint generated always as identity primary key,
      code text not null,
      level_code text not null references unit_level (code),
      parent_id bigint references administrative_unit (id),
      region_code text references region (code),
      name_vi text not null,
      name_ascii text not null,
      name_en text not null,
      full_name_vi text not null,
      type_vi text not null,
      iso_code text,
      valid_from date not null,
      valid_to date,
      note text,
      source text,
      constraint administrative_unit_validity check (valid_to is null or valid_to >= valid_from),
      constraint administrative_unit_code_period unique (level_code, code, valid_from)
    );
    create index administrative_unit_level_validity on administrative_unit (level_code, valid_from, valid_to);
    create index administrative_unit_parent on administrative_unit (parent_id);

    create table unit_succession (
      predecessor_id bigint not null references administrative_unit (id),
      successor_id bigint not null references administrative_unit (id),
      effective_on date not null,
      kind text not null check (kind in ('continued', 'merged', 'renamed', 'split')),
      code_kept boolean not null default false,
      legal_basis text,
      primary key (predecessor_id, successor_id)
    );
    create index unit_succession_successor on unit_succession (successor_id);

    -- ───────────────────────── calendars ─────────────────────────
    create table work_calendar (
      id bigint generated always as identity primary key,
      code text not null unique,
      name_vi text not null,
      name_en text not null,
      unit_id bigint references administrative_unit (id),
      time_zone text not null default 'Asia/Ho_Chi_Minh',
      hours jsonb not null default '[["07:00","11:30"],["13:30","17:00"]]'
    );

    create table calendar_day (
      calendar_id bigint not null references work_calendar (id) on delete cascade,
      day date not null,
      kind text not null check (kind in ('holiday', 'working_day')),
      name_vi text not null,
      name_en text not null,
      source text not null check (source in ('rule', 'announcement', 'manual')),
      primary key (calendar_id, day)
    );

    -- ───────────────────────── agencies ─────────────────────────
    create table agency (
      id bigint generated always as identity primary key,
      code text not null unique,
      kind text not null check (kind in ('ministry', 'department', 'central_vertical', 'enterprise',
                                         'service_center', 'commune_desk', 'other')),
      parent_id bigint references agency (id),
      unit_id bigint not null references administrative_unit (id),
      calendar_id bigint references work_calendar (id),
      name_vi text not null,
      name_en text not null,
      short_name text,
      receipt_prefix text not null,
      address text,
      phone text,
      email text,
      valid_from date not null default current_date,
      valid_to date,
      is_demo boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index agency_parent on agency (parent_id);
    create index agency_unit on agency (unit_id);

    -- ───────────────────────── procedure catalog ─────────────────────────
    create table procedure_field (
      id bigint generated always as identity primary key,
      code text not null unique,
      name_vi text not null,
      name_en text not null
    );

    create table procedure (
      id bigint generated always as identity primary key,
      code text not null unique,
      name_vi text not null,
      name_en text,
      field_id bigint not null references procedure_field (id),
      level text not null check (level in ('central', 'province', 'district', 'commune')),
      online_level text not null check (online_level in ('full', 'partial', 'none')),
      time_basis text not null default 'working_days' check (time_basis in ('working_days', 'calendar_days')),
      inter_agency boolean not null default false,
      result_document text,
      legal_basis text,
      applicant_kinds text[] not null default '{}',
      search_text text not null default '',
      valid_from date not null default current_date,
      valid_to date,
      is_demo boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index procedure_field_idx on procedure (field_id);
    create index procedure_search on procedure using gin (search_text gin_trgm_ops);

    create table procedure_case (
      id bigint generated always as identity primary key,
      procedure_id bigint not null references procedure (id) on delete cascade,
      ordinal smallint not null,
      name_vi text not null,
      name_en text,
      processing_hours numeric(8, 2),
      processing_hours_online numeric(8, 2),
      calendar_days smallint,
      unique (procedure_id, ordinal),
      check (processing_hours is not null or calendar_days is not null)
    );

    create table procedure_document (
      id bigint generated always as identity primary key,
      procedure_id bigint not null references procedure (id) on delete cascade,
      case_id bigint references procedure_case (id) on delete cascade,
      ordinal smallint not null,
      name_vi text not null,
      name_en text,
      originals smallint not null default 0 check (originals >= 0),
      copies smallint not null default 0 check (copies >= 0),
      reusable boolean not null default false,
      note text
    );
    create index procedure_document_procedure on procedure_document (procedure_id, ordinal);

    create table procedure_fee (
      id bigint generated always as identity primary key,
      procedure_id bigint not null references procedure (id) on delete cascade,
      case_id bigint references procedure_case (id) on delete cascade,
      name_vi text not null,
      name_en text,
      amount_vnd bigint not null check (amount_vnd >= 0),
      note text
    );
    create index procedure_fee_procedure on procedure_fee (procedure_id);

    create table agency_procedure (
      agency_id bigint not null references agency (id),
      procedure_id bigint not null references procedure (id),
      submission_place text,
      primary key (agency_id, procedure_id)
    );
    create index agency_procedure_procedure on agency_procedure (procedure_id);

    -- ───────────────────────── accounts and access ─────────────────────────
    create table role (
      code text primary key,
      name_vi text not null,
      name_en text not null
    );

    create table app_user (
      id bigint generated always as identity primary key,
      email text not null,
      display_name text not null,
      password_hash text not null,
      status text not null default 'active' check (status in ('active', 'disabled')),
      failed_logins smallint not null default 0,
      locked_until timestamptz,
      password_changed_at timestamptz not null default now(),
      is_demo boolean not null default false,
      created_at timestamptz not null default now()
    );
    create unique index app_user_email on app_user (lower(email));

    create table user_role (
      id bigint generated always as identity primary key,
      user_id bigint not null references app_user (id) on delete cascade,
      role_code text not null references role (code),
      unit_id bigint references administrative_unit (id),
      agency_id bigint references agency (id),
      unique nulls not distinct (user_id, role_code, unit_id, agency_id)
    );

    create table session (
      id bigint generated always as identity primary key,
      user_id bigint not null references app_user (id) on delete cascade,
      token_hash bytea not null unique,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      revoked_at timestamptz,
      user_agent text,
      ip inet
    );
    create index session_by_user on session (user_id);

    create table api_key (
      id bigint generated always as identity primary key,
      name text not null,
      prefix text not null unique,
      key_hash bytea not null,
      owner_user_id bigint references app_user (id),
      scopes text[] not null default '{}',
      rate_limit_per_minute integer not null default 600,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    );

    create table audit_log (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      actor_user_id bigint references app_user (id),
      actor_api_key_id bigint references api_key (id),
      action text not null,
      entity text not null,
      entity_id text,
      unit_id bigint references administrative_unit (id),
      data jsonb not null default '{}',
      ip inet
    );
    create index audit_log_entity on audit_log (entity, entity_id);
    create index audit_log_at on audit_log (at);
    create trigger audit_log_append_only before update or delete on audit_log
      for each row execute function forbid_change();

    -- ───────────────────────── dossiers (one-stop desk) ─────────────────────────
    create table dossier_status (
      code smallint primary key,
      key text not null unique,
      name_vi text not null,
      name_en text not null,
      clock_stopped boolean not null default false,
      terminal boolean not null default false
    );

    create table dossier (
      province_unit_id bigint not null references administrative_unit (id),
      id bigint generated always as identity,
      receipt_code text not null,
      pin_hash text not null,
      agency_id bigint not null references agency (id),
      procedure_id bigint not null references procedure (id),
      case_id bigint references procedure_case (id),
      channel text not null check (channel in ('in_person', 'online', 'postal')),
      status smallint not null references dossier_status (code),
      applicant_kind text not null default 'citizen' check (applicant_kind in ('citizen', 'organisation')),
      applicant_contact_enc bytea,
      received_at timestamptz not null,
      due_at timestamptz,
      finished_at timestamptz,
      returned_at timestamptz,
      paused_hours numeric(10, 2) not null default 0,
      supplement_requested boolean not null default false,
      apology_issued boolean not null default false,
      paid_online boolean not null default false,
      digitised boolean not null default false,
      electronic_result boolean not null default false,
      synced_national boolean not null default false,
      is_demo boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (province_unit_id, id),
      unique (province_unit_id, receipt_code)
    );
    create index dossier_agency_status_due on dossier (province_unit_id, agency_id, status, due_at);
    create index dossier_received on dossier (province_unit_id, received_at);

    create table dossier_event (
      province_unit_id bigint not null,
      id bigint generated always as identity,
      dossier_id bigint not null,
      at timestamptz not null default now(),
      action text not null,
      from_status smallint references dossier_status (code),
      to_status smallint not null references dossier_status (code),
      actor_user_id bigint references app_user (id),
      note text,
      data jsonb not null default '{}',
      primary key (province_unit_id, id),
      foreign key (province_unit_id, dossier_id) references dossier (province_unit_id, id)
    );
    create index dossier_event_dossier on dossier_event (province_unit_id, dossier_id, at);
    create trigger dossier_event_append_only before update or delete on dossier_event
      for each row execute function forbid_change();

    create table receipt_sequence (
      agency_id bigint not null references agency (id),
      day date not null,
      last_value integer not null,
      primary key (agency_id, day)
    );

    -- ───────────────────────── surveys ─────────────────────────
    create table instrument (
      id bigint generated always as identity primary key,
      code text not null,
      version text not null,
      origin text not null check (origin in ('builtin', 'custom')),
      -- Built-in instruments live in @chiso/scoring (their one source of truth): only custom ones keep a
      -- definition here.
      definition jsonb,
      status text not null default 'published' check (status in ('draft', 'published', 'retired')),
      owner_unit_id bigint references administrative_unit (id),
      item_count smallint not null check (item_count > 0),
      created_at timestamptz not null default now(),
      published_at timestamptz,
      unique (code, version),
      check ((origin = 'builtin') = (definition is null))
    );

    -- The order of items (the index of \`survey_response.answers\`) and their dimension, so SQL can aggregate.
    create table instrument_item (
      instrument_id bigint not null references instrument (id) on delete cascade,
      ordinal smallint not null,
      code text not null,
      dimension_code text not null,
      dimension_ordinal smallint not null,
      primary key (instrument_id, ordinal),
      unique (instrument_id, code)
    );

    create table campaign (
      id bigint generated always as identity primary key,
      code text not null unique,
      instrument_id bigint not null references instrument (id),
      owner_unit_id bigint not null references administrative_unit (id),
      name_vi text not null,
      name_en text not null,
      mode text not null check (mode in ('after_dossier', 'sample', 'open')),
      starts_on date not null,
      ends_on date not null,
      status text not null default 'active' check (status in ('draft', 'active', 'closed')),
      settings jsonb not null default '{}',
      is_demo boolean not null default false,
      created_at timestamptz not null default now(),
      check (ends_on >= starts_on)
    );

    create table campaign_scope (
      id bigint generated always as identity primary key,
      campaign_id bigint not null references campaign (id) on delete cascade,
      unit_id bigint references administrative_unit (id),
      agency_id bigint references agency (id),
      procedure_id bigint references procedure (id),
      check (num_nonnulls(unit_id, agency_id, procedure_id) = 1),
      unique nulls not distinct (campaign_id, unit_id, agency_id, procedure_id)
    );

    create table survey_token (
      province_unit_id bigint not null references administrative_unit (id),
      id bigint generated always as identity,
      campaign_id bigint not null references campaign (id),
      token_hash bytea not null,
      agency_id bigint references agency (id),
      -- keyed pseudonym (HMAC) of the dossier: never the dossier id itself
      dossier_pseudonym bytea,
      channel text,
      issued_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz,
      primary key (province_unit_id, id)
    );
    create unique index survey_token_hash on survey_token (token_hash);

    create table survey_response (
      province_unit_id bigint not null references administrative_unit (id),
      id bigint generated always as identity,
      campaign_id bigint not null references campaign (id),
      instrument_id bigint not null references instrument (id),
      unit_id bigint not null references administrative_unit (id),
      agency_id bigint references agency (id),
      procedure_id bigint references procedure (id),
      period_month date not null check (extract(day from period_month) = 1),
      channel text not null check (channel in ('in_person', 'online', 'postal', 'kiosk', 'phone', 'paper')),
      source text not null check (source in ('token', 'open_link', 'sample', 'paper', 'import', 'demo')),
      answers smallint[] not null,
      -- survey weight of externally run, weighted surveys (imports); 1 for everything collected here
      weight double precision not null default 1 check (weight > 0),
      gender text check (gender in ('female', 'male', 'other')),
      age_band text,
      education text,
      free_text text,
      idempotency_key text not null,
      payload_hash bytea not null,
      dossier_pseudonym bytea,
      quality_flags text[] not null default '{}',
      started_at timestamptz,
      submitted_at timestamptz not null default now(),
      is_demo boolean not null default false,
      primary key (province_unit_id, id),
      unique (province_unit_id, idempotency_key),
      check (cardinality(answers) > 0)
    );
    create index survey_response_cell on survey_response (province_unit_id, campaign_id, unit_id, period_month);

    -- Rollups (the row form of @chiso/scoring's ResponseCounts): one cell per (campaign, unit, agency, month,
    -- channel) with its coverage counts (served, offered, responded); answers per item and level with their weight
    -- sums; moments of per-respondent scores per dimension (ordinal -1 = overall).
    create table survey_rollup_cell (
      province_unit_id bigint not null references administrative_unit (id),
      id bigint generated always as identity,
      campaign_id bigint not null references campaign (id),
      unit_id bigint not null references administrative_unit (id),
      agency_id bigint references agency (id),
      period_month date not null,
      channel text not null,
      served integer not null default 0,
      offered integer not null default 0,
      responded integer not null default 0,
      primary key (province_unit_id, id),
      unique nulls not distinct (province_unit_id, campaign_id, unit_id, agency_id, period_month, channel)
    );

    create table survey_rollup_count (
      province_unit_id bigint not null,
      cell_id bigint not null,
      item_ordinal smallint not null,
      level smallint not null,
      count integer not null,
      weight_sum double precision not null,
      weight_square_sum double precision not null,
      primary key (province_unit_id, cell_id, item_ordinal, level),
      foreign key (province_unit_id, cell_id) references survey_rollup_cell (province_unit_id, id)
    );

    create table survey_rollup_moment (
      province_unit_id bigint not null,
      cell_id bigint not null,
      dimension_ordinal smallint not null,
      n integer not null,
      sum double precision not null,
      sum_squares double precision not null,
      weight_sum double precision not null,
      weighted_sum double precision not null,
      weighted_sum_squares double precision not null,
      weight_square_sum double precision not null,
      primary key (province_unit_id, cell_id, dimension_ordinal),
      foreign key (province_unit_id, cell_id) references survey_rollup_cell (province_unit_id, id)
    );

    -- ───────────────────────── feedback (phản ánh, kiến nghị) ─────────────────────────
    create table feedback (
      province_unit_id bigint not null references administrative_unit (id),
      id bigint generated always as identity,
      code text not null,
      subject_kind text not null check (subject_kind in ('procedure', 'agency', 'dossier', 'other')),
      procedure_id bigint references procedure (id),
      agency_id bigint references agency (id),
      dossier_id bigint,
      category text check (category in ('regulation', 'conduct', 'out_of_scope')),
      status text not null default 'received'
        check (status in ('received', 'classified', 'transferred', 'answered', 'published', 'closed', 'rejected')),
      channel text not null check (channel in ('portal', 'hotline', 'mail', 'desk')),
      title text not null,
      body text not null,
      anonymous boolean not null default true,
      contact_enc bytea,
      contact_consent_at timestamptz,
      due_at timestamptz,
      answer_text text,
      answered_at timestamptz,
      publish_allowed boolean not null default false,
      published_at timestamptz,
      citizen_rating smallint check (citizen_rating between 1 and 5),
      idempotency_key text not null,
      is_demo boolean not null default false,
      created_at timestamptz not null default now(),
      primary key (province_unit_id, id),
      unique (province_unit_id, code),
      unique (province_unit_id, idempotency_key),
      check (anonymous or contact_enc is not null)
    );
    create index feedback_status_due on feedback (province_unit_id, status, due_at);

    create table feedback_event (
      province_unit_id bigint not null,
      id bigint generated always as identity,
      feedback_id bigint not null,
      at timestamptz not null default now(),
      action text not null,
      from_status text,
      to_status text not null,
      actor_user_id bigint references app_user (id),
      note text,
      data jsonb not null default '{}',
      primary key (province_unit_id, id),
      foreign key (province_unit_id, feedback_id) references feedback (province_unit_id, id)
    );
    create index feedback_event_feedback on feedback_event (province_unit_id, feedback_id, at);
    create trigger feedback_event_append_only before update or delete on feedback_event
      for each row execute function forbid_change();

    -- ───────────────────────── published results and snapshots ─────────────────────────
    create table published_index_result (
      id bigint generated always as identity primary key,
      index_code text not null check (index_code in ('SIPAS', 'PAR', 'SERVICE_766')),
      year smallint not null,
      scope text not null check (scope in ('national', 'province', 'agency')),
      unit_id bigint references administrative_unit (id),
      unit_code text,
      unit_name text not null,
      value_pct numeric(6, 2),
      rank smallint,
      of_units smallint,
      source text not null,
      status text not null check (status in ('verified', 'derived')),
      unique nulls not distinct (index_code, year, scope, unit_code),
      check (value_pct is not null or rank is not null)
    );

    create table index_snapshot (
      id bigint generated always as identity primary key,
      unit_id bigint not null references administrative_unit (id),
      instrument_id bigint not null references instrument (id),
      period_start date not null,
      period_end date not null,
      payload jsonb not null,
      frozen_at timestamptz not null default now(),
      frozen_by bigint references app_user (id),
      published_at timestamptz,
      check (period_end >= period_start)
    );
    create index index_snapshot_unit_period on index_snapshot (unit_id, period_start);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table if exists index_snapshot, published_index_result, feedback_event, feedback,
      survey_rollup_moment, survey_rollup_count, survey_rollup_cell, survey_response, survey_token,
      campaign_scope, campaign, instrument_item, instrument, receipt_sequence, dossier_event, dossier,
      dossier_status, audit_log, api_key, session, user_role, app_user, role, agency_procedure, procedure_fee,
      procedure_document, procedure_case, procedure, procedure_field, agency, calendar_day, work_calendar,
      unit_succession, administrative_unit, region, unit_level cascade;
    drop function if exists forbid_change();
  `.execute(db);
}
