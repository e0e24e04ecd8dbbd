export {
  BACKUP_FORMAT,
  BackupFormatError,
  type BackupHeader,
  type BackupSummary,
  backupDatabase,
  RestoreRefusedError,
  type RestoreSummary,
  restoreDatabase,
  verifyBackup,
} from './backup.js';
export { parseCsv } from './csv.js';
export { type CreateDatabaseOptions, createDatabase, type DB, poolOf } from './database.js';
export {
  DEMO,
  DEMO_PASSWORD_HASH,
  type DemoSummary,
  hasDemoData,
  seedDemoData,
  seedDemoDataIfEmpty,
} from './demo/seed.js';
export { instrumentItemRows, registerBuiltinInstruments } from './instruments.js';
export {
  APP_DATABASE,
  dataRoot,
  ensureDatabase,
  type PostgresServer,
  resolveAppDatabase,
  type StartPostgresOptions,
  startPostgres,
} from './launcher.js';
export { createMigrator, migrateDownAll, migrateTo, migrateToLatest, migrations } from './migrate.js';
export {
  DOSSIER_STATUSES,
  loadReferenceData,
  NATIONAL_CALENDAR_YEARS,
  type ReferenceLoadSummary,
  readReferenceCsv,
  referenceDataDir,
  UNIT_LEVELS,
} from './reference.js';
export {
  RETENTION_LOCK,
  type RetentionCounts,
  type RetentionSummary,
  runRetention,
} from './retention.js';
export {
  type MarginGroupFilter,
  type MarginGroupKey,
  type RollupGroup,
  type RollupGroupFilter,
  type RollupGroupKey,
  readMarginCountsByGroup,
  readRollupCountsByGroup,
} from './rollup-groups.js';
export {
  addResponsesToRollups,
  addToMargins,
  addToRollups,
  connectionSlot,
  groupedRollupChanges,
  MAX_ROLLUP_SLOTS,
  type MarginBase,
  type MarginResponse,
  marginsOfResponse,
  ROLLUP_SLOTS,
  type RollupCellKey,
  type RollupChanges,
  type RollupFilter,
  readRollupCounts,
  rebuildSurveyMargins,
  rebuildSurveyRollups,
  rollupCellId,
  rollupChanges,
  rollupWrites,
  setRollupSlots,
  writeRollups,
} from './rollups.js';
export * from './schema.js';
export { normalizeSearchText } from './search-text.js';
export { hashSecret, verifySecret } from './secret-hash.js';
