// Excel export. exceljs is large (~1 MB), so it is loaded only when someone exports.
import type { Workbook } from 'exceljs';
import { cellValue, type ExportColumn, type ExportTexts } from './columns';

const MONEY_FORMAT = '#,##0.00';
const PERCENT_FORMAT = '0.00%';

/** Builds the workbook: one sheet, bold frozen header, auto filter, money as numbers with two decimals. */
export async function buildWorkbook<Row>(
  rows: readonly Row[],
  columns: readonly ExportColumn<Row>[],
  opts: { sheetName?: string; texts?: ExportTexts } = {},
): Promise<Workbook> {
  const mod = await import('exceljs');
  const ExcelJS = (mod as unknown as { default?: typeof mod }).default ?? mod;
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  // sheet names: at most 31 characters, none of : \ / ? * [ ]
  const name = (opts.sheetName ?? 'Sheet1').replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet1';
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.label,
    key: c.source,
    width: c.width ?? Math.max(10, Math.min(40, c.label.length * 2 + 4)),
    style: c.kind === 'money' ? { numFmt: MONEY_FORMAT } : c.kind === 'percent' ? { numFmt: PERCENT_FORMAT } : {},
  }));
  for (const row of rows) {
    sheet.addRow(columns.map((c) => cellValue(row, c, opts.texts)));
  }
  sheet.getRow(1).font = { bold: true };
  if (columns.length > 0) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  }
  return workbook;
}

export async function xlsxBlob<Row>(
  rows: readonly Row[],
  columns: readonly ExportColumn<Row>[],
  opts: { sheetName?: string; texts?: ExportTexts } = {},
): Promise<Blob> {
  const workbook = await buildWorkbook(rows, columns, opts);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
