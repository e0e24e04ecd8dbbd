/**
 * File exports as plain HTTP GET endpoints (links a browser can follow and a script can `curl`), with the same
 * authentication as `/graphql` (session cookie or `Authorization: Bearer` API key) and the same rate limits:
 *
 * - `GET /exports/index-report.csv|.xlsx|.pdf?unit=06&year=2019[&quarter=1|&month=3][&agency=…][&campaign=…]
 *   [&instrument=SIPAS&instrumentVersion=2017]` — the `indexReport` of those arguments; public like the query,
 *   with values below the minimum sample withheld from viewers who may not see them.
 * - `GET /exports/campaigns/:code/responses.csv|.xlsx` — raw anonymous responses (see responses.export.ts);
 *   analysts and administrators covering the campaign's unit only.
 *
 * Errors are GraphQL-shaped JSON bodies (`errors[0].extensions.code`, Vietnamese message, `messageEn`) with 400,
 * 403 or 404.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Context, Viewer } from '../../context.js';
import { AppError, ValidationError } from '../../errors.js';
import type { AdmitRequest } from '../../server.js';
import { getIndexReport, type ReportArgs } from '../indices/indices.service.js';
import { reportCsv, reportFileStem, reportPdf, reportXlsx } from './index-report.export.js';
import { prepareResponsesExport, responsesCsvStream, responsesXlsxStream } from './responses.export.js';

export interface ExportRoutesOptions {
  admit: AdmitRequest;
  contextFor(viewer: Viewer): Context;
}

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

type Format = keyof typeof CONTENT_TYPES;

const optionalInt = z.coerce.number().int().optional();
const reportQuery = z.object({
  unit: z.string().min(1).max(64),
  year: z.coerce.number().int(),
  quarter: optionalInt,
  month: optionalInt,
  agency: z.string().min(1).max(64).optional(),
  campaign: z.string().min(1).max(64).optional(),
  instrument: z.string().min(1).max(32).optional(),
  instrumentVersion: z.string().min(1).max(32).optional(),
});

function reportArgsOf(query: unknown): ReportArgs {
  const parsed = reportQuery.safeParse(query);
  if (!parsed.success) {
    throw new ValidationError(
      parsed.error.issues.map((issue) => ({
        path: issue.path.map(String),
        message: 'Tham số không hợp lệ hoặc bị thiếu (unit và year là bắt buộc).',
        messageEn: 'A parameter is missing or not valid (unit and year are required).',
      })),
    );
  }
  const q = parsed.data;
  return {
    unit: q.unit,
    year: q.year,
    quarter: q.quarter ?? null,
    month: q.month ?? null,
    agency: q.agency ?? null,
    campaign: q.campaign ?? null,
    instrument: q.instrument ? { code: q.instrument, version: q.instrumentVersion ?? null } : null,
  };
}

const STATUS_OF: Record<string, number> = { BAD_USER_INPUT: 400, FORBIDDEN: 403, NOT_FOUND: 404 };

function sendError(reply: FastifyReply, error: unknown) {
  if (!(error instanceof AppError)) throw error;
  return reply
    .code(STATUS_OF[error.code] ?? 400)
    .header('cache-control', 'no-store')
    .send({
      errors: [
        {
          message: error.message,
          extensions: {
            code: error.code,
            messageEn: error.messageEn,
            ...(error instanceof ValidationError ? { fieldErrors: error.fieldErrors } : {}),
          },
        },
      ],
    });
}

function attachment(reply: FastifyReply, format: Format, stem: string) {
  return reply
    .header('content-type', CONTENT_TYPES[format])
    .header('content-disposition', `attachment; filename="${stem}.${format}"`)
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff');
}

export function registerExportRoutes(app: FastifyInstance, options: ExportRoutesOptions): void {
  app.get<{ Params: { format: string } }>('/exports/index-report.:format', async (request, reply) => {
    const format = request.params.format as Format;
    if (!(format in CONTENT_TYPES)) return reply.callNotFound();
    const viewer = await options.admit(request, reply);
    if (!viewer) return reply;
    try {
      const report = await getIndexReport(options.contextFor(viewer), reportArgsOf(request.query));
      const stem = reportFileStem(report);
      const body =
        format === 'csv'
          ? reportCsv(report)
          : format === 'xlsx'
            ? await reportXlsx(report)
            : await reportPdf(report);
      return attachment(reply, format, stem).send(body);
    } catch (error) {
      return sendError(reply, error);
    }
  });

  app.get<{ Params: { code: string; format: string } }>(
    '/exports/campaigns/:code/responses.:format',
    async (request, reply) => {
      const format = request.params.format as Format;
      if (format !== 'csv' && format !== 'xlsx') return reply.callNotFound();
      const viewer = await options.admit(request, reply);
      if (!viewer) return reply;
      try {
        const prepared = await prepareResponsesExport(options.contextFor(viewer), request.params.code);
        const stem = `chiso-responses-${prepared.campaign.code}`.replace(/[^A-Za-z0-9._-]+/g, '_');
        const stream = format === 'csv' ? responsesCsvStream(prepared) : responsesXlsxStream(prepared);
        return attachment(reply, format, stem).send(stream);
      } catch (error) {
        return sendError(reply, error);
      }
    },
  );
}
