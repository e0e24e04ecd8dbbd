import { WorkCalendar } from '@chiso/scoring';
import { createTestDatabase } from '@chiso/testing';
import { describe, expect, it } from 'vitest';
import { createTestApi } from '../../test/graphql.js';
import { manualClock, seedDeskFixture } from '../dossiers/dossiers.fixture.js';
import {
  countPublication,
  PUBLICATION_DEADLINE_WORKING_DAYS,
  periodContaining,
  publicationDeadline,
} from './service-index.service.js';

// A constructed province-month (June 2025, no public holiday) whose every input is counted by hand below.
const { db } = await createTestDatabase();
const fx = await seedDeskFixture(db);
const clock = manualClock('2025-07-15T09:00:00+07:00');
const anonymous = await createTestApi(db, { clock: clock.now });
const officerA = await createTestApi(db, { viewer: fx.officerA, clock: clock.now });
const officerB = await createTestApi(db, { viewer: fx.officerB, clock: clock.now });

const raw = (gid: string) => Buffer.from(gid, 'base64').toString().split(':')[1]!;
const procA = raw(fx.procA);
const procCal = raw(fx.procCal);
const procB = raw(fx.procB);
const at = (local: string) => new Date(`${local}+07:00`);

// Catalog: three procedures in effect in 2025; only procA is offered online (full). procA has a fee and a
// document reusable from the document store; procB a document that is not reusable.
await db.updateTable('procedure').set({ validFrom: '2025-01-01' }).execute();
await db
  .insertInto('procedureFee')
  .values({ procedureId: procA, nameVi: 'Lệ phí', amountVnd: '50000' })
  .execute();
await db
  .insertInto('procedureDocument')
  .values([
    { procedureId: procA, ordinal: 1, nameVi: 'Căn cước', reusable: true },
    { procedureId: procB, ordinal: 1, nameVi: 'Bản vẽ', reusable: false },
  ])
  .execute();

interface DossierSpec {
  code: string;
  agencyId: string;
  procedureId: string;
  channel: 'online' | 'in_person';
  status: number;
  receivedAt: string;
  dueAt: string;
  allowedHours: number;
  finishedAt?: string;
  flags?: Partial<Record<'syncedNational' | 'digitised' | 'electronicResult' | 'paidOnline', boolean>>;
  /** Whether its status history is recorded (what tracking shows). */
  events: boolean;
}

const dossiers: DossierSpec[] = [
  // D1 early: 16 working hours of 40; online, synced, digitised, electronic result, paid online.
  {
    code: 'D1',
    agencyId: fx.agencyA.id,
    procedureId: procA,
    channel: 'online',
    status: 10,
    receivedAt: '2025-06-02T07:00:00',
    dueAt: '2025-06-06T17:00:00',
    allowedHours: 40,
    finishedAt: '2025-06-04T07:00:00',
    flags: { syncedNational: true, digitised: true, electronicResult: true, paidOnline: true },
    events: true,
  },
  // D2 late: 40 working hours of 40 but finished the next Monday; synced, digitised.
  {
    code: 'D2',
    agencyId: fx.agencyA.id,
    procedureId: procA,
    channel: 'in_person',
    status: 9,
    receivedAt: '2025-06-02T07:00:00',
    dueAt: '2025-06-06T17:00:00',
    allowedHours: 40,
    finishedAt: '2025-06-09T07:00:00',
    flags: { syncedNational: true, digitised: true },
    events: true,
  },
  // D3 on time (the due date itself): 8 days and 3 hours = 67 working hours of 80.
  {
    code: 'D3',
    agencyId: fx.agencyA.id,
    procedureId: procCal,
    channel: 'in_person',
    status: 10,
    receivedAt: '2025-06-03T07:00:00',
    dueAt: '2025-06-13T17:00:00',
    allowedHours: 80,
    finishedAt: '2025-06-13T10:00:00',
    events: true,
  },
  // D4 still processing at agency B: synced, digitised (procB has no reusable document).
  {
    code: 'D4',
    agencyId: fx.agencyB.id,
    procedureId: procB,
    channel: 'in_person',
    status: 4,
    receivedAt: '2025-06-10T07:00:00',
    dueAt: '2025-06-24T17:00:00',
    allowedHours: 80,
    flags: { syncedNational: true, digitised: true },
    events: true,
  },
  // D5 refused at intake, synced, no recorded history.
  {
    code: 'D5',
    agencyId: fx.agencyA.id,
    procedureId: procA,
    channel: 'in_person',
    status: 3,
    receivedAt: '2025-06-16T07:00:00',
    dueAt: '2025-06-20T17:00:00',
    allowedHours: 40,
    finishedAt: '2025-06-16T08:00:00',
    flags: { syncedNational: true },
    events: false,
  },
  // D6 received in July: outside the period.
  {
    code: 'D6',
    agencyId: fx.agencyA.id,
    procedureId: procA,
    channel: 'online',
    status: 2,
    receivedAt: '2025-07-01T07:00:00',
    dueAt: '2025-07-07T17:00:00',
    allowedHours: 40,
    flags: { syncedNational: true, digitised: true },
    events: true,
  },
];

for (const d of dossiers) {
  const row = await db
    .insertInto('dossier')
    .values({
      provinceUnitId: fx.provinceId,
      receiptCode: `SI-${d.code}`,
      pinHash: 'x',
      agencyId: d.agencyId,
      procedureId: d.procedureId,
      channel: d.channel,
      status: d.status,
      receivedAt: at(d.receivedAt),
      dueAt: at(d.dueAt),
      allowedHours: d.allowedHours,
      finishedAt: d.finishedAt ? at(d.finishedAt) : null,
      ...d.flags,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (d.events) {
    await db
      .insertInto('dossierEvent')
      .values({
        provinceUnitId: fx.provinceId,
        dossierId: row.id,
        at: at(d.receivedAt),
        action: 'receive',
        toStatus: 2,
      })
      .execute();
  }
}

interface FeedbackSpec {
  code: string;
  agencyId: string | null;
  dueAt: string;
  answeredAt?: string;
  rating?: [value: number, ratedAt: string];
}

const feedback: FeedbackSpec[] = [
  {
    code: 'F1',
    agencyId: fx.agencyA.id,
    dueAt: '2025-06-10T17:00:00',
    answeredAt: '2025-06-09T10:00:00',
    rating: [5, '2025-06-12T10:00:00'],
  },
  {
    code: 'F2',
    agencyId: fx.agencyA.id,
    dueAt: '2025-06-12T17:00:00',
    answeredAt: '2025-06-13T10:00:00',
    rating: [2, '2025-06-15T10:00:00'],
  },
  { code: 'F3', agencyId: fx.agencyA.id, dueAt: '2025-06-20T17:00:00' },
  {
    code: 'F4',
    agencyId: fx.agencyA.id,
    dueAt: '2025-07-05T17:00:00',
    answeredAt: '2025-06-20T10:00:00',
    rating: [4, '2025-06-25T10:00:00'],
  },
  {
    code: 'F5',
    agencyId: null,
    dueAt: '2025-06-15T17:00:00',
    answeredAt: '2025-06-14T10:00:00',
    rating: [5, '2025-06-16T10:00:00'],
  },
  {
    code: 'F6',
    agencyId: fx.agencyA.id,
    dueAt: '2025-05-30T17:00:00',
    answeredAt: '2025-05-29T10:00:00',
    rating: [4, '2025-06-28T10:00:00'],
  },
];
for (const f of feedback) {
  await db
    .insertInto('feedback')
    .values({
      provinceUnitId: fx.provinceId,
      code: `PAKN-${f.code}`,
      subjectKind: f.agencyId ? 'agency' : 'other',
      agencyId: f.agencyId,
      category: 'conduct',
      status: f.answeredAt ? 'answered' : 'classified',
      channel: 'portal',
      title: 'Phản ánh',
      body: 'Nội dung',
      dueAt: at(f.dueAt),
      answeredAt: f.answeredAt ? at(f.answeredAt) : null,
      citizenRating: f.rating?.[0] ?? null,
      ratedAt: f.rating ? at(f.rating[1]) : null,
      idempotencyKey: `si-${f.code}`,
    })
    .execute();
}

// Surveys: an after-dossier campaign answered by 6 people in June at agency A (100 answers: 30 at level 5, 40 at
// 4, 20 at 3, 10 at 2), and a sample campaign whose answers are not about dossier handling (ignored).
const instrument = await db
  .selectFrom('instrument')
  .select('id')
  .where('code', '=', 'SIPAS')
  .where('version', '=', '2017')
  .executeTakeFirstOrThrow();
async function campaignWithAnswers(code: string, mode: 'after_dossier' | 'sample', levels: number[][]) {
  const campaign = await db
    .insertInto('campaign')
    .values({
      code,
      instrumentId: instrument.id,
      ownerUnitId: fx.provinceId,
      nameVi: code,
      nameEn: code,
      mode,
      startsOn: '2025-01-01',
      endsOn: '2025-12-31',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const cell = await db
    .insertInto('surveyRollupCell')
    .values({
      provinceUnitId: fx.provinceId,
      campaignId: campaign.id,
      unitId: fx.provinceId,
      agencyId: fx.agencyA.id,
      periodMonth: '2025-06-01',
      channel: 'in_person',
      served: 20,
      offered: 10,
      responded: 6,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('surveyRollupCount')
    .values(
      levels.map(([itemOrdinal, level, count]) => ({
        provinceUnitId: fx.provinceId,
        cellId: cell.id,
        itemOrdinal: itemOrdinal!,
        level: level!,
        count: count!,
        weightSum: count!,
        weightSquareSum: count!,
      })),
    )
    .execute();
}
await campaignWithAnswers('SI-AFTER', 'after_dossier', [
  [0, 5, 30],
  [0, 4, 40],
  [1, 3, 20],
  [1, 2, 10],
]);
await campaignWithAnswers('SI-SAMPLE', 'sample', [[0, 1, 50]]);

const QUERY = `query Q($unit: ID, $agency: ID, $period: ServiceIndexPeriod!, $date: Date!) {
  serviceIndex(unitId: $unit, agencyId: $agency, period: $period, date: $date) {
    __typename
    ... on Error { code message messageEn }
    ... on ServiceIndex {
      from to asOf total max band bandName bandNameEn minimumRatings
      unit { code } agency { code }
      groups {
        code max points applicableMax
        indicators {
          code name definition definitionEn computedAs computedAsEn numeratorInput denominatorInput
          numerator denominator ratio target direction points max applicable withheld
          notApplicableReason notApplicableReasonEn
        }
      }
    }
  }
}`;

type Indicator = Record<string, unknown> & { code: string };
// biome-ignore lint/suspicious/noExplicitAny: test documents are untyped; assertions pin the shape
function indicators(index: any): Map<string, Indicator> {
  return new Map(
    index.groups.flatMap((g: { indicators: Indicator[] }) => g.indicators.map((i) => [i.code, i] as const)),
  );
}

describe('periodContaining', () => {
  it('finds the ISO week, month, quarter and year of a date', () => {
    expect(periodContaining('week', '2025-06-12')).toEqual({ from: '2025-06-09', to: '2025-06-15' });
    expect(periodContaining('week', '2025-06-15')).toEqual({ from: '2025-06-09', to: '2025-06-15' });
    expect(periodContaining('week', '2025-01-01')).toEqual({ from: '2024-12-30', to: '2025-01-05' });
    expect(periodContaining('month', '2024-02-10')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodContaining('quarter', '2025-08-31')).toEqual({ from: '2025-07-01', to: '2025-09-30' });
    expect(periodContaining('year', '2019-05-05')).toEqual({ from: '2019-01-01', to: '2019-12-31' });
  });
});

describe('serviceIndex on a constructed province-month', () => {
  it('computes every indicator from the dossiers, catalog, feedback and surveys, for anyone', async () => {
    const { data, errors } = await anonymous.query(QUERY, {
      unit: fx.provinceGid,
      period: 'MONTH',
      date: '2025-06-18',
    });
    expect(errors).toBeUndefined();
    const index = data.serviceIndex;
    expect(index.__typename).toBe('ServiceIndex');
    expect(index).toMatchObject({
      from: '2025-06-01',
      to: '2025-06-30',
      asOf: '2025-06-30T16:59:59.999Z',
      max: 100,
    });
    const byCode = indicators(index);
    const counts = (code: string) => {
      const i = byCode.get(code)!;
      return [i.numerator, i.denominator, i.points];
    };
    // No procedure of this catalog records an announcing decision yet: nothing was due to be made public.
    expect(byCode.get('1.1')).toMatchObject({ applicable: false, points: null });
    expect(byCode.get('1.1')!.notApplicableReasonEn).toContain('No procedure was due to be made public');
    expect(counts('1.2')).toEqual([4, 5, 4.8]); // D1, D2, D4, D5 synced of D1–D5
    expect(counts('1.3')).toEqual([4, 5, 4.8]); // D5 has no recorded history
    expect(counts('2.1')).toEqual([2, 3, 6.67]); // D1 early, D3 on time, D2 late; D4 open, D5 refused
    expect(counts('2.2')).toEqual([123, 160, 10]); // 16 + 40 + 67 working hours of 40 + 40 + 80
    expect(counts('3.1')).toEqual([3, 5, 4.8]); // D1, D2, D4
    expect(counts('3.2')).toEqual([1, 3, 2.33]); // D1 of D1–D3
    expect(counts('3.3')).toEqual([2, 5, 2.8]); // digitised with a reusable document: D1, D2
    expect(counts('4.1')).toEqual([1, 3, 2]); // procA of three procedures in effect
    expect(counts('4.2')).toEqual([1, 5, 3.2]); // 0.2 of a 0.5 target
    expect(counts('4.3')).toEqual([1, 3, 8]); // D1 of D1, D2, D5 (procA has a fee); a third beats the 0.3 target
    expect(counts('5.1')).toEqual([2, 4, 3]); // F1, F5 on time of F1, F2, F3, F5
    expect(counts('5.2')).toEqual([4, 5, 4.8]); // ratings 5, 2, 4, 5, 4 given in June
    expect(counts('5.3')).toEqual([70, 100, 4.2]); // after-dossier answers only; satisfied = level 4 or 5
    expect(index.groups.map((g: { points: number }) => g.points)).toEqual([14.4, 16.67, 9.93, 13.2, 12]);
    expect(index.total).toBe(66.2);
    expect(index).toMatchObject({ band: 'trung_binh', bandName: 'Trung bình', bandNameEn: 'Average' });
    for (const indicator of byCode.values()) {
      expect(indicator.definition).toBeTruthy();
      expect(indicator.computedAsEn).toBeTruthy();
    }
    expect(byCode.get('2.2')).toMatchObject({ direction: 'LOWER_IS_BETTER', target: 1, ratio: 0.76875 });
  });

  it('withholds ratings below the minimum and marks weekly survey results not applicable', async () => {
    const { data } = await anonymous.query(QUERY, {
      unit: fx.provinceGid,
      period: 'WEEK',
      date: '2025-06-12',
    });
    const byCode = indicators(data.serviceIndex);
    // F1 (5) and F2 (2) were rated in the week of 9–15 June: two ratings, withheld.
    expect(byCode.get('5.2')).toMatchObject({
      withheld: true,
      applicable: false,
      numerator: null,
      denominator: null,
      points: null,
    });
    expect(byCode.get('5.2')!.notApplicableReasonEn).toContain('fewer than 5');
    expect(byCode.get('5.3')).toMatchObject({ withheld: false, applicable: false });
    expect(byCode.get('5.3')!.notApplicableReasonEn).toContain('by month');
    // F1, F2 and F5 fell due that week (9–15 June); F1 and F5 on time.
    expect(byCode.get('5.1')).toMatchObject({ numerator: 2, denominator: 3, points: 4 });
    // D4 was received that week: none of it finished.
    expect(byCode.get('2.1')).toMatchObject({ applicable: false });
    expect(byCode.get('2.1')!.notApplicableReason).toBeTruthy();
    expect(data.serviceIndex.total).toBeGreaterThanOrEqual(0);
  });

  it('scopes an agency to its own dossiers and feedback, for viewers who read its reports only', async () => {
    const own = await officerA.query(QUERY, { agency: fx.agencyA.gid, period: 'MONTH', date: '2025-06-01' });
    const byCode = indicators(own.data.serviceIndex);
    expect(own.data.serviceIndex.agency).toEqual({ code: 'T-STP' });
    expect(byCode.get('1.2')).toMatchObject({ numerator: 3, denominator: 4 }); // D4 is agency B's
    expect(byCode.get('5.1')).toMatchObject({ numerator: 1, denominator: 3 }); // F5 has no agency
    expect(byCode.get('4.1')).toMatchObject({ numerator: 1, denominator: 2 });
    const other = await officerB.query(QUERY, {
      agency: fx.agencyA.gid,
      period: 'MONTH',
      date: '2025-06-01',
    });
    expect(other.data.serviceIndex).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    const anon = await anonymous.query(QUERY, {
      agency: fx.agencyA.gid,
      period: 'MONTH',
      date: '2025-06-01',
    });
    expect(anon.data.serviceIndex.__typename).toBe('ForbiddenError');
  });

  it('asks for exactly one scope, a real date and a period that has begun', async () => {
    const both = await anonymous.query(QUERY, {
      unit: fx.provinceGid,
      agency: fx.agencyA.gid,
      period: 'YEAR',
      date: '2025-06-01',
    });
    expect(both.data.serviceIndex.__typename).toBe('ValidationError');
    const future = await anonymous.query(QUERY, {
      unit: fx.provinceGid,
      period: 'MONTH',
      date: '2025-09-01',
    });
    expect(future.data.serviceIndex).toMatchObject({ __typename: 'ValidationError' });
    const badDate = await anonymous.query(QUERY, {
      unit: fx.provinceGid,
      period: 'MONTH',
      date: '2025-02-30',
    });
    expect(badDate.data?.serviceIndex?.__typename ?? 'ValidationError').toBe('ValidationError');
    const missing = await anonymous.query(QUERY, {
      unit: Buffer.from('AdministrativeUnit:999999').toString('base64'),
      period: 'MONTH',
      date: '2025-06-01',
    });
    expect(missing.data.serviceIndex.__typename).toBe('NotFoundError');
  });
});

describe('indicator 1.1: procedures made public on time', () => {
  // A calendar with 30 April and 1 May 2025 off (both Thursday/Friday-free weeks otherwise).
  const calendar = new WorkCalendar({ holidays: ['2025-04-30', '2025-05-01'] });

  it('counts the deadline in working days after the announcing decision, skipping holidays', () => {
    expect(PUBLICATION_DEADLINE_WORKING_DAYS).toBe(5);
    // Monday 12 May: 13, 14, 15, 16, 19 May.
    expect(publicationDeadline(calendar, '2025-05-12')).toBe('2025-05-19');
    // Friday 25 April: 28, 29 April, (30 April and 1 May off), 2, 5, 6 May.
    expect(publicationDeadline(calendar, '2025-04-25')).toBe('2025-05-06');
    // Signed on a Saturday: the next five working days.
    expect(publicationDeadline(calendar, '2025-05-10')).toBe('2025-05-16');
  });

  it('counts as due what fell due in the period and was made public or is late; on time by the deadline', () => {
    const may = { from: '2025-05-01', to: '2025-05-31' };
    const procedures = [
      { announcedOn: '2025-05-12', publishedOn: '2025-05-16' }, // on time
      { announcedOn: '2025-05-12', publishedOn: '2025-05-19' }, // on the deadline: on time
      { announcedOn: '2025-05-12', publishedOn: '2025-05-21' }, // late
      { announcedOn: '2025-05-12', publishedOn: null }, // not made public, deadline passed: due, late
      { announcedOn: '2025-04-25', publishedOn: '2025-05-06' }, // the holidays move its deadline to 6 May
      { announcedOn: '2025-04-21', publishedOn: '2025-04-22' }, // due 28 April: another period
      { announcedOn: '2025-05-27', publishedOn: null }, // due 3 June: another period
    ];
    expect(countPublication(procedures, calendar, { ...may, asOfDay: '2025-05-31' })).toEqual({
      due: 5,
      onTime: 3,
    });
    // On 17 May the 19 May deadlines have not passed: only what is already public counts, and a day after
    // 17 May is not known yet.
    expect(countPublication(procedures, calendar, { ...may, asOfDay: '2025-05-17' })).toEqual({
      due: 2,
      onTime: 2,
    });
  });

  it('scores 1.1 of a constructed catalog through the API, for the province and for one agency', async () => {
    const field = await db.selectFrom('procedureField').select('id').executeTakeFirstOrThrow();
    // Entered after the June figures above were checked; in effect only from 2026, so 4.1 of 2025 is untouched.
    const rows = [
      { code: '9.100001', announcedOn: '2025-05-12', publishedOn: '2025-05-16', agency: fx.agencyA.id },
      { code: '9.100002', announcedOn: '2025-05-12', publishedOn: '2025-05-21', agency: fx.agencyA.id },
      { code: '9.100003', announcedOn: '2025-05-12', publishedOn: null, agency: fx.agencyB.id },
      { code: '9.100004', announcedOn: '2025-04-25', publishedOn: '2025-05-06', agency: fx.agencyB.id },
      { code: '9.100005', announcedOn: '2025-04-21', publishedOn: '2025-04-22', agency: fx.agencyA.id },
    ];
    for (const row of rows) {
      const procedure = await db
        .insertInto('procedure')
        .values({
          code: row.code,
          nameVi: `Thủ tục công bố ${row.code}`,
          fieldId: field.id,
          level: 'province',
          onlineLevel: 'none',
          validFrom: '2026-01-01',
          announcementDecision: '123/QĐ-UBND',
          announcedOn: row.announcedOn,
          publishedOn: row.publishedOn,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('agencyProcedure')
        .values({ agencyId: row.agency, procedureId: procedure.id })
        .execute();
    }
    const province = await anonymous.query(QUERY, {
      unit: fx.provinceGid,
      period: 'MONTH',
      date: '2025-05-20',
    });
    expect(province.errors).toBeUndefined();
    const byCode = indicators(province.data.serviceIndex);
    // Due in May: the four announced 25 April and 12 May; on time: 9.100001 and 9.100004 (the 30 April and
    // 1 May holidays of the national calendar put its deadline on 6 May or later).
    expect(byCode.get('1.1')).toMatchObject({
      numerator: 2,
      denominator: 4,
      ratio: 0.5,
      points: 3,
      applicable: true,
    });
    expect(byCode.get('1.1')!.computedAsEn).toContain('5 working days');
    // No dossier in May: 1.2 and 1.3 do not apply, so group 1 is 1.1 rescaled to 18 points.
    expect(province.data.serviceIndex.groups[0]).toMatchObject({ code: '1', points: 9, applicableMax: 6 });

    const agency = await officerA.query(QUERY, {
      agency: fx.agencyA.gid,
      period: 'MONTH',
      date: '2025-05-20',
    });
    expect(indicators(agency.data.serviceIndex).get('1.1')).toMatchObject({ numerator: 1, denominator: 2 });

    const april = await anonymous.query(QUERY, { unit: fx.provinceGid, period: 'MONTH', date: '2025-04-10' });
    expect(indicators(april.data.serviceIndex).get('1.1')).toMatchObject({ numerator: 1, denominator: 1 });
  });
});
