import { createTestDatabase } from '@chiso/testing';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect, it } from 'vitest';
import { createTestApi } from '../../test/graphql.js';
import { viewerWithGrants } from '../accounts/access.js';
import { refreshServedCounts } from '../surveys/campaigns.service.js';
import { surveyTokenHash } from '../surveys/pseudonyms.js';
import { manualClock, seedDeskFixture } from './dossiers.fixture.js';

// Returning a dossier's result links it to the after-dossier surveys covering it. The clock starts today: the
// citizen answers with the token in real time, so the token must still be valid.
const { db } = await createTestDatabase();
const fx = await seedDeskFixture(db);
const clock = manualClock(new Date().toISOString());
const apiA = await createTestApi(db, { viewer: fx.officerA, clock: clock.now });
const apiB = await createTestApi(db, { viewer: fx.officerB, clock: clock.now });
const anonymous = await createTestApi(db, { clock: clock.now });
const admin = await createTestApi(db, {
  viewer: viewerWithGrants({ userId: fx.officerA.userId, apiKeyId: null, apiKeyScopes: [] }, [
    { role: 'unit_admin', unitId: fx.provinceId, agencyId: null },
  ]),
  clock: clock.now,
});

const instrument = await db
  .selectFrom('instrument')
  .select('id')
  .where('code', '=', 'SIPAS')
  .where('version', '=', '2017')
  .executeTakeFirstOrThrow();
const year = new Date().getUTCFullYear();
const campaign = await db
  .insertInto('campaign')
  .values({
    code: 'TEST-AFTER-STP',
    instrumentId: instrument.id,
    ownerUnitId: fx.provinceId,
    nameVi: 'Khảo sát sau hồ sơ, Sở Tư pháp',
    nameEn: 'After-dossier survey, Justice',
    mode: 'after_dossier',
    startsOn: `${year - 1}-01-01`,
    endsOn: `${year + 1}-12-31`,
    status: 'active',
  })
  .returning('id')
  .executeTakeFirstOrThrow();
await db.insertInto('campaignScope').values({ campaignId: campaign.id, agencyId: fx.agencyA.id }).execute();

const RECEIVE = `mutation R($agencyId: ID!, $procedureId: ID!) {
  receiveDossier(agencyId: $agencyId, procedureId: $procedureId, channel: IN_PERSON) {
    ... on MutationReceiveDossierSuccess { data { dossier { id } } }
  }
}`;
const MOVE = `mutation T($id: ID!, $action: DossierAction!) {
  transitionDossier(id: $id, action: $action) {
    __typename
    ... on MutationTransitionDossierSuccess { data { dossier { state } surveyInvitation { token } } }
  }
}`;
const RETURN = `mutation Ret($id: ID!) {
  returnResult(id: $id) {
    __typename
    ... on Error { code message }
    ... on MutationReturnResultSuccess {
      data { dossier { state returnedAt } surveyInvitation { token url expiresAt campaign { code } } }
    }
  }
}`;

type Api = typeof apiA;

/** A dossier received, processed and ready, as the officer of its agency. */
async function readyDossier(api: Api, agencyGid: string, procedureGid: string): Promise<string> {
  const received = await api.query(RECEIVE, { agencyId: agencyGid, procedureId: procedureGid });
  const id = received.data.receiveDossier.data.dossier.id as string;
  for (const action of ['START_PROCESSING', 'RESULT_READY']) {
    const moved = await api.query(MOVE, { id, action });
    expect(moved.data.transitionDossier.data.surveyInvitation).toBeNull();
  }
  return id;
}

async function tokensOfCampaign(): Promise<{ tokenHash: Buffer; channel: string | null }[]> {
  return db
    .selectFrom('surveyToken')
    .select(['tokenHash', 'channel'])
    .where('campaignId', '=', campaign.id)
    .execute();
}

/** The campaign's cells per agency, each key's slots summed. */
async function cells() {
  const rows = await db
    .selectFrom('surveyRollupCell')
    .select((eb) => [
      'agencyId',
      eb.fn.sum<string>('served').as('served'),
      eb.fn.sum<string>('offered').as('offered'),
      eb.fn.sum<string>('responded').as('responded'),
    ])
    .where('campaignId', '=', campaign.id)
    .groupBy('agencyId')
    .orderBy('agencyId')
    .execute();
  return rows.map((r) => ({
    agencyId: r.agencyId,
    served: Number(r.served),
    offered: Number(r.offered),
    responded: Number(r.responded),
  }));
}

describe('returning a result under an after-dossier campaign', () => {
  it('counts the dossier served and issues exactly one single-use token, in the same transaction', async () => {
    const id = await readyDossier(apiA, fx.agencyA.gid, fx.procA);
    const { data, errors } = await apiA.query(RETURN, { id });
    expect(errors).toBeUndefined();
    const result = data.returnResult.data;
    expect(result.dossier.state).toBe('RETURNED');
    const invitation = result.surveyInvitation;
    expect(invitation.url).toBe(`/khao-sat/${invitation.token}`);
    expect(invitation.campaign.code).toBe('TEST-AFTER-STP');
    const tokens = await tokensOfCampaign();
    expect(tokens).toHaveLength(1);
    // Only the hash is stored.
    expect(tokens[0]!.tokenHash.equals(surveyTokenHash(invitation.token))).toBe(true);
    expect(tokens[0]!.channel).toBe('in_person');
    expect(await cells()).toEqual([{ agencyId: fx.agencyA.id, served: 1, offered: 1, responded: 0 }]);

    // The citizen answers with the token from the receipt; the coverage shows the response rate.
    const answered = await anonymous.query(
      `mutation S($input: SubmitSurveyResponseInput!) {
        submitSurveyResponse(input: $input) { __typename ... on Error { code message } }
      }`,
      {
        input: {
          token: invitation.token,
          idempotencyKey: 'survey-link-0001',
          answers: Array.from({ length: 22 }, (_, i) => 1 + (i % 5)),
        },
      },
    );
    expect(answered.errors).toBeUndefined();
    expect(answered.data.submitSurveyResponse.__typename).toBe('MutationSubmitSurveyResponseSuccess');
    const coverage = await admin.query(
      `query C($code: String!) {
        campaignCoverage(campaignCode: $code, groupBy: [AGENCY]) {
          agency { code } served offered responded responseRate coverageRate
        }
      }`,
      { code: 'TEST-AFTER-STP' },
    );
    expect(coverage.errors).toBeUndefined();
    expect(coverage.data.campaignCoverage).toEqual([
      { agency: { code: 'T-STP' }, served: 1, offered: 1, responded: 1, responseRate: 1, coverageRate: 1 },
    ]);
  });

  it('issues no token and counts nothing when no campaign covers the dossier', async () => {
    const before = await cells();
    const id = await readyDossier(apiB, fx.agencyB.gid, fx.procB);
    const { data } = await apiB.query(RETURN, { id });
    expect(data.returnResult.data.dossier.state).toBe('RETURNED');
    expect(data.returnResult.data.surveyInvitation).toBeNull();
    expect(await tokensOfCampaign()).toHaveLength(1);
    expect(await cells()).toEqual(before);
    const all = await db
      .selectFrom('surveyToken')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(all.n)).toBe(1);
  });

  it('through transitionDossier(RETURN_RESULT) too; served then agrees with a recount from the dossiers', async () => {
    const id = await readyDossier(apiA, fx.agencyA.gid, fx.procA);
    const moved = await apiA.query(MOVE, { id, action: 'RETURN_RESULT' });
    expect(moved.data.transitionDossier.data.surveyInvitation.token).toMatch(/^[\w-]{22}$/);
    expect(await tokensOfCampaign()).toHaveLength(2);
    const [cell] = await cells();
    expect(cell).toMatchObject({ served: 2, offered: 2, responded: 1 });
    expect(await refreshServedCounts(db, campaign.id)).toBe(2);
    expect((await cells())[0]).toMatchObject({ served: 2 });
    expect(decodeGlobalID(id).typename).toBe('Dossier');
  });

  it('refuses a second return of the same dossier and counts nothing more', async () => {
    const id = await readyDossier(apiA, fx.agencyA.gid, fx.procA);
    await apiA.query(RETURN, { id });
    const again = await apiA.query(RETURN, { id });
    expect(again.data.returnResult).toMatchObject({ __typename: 'ConflictError' });
    expect(await tokensOfCampaign()).toHaveLength(3);
    expect((await cells())[0]).toMatchObject({ served: 3, offered: 3 });
  });
});

const RECEIVE_WITH_PIN = `mutation R($agencyId: ID!, $procedureId: ID!) {
  receiveDossier(agencyId: $agencyId, procedureId: $procedureId, channel: IN_PERSON) {
    ... on MutationReceiveDossierSuccess { data { pin dossier { id receiptCode } } }
  }
}`;
const REQUEST = `mutation Q($receiptCode: String!, $pin: String!) {
  requestDossierSurvey(receiptCode: $receiptCode, pin: $pin) {
    __typename
    ... on Error { code message messageEn }
    ... on MutationRequestDossierSurveySuccess { data { url expiresAt } }
  }
}`;
const SUBMIT = `mutation S($input: SubmitSurveyResponseInput!) {
  submitSurveyResponse(input: $input) {
    __typename
    ... on Error { code message }
    ... on SurveyTokenError { problem }
  }
}`;

/** A dossier received as the officer, with the receipt code and PIN the citizen takes home. */
async function receivedWithPin(api: Api, agencyGid: string, procedureGid: string) {
  const received = await api.query(RECEIVE_WITH_PIN, { agencyId: agencyGid, procedureId: procedureGid });
  const data = received.data.receiveDossier.data;
  return {
    id: data.dossier.id as string,
    receiptCode: data.dossier.receiptCode as string,
    pin: data.pin as string,
  };
}

async function moveTo(api: Api, id: string, actions: string[]) {
  for (const action of actions) {
    const moved = await api.query(MOVE, { id, action });
    expect(moved.data.transitionDossier.__typename).toBe('MutationTransitionDossierSuccess');
  }
}

const tokenOf = (url: string) => url.replace(/^\/khao-sat\//, '');

describe('the citizen asks for the survey with the receipt code and PIN', () => {
  it('refuses a wrong PIN exactly as an unknown code, and a dossier not yet returned with a conflict', async () => {
    const receipt = await receivedWithPin(apiA, fx.agencyA.gid, fx.procA);
    const wrongPin = receipt.pin === '000000' ? '000001' : '000000';
    const wrong = await anonymous.query(REQUEST, { receiptCode: receipt.receiptCode, pin: wrongPin });
    const unknown = await anonymous.query(REQUEST, { receiptCode: 'BKN-NONE-000000-0000', pin: receipt.pin });
    expect(wrong.errors).toBeUndefined();
    expect(wrong.data.requestDossierSurvey).toEqual(unknown.data.requestDossierSurvey);
    expect(wrong.data.requestDossierSurvey).toMatchObject({
      __typename: 'NotFoundError',
      messageEn: 'No dossier matches this receipt code and PIN.',
    });
    // The failed attempt is counted against the receipt code, as the tracking query counts it.
    const attempt = await db
      .selectFrom('trackingAttempt')
      .select('failures')
      .where('scope', '=', 'receipt_code')
      .where('key', '=', receipt.receiptCode)
      .executeTakeFirstOrThrow();
    expect(attempt.failures).toBe(1);

    const tokensBefore = (await tokensOfCampaign()).length;
    const notReturned = await anonymous.query(REQUEST, receipt);
    expect(notReturned.data.requestDossierSurvey).toMatchObject({
      __typename: 'ConflictError',
      messageEn: 'The dossier’s result has not been returned yet; the service can be rated once it is.',
    });
    await moveTo(apiA, receipt.id, ['START_PROCESSING', 'RESULT_READY']);
    const ready = await anonymous.query(REQUEST, receipt);
    expect(ready.data.requestDossierSurvey.__typename).toBe('ConflictError');
    expect(await tokensOfCampaign()).toHaveLength(tokensBefore);
    // The PIN is never echoed back.
    expect(JSON.stringify([wrong, unknown, notReturned, ready])).not.toContain(receipt.pin);
  });

  it('issues a single-use token once returned; asking twice leaves one valid token, counted offered once', async () => {
    const receipt = await receivedWithPin(apiA, fx.agencyA.gid, fx.procA);
    await moveTo(apiA, receipt.id, ['START_PROCESSING', 'RESULT_READY']);
    const before = (await cells())[0]!;
    const returned = await apiA.query(RETURN, { id: receipt.id });
    const atReturn = returned.data.returnResult.data.surveyInvitation.token as string;
    expect((await cells())[0]).toMatchObject({ served: before.served + 1, offered: before.offered + 1 });

    const first = await anonymous.query(REQUEST, receipt);
    expect(first.errors).toBeUndefined();
    const firstLink = first.data.requestDossierSurvey.data;
    expect(firstLink.url).toMatch(/^\/khao-sat\/[\w-]{22}$/);
    expect(new Date(firstLink.expiresAt).getTime()).toBeGreaterThan(clock.now().getTime());
    const second = await anonymous.query(REQUEST, receipt);
    const secondLink = second.data.requestDossierSurvey.data;
    expect(secondLink.url).not.toBe(firstLink.url);

    // Served and offered once each for this dossier, however many times the link was asked for.
    expect((await cells())[0]).toMatchObject({ served: before.served + 1, offered: before.offered + 1 });
    const valid = await db
      .selectFrom('surveyToken')
      .select('tokenHash')
      .where('campaignId', '=', campaign.id)
      .where('usedAt', 'is', null)
      .where('expiresAt', '>', clock.now())
      .execute();
    const hashes = [atReturn, tokenOf(firstLink.url), tokenOf(secondLink.url)].map(surveyTokenHash);
    const validOfDossier = valid.filter((v) => hashes.some((h) => h.equals(v.tokenHash)));
    expect(validOfDossier).toHaveLength(1);
    expect(validOfDossier[0]!.tokenHash.equals(hashes[2]!)).toBe(true);

    const answers = Array.from({ length: 22 }, (_, i) => 1 + (i % 5));
    const replaced = await anonymous.query(SUBMIT, {
      input: { token: tokenOf(firstLink.url), idempotencyKey: 'receipt-survey-01', answers },
    });
    expect(replaced.data.submitSurveyResponse).toMatchObject({ problem: 'EXPIRED' });
    const answered = await anonymous.query(SUBMIT, {
      input: { token: tokenOf(secondLink.url), idempotencyKey: 'receipt-survey-02', answers },
    });
    expect(answered.errors).toBeUndefined();
    expect(answered.data.submitSurveyResponse.__typename).toBe('MutationSubmitSurveyResponseSuccess');
    const reused = await anonymous.query(SUBMIT, {
      input: { token: tokenOf(secondLink.url), idempotencyKey: 'receipt-survey-03', answers },
    });
    expect(reused.data.submitSurveyResponse).toMatchObject({ problem: 'USED' });
    expect((await cells())[0]).toMatchObject({
      served: before.served + 1,
      offered: before.offered + 1,
      responded: before.responded + 1,
    });

    const tokensAfter = (await tokensOfCampaign()).length;
    const again = await anonymous.query(REQUEST, receipt);
    expect(again.data.requestDossierSurvey).toMatchObject({
      __typename: 'ConflictError',
      messageEn: 'The survey for this dossier has already been answered.',
    });
    expect(await tokensOfCampaign()).toHaveLength(tokensAfter);
  });

  it('counts no second offer when the token handed out at the return had expired', async () => {
    const receipt = await receivedWithPin(apiA, fx.agencyA.gid, fx.procA);
    await moveTo(apiA, receipt.id, ['START_PROCESSING', 'RESULT_READY']);
    const returned = await apiA.query(RETURN, { id: receipt.id });
    const atReturn = surveyTokenHash(returned.data.returnResult.data.surveyInvitation.token);
    const before = (await cells())[0]!;
    // The citizen comes back after the token's validity.
    await db
      .updateTable('surveyToken')
      .set({ expiresAt: new Date(clock.now().getTime() - 1000) })
      .where('tokenHash', '=', atReturn)
      .execute();
    const { data } = await anonymous.query(REQUEST, receipt);
    expect(data.requestDossierSurvey.__typename).toBe('MutationRequestDossierSurveySuccess');
    expect((await cells())[0]).toEqual(before);
  });

  it('answers not found when no open survey covers the returned dossier', async () => {
    const receipt = await receivedWithPin(apiB, fx.agencyB.gid, fx.procB);
    await moveTo(apiB, receipt.id, ['START_PROCESSING', 'RESULT_READY', 'RETURN_RESULT']);
    const { data } = await anonymous.query(REQUEST, receipt);
    expect(data.requestDossierSurvey).toMatchObject({
      __typename: 'NotFoundError',
      messageEn: 'No survey is open for this dossier at the moment.',
    });
  });
});
