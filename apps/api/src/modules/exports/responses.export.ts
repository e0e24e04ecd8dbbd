/**
 * Raw anonymous responses of a campaign, for analysts and administrators covering the campaign's unit. A row
 * carries what the respondent answered and the cell it counts in (unit, agency, procedure, month, channel), never
 * what could point back at a person or a device: no dossier pseudonym, no idempotency key, no payload hash, no
 * exact timestamps (only the month), no traffic-source hashes. Free text (where citizens may type names or phone
 * numbers) is included only for unit administrators and system administrators covering the campaign's unit.
 */
import { PassThrough, type Readable } from 'node:stream';
import type { DB } from '@chiso/db';
import type { Context } from '../../context.js';
import { ForbiddenError } from '../../errors.js';
import { campaignInstrument, getCampaign } from '../surveys/campaigns.service.js';
import type { CampaignRow } from '../surveys/surveys.repo.js';
import { type Cell, CSV_BOM, csvLine } from './csv.js';

const BATCH = 2_000;

export interface ResponsesExport {
  campaign: CampaignRow;
  header: string[];
  includesFreeText: boolean;
  /** The rows, read from the database in batches (keyset on id), never all at once. */
  rows(): AsyncGenerator<Cell[]>;
}

/**
 * Checks access and prepares the export of `campaignCode`: analysts, unit admins and system admins covering the
 * campaign's owner unit (API keys never: raw responses are not a third-party read). Throws `NotFoundError` for an
 * unknown campaign, `ForbiddenError` otherwise.
 */
export async function prepareResponsesExport(
  context: Context,
  campaignCode: string,
): Promise<ResponsesExport> {
  if (context.viewer.apiKeyId !== null || context.viewer.userId === null) throw new ForbiddenError();
  const campaign = await getCampaign(context, campaignCode);
  await context.access.assertCoversUnit(campaign.ownerUnitId, ['analyst', 'unit_admin']);
  const includesFreeText = await context.access.coversUnit(campaign.ownerUnitId, ['unit_admin']);
  const instrument = await campaignInstrument(context, campaign);
  const itemCodes = instrument.definition.dimensions.flatMap((d) => d.items.map((i) => i.code));
  const header = [
    'row',
    'unit_code',
    'unit_name',
    'agency_code',
    'procedure_code',
    'period_month',
    'channel',
    'source',
    'weight',
    'gender',
    'age_band',
    'education',
    ...itemCodes.map((code) => `q_${code}`),
    'quality_flags',
    ...(includesFreeText ? ['free_text'] : []),
  ];
  return {
    campaign,
    header,
    includesFreeText,
    rows: () => readRows(context.db, campaign.id, itemCodes.length, includesFreeText),
  };
}

async function* readRows(
  db: DB,
  campaignId: string,
  items: number,
  freeText: boolean,
): AsyncGenerator<Cell[]> {
  let after = '0';
  let row = 0;
  for (;;) {
    const batch = await db
      .selectFrom('surveyResponse as r')
      .innerJoin('administrativeUnit as u', 'u.id', 'r.unitId')
      .leftJoin('agency as a', 'a.id', 'r.agencyId')
      .leftJoin('procedure as p', 'p.id', 'r.procedureId')
      .select([
        'r.id',
        'u.code as unitCode',
        'u.nameVi as unitName',
        'a.code as agencyCode',
        'p.code as procedureCode',
        'r.periodMonth',
        'r.channel',
        'r.source',
        'r.weight',
        'r.gender',
        'r.ageBand',
        'r.education',
        'r.answers',
        'r.qualityFlags',
        'r.freeText',
      ])
      .where('r.campaignId', '=', campaignId)
      .where('r.id', '>', after)
      .orderBy('r.id')
      .limit(BATCH)
      .execute();
    for (const r of batch) {
      row += 1;
      const answers = Array.from({ length: items }, (_, i) => r.answers[i] ?? null);
      yield [
        row,
        r.unitCode,
        r.unitName,
        r.agencyCode,
        r.procedureCode,
        String(r.periodMonth).slice(0, 7),
        r.channel,
        r.source,
        Number(r.weight),
        r.gender,
        r.ageBand,
        r.education,
        ...answers,
        r.qualityFlags.join(' '),
        ...(freeText ? [r.freeText] : []),
      ];
    }
    if (batch.length < BATCH) return;
    after = batch[batch.length - 1]!.id;
  }
}

/** The export as a CSV stream (UTF-8 with BOM, CRLF). */
export function responsesCsvStream(prepared: ResponsesExport): Readable {
  const out = new PassThrough();
  (async () => {
    out.write(CSV_BOM + csvLine(prepared.header));
    for await (const row of prepared.rows()) {
      if (!out.write(csvLine(row))) await new Promise((resolve) => out.once('drain', resolve));
    }
    out.end();
  })().catch((error) => out.destroy(error));
  return out;
}

/** The export as an XLSX stream (exceljs's streaming writer: rows are committed as they are read). */
export function responsesXlsxStream(prepared: ResponsesExport): Readable {
  const out = new PassThrough();
  (async () => {
    // Loaded on the first export (about 30 MB of resident memory), not at start.
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
    const sheet = workbook.addWorksheet('Phiếu trả lời');
    sheet.addRow(prepared.header).commit();
    for await (const row of prepared.rows()) sheet.addRow(row).commit();
    sheet.commit();
    await workbook.commit();
  })().catch((error) => out.destroy(error));
  return out;
}
