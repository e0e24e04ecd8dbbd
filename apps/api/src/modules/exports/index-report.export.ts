/**
 * An index report as a table (CSV, XLSX) and as a printable summary (PDF). Every export starts from the same
 * `ReportView` that `indexReport` serves, so a figure withheld from the viewer on screen is withheld in the file.
 */
import { createRequire } from 'node:module';
import type { FigureView, ReportView } from '../indices/report.js';
import { type Cell, toCsv } from './csv.js';

/** Columns of the figure table (stable snake_case keys for machines; the XLSX adds Vietnamese/English titles). */
export const REPORT_COLUMNS = [
  ['kind', 'Loại / Kind'],
  ['code', 'Mã / Code'],
  ['dimension_code', 'Mã yếu tố / Dimension code'],
  ['name_vi', 'Tên / Name (vi)'],
  ['name_en', 'Tên tiếng Anh / Name (en)'],
  ['value', 'Giá trị / Value'],
  ['ci_low', 'Cận dưới KTC / CI low'],
  ['ci_high', 'Cận trên KTC / CI high'],
  ['standard_error', 'Sai số chuẩn / Standard error'],
  ['n', 'Số người trả lời (n) / Respondents (n)'],
  ['n_effective', 'Cỡ mẫu hiệu dụng / Effective n'],
  ['publishable', 'Đủ cỡ mẫu / Publishable'],
  ['withheld', 'Lý do ẩn / Withheld'],
] as const;

export function figureCells(figure: FigureView): Cell[] {
  return [
    figure.kind,
    figure.code,
    figure.dimensionCode,
    figure.nameVi,
    figure.nameEn,
    figure.value,
    figure.ciLow,
    figure.ciHigh,
    figure.standardError,
    figure.n,
    figure.nEffective,
    figure.publishable,
    figure.withheld,
  ];
}

/** The figures in report order: overall, then the dimensions, then the items. */
export function reportFigures(report: ReportView): FigureView[] {
  return [
    ...report.figures.filter((f) => f.kind === 'overall'),
    ...report.figures.filter((f) => f.kind === 'dimension'),
    ...report.figures.filter((f) => f.kind === 'item'),
  ];
}

/** `chiso-SIPAS-2017-06-2019-Q1` (ASCII only, safe in a Content-Disposition filename). */
export function reportFileStem(report: ReportView): string {
  const { instrument, unit, period, agency } = report.data;
  const part = period.month
    ? `-M${String(period.month).padStart(2, '0')}`
    : period.quarter
      ? `-Q${period.quarter}`
      : '';
  const stem = `chiso-${instrument.code}-${instrument.version}-${unit.code}${agency ? `-${agency.code}` : ''}-${period.year}${part}`;
  return stem.replace(/[^A-Za-z0-9._-]+/g, '_');
}

export function reportCsv(report: ReportView): string {
  return toCsv(
    REPORT_COLUMNS.map(([key]) => key),
    reportFigures(report).map(figureCells),
  );
}

/** A workbook with the figures ("Chỉ số") and what they mean ("Thông tin"): unit, period, definitions. */
export async function reportXlsx(report: ReportView): Promise<Buffer> {
  // exceljs and pdfkit weigh about 50 MB of resident memory: loaded on the first export, not at start.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Chỉ số';
  const figures = workbook.addWorksheet('Chỉ số');
  figures.columns = REPORT_COLUMNS.map(([key, title]) => ({
    key,
    header: title,
    width: key.startsWith('name') ? 48 : 14,
  }));
  for (const figure of reportFigures(report)) figures.addRow(figureCells(figure));
  figures.getRow(1).font = { bold: true };
  figures.views = [{ state: 'frozen', ySplit: 1 }];

  const about = workbook.addWorksheet('Thông tin');
  about.columns = [
    { key: 'label', width: 36 },
    { key: 'vi', width: 80 },
    { key: 'en', width: 80 },
  ];
  const { data } = report;
  about.addRows([
    ['Đơn vị / Unit', `${data.unit.nameVi} (${data.unit.code})`, data.unit.nameEn],
    ...(data.agency
      ? [['Cơ quan / Agency', `${data.agency.nameVi} (${data.agency.code})`, data.agency.nameEn]]
      : []),
    ['Kỳ / Period', data.period.labelVi, data.period.labelEn],
    [
      'Bộ công cụ / Instrument',
      `${data.instrument.nameVi} (${data.instrument.code} ${data.instrument.version})`,
      data.instrument.nameEn,
    ],
    ['Cỡ mẫu tối thiểu / Minimum sample', data.minSample, data.minSample],
    ['Độ tin cậy / Confidence', data.confidence, data.confidence],
    ['Tính lúc / Computed at', data.computedAt, data.computedAt],
    [
      'Giá trị nhóm nhỏ / Small-group values',
      report.revealed ? 'Hiển thị (người xem phụ trách đơn vị)' : 'Bị ẩn dưới cỡ mẫu tối thiểu',
      report.revealed ? 'Shown (the viewer covers the unit)' : 'Withheld below the minimum sample',
    ],
    [],
    ['Định nghĩa / Definitions'],
    ...data.definitions.map((d) => [`${d.nameVi} / ${d.nameEn}`, d.definitionVi, d.definitionEn]),
  ]);
  about.getColumn('vi').alignment = { wrapText: true, vertical: 'top' };
  about.getColumn('en').alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// ───────────────────────── PDF ─────────────────────────

const require = createRequire(import.meta.url);
/** DejaVu Sans covers Vietnamese (Latin Extended Additional and combining marks); pdfkit embeds a subset. */
const FONT_REGULAR = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

const formatNumber = (value: number | null, digits = 2) =>
  value === null
    ? '—'
    : value.toLocaleString('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function figureValueText(figure: FigureView, unit: string): string {
  if (figure.withheld) return 'ẩn / withheld';
  if (figure.value === null) return '—';
  const interval =
    figure.ciLow !== null && figure.ciHigh !== null
      ? ` [${formatNumber(figure.ciLow, 1)}–${formatNumber(figure.ciHigh, 1)}]`
      : '';
  return `${formatNumber(figure.value)}${unit}${interval}`;
}

/**
 * A one-document summary of a unit's report (A4): the unit, period and instrument, the overall figure and each
 * dimension with its interval and n, small bars for the dimensions, coverage, and the definitions of every
 * figure. Text is Vietnamese first with English beside it.
 */
export async function reportPdf(report: ReportView): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const { data } = report;
  const percent = data.instrument.valueUnit === 'percent' || data.instrument.valueUnit === '%';
  const unitSuffix = percent ? '%' : '';
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    font: FONT_REGULAR,
    info: {
      Title: `Báo cáo chỉ số ${data.instrument.code} — ${data.unit.nameVi} — ${data.period.labelVi}`,
      Author: 'Chỉ số',
      Subject: `${data.instrument.nameEn} — ${data.unit.nameEn} — ${data.period.labelEn}`,
    },
  });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 96;
  doc.font('bold').fontSize(16).text(`Báo cáo chỉ số: ${data.unit.nameVi}`);
  doc.font('regular').fontSize(10).fillColor('#555').text(`Index report: ${data.unit.nameEn}`);
  doc.moveDown(0.5).fillColor('#000').fontSize(10);
  doc.text(
    `Bộ công cụ / Instrument: ${data.instrument.nameVi} (${data.instrument.code} ${data.instrument.version})`,
  );
  if (data.agency) doc.text(`Cơ quan / Agency: ${data.agency.nameVi} (${data.agency.code})`);
  doc.text(
    `Kỳ / Period: ${data.period.labelVi} / ${data.period.labelEn} (${data.period.start} – ${data.period.end})`,
  );
  doc.text(
    `Cỡ mẫu tối thiểu / Minimum sample: ${data.minSample} · Độ tin cậy / Confidence: ${Math.round(data.confidence * 100)}% · Tính lúc / Computed at: ${data.computedAt}`,
  );
  doc.text(
    `Độ bao phủ / Coverage: phục vụ ${data.coverage.served} · mời ${data.coverage.offered} · trả lời ${data.coverage.responded}` +
      ` (served · offered · responded)${data.coverage.responseRate === null ? '' : ` · tỉ lệ trả lời / response rate ${formatNumber(data.coverage.responseRate, 1)}%`}`,
  );

  const overall = report.figures.find((f) => f.kind === 'overall')!;
  doc.moveDown();
  doc
    .font('bold')
    .fontSize(13)
    .text(`${overall.nameVi}: ${figureValueText(overall, unitSuffix)}`);
  doc.font('regular').fontSize(9).fillColor('#555').text(`${overall.nameEn} · n = ${overall.n}`);
  doc.fillColor('#000');

  // The dimensions: name, a bar (percent scale), value with interval, n.
  doc.moveDown();
  doc.font('bold').fontSize(11).text('Các yếu tố / Dimensions');
  doc.font('regular').fontSize(9);
  const barX = 48 + width * 0.45;
  const barWidth = width * 0.25;
  for (const figure of report.figures.filter((f) => f.kind === 'dimension')) {
    if (doc.y > doc.page.height - 100) doc.addPage();
    const y = doc.y;
    doc.text(`${figure.nameVi}`, 48, y, { width: width * 0.44 });
    const rowBottom = doc.y;
    doc
      .fillColor('#ddd')
      .rect(barX, y + 1, barWidth, 8)
      .fill();
    if (percent && figure.value !== null) {
      doc
        .fillColor('#2b6cb0')
        .rect(barX, y + 1, (barWidth * Math.max(0, Math.min(100, figure.value))) / 100, 8)
        .fill();
    }
    doc
      .fillColor('#000')
      .text(`${figureValueText(figure, unitSuffix)} · n = ${figure.n}`, barX + barWidth + 8, y, {
        width: width - (barX + barWidth + 8 - 48),
      });
    doc.x = 48;
    doc.y = Math.max(rowBottom, doc.y) + 3;
  }

  doc.moveDown();
  doc.font('bold').fontSize(11).text('Các tiêu chí / Items', 48);
  doc.font('regular').fontSize(8);
  for (const figure of report.figures.filter((f) => f.kind === 'item')) {
    if (doc.y > doc.page.height - 80) doc.addPage();
    doc.text(
      `${figure.code}  ${figure.nameVi} — ${figureValueText(figure, unitSuffix)} · n = ${figure.n}`,
      48,
      doc.y,
      {
        width,
      },
    );
  }

  doc.moveDown();
  if (doc.y > doc.page.height - 150) doc.addPage();
  doc.font('bold').fontSize(11).text('Định nghĩa / Definitions', 48);
  for (const definition of data.definitions) {
    if (doc.y > doc.page.height - 90) doc.addPage();
    doc.font('bold').fontSize(9).text(`${definition.nameVi} / ${definition.nameEn}`, 48, doc.y, { width });
    doc.font('regular').fontSize(8).text(definition.definitionVi, { width });
    doc.fillColor('#555').text(definition.definitionEn, { width }).fillColor('#000');
    doc.moveDown(0.3);
  }
  doc.moveDown();
  doc
    .fontSize(8)
    .fillColor('#555')
    .text(
      report.revealed
        ? 'Bản này hiển thị cả giá trị của nhóm dưới cỡ mẫu tối thiểu (người xem phụ trách đơn vị); không dùng để công bố. / This copy shows values below the minimum sample (the viewer covers the unit); not for publication.'
        : 'Giá trị của nhóm dưới cỡ mẫu tối thiểu bị ẩn; chỉ số người trả lời (n) được nêu. / Values of groups below the minimum sample are withheld; only the number of respondents (n) is given.',
      { width },
    );
  doc.end();
  return done;
}
