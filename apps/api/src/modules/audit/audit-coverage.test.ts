import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase } from '@chiso/testing';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { schema } from '../../schema/index.js';
import { createTestApi } from '../../test/graphql.js';
import { viewerFor } from '../../test/viewers.js';

/**
 * Audit coverage: every mutation of the schema is classified — the audit action it writes, or why it writes none —
 * so a new mutation without a rule fails here. A scenario then runs the admin actions, dossier transitions and
 * feedback steps against the demo database and checks each wrote its entry, in its unit, by its actor; the
 * mutations the scenario does not run are checked to name their action in a `recordAudit` call of the API's
 * sources (their own tests run them). The log stays append-only: the database refuses UPDATE and DELETE, no code
 * outside the audit module writes to it, and the entries present before the scenario are unchanged after it.
 */
type Rule = { audit: string } | { none: string };

const MUTATION_RULES: Record<string, Rule> = {
  // accounts
  login: { audit: 'user.login' },
  logout: { audit: 'user.logout' },
  logoutEverywhere: { audit: 'user.logout_everywhere' },
  changePassword: { audit: 'user.change_password' },
  createUser: { audit: 'user.create' },
  updateUser: { audit: 'user.update' },
  disableUser: { audit: 'user.disable' },
  enableUser: { audit: 'user.enable' },
  grantRole: { audit: 'user.grant_role' },
  revokeRole: { audit: 'user.revoke_role' },
  createApiKey: { audit: 'api_key.create' },
  revokeApiKey: { audit: 'api_key.revoke' },
  // agencies and catalog
  createAgency: { audit: 'agency.create' },
  updateAgency: { audit: 'agency.update' },
  moveAgency: { audit: 'agency.move' },
  retireAgency: { audit: 'agency.retire' },
  createServicePoint: { audit: 'agency.create_service_point' },
  updateServicePoint: { audit: 'agency.update_service_point' },
  deleteServicePoint: { audit: 'agency.delete_service_point' },
  assignProcedures: { audit: 'agency.assign_procedures' },
  unassignProcedures: { audit: 'agency.unassign_procedures' },
  createProcedure: { audit: 'procedure.create' },
  updateProcedure: { audit: 'procedure.update' },
  retireProcedure: { audit: 'procedure.retire' },
  importProcedures: { audit: 'procedure.import' },
  setCalendarDay: { audit: 'calendar.set_day' },
  removeCalendarDay: { audit: 'calendar.remove_day' },
  // dossiers
  receiveDossier: { audit: 'dossier.receive' },
  transitionDossier: { audit: 'dossier.transition' },
  returnResult: { audit: 'dossier.transition' },
  apologizeDossier: { audit: 'dossier.apologize' },
  // feedback
  submitFeedback: { audit: 'feedback.receive' },
  classifyFeedback: { audit: 'feedback.classify' },
  transferFeedback: { audit: 'feedback.transfer' },
  answerFeedback: { audit: 'feedback.answer' },
  publishFeedbackAnswer: { audit: 'feedback.publish' },
  rejectFeedback: { audit: 'feedback.reject' },
  rateFeedbackHandling: { audit: 'feedback.rate' },
  // surveys and indices
  createCustomInstrument: { audit: 'instrument.create' },
  reviseInstrument: { audit: 'instrument.revise_draft' },
  publishInstrument: { audit: 'instrument.publish' },
  createCampaign: { audit: 'campaign.create' },
  updateCampaign: { audit: 'campaign.update' },
  closeCampaign: { audit: 'campaign.close' },
  issueSampleTokens: { audit: 'campaign.issue_sample_tokens' },
  enterPaperResponses: { audit: 'survey.enter_paper' },
  importSurveyResponses: { audit: 'survey.import' },
  rebuildRollups: { audit: 'survey.rebuild_rollups' },
  freezeIndexSnapshot: { audit: 'index_snapshot.freeze' },
  publishIndexSnapshot: { audit: 'index_snapshot.publish' },
  importPublishedResults: { audit: 'published_result.import' },
  // personal data
  exportPersonalData: { audit: 'personal_data.export' },
  erasePersonalData: { audit: 'personal_data.erase' },
  // not audited, on purpose
  issueSurveyToken: {
    none: 'an entry naming the dossier beside the token would join survey answers back to a dossier; the token row records its issue (survey_token.issued_at) and the dossier its return',
  },
  requestDossierSurvey: {
    none: 'a citizen asking for the survey link of a returned dossier: an entry naming the dossier beside the token would join answers back to it; wrong PINs are counted in tracking_attempt',
  },
  openSurvey: { none: 'a citizen opening a form: anonymous by design, counted per hashed source only' },
  submitSurveyResponse: {
    none: 'a citizen’s answers: anonymous by design (no identity, no address), stored once by idempotency key',
  },
};

const mutationFields = Object.keys(schema.getMutationType()!.getFields());

const apiSources = (() => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) files.push(path);
    }
  };
  walk(root);
  return files.map((file) => ({ file, text: readFileSync(file, 'utf8') }));
})();

/** True when some source writes this action through `recordAudit` (feedback steps name it `feedback.${action}`). */
function writtenInSources(action: string): boolean {
  const [domain, verb] = action.split('.') as [string, string];
  const feedbackStep = ['`feedback.$', '{spec.action}`'].join('');
  return apiSources.some(
    ({ text }) =>
      text.includes('recordAudit') &&
      (text.includes(`'${action}'`) ||
        (domain === 'feedback' && text.includes(feedbackStep) && text.includes(`action: '${verb}'`)) ||
        (domain === 'user' &&
          ['disable', 'enable'].includes(verb) &&
          text.includes("status === 'disabled' ? 'user.disable' : 'user.enable'"))),
  );
}

const { db } = await createTestDatabase({ demo: true });
const backan = (
  await db
    .selectFrom('administrativeUnit')
    .select('id')
    .where('code', '=', '06')
    .where('levelCode', '=', 'PROVINCE')
    .orderBy('validFrom', 'desc')
    .executeTakeFirstOrThrow()
).id;
const stp = await db
  .selectFrom('agency')
  .select(['id', 'unitId'])
  .where('code', '=', 'BKN-STP')
  .executeTakeFirstOrThrow();
const neighbour = await db
  .selectFrom('agency')
  .select(['code'])
  .where('code', 'like', 'BKN-%')
  .where('code', '!=', 'BKN-STP')
  .orderBy('code')
  .executeTakeFirstOrThrow();
// A procedure of the agency with at most one case (the desk need not choose one).
const procedure = await db
  .selectFrom('agencyProcedure as ap')
  .leftJoin('procedureCase as pc', 'pc.procedureId', 'ap.procedureId')
  .select('ap.procedureId')
  .where('ap.agencyId', '=', stp.id)
  .groupBy('ap.procedureId')
  .having(sql<number>`count(pc.id)`, '<=', 1)
  .orderBy('ap.procedureId')
  .executeTakeFirstOrThrow();

const systemAdmin = await viewerFor(db, 'sys@audit.vn', [
  { role: 'system_admin', unitId: null, agencyId: null },
]);
const officer = await viewerFor(db, 'desk@audit.vn', [{ role: 'officer', unitId: null, agencyId: stp.id }]);
const admin = await createTestApi(db, { viewer: systemAdmin });
const desk = await createTestApi(db, { viewer: officer });
const citizen = await createTestApi(db);

const unitGid = encodeGlobalID('AdministrativeUnit', backan);

async function digestOfAuditLog(uptoId: string) {
  const { rows } = await sql<{ digest: string }>`
    select md5(string_agg(t::text, ',' order by id)) as digest from audit_log t where id <= ${uptoId}
  `.execute(db);
  return rows[0]!.digest;
}

interface Ran {
  mutation: string;
  actor: string;
  entries: { action: string; actorUserId: string | null; unitId: string | null }[];
}
const ran: Ran[] = [];

/** Runs one mutation and keeps the audit entries it added. */
async function run(
  api: typeof admin,
  mutation: string,
  document: string,
  variables: Record<string, unknown> = {},
  // biome-ignore lint/suspicious/noExplicitAny: result shapes differ per mutation
): Promise<any> {
  const before = await db
    .selectFrom('auditLog')
    .select(sql<string>`coalesce(max(id), 0)`.as('id'))
    .executeTakeFirstOrThrow();
  const result = await api.query(document, variables);
  expect(result.errors, `${mutation}: ${JSON.stringify(result.errors)}`).toBeUndefined();
  const payload = result.data?.[mutation];
  expect(payload?.__typename, `${mutation}: ${JSON.stringify(payload)}`).toMatch(/Success$/);
  const entries = await db
    .selectFrom('auditLog')
    .select(['action', 'actorUserId', 'unitId'])
    .where('id', '>', before.id)
    .orderBy('id')
    .execute();
  ran.push({
    mutation,
    actor: api === admin ? systemAdmin.userId! : api === desk ? officer.userId! : '',
    entries,
  });
  return payload.data;
}

const ok = (name: string, selection = '__typename') =>
  `{ __typename ... on Error { code message } ... on Mutation${name[0]!.toUpperCase()}${name.slice(1)}Success { data { ${selection} } } }`;

const auditBefore = await db
  .selectFrom('auditLog')
  .select(sql<string>`coalesce(max(id), 0)`.as('id'))
  .executeTakeFirstOrThrow();
const digestBefore = await digestOfAuditLog(auditBefore.id);

// ── the scenario ──
const agency = await run(
  admin,
  'createAgency',
  `mutation($input: CreateAgencyInput!) { createAgency(input: $input) ${ok('createAgency', 'id code')} }`,
  {
    input: {
      code: 'BKN-AUD',
      kind: 'DEPARTMENT',
      name: 'Sở Kiểm toán thử',
      nameEn: 'Test department',
      receiptPrefix: 'AUD',
      unit: unitGid,
    },
  },
);
await run(
  admin,
  'updateAgency',
  `mutation { updateAgency(code: "BKN-AUD", input: { name: "Sở Kiểm toán" }) ${ok('updateAgency')} }`,
);
const point = await run(
  admin,
  'createServicePoint',
  `mutation { createServicePoint(agency: "BKN-AUD", input: { name: "Một cửa", channel: ONLINE, url: "https://dichvucong.backan.gov.vn" }) ${ok('createServicePoint', 'id')} }`,
);
await run(
  admin,
  'updateServicePoint',
  `mutation($id: ID!) { updateServicePoint(id: $id, input: { name: "Một cửa 2" }) ${ok('updateServicePoint')} }`,
  { id: point.id },
);
await run(
  admin,
  'deleteServicePoint',
  `mutation($id: ID!) { deleteServicePoint(id: $id) ${ok('deleteServicePoint')} }`,
  {
    id: point.id,
  },
);
await run(admin, 'retireAgency', `mutation { retireAgency(code: "${agency.code}") ${ok('retireAgency')} }`);

const user = await run(
  admin,
  'createUser',
  `mutation($input: CreateUserInput!) { createUser(input: $input) ${ok('createUser', 'id')} }`,
  { input: { email: 'new@audit.vn', displayName: 'Người mới', password: 'Audit-pass-2027!' } },
);
await run(
  admin,
  'updateUser',
  `mutation($id: ID!) { updateUser(id: $id, input: { displayName: "Người mới 2" }) ${ok('updateUser')} }`,
  {
    id: user.id,
  },
);
const grant = await run(
  admin,
  'grantRole',
  `mutation($input: GrantRoleInput!) { grantRole(input: $input) ${ok('grantRole', 'id')} }`,
  { input: { userId: user.id, role: 'ANALYST', unitId: unitGid } },
);
await run(admin, 'revokeRole', `mutation($id: ID!) { revokeRole(grantId: $id) ${ok('revokeRole')} }`, {
  id: grant.id,
});
await run(admin, 'disableUser', `mutation($id: ID!) { disableUser(id: $id) ${ok('disableUser')} }`, {
  id: user.id,
});
await run(admin, 'enableUser', `mutation($id: ID!) { enableUser(id: $id) ${ok('enableUser')} }`, {
  id: user.id,
});
const key = await run(
  admin,
  'createApiKey',
  `mutation { createApiKey(input: { name: "Báo cáo", scopes: [READ_REPORTS] }) ${ok('createApiKey', 'apiKey { id }')} }`,
);
await run(admin, 'revokeApiKey', `mutation($id: ID!) { revokeApiKey(id: $id) ${ok('revokeApiKey')} }`, {
  id: key.apiKey.id,
});
await run(
  admin,
  'setCalendarDay',
  `mutation($unit: ID!) { setCalendarDay(unitId: $unit, date: "2027-09-03", kind: HOLIDAY, name: "Nghỉ bù", nameEn: "Day off", source: ANNOUNCEMENT) ${ok('setCalendarDay')} }`,
  { unit: unitGid },
);
await run(
  admin,
  'removeCalendarDay',
  `mutation($unit: ID!) { removeCalendarDay(unitId: $unit, date: "2027-09-03") ${ok('removeCalendarDay')} }`,
  { unit: unitGid },
);

const received = await run(
  desk,
  'receiveDossier',
  `mutation($agency: ID!, $procedure: ID!) { receiveDossier(agencyId: $agency, procedureId: $procedure, channel: IN_PERSON) ${ok('receiveDossier', 'dossier { id }')} }`,
  { agency: encodeGlobalID('Agency', stp.id), procedure: encodeGlobalID('Procedure', procedure.procedureId) },
);
const dossierId = received.dossier.id;
for (const action of ['START_PROCESSING', 'RESULT_READY']) {
  await run(
    desk,
    'transitionDossier',
    `mutation($id: ID!) { transitionDossier(id: $id, action: ${action}) ${ok('transitionDossier')} }`,
    { id: dossierId },
  );
}
await run(desk, 'returnResult', `mutation($id: ID!) { returnResult(id: $id) ${ok('returnResult')} }`, {
  id: dossierId,
});

const submitFeedback = async () => {
  const data = await run(
    citizen,
    'submitFeedback',
    `mutation($input: SubmitFeedbackInput!) { submitFeedback(input: $input) ${ok('submitFeedback', 'code')} }`,
    {
      input: {
        subject: 'AGENCY',
        agencyCode: 'BKN-STP',
        title: 'Phản ánh thử',
        body: 'Thời gian chờ tại bộ phận một cửa quá lâu.',
        anonymous: false,
        contact: { name: 'Hương', email: 'huong@example.vn' },
        consent: true,
        idempotencyKey: randomUUID(),
      },
    },
  );
  const row = await db
    .selectFrom('feedback')
    .select(['provinceUnitId', 'id'])
    .where('code', '=', data.code)
    .executeTakeFirstOrThrow();
  return encodeGlobalID('Feedback', `${row.provinceUnitId}:${row.id}`);
};
const first = await submitFeedback();
await run(
  desk,
  'classifyFeedback',
  `mutation($id: ID!) { classifyFeedback(id: $id, category: CONDUCT) ${ok('classifyFeedback')} }`,
  {
    id: first,
  },
);
await run(
  desk,
  'answerFeedback',
  `mutation($id: ID!) { answerFeedback(id: $id, answer: "Sở đã bố trí thêm cán bộ tiếp nhận.", publishAllowed: true) ${ok('answerFeedback')} }`,
  { id: first },
);
await run(
  desk,
  'publishFeedbackAnswer',
  `mutation($id: ID!) { publishFeedbackAnswer(id: $id) ${ok('publishFeedbackAnswer')} }`,
  {
    id: first,
  },
);
const second = await submitFeedback();
await run(
  desk,
  'rejectFeedback',
  `mutation($id: ID!) { rejectFeedback(id: $id, reason: "Trùng phản ánh trước.") ${ok('rejectFeedback')} }`,
  {
    id: second,
  },
);
const third = await submitFeedback();
await run(
  desk,
  'transferFeedback',
  `mutation($id: ID!) { transferFeedback(id: $id, toAgencyCode: "${neighbour.code}") ${ok('transferFeedback')} }`,
  { id: third },
);
await run(
  admin,
  'exportPersonalData',
  `mutation { exportPersonalData(input: { email: "huong@example.vn" }) ${ok('exportPersonalData', 'items')} }`,
);
await run(
  admin,
  'erasePersonalData',
  `mutation { erasePersonalData(input: { email: "huong@example.vn", reason: "Yêu cầu số 1" }) ${ok('erasePersonalData', 'erased')} }`,
);

const snapshot = await run(
  admin,
  'freezeIndexSnapshot',
  `mutation { freezeIndexSnapshot(unit: "06", year: 2019) ${ok('freezeIndexSnapshot', 'id')} }`,
);
await run(
  admin,
  'publishIndexSnapshot',
  `mutation($id: ID!) { publishIndexSnapshot(id: $id) ${ok('publishIndexSnapshot')} }`,
  {
    id: snapshot.id,
  },
);
const campaign = await db.selectFrom('campaign').select('code').executeTakeFirstOrThrow();
await run(
  admin,
  'rebuildRollups',
  `mutation { rebuildRollups(campaignCode: "${campaign.code}") ${ok('rebuildRollups')} }`,
);

describe('audit coverage', () => {
  it('classifies every mutation: the action it audits, or why it audits none', () => {
    expect(Object.keys(MUTATION_RULES).sort()).toEqual([...mutationFields].sort());
    for (const [name, rule] of Object.entries(MUTATION_RULES)) {
      if ('none' in rule) expect(rule.none.length, name).toBeGreaterThan(20);
    }
  });

  it.each(Object.entries(MUTATION_RULES).filter(([, rule]) => 'audit' in rule))(
    '%s writes its audit entry',
    (name, rule) => {
      const action = (rule as { audit: string }).audit;
      const runs = ran.filter((r) => r.mutation === name);
      if (runs.length === 0) {
        // Not run here (its own tests run it): its action must be written by a recordAudit call.
        expect(writtenInSources(action), `${name} → ${action} in the sources`).toBe(true);
        return;
      }
      for (const r of runs) {
        const entry = r.entries.find((e) => e.action === action);
        expect(entry, `${name} wrote ${action}`).toBeDefined();
        if (r.actor) expect(entry!.actorUserId).toBe(r.actor);
        // Entries about people and keys may have no unit (a user without grants): system admins read those.
        if (!/^(user|api_key)\./.test(action)) {
          expect(entry!.unitId, `${name} files its entry under a unit its admins read`).not.toBeNull();
        }
      }
    },
  );

  it('ran most mutations for real', () => {
    const distinct = new Set(ran.map((r) => r.mutation));
    expect(distinct.size).toBeGreaterThanOrEqual(30);
  });

  it('the audit log is append-only: the database refuses UPDATE and DELETE, and entries before stay unchanged', async () => {
    const latest = await db
      .selectFrom('auditLog')
      .select(sql<string>`max(id)`.as('id'))
      .executeTakeFirstOrThrow();
    expect(ran.flatMap((r) => r.entries).length).toBeGreaterThan(30);
    await expect(
      sql`update audit_log set action = 'x' where id = ${latest.id}`.execute(db),
    ).rejects.toMatchObject({
      code: '55000',
    });
    await expect(sql`delete from audit_log where id = ${latest.id}`.execute(db)).rejects.toMatchObject({
      code: '55000',
    });
    expect(await digestOfAuditLog(auditBefore.id)).toBe(digestBefore);
  });

  it('no API code updates or deletes audit entries, and no mutation names the audit log', () => {
    const writers = apiSources.filter(({ text }) =>
      /updateTable\(\s*'auditLog'|deleteFrom\(\s*'auditLog'|update\s+audit_log|delete\s+from\s+audit_log|truncate[^;]*audit_log/i.test(
        text,
      ),
    );
    expect(writers.map((w) => w.file)).toEqual([]);
    expect(mutationFields.filter((name) => /audit/i.test(name))).toEqual([]);
  });
});
