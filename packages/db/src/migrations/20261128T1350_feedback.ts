import { type Kysely, sql } from 'kysely';

/**
 * Feedback and petitions (PAKN), part 2:
 * - the contact's encryption key id beside its ciphertext (keys rotate; old rows name the key that sealed them);
 * - a keyed fingerprint of the submitted payload, so a retry with the same idempotency key is recognised and a
 *   different payload under a reused key is refused;
 * - the citizen's rating: when, and under which idempotency key (rated once);
 * - a diacritic-insensitive search text of published answers with a trigram index;
 * - lookups by receipt code and by idempotency key across provinces;
 * - handling deadlines per category as data (`feedback_deadline`), believed values pending a legal check.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table feedback
      add column contact_key_id text,
      add column payload_fingerprint bytea,
      add column rated_at timestamptz,
      add column rating_idempotency_key text,
      add column search_text text not null default '',
      add constraint feedback_contact_key check ((contact_enc is null) = (contact_key_id is null)),
      add constraint feedback_rating_once check ((citizen_rating is null) = (rated_at is null));

    create index feedback_code on feedback (code);
    create index feedback_idempotency on feedback (idempotency_key);
    create index feedback_agency_due on feedback (agency_id, due_at, province_unit_id, id);
    create index feedback_published on feedback (published_at desc, province_unit_id, id) where status = 'published';
    create index feedback_published_search on feedback using gin (search_text gin_trgm_ops)
      where status = 'published';

    -- Working days allowed to handle feedback, per category ('unclassified' applies until an officer
    -- classifies it). Values are believed (Nghị định 20/2008, amended 92/2017), not re-checked: edit the rows.
    create table feedback_deadline (
      category text primary key check (category in ('unclassified', 'regulation', 'conduct', 'out_of_scope')),
      working_days smallint not null check (working_days > 0),
      basis text not null,
      verified boolean not null default false
    );
    insert into feedback_deadline (category, working_days, basis) values
      ('unclassified', 10, 'Chưa phân loại: áp dụng thời hạn ngắn nhất / Until classified: the shortest deadline'),
      ('conduct', 10, 'Phản ánh về hành vi của cán bộ, công chức / About officials'' conduct (NĐ 20/2008, 92/2017)'),
      ('regulation', 30, 'Phản ánh, kiến nghị về nội dung quy định hành chính / About regulations (NĐ 20/2008, 92/2017)'),
      ('out_of_scope', 5, 'Không thuộc phạm vi: thông báo cho người phản ánh / Out of scope: tell the citizen');

    -- Receipt codes are random (they are the citizen's key to follow up and rate), so no sequence table is needed.
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table if exists feedback_deadline;
    drop index if exists feedback_published_search, feedback_published, feedback_agency_due, feedback_idempotency,
      feedback_code;
    alter table feedback
      drop constraint if exists feedback_rating_once,
      drop constraint if exists feedback_contact_key,
      drop column if exists search_text,
      drop column if exists rating_idempotency_key,
      drop column if exists rated_at,
      drop column if exists payload_fingerprint,
      drop column if exists contact_key_id;
  `.execute(db);
}
