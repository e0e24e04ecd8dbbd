import { createServer, type IncomingMessage } from 'node:http';
import { normalizeSearchText } from '@chiso/db';
import pg from 'pg';

/**
 * The raw baselines: a bare `node:http` handler running the same work as the API with hand-written SQL through
 * `pg`, without GraphQL, rollups or access rules.
 *   GET /report?unit=01&year=2024 — the overall SIPAS figure of a province for a year, scanning raw responses;
 *   GET /ranking?year=2024 — the same figure for every province of the year, ranked (no intervals);
 *   GET /search?q=… — the first 20 procedures matching a search, the API's tiers and order (one statement,
 *     trigram suggestions only when no word matches);
 *   GET /procedure?code=… — a procedure page: the procedure, its field, cases, documents, fees and agencies;
 *   GET /queue?agency=… — an agency's 50 open dossiers, soonest due first, with procedure and last event;
 *   POST /submit — one survey response as a single INSERT (idempotency key, no rollups).
 */

const REPORT_SQL = `
  with unit as (
    select id from administrative_unit
    where level_code = 'PROVINCE' and code = $1 and valid_from <= $3 and (valid_to is null or valid_to >= $2)
  ),
  response as (
    select r.answers from survey_response r
    join instrument i on i.id = r.instrument_id and i.code = 'SIPAS' and i.version = '2017'
    where r.province_unit_id in (select id from unit) and r.unit_id in (select id from unit)
      and r.period_month between $2 and $3
  ),
  item as (
    select ii.dimension_ordinal, count(a.v) as answered, count(*) filter (where a.v >= 4) as satisfied
    from response r
    cross join lateral unnest(r.answers) with ordinality as a(v, pos)
    join instrument_item ii on ii.ordinal = a.pos - 1
      and ii.instrument_id = (select id from instrument where code = 'SIPAS' and version = '2017')
    group by ii.dimension_ordinal, ii.ordinal
  )
  select (select count(*) from response)::int as n,
    (select avg(value) * 100 from (
      select avg(satisfied::float8 / nullif(answered, 0)) as value from item group by dimension_ordinal
    ) d) as value`;

const RANKING_SQL = `
  with unit as (
    select id, code from administrative_unit
    where level_code = 'PROVINCE' and valid_from <= $2 and (valid_to is null or valid_to >= $1)
  ),
  response as (
    select r.province_unit_id as unit_id, r.answers from survey_response r
    join unit u on u.id = r.province_unit_id and r.unit_id = u.id
    join instrument i on i.id = r.instrument_id and i.code = 'SIPAS' and i.version = '2017'
    where r.period_month between $1 and $2
  ),
  item as (
    select r.unit_id, ii.dimension_ordinal, count(a.v) as answered, count(*) filter (where a.v >= 4) as satisfied
    from response r
    cross join lateral unnest(r.answers) with ordinality as a(v, pos)
    join instrument_item ii on ii.ordinal = a.pos - 1
      and ii.instrument_id = (select id from instrument where code = 'SIPAS' and version = '2017')
    group by r.unit_id, ii.dimension_ordinal, ii.ordinal
  ),
  value as (
    select unit_id, avg(value) * 100 as value from (
      select unit_id, avg(satisfied::float8 / nullif(answered, 0)) as value from item group by unit_id, dimension_ordinal
    ) d group by unit_id
  )
  select u.code, n.n::int, v.value, rank() over (order by v.value desc) as rank
  from value v join unit u on u.id = v.unit_id
  join (select unit_id, count(*) as n from response group by unit_id) n on n.unit_id = v.unit_id
  order by rank, u.code`;

/** The API's search (procedures.repo.ts findProcedurePage) by hand: word tiers, then trigram suggestions. */
const SEARCH_SQL = `
  with word as (
    select p.*, case when lower(p.code) = lower($4) then 0
        when p.search_text like '%' || $1 || '%' and (' ' || p.search_text || ' ') like '% ' || $1 || '%' then 1
        else 2 end as tier
    from procedure p
    where (p.valid_to is null or p.valid_to >= current_date)
      and (lower(p.code) = lower($4)
        or (p.search_text like '%' || $1 || '%' and (' ' || p.search_text || ' ') like '% ' || $1 || '%')
        or (select bool_and(p.search_text like '%' || w || '%' and (' ' || p.search_text || ' ') like '% ' || w || '%')
            from unnest($3::text[]) w))
  ),
  fuzzy as (
    select p.*, 3 as tier from procedure p
    where not exists (select 1 from word) and length($2) >= 3
      and (p.valid_to is null or p.valid_to >= current_date) and $2 <% p.search_text
  ),
  found as (select * from word union all select * from fuzzy)
  select id::text, code, name_vi, count(*) over () as total from found
  order by tier, word_similarity($2, search_text) desc, length(search_text), code, id
  limit 20`;

const PROCEDURE_SQL = `
  select p.id::text, p.code, p.name_vi, p.name_en, p.level, p.online_level, p.valid_from, p.valid_to,
    json_build_object('code', f.code, 'name', f.name_vi) as field,
    (select coalesce(json_agg(json_build_object('name', c.name_vi, 'hours', c.processing_hours) order by c.ordinal), '[]')
       from procedure_case c where c.procedure_id = p.id) as cases,
    (select coalesce(json_agg(json_build_object('name', d.name_vi, 'copies', d.copies) order by d.ordinal, d.id), '[]')
       from procedure_document d where d.procedure_id = p.id) as documents,
    (select coalesce(json_agg(json_build_object('name', e.name_vi, 'amount', e.amount_vnd) order by e.id), '[]')
       from procedure_fee e where e.procedure_id = p.id) as fees,
    (select coalesce(json_agg(json_build_object('code', a.code, 'name', a.name_vi, 'place', ap.submission_place)
       order by a.code), '[]')
       from agency_procedure ap join agency a on a.id = ap.agency_id where ap.procedure_id = p.id) as agencies
  from procedure p join procedure_field f on f.id = p.field_id
  where p.code = $1`;

const QUEUE_SQL = `
  select d.id::text, d.receipt_code, d.status, d.due_at, p.code as procedure_code, p.name_vi as procedure_name,
    e.action as last_action, e.at as last_at
  from dossier d
  join procedure p on p.id = d.procedure_id
  left join lateral (
    select action, at from dossier_event e
    where e.province_unit_id = d.province_unit_id and e.dossier_id = d.id order by at desc, id desc limit 1
  ) e on true
  where d.province_unit_id = (select unit_id from agency where id = $1) and d.agency_id = $1
    and d.status in (1, 2, 4, 5, 6)
  order by d.due_at asc nulls last, d.id
  limit 50`;

const SUBMIT_SQL = `
  insert into survey_response (province_unit_id, campaign_id, instrument_id, unit_id, period_month, channel,
    source, answers, idempotency_key, payload_hash, submitted_at)
  select c.owner_unit_id, c.id, c.instrument_id, c.owner_unit_id, date_trunc('month', now())::date, 'online',
    'open_link', $2::smallint[], 'citizen:' || $3, sha256(convert_to($3 || $2::text, 'UTF8')), now()
  from campaign c where c.code = $1
  on conflict (province_unit_id, idempotency_key) do nothing
  returning id::text`;

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const port = Number(process.env.PORT ?? 0);

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
    });
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

const server = createServer(async (request, response) => {
  try {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const param = (name: string) => url.searchParams.get(name) ?? '';
    let body: unknown;
    if (url.pathname === '/report') {
      const year = Number(param('year'));
      const { rows } = await pool.query(REPORT_SQL, [param('unit'), `${year}-01-01`, `${year}-12-01`]);
      body = rows[0];
    } else if (url.pathname === '/ranking') {
      const year = Number(param('year'));
      const { rows } = await pool.query(RANKING_SQL, [`${year}-01-01`, `${year}-12-01`]);
      body = rows;
    } else if (url.pathname === '/search') {
      const q = normalizeSearchText(param('q'));
      const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');
      const { rows } = await pool.query(SEARCH_SQL, [
        escapeLike(q),
        q,
        q.split(' ').filter(Boolean).map(escapeLike),
        param('q').trim(),
      ]);
      body = { total: rows[0] ? Number(rows[0].total) : 0, rows: rows.map(({ total: _t, ...r }) => r) };
    } else if (url.pathname === '/procedure') {
      const { rows } = await pool.query(PROCEDURE_SQL, [param('code')]);
      body = rows[0] ?? null;
    } else if (url.pathname === '/queue') {
      const { rows } = await pool.query(QUEUE_SQL, [param('agency')]);
      body = rows;
    } else if (url.pathname === '/submit' && request.method === 'POST') {
      const input = JSON.parse(await readBody(request)) as {
        campaignCode: string;
        answers: (number | null)[];
        idempotencyKey: string;
      };
      const { rows } = await pool.query(SUBMIT_SQL, [
        input.campaignCode,
        input.answers,
        input.idempotencyKey,
      ]);
      body = { created: rows.length > 0 };
    } else {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  } catch (error) {
    response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
  }
});

server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : port });
});
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
