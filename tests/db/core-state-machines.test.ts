// Every core state machine (docs/DOMAIN.md) through the real supabase-js, signed in per role:
// each legal transition, illegal ones with their error code, role refusals, and the history
// and audit rows each transition writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { SupabaseClient } from '@supabase/supabase-js';
import { as, db, serviceClient } from '../support/stack.ts';
import {
  CITY_A,
  auditRows,
  ensureRegions,
  expectFail,
  makeListing,
  makeMember,
  makeMerchant,
  makeModel,
  makeReservation,
  uniq,
} from './core-fixtures.ts';

let pgc: pg.Client;
let svc: SupabaseClient;

beforeAll(async () => {
  pgc = await db();
  await ensureRegions(pgc);
  svc = await serviceClient();
});
afterAll(async () => {
  await pgc.end();
});

async function rpc<T = Record<string, unknown>>(client: SupabaseClient, fn: string, args: Record<string, unknown>) {
  const { data, error } = await client.rpc(fn, args);
  return { data: data as T, error };
}

async function ok<T = Record<string, unknown>>(client: SupabaseClient, fn: string, args: Record<string, unknown>): Promise<T> {
  const { data, error } = await rpc<T>(client, fn, args);
  expect(error, `${fn}: ${error?.message} ${error?.details}`).toBeNull();
  return data;
}

describe('merchant application', () => {
  let appId: string;

  beforeAll(async () => {
    const { rows } = await pgc.query(
      `insert into public.merchant_applications (company_name, kind, city_code, address, contact_name, contact_phone, licence_no)
       values ($1, 'rental', $2, '测试路1号', '周经理', '13712345678', '91980100MA12345678') returning id`,
      [`测试租车${uniq()}`, CITY_A],
    );
    appId = rows[0].id;
  });

  it('refuses to submit without the documents its type needs', async () => {
    expectFail((await rpc(svc, 'merchant_application_submit', { p_id: appId })).error, 'documents_missing');
    await pgc.query(
      `insert into public.merchant_application_documents (application_id, version, doc_type, file_url)
       values ($1, 1, 'business_licence', 'x.jpg')`,
      [appId],
    );
    // a rental shop also needs a road transport permit
    expectFail((await rpc(svc, 'merchant_application_submit', { p_id: appId })).error, 'documents_missing');
    await pgc.query(
      `insert into public.merchant_application_documents (application_id, version, doc_type, file_url)
       values ($1, 1, 'road_transport_permit', 'y.jpg')`,
      [appId],
    );
  });

  it('draft → submitted → in_review → need_more_info → submitted (v2) → in_review → rejected → submitted (v3) → in_review → approved', async () => {
    const reviewer = await as('reviewer');
    let a = await ok(svc, 'merchant_application_submit', { p_id: appId });
    expect(a.state).toBe('submitted');
    expectFail((await rpc(reviewer, 'merchant_application_approve', { p_id: appId, p_fee_plan: 'yearly' })).error, 'illegal_transition');
    expectFail((await rpc(await as('analyst'), 'merchant_application_claim', { p_id: appId })).error, 'not_permitted');
    a = await ok(reviewer, 'merchant_application_claim', { p_id: appId });
    expect(a.state).toBe('in_review');
    expectFail((await rpc(reviewer, 'merchant_application_request_info', { p_id: appId, p_field_comments: {} })).error, 'reason_required');
    a = await ok(reviewer, 'merchant_application_request_info', { p_id: appId, p_field_comments: { licence_image_url: '模糊' } });
    expect(a.state).toBe('need_more_info');
    a = await ok(svc, 'merchant_application_submit', { p_id: appId });
    expect([a.state, a.version]).toEqual(['submitted', 2]);
    await ok(reviewer, 'merchant_application_claim', { p_id: appId });
    expectFail((await rpc(reviewer, 'merchant_application_reject', { p_id: appId, p_reason_code: '' })).error, 'reason_required');
    a = await ok(reviewer, 'merchant_application_reject', { p_id: appId, p_reason_code: 'licence_invalid', p_note: '执照过期' });
    expect(a.state).toBe('rejected');
    a = await ok(svc, 'merchant_application_submit', { p_id: appId });
    expect(a.version).toBe(3);
    await ok(reviewer, 'merchant_application_claim', { p_id: appId });
    // another reviewer cannot decide an application claimed by someone else (admin can)
    a = await ok(reviewer, 'merchant_application_approve', { p_id: appId, p_fee_plan: 'quarterly' });
    expect(a.state).toBe('approved');
    expect(a.merchant_id).toBeTruthy();
    const { rows: m } = await pgc.query('select status, application_id, kind from public.merchants where id = $1', [a.merchant_id]);
    expect(m[0]).toMatchObject({ status: 'approved', application_id: appId, kind: 'rental' });
    const { rows: versions } = await pgc.query('select version from public.merchant_application_versions where application_id = $1 order by 1', [appId]);
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3]);
    const { rows: hist } = await pgc.query(
      'select from_state, to_state from public.merchant_application_history where application_id = $1 order by id',
      [appId],
    );
    expect(hist.map((h) => `${h.from_state}>${h.to_state}`)).toEqual([
      'draft>submitted', 'submitted>in_review', 'in_review>need_more_info', 'need_more_info>submitted', 'submitted>in_review',
      'in_review>rejected', 'rejected>submitted', 'submitted>in_review', 'in_review>approved',
    ]);
    const audit = await auditRows(pgc, appId, 'merchant_application.approve');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_email: 'reviewer@demo.test', region_code: CITY_A });
    // PII is not copied into the audit log
    expect(JSON.stringify(audit[0].after)).not.toContain('13712345678');
  });
});

describe('merchant', () => {
  it('approved → active needs the fee; active ⇄ suspended; grace → lapsed → active; closing → closed', async () => {
    const id = await makeMerchant(pgc, { status: 'approved', feePaid: false });
    const admin = await as('admin');
    const reviewer = await as('reviewer');
    expectFail((await rpc(admin, 'merchant_activate', { p_id: id })).error, 'fee_unpaid');
    await pgc.query('update public.merchants set fee_paid_until = current_date + 30 where id = $1', [id]);
    expect((await ok(admin, 'merchant_activate', { p_id: id })).status).toBe('active');
    expectFail((await rpc(await as('customer_service'), 'merchant_suspend', { p_id: id, p_reason_code: 'x' })).error, 'not_permitted');
    expectFail((await rpc(reviewer, 'merchant_suspend', { p_id: id, p_reason_code: '' })).error, 'reason_required');
    expect((await ok(reviewer, 'merchant_suspend', { p_id: id, p_reason_code: 'complaints', p_note: '投诉过多' })).status).toBe('suspended');
    expectFail((await rpc(reviewer, 'merchant_suspend', { p_id: id, p_reason_code: 'complaints' })).error, 'illegal_transition');
    expect((await ok(reviewer, 'merchant_resume', { p_id: id, p_reason_code: 'rectified' })).status).toBe('active');
    expect(await auditRows(pgc, id, 'merchant.suspend')).toHaveLength(1);

    // the fee lapses: the scheduled sweep moves it to grace, then lapsed; paying again renews
    await pgc.query('update public.merchants set fee_paid_until = current_date - 1 where id = $1', [id]);
    await ok(svc, 'merchant_sweep_fees', { p_city: CITY_A });
    expect((await pgc.query('select status from public.merchants where id = $1', [id])).rows[0].status).toBe('grace');
    await pgc.query('update public.merchants set fee_paid_until = current_date - 100 where id = $1', [id]);
    await ok(svc, 'merchant_sweep_fees', { p_city: CITY_A });
    expect((await pgc.query('select status from public.merchants where id = $1', [id])).rows[0].status).toBe('lapsed');
    await pgc.query('update public.merchants set fee_paid_until = current_date + 365 where id = $1', [id]);
    expect((await ok(admin, 'merchant_activate', { p_id: id })).status).toBe('active');
    expect(await auditRows(pgc, id, 'merchant.renew')).toHaveLength(1);

    expectFail((await rpc(reviewer, 'merchant_start_closing', { p_id: id, p_reason_code: 'exit' })).error, 'not_permitted');
    expect((await ok(admin, 'merchant_start_closing', { p_id: id, p_reason_code: 'owner_request' })).status).toBe('closing');
    expect((await ok(admin, 'merchant_close', { p_id: id })).status).toBe('closed');
    expectFail((await rpc(admin, 'merchant_resume', { p_id: id, p_reason_code: 'x' })).error, 'illegal_transition');
    const { rows } = await pgc.query('select from_status, to_status from public.merchant_status_history where merchant_id = $1 order by id', [id]);
    expect(rows.map((r) => r.to_status)).toEqual(['active', 'suspended', 'active', 'grace', 'lapsed', 'active', 'closing', 'closed']);
  });

  it('changes category and commission rate with a reason, admin only, audited', async () => {
    const id = await makeMerchant(pgc);
    expectFail((await rpc(await as('finance'), 'merchant_set_commission', { p_id: id, p_category_id: 1, p_rate_override: 0.01, p_reason: 'x' })).error, 'not_permitted');
    const admin = await as('admin');
    expectFail((await rpc(admin, 'merchant_set_commission', { p_id: id, p_category_id: 1, p_rate_override: 0.01, p_reason: '' })).error, 'reason_required');
    const m = await ok(admin, 'merchant_set_commission', { p_id: id, p_category_id: 2, p_rate_override: 0.0125, p_reason: '大客户优惠' });
    expect(Number(m.commission_rate_override)).toBe(0.0125);
    expect(await auditRows(pgc, id, 'merchant.set_commission')).toHaveLength(1);
  });
});

describe('listing', () => {
  it('review: draft → pending → rejected → pending → approved; shelf: off → on → forced_off, back to off only after a new approval', async () => {
    const merchant = await makeMerchant(pgc);
    const id = await makeListing(pgc, merchant);
    const reviewer = await as('reviewer');
    expectFail((await rpc(reviewer, 'listing_approve', { p_id: id })).error, 'illegal_transition');
    expect((await ok(svc, 'listing_submit', { p_id: id })).review_state).toBe('pending');
    expectFail((await rpc(await as('customer_service'), 'listing_approve', { p_id: id })).error, 'not_permitted');
    expectFail((await rpc(reviewer, 'listing_reject', { p_id: id, p_reason_code: '' })).error, 'reason_required');
    expect((await ok(reviewer, 'listing_reject', { p_id: id, p_reason_code: 'photos_unclear' })).review_state).toBe('rejected');
    await ok(svc, 'listing_submit', { p_id: id });
    expect((await ok(reviewer, 'listing_approve', { p_id: id })).review_state).toBe('approved');
    expect((await ok(svc, 'listing_shelve', { p_id: id })).shelf_state).toBe('on');
    expectFail((await rpc(svc, 'listing_shelve', { p_id: id })).error, 'illegal_transition');
    const forced = await ok(reviewer, 'listing_force_off', { p_id: id, p_reason_code: 'false_info', p_note: '描述不实' });
    expect(forced.shelf_state).toBe('forced_off');
    expectFail((await rpc(svc, 'listing_shelve', { p_id: id })).error, 'illegal_transition');
    // a material edit (price) sends the approved listing back to review
    const admin = await as('admin');
    const { error } = await admin.from('listings').update({ price_fen: 11000000 }).eq('id', id);
    expect(error).toBeNull();
    const { rows } = await pgc.query('select review_state, shelf_state from public.listings where id = $1', [id]);
    expect(rows[0]).toEqual({ review_state: 'pending', shelf_state: 'forced_off' });
    const again = await ok(reviewer, 'listing_approve', { p_id: id });
    expect([again.review_state, again.shelf_state]).toEqual(['approved', 'off']);
    expect((await ok(svc, 'listing_shelve', { p_id: id })).shelf_state).toBe('on');
    expect((await ok(svc, 'listing_unshelve', { p_id: id })).shelf_state).toBe('off');
    expect(await auditRows(pgc, id, 'listing.force_off')).toHaveLength(1);
    expect(await auditRows(pgc, id, 'listing.approve')).toHaveLength(2);
    const { rows: hist } = await pgc.query('select dimension, to_state from public.listing_history where listing_id = $1 order by id', [id]);
    expect(hist.map((h) => `${h.dimension}:${h.to_state}`)).toEqual([
      'review:pending', 'review:rejected', 'review:pending', 'review:approved', 'shelf:on', 'shelf:forced_off', 'review:pending',
      'review:approved', 'shelf:off', 'shelf:on', 'shelf:off',
    ]);
  });

  it('cannot go on shelf while the merchant is suspended', async () => {
    const merchant = await makeMerchant(pgc, { status: 'suspended' });
    const id = await makeListing(pgc, merchant, { review: 'approved' });
    expectFail((await rpc(svc, 'listing_shelve', { p_id: id })).error, 'merchant_inactive');
  });

  it('bulk approve and bulk delist report per id', async () => {
    const merchant = await makeMerchant(pgc);
    const a = await makeListing(pgc, merchant, { review: 'pending' });
    const b = await makeListing(pgc, merchant, { review: 'pending' });
    const c = await makeListing(pgc, merchant, { review: 'draft' });
    const reviewer = await as('reviewer');
    const res = await ok<{ id: string; ok: boolean; error: string | null }[]>(reviewer, 'listing_bulk_approve', { p_ids: [a, b, c] });
    expect(res.map((r) => [r.id, r.ok, r.error])).toEqual([[a, true, null], [b, true, null], [c, false, 'illegal_transition']]);
    await ok(svc, 'listing_shelve', { p_id: a });
    expectFail((await rpc(reviewer, 'listing_bulk_delist', { p_ids: [a, b], p_reason_code: '' })).error, 'reason_required');
    expectFail((await rpc(await as('analyst'), 'listing_bulk_delist', { p_ids: [a], p_reason_code: 'x' })).error, 'not_permitted');
    const del = await ok<{ ok: boolean }[]>(reviewer, 'listing_bulk_delist', { p_ids: [a, b], p_reason_code: 'policy', p_note: '批量下架' });
    expect(del.every((r) => r.ok)).toBe(true);
    const { rows } = await pgc.query('select shelf_state from public.listings where id = any($1)', [[a, b]]);
    expect(rows.every((r) => r.shelf_state === 'forced_off')).toBe(true);
  });

  it('trade: available ⇄ maintenance, any → retired, nothing back from retired', async () => {
    const merchant = await makeMerchant(pgc, { kind: 'rental' });
    const id = await makeListing(pgc, merchant, { kind: 'rental', review: 'approved' });
    expect((await ok(svc, 'listing_set_trade_state', { p_id: id, p_to: 'maintenance' })).trade_state).toBe('maintenance');
    expect((await ok(svc, 'listing_set_trade_state', { p_id: id, p_to: 'available' })).trade_state).toBe('available');
    expectFail((await rpc(svc, 'listing_set_trade_state', { p_id: id, p_to: 'sold' })).error, 'invalid_input');
    expect((await ok(svc, 'listing_set_trade_state', { p_id: id, p_to: 'retired' })).trade_state).toBe('retired');
    expectFail((await rpc(svc, 'listing_set_trade_state', { p_id: id, p_to: 'available' })).error, 'illegal_transition');
  });

  it('authenticated cannot update state columns directly, not even admin', async () => {
    const merchant = await makeMerchant(pgc);
    const id = await makeListing(pgc, merchant);
    const { error } = await (await as('admin')).from('listings').update({ review_state: 'approved' }).eq('id', id);
    expect(error?.code).toBe('42501');
    const { error: e2 } = await (await as('admin')).from('merchants').update({ status: 'suspended' }).eq('id', merchant);
    expect(e2?.code).toBe('42501');
  });
});

describe('reservation', () => {
  it('purchase: created → confirmed → visited → deal_pending → deal_closed (trade) → voided (trade voided)', async () => {
    const merchant = await makeMerchant(pgc);
    const listing = await makeListing(pgc, merchant, { review: 'approved', shelf: 'on' });
    const member = await makeMember(pgc);
    const id = await makeReservation(pgc, member, listing, { checkin: '123456' });
    const cs = await as('customer_service');
    expectFail((await rpc(cs, 'reservation_transition', { p_id: id, p_to: 'deal_closed' })).error, 'illegal_transition');
    expectFail((await rpc(cs, 'reservation_transition', { p_id: id, p_to: 'confirmed' })).error, 'not_permitted');
    expect((await ok(svc, 'reservation_transition', { p_id: id, p_to: 'confirmed' })).state).toBe('confirmed');
    expect((await pgc.query('select trade_state from public.listings where id = $1', [listing])).rows[0].trade_state).toBe('on_hold');
    expectFail((await rpc(svc, 'reservation_transition', { p_id: id, p_to: 'visited', p_checkin_code: '000000' })).error, 'invalid_input');
    await ok(svc, 'reservation_transition', { p_id: id, p_to: 'visited', p_checkin_code: '123456' });
    expectFail((await rpc(svc, 'reservation_transition', { p_id: id, p_to: 'deal_pending' })).error, 'invalid_input');
    await ok(svc, 'reservation_transition', { p_id: id, p_to: 'deal_pending', p_deal_amount_fen: 11800000, p_evidence: ['c.jpg'] });
    expectFail((await rpc(await as('reviewer'), 'reservation_verify_deal', { p_id: id })).error, 'not_permitted');
    expect((await ok(cs, 'reservation_verify_deal', { p_id: id, p_note: '合同已核验' })).state).toBe('deal_closed');
    const { rows: t } = await pgc.query('select status, amount_fen, kind, merchant_id from public.trades where reservation_id = $1', [id]);
    expect(t[0]).toMatchObject({ status: 'closed', amount_fen: '11800000', kind: 'sale', merchant_id: merchant });
    expect((await pgc.query('select trade_state from public.listings where id = $1', [listing])).rows[0].trade_state).toBe('sold');
    expectFail((await rpc(cs, 'reservation_void', { p_id: id, p_reason_code: '' })).error, 'reason_required');
    expectFail((await rpc(await as('analyst'), 'reservation_void', { p_id: id, p_reason_code: 'x' })).error, 'not_permitted');
    expect((await ok(cs, 'reservation_void', { p_id: id, p_reason_code: 'deal_cancelled' })).state).toBe('voided');
    expect((await pgc.query('select status from public.trades where reservation_id = $1', [id])).rows[0].status).toBe('voided');
    expectFail((await rpc(cs, 'reservation_void', { p_id: id, p_reason_code: 'again' })).error, 'illegal_transition');
    expect(await auditRows(pgc, id, 'reservation.deal_closed')).toHaveLength(1);
    const { rows: hist } = await pgc.query('select to_state from public.reservation_history where reservation_id = $1 order by id', [id]);
    expect(hist.map((h) => h.to_state)).toEqual(['confirmed', 'visited', 'deal_pending', 'deal_closed', 'voided']);
  });

  it('rental: deal_closed → in_use → returned → settled, listing follows', async () => {
    const merchant = await makeMerchant(pgc, { kind: 'rental' });
    const listing = await makeListing(pgc, merchant, { kind: 'rental', review: 'approved', shelf: 'on' });
    const id = await makeReservation(pgc, await makeMember(pgc), listing);
    await ok(svc, 'reservation_transition', { p_id: id, p_to: 'confirmed' });
    await ok(svc, 'reservation_transition', { p_id: id, p_to: 'visited' });
    await ok(svc, 'reservation_transition', { p_id: id, p_to: 'deal_pending', p_deal_amount_fen: 90000 });
    await ok(await as('admin'), 'reservation_verify_deal', { p_id: id });
    expect((await pgc.query('select kind from public.trades where reservation_id = $1', [id])).rows[0].kind).toBe('rental');
    await ok(svc, 'reservation_transition', { p_id: id, p_to: 'in_use' });
    expect((await pgc.query('select trade_state from public.listings where id = $1', [listing])).rows[0].trade_state).toBe('rented_out');
    await ok(svc, 'reservation_transition', { p_id: id, p_to: 'returned' });
    expect((await pgc.query('select trade_state from public.listings where id = $1', [listing])).rows[0].trade_state).toBe('available');
    expect((await ok(await as('customer_service'), 'reservation_transition', { p_id: id, p_to: 'settled' })).state).toBe('settled');
  });

  it('cancellations, no-show, no-deal and expiry; a purchase cannot go in_use', async () => {
    const merchant = await makeMerchant(pgc);
    const listing = await makeListing(pgc, merchant, { review: 'approved', shelf: 'on' });
    const member = await makeMember(pgc);
    const r1 = await makeReservation(pgc, member, listing);
    expectFail((await rpc(svc, 'reservation_transition', { p_id: r1, p_to: 'cancelled_by_merchant' })).error, 'reason_required');
    await ok(svc, 'reservation_transition', { p_id: r1, p_to: 'cancelled_by_merchant', p_reason_code: 'car_unavailable' });
    const r2 = await makeReservation(pgc, member, listing);
    await ok(svc, 'reservation_transition', { p_id: r2, p_to: 'confirmed' });
    await ok(svc, 'reservation_transition', { p_id: r2, p_to: 'cancelled_by_customer' });
    expect((await pgc.query('select trade_state from public.listings where id = $1', [listing])).rows[0].trade_state).toBe('available');
    const r3 = await makeReservation(pgc, member, listing);
    await ok(svc, 'reservation_transition', { p_id: r3, p_to: 'confirmed' });
    await ok(svc, 'reservation_transition', { p_id: r3, p_to: 'no_show' });
    const r4 = await makeReservation(pgc, member, listing);
    await ok(svc, 'reservation_transition', { p_id: r4, p_to: 'confirmed' });
    await ok(svc, 'reservation_transition', { p_id: r4, p_to: 'visited' });
    await ok(svc, 'reservation_transition', { p_id: r4, p_to: 'no_deal' });
    expectFail((await rpc(svc, 'reservation_transition', { p_id: r4, p_to: 'in_use' })).error, 'illegal_transition');
    const r5 = await makeReservation(pgc, member, listing);
    await pgc.query("update public.reservations set confirm_deadline = now() - interval '1 minute' where id = $1", [r5]);
    await ok(svc, 'reservation_run_timers', { p_city: CITY_A });
    expect((await pgc.query('select state from public.reservations where id = $1', [r5])).rows[0].state).toBe('auto_expired');
  });

  it('a trade is refunded once, by finance, customer service or admin; at ¥5,000 or more by two of them', async () => {
    const merchant = await makeMerchant(pgc);
    const listing = await makeListing(pgc, merchant, { review: 'approved', shelf: 'on' });
    const id = await makeReservation(pgc, await makeMember(pgc), listing);
    await ok(svc, 'reservation_transition', { p_id: id, p_to: 'confirmed' });
    await ok(svc, 'reservation_transition', { p_id: id, p_to: 'visited' });
    await ok(svc, 'reservation_transition', { p_id: id, p_to: 'deal_pending', p_deal_amount_fen: 5000000 });
    await ok(await as('customer_service'), 'reservation_verify_deal', { p_id: id });
    const trade = (await pgc.query('select id from public.trades where reservation_id = $1', [id])).rows[0].id;
    expectFail((await rpc(await as('reviewer'), 'trade_refund', { p_id: trade, p_reason_code: 'x' })).error, 'not_permitted');
    expect((await ok(await as('finance'), 'trade_refund', { p_id: trade, p_reason_code: 'customer_refund' })).status).toBe('closed');
    expectFail((await rpc(await as('finance'), 'trade_refund', { p_id: trade, p_reason_code: 'customer_refund' })).error, 'four_eyes');
    expect((await ok(await as('customer_service'), 'trade_refund', { p_id: trade, p_reason_code: 'customer_refund' })).status).toBe('refunded');
    expectFail((await rpc(await as('finance'), 'trade_refund', { p_id: trade, p_reason_code: 'again' })).error, 'illegal_transition');
    expect(await auditRows(pgc, trade, 'trade.refund_request')).toHaveLength(1);
    expect(await auditRows(pgc, trade, 'trade.refund')).toHaveLength(1);
  });
});

describe('distribution binding (R-PRO-2)', () => {
  it('a bound customer reserves that merchant only through the distributor, and does not see its contact', async () => {
    const merchant = await makeMerchant(pgc);
    const listing = await makeListing(pgc, merchant, { review: 'approved', shelf: 'on' });
    const distributor = await makeMember(pgc, { rights: true });
    const other = await makeMember(pgc, { rights: true });
    const customer = await makeMember(pgc);
    const plain = await makeMember(pgc);
    const { rows: s } = await pgc.query(
      `insert into public.shares (code, distributor_id, listing_id, merchant_id) values ($1, $2, $3, $4) returning id`,
      [uniq().slice(0, 12).replace(/[^A-Za-z0-9]/g, 'X').padEnd(6, 'X'), distributor, listing, merchant],
    );
    await pgc.query(
      `insert into public.customer_bindings (member_id, distributor_id, merchant_id, share_id, expires_at)
       values ($1, $2, $3, $4, now() + interval '30 days')`,
      [customer, distributor, merchant, s[0].id],
    );
    // a member without promotion rights cannot share
    await expect(
      pgc.query(`insert into public.shares (code, distributor_id, listing_id, merchant_id) values ('NORIGHTS1', $1, $2, $3)`, [plain, listing, merchant]),
    ).rejects.toThrow(/not_permitted/);
    const r = await makeReservation(pgc, customer, listing);
    const { rows } = await pgc.query('select distributor_id, share_id from public.reservations where id = $1', [r]);
    expect(rows[0]).toEqual({ distributor_id: distributor, share_id: s[0].id });
    await expect(makeReservation(pgc, customer, listing, { distributor: other })).rejects.toThrow(/binding_mismatch/);
    const bound = await ok(svc, 'public_merchant_contact', { p_merchant: merchant, p_member: customer });
    expect(bound).toMatchObject({ bound: true, contact_phone: null, distributor_id: distributor });
    const free = await ok(svc, 'public_merchant_contact', { p_merchant: merchant, p_member: plain });
    expect(free.bound).toBe(false);
    expect(String(free.contact_phone)).toMatch(/^1\d{10}$/);
    expect((await (await as('analyst')).rpc('public_merchant_contact', { p_merchant: merchant })).error?.message).toBe('not_permitted');
  });
});

describe('member actions (R-MEM-3)', () => {
  it('ban / unban / level / points with reasons, customer service or admin, audited', async () => {
    const id = await makeMember(pgc);
    const cs = await as('customer_service');
    expectFail((await rpc(await as('reviewer'), 'member_ban', { p_id: id, p_reason_code: 'fraud' })).error, 'not_permitted');
    expectFail((await rpc(cs, 'member_ban', { p_id: id, p_reason_code: '' })).error, 'reason_required');
    expect((await ok(cs, 'member_ban', { p_id: id, p_reason_code: 'fraud', p_note: '刷单' })).status).toBe('banned');
    expectFail((await rpc(cs, 'member_ban', { p_id: id, p_reason_code: 'fraud' })).error, 'illegal_transition');
    expect((await ok(cs, 'member_unban', { p_id: id, p_reason_code: 'appeal_accepted' })).status).toBe('active');
    expectFail((await rpc(cs, 'member_set_level', { p_id: id, p_level: 'gold', p_reason: '' })).error, 'reason_required');
    expect((await ok(cs, 'member_set_level', { p_id: id, p_level: 'gold', p_reason: '活动奖励' })).level).toBe('gold');
    expect((await ok(cs, 'member_adjust_points', { p_id: id, p_delta: 300, p_reason: '补偿' })).points).toBe(300);
    expectFail((await rpc(cs, 'member_adjust_points', { p_id: id, p_delta: -301, p_reason: '扣减' })).error, 'insufficient_points');
    expect((await ok(cs, 'member_adjust_points', { p_id: id, p_delta: -100, p_reason: '扣减' })).points).toBe(200);
    const { rows } = await pgc.query('select action, points_delta from public.member_actions where member_id = $1 order by id', [id]);
    expect(rows.map((r) => r.action)).toEqual(['ban', 'unban', 'level_change', 'points_adjust', 'points_adjust']);
    expect(await auditRows(pgc, id, 'member.ban')).toHaveLength(1);
    expect(await auditRows(pgc, id, 'member.points_adjust')).toHaveLength(2);
  });

  it('downline and upline chain follow the ltree path', async () => {
    const root = await makeMember(pgc);
    const child = await makeMember(pgc, { upline: root });
    const grandchild = await makeMember(pgc, { upline: child });
    const admin = await as('admin');
    const down = await ok<{ id: string; depth: number }[]>(admin, 'member_downline', { p_member: root });
    expect(down.map((d) => d.id).sort()).toEqual([child, grandchild].sort());
    const up = await ok<{ id: string }[]>(admin, 'member_upline_chain', { p_member: grandchild });
    expect(up.map((d) => d.id).sort()).toEqual([root, child].sort());
    await expect(pgc.query('update public.members set upline_id = null where id = $1', [child])).rejects.toThrow(/invalid_input/);
  });
});

describe('complaint', () => {
  async function newComplaint(merchant?: string) {
    const m = merchant ?? (await makeMerchant(pgc));
    const member = await makeMember(pgc);
    const c = await ok(svc, 'complaint_submit', {
      p_member_id: member, p_merchant_id: m, p_category: 'price', p_title: '到店加价', p_content: '到店后临时加价两千元',
    });
    return { id: c.id as string, merchant: m, complaint: c };
  }

  it('submitted → accepted → awaiting_merchant → mediating → resolved (penalty) → closed, with messages and deadlines', async () => {
    const { id, merchant, complaint } = await newComplaint();
    expect(complaint.state).toBe('submitted');
    expect(new Date(complaint.first_response_due_at as string).getTime()).toBeGreaterThan(Date.now());
    const cs = await as('customer_service');
    expectFail((await rpc(cs, 'complaint_resolve', { p_id: id, p_outcome: 'upheld', p_remedy: 'x' })).error, 'illegal_transition');
    expectFail((await rpc(await as('analyst'), 'complaint_accept', { p_id: id })).error, 'not_permitted');
    const msg = await ok(cs, 'complaint_add_message', { p_id: id, p_kind: 'reply', p_body: '您好，已收到' });
    expect(msg.author_kind).toBe('staff');
    await ok(cs, 'complaint_add_message', { p_id: id, p_kind: 'internal_note', p_body: '需联系商家' });
    expect((await pgc.query('select first_responded_at from public.complaints where id = $1', [id])).rows[0].first_responded_at).not.toBeNull();
    expect((await ok(cs, 'complaint_accept', { p_id: id, p_severity: 'high' })).state).toBe('accepted');
    expect((await ok(cs, 'complaint_request_merchant', { p_id: id, p_hours: 48 })).state).toBe('awaiting_merchant');
    expect((await ok(svc, 'complaint_merchant_replied', { p_id: id, p_body: '愿意协商' })).state).toBe('mediating');
    expectFail((await rpc(cs, 'complaint_resolve', { p_id: id, p_outcome: 'upheld', p_remedy: '' })).error, 'reason_required');
    const resolved = await ok(cs, 'complaint_resolve', {
      p_id: id, p_outcome: 'upheld', p_remedy: '退还加价部分', p_penalty_size: 10, p_penalty_days: 30,
    });
    expect([resolved.state, resolved.outcome]).toEqual(['resolved', 'upheld']);
    const { rows: p } = await pgc.query('select size, expires_at > now() + interval \'29 days\' as long from public.merchant_penalties where complaint_id = $1', [id]);
    expect(p[0]).toEqual({ size: '10.00', long: true });
    expect((await ok(cs, 'complaint_reopen', { p_id: id, p_reason_code: 'member_disagrees' })).state).toBe('mediating');
    await ok(cs, 'complaint_resolve', { p_id: id, p_outcome: 'partly_upheld', p_remedy: '部分退款' });
    expect((await ok(svc, 'complaint_close', { p_id: id })).state).toBe('closed');
    expectFail((await rpc(svc, 'complaint_withdraw', { p_id: id })).error, 'illegal_transition');
    const { rows: hist } = await pgc.query('select to_state from public.complaint_history where complaint_id = $1 order by id', [id]);
    expect(hist.map((h) => h.to_state)).toEqual(['submitted', 'accepted', 'awaiting_merchant', 'mediating', 'resolved', 'mediating', 'resolved', 'closed']);
    expect(await auditRows(pgc, id, 'complaint.resolve')).toHaveLength(2);
    expect(await auditRows(pgc, merchant, 'merchant.penalty')).toHaveLength(1);
  });

  it('escalates when the merchant misses the deadline; dismiss needs a reason; the member can withdraw', async () => {
    const cs = await as('customer_service');
    const a = await newComplaint();
    await ok(cs, 'complaint_accept', { p_id: a.id });
    await ok(cs, 'complaint_request_merchant', { p_id: a.id });
    await pgc.query("update public.complaints set merchant_reply_due_at = now() - interval '1 minute' where id = $1", [a.id]);
    await ok(svc, 'complaint_run_timers', { p_city: CITY_A });
    const { rows } = await pgc.query('select state, merchant_no_response from public.complaints where id = $1', [a.id]);
    expect(rows[0]).toEqual({ state: 'escalated', merchant_no_response: true });
    expect((await ok(cs, 'complaint_resolve', { p_id: a.id, p_outcome: 'not_upheld', p_remedy: '证据不足' })).state).toBe('resolved');

    const b = await newComplaint();
    expectFail((await rpc(cs, 'complaint_dismiss', { p_id: b.id, p_reason_code: '' })).error, 'reason_required');
    expect((await ok(cs, 'complaint_dismiss', { p_id: b.id, p_reason_code: 'no_evidence' })).state).toBe('dismissed');

    const c = await newComplaint();
    await ok(cs, 'complaint_accept', { p_id: c.id });
    expect((await ok(svc, 'complaint_withdraw', { p_id: c.id })).state).toBe('withdrawn');

    const d = await newComplaint();
    const staffId = (await pgc.query("select id from public.staff where email = 'service@demo.test'")).rows[0].id;
    expect((await ok(await as('admin'), 'complaint_assign', { p_id: d.id, p_assignee: staffId })).assignee_id).toBe(staffId);
    expectFail((await rpc(await as('admin'), 'complaint_assign', { p_id: d.id, p_assignee: (await pgc.query("select id from public.staff where email = 'finance@demo.test'")).rows[0].id })).error, 'invalid_input');
  });

  it('the third active penalty suspends the merchant', async () => {
    const merchant = await makeMerchant(pgc);
    const cs = await as('customer_service');
    for (let i = 0; i < 3; i++) {
      const { id } = await newComplaint(merchant);
      await ok(cs, 'complaint_accept', { p_id: id });
      await ok(cs, 'complaint_request_merchant', { p_id: id });
      await ok(svc, 'complaint_merchant_replied', { p_id: id, p_body: '收到' });
      await ok(cs, 'complaint_resolve', { p_id: id, p_outcome: 'upheld', p_remedy: '整改', p_penalty_size: 5, p_penalty_days: 10 });
    }
    const { rows } = await pgc.query('select status, status_reason from public.merchants where id = $1', [merchant]);
    expect(rows[0].status).toBe('suspended');
    expect(rows[0].status_reason).toMatch(/^penalty_threshold/);
  });
});

describe('promotion model check', () => {
  it('only approved, on-shelf listings with a model can be promoted; staff cancel with a reason', async () => {
    const merchant = await makeMerchant(pgc);
    const model = await makeModel(pgc);
    const off = await makeListing(pgc, merchant, { review: 'approved', model });
    const endsAt = new Date(Date.now() + 7 * 864e5).toISOString();
    expectFail((await rpc(svc, 'promotion_create', { p_listing_id: off, p_ends_at: endsAt })).error, 'invalid_input');
    const on = await makeListing(pgc, merchant, { review: 'approved', shelf: 'on', model });
    const p = await ok(svc, 'promotion_create', { p_listing_id: on, p_ends_at: endsAt });
    expect(p.slot_no).toBe(1);
    expectFail((await rpc(svc, 'promotion_create', { p_listing_id: on, p_ends_at: endsAt })).error, 'already_open');
    expectFail((await rpc(await as('analyst'), 'promotion_cancel', { p_id: p.id, p_reason_code: 'x' })).error, 'not_permitted');
    expect((await ok(await as('reviewer'), 'promotion_cancel', { p_id: p.id, p_reason_code: 'policy' })).state).toBe('cancelled');
    expect(await auditRows(pgc, p.id as string, 'promotion.cancel')).toHaveLength(1);
  });
});
