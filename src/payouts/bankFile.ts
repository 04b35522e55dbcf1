// The bank's batch-transfer file: one row per withdrawal of a payout batch, in the column
// order and headers of the bank's own upload template (money_settings.payout_bank_template).
// Amounts are yuan text with two decimals; account numbers stay text (no 6.22E+18 in Excel).
import { fenToYuanText, toCsv, type ExportColumn } from '../common/export';
import { xlsxBlob } from '../common/export/excel';

export type BankTemplate = 'icbc' | 'cmb';
export const BANK_TEMPLATES: readonly BankTemplate[] = ['icbc', 'cmb'];

/** One row as payout_batch_file returns it. */
export interface BankFileRow {
  row_no: number;
  withdrawal_no: string;
  payee_name: string;
  account_no: string;
  bank_name: string;
  branch_name: string | null;
  amount_fen: number;
}

/** 用途: what the payee's statement shows. */
export const PURPOSE = '提现';

const amount = (r: BankFileRow) => fenToYuanText(r.amount_fen);
const bankAndBranch = (r: BankFileRow) => [r.bank_name, r.branch_name].filter(Boolean).join(' ');

const LAYOUTS: Record<BankTemplate, ExportColumn<BankFileRow>[]> = {
  // 工商银行 企业网银「批量转账」: account first, bank and branch in one 开户行 column
  icbc: [
    { source: 'account_no', label: '收款账号', width: 24 },
    { source: 'payee_name', label: '收款户名', width: 16 },
    { source: 'bank', label: '开户行', value: bankAndBranch, width: 28 },
    { source: 'amount', label: '金额', value: amount, width: 14 },
    { source: 'purpose', label: '用途', value: () => PURPOSE, width: 10 },
    { source: 'withdrawal_no', label: '备注', width: 26 },
  ],
  // 招商银行 企业银行「批量支付」: a running 序号, name before account, bank and branch apart
  cmb: [
    { source: 'row_no', label: '序号', value: (r) => String(r.row_no), width: 8 },
    { source: 'payee_name', label: '收款户名', width: 16 },
    { source: 'account_no', label: '收款账号', width: 24 },
    { source: 'bank_name', label: '开户行', width: 18 },
    { source: 'branch_name', label: '开户支行', width: 22 },
    { source: 'amount', label: '金额(元)', value: amount, width: 14 },
    { source: 'purpose', label: '用途', value: () => PURPOSE, width: 10 },
    { source: 'withdrawal_no', label: '备注', width: 26 },
  ],
};

export const bankColumns = (t: BankTemplate) => LAYOUTS[t];

/** CSV (UTF-8 with BOM, CRLF) in the template's layout. */
export const bankCsv = (t: BankTemplate, rows: readonly BankFileRow[]): string => toCsv(rows, LAYOUTS[t]);

/** XLSX in the template's layout (every cell text). */
export const bankXlsx = (t: BankTemplate, rows: readonly BankFileRow[], sheetName: string): Promise<Blob> =>
  xlsxBlob(rows, LAYOUTS[t], { sheetName });
