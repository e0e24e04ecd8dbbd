import { type Kysely, sql } from 'kysely';

/**
 * Agencies and the procedure catalog, part 1:
 * - `unaccent` and `immutable_unaccent(text)`, an IMMUTABLE wrapper usable in indexes (the extension's own
 *   function is only STABLE because its dictionary could change; ours pins the dictionary by name);
 * - a trigram index over the diacritic-free, lower-cased agency names for `agencies(search:)`;
 * - `agency.website`, and `agency_service_point`: the places (desks, portals, postal addresses) where citizens
 *   submit dossiers to an agency, several per agency;
 * - `search_text` of existing procedures rebuilt with the same rule the API applies on every write
 *   (`normalizeSearchText`: code, names and field name, lower case, no diacritics).
 *
 * Frozen in time: typed against `Kysely<any>`, no application imports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create extension if not exists unaccent;

    create function immutable_unaccent(text) returns text
      language sql immutable parallel safe strict
      as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;

    alter table agency add column website text;
    create index agency_search on agency
      using gin (lower(immutable_unaccent(code || ' ' || name_vi || ' ' || name_en || ' ' || coalesce(short_name, '')))
                 gin_trgm_ops);

    create table agency_service_point (
      id bigint generated always as identity primary key,
      agency_id bigint not null references agency (id) on delete cascade,
      ordinal smallint not null default 1,
      name_vi text not null,
      name_en text,
      channel text not null check (channel in ('in_person', 'online', 'postal')),
      address text,
      url text,
      phone text,
      opening_hours text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index agency_service_point_agency on agency_service_point (agency_id, ordinal);

    create index procedure_code_lower on procedure (lower(code));
    create index agency_procedure_agency on agency_procedure (agency_id, procedure_id);

    update procedure p
       set search_text = trim(regexp_replace(
             lower(replace(replace(immutable_unaccent(p.code || ' ' || p.name_vi || ' ' || coalesce(p.name_en, '') || ' ' || f.name_vi), 'đ', 'd'), 'Đ', 'D')),
             '[^[:alnum:].]+', ' ', 'g'))
      from procedure_field f
     where f.id = p.field_id and p.search_text = '';
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop index if exists agency_procedure_agency;
    drop index if exists procedure_code_lower;
    drop table if exists agency_service_point;
    drop index if exists agency_search;
    alter table agency drop column if exists website;
    drop function if exists immutable_unaccent(text);
    drop extension if exists unaccent;
  `.execute(db);
}
