import type { DB, DossierEventTable, DossierTable } from '@chiso/db';
import { type Selectable, sql } from 'kysely';
import type { ProcedureRow } from '../procedures/procedures.repo.js';

export type DossierRow = Selectable<DossierTable>;
export type DossierEventRow = Selectable<DossierEventTable> & { actorName: string | null };

/** A dossier's key: the province first (the distribution column), then its id. */
export interface DossierKey {
  provinceUnitId: string;
  id: string;
}

const BIGINT_ID = /^[1-9]\d{0,18}$/;

export function dossierKeyString(key: DossierKey): string {
  return `${key.provinceUnitId}-${key.id}`;
}

/** Parses `province-id`; null when it cannot name a dossier. */
export function parseDossierKey(text: string): DossierKey | null {
  const [provinceUnitId, id, ...rest] = text.split('-');
  if (rest.length > 0 || !provinceUnitId || !id) return null;
  if (!BIGINT_ID.test(provinceUnitId) || !BIGINT_ID.test(id)) return null;
  return { provinceUnitId, id };
}

export function findDossiersByKeys(db: DB, keys: readonly DossierKey[]): Promise<DossierRow[]> {
  if (keys.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('dossier')
    .selectAll()
    .where((eb) =>
      eb(
        eb.refTuple('provinceUnitId', 'id'),
        'in',
        keys.map((k) => eb.tuple(k.provinceUnitId, k.id)),
      ),
    )
    .execute();
}

const eventColumns = [
  'dossierEvent.provinceUnitId',
  'dossierEvent.id',
  'dossierEvent.dossierId',
  'dossierEvent.at',
  'dossierEvent.action',
  'dossierEvent.fromStatus',
  'dossierEvent.toStatus',
  'dossierEvent.actorUserId',
  'dossierEvent.note',
  'dossierEvent.data',
] as const;

/** Every event of the dossiers, oldest first, in one query. */
export function findEventsOfDossiers(db: DB, keys: readonly DossierKey[]): Promise<DossierEventRow[]> {
  if (keys.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('dossierEvent')
    .leftJoin('appUser', 'appUser.id', 'dossierEvent.actorUserId')
    .select([...eventColumns, 'appUser.displayName as actorName'])
    .where((eb) =>
      eb(
        eb.refTuple('dossierEvent.provinceUnitId', 'dossierEvent.dossierId'),
        'in',
        keys.map((k) => eb.tuple(k.provinceUnitId, k.id)),
      ),
    )
    .orderBy('dossierEvent.at')
    .orderBy('dossierEvent.id')
    .execute();
}

/** The latest event of each dossier, in one query. */
export function findLastEventsOfDossiers(db: DB, keys: readonly DossierKey[]): Promise<DossierEventRow[]> {
  if (keys.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('dossierEvent')
    .leftJoin('appUser', 'appUser.id', 'dossierEvent.actorUserId')
    .distinctOn(['dossierEvent.provinceUnitId', 'dossierEvent.dossierId'])
    .select([...eventColumns, 'appUser.displayName as actorName'])
    .where((eb) =>
      eb(
        eb.refTuple('dossierEvent.provinceUnitId', 'dossierEvent.dossierId'),
        'in',
        keys.map((k) => eb.tuple(k.provinceUnitId, k.id)),
      ),
    )
    .orderBy('dossierEvent.provinceUnitId')
    .orderBy('dossierEvent.dossierId')
    .orderBy('dossierEvent.at', 'desc')
    .orderBy('dossierEvent.id', 'desc')
    .execute();
}

/** Statuses of a dossier still in the desk's hands (not refused, withdrawn, stopped or returned). */
export const OPEN_STATUSES = [1, 2, 4, 5, 6, 9] as const;

export interface QueueFilter {
  provinceUnitId: string;
  agencyId: string;
  statuses: readonly number[];
  overdueAt: Date | null;
  after: { dueAt: Date | null; id: string } | null;
  limit: number;
}

/** What a queue page reads beside each dossier, in the same statement (for the loaders' caches). */
export interface QueueIncludes {
  procedure: boolean;
  lastEvent: boolean;
}

export interface QueueRow {
  dossier: DossierRow;
  /** The dossier's procedure, when asked for (`QueueIncludes.procedure`). */
  procedure?: ProcedureRow | null;
  /** The dossier's latest event, when asked for (`QueueIncludes.lastEvent`). */
  lastEvent?: DossierEventRow | null;
}

// Rows read as JSON keep their types: ids as text (as `pg` returns bigint), timestamps as Date. A bigint,
// numeric or timestamp column added to `procedure` or `dossier_event` needs its cast or conversion here too
// (the test comparing the page with the loaders' rows catches a missing one it selects).
type Json<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};

function procedureFromJson(row: Json<ProcedureRow>): ProcedureRow {
  return { ...row, createdAt: new Date(row.createdAt), updatedAt: new Date(row.updatedAt) };
}

function eventFromJson(row: Json<DossierEventRow>): DossierEventRow {
  return { ...row, at: new Date(row.at) };
}

/**
 * A page of an agency's dossiers, soonest due first (no due time last), keyset-paginated, with each dossier's
 * procedure and latest event when `include` asks for them (correlated subqueries: still one statement).
 */
export async function findQueuePage(
  db: DB,
  filter: QueueFilter,
  include: QueueIncludes = { procedure: false, lastEvent: false },
): Promise<QueueRow[]> {
  let query = db
    .selectFrom('dossier')
    .selectAll('dossier')
    .$if(include.procedure, (q) =>
      q.select(
        sql<Json<ProcedureRow> | null>`(select to_jsonb(p) || jsonb_build_object('id', p.id::text, 'field_id', p.field_id::text)
          from procedure p where p.id = dossier.procedure_id)`.as('procedureJson'),
      ),
    )
    .$if(include.lastEvent, (q) =>
      q.select(
        sql<Json<DossierEventRow> | null>`(select to_jsonb(e) || jsonb_build_object('province_unit_id', e.province_unit_id::text,
            'id', e.id::text, 'dossier_id', e.dossier_id::text, 'actor_user_id', e.actor_user_id::text,
            'actor_name', u.display_name)
          from dossier_event e left join app_user u on u.id = e.actor_user_id
          where e.province_unit_id = dossier.province_unit_id and e.dossier_id = dossier.id
          order by e.at desc, e.id desc limit 1)`.as('lastEventJson'),
      ),
    )
    .where('provinceUnitId', '=', filter.provinceUnitId)
    .where('agencyId', '=', filter.agencyId)
    .where('status', 'in', [...filter.statuses]);
  if (filter.overdueAt) {
    query = query.where('dueAt', '<', filter.overdueAt).where('status', 'in', [1, 2, 4, 5, 6]);
  }
  const after = filter.after;
  if (after) {
    query = query.where((eb) =>
      after.dueAt === null
        ? eb.and([eb('dueAt', 'is', null), eb('id', '>', after.id)])
        : eb.or([
            eb('dueAt', '>', after.dueAt),
            eb.and([eb('dueAt', '=', after.dueAt), eb('id', '>', after.id)]),
            eb('dueAt', 'is', null),
          ]),
    );
  }
  const rows = await query.orderBy(sql`due_at asc nulls last`).orderBy('id').limit(filter.limit).execute();
  return rows.map(({ procedureJson, lastEventJson, ...dossier }) => ({
    dossier: dossier as DossierRow,
    ...(include.procedure ? { procedure: procedureJson ? procedureFromJson(procedureJson) : null } : {}),
    ...(include.lastEvent ? { lastEvent: lastEventJson ? eventFromJson(lastEventJson) : null } : {}),
  }));
}
