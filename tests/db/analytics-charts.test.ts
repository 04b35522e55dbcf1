// R-ANA: every chart function of the analytics migration and dashboard_summary return exactly
// the numbers worked out by hand from a small known dataset.
//
// The dataset lives in cities of its own (the next free codes of the fake province 980000,
// which the demo seed never uses and tests/db/core-seed.test.ts excludes): city A holds almost
// everything, city B a third merchant, the distributor D1 and one trade, city E nothing at all.
// The chart rows sit in a fixed past window, 2024-03-04 (Mon) … 2024-03-17 (Sun), Shanghai
// calendar days, far from the seed's last 12 months and from the settlement tests' free days;
// the dashboard rows are dated "now". Fresh cities per run keep reruns on a persistent database
// exact. Money rows go through the real triggers and RPCs (trade close and reversal journals,
// commission release and claw-back, payment confirm and refund, withdrawal apply), so
// ledger_check() stays empty. Times below are Asia/Shanghai (+08).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { SupabaseClient } from '@supabase/supabase-js';
import { as, db, serviceClient } from '../support/stack.ts';
import { ensureRegions, makeScopedStaff, uniq } from './core-fixtures.ts';
import { bank, category, installFixtures, ledgerProblems, one, val } from './money-fixtures.ts';

const FROM = '2024-03-04';
const TO = '2024-03-17';
const WINDOW = { p_from: FROM, p_to: TO };
const RUN = uniq();

let c: pg.Client;
let analyst: SupabaseClient;
let finance: SupabaseClient;
let service: SupabaseClient;
const city = { A: '', B: '', E: '' };
const cityName = { A: '', B: '' };
const id: Record<string, string> = {};
const model: Record<'X1' | 'X2' | 'Y1', number> = { X1: 0, X2: 0, Y1: 0 };
const brand = { X: { id: 0, name: '' }, Y: { id: 0, name: '' } };
const names: Record<string, string> = {};
let clock: { now: Date; day_start: Date; month_start: Date; first_of_month: boolean };

type When = string | Date;

async function addMember(key: string, cityCode: string, registeredAt: When, level = 'regular', rights = false): Promise<void> {
  names[key] = `分析${key}${RUN}`;
  id[key] = await val<string>(c,
    `insert into public.members (nickname, city_code, level, registered_at, has_promotion_rights, promotion_rights_at)
     values ($1, $2, $3::public.member_level, $4, $5, case when $5 then $4::timestamptz end) returning id`,
    [names[key], cityCode, level, registeredAt, rights]);
}

async function addMerchant(key: string, cityCode: string, name: string, cat: number): Promise<void> {
  names[key] = `${name} ${RUN}`;
  id[key] = await val<string>(c,
    `insert into public.merchants (name, kind, category_id, city_code, status, fee_plan, fee_paid_until)
     values ($1, 'used_dealer', $2, $3, 'active', 'yearly', current_date + 300) returning id`,
    [names[key], cat, cityCode]);
}

async function addListing(merchant: string, modelId: number, kind: string, o: {
  createdAt: When; approvedAt?: When | null; listedAt?: When | null; review?: string; soldAt?: When | null; price?: number;
}): Promise<string> {
  return val<string>(c,
    `insert into public.listings (merchant_id, kind, title, brand_id, series_id, model_id, year, city_code, price_fen, deposit_fen,
       review_state, shelf_state, trade_state, created_at, approved_at, listed_at, sold_at, submitted_at)
     select m.id, $2::public.listing_kind, '分析测试车源', s.brand_id, s.id, cm.id, 2023, m.city_code, $3,
       case when $2::text = 'rental' then 300000 end, $4::public.listing_review_state, 'off',
       case when $7::timestamptz is null or $2::text = 'rental' then 'available' else 'sold' end::public.listing_trade_state,
       $5, $6, $8, case when $2::text <> 'rental' then $7::timestamptz end, case when $4::text <> 'draft' then $5::timestamptz end
     from public.merchants m, public.car_models cm join public.car_series s on s.id = cm.series_id
     where m.id = $1 and cm.id = $9
     returning id`,
    [merchant, kind, o.price ?? 10_000_000, o.review ?? 'approved', o.createdAt, o.approvedAt ?? null, o.soldAt ?? null,
      o.listedAt ?? null, modelId]);
}

/** A reservation on a listing; a rental gets a three-day period starting on its day. */
async function addReservation(listing: string, buyer: string, state: string, createdAt: When, o: {
  distributor?: string | null; dealAmount?: number | null; dealClosedAt?: When | null;
} = {}): Promise<string> {
  return val<string>(c,
    `insert into public.reservations (kind, member_id, merchant_id, listing_id, distributor_id, state, reserved_for, confirm_deadline,
       price_fen, deal_amount_fen, rental_start, rental_end, created_at, deal_closed_at, state_changed_at)
     select case l.kind when 'rental' then 'rental' when 'new_sale' then 'new_purchase' else 'used_purchase' end::public.reservation_kind,
       $2, l.merchant_id, l.id, $3, $4::public.reservation_state, $5::timestamptz + interval '1 day', $5::timestamptz + interval '1 day',
       l.price_fen, $6, case when l.kind = 'rental' then ($5::timestamptz at time zone 'Asia/Shanghai')::date end,
       case when l.kind = 'rental' then ($5::timestamptz at time zone 'Asia/Shanghai')::date + 2 end,
       $5, $7, coalesce($7, $5)
     from public.listings l where l.id = $1
     returning id`,
    [listing, buyer, o.distributor ?? null, state, createdAt, o.dealAmount ?? null, o.dealClosedAt ?? null]);
}

/**
 * A deal: its listing, its reservation (deal_closed, settled for a rental, voided for a voided
 * trade) and the trade, inserted like the reservation machine does; the trades trigger books
 * the money (close journal, commission rows; a trade inserted voided or refunded is also
 * reversed at once and its commission cancelled).
 */
async function addTrade(key: string, o: {
  merchant: string; model: number; kind: 'used_sale' | 'new_sale' | 'rental'; buyer: string; distributor?: string | null;
  amount: number; closedAt: When; reservedAt: When; listingCreatedAt: When; approvedAt?: When | null; listedAt?: When | null;
  voidedAt?: When; refundedAt?: When;
}): Promise<void> {
  const listing = await addListing(o.merchant, o.model, o.kind, {
    createdAt: o.listingCreatedAt, approvedAt: o.approvedAt, listedAt: o.listedAt, soldAt: o.closedAt, price: o.amount,
  });
  const state = o.voidedAt ? 'voided' : o.kind === 'rental' ? 'settled' : 'deal_closed';
  const reservation = await addReservation(listing, o.buyer, state, o.reservedAt,
    { distributor: o.distributor, dealAmount: o.amount, dealClosedAt: o.closedAt });
  const status = o.voidedAt ? 'voided' : o.refundedAt ? 'refunded' : 'closed';
  id[key] = await val<string>(c,
    `insert into public.trades (reservation_id, merchant_id, member_id, distributor_id, listing_id, brand_id, model_id, kind,
       amount_fen, city_code, status, closed_at, voided_at, refunded_at, status_reason)
     select x.id, x.merchant_id, x.member_id, x.distributor_id, x.listing_id, l.brand_id, l.model_id,
       case when l.kind = 'rental' then 'rental' else 'sale' end::public.trade_kind, x.deal_amount_fen, x.city_code,
       $2::public.trade_status, x.deal_closed_at, $3, $4, case when $2::text <> 'closed' then 'analytics_fixture: 分析测试' end
     from public.reservations x join public.listings l on l.id = x.listing_id where x.id = $1
     returning id`,
    [reservation, status, o.voidedAt ?? null, o.refundedAt ?? null]);
}

async function addComplaint(o: {
  merchant: string; member: string; cityCode: string; category: string; state: string; createdAt: When;
  firstResponseDue: When; resolutionDue: When; firstRespondedAt?: When | null; resolvedAt?: When | null; outcome?: string | null;
}): Promise<void> {
  await c.query(
    `insert into public.complaints (member_id, merchant_id, city_code, category, title, content, state, first_response_due_at,
       first_responded_at, resolution_due_at, outcome, resolved_at, closed_at, created_at, state_changed_at)
     values ($1, $2, $3, $4::public.complaint_category, '分析测试投诉', '分析测试', $5::public.complaint_state, $6, $7, $8,
       $9::public.complaint_outcome, $10, case when $5::text = 'closed' then $10::timestamptz end, $11, $11)`,
    [o.member, o.merchant, o.cityCode, o.category, o.state, o.firstResponseDue, o.firstRespondedAt ?? null, o.resolutionDue,
      o.outcome ?? null, o.resolvedAt ?? null, o.createdAt]);
}

/** A payment recorded and confirmed through the payment RPCs (as the payment backend), paid at a chosen time. */
async function addPayment(key: string, payer: 'merchant' | 'member', payerId: string, kind: string, amount: number,
  channel: string, paidAt: When | null, plan: string | null = null): Promise<void> {
  const created = await service.rpc('payment_create', {
    p_payment_no: `ANA${RUN}${key}`, p_payer_type: payer, p_payer_id: payerId, p_kind: kind, p_amount_fen: amount,
    p_channel: channel, p_plan: plan,
  });
  expect(created.error).toBeNull();
  id[key] = created.data.id;
  if (paidAt) {
    const paid = await service.rpc('payment_confirm', {
      p_payment_id: id[key], p_channel_txn_id: `ANA${RUN}${key}`, p_paid_at: new Date(paidAt).toISOString(),
    });
    expect(paid.error).toBeNull();
  }
}

async function rpc<T = Record<string, unknown>[]>(client: SupabaseClient, fn: string, args: Record<string, unknown> = {}): Promise<T> {
  const { data, error } = await client.rpc(fn, args);
  expect(error, `${fn}: ${error?.message}`).toBeNull();
  return data as T;
}

/** What the schedule does every minute (run-jobs): recompute the rollup days changed since the last refresh. */
async function refreshRollups(client: SupabaseClient): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await rpc<number>(client, 'analytics_refresh_rollups', { p_limit: 100 });
    total += n;
    if (n < 100) return total;
  }
}

/** Every Shanghai day of [from, to] with `filler`, except the days given. */
function days<R>(from: string, to: string, filler: (day: string) => R, given: Record<string, R>): R[] {
  const out: R[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d = new Date(d.getTime() + 86_400_000)) {
    const day = d.toISOString().slice(0, 10);
    out.push(given[day] ?? filler(day));
  }
  return out;
}

beforeAll(async () => {
  c = await db();
  await installFixtures(c);
  await ensureRegions(c);
  analyst = await as('analyst');
  finance = await as('finance');
  service = await serviceClient();

  // three fresh cities of the fake province 980000 (980100 / 980200 belong to the core fixtures)
  const free = (await c.query(
    `select '98' || lpad(n::text, 2, '0') || '00' as code from generate_series(3, 99) n
      where not exists (select 1 from public.regions r where r.code = '98' || lpad(n::text, 2, '0') || '00') order by n limit 3`)).rows;
  if (free.length < 3) throw new Error('no free test city codes left in 980000: reset the test database');
  [city.A, city.B, city.E] = free.map((r) => r.code as string);
  cityName.A = `分析测试${city.A.slice(2, 4)}市`;
  cityName.B = `分析测试${city.B.slice(2, 4)}市`;
  await c.query(`insert into public.regions (code, name, level, parent_code) values ($1, $2, 'city', '980000'), ($3, $4, 'city', '980000'),
    ($5, '分析测试空城', 'city', '980000')`, [city.A, cityName.A, city.B, cityName.B, city.E]);

  // catalogue: brand X (two fresh models X1, X2) and brand Y (fresh model Y1), the first two brands that have a series
  const series = (await c.query(`select distinct on (s.brand_id) s.id, s.brand_id, b.name from public.car_series s
    join public.car_brands b on b.id = s.brand_id order by s.brand_id, s.id limit 2`)).rows;
  brand.X = { id: series[0].brand_id, name: series[0].name };
  brand.Y = { id: series[1].brand_id, name: series[1].name };
  for (const [key, s] of [['X1', series[0]], ['X2', series[0]], ['Y1', series[1]]] as const) {
    names[key] = `分析测试${key} ${RUN}`;
    model[key] = await val<number>(c, `insert into public.car_models (series_id, name, model_year, energy, gearbox)
      values ($1, $2, 2024, 'petrol', 'automatic') returning id`, [s.id, names[key]]);
  }
  names.seriesX = (await one<{ name: string }>(c, 'select name from public.car_series where id = $1', [series[0].id])).name;
  names.seriesY = (await one<{ name: string }>(c, 'select name from public.car_series where id = $1', [series[1].id])).name;

  // merchants: platform fee 5 %, distributor commission 2 % (a fixture category)
  const cat = await category(c, 0.05, 0.02);
  await addMerchant('M1', city.A, '分析测试1号车行', cat);
  await addMerchant('M2', city.A, '分析测试2号车行', cat);
  await addMerchant('M3', city.B, '分析测试3号车行', cat);

  // members of A: two before the window, four inside (first instant … last half hour), one just after
  await addMember('A0', city.A, '2024-02-10 10:00+08');
  await addMember('D2', city.A, '2023-12-01 10:00+08', 'diamond', true);
  await addMember('A1', city.A, '2024-03-04 00:00+08');
  await addMember('A2', city.A, '2024-03-05 09:00+08', 'silver');
  await addMember('A3', city.A, '2024-03-05 21:00+08', 'gold');
  await addMember('A4', city.A, '2024-03-17 23:30+08');
  await addMember('A5', city.A, '2024-03-18 00:30+08');
  // members of B: the distributor D1 (lives in B, earns in A and B) and a buyer
  await addMember('D1', city.B, '2024-03-06 10:00+08', 'platinum', true);
  await addMember('B1', city.B, '2024-03-10 12:00+08');

  // trades. Closed in the window in A: T1, T2, T3, T4, T10. T5 is refunded after its commission
  // was released, T6 inserted voided, T7 closes half an hour after the window, T8 a second before it.
  await addTrade('T1', { merchant: id.M1, model: model.X1, kind: 'used_sale', buyer: id.A1, distributor: id.D1, amount: 1_000_000,
    closedAt: '2024-03-04 00:00+08', reservedAt: '2024-03-01 10:00+08', listingCreatedAt: '2024-02-28 10:00+08',
    approvedAt: '2024-02-29 10:00+08', listedAt: '2024-03-01 00:00+08' });
  await addTrade('T2', { merchant: id.M1, model: model.X1, kind: 'used_sale', buyer: id.A2, amount: 2_000_000,
    closedAt: '2024-03-05 10:15+08', reservedAt: '2024-03-04 09:00+08', listingCreatedAt: '2024-02-19 10:00+08',
    approvedAt: '2024-02-20 10:15+08' });
  await addTrade('T3', { merchant: id.M2, model: model.Y1, kind: 'new_sale', buyer: id.A3, distributor: id.D1, amount: 3_000_000,
    closedAt: '2024-03-12 14:30+08', reservedAt: '2024-03-10 11:00+08', listingCreatedAt: '2023-12-10 10:00+08',
    approvedAt: '2023-12-12 10:00+08', listedAt: '2023-12-13 14:30+08' });
  await addTrade('T4', { merchant: id.M2, model: model.Y1, kind: 'rental', buyer: id.A1, amount: 500_000,
    closedAt: '2024-03-17 23:30+08', reservedAt: '2024-03-15 15:00+08', listingCreatedAt: '2024-01-05 10:00+08',
    approvedAt: '2024-01-06 10:00+08', listedAt: '2024-01-06 10:00+08' });
  await addTrade('T5', { merchant: id.M1, model: model.X2, kind: 'used_sale', buyer: id.A4, distributor: id.D1, amount: 1_500_000,
    closedAt: '2024-03-12 10:45+08', reservedAt: '2024-03-11 10:00+08', listingCreatedAt: '2024-01-27 10:45+08',
    listedAt: '2024-01-27 10:45+08' });
  await addTrade('T6', { merchant: id.M2, model: model.Y1, kind: 'used_sale', buyer: id.A2, distributor: id.D1, amount: 800_000,
    closedAt: '2024-03-07 16:00+08', reservedAt: '2024-03-06 10:00+08', listingCreatedAt: '2024-03-01 10:00+08',
    listedAt: '2024-03-02 10:00+08', voidedAt: '2024-03-08 10:00+08' });
  await addTrade('T7', { merchant: id.M1, model: model.X1, kind: 'used_sale', buyer: id.A3, amount: 700_000,
    closedAt: '2024-03-18 00:30+08', reservedAt: '2024-03-16 10:00+08', listingCreatedAt: '2024-03-10 10:00+08',
    listedAt: '2024-03-10 10:00+08' });
  await addTrade('T8', { merchant: id.M1, model: model.X1, kind: 'used_sale', buyer: id.A1, amount: 600_000,
    closedAt: '2024-03-03 23:59:59+08', reservedAt: '2024-03-02 10:00+08', listingCreatedAt: '2024-02-25 10:00+08',
    listedAt: '2024-02-25 10:00+08' });
  await addTrade('T10', { merchant: id.M2, model: model.X1, kind: 'used_sale', buyer: id.A4, distributor: id.D2, amount: 1_200_000,
    closedAt: '2024-03-12 10:50+08', reservedAt: '2024-03-11 16:00+08', listingCreatedAt: '2023-09-01 10:50+08' });
  await addTrade('T9', { merchant: id.M3, model: model.X2, kind: 'used_sale', buyer: id.B1, distributor: id.D1, amount: 4_000_000,
    closedAt: '2024-03-11 09:00+08', reservedAt: '2024-03-09 10:00+08', listingCreatedAt: '2024-03-01 10:00+08',
    listedAt: '2024-03-01 10:00+08' });

  // every due commission becomes available (the scheduler would do the same within a minute);
  // then T5 is refunded: its released commission is clawed back with a negative row
  expect((await finance.rpc('release_due_commissions')).error).toBeNull();
  expect(await val(c, `select status from public.commissions where trade_id = $1 and not is_clawback`, [id.T5])).toBe('available');
  await c.query(`update public.trades set status = 'refunded', refunded_at = '2024-03-14 11:00+08',
    status_reason = 'customer_refund: 分析测试' where id = $1`, [id.T5]);

  // reservations without a trade, on one listing per kind
  const lu = await addListing(id.M1, model.X1, 'used_sale', { createdAt: '2024-02-01 10:00+08', listedAt: '2024-02-01 10:00+08' });
  const ln = await addListing(id.M2, model.Y1, 'new_sale', { createdAt: '2024-02-01 10:00+08', listedAt: '2024-02-01 10:00+08' });
  const lr = await addListing(id.M2, model.Y1, 'rental', { createdAt: '2024-02-01 10:00+08', listedAt: '2024-02-01 10:00+08' });
  await addReservation(lr, id.A1, 'cancelled_by_customer', '2024-03-05 12:00+08');
  await addReservation(lu, id.A2, 'no_show', '2024-03-05 13:00+08', { distributor: id.D1 });
  await addReservation(lu, id.A3, 'visited', '2024-03-05 14:00+08');
  await addReservation(lr, id.A4, 'auto_expired', '2024-03-10 09:00+08');
  await addReservation(ln, id.A1, 'no_deal', '2024-03-17 23:45+08');
  await addReservation(lu, id.A2, 'cancelled_by_merchant', '2024-03-18 00:10+08');

  // complaints in A (C7 filed before the window, C8 resolved after it, C9 filed after it)
  const due = (created: string, hours: number) => new Date(new Date(created).getTime() + hours * 3_600_000);
  const complaint = (category: string, state: string, createdAt: string, resolveWithinHours: number,
    extra: { resolvedAt?: string; outcome?: string; firstRespondedAt?: string | null } = {}) =>
    addComplaint({ merchant: id.M1, member: id.A1, cityCode: city.A, category, state, createdAt,
      firstResponseDue: due(createdAt, 24), resolutionDue: due(createdAt, resolveWithinHours),
      firstRespondedAt: extra.firstRespondedAt === undefined ? due(createdAt, 1) : extra.firstRespondedAt, ...extra });
  await complaint('attitude', 'resolved', '2024-03-05 10:00+08', 72, { resolvedAt: '2024-03-06 10:00+08', outcome: 'upheld' }); // C1 24 h
  await complaint('attitude', 'closed', '2024-03-06 08:00+08', 72, { resolvedAt: '2024-03-06 20:00+08', outcome: 'not_upheld' }); // C2 12 h
  await complaint('attitude', 'resolved', '2024-03-07 09:00+08', 72, { resolvedAt: '2024-03-13 09:00+08', outcome: 'partly_upheld' }); // C3 144 h, late
  await complaint('quality', 'mediating', '2024-03-08 10:00+08', 168); // C4 open, overdue
  await complaint('quality', 'dismissed', '2024-03-09 10:00+08', 168); // C5
  await complaint('price', 'submitted', '2024-03-10 10:00+08', 168, { firstRespondedAt: null }); // C6 open, no first response
  await complaint('fraud', 'resolved', '2024-02-25 10:00+08', 168, { resolvedAt: '2024-03-04 10:00+08', outcome: 'upheld' }); // C7 192 h, late
  await complaint('other', 'resolved', '2024-03-16 10:00+08', 72, { resolvedAt: '2024-03-18 10:00+08', outcome: 'upheld' }); // C8
  await complaint('price', 'withdrawn', '2024-03-18 01:00+08', 168); // C9

  // payments of every kind; P0 a half hour before the window, P7 a half hour after it,
  // P8 never confirmed, P9 failed, P4 refunded later
  await addPayment('P0', 'merchant', id.M2, 'deposit', 500_000, 'bank_transfer', '2024-03-03 23:30+08');
  await addPayment('P1', 'merchant', id.M1, 'platform_fee', 29_900, 'wechat', '2024-03-05 10:00+08', 'monthly');
  await addPayment('P2', 'merchant', id.M2, 'platform_fee', 79_900, 'wechat', '2024-03-06 10:00+08', 'quarterly');
  await addPayment('P3', 'merchant', id.M1, 'deposit', 1_000_000, 'bank_transfer', '2024-03-07 10:00+08');
  await addPayment('P4', 'member', id.A1, 'promotion_rights', 19_900, 'alipay', '2024-03-08 10:00+08');
  await addPayment('P5', 'member', id.A2, 'promotion_rights', 19_900, 'alipay', '2024-03-09 10:00+08');
  await addPayment('P6', 'member', id.A3, 'reservation_rights', 990, 'wechat', '2024-03-17 23:30+08');
  await addPayment('P7', 'member', id.A4, 'reservation_rights', 990, 'wechat', '2024-03-18 00:30+08');
  await addPayment('P8', 'merchant', id.M2, 'platform_fee', 299_900, 'alipay', null, 'yearly');
  await addPayment('P9', 'member', id.A1, 'reservation_rights', 990, 'wechat', null);
  expect((await service.rpc('payment_fail', { p_payment_id: id.P9, p_reason: '余额不足' })).error).toBeNull();
  expect((await finance.rpc('payment_refund', { p_payment_id: id.P4, p_reason: '分析测试退款' })).error).toBeNull();

  // ---- rows dated now, for the dashboard -----------------------------------------------------
  clock = await one(c, `select now() as now,
      date_trunc('day', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai' as day_start,
      date_trunc('month', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai' as month_start,
      date_trunc('day', now() at time zone 'Asia/Shanghai') = date_trunc('month', now() at time zone 'Asia/Shanghai') as first_of_month`);
  const hourBefore = (d: Date) => new Date(d.getTime() - 3_600_000);
  // TD1 closed now; TD2 today but inserted refunded; TD3 an hour before today (this month unless
  // today is the 1st); TD4 a minute before this month
  const today = { merchant: id.M1, model: model.X1, kind: 'used_sale' as const, buyer: id.A1, listingCreatedAt: '2026-01-01 10:00+08' };
  await addTrade('TD1', { ...today, amount: 250_000, closedAt: clock.now, reservedAt: clock.now });
  await addTrade('TD2', { ...today, amount: 100_000, closedAt: clock.now, reservedAt: clock.now, refundedAt: clock.now });
  await addTrade('TD3', { ...today, amount: 400_000, closedAt: hourBefore(clock.day_start), reservedAt: hourBefore(clock.day_start) });
  await addTrade('TD4', { ...today, amount: 700_000, closedAt: new Date(clock.month_start.getTime() - 60_000),
    reservedAt: new Date(clock.month_start.getTime() - 60_000) });
  // N1 registers now, N2 an hour before today, N3 an hour before this month
  await addMember('N1', city.A, clock.now);
  await addMember('N2', city.B, hourBefore(clock.day_start));
  await addMember('N3', city.A, hourBefore(clock.month_start));
  // listings: two waiting for review (A and B), a draft and a rejected one
  await addListing(id.M1, model.X1, 'used_sale', { createdAt: clock.now, review: 'pending' });
  await addListing(id.M3, model.X2, 'used_sale', { createdAt: clock.now, review: 'pending' });
  await addListing(id.M1, model.X1, 'used_sale', { createdAt: clock.now, review: 'draft' });
  await addListing(id.M2, model.Y1, 'used_sale', { createdAt: clock.now, review: 'rejected' });
  // merchant applications: submitted in A and B, one in review, one waiting for the merchant, one draft
  for (const [state, cityCode] of [['submitted', city.A], ['submitted', city.B], ['in_review', city.A], ['need_more_info', city.A],
    ['draft', city.A]]) {
    await c.query(
      `insert into public.merchant_applications (company_name, kind, city_code, address, contact_name, contact_phone, state,
         reviewer_id, submitted_at)
       values ($1, 'used_dealer', $2, '分析测试路1号', '分析', '13900000000', $3::public.merchant_application_state,
         case when $3::text = 'in_review' then '00000000-0000-4000-a000-000000000002'::uuid end,
         case when $3::text <> 'draft' then now() end)`,
      [`分析测试申请${state}${RUN}`, cityCode, state]);
  }
  // a complaint filed today, accepted, deadlines ahead: open but not overdue
  await addComplaint({ merchant: id.M2, member: id.A2, cityCode: city.A, category: 'other', state: 'accepted', createdAt: clock.now,
    firstResponseDue: new Date(clock.now.getTime() + 86_400_000), resolutionDue: new Date(clock.now.getTime() + 7 * 86_400_000) });
  // withdrawals from the released commission: D1 (B) 100,000 of 160,000, D2 (A) 20,000 of 24,000
  for (const [who, amount] of [['D1', 100_000], ['D2', 20_000]] as const) {
    const bankId = await bank(c, 'member', id[who]);
    const w = await service.rpc('withdrawal_apply', {
      p_withdrawal_no: `ANAW${RUN}${who}`, p_owner_type: 'member', p_owner_id: id[who], p_amount_fen: amount, p_bank_account_id: bankId,
    });
    expect(w.error, w.error?.message).toBeNull();
  }
  // the charts read rollups that the schedule refreshes every minute
  await refreshRollups(service);
});

afterAll(async () => {
  await c?.end();
});

describe('GMV and trades', () => {
  it('analytics_gmv: closed trades per Shanghai day; refunded, voided and out-of-window trades left out', async () => {
    const rows = await rpc(analyst, 'analytics_gmv', { ...WINDOW, p_city: city.A });
    // 14 days. T1 at 00:00 on the first day counts, T8 one second earlier does not; T4 at 23:30 on
    // the last day counts, T7 at 00:30 the next day does not; T5 (refunded) and T6 (voided) never.
    expect(rows).toEqual(days(FROM, TO, (day) => ({ day, trades: 0, gmv_fen: 0 }), {
      '2024-03-04': { day: '2024-03-04', trades: 1, gmv_fen: 1_000_000 }, // T1
      '2024-03-05': { day: '2024-03-05', trades: 1, gmv_fen: 2_000_000 }, // T2
      '2024-03-12': { day: '2024-03-12', trades: 2, gmv_fen: 4_200_000 }, // T3 3,000,000 + T10 1,200,000 (T5 refunded)
      '2024-03-17': { day: '2024-03-17', trades: 1, gmv_fen: 500_000 }, // T4 at 23:30
    }));
    // city B: T9 only
    const b = await rpc(analyst, 'analytics_gmv', { ...WINDOW, p_city: city.B });
    expect(b.filter((r) => r.trades !== 0)).toEqual([{ day: '2024-03-11', trades: 1, gmv_fen: 4_000_000 }]);
  });

  it('analytics_gmv: the range defaults to the 90 days ending today, and a reversed range shrinks to its end', async () => {
    const rows = await rpc<{ day: string }[]>(analyst, 'analytics_gmv', { p_city: city.E });
    const today = new Date(clock.day_start.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const first = new Date(new Date(`${today}T00:00:00Z`).getTime() - 89 * 86_400_000).toISOString().slice(0, 10);
    expect(rows).toHaveLength(90);
    expect([rows[0].day, rows[89].day]).toEqual([first, today]);
    // from after to: the function keeps [to, to]
    expect(await rpc(analyst, 'analytics_gmv', { p_from: TO, p_to: FROM, p_city: city.A }))
      .toEqual([{ day: '2024-03-04', trades: 1, gmv_fen: 1_000_000 }]);
  });

  it('analytics_trades_by_hour: 24 Beijing-time hours', async () => {
    const rows = await rpc(analyst, 'analytics_trades_by_hour', { ...WINDOW, p_city: city.A });
    const given: Record<number, { hour: number; trades: number; gmv_fen: number }> = {
      0: { hour: 0, trades: 1, gmv_fen: 1_000_000 }, // T1 00:00
      10: { hour: 10, trades: 2, gmv_fen: 3_200_000 }, // T2 10:15 2,000,000 + T10 10:50 1,200,000 (T5 10:45 refunded)
      14: { hour: 14, trades: 1, gmv_fen: 3_000_000 }, // T3 14:30
      23: { hour: 23, trades: 1, gmv_fen: 500_000 }, // T4 23:30
    };
    expect(rows).toEqual(Array.from({ length: 24 }, (_, hour) => given[hour] ?? { hour, trades: 0, gmv_fen: 0 }));
  });

  it('analytics_top_brands and analytics_top_models: closed trades by count, then GMV', async () => {
    // X: T1, T2, T10 (X1) = 3 trades, 4,200,000 (T5 on X2 refunded); Y: T3, T4 (Y1) = 2 trades, 3,500,000
    expect(await rpc(analyst, 'analytics_top_brands', { ...WINDOW, p_city: city.A, p_limit: 10 })).toEqual([
      { brand_id: brand.X.id, brand_name: brand.X.name, trades: 3, gmv_fen: 4_200_000 },
      { brand_id: brand.Y.id, brand_name: brand.Y.name, trades: 2, gmv_fen: 3_500_000 },
    ]);
    expect(await rpc(analyst, 'analytics_top_brands', { ...WINDOW, p_city: city.A, p_limit: 1 })).toHaveLength(1);
    // X2 only sold in A through the refunded T5, so it is absent
    expect(await rpc(analyst, 'analytics_top_models', { ...WINDOW, p_city: city.A, p_limit: 10 })).toEqual([
      { model_id: model.X1, model_name: names.X1, series_name: names.seriesX, brand_name: brand.X.name, trades: 3, gmv_fen: 4_200_000 },
      { model_id: model.Y1, model_name: names.Y1, series_name: names.seriesY, brand_name: brand.Y.name, trades: 2, gmv_fen: 3_500_000 },
    ]);
    // in B, X2 through T9
    expect(await rpc(analyst, 'analytics_top_models', { ...WINDOW, p_city: city.B, p_limit: 10 })).toEqual([
      { model_id: model.X2, model_name: names.X2, series_name: names.seriesX, brand_name: brand.X.name, trades: 1, gmv_fen: 4_000_000 },
    ]);
  });

  it('analytics_top_merchants and analytics_merchant_trend: GMV per merchant, weekly from Monday', async () => {
    // M2: T3 + T4 + T10 = 3 trades, 4,700,000 (T6 voided); M1: T1 + T2 = 2 trades, 3,000,000 (T5 refunded, T7/T8 outside)
    expect(await rpc(analyst, 'analytics_top_merchants', { ...WINDOW, p_city: city.A, p_limit: 10 })).toEqual([
      { merchant_id: id.M2, merchant_name: names.M2, city_code: city.A, city_name: cityName.A, trades: 3, gmv_fen: 4_700_000 },
      { merchant_id: id.M1, merchant_name: names.M1, city_code: city.A, city_name: cityName.A, trades: 2, gmv_fen: 3_000_000 },
    ]);
    // weeks of 03-04 and 03-11; M1 sold in the first (T1, T2), M2 in the second (T3, T10, T4)
    expect(await rpc(analyst, 'analytics_merchant_trend', { ...WINDOW, p_city: city.A, p_limit: 5 })).toEqual([
      { week: '2024-03-04', merchant_id: id.M1, merchant_name: names.M1, trades: 2, gmv_fen: 3_000_000 },
      { week: '2024-03-04', merchant_id: id.M2, merchant_name: names.M2, trades: 0, gmv_fen: 0 },
      { week: '2024-03-11', merchant_id: id.M1, merchant_name: names.M1, trades: 0, gmv_fen: 0 },
      { week: '2024-03-11', merchant_id: id.M2, merchant_name: names.M2, trades: 3, gmv_fen: 4_700_000 },
    ]);
    // the top 1 is M2 only
    expect(await rpc(analyst, 'analytics_merchant_trend', { ...WINDOW, p_city: city.A, p_limit: 1 })).toEqual([
      { week: '2024-03-04', merchant_id: id.M2, merchant_name: names.M2, trades: 0, gmv_fen: 0 },
      { week: '2024-03-11', merchant_id: id.M2, merchant_name: names.M2, trades: 3, gmv_fen: 4_700_000 },
    ]);
  });

  it('top merchants and the trend over ranges that cut weeks: the partial weeks\' days plus the whole weeks', async () => {
    type Top = { merchant_id: string; trades: number; gmv_fen: number };
    const top = async (p_from: string, p_to: string) =>
      (await rpc<Top[]>(analyst, 'analytics_top_merchants', { p_from, p_to, p_city: city.A, p_limit: 10 }))
        .map((r) => [r.merchant_id, r.trades, r.gmv_fen]);
    // Tuesday to Sunday: T2 on the 5th, then the whole week of the 11th (T10, T3, T4); T1 on Monday the 4th left out
    expect(await top('2024-03-05', '2024-03-17')).toEqual([[id.M2, 3, 4_700_000], [id.M1, 1, 2_000_000]]);
    // a whole week, then Monday and Tuesday: T1 + T2, and T10 + T3
    expect(await top('2024-03-04', '2024-03-12')).toEqual([[id.M2, 2, 4_200_000], [id.M1, 2, 3_000_000]]);
    // Sunday before, two whole weeks, Monday after: T8 and T7 join M1
    expect(await top('2024-03-03', '2024-03-18')).toEqual([[id.M2, 3, 4_700_000], [id.M1, 4, 4_300_000]]);
    // inside one week
    expect(await top('2024-03-12', '2024-03-14')).toEqual([[id.M2, 2, 4_200_000]]);
    type Trend = { week: string; merchant_id: string; trades: number; gmv_fen: number };
    expect((await rpc<Trend[]>(analyst, 'analytics_merchant_trend', { p_from: '2024-03-03', p_to: '2024-03-18', p_city: city.A, p_limit: 5 }))
      .map((r) => [r.week, r.merchant_id, r.trades, r.gmv_fen])).toEqual([
      ['2024-02-26', id.M1, 1, 600_000], ['2024-02-26', id.M2, 0, 0],
      ['2024-03-04', id.M1, 2, 3_000_000], ['2024-03-04', id.M2, 0, 0],
      ['2024-03-11', id.M1, 0, 0], ['2024-03-11', id.M2, 3, 4_700_000],
      ['2024-03-18', id.M1, 1, 700_000], ['2024-03-18', id.M2, 0, 0],
    ]);
  });

  it('a province code covers its cities', async () => {
    const rows = await rpc<{ merchant_id: string; city_code: string }[]>(analyst, 'analytics_top_merchants',
      { ...WINDOW, p_city: '980000', p_limit: 50 });
    // M3 in B: T9 4,000,000
    expect(rows).toContainEqual({ merchant_id: id.M3, merchant_name: names.M3, city_code: city.B, city_name: cityName.B, trades: 1, gmv_fen: 4_000_000 });
    expect(rows).toContainEqual({ merchant_id: id.M2, merchant_name: names.M2, city_code: city.A, city_name: cityName.A, trades: 3, gmv_fen: 4_700_000 });
    expect(rows.every((r) => r.city_code.startsWith('98'))).toBe(true);
  });
});

describe('reservations', () => {
  it('analytics_reservations: created in the window, by day and kind; successful = visited or beyond', async () => {
    // R(T1) 03-01, R(T8) 03-02 and the cancelled_by_merchant one at 03-18 00:10 fall outside
    expect(await rpc(analyst, 'analytics_reservations', { ...WINDOW, p_city: city.A })).toEqual([
      { day: '2024-03-04', kind: 'used_purchase', total: 1, successful: 1, cancelled: 0 }, // R(T2) deal_closed
      { day: '2024-03-05', kind: 'rental', total: 1, successful: 0, cancelled: 1 }, // cancelled_by_customer
      { day: '2024-03-05', kind: 'used_purchase', total: 2, successful: 1, cancelled: 1 }, // no_show + visited
      { day: '2024-03-06', kind: 'used_purchase', total: 1, successful: 1, cancelled: 0 }, // R(T6) voided after the visit
      { day: '2024-03-10', kind: 'rental', total: 1, successful: 0, cancelled: 1 }, // auto_expired
      { day: '2024-03-10', kind: 'new_purchase', total: 1, successful: 1, cancelled: 0 }, // R(T3)
      { day: '2024-03-11', kind: 'used_purchase', total: 2, successful: 2, cancelled: 0 }, // R(T5), R(T10)
      { day: '2024-03-15', kind: 'rental', total: 1, successful: 1, cancelled: 0 }, // R(T4) settled
      { day: '2024-03-16', kind: 'used_purchase', total: 1, successful: 1, cancelled: 0 }, // R(T7), its trade closes after the window
      { day: '2024-03-17', kind: 'new_purchase', total: 1, successful: 1, cancelled: 0 }, // no_deal at 23:45
    ]);
  });
});

describe('members', () => {
  it('analytics_member_growth: new members per day and the running total from the members before the window', async () => {
    // before the window: A0 and D2 (2); A1 at 00:00 on 03-04, A2 + A3 on 03-05, A4 at 23:30 on 03-17; A5 (03-18 00:30) outside
    const rows = await rpc(analyst, 'analytics_member_growth', { ...WINDOW, p_city: city.A });
    expect(rows).toEqual(days(FROM, TO, (day) => ({ day, new_members: 0, total_members: 5 }), {
      '2024-03-04': { day: '2024-03-04', new_members: 1, total_members: 3 },
      '2024-03-05': { day: '2024-03-05', new_members: 2, total_members: 5 },
      '2024-03-17': { day: '2024-03-17', new_members: 1, total_members: 6 },
    }));
  });

  it('analytics_member_levels: members registered in the window, every level listed', async () => {
    // A1 and A4 regular, A2 silver, A3 gold (D2, diamond, registered before the window)
    expect(await rpc(analyst, 'analytics_member_levels', { ...WINDOW, p_city: city.A })).toEqual([
      { level: 'regular', members: 2 }, { level: 'silver', members: 1 }, { level: 'gold', members: 1 },
      { level: 'platinum', members: 0 }, { level: 'diamond', members: 0 },
    ]);
  });

  it('analytics_member_cities: per city, and for a province its cities', async () => {
    expect(await rpc(analyst, 'analytics_member_cities', { ...WINDOW, p_city: city.A, p_limit: 15 }))
      .toEqual([{ city_code: city.A, city_name: cityName.A, members: 4 }]);
    const rows = await rpc<{ city_code: string }[]>(analyst, 'analytics_member_cities', { ...WINDOW, p_city: '980000', p_limit: 50 });
    expect(rows).toContainEqual({ city_code: city.A, city_name: cityName.A, members: 4 });
    expect(rows).toContainEqual({ city_code: city.B, city_name: cityName.B, members: 2 }); // D1, B1
    expect(rows.every((r) => r.city_code.startsWith('98'))).toBe(true);
  });
});

describe('complaints', () => {
  it('analytics_complaints_by_category: filed in the window, open / resolved / upheld', async () => {
    expect(await rpc(analyst, 'analytics_complaints_by_category', { ...WINDOW, p_city: city.A })).toEqual([
      { category: 'attitude', total: 3, open: 0, resolved: 3, upheld: 2 }, // C1 upheld, C2 not upheld, C3 partly upheld
      { category: 'quality', total: 2, open: 1, resolved: 0, upheld: 0 }, // C4 mediating, C5 dismissed
      { category: 'price', total: 1, open: 1, resolved: 0, upheld: 0 }, // C6 submitted (C9 filed after the window)
      { category: 'fraud', total: 0, open: 0, resolved: 0, upheld: 0 }, // C7 filed before the window
      { category: 'other', total: 1, open: 0, resolved: 1, upheld: 1 }, // C8, resolved after the window
    ]);
  });

  it('analytics_complaint_resolution: resolved in the window, hours from filing, late against the deadline', async () => {
    expect(await rpc(analyst, 'analytics_complaint_resolution', { ...WINDOW, p_city: city.A })).toEqual([
      // C1 24 h, C2 12 h, C3 144 h (due after 72 h: late): avg 180 / 3 = 60, median 24,
      // p90 = 24 + 0.8 × (144 − 24) = 120 (linear interpolation at rank 0.9 × 2 = 1.8)
      { category: 'attitude', resolved: 3, avg_hours: 60, median_hours: 24, p90_hours: 120, late: 1 },
      { category: 'quality', resolved: 0, avg_hours: null, median_hours: null, p90_hours: null, late: 0 },
      { category: 'price', resolved: 0, avg_hours: null, median_hours: null, p90_hours: null, late: 0 },
      // C7: filed 02-25, resolved 03-04 = 192 h, due after 168 h: late
      { category: 'fraud', resolved: 1, avg_hours: 192, median_hours: 192, p90_hours: 192, late: 1 },
      // C8 resolved 03-18: outside
      { category: 'other', resolved: 0, avg_hours: null, median_hours: null, p90_hours: null, late: 0 },
    ]);
  });
});

describe('distribution', () => {
  it('analytics_distributors: reservations, closed trades and commission net of claw-backs', async () => {
    expect(await rpc(analyst, 'analytics_distributors', { ...WINDOW, p_city: city.A, p_limit: 10 })).toEqual([
      // D1: reservations R(T6) 03-06, R(T3) 03-10, R(T5) 03-11 and the no-show of 03-05 (R(T1) is from 03-01);
      // closed trades T1 + T3 = 4,000,000; commission 2 %: T1 20,000 + T3 60,000 + T5 30,000 − 30,000 clawed back
      // (T6, inserted voided, has its 16,000 cancelled)
      { distributor_id: id.D1, nickname: names.D1, reservations: 4, trades: 2, gmv_fen: 4_000_000, commission_fen: 80_000 },
      // D2: R(T10), T10 1,200,000, commission 24,000
      { distributor_id: id.D2, nickname: names.D2, reservations: 1, trades: 1, gmv_fen: 1_200_000, commission_fen: 24_000 },
    ]);
    expect(await rpc(analyst, 'analytics_distributors', { ...WINDOW, p_city: city.B, p_limit: 10 })).toEqual([
      { distributor_id: id.D1, nickname: names.D1, reservations: 1, trades: 1, gmv_fen: 4_000_000, commission_fen: 80_000 }, // T9
    ]);
  });

  it('analytics_distributors ranks by commission and GMV first: enough distributors above (0, 0), or the full ranking', async () => {
    type Row = { distributor_id: string; reservations: number; trades: number; gmv_fen: number; commission_fen: number };
    const dist = async (p_from: string, p_to: string, p_limit: number) =>
      (await rpc<Row[]>(analyst, 'analytics_distributors', { p_from, p_to, p_city: city.A, p_limit }))
        .map((r) => [r.distributor_id, r.reservations, r.trades, r.gmv_fen, r.commission_fen]);
    // D1 and D2 both earned: the top one alone, its reservations read for it
    expect(await dist(FROM, TO, 1)).toEqual([[id.D1, 4, 2, 4_000_000, 80_000]]);
    // 03-11 … 03-12: R(T5) and T3 for D1 (T5 refunded: not a closed trade, its credit of the 12th stays), R(T10) and T10 for D2
    expect(await dist('2024-03-11', '2024-03-12', 1)).toEqual([[id.D1, 1, 1, 3_000_000, 90_000]]);
    expect(await dist('2024-03-11', '2024-03-12', 2)).toEqual([[id.D1, 1, 1, 3_000_000, 90_000], [id.D2, 1, 1, 1_200_000, 24_000]]);
    // reservations only (the no-show of 03-05; R(T5) and R(T10) on 03-11): ranked by id
    expect(await dist('2024-03-05', '2024-03-05', 10)).toEqual([[id.D1, 1, 0, 0, 0]]);
    const both = [[id.D1, 1, 0, 0, 0], [id.D2, 1, 0, 0, 0]].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));
    expect(await dist('2024-03-11', '2024-03-11', 10)).toEqual(both);
    expect(await dist('2024-03-11', '2024-03-11', 1)).toEqual([both[0]]);
    // the claw-back of T5 alone: below (0, 0)
    expect(await dist('2024-03-13', '2024-03-14', 10)).toEqual([[id.D1, 0, 0, 0, -30_000]]);
  });

  it('analytics_commission_daily: credited on the day the trade closed, clawed back on the day it was refunded', async () => {
    const rows = await rpc(analyst, 'analytics_commission_daily', { ...WINDOW, p_city: city.A });
    expect(rows).toEqual(days(FROM, TO, (day) => ({ day, commission_fen: 0, records: 0 }), {
      '2024-03-04': { day: '2024-03-04', commission_fen: 20_000, records: 1 }, // T1
      '2024-03-12': { day: '2024-03-12', commission_fen: 114_000, records: 3 }, // T3 60,000 + T5 30,000 + T10 24,000
      '2024-03-14': { day: '2024-03-14', commission_fen: -30_000, records: 1 }, // T5 refunded: the claw-back row
    }));
  });
});

describe('days on market', () => {
  it('analytics_days_on_market: listing (listed, else approved, else created) to sale, sales only', async () => {
    const bucketsOf = (kind: string, given: Record<number, [number, number]>) =>
      ['0-7', '8-30', '31-60', '61-90', '91-180', '180+'].map((bucket, i) => ({
        kind, bucket, bucket_order: i + 1, listings: given[i + 1]?.[0] ?? 0, avg_days: given[i + 1]?.[1] ?? null,
      }));
    expect(await rpc(analyst, 'analytics_days_on_market', { ...WINDOW, p_city: city.A })).toEqual([
      // T1 listed 03-01 00:00 → 3 days; T2 never "listed", approved 02-20 10:15 → 14 days;
      // T10 neither, created 2023-09-01 10:50 → 193 days. T5 (refunded) and the rental T4 are left out.
      ...bucketsOf('used_sale', { 1: [1, 3], 2: [1, 14], 6: [1, 193] }),
      // T3 listed 2023-12-13 14:30, sold 2024-03-12 14:30 → 90 days (2024 is a leap year)
      ...bucketsOf('new_sale', { 4: [1, 90] }),
    ]);
  });
});

describe('payments', () => {
  it('analytics_payments_by_kind: paid in the window (refunded ones too), by kind and channel', async () => {
    expect(await rpc(analyst, 'analytics_payments_by_kind', { ...WINDOW, p_city: city.A })).toEqual([
      { kind: 'platform_fee', channel: 'wechat', payments: 2, amount_fen: 109_800, refunded: 0, refunded_fen: 0 }, // P1 + P2 at the list price (P8 pending)
      { kind: 'deposit', channel: 'bank_transfer', payments: 1, amount_fen: 1_000_000, refunded: 0, refunded_fen: 0 }, // P3 (P0 before)
      { kind: 'promotion_rights', channel: 'alipay', payments: 2, amount_fen: 39_800, refunded: 1, refunded_fen: 19_900 }, // P4 refunded, P5
      { kind: 'reservation_rights', channel: 'wechat', payments: 1, amount_fen: 990, refunded: 0, refunded_fen: 0 }, // P6 23:30 (P7 after, P9 failed)
    ]);
  });
});

describe('a city with no data', () => {
  it('gives zero series and empty tops for every chart', async () => {
    const p = { ...WINDOW, p_city: city.E };
    const zeroDays = <R>(f: (day: string) => R) => days(FROM, TO, f, {});
    expect(await rpc(analyst, 'analytics_gmv', p)).toEqual(zeroDays((day) => ({ day, trades: 0, gmv_fen: 0 })));
    expect(await rpc(analyst, 'analytics_commission_daily', p)).toEqual(zeroDays((day) => ({ day, commission_fen: 0, records: 0 })));
    expect(await rpc(analyst, 'analytics_member_growth', p)).toEqual(zeroDays((day) => ({ day, new_members: 0, total_members: 0 })));
    expect(await rpc(analyst, 'analytics_trades_by_hour', p)).toEqual(Array.from({ length: 24 }, (_, hour) => ({ hour, trades: 0, gmv_fen: 0 })));
    expect(await rpc(analyst, 'analytics_member_levels', p)).toEqual(
      ['regular', 'silver', 'gold', 'platinum', 'diamond'].map((level) => ({ level, members: 0 })));
    expect(await rpc(analyst, 'analytics_complaints_by_category', p)).toEqual(
      ['attitude', 'quality', 'price', 'fraud', 'other'].map((category) => ({ category, total: 0, open: 0, resolved: 0, upheld: 0 })));
    expect(await rpc(analyst, 'analytics_complaint_resolution', p)).toEqual(
      ['attitude', 'quality', 'price', 'fraud', 'other'].map((category) => (
        { category, resolved: 0, avg_hours: null, median_hours: null, p90_hours: null, late: 0 })));
    for (const fn of ['analytics_reservations', 'analytics_top_brands', 'analytics_top_models', 'analytics_top_merchants',
      'analytics_merchant_trend', 'analytics_member_cities', 'analytics_distributors', 'analytics_days_on_market',
      'analytics_payments_by_kind']) {
      expect(await rpc(analyst, fn, p), fn).toEqual([]);
    }
  });
});

describe('a region-scoped analyst', () => {
  let scoped: SupabaseClient;
  beforeAll(async () => {
    scoped = (await makeScopedStaff(c, 'analyst', [city.A])).client;
  });

  it('sees their city without a city filter, and nothing of another city', async () => {
    const gmv = await rpc<{ trades: number; gmv_fen: number }[]>(scoped, 'analytics_gmv', WINDOW);
    // A only: T1 + T2 + T3 + T10 + T4 (not T9 in B)
    expect([gmv.reduce((a, r) => a + r.trades, 0), gmv.reduce((a, r) => a + r.gmv_fen, 0)]).toEqual([5, 7_700_000]);
    const other = await rpc<{ trades: number }[]>(scoped, 'analytics_gmv', { ...WINDOW, p_city: city.B });
    expect(other.every((r) => r.trades === 0)).toBe(true);
    expect(await rpc(scoped, 'analytics_member_cities', { ...WINDOW, p_limit: 50 }))
      .toEqual([{ city_code: city.A, city_name: cityName.A, members: 4 }]);
    expect(await rpc(scoped, 'analytics_top_merchants', { ...WINDOW, p_city: city.B, p_limit: 10 })).toEqual([]);
    expect(await rpc(scoped, 'analytics_payments_by_kind', { ...WINDOW, p_city: city.B })).toEqual([]);
  });

  it('keeps a distributor who lives in another region, with their name', async () => {
    // D1 lives in B, outside the scope, but brought the trades of A
    expect(await rpc(scoped, 'analytics_distributors', { ...WINDOW, p_limit: 10 })).toEqual([
      { distributor_id: id.D1, nickname: names.D1, reservations: 4, trades: 2, gmv_fen: 4_000_000, commission_fen: 80_000 },
      { distributor_id: id.D2, nickname: names.D2, reservations: 1, trades: 1, gmv_fen: 1_200_000, commission_fen: 24_000 },
    ]);
    const commission = await rpc<{ commission_fen: number }[]>(scoped, 'analytics_commission_daily', WINDOW);
    expect(commission.reduce((a, r) => a + r.commission_fen, 0)).toBe(104_000); // 20,000 + 114,000 − 30,000
  });
});

describe('dashboard_summary', () => {
  // Figures of the cities A and B only, through staff scoped to them. "Today" and "this month"
  // are the Shanghai day and month of now; when today is the 1st, the hour before today is last month.
  const expected = () => ({
    pending_merchant_reviews: 3, merchant_reviews_submitted: 2, merchant_reviews_in_review: 1, // need_more_info and draft wait on the merchant
    pending_listing_reviews: 2, // the pending ones in A and B (not the draft, the rejected or the sold ones)
    open_complaints: 3, // C4 mediating, C6 submitted, today's accepted one
    overdue_complaints: 2, // C4, C6: resolution deadlines in 2024
    first_response_overdue_complaints: 1, // C6 (C4 was answered, today's is not due yet)
    gmv_today_fen: 250_000, trades_today: 1, // TD1 (TD2 refunded)
    gmv_month_fen: clock.first_of_month ? 250_000 : 650_000, trades_month: clock.first_of_month ? 1 : 2, // + TD3; TD4 last month
    new_members_today: 1, new_members_month: clock.first_of_month ? 1 : 2, // N1, + N2; N3 last month
  });

  it('counts the scoped analyst\'s queues, withdrawals, GMV and new members', async () => {
    const staff = await makeScopedStaff(c, 'analyst', [city.A, city.B]);
    const data = await rpc<Record<string, unknown>>(staff.client, 'dashboard_summary');
    // withdrawals applied for: D1 100,000 + D2 20,000
    expect(data).toMatchObject({ ...expected(), pending_withdrawals: 2, pending_withdrawals_fen: 120_000 });
    expect(new Date(data.day_start as string)).toEqual(clock.day_start);
    expect(new Date(data.month_start as string)).toEqual(clock.month_start);
  });

  it('gives a role without rights on withdrawals zero there', async () => {
    const staff = await makeScopedStaff(c, 'reviewer', [city.A, city.B]);
    expect(await rpc(staff.client, 'dashboard_summary')).toMatchObject({ ...expected(), pending_withdrawals: 0, pending_withdrawals_fen: 0 });
  });
});

describe('money', () => {
  it('the dataset went through the ledger: ledger_check() is empty', async () => {
    expect(await ledgerProblems(c)).toEqual([]);
  });
});
