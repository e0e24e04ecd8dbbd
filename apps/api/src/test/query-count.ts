import type { DB } from '@chiso/db';
import type { KyselyPlugin } from 'kysely';

/** `db` with a counter of the statements it runs (for "a page costs a constant number of queries" tests). */
export function countingQueries(db: DB): { db: DB; readonly count: number; reset(): void } {
  let count = 0;
  const counting: KyselyPlugin = {
    transformQuery: ({ node }) => {
      count++;
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  return {
    db: db.withPlugin(counting),
    get count() {
      return count;
    },
    reset() {
      count = 0;
    },
  };
}
