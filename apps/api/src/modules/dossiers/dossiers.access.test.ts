import { createTestDatabase } from '@chiso/testing';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestApi } from '../../test/graphql.js';
import { provinceId, viewerFor } from '../../test/viewers.js';
import { type RoleGrant, type Viewer, viewerWithGrants } from '../accounts/access.js';
import { manualClock, seedDeskFixture } from './dossiers.fixture.js';

/**
 * The access matrix of the desk: every dossier mutation × every kind of viewer. Allowed: officers of the
 * dossier's agency, unit admins of its province, system admins. Refused (and nothing written): anonymous callers,
 * API keys, officers of another agency, unit admins of another province, analysts and leaders (they read reports,
 * they do not work the desk).
 */
const { db } = await createTestDatabase();
const fx = await seedDeskFixture(db);
const clock = manualClock('2025-03-03T09:00:00+07:00');
const haNoi = await provinceId(db, '01');

let n = 0;
const user = (grants: RoleGrant[]) => viewerFor(db, `matrix-${++n}@example.test`, grants);
const viewers: Record<string, Viewer | undefined> = {
  anonymous: undefined,
  apiKey: viewerWithGrants({ userId: null, apiKeyId: '1', apiKeyScopes: ['read:dossiers'] }, [
    { role: 'unit_admin', unitId: fx.provinceId, agencyId: null },
  ]),
  officerOfAgency: fx.officerA,
  officerOfOtherAgency: fx.officerB,
  unitAdmin: await user([{ role: 'unit_admin', unitId: fx.provinceId, agencyId: null }]),
  unitAdminElsewhere: await user([{ role: 'unit_admin', unitId: haNoi, agencyId: null }]),
  analyst: await user([{ role: 'analyst', unitId: fx.provinceId, agencyId: null }]),
  leader: await user([{ role: 'leader', unitId: fx.provinceId, agencyId: null }]),
  systemAdmin: await user([{ role: 'system_admin', unitId: null, agencyId: null }]),
};
const ALLOWED = new Set(['officerOfAgency', 'unitAdmin', 'systemAdmin']);

const apis = Object.fromEntries(
  await Promise.all(
    Object.entries(viewers).map(async ([name, viewer]) => [
      name,
      await createTestApi(db, { clock: clock.now, ...(viewer ? { viewer } : {}) }),
    ]),
  ),
) as Record<string, Awaited<ReturnType<typeof createTestApi>>>;

const RESULT = `__typename ... on Error { code }`;
const RECEIVE = `mutation R($agencyId: ID!, $procedureId: ID!) {
  receiveDossier(agencyId: $agencyId, procedureId: $procedureId, channel: IN_PERSON) {
    ${RESULT} ... on MutationReceiveDossierSuccess { data { dossier { id } } }
  }
}`;
const TRANSITION = `mutation T($id: ID!) {
  transitionDossier(id: $id, action: START_PROCESSING, note: "Bắt đầu") { ${RESULT} }
}`;
const APOLOGIZE = `mutation A($id: ID!, $at: DateTime!) {
  apologizeDossier(id: $id, reason: "Cần thêm thời gian thẩm định", newAppointment: $at) { ${RESULT} }
}`;
const RETURN = `mutation Ret($id: ID!) { returnResult(id: $id) { ${RESULT} } }`;

async function writes() {
  const { rows } = await sql<{ dossiers: number; events: number; audit: number }>`
    select (select count(*)::int from dossier) as dossiers, (select count(*)::int from dossier_event) as events,
           (select count(*)::int from audit_log) as audit
  `.execute(db);
  return rows[0];
}

/** A fresh dossier of agency A received by its officer, in the state the mutation under test needs. */
async function dossierIn(state: 'received' | 'processing' | 'result_ready'): Promise<string> {
  const officer = apis.officerOfAgency!;
  const { data } = await officer.query(RECEIVE, { agencyId: fx.agencyA.gid, procedureId: fx.procA });
  const id: string = data.receiveDossier.data.dossier.id;
  if (state !== 'received') await officer.query(TRANSITION, { id });
  if (state === 'result_ready') {
    const ready = await officer.query(
      `mutation($id: ID!) { transitionDossier(id: $id, action: RESULT_READY, note: "Xong") { __typename } }`,
      { id },
    );
    expect(ready.data.transitionDossier.__typename).toBe('MutationTransitionDossierSuccess');
  }
  return id;
}

/** Outcome of an attempt: OK, or the error code (typed result or top-level error). */
function outcome(result: {
  data?: Record<string, { __typename: string; code?: string }> | null;
  errors?: unknown;
}) {
  const field = result.data ? Object.values(result.data)[0] : null;
  if (field?.__typename.endsWith('Success')) return 'OK';
  if (field?.code) return field.code;
  const [error] = (result.errors ?? []) as { extensions?: { code?: string } }[];
  return error?.extensions?.code ?? 'UNKNOWN';
}

const cases = [
  {
    name: 'receiveDossier',
    run: (api: (typeof apis)[string]) =>
      api.query(RECEIVE, { agencyId: fx.agencyA.gid, procedureId: fx.procA }),
  },
  {
    name: 'transitionDossier',
    prepare: () => dossierIn('received'),
    run: (api: (typeof apis)[string], id?: string) => api.query(TRANSITION, { id }),
  },
  {
    name: 'apologizeDossier',
    prepare: () => dossierIn('processing'),
    run: (api: (typeof apis)[string], id?: string) =>
      api.query(APOLOGIZE, { id, at: '2025-03-20T09:00:00+07:00' }),
  },
  {
    name: 'returnResult',
    prepare: () => dossierIn('result_ready'),
    run: (api: (typeof apis)[string], id?: string) => api.query(RETURN, { id }),
  },
];

describe('desk access matrix', () => {
  for (const mutation of cases) {
    for (const who of Object.keys(viewers)) {
      const allowed = ALLOWED.has(who);
      it(`${mutation.name} as ${who}: ${allowed ? 'allowed' : 'refused, nothing written'}`, async () => {
        const id = mutation.prepare ? await mutation.prepare() : undefined;
        const before = await writes();
        const result = await mutation.run(apis[who]!, id);
        if (allowed) {
          expect(outcome(result)).toBe('OK');
        } else {
          expect(['FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED']).toContain(outcome(result));
          expect(await writes()).toEqual(before);
        }
      });
    }
  }
});

describe('API keys and dossiers', () => {
  it('never read a dossier, even through node and with read:dossiers and an owner who may', async () => {
    const id = await dossierIn('received');
    const NODE = `query($id: ID!) { node(id: $id) { __typename ... on Dossier { id } } }`;
    expect((await apis.unitAdmin!.query(NODE, { id })).data?.node).toEqual({ __typename: 'Dossier', id });
    const viaKey = await apis.apiKey!.query(NODE, { id });
    expect(viaKey.data?.node ?? null).toBeNull();
  });
});
