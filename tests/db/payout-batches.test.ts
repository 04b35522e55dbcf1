// Payout batches: the batch file, the bank's result import (row errors, idempotent, one result
// per withdrawal whatever runs at once), the four-eyes refusals, manual payout and
// reconciliation; ledger_check after every scenario.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { SupabaseClient } from '@supabase/supabase-js';
import { as, db, serviceClient } from '../support/stack.ts';
import { bank, code, credit, extraStaff, installFixtures, ledgerProblems, member, val } from './money-fixtures.ts';
import { CITY_A, CITY_B, ensureRegions, makeScopedStaff } from './core-fixtures.ts';

let c: pg.Client;
let finance: SupabaseClient;
let finance2: { id: string; client: SupabaseClient };
let service: SupabaseClient;
const wno = () => `PT${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

interface W { id: string; withdrawal_no: string; net_fen: number; state: string }

beforeAll(async () => {
  c = await db();
  await installFixtures(c);
  finance = await as('finance');
  service = await serviceClient();
  finance2 = await extraStaff(c, 'finance');
});
afterAll(async () => {
  expect(await ledgerProblems(c)).toEqual([]);
  await c.end();
});

/** An approved withdrawal of a new member, approved by `approver`. */
async function approved(approver: SupabaseClient, amount = 30_000): Promise<W> {
  const owner = await member(c);
  await credit(c, 'member', owner, amount);
  const bankId = await bank(c, 'member', owner);
  const { data, error } = await service.rpc('withdrawal_apply', {
    p_withdrawal_no: wno(), p_owner_type: 'member', p_owner_id: owner, p_amount_fen: amount, p_bank_account_id: bankId,
  });
  expect(error).toBeNull();
  expect((await approver.rpc('withdrawal_claim', { p_id: data.id })).error).toBeNull();
  const ok = await approver.rpc('withdrawal_approve', { p_id: data.id });
  expect(ok.error).toBeNull();
  return ok.data as W;
}

const state = (id: string) => val<string>(c, 'select state::text from public.withdrawals where id = $1', [id]);
const paidJournals = (id: string) =>
  val<number>(c, `select count(*)::int from public.ledger_journals where kind = 'withdrawal_paid' and ref_id = $1`, [id]);

describe('making a batch', () => {
  it('leaves out what the maker approved (four eyes) and starts the payout of the rest', async () => {
    const mine = await approved(finance);
    const theirs = await approved(finance2.client);
    const res = await finance.rpc('payout_batch_create', { p_withdrawal_ids: [mine.id, theirs.id], p_bank_template: 'cmb' });
    expect(res.error).toBeNull();
    expect(res.data.item_count).toBe(1);
    expect(res.data.total_fen).toBe(theirs.net_fen);
    expect(res.data.skipped).toEqual([{ id: mine.id, withdrawal_no: mine.withdrawal_no, code: 'four_eyes' }]);
    expect(res.data.batch_no).toMatch(/^PB\d{12}/);
    expect(await state(theirs.id)).toBe('paying');
    expect(await state(mine.id)).toBe('approved');
    const b = (await c.query('select * from public.payout_batches where id = $1', [res.data.id])).rows[0];
    expect(b).toMatchObject({ bank_template: 'cmb', item_count: 1, state: 'paying', made_by: (await c.query(
      `select id from public.staff where email = 'finance@demo.test'`)).rows[0].id });
    expect(await val<number>(c, `select count(*)::int from public.audit_log where action = 'payout_batch.create' and entity_id = $1`,
      [res.data.id])).toBe(1);
  });

  it('refuses a batch of nothing payable, an unknown template, and roles other than finance', async () => {
    const mine = await approved(finance);
    expect(code(await finance.rpc('payout_batch_create', { p_withdrawal_ids: [mine.id] }))).toBe('nothing_to_pay');
    expect(code(await finance2.client.rpc('payout_batch_create', { p_withdrawal_ids: [mine.id], p_bank_template: 'abc' })))
      .toBe('invalid_input');
    for (const role of ['analyst', 'reviewer', 'customer_service'] as const) {
      expect(code(await (await as(role)).rpc('payout_batch_create', { p_withdrawal_ids: [mine.id] }))).toBe('not_permitted');
    }
    expect(await state(mine.id)).toBe('approved');
    expect(await val<number>(c, 'select count(*)::int from public.payout_batch_items where withdrawal_id = $1', [mine.id])).toBe(0);
  });

  it('the template is a money setting (icbc or cmb only)', async () => {
    const admin = await as('admin');
    expect(code(await admin.rpc('money_settings_update', { p_changes: { payout_bank_template: 'boc' }, p_reason: '测试' })))
      .toBe('invalid_input');
    const now = await val<string>(c, 'select payout_bank_template from public.money_settings');
    expect(['icbc', 'cmb']).toContain(now);
  });
});

describe('the bank file', () => {
  it('holds the full account number for finance, audited per download; others are refused', async () => {
    const w = await approved(finance2.client);
    const { data: batch } = await finance.rpc('payout_batch_create', { p_withdrawal_ids: [w.id] });
    const file = await finance.rpc('payout_batch_file', { p_batch_id: batch.id });
    expect(file.error).toBeNull();
    const full = await val<string>(c, 'select app.decrypt_account_no(payee_account_enc) from public.withdrawals where id = $1', [w.id]);
    expect(file.data).toEqual([expect.objectContaining({
      row_no: 1, withdrawal_no: w.withdrawal_no, account_no: full, amount_fen: w.net_fen, payee_name: '测试户名', bank_name: '中国工商银行',
    })]);
    expect(full).toMatch(/^\d{19}$/);
    await finance.rpc('payout_batch_file', { p_batch_id: batch.id });
    expect(await val<number>(c, `select count(*)::int from public.audit_log where action = 'payout_batch.download' and entity_id = $1`,
      [batch.id])).toBe(2);
    expect(await val<number>(c, 'select downloads from public.payout_batches where id = $1', [batch.id])).toBe(2);
    expect(code(await (await as('analyst')).rpc('payout_batch_file', { p_batch_id: batch.id }))).toBe('not_permitted');
    // the list view has no account numbers at all
    const { data: items } = await finance.from('v_payout_batch_items').select('*').eq('batch_id', batch.id);
    expect(JSON.stringify(items)).not.toContain(full);
  });
});

/** A batch of `n` withdrawals approved by finance2, made by finance. */
async function batchOf(n: number): Promise<{ id: string; ws: W[] }> {
  const ws: W[] = [];
  for (let i = 0; i < n; i++) ws.push(await approved(finance2.client, 20_000 + i * 1_000));
  const { data, error } = await finance.rpc('payout_batch_create', { p_withdrawal_ids: ws.map((w) => w.id) });
  expect(error).toBeNull();
  return { id: data.id, ws };
}

describe('importing the bank result', () => {
  it('marks rows paid or failed, reports mismatches per row, and completes the batch', async () => {
    const { id, ws } = await batchOf(3);
    const other = await batchOf(1);
    const rows = [
      { line: 2, withdrawal_no: ws[0].withdrawal_no, amount_fen: ws[0].net_fen, success: true, serial: `BK${ws[0].id.slice(0, 8)}` },
      { line: 3, withdrawal_no: ws[1].withdrawal_no, amount_fen: ws[1].net_fen, success: false, reason: '户名不符' },
      { line: 4, withdrawal_no: ws[2].withdrawal_no, amount_fen: ws[2].net_fen + 1, success: true, serial: 'BK00000001' },
      { line: 5, withdrawal_no: 'NOSUCHNO01', amount_fen: 100, success: true, serial: 'BK00000002' },
      { line: 6, withdrawal_no: other.ws[0].withdrawal_no, amount_fen: other.ws[0].net_fen, success: true, serial: 'BK00000003' },
    ];
    const res = await finance.rpc('payout_batch_import', { p_batch_id: id, p_rows: rows, p_file_name: 'result.csv' });
    expect(res.error).toBeNull();
    expect(res.data.applied).toBe(2);
    expect(res.data.rows.map((r: { line: number; outcome: string; code?: string }) => [r.line, r.outcome, r.code ?? null])).toEqual([
      [2, 'applied', null], [3, 'applied', null], [4, 'error', 'amount_mismatch'], [5, 'error', 'unknown_withdrawal'],
      [6, 'error', 'not_in_batch'],
    ]);
    expect(await state(ws[0].id)).toBe('paid');
    expect(await state(ws[1].id)).toBe('pay_failed');
    expect(await state(ws[2].id)).toBe('paying');
    expect(await state(other.ws[0].id)).toBe('paying');
    expect(await val<string>(c, 'select fail_reason from public.withdrawals where id = $1', [ws[1].id])).toBe('户名不符');
    expect(await val<string>(c, 'select state::text from public.payout_batches where id = $1', [id])).toBe('paying');

    // the third withdrawal by its row number (rows follow the ids), with the right amount: the batch is complete
    const rowNo = await val<number>(c, 'select row_no from public.payout_batch_items where withdrawal_id = $1', [ws[2].id]);
    const last = await finance.rpc('payout_batch_import', {
      p_batch_id: id, p_rows: [{ line: 2, row_no: rowNo, amount_fen: ws[2].net_fen, success: true, serial: `BK${ws[2].id.slice(0, 8)}` }],
    });
    expect(last.data.applied, JSON.stringify(last)).toBe(1);
    const b = (await c.query('select state::text, paid_count, failed_count, completed_at from public.payout_batches where id = $1', [id])).rows[0];
    expect(b).toMatchObject({ state: 'completed', paid_count: 2, failed_count: 1 });
    expect(b.completed_at).not.toBeNull();

    // the same file again changes nothing: no state, history, journal or audit row
    const before = await val<number>(c, `select count(*)::int from public.withdrawal_history where withdrawal_id = any($1)`, [ws.map((w) => w.id)]);
    const audits = await val<number>(c, `select count(*)::int from public.audit_log where entity_id = $1`, [id]);
    const again = await finance.rpc('payout_batch_import', { p_batch_id: id, p_rows: rows });
    expect(again.data.applied).toBe(0);
    expect(again.data.rows.slice(0, 2).map((r: { outcome: string }) => r.outcome)).toEqual(['unchanged', 'unchanged']);
    expect(await val<number>(c, `select count(*)::int from public.withdrawal_history where withdrawal_id = any($1)`, [ws.map((w) => w.id)]))
      .toBe(before);
    expect(await val<number>(c, `select count(*)::int from public.audit_log where entity_id = $1`, [id])).toBe(audits);
    expect(await paidJournals(ws[0].id)).toBe(1);

    // another result for a decided row is an error, never a change
    const flip = await finance.rpc('payout_batch_import', {
      p_batch_id: id, p_rows: [{ line: 2, withdrawal_no: ws[0].withdrawal_no, amount_fen: ws[0].net_fen, success: false, reason: '退票' }],
    });
    expect(flip.data.rows[0]).toMatchObject({ outcome: 'error', code: 'already_final' });
    expect(await state(ws[0].id)).toBe('paid');
  });

  it('the same file imported by two people at once applies every row once', async () => {
    const { id, ws } = await batchOf(4);
    const rows = ws.map((w, i) => ({ line: i + 2, withdrawal_no: w.withdrawal_no, amount_fen: w.net_fen,
      success: i !== 3, serial: `CC${w.id.slice(0, 8)}`, reason: i === 3 ? '账户冻结' : undefined }));
    const admin = await as('admin');
    const results = await Promise.all([finance, admin, finance, admin].map((cl) =>
      cl.rpc('payout_batch_import', { p_batch_id: id, p_rows: rows })));
    for (const r of results) expect(r.error).toBeNull();
    expect(results.reduce((n, r) => n + r.data.applied, 0)).toBe(4);
    for (const r of results) expect(r.data.errors).toBe(0);
    for (const w of ws.slice(0, 3)) {
      expect(await state(w.id)).toBe('paid');
      expect(await paidJournals(w.id)).toBe(1);
      expect(await val<number>(c, `select count(*)::int from public.withdrawal_history where withdrawal_id = $1 and to_state = 'paid'`, [w.id])).toBe(1);
    }
    expect(await state(ws[3].id)).toBe('pay_failed');
    expect(await val<string>(c, 'select state::text from public.payout_batches where id = $1', [id])).toBe('completed');
  });

  it('a row the importer approved is refused (four eyes) and the others go on', async () => {
    const theirs = await approved(finance2.client);
    const mine = await approved(finance);
    // made by a third person, so both rows are in the batch
    const admin = await as('admin');
    const { data: batch, error } = await admin.rpc('payout_batch_create', { p_withdrawal_ids: [theirs.id, mine.id] });
    expect(error).toBeNull();
    expect(batch.item_count).toBe(2);
    const res = await finance.rpc('payout_batch_import', { p_batch_id: batch.id, p_rows: [
      { line: 2, withdrawal_no: theirs.withdrawal_no, amount_fen: theirs.net_fen, success: true, serial: `FE${theirs.id.slice(0, 8)}` },
      { line: 3, withdrawal_no: mine.withdrawal_no, amount_fen: mine.net_fen, success: true, serial: `FE${mine.id.slice(0, 8)}` },
    ] });
    expect(res.data.rows.map((r: { outcome: string; code?: string }) => r.code ?? r.outcome)).toEqual(['applied', 'four_eyes']);
    expect(await state(mine.id)).toBe('paying');
    expect(await paidJournals(mine.id)).toBe(0);
  });

  it('a region-scoped importer gets out_of_region for another city’s row', async () => {
    await ensureRegions(c);
    const { id, ws } = await batchOf(1);
    await c.query('update public.payout_batch_items set city_code = $2 where batch_id = $1', [id, CITY_B]);
    const scoped = (await makeScopedStaff(c, 'finance', [CITY_A])).client;
    const res = await scoped.rpc('payout_batch_import', { p_batch_id: id, p_rows: [
      { line: 2, withdrawal_no: ws[0].withdrawal_no, amount_fen: ws[0].net_fen, success: true, serial: 'OR000001' },
    ] });
    expect(res.data.rows[0]).toMatchObject({ outcome: 'error', code: 'out_of_region' });
    expect(await state(ws[0].id)).toBe('paying');
  });
});

describe('manual payout and reconciliation', () => {
  it('a proof uploaded to payout-proofs, paid by someone other than the approver; recon set with a reason', async () => {
    const w = await approved(finance2.client);
    const path = `withdrawals/${w.id}/proof.pdf`;
    const up = await finance.storage.from('payout-proofs').upload(path, new Blob(['%PDF-1.4 test'], { type: 'application/pdf' }));
    expect(up.error).toBeNull();
    // the reviewer may neither upload nor read proofs
    const reviewer = await as('reviewer');
    const rv = await reviewer.storage.from('payout-proofs').download(path);
    expect(rv.data).toBeNull();
    const manual = { p_id: w.id, p_proof_url: `payout-proofs/${path}`, p_reference: `MP${w.id.slice(0, 8)}` };
    expect(code(await finance2.client.rpc('withdrawal_manual_paid', manual))).toBe('four_eyes');
    const paid = await finance.rpc('withdrawal_manual_paid', manual);
    expect(paid.error).toBeNull();
    expect(paid.data).toMatchObject({ state: 'paid', manual_proof_url: `payout-proofs/${path}` });
    const set = await finance.rpc('withdrawal_set_recon', { p_id: w.id, p_status: 'matched', p_note: '与银行流水一致' });
    expect(set.data.recon_status).toBe('matched');
    const a = (await c.query(`select reason from public.audit_log where action = 'withdrawal.reconcile' and entity_id = $1`, [w.id])).rows;
    expect(a).toEqual([{ reason: '与银行流水一致' }]);
  });
});
