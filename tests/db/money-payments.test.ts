// R-PAY: payments of every kind, confirm / fail / refund with the ledger, fee coverage,
// channel statement import and reconciliation; RLS per role.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { SupabaseClient } from '@supabase/supabase-js';
import { as, db, serviceClient } from '../support/stack.ts';
import { balances, category, code, installFixtures, ledgerProblems, member, merchant, val } from './money-fixtures.ts';

let c: pg.Client;
let finance: SupabaseClient;
let service: SupabaseClient;
const uid = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`.toUpperCase();

beforeAll(async () => {
  c = await db();
  await installFixtures(c);
  finance = await as('finance');
  service = await serviceClient();
});
afterAll(async () => {
  expect(await ledgerProblems(c)).toEqual([]);
  await c.end();
});

async function create(payerType: string, payer: string, kind: string, amount: number, channel = 'wechat', plan: string | null = null) {
  const res = await service.rpc('payment_create', {
    p_payment_no: `P${uid()}`, p_payer_type: payerType, p_payer_id: payer, p_kind: kind, p_amount_fen: amount,
    p_channel: channel, p_plan: plan,
  });
  expect(res.error).toBeNull();
  return res.data;
}

describe('payments', () => {
  it('a platform fee extends fee_paid_until by its plan; a refund takes it back and reverses the ledger', async () => {
    const m = await merchant(c, await category(c, 0.05, 0.02));
    await c.query(`update merchants set fee_paid_until = current_date + 10 where id = $1`, [m]);
    const p = await create('merchant', m, 'platform_fee', 79_900, 'alipay', 'quarterly');
    const before = await val<number>(c, 'select count(*)::int from ledger_entries');
    const ok = await service.rpc('payment_confirm', { p_payment_id: p.id, p_channel_txn_id: `AL${uid()}` });
    expect(ok.data.status).toBe('succeeded');
    expect(await val<number>(c, 'select count(*)::int from ledger_entries')).toBe(before + 2);
    const until = await val<string>(c, `select to_char(fee_paid_until, 'YYYY-MM-DD') from merchants where id = $1`, [m]);
    const expected = await val<string>(c, `select to_char((current_date + 11 + interval '3 months')::date - 1, 'YYYY-MM-DD')`);
    expect(until).toBe(expected);
    // confirming again with the same transaction is a no-op
    expect((await service.rpc('payment_confirm', { p_payment_id: p.id, p_channel_txn_id: ok.data.channel_txn_id })).data.status).toBe('succeeded');
    expect(code(await finance.rpc('payment_refund', { p_payment_id: p.id, p_reason: '' }))).toBe('reason_required');
    const refunded = await finance.rpc('payment_refund', { p_payment_id: p.id, p_reason: '重复缴费' });
    expect(refunded.data.status).toBe('refunded');
    expect(await val<string>(c, `select to_char(fee_paid_until, 'YYYY-MM-DD') from merchants where id = $1`, [m]))
      .toBe(await val<string>(c, `select to_char(current_date + 10, 'YYYY-MM-DD')`));
    expect(code(await finance.rpc('payment_refund', { p_payment_id: p.id, p_reason: '再退一次' }))).toBe('illegal_transition');
  });

  it('the payment that completes fee and deposit activates an approved merchant, audited; one that leaves a gap does not', async () => {
    const m = await merchant(c, await category(c, 0.05, 0.02, 500_000), null, 'approved');
    const status = () => val<string>(c, 'select status::text from merchants where id = $1', [m]);
    const fee = await create('merchant', m, 'platform_fee', 29_900, 'wechat', 'monthly');
    await finance.rpc('payment_confirm', { p_payment_id: fee.id, p_channel_txn_id: `WX${uid()}` });
    expect(await status()).toBe('approved'); // the deposit is still missing
    const dep = await create('merchant', m, 'deposit', 500_000, 'bank_transfer');
    const ok = await finance.rpc('payment_confirm', { p_payment_id: dep.id, p_channel_txn_id: `BT${uid()}` });
    expect(ok.error).toBeNull();
    expect(await status()).toBe('active');
    const audit = await c.query(
      `select action, before->>'status' as "from", after->>'status' as "to", actor_email as email
         from audit_log where entity = 'merchant' and entity_id = $1`, [m]);
    expect(audit.rows).toEqual([{ action: 'merchant.activate', from: 'approved', to: 'active', email: 'finance@demo.test' }]);
    expect(await val<string>(c, `select note from merchant_status_history where merchant_id = $1 and to_status = 'active'`, [m]))
      .toBe(`payment ${dep.payment_no}`);
  });

  it('a deposit credits the merchant deposit account; promotion rights grant the right', async () => {
    const m = await merchant(c, await category(c, 0.05, 0.02));
    const d = await create('merchant', m, 'deposit', 1_000_000, 'bank_transfer');
    await finance.rpc('payment_confirm', { p_payment_id: d.id, p_channel_txn_id: `BT${uid()}` });
    expect(await balances(c, m)).toMatchObject({ deposit: 1_000_000 });
    const mem = await member(c);
    const r = await create('member', mem, 'promotion_rights', 19_900);
    await service.rpc('payment_confirm', { p_payment_id: r.id, p_channel_txn_id: `WX${uid()}` });
    expect(await val(c, 'select has_promotion_rights from members where id = $1', [mem])).toBe(true);
  });

  it('refuses a payer that does not fit the kind, a channel transaction used twice, and failing a paid payment', async () => {
    const mem = await member(c);
    const bad = await service.rpc('payment_create', {
      p_payment_no: `P${uid()}`, p_payer_type: 'member', p_payer_id: mem, p_kind: 'deposit', p_amount_fen: 100, p_channel: 'wechat',
    });
    expect(code(bad)).toBe('invalid_input');
    const a = await create('member', mem, 'reservation_rights', 990);
    const b = await create('member', mem, 'reservation_rights', 990);
    const txn = `WX${uid()}`;
    await service.rpc('payment_confirm', { p_payment_id: a.id, p_channel_txn_id: txn });
    expect(code(await service.rpc('payment_confirm', { p_payment_id: b.id, p_channel_txn_id: txn }))).toBe('duplicate_channel_txn');
    expect(code(await finance.rpc('payment_fail', { p_payment_id: a.id, p_reason: '超时' }))).toBe('illegal_transition');
    expect((await finance.rpc('payment_fail', { p_payment_id: b.id, p_reason: '超时' })).data.status).toBe('failed');
  });
});

describe('channel statements', () => {
  it('imports rows idempotently and lists matched, missing, extra and amount mismatches', async () => {
    const mem = await member(c);
    const day = '2020-02-02';
    const txns: string[] = [];
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const p = await create('member', mem, 'reservation_rights', 1_990);
      const t = `WXR${uid()}${i}`;
      await service.rpc('payment_confirm', { p_payment_id: p.id, p_channel_txn_id: t, p_paid_at: `${day}T10:0${i}:00+08:00` });
      txns.push(t);
      ids.push(p.id);
    }
    const ref = `WX-${uid()}`;
    const rows = [
      { statement_id: ref, channel: 'wechat', channel_txn_id: txns[0], amount_fen: 1990, occurred_at: `${day}T10:00:00+08:00` },
      { statement_id: ref, channel: 'wechat', channel_txn_id: txns[1], amount_fen: '1990', occurred_at: `${day}T10:01:00+08:00` },
      { statement_id: ref, channel: 'wechat', channel_txn_id: txns[2], amount_fen: 1900, occurred_at: `${day}T10:02:00+08:00` },
      { statement_id: ref, channel: 'wechat', channel_txn_id: `WXX${uid()}`, amount_fen: 500, occurred_at: `${day}T11:00:00+08:00` },
    ];
    const first = await finance.rpc('channel_statement_import', { p_rows: rows });
    expect(first.error).toBeNull();
    expect(first.data).toMatchObject({ rows: 4, inserted: 4 });
    expect((await finance.rpc('channel_statement_import', { p_rows: rows })).data).toMatchObject({ inserted: 0, skipped: 4 });
    expect(code(await finance.rpc('channel_statement_import', { p_rows: [{ ...rows[0], amount_fen: '12.5' }] }))).toBe('invalid_input');
    expect(code(await (await as('analyst')).rpc('channel_statement_import', { p_rows: rows }))).toBe('not_permitted');

    const { data } = await finance.from('v_payment_reconciliation').select('result, payment_id, channel_txn_id, diff_fen')
      .eq('channel', 'wechat').in('channel_txn_id', [...txns, rows[3].channel_txn_id]);
    const byTxn = Object.fromEntries(data!.map((r) => [r.channel_txn_id, r]));
    expect(byTxn[txns[0]].result).toBe('matched');
    expect(byTxn[txns[1]].result).toBe('matched');
    expect(byTxn[txns[2]]).toMatchObject({ result: 'amount_mismatch', diff_fen: -90 });
    expect(byTxn[txns[3]]).toMatchObject({ result: 'missing', payment_id: ids[3] });
    expect(byTxn[rows[3].channel_txn_id as string].result).toBe('extra');
    const only = await finance.rpc('payment_reconciliation', { p_channel: 'wechat', p_from: day, p_to: day, p_only_problems: true });
    expect(only.data.map((r: { result: string }) => r.result).sort()).toEqual(expect.arrayContaining(['amount_mismatch', 'extra', 'missing']));
  });
});

describe('access', () => {
  it('admin, finance, customer service and analyst read payments; reviewer reads none; only finance and admin refund', async () => {
    for (const role of ['admin', 'finance', 'customer_service', 'analyst'] as const) {
      expect((await (await as(role)).from('v_payments').select('id').limit(1)).data!.length).toBe(1);
    }
    const reviewer = await as('reviewer');
    expect((await reviewer.from('v_payments').select('id').limit(1)).data).toEqual([]);
    expect((await reviewer.from('v_payment_reconciliation').select('result').limit(1)).data).toEqual([]);
    const anyPaid = await val<string>(c, `select id from payments where status = 'succeeded' limit 1`);
    for (const role of ['analyst', 'customer_service', 'reviewer'] as const) {
      expect(code(await (await as(role)).rpc('payment_refund', { p_payment_id: anyPaid, p_reason: 'x' }))).toBe('not_permitted');
    }
    const anon = await (await import('../support/stack.ts')).anonClient();
    expect((await anon.from('payments').select('id').limit(1)).data ?? []).toEqual([]);
  });
});
