import { fileURLToPath } from 'node:url';
import {
  createDatabase,
  loadReferenceData,
  migrateToLatest,
  resolveAppDatabase,
  seedDemoDataIfEmpty,
  setRollupSlots,
} from '@chiso/db';
import { PersonalDataCipher } from './crypto/personal-data.js';
import { loadEnv } from './env.js';
import { createLogger } from './logger.js';
import { ensureBootstrapAdmin } from './modules/accounts/bootstrap.js';
import { backfillContactLookup } from './modules/privacy/contact-lookup.js';
import { type RetentionSchedule, scheduleRetention } from './modules/privacy/retention.schedule.js';
import { buildServer, shutdown } from './server.js';

const env = loadEnv();
const log = createLogger(env);

// DATABASE_URL names a server to use as is; without it a real PostgreSQL is started under `.data/postgres`.
const { url, server: postgres } = await resolveAppDatabase({
  databaseUrl: env.DATABASE_URL,
  database: env.CHISO_DATABASE_NAME,
  log: (message) => log.debug({ component: 'embedded-postgres' }, message),
});
if (!env.DATABASE_URL) log.info({ embedded: postgres.embedded }, 'using the embedded PostgreSQL');

setRollupSlots(env.CHISO_ROLLUP_SLOTS);
const db = createDatabase({ url, applicationName: 'chiso-api' });
try {
  await migrateToLatest(db);
  const reference = await loadReferenceData(db);
  log.info(reference, 'reference data loaded');
  if (env.CHISO_ADMIN_EMAIL && env.CHISO_ADMIN_PASSWORD) {
    const outcome = await ensureBootstrapAdmin(db, {
      email: env.CHISO_ADMIN_EMAIL,
      password: env.CHISO_ADMIN_PASSWORD,
    });
    log.info({ outcome, email: env.CHISO_ADMIN_EMAIL }, 'bootstrap system administrator');
  }
  if (env.CHISO_DEMO_SEED) {
    await seedDemoDataIfEmpty(db, (message) => log.info({ component: 'demo-seed' }, message));
  }
  // Contacts sealed before the blind index existed get their lookup values (needs the data key). A contact that
  // cannot be opened (its key is no longer configured) is reported, and the API starts anyway.
  await backfillContactLookup(db, PersonalDataCipher.fromEnv(env)).then(
    (indexed) => {
      if (indexed > 0) log.info({ indexed }, 'feedback contacts indexed for data-subject requests');
    },
    (error: unknown) => log.error({ err: error }, 'could not index every feedback contact'),
  );
} catch (error) {
  log.fatal({ err: error }, 'could not prepare the database');
  await db.destroy().catch(() => {});
  await postgres.stop().catch(() => {});
  process.exit(1);
}

// The built apps sit beside the API in the repository (apps/*/dist); an image can point elsewhere.
const apps = {
  portalDir: env.CHISO_PORTAL_DIR ?? fileURLToPath(new URL('../../portal/dist', import.meta.url)),
  adminDir: env.CHISO_ADMIN_DIR ?? fileURLToPath(new URL('../../admin/dist', import.meta.url)),
};
const app = await buildServer({ db, env, logger: log, apps });
const retention: RetentionSchedule | null =
  env.CHISO_RETENTION_INTERVAL_MINUTES > 0
    ? scheduleRetention(db, { intervalMs: env.CHISO_RETENTION_INTERVAL_MINUTES * 60_000, log })
    : null;

let stopping = false;
async function stop(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down');
  const forced = setTimeout(() => {
    log.error('shutdown took too long; exiting');
    process.exit(1);
  }, env.CHISO_SHUTDOWN_TIMEOUT_MS);
  forced.unref();
  let exitCode = 0;
  try {
    await retention?.stop();
    await shutdown(app, db);
  } catch (error) {
    exitCode = 1;
    log.error({ err: error }, 'error while closing the server');
  }
  try {
    await postgres.stop();
  } catch (error) {
    exitCode = 1;
    log.error({ err: error }, 'error while stopping the embedded PostgreSQL');
  }
  process.exit(exitCode);
}
// embedded-postgres installs exit hooks that stop the database and exit with 130 at once on a signal, racing
// the drain of in-flight requests: this process owns its shutdown order (server, pool, then database).
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.removeAllListeners(signal);
  process.once(signal, () => void stop(signal));
}

try {
  await app.listen({ port: env.PORT, host: env.HOST });
} catch (error) {
  log.fatal({ err: error }, 'could not listen');
  await shutdown(app, db).catch(() => {});
  await postgres.stop().catch(() => {});
  process.exit(1);
}
