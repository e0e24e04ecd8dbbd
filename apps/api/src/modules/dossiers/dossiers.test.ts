import { createTestDatabase } from '@chiso/testing';
import type { KyselyPlugin } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestApi } from '../../test/graphql.js';
import { countingQueries } from '../../test/query-count.js';
import { viewerWithGrants } from '../accounts/access.js';
import { manualClock, seedDeskFixture } from './dossiers.fixture.js';
import { TRANSITIONS, type TransitionAction } from './dossiers.service.js';

const { db } = await createTestDatabase();
const fx = await seedDeskFixture(db);
const clock = manualClock('2025-03-03T09:00:00+07:00');
const apiA = await createTestApi(db, { viewer: fx.officerA, clock: clock.now });
const apiB = await createTestApi(db, { viewer: fx.officerB, clock: clock.now });
const publicApi = await createTestApi(db, { clock: clock.now });
const unitAdmin = await createTestApi(db, {
  viewer: viewerWithGrants({ userId: fx.officerA.userId, apiKeyId: null, apiKeyScopes: [] }, [
    { role: 'unit_admin', unitId: fx.provinceId, agencyId: null },
  ]),
  clock: clock.now,
});

const DOSSIER_FIELDS = `
  id receiptCode state channel dueAt receivedAt finishedAt pausedHours supplementRequested
  needsApology lateWithoutApology procedureCode procedureName caseName agencyName
  agency { id code name } procedure { id code name onlineLevel } case { name processingHours }
  apology { reason newAppointment }
  lastEvent { action fromState toState actorName note }
`;

const RECEIVE = `mutation R($agencyId: ID!, $procedureId: ID!, $caseId: ID, $channel: DossierChannel!) {
  receiveDossier(agencyId: $agencyId, procedureId: $procedureId, caseId: $caseId, channel: $channel) {
    __typename
    ... on Error { code message messageEn }
    ... on MutationReceiveDossierSuccess { data { pin dossier { ${DOSSIER_FIELDS} } } }
  }
}`;

const TRANSITION = `mutation T($id: ID!, $action: DossierAction!, $note: String) {
  transitionDossier(id: $id, action: $action, note: $note) {
    __typename
    ... on Error { code message messageEn }
    ... on MutationTransitionDossierSuccess { data { dossier { ${DOSSIER_FIELDS} } } }
  }
}`;

const APOLOGIZE = `mutation A($id: ID!, $reason: String!, $at: DateTime!) {
  apologizeDossier(id: $id, reason: $reason, newAppointment: $at) {
    __typename
    ... on Error { code message }
    ... on MutationApologizeDossierSuccess { data { dossier { ${DOSSIER_FIELDS} } } }
  }
}`;

type Api = typeof apiA;

async function receive(api: Api, at: string, vars: Record<string, unknown> = {}) {
  clock.set(at);
  const { data, errors } = await api.query(RECEIVE, {
    agencyId: fx.agencyA.gid,
    procedureId: fx.procA,
    channel: 'IN_PERSON',
    ...vars,
  });
  expect(errors).toBeUndefined();
  return data.receiveDossier;
}

async function received(api: Api, at: string, vars: Record<string, unknown> = {}) {
  const result = await receive(api, at, vars);
  expect(result.__typename).toBe('MutationReceiveDossierSuccess');
  // biome-ignore lint/suspicious/noExplicitAny: test documents are untyped; assertions pin the shape
  return result.data as { pin: string; dossier: Record<string, any> };
}

async function move(api: Api, id: string, action: string, at?: string, note = 'Ghi chú') {
  if (at) clock.set(at);
  const { data, errors } = await api.query(TRANSITION, { id, action, note });
  expect(errors).toBeUndefined();
  return data.transitionDossier;
}

async function countRows(table: 'dossierEvent' | 'auditLog' | 'dossier') {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('receiveDossier', () => {
  it('numbers the receipt, returns a PIN once, stores its hash and sets the due time in working hours', async () => {
    const { pin, dossier } = await received(apiA, '2025-03-03T09:00:00+07:00');
    expect(dossier.receiptCode).toBe('BKN-STP-250303-0001');
    expect(pin).toMatch(/^\d{6}$/);
    expect(dossier).toMatchObject({
      state: 'RECEIVED',
      channel: 'IN_PERSON',
      dueAt: '2025-03-10T02:00:00.000Z', // 40 working hours: Monday 09:00 a week later
      procedureCode: '1.000001',
      caseName: 'Trường hợp chung',
      agencyName: 'Sở Tư pháp (thử)',
      agency: { id: fx.agencyA.gid, name: 'Sở Tư pháp (thử)' },
      procedure: { id: fx.procA, code: '1.000001' },
      case: { name: 'Trường hợp chung', processingHours: 40 },
      lastEvent: { action: 'RECEIVE', fromState: null, toState: 'RECEIVED', actorName: 'Cán bộ A' },
    });
    const row = await db
      .selectFrom('dossier')
      .select('pinHash')
      .where('receiptCode', '=', dossier.receiptCode)
      .executeTakeFirstOrThrow();
    expect(row.pinHash).toMatch(/^scrypt\$/);
    expect(row.pinHash).not.toContain(pin);
  });

  it('uses the online processing time for online dossiers', async () => {
    const { dossier } = await received(apiA, '2025-03-03T09:00:00+07:00', { channel: 'ONLINE' });
    expect(dossier.receiptCode).toBe('BKN-STP-250303-0002');
    expect(dossier.dueAt).toBe('2025-03-06T02:00:00.000Z'); // 24 h
  });

  it('refuses a procedure the agency does not handle, and a case of another procedure', async () => {
    const wrongProcedure = await receive(apiA, '2025-03-03T09:00:00+07:00', { procedureId: fx.procB });
    expect(wrongProcedure).toMatchObject({ __typename: 'ValidationError', code: 'BAD_USER_INPUT' });
    const wrongCase = await receive(apiA, '2025-03-03T09:00:00+07:00', { caseId: fx.caseB });
    expect(wrongCase).toMatchObject({ __typename: 'ValidationError' });
  });

  it('gives distinct, consecutive codes to concurrent receipts of one day', async () => {
    clock.set('2025-04-01T08:00:00+07:00');
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        apiA.query(RECEIVE, { agencyId: fx.agencyA.gid, procedureId: fx.procA, channel: 'POSTAL' }),
      ),
    );
    const codes = results.map((r) => r.data.receiveDossier.data.dossier.receiptCode as string).sort();
    expect(new Set(codes).size).toBe(12);
    expect(codes).toEqual(
      Array.from({ length: 12 }, (_, i) => `BKN-STP-250401-${String(i + 1).padStart(4, '0')}`),
    );
  });

  it('follows the agency’s receipt code format when it has one', async () => {
    await db
      .updateTable('agency')
      .set({ receiptCodeFormat: '{agency}/{yyyyMMdd}/{seq:6}' })
      .where('id', '=', fx.agencyA.id)
      .execute();
    const { dossier } = await received(apiA, '2025-04-02T08:00:00+07:00');
    expect(dossier.receiptCode).toBe('BKN-STP/20250402/000001');
    await db.updateTable('agency').set({ receiptCodeFormat: null }).where('id', '=', fx.agencyA.id).execute();
  });
});

describe('deadlines on the work calendar', () => {
  it('skips the 2025 Tết holidays: 5 working days from 2025-01-24 15:00 fall due on 2025-02-07 15:00', async () => {
    const { dossier } = await received(apiA, '2025-01-24T15:00:00+07:00');
    expect(dossier.dueAt).toBe('2025-02-07T08:00:00.000Z');
    // 10 calendar days end on 2025-02-03, the compensatory day off by rule: due at the next working day's close.
    const byDays = await received(apiA, '2025-01-24T15:00:00+07:00', { procedureId: fx.procCal });
    expect(byDays.dossier.dueAt).toBe('2025-02-04T10:00:00.000Z');
  });

  it('applies the unit calendar (the 2025 announcement) over the national one', async () => {
    const SET = `mutation S($unitId: ID!, $date: Date!, $kind: CalendarDayKind!, $name: String!) {
      setCalendarDay(unitId: $unitId, date: $date, kind: $kind, name: $name, nameEn: $name, source: ANNOUNCEMENT) {
        __typename ... on Error { code } ... on MutationSetCalendarDaySuccess { data { year } }
      }
    }`;
    // An officer may not edit the calendar.
    const denied = await apiA.query(SET, {
      unitId: fx.provinceGid,
      date: '2025-01-27',
      kind: 'HOLIDAY',
      name: 'Tết',
    });
    expect(denied.data.setCalendarDay).toMatchObject({ __typename: 'ForbiddenError' });
    for (const [date, kind] of [
      ['2025-01-27', 'HOLIDAY'],
      ['2025-02-03', 'WORKING_DAY'],
      ['2025-02-15', 'WORKING_DAY'],
    ] as const) {
      const { data } = await unitAdmin.query(SET, {
        unitId: fx.provinceGid,
        date,
        kind,
        name: 'Nghỉ Tết 2025',
      });
      expect(data.setCalendarDay.__typename).toBe('MutationSetCalendarDaySuccess');
    }
    const { data } = await publicApi.query(
      `query C($unitId: ID!) { workCalendar(unitId: $unitId, year: 2025) {
        ... on WorkCalendarYear { hoursPerDay weeklyRestDays openingHours { from to } days { date kind origin overrides source } }
      } }`,
      { unitId: fx.provinceGid },
    );
    const days = data.workCalendar.days;
    expect(data.workCalendar.hoursPerDay).toBe(8);
    expect(days.find((d: { date: string }) => d.date === '2025-02-03')).toEqual({
      date: '2025-02-03',
      kind: 'WORKING_DAY',
      origin: 'UNIT',
      overrides: 'HOLIDAY',
      source: 'ANNOUNCEMENT',
    });
    expect(days.find((d: { date: string }) => d.date === '2025-01-28')).toMatchObject({
      kind: 'HOLIDAY',
      origin: 'NATIONAL',
    });
    const { dossier } = await received(apiA, '2025-01-24T15:00:00+07:00');
    expect(dossier.dueAt).toBe('2025-02-07T08:00:00.000Z');
    const byDays = await received(apiA, '2025-01-24T15:00:00+07:00', { procedureId: fx.procCal });
    expect(byDays.dossier.dueAt).toBe('2025-02-03T10:00:00.000Z');
  });
});

describe('lifecycle', () => {
  it('goes received → processing → awaiting payment → processing → result ready → returned', async () => {
    const { dossier } = await received(apiA, '2025-03-03T09:00:00+07:00');
    const eventsBefore = await countRows('dossierEvent');
    const auditBefore = await countRows('auditLog');
    expect((await move(apiA, dossier.id, 'START_PROCESSING')).data.dossier.state).toBe('PROCESSING');
    expect(
      (await move(apiA, dossier.id, 'REQUEST_PAYMENT', '2025-03-04T09:00:00+07:00')).data.dossier.state,
    ).toBe('AWAITING_PAYMENT');
    const paid = await move(apiA, dossier.id, 'PAYMENT_RECEIVED', '2025-03-04T14:30:00+07:00');
    // 3.5 working hours paused (09:00–11:30, 13:30–14:30): due moves from Monday 09:00 to 14:30.
    expect(paid.data.dossier).toMatchObject({
      state: 'PROCESSING',
      pausedHours: 3.5,
      dueAt: '2025-03-10T07:30:00.000Z',
    });
    expect(
      (await move(apiA, dossier.id, 'RESULT_READY', '2025-03-06T10:00:00+07:00')).data.dossier.state,
    ).toBe('RESULT_READY');
    const { data } = await apiA.query(
      `mutation($id: ID!) { returnResult(id: $id) { ... on MutationReturnResultSuccess { data { dossier { state events { action toState actorName } } } } } }`,
      { id: dossier.id },
    );
    expect(data.returnResult.data.dossier.state).toBe('RETURNED');
    expect(data.returnResult.data.dossier.events.map((e: { action: string }) => e.action)).toEqual([
      'RECEIVE',
      'START_PROCESSING',
      'REQUEST_PAYMENT',
      'PAYMENT_RECEIVED',
      'RESULT_READY',
      'RETURN_RESULT',
    ]);
    expect(await countRows('dossierEvent')).toBe(eventsBefore + 5);
    expect(await countRows('auditLog')).toBe(auditBefore + 5);
  });

  it('refuses every illegal transition with a ConflictError and writes nothing', async () => {
    const paths: Record<string, string[]> = {
      RECEIVED: [],
      PROCESSING: ['START_PROCESSING'],
      SUPPLEMENT_REQUESTED: ['START_PROCESSING', 'REQUEST_SUPPLEMENT'],
      AWAITING_PAYMENT: ['START_PROCESSING', 'REQUEST_PAYMENT'],
      RESULT_READY: ['START_PROCESSING', 'RESULT_READY'],
      RETURNED: ['START_PROCESSING', 'RESULT_READY', 'RETURN_RESULT'],
      REFUSED: ['REFUSE'],
      WITHDRAWN: ['WITHDRAW'],
      STOPPED: ['START_PROCESSING', 'STOP'],
    };
    const codes: Record<string, number> = {
      RECEIVED: 2,
      REFUSED: 3,
      PROCESSING: 4,
      SUPPLEMENT_REQUESTED: 5,
      AWAITING_PAYMENT: 6,
      WITHDRAWN: 7,
      STOPPED: 8,
      RESULT_READY: 9,
      RETURNED: 10,
    };
    for (const [state, path] of Object.entries(paths)) {
      const { dossier } = await received(apiA, '2025-03-03T09:00:00+07:00');
      for (const action of path) await move(apiA, dossier.id, action);
      const events = await countRows('dossierEvent');
      const audits = await countRows('auditLog');
      for (const action of Object.keys(TRANSITIONS) as TransitionAction[]) {
        if ((TRANSITIONS[action].from as readonly number[]).includes(codes[state]!)) continue;
        const result = await move(apiA, dossier.id, action.toUpperCase());
        expect(result, `${action} from ${state}`).toMatchObject({
          __typename: 'ConflictError',
          code: 'CONFLICT',
        });
      }
      expect(await countRows('dossierEvent')).toBe(events);
      expect(await countRows('auditLog')).toBe(audits);
    }
  });

  it('allows a supplement request only once, and pauses the clock for it', async () => {
    const { dossier } = await received(apiA, '2025-03-03T09:00:00+07:00');
    expect(dossier.dueAt).toBe('2025-03-10T02:00:00.000Z');
    await move(apiA, dossier.id, 'START_PROCESSING');
    const missingNote = await apiA.query(TRANSITION, { id: dossier.id, action: 'REQUEST_SUPPLEMENT' });
    expect(missingNote.data.transitionDossier.__typename).toBe('ValidationError');
    const asked = await move(
      apiA,
      dossier.id,
      'REQUEST_SUPPLEMENT',
      '2025-03-04T09:00:00+07:00',
      'Bản sao CCCD',
    );
    expect(asked.data.dossier).toMatchObject({ state: 'SUPPLEMENT_REQUESTED', supplementRequested: true });
    const back = await move(apiA, dossier.id, 'SUPPLEMENT_RECEIVED', '2025-03-06T09:00:00+07:00');
    // Two working days paused: due moves by 16 working hours.
    expect(back.data.dossier).toMatchObject({
      state: 'PROCESSING',
      pausedHours: 16,
      dueAt: '2025-03-12T02:00:00.000Z',
    });
    const again = await move(
      apiA,
      dossier.id,
      'REQUEST_SUPPLEMENT',
      '2025-03-07T09:00:00+07:00',
      'Thêm giấy tờ',
    );
    expect(again).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
  });
});

describe('apology (form 04)', () => {
  it('flags a dossier about to be late, accepts an apology before the due time with a later appointment, once', async () => {
    const { dossier } = await received(apiA, '2025-03-03T09:00:00+07:00'); // due 2025-03-10 09:00
    await move(apiA, dossier.id, 'START_PROCESSING');
    clock.set('2025-03-07T10:00:00+07:00');
    const view = await apiA.query(
      `query($id: ID!) { dossier(id: $id) { ... on Dossier { needsApology lateWithoutApology } } }`,
      { id: dossier.id },
    );
    expect(view.data.dossier).toEqual({ needsApology: true, lateWithoutApology: false });
    const early = await apiA.query(APOLOGIZE, {
      id: dossier.id,
      reason: 'Chờ xác minh',
      at: '2025-03-09T09:00:00+07:00',
    });
    expect(early.data.apologizeDossier.__typename).toBe('ValidationError');
    const ok = await apiA.query(APOLOGIZE, {
      id: dossier.id,
      reason: 'Chờ xác minh',
      at: '2025-03-14T09:00:00+07:00',
    });
    expect(ok.data.apologizeDossier.data.dossier).toMatchObject({
      needsApology: false,
      apology: { reason: 'Chờ xác minh', newAppointment: '2025-03-14T02:00:00.000Z' },
      lastEvent: { action: 'APOLOGIZE', fromState: 'PROCESSING', toState: 'PROCESSING' },
      dueAt: '2025-03-10T02:00:00.000Z',
    });
    const twice = await apiA.query(APOLOGIZE, {
      id: dossier.id,
      reason: 'Lần nữa',
      at: '2025-03-20T09:00:00+07:00',
    });
    expect(twice.data.apologizeDossier.__typename).toBe('ConflictError');
  });

  it('refuses an apology after the due time and flags the dossier late without apology', async () => {
    const { dossier } = await received(apiA, '2025-03-03T09:00:00+07:00');
    await move(apiA, dossier.id, 'START_PROCESSING');
    clock.set('2025-03-10T10:00:00+07:00');
    const late = await apiA.query(APOLOGIZE, {
      id: dossier.id,
      reason: 'Muộn',
      at: '2025-03-14T09:00:00+07:00',
    });
    expect(late.data.apologizeDossier).toMatchObject({ __typename: 'ConflictError' });
    const view = await apiA.query(
      `query($id: ID!) { dossier(id: $id) { ... on Dossier { needsApology lateWithoutApology } } }`,
      { id: dossier.id },
    );
    expect(view.data.dossier).toEqual({ needsApology: true, lateWithoutApology: true });
  });
});

const TRACK = `query S($code: String!, $pin: String!) {
  dossierStatus(receiptCode: $code, pin: $pin) {
    __typename
    ... on Error { code message messageEn }
    ... on TooManyRequestsError { retryAfterSeconds }
    ... on DossierTracking { receiptCode state dueAt history { at action state } apology { newAppointment } }
  }
}`;

describe('public tracking', () => {
  it('shows state, due time and history without officer names; wrong PIN and wrong code look the same', async () => {
    const { pin, dossier } = await received(apiA, '2025-05-05T09:00:00+07:00');
    await move(apiA, dossier.id, 'START_PROCESSING');
    const ok = await publicApi.query(TRACK, { code: dossier.receiptCode.toLowerCase(), pin });
    expect(ok.data.dossierStatus).toEqual({
      __typename: 'DossierTracking',
      receiptCode: dossier.receiptCode,
      state: 'PROCESSING',
      dueAt: dossier.dueAt,
      history: [
        { at: expect.any(String), action: 'RECEIVE', state: 'RECEIVED' },
        { at: expect.any(String), action: 'START_PROCESSING', state: 'PROCESSING' },
      ],
      apology: null,
    });
    const wrongPin = await publicApi.query(TRACK, {
      code: dossier.receiptCode,
      pin: pin === '000000' ? '111111' : '000000',
    });
    const wrongCode = await publicApi.query(TRACK, { code: 'BKN-STP-250505-9999', pin });
    expect(wrongPin.data.dossierStatus).toEqual(wrongCode.data.dossierStatus);
    expect(wrongPin.data.dossierStatus).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
  });

  it('locks a receipt code after 5 wrong PINs for 15 minutes, even for the right PIN', async () => {
    const { pin, dossier } = await received(apiA, '2025-05-06T09:00:00+07:00');
    const wrong = pin === '123456' ? '654321' : '123456';
    for (let i = 0; i < 5; i++) {
      const { data } = await publicApi.query(TRACK, { code: dossier.receiptCode, pin: wrong });
      expect(data.dossierStatus.__typename).toBe('NotFoundError');
    }
    const locked = await publicApi.query(TRACK, { code: dossier.receiptCode, pin });
    expect(locked.data.dossierStatus).toMatchObject({
      __typename: 'TooManyRequestsError',
      code: 'RATE_LIMITED',
    });
    expect(locked.data.dossierStatus.retryAfterSeconds).toBeGreaterThan(0);
    expect(locked.data.dossierStatus.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    clock.set('2025-05-06T09:16:00+07:00');
    const later = await publicApi.query(TRACK, { code: dossier.receiptCode, pin });
    expect(later.data.dossierStatus.__typename).toBe('DossierTracking');
  });
});

describe('scoping between agencies', () => {
  it('keeps agency B’s officer out of agency A’s dossiers (queue, dossier, node, mutations) and writes nothing', async () => {
    const { dossier } = await received(apiA, '2025-03-03T09:00:00+07:00');
    const queue = await apiB.query(
      `query($a: ID!) { dossierQueue(agencyId: $a, first: 10) { edges { node { id } } } }`,
      { a: fx.agencyA.gid },
    );
    expect(queue.data.dossierQueue).toBeNull();
    expect(queue.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const one = await apiB.query(
      `query($id: ID!) { dossier(id: $id) { __typename ... on Dossier { receiptCode } } }`,
      { id: dossier.id },
    );
    expect(one.data.dossier.__typename).toBe('NotFoundError');
    const node = await apiB.query(`query($id: ID!) { node(id: $id) { id } }`, { id: dossier.id });
    expect(node.data.node).toBeNull();
    const counts = [await countRows('dossierEvent'), await countRows('auditLog'), await countRows('dossier')];
    const moved = await move(apiB, dossier.id, 'START_PROCESSING');
    expect(moved.__typename).toBe('NotFoundError');
    const apology = await apiB.query(APOLOGIZE, {
      id: dossier.id,
      reason: 'x',
      at: '2025-03-20T09:00:00+07:00',
    });
    expect(apology.data.apologizeDossier.__typename).toBe('NotFoundError');
    const receivedThere = await receive(apiB, '2025-03-03T09:00:00+07:00');
    expect(receivedThere.__typename).toBe('ForbiddenError');
    expect([
      await countRows('dossierEvent'),
      await countRows('auditLog'),
      await countRows('dossier'),
    ]).toEqual(counts);
    // Its own officer sees it through node too.
    const own = await apiA.query(`query($id: ID!) { node(id: $id) { ... on Dossier { receiptCode } } }`, {
      id: dossier.id,
    });
    expect(own.data.node.receiptCode).toBe(dossier.receiptCode);
  });
});

describe('timelinessReport', () => {
  it('counts early, on time, late, open and open late on a constructed set, with the 766 progress group', async () => {
    const at = (t: string) => `2025-05-${t}+07:00`;
    const B = { agencyId: fx.agencyB.gid, procedureId: fx.procB };
    // Each due 80 working hours (10 days) after receipt: received Mon 05-05 09:00 → due Mon 05-19 09:00.
    const early = (await received(apiB, at('05T09:00:00'), B)).dossier;
    const onTime = (await received(apiB, at('05T09:00:00'), B)).dossier;
    const late = (await received(apiB, at('05T09:00:00'), B)).dossier;
    const openLate = (await received(apiB, at('05T09:00:00'), B)).dossier;
    const refused = (await received(apiB, at('05T09:00:00'), B)).dossier;
    await received(apiB, at('30T09:00:00'), B); // still open at the period's end
    for (const d of [early, onTime, late, openLate])
      await move(apiB, d.id, 'START_PROCESSING', at('05T10:00:00'));
    await move(apiB, refused.id, 'REFUSE', at('05T10:00:00'));
    await move(apiB, early.id, 'RESULT_READY', at('12T09:00:00'));
    await move(apiB, onTime.id, 'RESULT_READY', at('19T16:00:00'));
    await move(apiB, late.id, 'RESULT_READY', at('20T09:00:00'));
    clock.set('2025-06-30T12:00:00+07:00');
    const { data, errors } = await apiB.query(
      `query($a: ID!) { timelinessReport(agencyId: $a, from: "2025-05-01", to: "2025-05-31", groupBy: MONTH) {
        __typename
        ... on TimelinessReport {
          asOf
          groups { month received early onTime late open openLate closedWithoutResult onTimeRate }
          total { processingProgress { code points max indicators { code numerator denominator ratio points } } }
        }
      } }`,
      { a: fx.agencyB.gid },
    );
    expect(errors).toBeUndefined();
    const report = data.timelinessReport;
    expect(report.asOf).toBe('2025-05-31T16:59:59.999Z');
    expect(report.groups).toEqual([
      {
        month: '2025-05',
        received: 6,
        early: 1,
        onTime: 1,
        late: 1,
        open: 1,
        openLate: 1,
        closedWithoutResult: 1,
        onTimeRate: 2 / 3,
      },
    ]);
    const progress = report.total.processingProgress;
    expect(progress.code).toBe('2');
    expect(progress.indicators[0]).toMatchObject({ code: '2.1', numerator: 2, denominator: 3, points: 6.67 });
    expect(progress.indicators[1].code).toBe('2.2');
    expect(progress.indicators[1].denominator).toBe(240);
    // Agency A's officer cannot read agency B's report.
    const denied = await apiA.query(
      `query($a: ID!) { timelinessReport(agencyId: $a, from: "2025-05-01", to: "2025-05-31", groupBy: AGENCY) { __typename } }`,
      { a: fx.agencyB.gid },
    );
    expect(denied.data.timelinessReport.__typename).toBe('ForbiddenError');
  });

  it('is read by an API key only with read:dossiers, within its owner’s grants', async () => {
    const REPORT = `query($a: ID!) { timelinessReport(agencyId: $a, from: "2025-05-01", to: "2025-05-31", groupBy: MONTH) {
      __typename ... on Error { code } ... on TimelinessReport { total { received } }
    } }`;
    // The viewer `viewerFromApiKey` builds: no user, the key's scopes, its owner's grants.
    const key = (apiKeyId: string, scopes: string[], agencyId: string) =>
      createTestApi(db, {
        clock: clock.now,
        viewer: viewerWithGrants({ userId: null, apiKeyId, apiKeyScopes: scopes }, [
          { role: 'officer', unitId: null, agencyId },
        ]),
      });
    const withoutScope = await key('801', ['read:reports', 'read:catalog'], fx.agencyB.id);
    const refused = await withoutScope.query(REPORT, { a: fx.agencyB.gid });
    // The field lists ForbiddenError among its results, so the scope refusal comes as that result.
    expect(refused.data.timelinessReport).toEqual({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    const withScope = await key('802', ['read:dossiers'], fx.agencyB.id);
    const read = await withScope.query(REPORT, { a: fx.agencyB.gid });
    expect(read.errors).toBeUndefined();
    expect(read.data.timelinessReport.total.received).toBeGreaterThan(0);
    // Bounded by the owner's grants: the scope opens nothing of another agency.
    const otherAgency = await key('803', ['read:dossiers'], fx.agencyA.id);
    const elsewhere = await otherAgency.query(REPORT, { a: fx.agencyB.gid });
    expect(elsewhere.data.timelinessReport).toEqual({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    const anonymous = await publicApi.query(REPORT, { a: fx.agencyB.gid });
    expect(anonymous.data.timelinessReport).toEqual({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
  });
});

describe('dossierQueue', () => {
  it('pages by due time, and a page of 50 with procedure, case and last event costs a constant number of statements', async () => {
    let queries = 0;
    const counting: KyselyPlugin = {
      transformQuery: ({ node }) => {
        queries++;
        return node;
      },
      transformResult: async ({ result }) => result,
    };
    const counted = await createTestApi(db.withPlugin(counting), { viewer: fx.officerA, clock: clock.now });
    clock.set('2025-04-03T08:00:00+07:00');
    await Promise.all(
      Array.from({ length: 40 }, () =>
        apiA.query(RECEIVE, { agencyId: fx.agencyA.gid, procedureId: fx.procA, channel: 'IN_PERSON' }),
      ),
    );
    clock.set('2025-03-05T09:00:00+07:00');
    const QUEUE = `query($a: ID!, $first: Int, $after: String) {
      dossierQueue(agencyId: $a, first: $first, after: $after, states: [RECEIVED, PROCESSING]) {
        pageInfo { hasNextPage endCursor }
        edges { node { receiptCode dueAt state procedureCode procedureName caseName agencyName needsApology
                       agency { code name } procedure { code name field { name } } case { name }
                       lastEvent { action at actorName } } }
      }
    }`;
    queries = 0;
    const small = await counted.query(QUEUE, { a: fx.agencyA.gid, first: 5 });
    const smallCount = queries;
    queries = 0;
    const page = await counted.query(QUEUE, { a: fx.agencyA.gid, first: 50 });
    expect(page.errors).toBeUndefined();
    expect(page.data.dossierQueue.edges.length).toBe(50);
    expect(queries).toBe(smallCount);
    expect(queries).toBeLessThanOrEqual(10);
    const dues = page.data.dossierQueue.edges.map((e: { node: { dueAt: string } }) => e.node.dueAt);
    expect([...dues].sort()).toEqual(dues);
    const next = await counted.query(QUEUE, {
      a: fx.agencyA.gid,
      first: 50,
      after: page.data.dossierQueue.pageInfo.endCursor,
    });
    const seen = new Set(
      page.data.dossierQueue.edges.map((e: { node: { receiptCode: string } }) => e.node.receiptCode),
    );
    for (const edge of next.data.dossierQueue.edges) expect(seen.has(edge.node.receiptCode)).toBe(false);
    expect(small.data.dossierQueue.edges.length).toBe(5);
  });

  it('answers an empty page after the access check, and refuses an agency that does not exist', async () => {
    const QUEUE = `query($a: ID!) { dossierQueue(agencyId: $a, first: 10, states: [WITHDRAWN], overdueOnly: true) {
      edges { node { id } } pageInfo { hasNextPage } } }`;
    const empty = await apiA.query(QUEUE, { a: fx.agencyA.gid });
    expect(empty.errors).toBeUndefined();
    expect(empty.data.dossierQueue.edges).toEqual([]);
    const elsewhere = await apiB.query(QUEUE, { a: fx.agencyA.gid });
    expect(elsewhere.data.dossierQueue).toBeNull();
    expect(elsewhere.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const missing = await apiA.query(QUEUE, { a: Buffer.from('Agency:999999999').toString('base64') });
    expect(missing.data.dossierQueue).toBeNull();
    expect(missing.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('reads the desk page with each procedure and last event in one statement, the same rows the loaders read', async () => {
    const counter = countingQueries(db);
    const counted = await createTestApi(counter.db, { viewer: fx.officerA, clock: clock.now });
    const page = (node: string) =>
      counted.query(
        `query($a: ID!) { dossierQueue(agencyId: $a, first: 50) { edges { node { ${node} } } } }`,
        {
          a: fx.agencyA.gid,
        },
      );
    counter.reset();
    const desk = await page(
      'receiptCode state dueAt procedure { id code name onlineLevel } lastEvent { action at actorName fromState toState note }',
    );
    expect(desk.errors).toBeUndefined();
    expect(desk.data.dossierQueue.edges.length).toBeGreaterThan(10);
    expect(counter.count).toBe(2); // the agency's place in the trees (access check), then the page
    // The same fields through the loaders (`procedureCode` and `events`, which the page does not prime).
    counter.reset();
    const loaded = await page(
      'receiptCode procedureCode procedureName events { action at actorName fromState toState note }',
    );
    expect(counter.count).toBe(4); // access check, page, procedures, events
    const nodes = desk.data.dossierQueue.edges.map((e: { node: unknown }) => e.node);
    const viaLoaders = loaded.data.dossierQueue.edges.map(
      (e: {
        node: { receiptCode: string; procedureCode: string; procedureName: string; events: unknown[] };
      }) => e.node,
    );
    expect(nodes.map((n: { receiptCode: string }) => n.receiptCode)).toEqual(
      viaLoaders.map((n: { receiptCode: string }) => n.receiptCode),
    );
    for (const [i, node] of nodes.entries()) {
      expect(node.procedure).toMatchObject({
        code: viaLoaders[i].procedureCode,
        name: viaLoaders[i].procedureName,
      });
      expect(node.lastEvent).toEqual(viaLoaders[i].events.at(-1) ?? null);
    }
  });
});
