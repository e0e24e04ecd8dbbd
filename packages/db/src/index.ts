export { parseCsv } from './csv.js';
export { type CreateDatabaseOptions, createDatabase, type DB } from './database.js';
export {
  dataRoot,
  ensureDatabase,
  type PostgresServer,
  type StartPostgresOptions,
  startPostgres,
} from './launcher.js';
export { createMigrator, migrateDownAll, migrateToLatest, migrations } from './migrate.js';
export {
  DOSSIER_STATUSES,
  loadReferenceData,
  type ReferenceLoadSummary,
  readReferenceCsv,
  referenceDataDir,
  UNIT_LEVELS,
} from './reference.js';
export * from './schema.js';
