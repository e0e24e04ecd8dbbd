import type { DB } from '@chiso/db';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { viewerWithGrants } from '../accounts/access.js';

/**
 * Two agencies of Bắc Kạn (2019 map) with one procedure each (in working hours, 5 days in person / 3 online),
 * a second procedure of agency A counted in calendar days, and one officer per agency.
 */
export async function seedDeskFixture(db: DB) {
  const province = await db
    .selectFrom('administrativeUnit')
    .select('id')
    .where('code', '=', '06')
    .where('validTo', 'is not', null)
    .executeTakeFirstOrThrow();
  const [agencyA, agencyB] = await db
    .insertInto('agency')
    .values([
      {
        code: 'T-STP',
        kind: 'department',
        unitId: province.id,
        nameVi: 'Sở Tư pháp (thử)',
        nameEn: 'Justice (test)',
        receiptPrefix: 'BKN-STP',
      },
      {
        code: 'T-SXD',
        kind: 'department',
        unitId: province.id,
        nameVi: 'Sở Xây dựng (thử)',
        nameEn: 'Construction (test)',
        receiptPrefix: 'BKN-SXD',
      },
    ])
    .returning(['id', 'code'])
    .execute();
  const field = await db
    .insertInto('procedureField')
    .values({ code: 'T-FIELD', nameVi: 'Lĩnh vực thử', nameEn: 'Test field' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const [procA, procCal, procB] = await db
    .insertInto('procedure')
    .values([
      {
        code: '1.000001',
        nameVi: 'Cấp phiếu lý lịch tư pháp',
        fieldId: field.id,
        level: 'province',
        onlineLevel: 'full',
      },
      {
        code: '1.000002',
        nameVi: 'Thủ tục tính theo ngày',
        fieldId: field.id,
        level: 'province',
        onlineLevel: 'none',
        timeBasis: 'calendar_days',
      },
      {
        code: '1.000003',
        nameVi: 'Cấp giấy phép xây dựng',
        fieldId: field.id,
        level: 'province',
        onlineLevel: 'none',
      },
    ])
    .returning('id')
    .execute();
  const [caseA, caseCal, caseB] = await db
    .insertInto('procedureCase')
    .values([
      {
        procedureId: procA!.id,
        ordinal: 1,
        nameVi: 'Trường hợp chung',
        processingHours: 40,
        processingHoursOnline: 24,
      },
      { procedureId: procCal!.id, ordinal: 1, nameVi: 'Trường hợp chung', calendarDays: 10 },
      { procedureId: procB!.id, ordinal: 1, nameVi: 'Trường hợp chung', processingHours: 80 },
    ])
    .returning('id')
    .execute();
  await db
    .insertInto('agencyProcedure')
    .values([
      { agencyId: agencyA!.id, procedureId: procA!.id },
      { agencyId: agencyA!.id, procedureId: procCal!.id },
      { agencyId: agencyB!.id, procedureId: procB!.id },
    ])
    .execute();
  const [userA, userB] = await db
    .insertInto('appUser')
    .values([
      { email: 'a@example.test', displayName: 'Cán bộ A', passwordHash: 'x' },
      { email: 'b@example.test', displayName: 'Cán bộ B', passwordHash: 'x' },
    ])
    .returning('id')
    .execute();
  const officer = (userId: string, agencyId: string) =>
    viewerWithGrants({ userId, apiKeyId: null, apiKeyScopes: [] }, [
      { role: 'officer', unitId: null, agencyId },
    ]);
  return {
    provinceId: province.id,
    agencyA: { id: agencyA!.id, gid: encodeGlobalID('Agency', agencyA!.id) },
    agencyB: { id: agencyB!.id, gid: encodeGlobalID('Agency', agencyB!.id) },
    procA: encodeGlobalID('Procedure', procA!.id),
    procCal: encodeGlobalID('Procedure', procCal!.id),
    procB: encodeGlobalID('Procedure', procB!.id),
    caseA: encodeGlobalID('ProcedureCase', caseA!.id),
    caseCal: encodeGlobalID('ProcedureCase', caseCal!.id),
    caseB: encodeGlobalID('ProcedureCase', caseB!.id),
    officerA: officer(userA!.id, agencyA!.id),
    officerB: officer(userB!.id, agencyB!.id),
    provinceGid: encodeGlobalID('AdministrativeUnit', province.id),
  };
}

/** A clock the test moves by hand. */
export function manualClock(start: string) {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    set: (at: string) => {
      now = new Date(at);
    },
  };
}
