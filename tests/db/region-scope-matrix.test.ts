// Region scope on every function, like the RLS matrix for tables: every function that
// `authenticated` may execute is listed here, and a staff member scoped to one city who calls
// it on a row of another city is refused with out_of_region. A function added without an entry
// fails the first test, so a new function is classified (and guarded) when it is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { SupabaseClient } from '@supabase/supabase-js';
import { db } from '../support/stack.ts';
import { installFixtures } from './money-fixtures.ts';
import { CITY_A, CITY_B, ensureRegions, makeListing, makeMember, makeMerchant, makeReservation, makeScopedStaff, uniq } from './core-fixtures.ts';

type Args = Record<string, unknown>;
interface Row {
  merchant: string; pendingListing: string; shelvedListing: string; member: string; reservation: string; trade: string;
  complaint: string; application: string; penalty: string; promotion: string; withdrawal: string; bank: string;
  pendingPayment: string; paidPayment: string; category: number; staff: string;
}

/** Functions that act on one region's rows: who may call them, and the arguments naming a row of CITY_B. */
const REGIONAL: Record<string, (r: Row) => Args> = {
  bank_account_add: (r) => ({ p_owner_type: 'member', p_owner_id: r.member, p_holder_name: '户名', p_bank_name: '中国银行', p_account_no: '621700001000' + Math.floor(1e6 + Math.random() * 8e6) }),
  bank_account_reveal: (r) => ({ p_id: r.bank }),
  bank_account_verify: (r) => ({ p_id: r.bank }),
  complaint_accept: (r) => ({ p_id: r.complaint }),
  complaint_add_message: (r) => ({ p_id: r.complaint, p_kind: 'internal_note', p_body: '备注' }),
  complaint_assign: (r) => ({ p_id: r.complaint }),
  complaint_close: (r) => ({ p_id: r.complaint }),
  complaint_dismiss: (r) => ({ p_id: r.complaint, p_reason_code: 'duplicate' }),
  complaint_escalate: (r) => ({ p_id: r.complaint }),
  complaint_merchant_replied: (r) => ({ p_id: r.complaint, p_body: '已处理' }),
  complaint_reopen: (r) => ({ p_id: r.complaint, p_reason_code: 'not_fixed' }),
  complaint_reply: (r) => ({ p_id: r.complaint, p_audience: 'member', p_body: '您好' }),
  complaint_request_merchant: (r) => ({ p_id: r.complaint }),
  complaint_resolve: (r) => ({ p_id: r.complaint, p_outcome: 'not_upheld', p_remedy: '无' }),
  complaint_submit: (r) => ({ p_member_id: r.member, p_merchant_id: r.merchant, p_category: 'other', p_title: '标题', p_content: '内容' }),
  complaint_withdraw: (r) => ({ p_id: r.complaint }),
  listing_approve: (r) => ({ p_id: r.pendingListing }),
  listing_force_off: (r) => ({ p_id: r.shelvedListing, p_reason_code: 'false_info' }),
  listing_reject: (r) => ({ p_id: r.pendingListing, p_reason_code: 'false_info' }),
  listing_set_trade_state: (r) => ({ p_id: r.shelvedListing, p_to: 'maintenance' }),
  listing_shelve: (r) => ({ p_id: r.shelvedListing }),
  listing_submit: (r) => ({ p_id: r.pendingListing }),
  listing_unshelve: (r) => ({ p_id: r.shelvedListing }),
  member_adjust_points: (r) => ({ p_id: r.member, p_delta: 10, p_reason: '补偿' }),
  member_ban: (r) => ({ p_id: r.member, p_reason_code: 'fraud' }),
  member_reveal_pii: (r) => ({ p_id: r.member, p_field: 'phone', p_reason: '核实身份' }),
  member_set_level: (r) => ({ p_id: r.member, p_level: 'gold', p_reason: '活动' }),
  member_set_promotion_rights: (r) => ({ p_id: r.member, p_enabled: true, p_reason: '开通' }),
  member_unban: (r) => ({ p_id: r.member, p_reason_code: 'appeal' }),
  merchant_activate: (r) => ({ p_id: r.merchant }),
  merchant_application_approve: (r) => ({ p_id: r.application, p_fee_plan: 'yearly' }),
  merchant_application_claim: (r) => ({ p_id: r.application }),
  merchant_application_reject: (r) => ({ p_id: r.application, p_reason_code: 'licence_mismatch' }),
  merchant_application_request_info: (r) => ({ p_id: r.application, p_field_comments: { company_name: '请补充' } }),
  merchant_application_submit: (r) => ({ p_id: r.application }),
  merchant_close: (r) => ({ p_id: r.merchant }),
  merchant_penalty_revoke: (r) => ({ p_id: r.penalty, p_reason: '申诉成功' }),
  merchant_resume: (r) => ({ p_id: r.merchant, p_reason_code: 'rectified' }),
  merchant_set_commission: (r) => ({ p_id: r.merchant, p_category_id: r.category, p_rate_override: 0.03, p_reason: '调整' }),
  merchant_start_closing: (r) => ({ p_id: r.merchant, p_reason_code: 'owner_request' }),
  merchant_suspend: (r) => ({ p_id: r.merchant, p_reason_code: 'complaints' }),
  merchant_update_profile: (r) => ({ p_id: r.merchant, p_changes: { address: '外区地址' } }),
  payment_confirm: (r) => ({ p_payment_id: r.pendingPayment, p_channel_txn_id: `WX${uniq()}` }),
  payment_create: (r) => ({ p_payment_no: `PR${uniq()}`, p_payer_type: 'merchant', p_payer_id: r.merchant, p_kind: 'deposit', p_amount_fen: 10000, p_channel: 'wechat' }),
  payment_fail: (r) => ({ p_payment_id: r.pendingPayment, p_reason: '超时' }),
  payment_refund: (r) => ({ p_payment_id: r.paidPayment, p_reason: '退款' }),
  promotion_cancel: (r) => ({ p_id: r.promotion, p_reason_code: 'violation' }),
  promotion_create: (r) => ({ p_listing_id: r.shelvedListing, p_ends_at: new Date(Date.now() + 7 * 86_400_000).toISOString() }),
  reservation_transition: (r) => ({ p_id: r.reservation, p_to: 'confirmed' }),
  reservation_verify_deal: (r) => ({ p_id: r.reservation }),
  reservation_void: (r) => ({ p_id: r.reservation, p_reason_code: 'fraud' }),
  trade_refund: (r) => ({ p_id: r.trade, p_reason_code: 'customer_request' }),
  withdrawal_apply: (r) => ({ p_withdrawal_no: `WR${uniq()}`, p_owner_type: 'member', p_owner_id: r.member, p_amount_fen: 20000, p_bank_account_id: r.bank }),
  withdrawal_approve: (r) => ({ p_id: r.withdrawal }),
  withdrawal_approve_second: (r) => ({ p_id: r.withdrawal }),
  withdrawal_cancel: (r) => ({ p_id: r.withdrawal }),
  withdrawal_claim: (r) => ({ p_id: r.withdrawal }),
  withdrawal_manual_paid: (r) => ({ p_id: r.withdrawal, p_proof_url: 'proofs/x.pdf', p_reference: `MAN${uniq()}` }),
  withdrawal_mark_failed: (r) => ({ p_id: r.withdrawal, p_reason: '退票' }),
  withdrawal_mark_paid: (r) => ({ p_id: r.withdrawal, p_channel_txn_id: `BT${uniq()}` }),
  withdrawal_reject: (r) => ({ p_id: r.withdrawal, p_reason_code: 'info_mismatch' }),
  withdrawal_return_funds: (r) => ({ p_id: r.withdrawal, p_reason: '退回' }),
  withdrawal_set_recon: (r) => ({ p_id: r.withdrawal, p_status: 'matched' }),
  withdrawal_start_payout: (r) => ({ p_id: r.withdrawal }),
};

/** Work across every region: a scoped staff member is refused whatever the arguments. */
const ALL_REGIONS: Record<string, (r: Row) => Args> = {
  amount_ceiling_update: () => ({ p_kind: 'withdrawal', p_max_fen: 1000, p_reason: '测试' }),
  analytics_refresh_rollups: () => ({}),
  auth_events: () => ({}),
  channel_statement_import: () => ({ p_rows: [{ statement_id: 'S', channel: 'wechat', channel_txn_id: 'WXRS0001', amount_fen: 1, occurred_at: '2026-01-01' }] }),
  complaint_run_timers: () => ({ p_city: CITY_A }),
  core_settings_update: () => ({ p_changes: { binding_days: 30 }, p_reason: '测试' }),
  four_eyes_rule_update: () => ({ p_rule: 'payee_verify', p_enabled: true, p_threshold_fen: null, p_reason: '测试' }),
  ledger_check: () => ({}),
  merchant_category_update: () => ({ p_id: 1, p_changes: { commission_rate: 0.03 }, p_reason: '测试' }),
  merchant_sweep_fees: () => ({ p_city: CITY_A }),
  money_settings_update: () => ({ p_changes: {}, p_reason: '测试' }),
  promotion_expire_due: () => ({}),
  rank_merchants: () => ({}),
  ranking_rule_publish: () => ({ p_rule: {}, p_reason: '测试' }),
  release_due_commissions: () => ({}),
  reservation_run_timers: () => ({ p_city: CITY_A }),
  settle_period: () => ({ p_from: '2001-01-01', p_to: '2001-01-01' }),
  settlement_due_days: () => ({}),
  staff_record_password_reset: (r) => ({ p_id: r.staff }),
  staff_register: (r) => ({ p_user_id: r.staff, p_display_name: '新员工', p_role: 'analyst' }),
  staff_set_active: (r) => ({ p_id: r.staff, p_active: false, p_reason: '离职' }),
  staff_update: (r) => ({ p_id: r.staff, p_region_codes: [] }),
};

/** Functions that refuse nothing by region, and why that is right. */
const NOT_REGIONAL: Record<string, string> = {
  // security invoker reads: row-level security keeps them within the caller's regions
  analytics_commission_daily: 'invoker read', analytics_complaint_resolution: 'invoker read',
  analytics_complaints_by_category: 'invoker read', analytics_days_on_market: 'invoker read', analytics_distributors: 'invoker read',
  analytics_gmv: 'invoker read', analytics_member_cities: 'invoker read', analytics_member_growth: 'invoker read',
  analytics_member_levels: 'invoker read', analytics_merchant_trend: 'invoker read', analytics_payments_by_kind: 'invoker read',
  analytics_reservations: 'invoker read', analytics_top_brands: 'invoker read', analytics_top_merchants: 'invoker read',
  analytics_top_models: 'invoker read', analytics_trades_by_hour: 'invoker read', commission_totals: 'invoker read',
  dashboard_summary: 'invoker read', member_downline: 'invoker read', member_downline_levels: 'invoker read',
  member_upline_chain: 'invoker read', merchant_ranking_breakdown: 'invoker read', payment_reconciliation: 'invoker read',
  payment_totals: 'invoker read', trade_totals: 'invoker read', withdrawal_report: 'invoker read', settings_overview: 'invoker read',
  // the caller's own row, the list of customer-service colleagues, the public app's contact rule
  my_staff: 'own staff row', complaint_assignees: 'staff names for assignment',
  export_record: 'records an export of rows the caller could read (the audit row has no region)',
  storage_read_audit: 'invoker: row-level security on storage.objects decides whose files are read',
  public_merchant_contact: 'what any member of the public app may see',
  // per-row results: an out-of-region row is reported in the row's errors (tested below)
  listing_import: 'reports out_of_region per row',
  listing_bulk_approve: 'reports out_of_region per listing',
  listing_bulk_delist: 'reports out_of_region per listing',
};

let pgc: pg.Client;
let row: Row;
const scoped = new Map<string, SupabaseClient>();

beforeAll(async () => {
  pgc = await db();
  await ensureRegions(pgc);
  const merchant = await makeMerchant(pgc, { city: CITY_B });
  const member = await makeMember(pgc, { city: CITY_B });
  const pendingListing = await makeListing(pgc, merchant, { review: 'pending' });
  const shelvedListing = await makeListing(pgc, merchant, { review: 'approved', shelf: 'on' });
  const reservation = await makeReservation(pgc, member, shelvedListing);
  const q = async <T>(sql: string, params: unknown[] = []) => (await pgc.query(sql, params)).rows[0] as T;
  await installFixtures(pgc);
  const trade = (await q<{ id: string }>(`select money_fx.trade($1, $2, null, 100000) as id`,
    [merchant, await makeMember(pgc, { city: CITY_B })])).id;
  const complaint = (await q<{ id: string }>(
    `insert into public.complaints (member_id, merchant_id, category, title, content, city_code, first_response_due_at, resolution_due_at)
     values ($1, $2, 'other', '测试投诉', '内容', $3, now() + interval '1 day', now() + interval '7 days') returning id`,
    [member, merchant, CITY_B])).id;
  const application = (await q<{ id: string }>(
    `insert into public.merchant_applications (company_name, kind, address, contact_name, contact_phone, city_code, state, submitted_at)
     values ($1, 'used_dealer', '测试路 1 号', '联系人', '13900000000', $2, 'submitted', now()) returning id`, [`区域测试公司${uniq()}`, CITY_B])).id;
  const penalty = (await q<{ id: string }>(
    `insert into public.merchant_penalties (merchant_id, complaint_id, size, reason, expires_at)
     values ($1, $2, 1, '测试处罚', now() + interval '30 days') returning id`, [merchant, complaint])).id;
  const promotion = (await q<{ id: string }>(
    `insert into public.promotions (listing_id, merchant_id, model_id, region_code, slot_no, ends_at)
     select l.id, l.merchant_id, l.model_id, l.city_code, 1, now() + interval '7 days' from public.listings l where l.id = $1
     returning id`, [shelvedListing])).id;
  await pgc.query(`select money_fx.credit('member', $1, 100000)`, [member]);
  const bank = (await q<{ id: string }>(`select money_fx.bank('member', $1) as id`, [member])).id;
  await pgc.query(`update public.bank_accounts set city_code = $2 where id = $1`, [bank, CITY_B]);
  const withdrawal = (await q<{ id: string }>(
    `select (public.withdrawal_apply($1, 'member', $2, 20000, $3)).id as id
       from (select set_config('request.jwt.claims', '{"role":"service_role"}', true)) s`, [`WR${uniq()}`, member, bank])).id;
  const pay = async (status: 'pending' | 'succeeded') => (await q<{ id: string }>(
    `select (case when $2 = 'pending' then p else public.payment_confirm(p.id, 'WX' || replace(p.id::text, '-', ''), null) end).id as id
       from (select set_config('request.jwt.claims', '{"role":"service_role"}', true)) s,
       lateral public.payment_create($1, 'merchant', $3, 'deposit', 10000, 'wechat') p`, [`PR${uniq()}`, status, merchant])).id;
  const category = (await q<{ id: number }>(`select id from public.merchant_categories order by id limit 1`)).id;
  const staff = (await q<{ id: string }>(`select id from public.staff where email = 'analyst@demo.test'`)).id;
  row = { merchant, pendingListing, shelvedListing, member, reservation, trade, complaint, application, penalty, promotion, withdrawal,
    bank, pendingPayment: await pay('pending'), paidPayment: await pay('succeeded'), category, staff };
  scoped.set('admin', (await makeScopedStaff(pgc, 'admin', [CITY_A])).client);
}, 120_000);

afterAll(async () => {
  await pgc.end();
});

describe('region scope on every function', () => {
  it('every function authenticated may execute is classified here', async () => {
    const { rows } = await pgc.query<{ name: string }>(`
      select p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'public' and has_function_privilege('authenticated', p.oid, 'execute') order by 1`);
    const known = new Set([...Object.keys(REGIONAL), ...Object.keys(ALL_REGIONS), ...Object.keys(NOT_REGIONAL)]);
    expect(rows.map((r) => r.name).filter((n) => !known.has(n))).toEqual([]);
    expect([...known].filter((n) => !rows.some((r) => r.name === n))).toEqual([]);
  });

  it.each(Object.keys(REGIONAL))('%s refuses a scoped admin a row of another city', async (name) => {
    const { error } = await scoped.get('admin')!.rpc(name, REGIONAL[name](row));
    expect(error?.message, `${name}: ${error?.message} ${error?.details ?? ''}`).toBe('out_of_region');
  });

  it.each(Object.keys(ALL_REGIONS))('%s needs a login without a region scope', async (name) => {
    const { error } = await scoped.get('admin')!.rpc(name, ALL_REGIONS[name](row));
    expect(error?.message, `${name}: ${error?.message} ${error?.details ?? ''}`).toBe('out_of_region');
  });

  it('listing_import reports a row for a merchant of another city as out_of_region', async () => {
    const brand = (await pgc.query(`select l.brand_id, l.series_id from public.listings l where l.id = $1`, [row.shelvedListing])).rows[0];
    const { data, error } = await scoped.get('admin')!.rpc('listing_import', {
      p_rows: [{ merchant: row.merchant, kind: 'used_sale', brand: String(brand.brand_id), series: String(brand.series_id), price_fen: '100000' }],
      p_dry_run: true,
    });
    expect(error).toBeNull();
    expect(JSON.stringify(data), JSON.stringify(data)).toContain('out_of_region');
  });

  it('the bulk listing actions report a listing of another city as out_of_region', async () => {
    const approve = await scoped.get('admin')!.rpc('listing_bulk_approve', { p_ids: [row.pendingListing] });
    expect(approve.data).toEqual([{ id: row.pendingListing, ok: false, error: 'out_of_region' }]);
    const delist = await scoped.get('admin')!.rpc('listing_bulk_delist', { p_ids: [row.shelvedListing], p_reason_code: 'false_info' });
    expect(delist.data).toEqual([{ id: row.shelvedListing, ok: false, error: 'out_of_region' }]);
  });

  it('the rows are untouched', async () => {
    const { rows } = await pgc.query(`select
      (select state::text from public.complaints where id = $1) as complaint,
      (select review_state::text from public.listings where id = $2) as listing,
      (select status::text from public.members where id = $3) as member,
      (select state::text from public.withdrawals where id = $4) as withdrawal`,
      [row.complaint, row.pendingListing, row.member, row.withdrawal]);
    expect(rows[0]).toEqual({ complaint: 'submitted', listing: 'pending', member: 'active', withdrawal: 'applied' });
  });
});
