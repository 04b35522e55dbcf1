// The bank's result file (CSV or XLSX) → the rows payout_batch_import takes. Banks name their
// columns differently, so each column is found by its header: the withdrawal number (备注 /
// 提现单号 / 业务参考号) or the file's row (序号), 金额 in yuan, the result (成功/失败), the
// bank serial and the failure reason. A row the file cannot say is sent as it is and comes
// back as a row error (invalid_input), so every line of the file is accounted for.
import Papa from 'papaparse';
import { parseYuan } from '../common/money';

export interface ResultRow {
  /** the line of the file (header = 1) */
  line: number;
  withdrawal_no?: string;
  row_no?: number;
  amount_fen: number | null;
  success: boolean | null;
  serial?: string;
  reason?: string;
}

type Field = 'withdrawal_no' | 'row_no' | 'amount' | 'result' | 'serial' | 'reason';
const HEADERS: Array<[Field, RegExp]> = [
  ['withdrawal_no', /提现单号|备注|业务参考号|客户参考|withdrawal/i],
  ['row_no', /^(序号|行号|row)/i],
  ['amount', /金额|amount/i],
  ['serial', /流水|交易序号|凭证号|serial/i],
  ['reason', /原因|失败说明|附言说明|reason/i],
  ['result', /结果|状态|result|status/i],
];

const SUCCESS = /^(成功|交易成功|已成功|success|succeeded|ok|s)$/i;
const FAILURE = /^(失败|交易失败|退票|退回|fail|failed|f)$/i;

/** Which column holds which field (first match per field, in the order of HEADERS). */
function mapHeader(header: string[]): Partial<Record<Field, number>> {
  const out: Partial<Record<Field, number>> = {};
  header.forEach((h, i) => {
    const text = h.trim();
    const hit = HEADERS.find(([f, re]) => out[f] === undefined && re.test(text));
    if (hit) out[hit[0]] = i;
  });
  return out;
}

/** Rows of cells (header first) → result rows; null if the header names no number and no amount. */
export function resultRows(cells: string[][]): ResultRow[] | null {
  const [header, ...body] = cells;
  if (!header) return null;
  const col = mapHeader(header);
  if ((col.withdrawal_no === undefined && col.row_no === undefined) || col.amount === undefined || col.result === undefined) {
    return null;
  }
  const cell = (r: string[], f: Field) => (col[f] === undefined ? '' : String(r[col[f]!] ?? '').trim());
  const out: ResultRow[] = [];
  body.forEach((r, i) => {
    if (r.every((c) => String(c ?? '').trim() === '')) return;
    const result = cell(r, 'result');
    const rowNo = Number(cell(r, 'row_no'));
    out.push({
      line: i + 2,
      withdrawal_no: cell(r, 'withdrawal_no') || undefined,
      row_no: Number.isInteger(rowNo) && rowNo > 0 ? rowNo : undefined,
      amount_fen: parseYuan(cell(r, 'amount')),
      success: SUCCESS.test(result) ? true : FAILURE.test(result) ? false : null,
      serial: cell(r, 'serial') || undefined,
      reason: cell(r, 'reason') || undefined,
    });
  });
  return out;
}

export function parseResultCsv(text: string): ResultRow[] | null {
  // blank lines are kept (and skipped in resultRows) so that line numbers are the file's own
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  return resultRows(parsed.data);
}

/** The first sheet of an XLSX file, every cell as text. */
export async function parseResultXlsx(buffer: ArrayBuffer): Promise<ResultRow[] | null> {
  const mod = await import('exceljs');
  const ExcelJS = (mod as unknown as { default?: typeof mod }).default ?? mod;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer);
  const sheet = wb.worksheets[0];
  if (!sheet) return null;
  const cells: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) values.push(row.getCell(c).text ?? '');
    cells.push(values);
  });
  return resultRows(cells);
}

export async function parseResultFile(file: File): Promise<ResultRow[] | null> {
  if (/\.xlsx$/i.test(file.name)) return parseResultXlsx(await file.arrayBuffer());
  return parseResultCsv(await file.text());
}
