import { randomBytes, randomUUID } from 'node:crypto';
import { createTestDatabase } from '@chiso/testing';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect, it } from 'vitest';
import { PersonalDataCipher } from '../../crypto/personal-data.js';
import { loadEnv } from '../../env.js';
import { createTestApi } from '../../test/graphql.js';
import { viewerFor } from '../../test/viewers.js';
import { viewerWithGrants } from '../accounts/access.js';
import { seedFeedbackFixture } from '../feedback/feedback.fixtures.js';
import { backfillContactLookup, contactLookupCandidates } from './contact-lookup.js';

const { db } = await createTestDatabase();
const fx = await seedFeedbackFixture(db);
const anon = await createTestApi(db);
const system = await createTestApi(db, {
  viewer: await viewerFor(db, 'sys@privacy.vn', [{ role: 'system_admin', unitId: null, agencyId: null }]),
});
const thaiNguyenAdmin = await createTestApi(db, { viewer: fx.viewers.provinceAdmin });
const haNoiAdmin = await createTestApi(db, {
  viewer: await viewerFor(db, 'hn-admin@privacy.vn', [
    { role: 'unit_admin', unitId: fx.haNoi, agencyId: null },
  ]),
});
const officer = await createTestApi(db, { viewer: fx.viewers.justiceOfficer });
const apiKey = await createTestApi(db, {
  viewer: viewerWithGrants({ userId: null, apiKeyId: '1', apiKeyScopes: ['read:reports'] }, []),
});

const SUBMIT = /* GraphQL */ `
  mutation Submit($input: SubmitFeedbackInput!) {
    submitFeedback(input: $input) {
      __typename
      ... on MutationSubmitFeedbackSuccess { data { code } }
    }
  }
`;
const FIND = /* GraphQL */ `
  query Find($email: String, $phone: String) {
    personalData(email: $email, phone: $phone) {
      feedback { id code hasContact }
      contact { name phone email }
    }
  }
`;
const EXPORT = /* GraphQL */ `
  mutation Export($input: PersonLookupInput!) {
    exportPersonalData(input: $input) {
      __typename
      ... on Error { code }
      ... on MutationExportPersonalDataSuccess { data { json items } }
    }
  }
`;
const ERASE = /* GraphQL */ `
  mutation Erase($input: ErasePersonalDataInput!) {
    erasePersonalData(input: $input) {
      __typename
      ... on Error { code }
      ... on ValidationError { fieldErrors { path messageEn } }
      ... on MutationErasePersonalDataSuccess { data { erased codes } }
    }
  }
`;
const FEEDBACK = /* GraphQL */ `
  query One($id: ID!) {
    feedback(id: $id) {
      __typename
      ... on Feedback { hasContact anonymous contactErasedAt title }
    }
    feedbackContact(id: $id) { __typename ... on FeedbackContact { name } }
  }
`;

async function submit(agencyCode: string, contact: { name: string; phone?: string; email?: string }) {
  const { data } = await anon.query(SUBMIT, {
    input: {
      subject: 'AGENCY',
      agencyCode,
      title: 'Thời gian chờ quá lâu',
      body: 'Tôi phải chờ hơn hai giờ để nộp hồ sơ tại bộ phận một cửa.',
      anonymous: false,
      contact,
      consent: true,
      idempotencyKey: randomUUID(),
    },
  });
  expect(data.submitFeedback.__typename).toBe('MutationSubmitFeedbackSuccess');
  return data.submitFeedback.data.code as string;
}

const auditOf = (action: string) =>
  db
    .selectFrom('auditLog')
    .select(['entity', 'entityId', 'unitId', 'data', 'actorUserId'])
    .where('action', '=', action)
    .execute();

// One person (Lan) in two provinces, under two spellings of her phone; another person (Minh) beside her.
const lanStp = await submit('TN-STP', {
  name: 'Nguyễn Thị Lan',
  phone: '0912 345 678',
  email: 'Lan.Nguyen@Example.vn',
});
const lanSnv = await submit('TN-SNV', { name: 'Nguyễn Thị Lan', phone: '+84912345678' });
const lanHanoi = await submit('HN-STP', { name: 'Nguyễn Thị Lan', email: 'lan.nguyen@example.vn' });
const minh = await submit('TN-STP', { name: 'Trần Văn Minh', phone: '0987654321', email: 'minh@example.vn' });

describe('data-subject requests on feedback contacts', () => {
  it('indexes each contact by keyed hashes of its email and phone, never the values in clear', async () => {
    const rows = await db.selectFrom('feedback').select(['code', 'contactLookup']).execute();
    const byCode = new Map(rows.map((r) => [r.code, r.contactLookup]));
    expect(byCode.get(lanStp)).toHaveLength(2);
    expect(byCode.get(lanSnv)).toHaveLength(1);
    const stored = JSON.stringify(rows.map((r) => r.contactLookup?.map((b) => b.toString('latin1'))));
    for (const clear of ['0912345678', 'lan.nguyen@example.vn', '912345678'])
      expect(stored).not.toContain(clear);
  });

  it('finds a person by email or phone in any spelling, everywhere for a system admin, and audits each item', async () => {
    const byPhone = await system.query(FIND, { phone: '(+84) 912.345.678' });
    expect(byPhone.errors).toBeUndefined();
    expect(
      byPhone.data.personalData.map((m: { feedback: { code: string } }) => m.feedback.code).sort(),
    ).toEqual([lanStp, lanSnv].sort());
    const byEmail = await system.query(FIND, { email: ' LAN.nguyen@example.VN ' });
    expect(
      byEmail.data.personalData.map((m: { feedback: { code: string } }) => m.feedback.code).sort(),
    ).toEqual([lanStp, lanHanoi].sort());
    expect(byEmail.data.personalData[0].contact).toMatchObject({ name: 'Nguyễn Thị Lan' });

    const both = await system.query(FIND, { email: 'lan.nguyen@example.vn', phone: '0912345678' });
    expect(both.data.personalData).toHaveLength(3);
    const searches = await auditOf('personal_data.search');
    expect(searches.filter((e) => e.entity === 'feedback')).toHaveLength(2 + 2 + 3);
    // The audit names the items, never the email or phone asked for.
    expect(JSON.stringify(searches)).not.toMatch(/912345678|lan\.nguyen/i);
  });

  it('keeps a unit admin inside their province and refuses everyone else', async () => {
    const tn = await thaiNguyenAdmin.query(FIND, { email: 'lan.nguyen@example.vn', phone: '0912345678' });
    expect(tn.data.personalData.map((m: { feedback: { code: string } }) => m.feedback.code).sort()).toEqual(
      [lanStp, lanSnv].sort(),
    );
    const hn = await haNoiAdmin.query(FIND, { phone: '0912345678' });
    expect(hn.data.personalData).toEqual([]);
    // A search that finds nothing is still recorded (who looked for someone).
    expect((await auditOf('personal_data.search')).some((e) => e.entity === 'person')).toBe(true);

    for (const api of [anon, officer, apiKey]) {
      const found = await api.query(FIND, { phone: '0912345678' });
      expect(found.data).toBeNull();
      expect(found.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const exported = await api.query(EXPORT, { input: { phone: '0912345678' } });
      expect(exported.errors?.[0]?.extensions?.code ?? exported.data?.exportPersonalData?.code).toBe(
        'FORBIDDEN',
      );
    }
  });

  it('refuses a request without an email or phone, or with malformed ones, at their paths', async () => {
    const none = await system.query(FIND, {});
    expect(none.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const bad = await system.query(ERASE, { input: { email: 'nope', phone: '12', reason: 'x' } });
    expect(bad.data.erasePersonalData.fieldErrors.map((e: { path: string[] }) => e.path)).toEqual([
      ['input', 'email'],
      ['input', 'phone'],
    ]);
  });

  it('exports everything kept with the person as JSON, audited per item', async () => {
    const { data } = await thaiNguyenAdmin.query(EXPORT, { input: { phone: '0912345678' } });
    expect(data.exportPersonalData.__typename).toBe('MutationExportPersonalDataSuccess');
    const { json, items } = data.exportPersonalData.data;
    expect(items).toBe(2);
    const document = JSON.parse(json);
    expect(document.format).toBe('chiso.personal-data/1');
    expect(document.request).toEqual({ email: null, phone: '0912345678' });
    expect(document.feedback.map((f: { code: string }) => f.code).sort()).toEqual([lanStp, lanSnv].sort());
    expect(document.feedback[0]).toMatchObject({
      title: 'Thời gian chờ quá lâu',
      contact: { name: 'Nguyễn Thị Lan' },
      contactConsentAt: expect.any(String),
    });
    const exports = await auditOf('personal_data.export');
    expect(exports).toHaveLength(2);
    expect(
      exports.every((e) => e.unitId === fx.thaiNguyen && e.actorUserId === fx.viewers.provinceAdmin.userId),
    ).toBe(true);
  });

  it('deletes the person’s contacts on request (the feedback stays), audited with the reason, once', async () => {
    const { data } = await system.query(ERASE, {
      input: { email: 'lan.nguyen@example.vn', phone: '0912345678', reason: 'Đơn yêu cầu số 12/2027' },
    });
    expect(data.erasePersonalData.data.erased).toBe(3);
    expect(data.erasePersonalData.data.codes.sort()).toEqual([lanStp, lanSnv, lanHanoi].sort());

    const rows = await db
      .selectFrom('feedback')
      .select([
        'code',
        'contactEnc',
        'contactKeyId',
        'contactLookup',
        'contactErasedAt',
        'anonymous',
        'title',
      ])
      .execute();
    for (const row of rows.filter((r) => r.code !== minh)) {
      expect(row).toMatchObject({
        contactEnc: null,
        contactKeyId: null,
        contactLookup: null,
        anonymous: false,
      });
      expect(row.contactErasedAt).toBeInstanceOf(Date);
    }
    expect(rows.find((r) => r.code === minh)?.contactEnc).not.toBeNull();

    const lan = await db
      .selectFrom('feedback')
      .select(['provinceUnitId', 'id'])
      .where('code', '=', lanStp)
      .executeTakeFirstOrThrow();
    const lanId = encodeGlobalID('Feedback', `${lan.provinceUnitId}:${lan.id}`);
    const view = await system.query(FEEDBACK, { id: lanId });
    expect(view.data.feedback).toMatchObject({
      hasContact: false,
      anonymous: false,
      contactErasedAt: expect.any(String),
    });
    expect(view.data.feedbackContact).toBeNull();

    const erasures = await auditOf('personal_data.erase');
    expect(erasures).toHaveLength(3);
    expect(erasures.every((e) => (e.data as { reason?: string }).reason === 'Đơn yêu cầu số 12/2027')).toBe(
      true,
    );

    const again = await system.query(ERASE, {
      input: { phone: '0912345678', reason: 'Đơn yêu cầu số 12/2027' },
    });
    expect(again.data.erasePersonalData.data).toEqual({ erased: 0, codes: [] });
    expect((await system.query(FIND, { phone: '0912345678' })).data.personalData).toEqual([]);
  });

  it('backfills the index of contacts sealed before it existed, and still finds them after a key rotation', async () => {
    const code = await submit('TN-STP', { name: 'Lê Văn Hùng', phone: '0901234567' });
    await db.updateTable('feedback').set({ contactLookup: null }).where('code', '=', code).execute();
    expect((await system.query(FIND, { phone: '0901234567' })).data.personalData).toEqual([]);

    const env = loadEnv({ NODE_ENV: 'test' });
    const cipher = PersonalDataCipher.fromEnv(env);
    expect(await backfillContactLookup(db, cipher)).toBe(1);
    expect(await backfillContactLookup(db, cipher)).toBe(0);
    expect((await system.query(FIND, { phone: '0901234567' })).data.personalData).toHaveLength(1);

    // After rotation (old key retired, still configured), the old index values are among the candidates.
    const rotated = PersonalDataCipher.fromEnv({
      CHISO_DATA_KEY: randomBytes(32).toString('base64'),
      CHISO_DATA_KEY_ID: 'k2',
      CHISO_DATA_KEYS_RETIRED: [{ id: env.CHISO_DATA_KEY_ID, key: env.CHISO_DATA_KEY }],
    });
    const stored = (
      await db
        .selectFrom('feedback')
        .select('contactLookup')
        .where('code', '=', code)
        .executeTakeFirstOrThrow()
    ).contactLookup!;
    const candidates = contactLookupCandidates(rotated, { phone: '+84 901 234 567' });
    expect(candidates.some((c) => c.equals(stored[0]!))).toBe(true);
  });
});
