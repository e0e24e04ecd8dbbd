import { type Kysely, sql } from 'kysely';

/**
 * Personal data: retention limits and data-subject requests (Law 91/2025/QH15 on personal data protection).
 * - `retention_rule`: how long each kind of personal data is kept once its purpose is served, as editable data
 *   (one row per kind, with the reason); the retention job (`pnpm db:retention`, and periodically inside the API)
 *   deletes or blanks what is older.
 * - `feedback.contact_lookup`: a keyed blind index of the sealed contact — HMACs of the normalised email and phone
 *   under a key derived from the data key — so a person's contacts can be found on request without decrypting
 *   every row. Rows sealed before this migration are indexed by the API at start-up (it holds the key).
 * - `feedback.contact_erased_at`: when the contact was deleted (retention or the person's request); a feedback
 *   item that was not anonymous may then carry no contact.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table retention_rule (
      data_kind text primary key check (data_kind in (
        'feedback_contact', 'dossier_contact', 'session', 'tracking_attempt', 'survey_token', 'survey_source_window'
      )),
      keep_days integer not null check (keep_days between 0 and 36500),
      starts text not null,
      basis text not null
    );
    insert into retention_rule (data_kind, keep_days, starts, basis) values
      ('feedback_contact', 90, 'feedback answered, published, rejected or closed',
       'Liên hệ chỉ để trả lời phản ánh; giữ thêm để người dân hỏi lại / The contact serves the answer; kept a while for follow-up questions'),
      ('dossier_contact', 365, 'result returned (or dossier finished)',
       'Liên hệ của người nộp hồ sơ sau khi trả kết quả / Applicant contact after the result is returned'),
      ('session', 30, 'session expired or ended',
       'Địa chỉ IP và trình duyệt của phiên đăng nhập / Address and browser of a staff session'),
      ('tracking_attempt', 1, 'failure window and lock ended',
       'Địa chỉ IP trong bộ đếm tra cứu sai mã PIN / Client address in the PIN-guessing counters'),
      ('survey_token', 90, 'token expired',
       'Mã khảo sát và bí danh hồ sơ / Survey token and the dossier pseudonym it carries'),
      ('survey_source_window', 2, 'counting window started',
       'Bộ đếm lượt truy cập theo nguồn (đã băm) / Hashed per-source hit counters');

    alter table feedback
      add column contact_lookup bytea[],
      add column contact_erased_at timestamptz,
      drop constraint feedback_check,
      add constraint feedback_contact_present check (anonymous or contact_enc is not null or contact_erased_at is not null),
      add constraint feedback_contact_lookup check (contact_enc is not null or contact_lookup is null);
    create index feedback_contact_lookup on feedback using gin (contact_lookup) where contact_lookup is not null;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop index if exists feedback_contact_lookup;
    update feedback set anonymous = true where contact_enc is null and not anonymous;
    alter table feedback
      drop constraint if exists feedback_contact_lookup,
      drop constraint if exists feedback_contact_present,
      add constraint feedback_check check (anonymous or contact_enc is not null),
      drop column if exists contact_erased_at,
      drop column if exists contact_lookup;
    drop table if exists retention_rule;
  `.execute(db);
}
