import { type Kysely, sql } from 'kysely';

/**
 * Hot rollup rows spread over slots. Every submission of a busy campaign, unit, month and channel used to add to
 * the same rollup cell and margin rows, so concurrent writers queued on their row locks until each commit's WAL
 * flush. A `slot` (0 ≤ slot < 64; writers use `ROLLUP_SLOTS` of them, by backend) now belongs to the unique key
 * of `survey_rollup_cell` and `survey_rollup_margin`: writers on different connections add to different rows
 * and their commits overlap. Counts and moments hang off a cell's or margin's id, so each slot has its own.
 * Every reader sums over cells and margins (a key's figures are the sum of its slots); coverage (served,
 * offered) is kept in slot 0. Existing rows become slot 0, in place.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table survey_rollup_cell
      add column slot smallint not null default 0 check (slot >= 0 and slot < 64);
    alter table survey_rollup_cell drop constraint survey_rollup_cell_key;
    alter table survey_rollup_cell add constraint survey_rollup_cell_key
      unique nulls not distinct (province_unit_id, campaign_id, unit_id, agency_id, period_month, channel, flagged,
        slot);

    alter table survey_rollup_margin
      add column slot smallint not null default 0 check (slot >= 0 and slot < 64);
    alter table survey_rollup_margin drop constraint survey_rollup_margin_key;
    alter table survey_rollup_margin add constraint survey_rollup_margin_key
      unique (province_unit_id, campaign_id, unit_id, period_month, attribute, value, flagged, slot);
  `.execute(db);
}

/** Folds every slot back into slot 0 (counts, moments, coverage and respondents added up), then drops it. */
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    insert into survey_rollup_cell (province_unit_id, campaign_id, unit_id, agency_id, period_month, channel,
      flagged, slot)
    select distinct province_unit_id, campaign_id, unit_id, agency_id, period_month, channel, flagged, 0
    from survey_rollup_cell where slot > 0
    on conflict on constraint survey_rollup_cell_key do nothing;

    create temporary table rollup_slot_cell as
    select s.province_unit_id, s.id as from_id, z.id as to_id
    from survey_rollup_cell s join survey_rollup_cell z
      on z.province_unit_id = s.province_unit_id and z.campaign_id = s.campaign_id and z.unit_id = s.unit_id
      and z.agency_id is not distinct from s.agency_id and z.period_month = s.period_month
      and z.channel = s.channel and z.flagged = s.flagged and z.slot = 0
    where s.slot > 0;

    insert into survey_rollup_count (province_unit_id, cell_id, item_ordinal, level, count, weight_sum,
      weight_square_sum)
    select m.province_unit_id, m.to_id, c.item_ordinal, c.level, sum(c.count), sum(c.weight_sum),
      sum(c.weight_square_sum)
    from survey_rollup_count c join rollup_slot_cell m on m.province_unit_id = c.province_unit_id
      and m.from_id = c.cell_id
    group by 1, 2, 3, 4
    on conflict (province_unit_id, cell_id, item_ordinal, level) do update set
      count = survey_rollup_count.count + excluded.count,
      weight_sum = survey_rollup_count.weight_sum + excluded.weight_sum,
      weight_square_sum = survey_rollup_count.weight_square_sum + excluded.weight_square_sum;

    insert into survey_rollup_moment (province_unit_id, cell_id, dimension_ordinal, n, sum, sum_squares,
      weight_sum, weighted_sum, weighted_sum_squares, weight_square_sum)
    select m.province_unit_id, m.to_id, x.dimension_ordinal, sum(x.n), sum(x.sum), sum(x.sum_squares),
      sum(x.weight_sum), sum(x.weighted_sum), sum(x.weighted_sum_squares), sum(x.weight_square_sum)
    from survey_rollup_moment x join rollup_slot_cell m on m.province_unit_id = x.province_unit_id
      and m.from_id = x.cell_id
    group by 1, 2, 3
    on conflict (province_unit_id, cell_id, dimension_ordinal) do update set
      n = survey_rollup_moment.n + excluded.n,
      sum = survey_rollup_moment.sum + excluded.sum,
      sum_squares = survey_rollup_moment.sum_squares + excluded.sum_squares,
      weight_sum = survey_rollup_moment.weight_sum + excluded.weight_sum,
      weighted_sum = survey_rollup_moment.weighted_sum + excluded.weighted_sum,
      weighted_sum_squares = survey_rollup_moment.weighted_sum_squares + excluded.weighted_sum_squares,
      weight_square_sum = survey_rollup_moment.weight_square_sum + excluded.weight_square_sum;

    update survey_rollup_cell z set served = z.served + t.served, offered = z.offered + t.offered,
      responded = z.responded + t.responded
    from (
      select m.province_unit_id, m.to_id, sum(s.served) as served, sum(s.offered) as offered,
        sum(s.responded) as responded
      from rollup_slot_cell m join survey_rollup_cell s on s.province_unit_id = m.province_unit_id
        and s.id = m.from_id
      group by 1, 2
    ) t
    where z.province_unit_id = t.province_unit_id and z.id = t.to_id;

    delete from survey_rollup_count c using rollup_slot_cell m
      where m.province_unit_id = c.province_unit_id and m.from_id = c.cell_id;
    delete from survey_rollup_moment x using rollup_slot_cell m
      where m.province_unit_id = x.province_unit_id and m.from_id = x.cell_id;
    delete from survey_rollup_cell where slot > 0;

    insert into survey_rollup_margin (province_unit_id, campaign_id, unit_id, period_month, attribute, value,
      flagged, slot)
    select distinct province_unit_id, campaign_id, unit_id, period_month, attribute, value, flagged, 0
    from survey_rollup_margin where slot > 0
    on conflict on constraint survey_rollup_margin_key do nothing;

    create temporary table rollup_slot_margin as
    select s.province_unit_id, s.id as from_id, z.id as to_id
    from survey_rollup_margin s join survey_rollup_margin z
      on z.province_unit_id = s.province_unit_id and z.campaign_id = s.campaign_id and z.unit_id = s.unit_id
      and z.period_month = s.period_month and z.attribute = s.attribute and z.value = s.value
      and z.flagged = s.flagged and z.slot = 0
    where s.slot > 0;

    insert into survey_rollup_margin_count (province_unit_id, margin_id, item_ordinal, level, count, weight_sum,
      weight_square_sum)
    select m.province_unit_id, m.to_id, c.item_ordinal, c.level, sum(c.count), sum(c.weight_sum),
      sum(c.weight_square_sum)
    from survey_rollup_margin_count c join rollup_slot_margin m on m.province_unit_id = c.province_unit_id
      and m.from_id = c.margin_id
    group by 1, 2, 3, 4
    on conflict (province_unit_id, margin_id, item_ordinal, level) do update set
      count = survey_rollup_margin_count.count + excluded.count,
      weight_sum = survey_rollup_margin_count.weight_sum + excluded.weight_sum,
      weight_square_sum = survey_rollup_margin_count.weight_square_sum + excluded.weight_square_sum;

    insert into survey_rollup_margin_moment (province_unit_id, margin_id, dimension_ordinal, n, sum, sum_squares,
      weight_sum, weighted_sum, weighted_sum_squares, weight_square_sum)
    select m.province_unit_id, m.to_id, x.dimension_ordinal, sum(x.n), sum(x.sum), sum(x.sum_squares),
      sum(x.weight_sum), sum(x.weighted_sum), sum(x.weighted_sum_squares), sum(x.weight_square_sum)
    from survey_rollup_margin_moment x join rollup_slot_margin m on m.province_unit_id = x.province_unit_id
      and m.from_id = x.margin_id
    group by 1, 2, 3
    on conflict (province_unit_id, margin_id, dimension_ordinal) do update set
      n = survey_rollup_margin_moment.n + excluded.n,
      sum = survey_rollup_margin_moment.sum + excluded.sum,
      sum_squares = survey_rollup_margin_moment.sum_squares + excluded.sum_squares,
      weight_sum = survey_rollup_margin_moment.weight_sum + excluded.weight_sum,
      weighted_sum = survey_rollup_margin_moment.weighted_sum + excluded.weighted_sum,
      weighted_sum_squares = survey_rollup_margin_moment.weighted_sum_squares + excluded.weighted_sum_squares,
      weight_square_sum = survey_rollup_margin_moment.weight_square_sum + excluded.weight_square_sum;

    update survey_rollup_margin z set responded = z.responded + t.responded
    from (
      select m.province_unit_id, m.to_id, sum(s.responded) as responded
      from rollup_slot_margin m join survey_rollup_margin s on s.province_unit_id = m.province_unit_id
        and s.id = m.from_id
      group by 1, 2
    ) t
    where z.province_unit_id = t.province_unit_id and z.id = t.to_id;

    delete from survey_rollup_margin_count c using rollup_slot_margin m
      where m.province_unit_id = c.province_unit_id and m.from_id = c.margin_id;
    delete from survey_rollup_margin_moment x using rollup_slot_margin m
      where m.province_unit_id = x.province_unit_id and m.from_id = x.margin_id;
    delete from survey_rollup_margin where slot > 0;

    drop table rollup_slot_cell;
    drop table rollup_slot_margin;

    alter table survey_rollup_margin drop constraint survey_rollup_margin_key;
    alter table survey_rollup_margin add constraint survey_rollup_margin_key
      unique (province_unit_id, campaign_id, unit_id, period_month, attribute, value, flagged);
    alter table survey_rollup_margin drop column slot;
    alter table survey_rollup_cell drop constraint survey_rollup_cell_key;
    alter table survey_rollup_cell add constraint survey_rollup_cell_key
      unique nulls not distinct (province_unit_id, campaign_id, unit_id, agency_id, period_month, channel, flagged);
    alter table survey_rollup_cell drop column slot;
  `.execute(db);
}
