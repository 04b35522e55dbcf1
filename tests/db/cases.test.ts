// Case work that customer service and reviewers finish in the panel: complaints taken by phone,
// bulk assignment, promotion rights with a coded reason, binding disputes (unbind, rebind: the
// future only) and bulk suspend/resume of merchants. Each function's role and region refusals,
// its audit rows, and what it must leave alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { SupabaseClient } from '@supabase/supabase-js';
import { as, db, serviceClient } from '../support/stack.ts';
import { CITY_A, CITY_B, auditRows, ensureRegions, expectFail, makeListing, makeMember, makeMerchant, makeReservation, makeScopedStaff, uniq } from './core-fixtures.ts';
import { installFixtures, trade } from './money-fixtures.ts';

let pgc: pg.Client;
let serviceA: { id: string; client: SupabaseClient };
let reviewerA: { id: string; client: SupabaseClient };
const q = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => (await pgc.query(sql, params)).rows[0] as T;

const complaint = async (merchant: string, member: string, state = 'submitted') =>
  (await q<{ id: string }>(
    `insert into public.complaints (member_id, merchant_id, category, title, content, city_code, state, outcome,
       first_response_due_at, resolution_due_at)
     select $1, $2, 'other', '测试投诉', '内容', m.city_code, $3::public.complaint_state,
       case when $3 in ('resolved', 'closed') then 'not_upheld'::public.complaint_outcome end, now() + interval '1 day', now() + interval '7 days'
     from public.merchants m where m.id = $2 returning id`, [member, merchant, state])).id;

beforeAll(async () => {
  pgc = await db();
  await ensureRegions(pgc);
  await installFixtures(pgc);
  serviceA = await makeScopedStaff(pgc, 'customer_service', [CITY_A]);
  reviewerA = await makeScopedStaff(pgc, 'reviewer', [CITY_A]);
}, 60_000);

afterAll(async () => {
  await pgc.end();
});

describe('complaints taken by phone', () => {
  it('customer service files for a member: source phone, the agent recorded and audited', async () => {
    const merchant = await makeMerchant(pgc);
    const member = await makeMember(pgc);
    const listing = await makeListing(pgc, merchant, { review: 'approved', shelf: 'on' });
    const reservation = await makeReservation(pgc, member, listing);
    const { data, error } = await serviceA.client.rpc('complaint_submit', {
      p_member_id: member, p_merchant_id: merchant, p_category: 'attitude', p_title: '电话投诉：接待态度差',
      p_content: '会员来电称到店看车时销售不理睬', p_reservation_id: reservation, p_images: ['complaints/x/a.jpg'],
    });
    expect(error).toBeNull();
    expect(data).toMatchObject({ source: 'phone', created_by: serviceA.id, reservation_id: reservation, state: 'submitted' });
    const audit = await auditRows(pgc, data.id, 'complaint.submit');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: serviceA.id, region_code: CITY_A });
    expect(audit[0].after).toMatchObject({ source: 'phone', created_by: serviceA.id });
    const view = await serviceA.client.from('v_complaints').select('source, created_by_name').eq('id', data.id).single();
    expect(view.data).toEqual({ source: 'phone', created_by_name: '区域员工' });
  });

  it('the member app (service key) files with source app and no agent', async () => {
    const merchant = await makeMerchant(pgc);
    const member = await makeMember(pgc);
    const { data, error } = await (await serviceClient()).rpc('complaint_submit', {
      p_member_id: member, p_merchant_id: merchant, p_category: 'price', p_title: '价格不符', p_content: '到店价格比标价高',
    });
    expect(error).toBeNull();
    expect(data).toMatchObject({ source: 'app', created_by: null });
  });

  it('is refused to an analyst, to a merchant of another city, and for a reservation with another merchant', async () => {
    const merchantA = await makeMerchant(pgc);
    const merchantB = await makeMerchant(pgc, { city: CITY_B });
    const member = await makeMember(pgc);
    const args = { p_member_id: member, p_category: 'other', p_title: '测试', p_content: '内容' };
    expectFail((await (await as('analyst')).rpc('complaint_submit', { ...args, p_merchant_id: merchantA })).error, 'not_permitted');
    expectFail((await serviceA.client.rpc('complaint_submit', { ...args, p_merchant_id: merchantB })).error, 'out_of_region');
    const other = await makeReservation(pgc, member, await makeListing(pgc, await makeMerchant(pgc), { review: 'approved', shelf: 'on' }));
    expectFail((await serviceA.client.rpc('complaint_submit', { ...args, p_merchant_id: merchantA, p_reservation_id: other })).error,
      'invalid_input');
  });
});

describe('bulk assignment of complaints', () => {
  it('assigns each row it may, reports the others by code, one history and audit row per assigned complaint', async () => {
    const merchantA = await makeMerchant(pgc);
    const merchantB = await makeMerchant(pgc, { city: CITY_B });
    const member = await makeMember(pgc);
    const [open1, open2, closed, outside] = [await complaint(merchantA, member), await complaint(merchantA, member, 'mediating'),
      await complaint(merchantA, member, 'closed'), await complaint(merchantB, member)];
    const agent = (await q<{ id: string }>(`select id from public.staff where email = 'service@demo.test'`)).id;
    const { data, error } = await serviceA.client.rpc('complaint_assign_bulk', { p_ids: [open1, open2, closed, outside], p_assignee: agent });
    expect(error).toBeNull();
    const byId = Object.fromEntries((data as { id: string; ok: boolean; error: string | null }[]).map((r) => [r.id, r.error ?? 'ok']));
    expect(byId).toEqual({ [open1]: 'ok', [open2]: 'ok', [closed]: 'illegal_transition', [outside]: 'out_of_region' });
    const rows = await pgc.query(`select id, assignee_id from public.complaints where id = any($1) order by id`, [[open1, open2, closed, outside]]);
    expect(Object.fromEntries(rows.rows.map((r) => [r.id, r.assignee_id]))).toEqual({ [open1]: agent, [open2]: agent, [closed]: null, [outside]: null });
    for (const id of [open1, open2]) {
      const audit = await auditRows(pgc, id, 'complaint.assign');
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actor_id: serviceA.id });
      expect(audit[0].after).toMatchObject({ assignee_id: agent });
    }
    expect(await auditRows(pgc, closed, 'complaint.assign')).toHaveLength(0);
  });

  it('refuses a role without complaints, an assignee who is not customer service, and an empty selection', async () => {
    const id = await complaint(await makeMerchant(pgc), await makeMember(pgc));
    const agent = (await q<{ id: string }>(`select id from public.staff where email = 'service@demo.test'`)).id;
    expectFail((await reviewerA.client.rpc('complaint_assign_bulk', { p_ids: [id], p_assignee: agent })).error, 'not_permitted');
    const analyst = (await q<{ id: string }>(`select id from public.staff where email = 'analyst@demo.test'`)).id;
    const res = await serviceA.client.rpc('complaint_assign_bulk', { p_ids: [id], p_assignee: analyst });
    expect(res.data).toEqual([{ id, ok: false, error: 'invalid_input' }]);
    expectFail((await serviceA.client.rpc('complaint_assign_bulk', { p_ids: [], p_assignee: agent })).error, 'invalid_input');
  });
});

describe('bulk suspend and resume of merchants', () => {
  it('suspends each active merchant in scope with the reason, audited per row; reports the rest', async () => {
    const [a1, a2] = [await makeMerchant(pgc), await makeMerchant(pgc)];
    const already = await makeMerchant(pgc, { status: 'suspended' });
    const outside = await makeMerchant(pgc, { city: CITY_B });
    const { data, error } = await reviewerA.client.rpc('merchant_set_status_bulk', {
      p_ids: [a1, a2, already, outside], p_suspend: true, p_reason_code: 'complaints', p_note: '集中投诉，暂停整改',
    });
    expect(error).toBeNull();
    const byId = Object.fromEntries((data as { id: string; error: string | null }[]).map((r) => [r.id, r.error ?? 'ok']));
    expect(byId).toEqual({ [a1]: 'ok', [a2]: 'ok', [already]: 'illegal_transition', [outside]: 'out_of_region' });
    const st = await pgc.query(`select id, status::text, status_reason from public.merchants where id = any($1)`, [[a1, a2, outside]]);
    expect(Object.fromEntries(st.rows.map((r) => [r.id, [r.status, r.status_reason]]))).toEqual({
      [a1]: ['suspended', 'complaints: 集中投诉，暂停整改'], [a2]: ['suspended', 'complaints: 集中投诉，暂停整改'], [outside]: ['active', null],
    });
    for (const id of [a1, a2]) {
      const audit = await auditRows(pgc, id, 'merchant.suspend');
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actor_id: reviewerA.id, reason: 'complaints: 集中投诉，暂停整改' });
    }
    const back = await reviewerA.client.rpc('merchant_set_status_bulk', { p_ids: [a1, a2], p_suspend: false, p_reason_code: 'rectified' });
    expect((back.data as { ok: boolean }[]).every((r) => r.ok)).toBe(true);
    expect((await q<{ n: number }>(`select count(*)::int as n from public.merchants where id = any($1) and status = 'active'`, [[a1, a2]])).n).toBe(2);
    expect(await auditRows(pgc, a1, 'merchant.resume')).toHaveLength(1);
  });

  it('needs a reviewer or admin and a reason', async () => {
    const m = await makeMerchant(pgc);
    expectFail((await serviceA.client.rpc('merchant_set_status_bulk', { p_ids: [m], p_suspend: true, p_reason_code: 'complaints' })).error,
      'not_permitted');
    expectFail((await reviewerA.client.rpc('merchant_set_status_bulk', { p_ids: [m], p_suspend: true, p_reason_code: '' })).error,
      'reason_required');
    expect((await q<{ status: string }>(`select status::text from public.merchants where id = $1`, [m])).status).toBe('active');
  });
});

describe('promotion rights with a coded reason', () => {
  it('a reviewer grants and revokes; the member action and the audit keep the code and note', async () => {
    const member = await makeMember(pgc);
    const grant = await reviewerA.client.rpc('member_set_promotion_rights', {
      p_id: member, p_enabled: true, p_reason_code: 'offline_payment', p_reason: '线下转账已核实',
    });
    expect(grant.error).toBeNull();
    expect(grant.data).toMatchObject({ has_promotion_rights: true });
    const act = await q(`select reason_code, note, actor_id from public.member_actions where member_id = $1 and action = 'grant_promotion_rights'`, [member]);
    expect(act).toEqual({ reason_code: 'offline_payment', note: '线下转账已核实', actor_id: reviewerA.id });
    expect((await auditRows(pgc, member, 'member.grant_promotion_rights'))[0]).toMatchObject({ reason: 'offline_payment: 线下转账已核实' });
    const revoke = await reviewerA.client.rpc('member_set_promotion_rights', { p_id: member, p_enabled: false, p_reason_code: 'fake_traffic' });
    expect(revoke.error).toBeNull();
    expect(await auditRows(pgc, member, 'member.revoke_promotion_rights')).toHaveLength(1);
    expectFail((await reviewerA.client.rpc('member_set_promotion_rights', { p_id: member, p_enabled: false, p_reason_code: 'fake_traffic' })).error,
      'illegal_transition');
  });

  it('is refused to customer service, without a reason, and for a member of another city', async () => {
    const member = await makeMember(pgc);
    const outside = await makeMember(pgc, { city: CITY_B });
    expectFail((await serviceA.client.rpc('member_set_promotion_rights', { p_id: member, p_enabled: true, p_reason_code: 'offline_payment' })).error,
      'not_permitted');
    expectFail((await reviewerA.client.rpc('member_set_promotion_rights', { p_id: member, p_enabled: true, p_reason: ' ' })).error, 'reason_required');
    expectFail((await reviewerA.client.rpc('member_set_promotion_rights', { p_id: outside, p_enabled: true, p_reason_code: 'offline_payment' })).error,
      'out_of_region');
  });
});

describe('binding disputes', () => {
  let merchant: string; let listing: string; let customer: string; let distA: string; let distB: string;
  let shareA: string; let shareB: string; let binding: string;

  beforeAll(async () => {
    merchant = await makeMerchant(pgc);
    listing = await makeListing(pgc, merchant, { review: 'approved', shelf: 'on' });
    customer = await makeMember(pgc);
    distA = await makeMember(pgc, { rights: true });
    distB = await makeMember(pgc, { rights: true });
    const share = async (d: string) => (await q<{ id: string }>(
      `insert into public.shares (code, distributor_id, listing_id, merchant_id) values ($1, $2, $3, $4) returning id`,
      [`S${uniq()}`.slice(0, 16), d, listing, merchant])).id;
    shareA = await share(distA);
    shareB = await share(distB);
    const click = await q<{ id: number }>(`insert into public.share_clicks (share_id, visitor_member_id) values ($1, $2) returning id`, [shareA, customer]);
    await pgc.query(`insert into public.share_clicks (share_id, visitor_member_id) values ($1, $2)`, [shareB, customer]);
    binding = (await q<{ id: string }>(
      `insert into public.customer_bindings (member_id, distributor_id, merchant_id, share_id, click_id, bound_at, expires_at)
       values ($1, $2, $3, $4, $5, now() - interval '3 days', now() + interval '27 days') returning id`,
      [customer, distA, merchant, shareA, click.id])).id;
  });

  it('refuses customer service, a reviewer of another city, the current distributor and a share of another merchant', async () => {
    expectFail((await serviceA.client.rpc('binding_rebind', { p_id: binding, p_share_id: shareB, p_reason_code: 'wrong_distributor' })).error,
      'not_permitted');
    const reviewerB = await makeScopedStaff(pgc, 'reviewer', [CITY_B]);
    expectFail((await reviewerB.client.rpc('binding_rebind', { p_id: binding, p_share_id: shareB, p_reason_code: 'wrong_distributor' })).error,
      'out_of_region');
    expectFail((await reviewerB.client.rpc('binding_end', { p_id: binding, p_reason_code: 'customer_request' })).error, 'out_of_region');
    expectFail((await reviewerA.client.rpc('binding_rebind', { p_id: binding, p_share_id: shareA, p_reason_code: 'wrong_distributor' })).error,
      'invalid_input');
    const otherMerchant = await makeMerchant(pgc);
    const foreign = (await q<{ id: string }>(
      `insert into public.shares (code, distributor_id, listing_id, merchant_id) values ($1, $2, $3, $4) returning id`,
      [`F${uniq()}`.slice(0, 16), distB, await makeListing(pgc, otherMerchant, { review: 'approved', shelf: 'on' }), otherMerchant])).id;
    expectFail((await reviewerA.client.rpc('binding_rebind', { p_id: binding, p_share_id: foreign, p_reason_code: 'wrong_distributor' })).error,
      'invalid_input');
    expectFail((await reviewerA.client.rpc('binding_rebind', { p_id: binding, p_share_id: shareB, p_reason_code: '' })).error, 'reason_required');
    expect((await q(`select ended_at from public.customer_bindings where id = $1`, [binding])).ended_at).toBeNull();
  });

  it('the evidence: share, clicks, bindings, reservations, commissions and the shares it could move to', async () => {
    await trade(pgc, merchant, customer, distA, 1_000_000);
    const { data, error } = await reviewerA.client.rpc('binding_evidence', { p_id: binding });
    expect(error).toBeNull();
    expect(data.binding).toMatchObject({ id: binding, distributor_id: distA, is_active: true });
    expect(data.share).toMatchObject({ id: shareA, click_count: 1 });
    expect(data.click).toMatchObject({ visitor_member_id: customer });
    expect(data.clicks.map((k: { share_id: string }) => k.share_id).sort()).toEqual([shareA, shareB].sort());
    expect(data.reservations).toHaveLength(1);
    // commissions follow their own policy: a reviewer sees none, an admin sees the distributor's
    expect(data.commissions).toEqual([]);
    const asAdmin = await (await as('admin')).rpc('binding_evidence', { p_id: binding });
    expect(asAdmin.data.commissions).toEqual([expect.objectContaining({ beneficiary_id: distA, tier: 1 })]);
    expect(data.candidate_shares).toEqual([expect.objectContaining({ id: shareB, distributor_id: distB, clicked_by_customer: true })]);
  });

  it('a rebind moves future reservations to the new distributor; what was made and earned stays', async () => {
    const before = await pgc.query(`select c.id, c.beneficiary_id, c.amount_fen, c.status::text, t.distributor_id as trade_distributor
      from public.commissions c join public.trades t on t.id = c.trade_id where t.member_id = $1 order by c.id`, [customer]);
    expect(before.rows).toHaveLength(1);
    const oldReservations = await pgc.query(`select id, distributor_id from public.reservations where member_id = $1 order by id`, [customer]);

    const { data, error } = await reviewerA.client.rpc('binding_rebind', {
      p_id: binding, p_share_id: shareB, p_reason_code: 'wrong_distributor', p_note: '客户确认由乙推荐',
    });
    expect(error).toBeNull();
    expect(data).toMatchObject({ distributor_id: distB, share_id: shareB, replaces_id: binding, created_by: reviewerA.id, ended_at: null });
    expect(await q(`select end_reason, ended_by from public.customer_bindings where id = $1`, [binding]))
      .toEqual({ end_reason: 'wrong_distributor: 客户确认由乙推荐', ended_by: reviewerA.id });
    const audit = await auditRows(pgc, binding, 'customer_binding.rebind');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: reviewerA.id, region_code: CITY_A, reason: 'wrong_distributor: 客户确认由乙推荐' });
    expect(audit[0].before).toMatchObject({ distributor_id: distA });
    expect(audit[0].after).toMatchObject({ distributor_id: distB, binding_id: data.id });

    // existing commissions, trades and reservations untouched
    const after = await pgc.query(`select c.id, c.beneficiary_id, c.amount_fen, c.status::text, t.distributor_id as trade_distributor
      from public.commissions c join public.trades t on t.id = c.trade_id where t.member_id = $1 order by c.id`, [customer]);
    expect(after.rows).toEqual(before.rows);
    expect((await pgc.query(`select id, distributor_id from public.reservations where member_id = $1 order by id`, [customer])).rows)
      .toEqual(oldReservations.rows);

    // the next reservation goes to the new distributor; the old one is refused
    const next = await makeReservation(pgc, customer, listing);
    expect((await q(`select distributor_id from public.reservations where id = $1`, [next])).distributor_id).toBe(distB);
    await expect(makeReservation(pgc, customer, listing, { distributor: distA })).rejects.toThrow(/binding_mismatch/);
    await trade(pgc, merchant, customer, distB, 500_000);
    const byBeneficiary = await pgc.query(`select c.beneficiary_id, count(*)::int as n from public.commissions c
      join public.trades t on t.id = c.trade_id where t.member_id = $1 group by 1`, [customer]);
    expect(Object.fromEntries(byBeneficiary.rows.map((r) => [r.beneficiary_id, r.n]))).toEqual({ [distA]: 1, [distB]: 1 });
  });

  it('unbinding ends the binding: later reservations carry no distributor; an ended binding cannot be ended again', async () => {
    const current = (await q<{ id: string }>(`select id from public.customer_bindings where member_id = $1 and ended_at is null`, [customer])).id;
    const { error } = await reviewerA.client.rpc('binding_end', { p_id: current, p_reason_code: 'customer_request' });
    expect(error).toBeNull();
    expect(await auditRows(pgc, current, 'customer_binding.end')).toHaveLength(1);
    const later = await makeReservation(pgc, customer, listing);
    expect((await q(`select distributor_id from public.reservations where id = $1`, [later])).distributor_id).toBeNull();
    expectFail((await reviewerA.client.rpc('binding_end', { p_id: current, p_reason_code: 'customer_request' })).error, 'illegal_transition');
  });
});
