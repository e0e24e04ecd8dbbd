import { type Kysely, sql } from 'kysely';

/**
 * Breakdowns by respondent attributes and procedure field, quality flags in the rollups, and a coarse grain for
 * reports — without multiplying the rollup cell key.
 *
 * - `survey_rollup_cell` gains `flagged` (the cell counts responses carrying at least one quality flag) in its
 *   key: flagged responses are rare, so most keys keep one cell, and "excluding flagged responses" is a filter
 *   on `flagged = false`, never a scan of raw responses.
 * - Marginal rollups: one `survey_rollup_margin` per (province, campaign, unit, month, attribute, value,
 *   flagged) with its own item-level counts and moments, in the row form of the cells'. Attribute `all` (value
 *   '') is every response of the unit and month: the coarse grain an index report reads (a year is twelve
 *   margins per unit instead of every agency × channel cell). `gender`, `age_band`, `education`,
 *   `procedure_field` (value = the field id) hold one margin per stated value; `quality_flag` one per flag kind
 *   (a response with two flags counts in both). Unstated attributes are not counted, so each attribute's
 *   margins add up to the responses that stated it. Respondent attributes never combine with each other or
 *   with the agency: a breakdown reads one attribute at a time, and small groups are withheld as in every
 *   breakdown.
 * - Tokens remember the procedure (and its field) of the dossier they were issued for; a response copies them,
 *   so its procedure field is known without a link back to the dossier.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table survey_token
      add column procedure_id bigint references procedure (id),
      add column procedure_field_id bigint references procedure_field (id);
    alter table survey_response add column procedure_field_id bigint references procedure_field (id);

    alter table survey_rollup_cell add column flagged boolean not null default false;
    do $$
    declare name text;
    begin
      select conname into name from pg_constraint
      where conrelid = 'survey_rollup_cell'::regclass and contype = 'u';
      execute format('alter table survey_rollup_cell drop constraint %I', name);
    end $$;
    alter table survey_rollup_cell add constraint survey_rollup_cell_key
      unique nulls not distinct (province_unit_id, campaign_id, unit_id, agency_id, period_month, channel, flagged);

    create table survey_rollup_margin (
      province_unit_id bigint not null references administrative_unit (id),
      id bigint generated always as identity,
      campaign_id bigint not null references campaign (id),
      unit_id bigint not null references administrative_unit (id),
      period_month date not null check (extract(day from period_month) = 1),
      attribute text not null
        check (attribute in ('all', 'gender', 'age_band', 'education', 'procedure_field', 'quality_flag')),
      value text not null check ((attribute = 'all') = (value = '')),
      flagged boolean not null,
      responded integer not null default 0,
      primary key (province_unit_id, id),
      constraint survey_rollup_margin_key
        unique (province_unit_id, campaign_id, unit_id, period_month, attribute, value, flagged)
    );
    -- Reports read a unit subtree's margins of one attribute over a few months; rankings by province use the
    -- primary key's province prefix; coverage sums read the cells of the same units and months.
    create index survey_rollup_margin_unit on survey_rollup_margin (unit_id, attribute, period_month);
    create index survey_rollup_cell_unit_month on survey_rollup_cell (unit_id, period_month);

    create table survey_rollup_margin_count (
      province_unit_id bigint not null,
      margin_id bigint not null,
      item_ordinal smallint not null,
      level smallint not null,
      count integer not null,
      weight_sum double precision not null,
      weight_square_sum double precision not null,
      primary key (province_unit_id, margin_id, item_ordinal, level),
      foreign key (province_unit_id, margin_id) references survey_rollup_margin (province_unit_id, id)
    );

    create table survey_rollup_margin_moment (
      province_unit_id bigint not null,
      margin_id bigint not null,
      dimension_ordinal smallint not null,
      n integer not null,
      sum double precision not null,
      sum_squares double precision not null,
      weight_sum double precision not null,
      weighted_sum double precision not null,
      weighted_sum_squares double precision not null,
      weight_square_sum double precision not null,
      primary key (province_unit_id, margin_id, dimension_ordinal),
      foreign key (province_unit_id, margin_id) references survey_rollup_margin (province_unit_id, id)
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop index if exists survey_rollup_cell_unit_month;
    drop table if exists survey_rollup_margin_moment;
    drop table if exists survey_rollup_margin_count;
    drop table if exists survey_rollup_margin;
    alter table survey_rollup_cell drop constraint if exists survey_rollup_cell_key;
    delete from survey_rollup_count c using survey_rollup_cell cell
      where cell.province_unit_id = c.province_unit_id and cell.id = c.cell_id and cell.flagged;
    delete from survey_rollup_moment m using survey_rollup_cell cell
      where cell.province_unit_id = m.province_unit_id and cell.id = m.cell_id and cell.flagged;
    delete from survey_rollup_cell where flagged;
    alter table survey_rollup_cell drop column flagged,
      add unique nulls not distinct (province_unit_id, campaign_id, unit_id, agency_id, period_month, channel);
    alter table survey_response drop column if exists procedure_field_id;
    alter table survey_token drop column if exists procedure_field_id, drop column if exists procedure_id;
  `.execute(db);
}
