import { createDatabase } from './database.js';
import { seedDemoDataIfEmpty } from './demo/seed.js';
import { resolveAppDatabase } from './launcher.js';
import { migrateDownAll, migrateToLatest } from './migrate.js';
import { loadReferenceData } from './reference.js';

const USAGE = 'usage: cli <migrate | seed | reset>';

/**
 * `pnpm db:migrate` — run pending migrations;
 * `pnpm db:seed` — migrate, load reference data, load demo data when absent;
 * `pnpm db:reset` — roll every migration back, then migrate and seed again.
 * Uses `DATABASE_URL`, or the embedded server in `.data/postgres`.
 */
async function main(command: string | undefined) {
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

main(process.argv[2]).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
