import type { DB } from '@chiso/db';
import { createTestApi, type TestApi } from '../../test/graphql.js';
import { type RoleGrant, viewerWithGrants } from '../accounts/access.js';

export interface SurveyFixture {
  thaiNguyen: { id: string; globalId: string };
  haNoi: { id: string; globalId: string };
  agencies: { justice: string; construction: string; haNoiJustice: string };
  procedureCode: string;
  /** Dossiers of the Thái Nguyên justice department whose result was returned (status 10), one in progress. */
  returnedDossiers: string[];
  openDossier: string;
  apis: { anonymous: TestApi; tnAdmin: TestApi; tnOfficer: TestApi; hnAdmin: TestApi };
}

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

async function user(db: DB, email: string): Promise<string> {
  const row = await db
    .insertInto('appUser')
    .values({ email, displayName: email, passwordHash: 'x' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Two current provinces (Thái Nguyên, Hà Nội), three agencies, a procedure, returned dossiers, and the API as
 * four viewers: anonymous, a Thái Nguyên unit admin, a desk officer of its justice department, a Hà Nội admin.
 */
export async function seedSurveyFixture(db: DB): Promise<SurveyFixture> {
  const province = (code: string) =>
    db
      .selectFrom('administrativeUnit')
      .select('id')
      .where('code', '=', code)
      .where('levelCode', '=', 'PROVINCE')
      .where('validTo', 'is', null)
      .executeTakeFirstOrThrow();
  const tn = await province('19');
  const hn = await province('01');
  const agency = async (code: string, unitId: string) =>
    (
      await db
        .insertInto('agency')
        .values({
          code,
          kind: 'department',
          unitId,
          nameVi: `Sở ${code}`,
          nameEn: `Department ${code}`,
          receiptPrefix: code,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const justice = await agency('TN-STP', tn.id);
  const construction = await agency('TN-SXD', tn.id);
  const haNoiJustice = await agency('HN-STP', hn.id);
  const field = await db
    .insertInto('procedureField')
    .values({ code: 'TEST-HT', nameVi: 'Hộ tịch', nameEn: 'Civil status' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const procedure = await db
    .insertInto('procedure')
    .values({
      code: '9.999001',
      nameVi: 'Đăng ký khai sinh',
      fieldId: field.id,
      level: 'province',
      onlineLevel: 'full',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const now = new Date();
  const dossier = async (i: number, status: number) =>
    (
      await db
        .insertInto('dossier')
        .values({
          provinceUnitId: tn.id,
          receiptCode: `TN-STP-TEST-${String(i).padStart(4, '0')}`,
          pinHash: 'x',
          agencyId: justice,
          procedureId: procedure.id,
          channel: i % 2 === 0 ? 'online' : 'in_person',
          status,
          receivedAt: new Date(now.getTime() - 3 * 86_400_000),
          returnedAt: status === 10 ? now : null,
          finishedAt: status === 10 ? now : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const returnedDossiers: string[] = [];
  for (let i = 1; i <= 6; i++) returnedDossiers.push(await dossier(i, 10));
  const openDossier = await dossier(99, 4);

  const as = async (email: string, grants: RoleGrant[]) =>
    createTestApi(db, {
      viewer: viewerWithGrants({ userId: await user(db, email), apiKeyId: null, apiKeyScopes: [] }, grants),
    });
  return {
    thaiNguyen: { id: tn.id, globalId: globalId('AdministrativeUnit', tn.id) },
    haNoi: { id: hn.id, globalId: globalId('AdministrativeUnit', hn.id) },
    agencies: { justice, construction, haNoiJustice },
    procedureCode: '9.999001',
    returnedDossiers,
    openDossier,
    apis: {
      anonymous: await createTestApi(db),
      tnAdmin: await as('admin@thainguyen.test', [{ role: 'unit_admin', unitId: tn.id, agencyId: null }]),
      tnOfficer: await as('officer@thainguyen.test', [{ role: 'officer', unitId: null, agencyId: justice }]),
      hnAdmin: await as('admin@hanoi.test', [{ role: 'unit_admin', unitId: hn.id, agencyId: null }]),
    },
  };
}

/** Today and a year from today, 'YYYY-MM-DD' (campaigns in tests take answers now). */
export function openPeriod(): { startsOn: string; endsOn: string } {
  const today = new Date();
  const start = new Date(today.getTime() - 40 * 86_400_000).toISOString().slice(0, 10);
  const end = new Date(today.getTime() + 365 * 86_400_000).toISOString().slice(0, 10);
  return { startsOn: start, endsOn: end };
}
