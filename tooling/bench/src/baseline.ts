import { createServer } from 'node:http';
import { normalizeSearchText } from '@chiso/db';
import pg from 'pg';

/**
 * The raw baselines: a bare `node:http` handler running the same work as the API with hand-written SQL through
 * `pg`, without GraphQL, rollups or access rules.
 *   GET /report?unit=01&year=2024 — the overall SIPAS figure of a province for a year, scanning raw responses;
 *   GET /search?q=… — the first 20 procedures matching a search, by phrase or trigram.
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

const SEARCH_SQL = `
  select id::text, code, name_vi, count(*) over () as total from procedure
  where (valid_to is null or valid_to >= current_date)
    and ((' ' || search_text || ' ') like $1 or $2 <% search_text
      or (select bool_and((' ' || search_text || ' ') like '% ' || w || '%') from unnest($3::text[]) w))
  order by word_similarity($2, search_text) desc, code
  limit 20`;

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const port = Number(process.env.PORT ?? 0);

const server = createServer(async (request, response) => {
  try {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let body: unknown;
    if (url.pathname === '/report') {
      const year = Number(url.searchParams.get('year'));
      const { rows } = await pool.query(REPORT_SQL, [
        url.searchParams.get('unit'),
        `${year}-01-01`,
        `${year}-12-01`,
      ]);
      body = rows[0];
    } else if (url.pathname === '/search') {
      const q = normalizeSearchText(url.searchParams.get('q') ?? '');
      const { rows } = await pool.query(SEARCH_SQL, [
        `% ${q.replace(/[\\%_]/g, '\\$&')}%`,
        q,
        q.split(' ').filter(Boolean),
      ]);
      body = { total: rows[0] ? Number(rows[0].total) : 0, rows: rows.map(({ total: _t, ...r }) => r) };
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
