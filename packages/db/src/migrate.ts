import type { Kysely } from 'kysely';
import type { Migration, MigrationProvider, MigrationResultSet } from 'kysely/migration';
import { Migrator, NO_MIGRATIONS } from 'kysely/migration';
import * as initialSchema from './migrations/20261128T1200_initial_schema.js';
import * as accounts from './migrations/20261128T1300_accounts.js';
import * as catalog from './migrations/20261128T1310_catalog.js';
import * as dossiers from './migrations/20261128T1320_dossiers.js';
import * as surveys from './migrations/20261128T1330_surveys.js';
import * as indices from './migrations/20261128T1340_indices.js';
import * as feedback from './migrations/20261128T1350_feedback.js';
import * as serviceIndex from './migrations/20261128T1400_service_index.js';
import * as rollupMargins from './migrations/20261128T1500_rollup_margins.js';
import * as procedurePublication from './migrations/20261128T1560_procedure_publication.js';
import * as distributionKeys from './migrations/20261128T1800_distribution_keys.js';
import * as personalDataRetention from './migrations/20261128T1900_personal_data_retention.js';
import * as rollupSlots from './migrations/20261128T2000_rollup_slots.js';

/**
 * Every migration, by timestamped name, in order. Listed explicitly (not read from a folder) so the same code
 * runs from TypeScript sources in tests and from the compiled `dist` in production.
 */
export const migrations: Record<string, Migration> = {
  '20261128T1200_initial_schema': initialSchema,
  '20261128T1300_accounts': accounts,
  '20261128T1310_catalog': catalog,
  '20261128T1320_dossiers': dossiers,
  '20261128T1330_surveys': surveys,
  '20261128T1340_indices': indices,
  '20261128T1350_feedback': feedback,
  '20261128T1400_service_index': serviceIndex,
  '20261128T1500_rollup_margins': rollupMargins,
  '20261128T1560_procedure_publication': procedurePublication,
  '20261128T1800_distribution_keys': distributionKeys,
  '20261128T1900_personal_data_retention': personalDataRetention,
  '20261128T2000_rollup_slots': rollupSlots,
};

class StaticMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

export function createMigrator(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider: new StaticMigrationProvider() });
}

function unwrap(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '?'} failed: ${String(result.error)}`, {
      cause: result.error,
    });
  }
  return (result.results ?? []).map((r) => r.migrationName);
}

/** Runs every pending migration; returns the names of those applied. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  return unwrap(await createMigrator(db).migrateToLatest());
}

/** Rolls every migration back (used by `db:reset` and by the migration test). */
export async function migrateDownAll(db: Kysely<any>): Promise<string[]> {
  const migrator = createMigrator(db);
  const applied: string[] = [];
  for (;;) {
    const names = unwrap(await migrator.migrateDown());
    if (names.length === 0) return applied;
    applied.push(...names);
  }
}

/**
 * Migrates up or down to the state where `name` is the last applied migration (no migration at all when
 * `name` is undefined); returns the names of the migrations run.
 */
export async function migrateTo(db: Kysely<any>, name: string | undefined): Promise<string[]> {
  return unwrap(await createMigrator(db).migrateTo(name ?? NO_MIGRATIONS));
}
