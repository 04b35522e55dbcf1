// The two existing functions the panel's new buttons call, as each role through supabase-js:
// merchant_application_request_info (要求补充材料) and trade_refund (退款). The UI offers them
// to exactly the roles these tests let through (src/providers/access.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { SupabaseClient } from '@supabase/supabase-js';
import { as, db, serviceClient } from '../support/stack.ts';
import {
  CITY_A,
  CITY_B,
  auditRows,
  ensureRegions,
  expectFail,
  makeListing,
  makeMember,
  makeMerchant,
  makeReservation,
  makeScopedStaff,
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

const rpc = async (client: SupabaseClient, fn: string, args: Record<string, unknown>) => client.rpc(fn, args);

/** A submitted application in CITY_A, claimed by `claimer`. */
async function claimedApplication(claimer: SupabaseClient): Promise<string> {
  const { rows } = await pgc.query(
    `insert into public.merchant_applications (company_name, kind, city_code, address, contact_name, contact_phone, licence_no,
       state, submitted_at)
     values ($1, 'used_dealer', $2, '测试路 9 号', '钱经理', '13712345678', '91980100MA87654321', 'submitted', now()) returning id`,
    [`补充材料测试车行${uniq()}`, CITY_A],
  );
  const { error } = await rpc(claimer, 'merchant_application_claim', { p_id: rows[0].id });
  expect(error, error?.message).toBeNull();
  return rows[0].id;
}

describe('merchant_application_request_info', () => {
  const comments = { licence_image_url: '执照照片模糊，请重新上传', address: '请补充门牌号' };

  it('only the reviewer who claimed it (or an admin) asks, with field comments; others are refused', async () => {
    const reviewer = await as('reviewer');
    const id = await claimedApplication(reviewer);
    for (const role of ['customer_service', 'finance', 'analyst'] as const) {
      expectFail((await rpc(await as(role), 'merchant_application_request_info', { p_id: id, p_field_comments: comments })).error, 'not_permitted');
    }
    const other = await makeScopedStaff(pgc, 'reviewer', [CITY_A]);
    expectFail((await rpc(other.client, 'merchant_application_request_info', { p_id: id, p_field_comments: comments })).error, 'not_permitted');
    expectFail((await rpc(reviewer, 'merchant_application_request_info', { p_id: id, p_field_comments: ['address'] })).error, 'reason_required');
    expectFail((await rpc(reviewer, 'merchant_application_request_info', { p_id: id, p_field_comments: null })).error, 'reason_required');

    const { data, error } = await rpc(reviewer, 'merchant_application_request_info', { p_id: id, p_field_comments: comments, p_note: '两处需修改' });
    expect(error, error?.message).toBeNull();
    expect(data).toMatchObject({ state: 'need_more_info', field_comments: comments });
    const { rows: history } = await pgc.query(
      `select from_state, to_state, reason_code, note, field_comments from public.merchant_application_history
        where application_id = $1 order by id desc limit 1`,
      [id],
    );
    expect(history[0]).toEqual({ from_state: 'in_review', to_state: 'need_more_info', reason_code: 'need_more_info', note: '两处需修改', field_comments: comments });
    const audit = await auditRows(pgc, id, 'merchant_application.request_info');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_email: 'reviewer@demo.test', reason: 'need_more_info: 两处需修改' });
    // decided: no second request until the applicant resubmits
    expectFail((await rpc(reviewer, 'merchant_application_request_info', { p_id: id, p_field_comments: comments })).error, 'illegal_transition');
  });

  it('an admin may ask on an application another reviewer claimed', async () => {
    const id = await claimedApplication(await as('reviewer'));
    const { data, error } = await rpc(await as('admin'), 'merchant_application_request_info', { p_id: id, p_field_comments: { contact_phone: '空号' } });
    expect(error, error?.message).toBeNull();
    expect(data).toMatchObject({ state: 'need_more_info' });
  });
});

describe('trade_refund', () => {
  /** A closed trade in CITY_A (deal verified by customer service). */
  async function closedTrade(amountFen = 8800000): Promise<string> {
    const merchant = await makeMerchant(pgc);
    const listing = await makeListing(pgc, merchant, { review: 'approved', shelf: 'on' });
    const id = await makeReservation(pgc, await makeMember(pgc), listing);
    for (const to of ['confirmed', 'visited']) expect((await rpc(svc, 'reservation_transition', { p_id: id, p_to: to })).error).toBeNull();
    expect((await rpc(svc, 'reservation_transition', { p_id: id, p_to: 'deal_pending', p_deal_amount_fen: amountFen })).error).toBeNull();
    expect((await rpc(await as('customer_service'), 'reservation_verify_deal', { p_id: id })).error).toBeNull();
    return (await pgc.query('select id from public.trades where reservation_id = $1', [id])).rows[0].id;
  }

  it('refuses reviewer and analyst, staff outside the region, and a refund without a reason', async () => {
    const trade = await closedTrade();
    for (const role of ['reviewer', 'analyst'] as const) {
      expectFail((await rpc(await as(role), 'trade_refund', { p_id: trade, p_reason_code: 'customer_request' })).error, 'not_permitted');
    }
    const elsewhere = await makeScopedStaff(pgc, 'customer_service', [CITY_B]);
    expectFail((await rpc(elsewhere.client, 'trade_refund', { p_id: trade, p_reason_code: 'customer_request' })).error, 'out_of_region');
    expectFail((await rpc(await as('finance'), 'trade_refund', { p_id: trade, p_reason_code: '', p_note: '  ' })).error, 'reason_required');
    expect((await pgc.query('select status from public.trades where id = $1', [trade])).rows[0].status).toBe('closed');
  });

  it('customer service asks, another person refunds once with a coded reason; the money is reversed and the refund audited', async () => {
    const trade = await closedTrade();
    const args = { p_id: trade, p_reason_code: 'vehicle_mismatch', p_note: '里程表被调过' };
    // ¥88,000 is above the four-eyes threshold: the first call records the request
    const requested = await rpc(await as('customer_service'), 'trade_refund', args);
    expect(requested.error, requested.error?.message).toBeNull();
    expect(requested.data).toMatchObject({ status: 'closed', refund_request_reason: 'vehicle_mismatch: 里程表被调过' });
    expectFail((await rpc(await as('customer_service'), 'trade_refund', args)).error, 'four_eyes');
    const { data, error } = await rpc(await as('finance'), 'trade_refund', args);
    expect(error, error?.message).toBeNull();
    expect(data).toMatchObject({ status: 'refunded', status_reason: 'vehicle_mismatch: 里程表被调过' });
    const { rows: money } = await pgc.query('select reversal_status, reversal_journal_id from public.trade_money where trade_id = $1', [trade]);
    expect(money[0].reversal_status).toBe('refunded');
    expect(money[0].reversal_journal_id).not.toBeNull();
    const { rows: history } = await pgc.query('select to_status, reason_code, note from public.trade_history where trade_id = $1 order by id desc limit 1', [trade]);
    expect(history[0]).toEqual({ to_status: 'refunded', reason_code: 'vehicle_mismatch', note: '里程表被调过' });
    expect(await auditRows(pgc, trade, 'trade.refund')).toHaveLength(1);
    expectFail((await rpc(await as('admin'), 'trade_refund', { p_id: trade, p_reason_code: 'duplicate_payment' })).error, 'illegal_transition');
  });

  it('admin and finance may refund too; below the threshold one person does', async () => {
    for (const role of ['admin', 'finance'] as const) {
      const trade = await closedTrade(300000);
      const { data, error } = await rpc(await as(role), 'trade_refund', { p_id: trade, p_reason_code: 'duplicate_payment' });
      expect(error, `${role}: ${error?.message}`).toBeNull();
      expect(data).toMatchObject({ status: 'refunded' });
    }
  });
});
