// R-WDR: withdrawal rules, the state machine, four eyes, never pay twice, never below zero,
// whatever runs at once; RLS and masking; ledger_check after every scenario.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { SupabaseClient } from '@supabase/supabase-js';
import { as, db, serviceClient } from '../support/stack.ts';
import {
  balances, bank, category, code, credit, extraStaff, installFixtures, ledgerProblems, member, merchant, one, val,
} from './money-fixtures.ts';

let c: pg.Client;
let finance: SupabaseClient;
let finance2: { id: string; client: SupabaseClient };
let service: SupabaseClient;
let cat: number;
const wno = () => `WT${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

beforeAll(async () => {
  c = await db();
  await installFixtures(c);
  finance = await as('finance');
  service = await serviceClient();
  finance2 = await extraStaff(c, 'finance');
  cat = await category(c, 0.05, 0.02, 200_000);
});
afterAll(async () => {
  expect(await ledgerProblems(c)).toEqual([]);
  await c.end();
});

async function funded(amount: number, ownerType: 'member' | 'merchant' = 'member') {
  const owner = ownerType === 'member' ? await member(c) : await merchant(c, cat);
  await credit(c, ownerType, owner, amount);
  const bankId = await bank(c, ownerType, owner);
  return { owner, bankId };
}

async function apply(client: SupabaseClient, owner: string, amount: number, bankId: string, ownerType = 'member', no = wno()) {
  return client.rpc('withdrawal_apply', {
    p_withdrawal_no: no, p_owner_type: ownerType, p_owner_id: owner, p_amount_fen: amount, p_bank_account_id: bankId,
  });
}

describe('apply', () => {
  it('locks the amount at once and is idempotent on the withdrawal number', async () => {
    const { owner, bankId } = await funded(100_000);
    const no = wno();
    const first = await apply(service, owner, 60_000, bankId, 'member', no);
    expect(first.error).toBeNull();
    expect(first.data.state).toBe('applied');
    expect(await balances(c, owner)).toMatchObject({ available: 40_000, locked: 60_000 });
    const again = await apply(service, owner, 60_000, bankId, 'member', no);
    expect(again.data.id).toBe(first.data.id);
    expect(await balances(c, owner)).toMatchObject({ available: 40_000, locked: 60_000 });
    expect(code(await apply(service, owner, 50_000, bankId, 'member', no))).toBe('idempotency_conflict');
  });

  it('refuses below the minimum, an unverified account, more than available, and a second open request', async () => {
    const { owner, bankId } = await funded(100_000);
    expect(code(await apply(service, owner, 9_999, bankId))).toBe('below_minimum');
    const unverified = await bank(c, 'member', owner, false);
    expect(code(await apply(service, owner, 20_000, unverified))).toBe('bank_account_unverified');
    const other = await funded(100_000);
    expect(code(await apply(service, owner, 20_000, other.bankId))).toBe('bank_account_invalid');
    expect(code(await apply(service, owner, 100_001, bankId))).toBe('insufficient_balance');
    expect((await apply(service, owner, 30_000, bankId)).error).toBeNull();
    expect(code(await apply(service, owner, 30_000, bankId))).toBe('already_open');
  });

  it('a merchant keeps its deposit: balance − amount ≥ the unpaid part of the required deposit', async () => {
    const { owner, bankId } = await funded(500_000, 'merchant');
    expect(code(await apply(service, owner, 400_000, bankId, 'merchant'))).toBe('deposit_required');
    expect((await apply(service, owner, 300_000, bankId, 'merchant')).error).toBeNull();
  });

  it('a suspended merchant with an open complaint cannot withdraw', async () => {
    const m = await merchant(c, cat, null, 'suspended');
    await credit(c, 'merchant', m, 1_000_000);
    const bankId = await bank(c, 'merchant', m);
    const buyer = await member(c);
    await c.query(
      `insert into public.complaints (member_id, merchant_id, city_code, category, title, content, first_response_due_at, resolution_due_at)
       values ($1, $2, '110100', 'attitude', '测试投诉', '态度差', now() + interval '1 day', now() + interval '7 days')`,
      [buyer, m],
    );
    expect(code(await apply(service, m, 100_000, bankId, 'merchant'))).toBe('suspended_with_complaints');
  });

  it('only finance, admin or the backend may apply; reviewer and customer service may not', async () => {
    const { owner, bankId } = await funded(100_000);
    for (const role of ['reviewer', 'customer_service', 'analyst'] as const) {
      const res = await apply(await as(role), owner, 20_000, bankId);
      expect(code(res)).toBe('not_permitted');
    }
  });
});

describe('review and payout', () => {
  it('applied → in_review → approved → paying → pay_failed → paying (same number) → paid', async () => {
    const { owner, bankId } = await funded(200_000);
    const { data: w } = await apply(service, owner, 150_000, bankId);
    expect((await finance.rpc('withdrawal_claim', { p_id: w.id })).data.state).toBe('in_review');
    expect((await finance.rpc('withdrawal_approve', { p_id: w.id })).data.state).toBe('approved');
    // four eyes: whoever approved does not pay it out
    expect(code(await finance.rpc('withdrawal_start_payout', { p_id: w.id }))).toBe('four_eyes');
    expect((await finance2.client.rpc('withdrawal_start_payout', { p_id: w.id })).data.state).toBe('paying');
    expect(await balances(c, owner)).toMatchObject({ available: 50_000, locked: 0 });
    expect((await finance2.client.rpc('withdrawal_mark_failed', { p_id: w.id, p_reason: '银行退票' })).data.state).toBe('pay_failed');
    const retry = await finance2.client.rpc('withdrawal_start_payout', { p_id: w.id });
    expect(retry.data.state).toBe('paying');
    expect(retry.data.withdrawal_no).toBe(w.withdrawal_no);
    expect(retry.data.payout_attempts).toBe(2);
    const paid = await service.rpc('withdrawal_mark_paid', { p_id: w.id, p_channel_txn_id: `BT${w.id.slice(0, 8)}` });
    expect(paid.data.state).toBe('paid');
    expect(code(await finance.rpc('withdrawal_mark_paid', { p_id: w.id, p_channel_txn_id: 'BTAGAIN1' }))).toBe('illegal_transition');
    const j = await val<number>(c, `select count(*)::int from ledger_journals where kind = 'withdrawal_paid' and ref_id = $1`, [w.id]);
    expect(j).toBe(1);
    const hist = await c.query('select from_state, to_state from withdrawal_history where withdrawal_id = $1 order by id', [w.id]);
    expect(hist.rows.map((r) => r.to_state)).toEqual(['applied', 'in_review', 'approved', 'paying', 'pay_failed', 'paying', 'paid']);
    const audit = await val<number>(c, `select count(*)::int from audit_log where entity = 'withdrawal' and entity_id = $1`, [w.id]);
    expect(audit).toBeGreaterThanOrEqual(7);
  });

  it('reject needs a reason and unlocks the funds; a failed payout given up returns them', async () => {
    const { owner, bankId } = await funded(100_000);
    const { data: w } = await apply(service, owner, 80_000, bankId);
    await finance.rpc('withdrawal_claim', { p_id: w.id });
    expect(code(await finance.rpc('withdrawal_reject', { p_id: w.id, p_reason_code: '', p_note: '' }))).toBe('reason_required');
    expect((await finance.rpc('withdrawal_reject', { p_id: w.id, p_reason_code: 'info_mismatch', p_note: '户名不符' })).data.state).toBe('rejected');
    expect(await balances(c, owner)).toMatchObject({ available: 100_000, locked: 0 });

    const { data: w2 } = await apply(service, owner, 70_000, bankId);
    await finance.rpc('withdrawal_claim', { p_id: w2.id });
    await finance.rpc('withdrawal_approve', { p_id: w2.id });
    await finance2.client.rpc('withdrawal_start_payout', { p_id: w2.id });
    await finance2.client.rpc('withdrawal_mark_failed', { p_id: w2.id, p_reason: '账户冻结' });
    expect((await finance.rpc('withdrawal_return_funds', { p_id: w2.id, p_reason: '放弃打款' })).data.state).toBe('refunded');
    expect(await balances(c, owner)).toMatchObject({ available: 100_000, locked: 0 });
  });

  it('cancel by the applicant unlocks; cancel after review started is illegal', async () => {
    const { owner, bankId } = await funded(100_000);
    const { data: w } = await apply(service, owner, 50_000, bankId);
    expect((await service.rpc('withdrawal_cancel', { p_id: w.id })).data.state).toBe('cancelled');
    expect(await balances(c, owner)).toMatchObject({ available: 100_000, locked: 0 });
    const { data: w2 } = await apply(service, owner, 50_000, bankId);
    await finance.rpc('withdrawal_claim', { p_id: w2.id });
    expect(code(await service.rpc('withdrawal_cancel', { p_id: w2.id }))).toBe('illegal_transition');
  });

  it('above the threshold a second, different finance user must approve before any payout', async () => {
    const { owner, bankId } = await funded(20_000_000);
    const { data: w } = await apply(service, owner, 6_000_000, bankId);
    await finance.rpc('withdrawal_claim', { p_id: w.id });
    const approved = await finance.rpc('withdrawal_approve', { p_id: w.id });
    expect(approved.data.needs_second_approval).toBe(true);
    expect(code(await finance.rpc('withdrawal_start_payout', { p_id: w.id }))).toBe('second_approval_required');
    expect(code(await finance.rpc('withdrawal_approve_second', { p_id: w.id }))).toBe('second_approver_required');
    const second = await finance2.client.rpc('withdrawal_approve_second', { p_id: w.id });
    expect(second.error).toBeNull();
    expect(second.data.second_approved_by).toBe(finance2.id);
    expect(code(await finance2.client.rpc('withdrawal_approve_second', { p_id: w.id }))).toBe('illegal_transition');
    // neither approver pays it out: the payout backend does
    expect(code(await finance.rpc('withdrawal_start_payout', { p_id: w.id }))).toBe('four_eyes');
    expect(code(await finance2.client.rpc('withdrawal_start_payout', { p_id: w.id }))).toBe('four_eyes');
    expect((await service.rpc('withdrawal_start_payout', { p_id: w.id })).data.state).toBe('paying');
  });

  it('manual payout needs proof and a payer who is not an approver', async () => {
    const { owner, bankId } = await funded(300_000);
    const { data: w } = await apply(service, owner, 200_000, bankId);
    await finance.rpc('withdrawal_claim', { p_id: w.id });
    await finance.rpc('withdrawal_approve', { p_id: w.id });
    expect(code(await finance2.client.rpc('withdrawal_manual_paid', { p_id: w.id, p_proof_url: '', p_reference: 'REF12345' }))).toBe('proof_required');
    expect(code(await finance.rpc('withdrawal_manual_paid', { p_id: w.id, p_proof_url: 'proofs/a.pdf', p_reference: 'REF12345' }))).toBe('four_eyes');
    const paid = await finance2.client.rpc('withdrawal_manual_paid', { p_id: w.id, p_proof_url: 'proofs/a.pdf', p_reference: `MAN${w.id.slice(0, 8)}` });
    expect(paid.data.state).toBe('paid');
    expect(await balances(c, owner)).toMatchObject({ available: 100_000, locked: 0 });
  });
});

describe('concurrency', () => {
  it('50 concurrent approvals of one withdrawal → exactly one effect', async () => {
    const { owner, bankId } = await funded(100_000);
    const { data: w } = await apply(service, owner, 50_000, bankId);
    await finance.rpc('withdrawal_claim', { p_id: w.id });
    const results = await Promise.all(Array.from({ length: 50 }, () => finance.rpc('withdrawal_approve', { p_id: w.id })));
    expect(results.filter((r) => !r.error)).toHaveLength(1);
    expect(results.filter((r) => r.error).every((r) => r.error!.message === 'illegal_transition')).toBe(true);
    expect(await val<number>(c, `select count(*)::int from withdrawal_history where withdrawal_id = $1 and to_state = 'approved'`, [w.id])).toBe(1);
  });

  it('two finance users approving at once → one approval', async () => {
    const { owner, bankId } = await funded(100_000);
    const { data: w } = await apply(service, owner, 50_000, bankId);
    await finance.rpc('withdrawal_claim', { p_id: w.id });
    const [a, b] = await Promise.all([
      finance.rpc('withdrawal_approve', { p_id: w.id }),
      finance2.client.rpc('withdrawal_approve', { p_id: w.id }),
    ]);
    expect([a.error, b.error].filter((e) => e === null)).toHaveLength(1);
    expect([a.error?.message, b.error?.message].filter(Boolean)).toEqual(['illegal_transition']);
  });

  it('50 concurrent payouts and 50 concurrent paid callbacks → paid once, one payout journal', async () => {
    const { owner, bankId } = await funded(100_000);
    const { data: w } = await apply(service, owner, 50_000, bankId);
    await finance.rpc('withdrawal_claim', { p_id: w.id });
    await finance.rpc('withdrawal_approve', { p_id: w.id });
    const starts = await Promise.all(Array.from({ length: 50 }, () => finance2.client.rpc('withdrawal_start_payout', { p_id: w.id })));
    expect(starts.filter((r) => !r.error)).toHaveLength(1);
    const paid = await Promise.all(Array.from({ length: 50 }, (_, i) =>
      service.rpc('withdrawal_mark_paid', { p_id: w.id, p_channel_txn_id: `CB${i}${w.id.slice(0, 6)}` })));
    expect(paid.filter((r) => !r.error)).toHaveLength(1);
    expect(await val<number>(c, `select count(*)::int from ledger_journals where ref_id = $1 and kind in ('withdrawal_payout', 'withdrawal_paid')`, [w.id])).toBe(2);
    expect(await balances(c, owner)).toMatchObject({ available: 50_000, locked: 0 });
  });

  it('50 concurrent applications → one open request and no negative balance', async () => {
    const { owner, bankId } = await funded(100_000);
    const results = await Promise.all(Array.from({ length: 50 }, () => apply(service, owner, 80_000, bankId)));
    expect(results.filter((r) => !r.error)).toHaveLength(1);
    expect(new Set(results.filter((r) => r.error).map((r) => r.error!.message))).toEqual(new Set(['already_open']));
    expect(await val<number>(c, `select count(*)::int from withdrawals where owner_id = $1 and state = 'applied'`, [owner])).toBe(1);
    expect(await balances(c, owner)).toMatchObject({ available: 20_000, locked: 80_000 });
  });
});

describe('access and masking', () => {
  it('reviewer and customer service see no withdrawals or bank accounts; analyst sees masked ones', async () => {
    const { owner, bankId } = await funded(100_000);
    const { data: w } = await apply(service, owner, 50_000, bankId);
    for (const role of ['reviewer', 'customer_service'] as const) {
      const client = await as(role);
      expect((await client.from('v_withdrawals').select('id').eq('id', w.id)).data).toEqual([]);
      expect((await client.from('v_bank_accounts').select('id').eq('id', bankId)).data).toEqual([]);
    }
    const analyst = await as('analyst');
    const row = (await analyst.from('v_withdrawals').select('payee_name, payee_account_masked').eq('id', w.id).single()).data!;
    expect(row.payee_account_masked).toMatch(/^\*\*\*\* \d{4}$/);
    expect(row.payee_name).toMatch(/^测\*+$/);
    expect(code(await analyst.rpc('bank_account_reveal', { p_id: bankId }))).toBe('not_permitted');
    expect(code(await analyst.rpc('withdrawal_claim', { p_id: w.id }))).toBe('not_permitted');
    // the ciphertext column is not selectable at all
    expect((await finance.from('bank_accounts').select('account_no_enc').eq('id', bankId)).error).not.toBeNull();
    const full = await finance.rpc('bank_account_reveal', { p_id: bankId });
    expect(full.data).toMatch(/^6222\d{15}$/);
    expect((await finance.from('v_withdrawals').select('payee_name').eq('id', w.id).single()).data!.payee_name).toBe('测试户名');
  });

  it('nobody writes money tables directly', async () => {
    const admin = await as('admin');
    const res = await admin.from('withdrawals').update({ state: 'paid' }).eq('state', 'applied');
    expect(res.error).not.toBeNull();
    const led = await admin.from('ledger_entries').insert({ journal_id: 1, account_id: 1, amount_fen: 1 });
    expect(led.error).not.toBeNull();
  });

  it('the daily report puts history totals next to the ledger payouts', async () => {
    const { data } = await finance.rpc('withdrawal_report', { p_from: '2000-01-01', p_to: '2100-01-01' });
    const total = data.find((r: { day: string | null }) => r.day === null);
    expect(Number(total.paid_count)).toBeGreaterThan(0);
    expect(Number(total.diff_fen)).toBe(0);
  });

  it('ledger_check is empty', async () => {
    expect(await ledgerProblems(c)).toEqual([]);
    expect((await one<{ n: number }>(c, 'select count(*)::int as n from ledger_check()')).n).toBe(0);
  });
});
