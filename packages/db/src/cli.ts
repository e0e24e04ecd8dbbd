import { resolve } from 'node:path';
import { backupDatabase, restoreDatabase } from './backup.js';
import { createDatabase } from './database.js';
import { seedDemoDataIfEmpty } from './demo/seed.js';
import { dataRoot, resolveAppDatabase } from './launcher.js';
import { migrateDownAll, migrateToLatest } from './migrate.js';
import { loadReferenceData } from './reference.js';
import { runRetention } from './retention.js';

const USAGE = 'usage: cli <migrate | seed | reset | retention | backup [file] | restore <file> [--force]>';

/** A path as the user typed it: pnpm runs the script in packages/db, and keeps the caller's folder in INIT_CWD. */
const userPath = (file: string) => resolve(process.env.INIT_CWD ?? process.cwd(), file);

function defaultBackupFile(): string {
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${dataRoot()}backups/chiso-${stamp}.chiso-backup`;
}

async function backupOrRestore(command: 'backup' | 'restore', args: string[]) {
  const force = args.includes('--force');
  const [file, ...extra] = args.filter((a) => a !== '--force');
  if (extra.length > 0 || (command === 'restore' && !file) || (command === 'backup' && force))
    throw new Error(USAGE);
  const { url, server } = await resolveAppDatabase({ log: () => {} });
  try {
    if (command === 'backup') {
      const summary = await backupDatabase(url, file ? userPath(file) : defaultBackupFile());
      console.log(
        `Backup: ${summary.file} (${summary.migrations} migrations, ${summary.tables} tables, ${summary.rows} rows)`,
      );
    } else {
      const summary = await restoreDatabase(url, userPath(file as string), { force, log: console.log });
      console.log(
        `Restored ${summary.tables} tables, ${summary.rows} rows at migration ${summary.migrations}` +
          (summary.migratedAfter.length ? `; then applied: ${summary.migratedAfter.join(', ')}` : ''),
      );
    }
  } finally {
    await server.stop();
  }
}

async function retention(args: string[]) {
  if (args.length > 0) throw new Error(USAGE);
  const { url, server } = await resolveAppDatabase({ log: () => {} });
  const db = createDatabase({ url, max: 2, statementTimeoutMs: 0 });
  try {
    const summary = await runRetention(db);
    if (summary.skipped) {
      console.log('Retention: another run holds the lock; nothing done');
    } else {
      const parts = Object.entries(summary.removed).map(
        ([kind, n]) =>
          `${kind} ${n} (kept ${summary.keepDays[kind as keyof typeof summary.keepDays] ?? '-'} days)`,
      );
      console.log(`Retention: ${summary.total} removed — ${parts.join(', ')}`);
    }
  } finally {
    await db.destroy();
    await server.stop();
  }
}

/**
 * `pnpm db:migrate` — run pending migrations;
 * `pnpm db:seed` — migrate, load reference data, load demo data when absent;
 * `pnpm db:reset` — roll every migration back, then migrate and seed again.
 * `pnpm db:backup [file]` — write a backup (default `.data/backups/chiso-<time>.chiso-backup`);
 * `pnpm db:restore <file> [--force]` — restore one into an empty database (`--force`: replace its contents).
 * `pnpm db:retention` — delete personal data kept longer than `retention_rule` allows (see `retention.ts`).
 * Uses `DATABASE_URL`, or the embedded server in `.data/postgres`.
 */
async function main(command: string | undefined, args: string[]) {
  if (command === 'backup' || command === 'restore') return backupOrRestore(command, args);
  if (command === 'retention') return retention(args);
  if (command !== 'migrate' && command !== 'seed' && command !== 'reset') throw new Error(USAGE);
  const log = (message: string) => console.log(message);
  const { url, server } = await resolveAppDatabase({ log: () => {} });
  const db = createDatabase({ url, max: 4, statementTimeoutMs: 0 });
  try {
    if (command === 'reset') {
      const down = await migrateDownAll(db);
      log(`Rolled back ${down.length} migration(s)`);
    }
    const applied = await migrateToLatest(db);
    log(applied.length ? `Applied: ${applied.join(', ')}` : 'Migrations: up to date');
    if (command === 'seed' || command === 'reset') {
      const reference = await loadReferenceData(db);
      log(
        `Reference data: ${reference.units} units, ${reference.successions} successions, ` +
          `${reference.publishedResults} published results, ${reference.instruments} instruments, ` +
          `${reference.holidays} holidays`,
      );
      if (!(await seedDemoDataIfEmpty(db, log))) log('Demo data: already loaded');
    }
  } finally {
    await db.destroy();
    await server.stop();
  }
}

main(process.argv[2], process.argv.slice(3)).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
