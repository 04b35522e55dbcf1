// The payee account verification queue (收款账户核验): v_bank_accounts says which accounts wait,
// who entered them and who decided; verifying takes someone other than whoever entered the
// account; a rejection needs a reason, takes the account out of the queue and out of use, and
// adding the account again puts it back for a new check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { SupabaseClient } from '@supabase/supabase-js';
import { as, db, serviceClient } from '../support/stack.ts';
import { code, credit, extraStaff, installFixtures, ledgerProblems, member, val } from './money-fixtures.ts';

let c: pg.Client;
let finance: SupabaseClient;
let financeId: string;
let finance2: { id: string; client: SupabaseClient };
let service: SupabaseClient;
let reviewer: SupabaseClient;

beforeAll(async () => {
  c = await db();
  await installFixtures(c);
  finance = await as('finance');
  financeId = await val<string>(c, "select id::text from public.staff where email = 'finance@demo.test'");
  finance2 = await extraStaff(c, 'finance');
  service = await serviceClient();
  reviewer = await as('reviewer');
});
afterAll(async () => {
  expect(await ledgerProblems(c)).toEqual([]);
  await c.end();
});

const row = async (client: SupabaseClient, id: string) => {
  const { data, error } = await client.from('v_bank_accounts').select('*').eq('id', id).single();
  expect(error).toBeNull();
  return data as Record<string, unknown>;
};
const wno = () => `WP${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

describe('payee account verification', () => {
  it('queues a new account with who entered it; the enterer cannot verify; a rejection needs a reason and stops withdrawals; re-adding queues it again', async () => {
    const owner = await member(c);
    await credit(c, 'member', owner, 100_000);
    const args = { p_owner_type: 'member', p_owner_id: owner, p_holder_name: '核验测试', p_bank_name: '建设银行', p_account_no: '6217000010009876543' };
    const added = await finance.rpc('bank_account_add', args);
    expect(added.error).toBeNull();
    const id = added.data as string;

    const queued = await row(finance, id);
    expect(queued).toMatchObject({ review_state: 'pending', added_by: financeId, verified: false, rejected_at: null });
    expect(queued.added_by_name).toBeTruthy();
    const { data: queue } = await finance.from('v_bank_accounts').select('id').eq('review_state', 'pending').eq('id', id);
    expect(queue).toHaveLength(1);

    expect(code(await finance.rpc('bank_account_verify', { p_id: id }))).toBe('four_eyes');
    expect(code(await finance2.client.rpc('bank_account_verify', { p_id: id, p_verified: false }))).toBe('reason_required');
    expect(code(await reviewer.rpc('bank_account_verify', { p_id: id, p_verified: false, p_reason: '户名不符' }))).toBe('not_permitted');
    expect((await finance2.client.rpc('bank_account_verify', { p_id: id, p_verified: false, p_reason: '户名与实名信息不一致' })).error).toBeNull();

    const rejected = await row(finance, id);
    expect(rejected).toMatchObject({ review_state: 'rejected', reject_reason: '户名与实名信息不一致', verified: false });
    expect(rejected.rejected_by_name).toBeTruthy();
    const audit = await c.query("select action, actor_id::text, reason from public.audit_log where entity = 'bank_account' and entity_id = $1 order by id", [id]);
    expect(audit.rows.map((r) => r.action)).toEqual(['bank_account.add', 'bank_account.reject']);
    expect(audit.rows[1]).toMatchObject({ actor_id: finance2.id, reason: '户名与实名信息不一致' });

    const refused = await service.rpc('withdrawal_apply', {
      p_withdrawal_no: wno(), p_owner_type: 'member', p_owner_id: owner, p_amount_fen: 50_000, p_bank_account_id: id,
    });
    expect(code(refused)).toBe('bank_account_unverified');

    // the owner submits it again (the app backend): back in the queue, the rejection cleared
    expect((await service.rpc('bank_account_add', { ...args, p_holder_name: '核验测试二' })).data).toBe(id);
    expect(await row(finance, id)).toMatchObject({ review_state: 'pending', rejected_at: null, reject_reason: null, added_by: null });
    expect((await finance.rpc('bank_account_verify', { p_id: id })).error).toBeNull();
    const verified = await row(finance2.client, id);
    expect(verified).toMatchObject({ review_state: 'verified', verified: true, verified_by: financeId });
    expect(verified.verified_by_name).toBeTruthy();
    const applied = await service.rpc('withdrawal_apply', {
      p_withdrawal_no: wno(), p_owner_type: 'member', p_owner_id: owner, p_amount_fen: 50_000, p_bank_account_id: id,
    });
    expect(applied.error).toBeNull();
  });
});
