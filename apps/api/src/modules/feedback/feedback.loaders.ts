import type { DB } from '@chiso/db';
import DataLoader from 'dataloader';
import { groupBy } from '../../rows.js';
import { type FeedbackEventRow, findEventsOf } from './feedback.repo.js';

/** `province:id`, the key of a feedback item (its primary key). */
export function feedbackKey(row: { provinceUnitId: string; id: string }): string {
  return `${row.provinceUnitId}:${row.id}`;
}

/**
 * Per-request loaders of the feedback domain: a page of feedback costs one query per kind of related row (its
 * agencies and procedures come from the catalog loaders, `loaders.agencies` and `loaders.procedures`).
 */
export function createFeedbackLoaders(db: DB) {
  return {
    eventsOf: new DataLoader<{ provinceUnitId: string; id: string }, FeedbackEventRow[], string>(
      async (keys) => {
        const groups = groupBy(
          await findEventsOf(db, keys),
          (event) => `${event.provinceUnitId}:${event.feedbackId}`,
        );
        return keys.map((key) => groups.get(feedbackKey(key)) ?? []);
      },
      { cacheKeyFn: feedbackKey },
    ),
  };
}

export type FeedbackLoaders = ReturnType<typeof createFeedbackLoaders>;
