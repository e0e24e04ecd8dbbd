import { INSTRUMENTS, type Instrument, instrumentLayout } from '@chiso/scoring';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Item rows (answer order, dimension) of an instrument: the index SQL needs to aggregate `answers`. */
export function instrumentItemRows(instrument: Instrument, instrumentId: string) {
  return instrument.dimensions
    .flatMap((dimension, dimensionOrdinal) =>
      dimension.items.map((item) => ({ code: item.code, dimensionCode: dimension.code, dimensionOrdinal })),
    )
    .map((row, ordinal) => ({ instrumentId, ordinal, ...row }));
}

/**
 * Registers the built-in instruments of `@chiso/scoring` (their one source of truth): the database keeps only
 * code, version and the item order, never a second copy of the texts. Idempotent.
 */
export async function registerBuiltinInstruments(db: Kysely<Database>): Promise<number> {
  for (const instrument of INSTRUMENTS) {
    const { itemCodes } = instrumentLayout(instrument);
    await db
      .insertInto('instrument')
      .values({
        code: instrument.code,
        version: instrument.version,
        origin: 'builtin',
        definition: null,
        status: 'published',
        itemCount: itemCodes.length,
      })
      .onConflict((oc) => oc.columns(['code', 'version']).doNothing())
      .execute();
    const { id } = await db
      .selectFrom('instrument')
      .select('id')
      .where('code', '=', instrument.code)
      .where('version', '=', instrument.version)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('instrumentItem')
      .values(instrumentItemRows(instrument, id))
      .onConflict((oc) => oc.columns(['instrumentId', 'ordinal']).doNothing())
      .execute();
  }
  return INSTRUMENTS.length;
}
