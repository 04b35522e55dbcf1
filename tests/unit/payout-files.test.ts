// The bank file's layouts and the result file's reading (the database side is in
// tests/db/payout-batches.test.ts, the whole flow in tests/e2e/payouts.test.ts).
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { bankCsv, type BankFileRow } from '../../src/payouts/bankFile';
import { parseResultCsv } from '../../src/payouts/resultFile';

const rows: BankFileRow[] = [
  { row_no: 1, withdrawal_no: 'WD20261203A', payee_name: '张伟', account_no: '6222020200112233445', bank_name: '中国工商银行', branch_name: '北京朝阳支行', amount_fen: 1234505 },
  { row_no: 2, withdrawal_no: 'WD20261203B', payee_name: '=HYPERLINK()', account_no: '6225880112345678', bank_name: '招商银行', branch_name: null, amount_fen: 10 },
];

const parse = (csv: string) => Papa.parse<string[]>(csv.replace(/^\ufeff/, '').trim(), { newline: '\r\n' }).data;

describe('bank file', () => {
  it('ICBC: account first, bank and branch in one column, yuan with two decimals, the withdrawal no. as 备注', () => {
    const csv = bankCsv('icbc', rows);
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(csv).toContain('\r\n');
    expect(parse(csv)).toEqual([
      ['收款账号', '收款户名', '开户行', '金额', '用途', '备注'],
      ['6222020200112233445', '张伟', '中国工商银行 北京朝阳支行', '12345.05', '提现', 'WD20261203A'],
      ['6225880112345678', "'=HYPERLINK()", '招商银行', '0.10', '提现', 'WD20261203B'],
    ]);
  });

  it('CMB: a running 序号, name before account, bank and branch apart', () => {
    expect(parse(bankCsv('cmb', rows))[0]).toEqual(['序号', '收款户名', '收款账号', '开户行', '开户支行', '金额(元)', '用途', '备注']);
    expect(parse(bankCsv('cmb', rows))[1]).toEqual(['1', '张伟', '6222020200112233445', '中国工商银行', '北京朝阳支行', '12345.05', '提现', 'WD20261203A']);
  });
});

describe('result file', () => {
  it('finds the columns by their headers and reads 成功/失败, yuan and the line numbers', () => {
    const csv = '\ufeff交易流水号,备注,金额(元),处理结果,失败原因\r\nBK001,WD1,"1,234.50",成功,\r\n,WD2,0.10,失败,户名不符\r\n\r\nBK003,WD3,abc,处理中,\r\n';
    expect(parseResultCsv(csv)).toEqual([
      { line: 2, withdrawal_no: 'WD1', row_no: undefined, amount_fen: 123450, success: true, serial: 'BK001', reason: undefined },
      { line: 3, withdrawal_no: 'WD2', row_no: undefined, amount_fen: 10, success: false, serial: undefined, reason: '户名不符' },
      { line: 5, withdrawal_no: 'WD3', row_no: undefined, amount_fen: null, success: null, serial: 'BK003', reason: undefined },
    ]);
  });

  it('takes the row number where there is no withdrawal no., and refuses a file without amount or result', () => {
    expect(parseResultCsv('序号,金额,状态,流水号\r\n2,5.00,success,S0001\r\n')).toEqual([
      { line: 2, withdrawal_no: undefined, row_no: 2, amount_fen: 500, success: true, serial: 'S0001', reason: undefined },
    ]);
    expect(parseResultCsv('备注,处理结果\r\nWD1,成功\r\n')).toBeNull();
  });
});
