import type { DB } from '@chiso/db';
import { viewerWithGrants } from '../accounts/access.js';

/** Two agencies of Thái Nguyên (one procedure between them), one of Hà Nội, and the users who work there. */
export async function seedFeedbackFixture(db: DB) {
  const province = async (code: string) =>
    (
      await db
        .selectFrom('administrativeUnit')
        .select('id')
        .where('code', '=', code)
        .where('levelCode', '=', 'PROVINCE')
        .where('validTo', 'is', null)
        .executeTakeFirstOrThrow()
    ).id;
  const thaiNguyen = await province('19');
  const haNoi = await province('01');
  const agency = (code: string, unitId: string, nameVi: string) =>
    db
      .insertInto('agency')
      .values({ code, kind: 'department', unitId, nameVi, nameEn: code, receiptPrefix: code })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((row) => row.id);
  const justice = await agency('TN-STP', thaiNguyen, 'Sở Tư pháp Thái Nguyên');
  const home = await agency('TN-SNV', thaiNguyen, 'Sở Nội vụ Thái Nguyên');
  const hanoi = await agency('HN-STP', haNoi, 'Sở Tư pháp Hà Nội');
  const field = await db
    .insertInto('procedureField')
    .values({ code: 'LLTP', nameVi: 'Lý lịch tư pháp', nameEn: 'Judicial records' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const procedure = await db
    .insertInto('procedure')
    .values({
      code: '2.000488',
      nameVi: 'Cấp Phiếu lý lịch tư pháp',
      fieldId: field.id,
      level: 'province',
      onlineLevel: 'full',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('agencyProcedure').values({ agencyId: justice, procedureId: procedure.id }).execute();

  const user = (email: string, displayName: string) =>
    db
      .insertInto('appUser')
      .values({ email, displayName, passwordHash: 'not-used' })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((row) => row.id);
  const officer = async (email: string, name: string, agencyId: string) =>
    viewerWithGrants({ userId: await user(email, name), apiKeyId: null, apiKeyScopes: [] }, [
      { role: 'officer', unitId: null, agencyId },
    ]);
  return {
    thaiNguyen,
    haNoi,
    agencies: { justice, home, hanoi },
    procedureId: procedure.id,
    viewers: {
      justiceOfficer: await officer('a@tn.gov.vn', 'Cán bộ Sở Tư pháp', justice),
      homeOfficer: await officer('b@tn.gov.vn', 'Cán bộ Sở Nội vụ', home),
      hanoiOfficer: await officer('c@hn.gov.vn', 'Cán bộ Hà Nội', hanoi),
      provinceAdmin: viewerWithGrants(
        { userId: await user('admin@tn.gov.vn', 'Quản trị tỉnh'), apiKeyId: null, apiKeyScopes: [] },
        [{ role: 'unit_admin', unitId: thaiNguyen, agencyId: null }],
      ),
    },
  };
}
