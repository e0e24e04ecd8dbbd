/**
 * Imports survey responses from a CSV file (see `importSurveyResponsesCsv` for the columns):
 *   DATABASE_URL=postgres://… pnpm --filter @chiso/api surveys:import <campaign code> <batch key> <file.csv>
 * Prints the counts and every rejected row; exits with 1 when some rows were rejected.
 */
import { readFile } from 'node:fs/promises';
import { createDatabase } from '@chiso/db';
import { loadEnv } from '../../env.js';
import { importHeader, importSurveyResponsesCsv } from './import.service.js';
import { toInstrumentRecord } from './instruments.service.js';
import { findCampaignByCode, findInstrumentsByIds } from './surveys.repo.js';

const [campaignCode, batchKey, file] = process.argv.slice(2);
if (!campaignCode || !batchKey || !file) {
  console.error('Usage: surveys:import <campaign code> <batch key> <file.csv>');
  process.exit(2);
}
const env = loadEnv();
if (!env.DATABASE_URL) {
  console.error('DATABASE_URL is required');
  process.exit(2);
}
const db = createDatabase({ url: env.DATABASE_URL, applicationName: 'chiso-survey-import' });
try {
  const campaign = await findCampaignByCode(db, campaignCode);
  if (!campaign) throw new Error(`There is no campaign ${campaignCode}`);
  const [instrument] = await findInstrumentsByIds(db, [campaign.instrumentId]);
  const result = await importSurveyResponsesCsv(db, {
    campaignId: campaign.id,
    batchKey,
    csv: await readFile(file, 'utf8'),
  }).catch((error: unknown) => {
    const header = importHeader(toInstrumentRecord(instrument!).definition).join(',');
    throw new Error(`${(error as Error).message}\nExpected header: ${header}`, { cause: error });
  });
  console.log(`rows ${result.rows}, inserted ${result.inserted}, already imported ${result.alreadyImported}`);
  for (const error of result.rowErrors) {
    console.log(`line ${error.line} [${error.path.join('.')}]: ${error.messageEn}`);
  }
  process.exitCode = result.rowErrors.length > 0 ? 1 : 0;
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
process.exit(process.exitCode ?? 0);
