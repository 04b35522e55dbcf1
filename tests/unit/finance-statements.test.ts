// Statement CSV parsing (the three channel formats and their sample files) and the list
// filter → totals RPC parameters.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { beijingTime, detectChannel, parseStatement } from '../../src/reconciliation/csv';
import { paymentTotalsArgs } from '../../src/payments/api';
import { commissionTotalsArgs } from '../../src/commissions/api';
import { searchTerm } from '../../src/providers/resourceMap';

const fixture = (name: string) => fs.readFileSync(path.resolve(__dirname, '../fixtures/statements', name), 'utf8');

describe('statement CSV parsing', () => {
  it('reads a WeChat Pay bill: backticks stripped, refunds skipped, summary ignored', () => {
    const p = parseStatement(fixture('wechat-20240618.csv'), 'WX-1');
    expect(p.channel).toBe('wechat');
    expect(p.problems).toEqual([]);
    expect(p.skipped).toBe(1);
    expect(p.rows).toEqual([
      { statement_id: 'WX-1', channel: 'wechat', channel_txn_id: '4200002024061800001', amount_fen: 30000, occurred_at: '2024-06-18T09:12:05+08:00' },
      { statement_id: 'WX-1', channel: 'wechat', channel_txn_id: '4200002024061800002', amount_fen: 120000, occurred_at: '2024-06-18T11:40:31+08:00' },
      { statement_id: 'WX-1', channel: 'wechat', channel_txn_id: '4200002024061800003', amount_fen: 9900, occurred_at: '2024-06-18T15:03:59+08:00' },
    ]);
  });

  it('reads an Alipay detail with comment lines, taking only 交易 rows', () => {
    const p = parseStatement(fixture('alipay-20240618.csv'), 'ALI-1');
    expect(p.channel).toBe('alipay');
    expect(p.rows.map((r) => [r.channel_txn_id, r.amount_fen])).toEqual([
      ['2024061822001412345600001', 30000],
      ['2024061822001412345600002', 240000],
    ]);
    expect(p.skipped).toBe(1);
  });

  it('reads a bank statement: credits only, date and time columns joined', () => {
    const p = parseStatement(fixture('bank-20240618.csv'), 'BK-1');
    expect(p.channel).toBe('bank_transfer');
    expect(p.rows).toEqual([
      { statement_id: 'BK-1', channel: 'bank_transfer', channel_txn_id: 'BK20240618000101', amount_fen: 500000, occurred_at: '2024-06-18T09:30:15+08:00' },
      { statement_id: 'BK-1', channel: 'bank_transfer', channel_txn_id: 'BK20240618000103', amount_fen: 360000, occurred_at: '2024-06-18T16:20:01+08:00' },
    ]);
  });

  it('reports bad lines by number and refuses unknown formats', () => {
    const p = parseStatement('交易时间,微信支付订单号,交易状态,订单金额(元)\n2024-06-18 10:00:00,bad id!,SUCCESS,1.00\n2024-02-30 10:00:00,4200001,SUCCESS,1.00\n2024-06-18 10:00:00,4200002,SUCCESS,1.234\n', 'X');
    expect(p.problems).toEqual([
      { line: 2, message: 'bad_txn' },
      { line: 3, message: 'bad_time' },
      { line: 4, message: 'bad_amount' },
    ]);
    expect(parseStatement('a,b\n1,2\n', 'X').problems).toEqual([{ line: 1, message: 'unknown_format' }]);
    expect(detectChannel(['流水号', '收入金额'])).toBe('bank_transfer');
  });

  it('turns Beijing wall-clock times into instants', () => {
    expect(beijingTime('2024/6/1 8:05')).toBe('2024-06-01T08:05:00+08:00');
    expect(new Date(beijingTime('2024-06-01 00:30:00')!).toISOString()).toBe('2024-05-31T16:30:00.000Z');
    expect(beijingTime('not a time')).toBeNull();
  });
});

describe('totals parameters follow the list filter', () => {
  it('maps the payments filter, Beijing day bounds and the search box', () => {
    expect(
      paymentTotalsArgs({ kind: 'deposit', status: 'succeeded', 'created_at@gte': '2026-11-01T00:00:00+08:00', q: ' 宝马 (X5) ' }),
    ).toStrictEqual({
      // left-out arguments are SQL null (every argument of payment_totals defaults to it)
      p_kind: 'deposit', p_channel: undefined, p_status: 'succeeded', p_payer_type: undefined, p_payer_id: undefined,
      p_from: '2026-11-01T00:00:00+08:00', p_to: undefined, p_search: '宝马*X5',
    });
    expect(searchTerm('  ')).toBeNull();
  });

  it('maps the commissions filter', () => {
    expect(commissionTotalsArgs({ status: 'frozen', tier: 2, 'beneficiary_name@ilike': '张' })).toMatchObject({
      p_status: 'frozen', p_tier: 2, p_beneficiary_name: '张', p_trade_id: undefined,
    });
  });
});
