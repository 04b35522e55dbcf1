// Invariants of the core demo seed (supabase/seed/10_core_*.sql) at app.seed_factor ≥ 1.
// Test fixtures live in the fake 98xxxx cities and are excluded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { db } from '../support/stack.ts';

let pgc: pg.Client;
const one = async (sql: string): Promise<Record<string, unknown>> => (await pgc.query(sql)).rows[0];
const SEEDED = "city_code not like '98%'";

beforeAll(async () => {
  pgc = await db();
});
afterAll(async () => {
  await pgc.end();
});

describe('core demo seed', () => {
  it('has the advertised sizes', async () => {
    const r = await one(`select
      (select count(*) from public.regions where demo_rank is not null)::int as cities,
      (select count(*) from public.members where ${SEEDED})::int as members,
      (select count(*) from public.merchants where ${SEEDED})::int as merchants,
      (select count(*) from public.listings where ${SEEDED})::int as listings,
      (select count(*) from public.reservations where ${SEEDED})::int as reservations,
      (select count(*) from public.trades where ${SEEDED})::int as trades,
      (select count(*) from public.complaints where ${SEEDED})::int as complaints,
      (select count(*) from public.car_brands)::int as brands,
      (select count(*) from public.car_models)::int as models`);
    expect(r.cities).toBe(30);
    expect(r.members).toBeGreaterThanOrEqual(20000);
    expect(r.merchants).toBeGreaterThanOrEqual(300);
    expect(r.listings).toBeGreaterThanOrEqual(5000);
    expect(r.reservations).toBeGreaterThanOrEqual(50000);
    expect(r.trades).toBeGreaterThanOrEqual(8000);
    expect(r.complaints).toBeGreaterThanOrEqual(600);
    expect(r.brands).toBeGreaterThanOrEqual(20);
    expect(r.models).toBeGreaterThanOrEqual(300);
  });

  it('covers every state of every machine', async () => {
    const missing = await pgc.query(`
      select 'merchant' as m, e::text as s from unnest(enum_range(null::public.merchant_status)) e
        where not exists (select 1 from public.merchants x where x.status = e and x.${SEEDED})
      union all select 'application', e::text from unnest(enum_range(null::public.merchant_application_state)) e
        where not exists (select 1 from public.merchant_applications x where x.state = e and x.${SEEDED})
      union all select 'review', e::text from unnest(enum_range(null::public.listing_review_state)) e
        where not exists (select 1 from public.listings x where x.review_state = e and x.${SEEDED})
      union all select 'shelf', e::text from unnest(enum_range(null::public.listing_shelf_state)) e
        where not exists (select 1 from public.listings x where x.shelf_state = e and x.${SEEDED})
      union all select 'trade_state', e::text from unnest(enum_range(null::public.listing_trade_state)) e
        where not exists (select 1 from public.listings x where x.trade_state = e and x.${SEEDED})
      union all select 'reservation', e::text from unnest(enum_range(null::public.reservation_state)) e
        where not exists (select 1 from public.reservations x where x.state = e and x.${SEEDED})
      union all select 'trade', e::text from unnest(enum_range(null::public.trade_status)) e
        where not exists (select 1 from public.trades x where x.status = e and x.${SEEDED})
      union all select 'complaint', e::text from unnest(enum_range(null::public.complaint_state)) e
        where not exists (select 1 from public.complaints x where x.state = e and x.${SEEDED})`);
    expect(missing.rows).toEqual([]);
  });

  it('builds a referral tree several levels deep with consistent paths', async () => {
    const r = await one(`select max(depth)::int as depth,
      count(*) filter (where upline_id is not null)::int as referred,
      (select count(*) from public.members c join public.members u on u.id = c.upline_id
        where c.path <> u.path || c.seq::text::extensions.ltree)::int as bad_paths
      from public.members where ${SEEDED}`);
    expect(r.depth).toBeGreaterThanOrEqual(5);
    expect(r.referred).toBeGreaterThan(10000);
    expect(r.bad_paths).toBe(0);
  });

  it('has one trade per deal, consistent with its reservation', async () => {
    const r = await one(`select
      (select count(*) from public.reservations x where x.state in ('deal_closed', 'in_use', 'returned', 'settled', 'voided')
         and x.${SEEDED} and not exists (select 1 from public.trades t where t.reservation_id = x.id))::int as deals_without_trade,
      (select count(*) from public.trades t join public.reservations x on x.id = t.reservation_id
         where x.state not in ('deal_closed', 'in_use', 'returned', 'settled', 'voided'))::int as trades_without_deal,
      (select count(*) from public.trades t join public.reservations x on x.id = t.reservation_id
         where (x.state = 'voided') <> (t.status = 'voided')
            or t.amount_fen <> x.deal_amount_fen or t.merchant_id <> x.merchant_id or t.member_id <> x.member_id
            or t.distributor_id is distinct from x.distributor_id or t.closed_at <> x.deal_closed_at)::int as inconsistent`);
    expect(r).toEqual({ deals_without_trade: 0, trades_without_deal: 0, inconsistent: 0 });
  });

  it('R-PRO-2: a bound customer\'s reservation carries the distributor, and every distributor comes from a binding', async () => {
    const r = await one(`select
      (select count(*) from public.reservations x join public.customer_bindings b
         on b.member_id = x.member_id and b.merchant_id = x.merchant_id and b.ended_at is null
        and b.bound_at <= x.created_at and b.expires_at > x.created_at
        where x.distributor_id is distinct from b.distributor_id)::int as missing_distributor,
      (select count(*) from public.reservations x where x.distributor_id is not null and x.${SEEDED} and not exists (
         select 1 from public.customer_bindings b where b.member_id = x.member_id and b.merchant_id = x.merchant_id
           and b.distributor_id = x.distributor_id))::int as unexplained,
      (select count(*) from public.reservations x where x.distributor_id is not null and x.${SEEDED})::int as with_distributor`);
    expect(r.missing_distributor).toBe(0);
    expect(r.unexplained).toBe(0);
    expect(r.with_distributor).toBeGreaterThan(1000);
  });

  it('keeps promotion slots, public views and penalties within the rules', async () => {
    const r = await one(`select
      (select count(*) from (select 1 from public.promotions where state = 'active' group by model_id, region_code having count(*) > 3) s)::int as over_slots,
      (select count(*) from public.promotions p join public.listings l on l.id = p.listing_id where p.state = 'active'
         and p.created_at < now() - interval '1 minute' and (l.review_state <> 'approved' or l.shelf_state <> 'on'))::int as promoted_off_shelf,
      (select count(*) from public.public_merchants pm join public.merchants m on m.id = pm.id
         where m.status <> 'active' or m.fee_paid_until < current_date)::int as bad_public,
      (select count(*) from public.public_listings)::int as public_listings,
      (select count(*) from public.merchant_penalties p join public.complaints c on c.id = p.complaint_id
         where c.outcome not in ('upheld', 'partly_upheld'))::int as bad_penalties`);
    expect(r.over_slots).toBe(0);
    expect(r.bad_public).toBe(0);
    expect(r.bad_penalties).toBe(0);
    expect(r.public_listings).toBeGreaterThan(1000);
  });

  it('spreads activity over the last 12 months with real-looking names', async () => {
    const r = await one(`select
      (select count(distinct date_trunc('month', created_at)) from public.reservations where ${SEEDED})::int as months,
      (select min(created_at) > now() - interval '400 days' from public.reservations where ${SEEDED}) as recent,
      (select count(*) from public.members where ${SEEDED} and nickname !~ '^[一-龥]{2,3}$')::int as odd_names,
      (select count(*) from public.merchants where ${SEEDED} and name !~ '[一-龥]{4,}')::int as odd_merchants,
      (select count(*) from public.complaints where ${SEEDED} and first_responded_at is null and first_response_due_at < now()
         and state = 'submitted')::int as overdue`);
    expect(r.months).toBeGreaterThanOrEqual(12);
    expect(r.recent).toBe(true);
    expect(r.odd_names).toBe(0);
    expect(r.odd_merchants).toBe(0);
    expect(r.overdue).toBeGreaterThan(0);
  });

  it('finds 宝马 by Chinese, Latin, pinyin and initials, short and long, through the indexed search columns', async () => {
    for (const q of ['宝马', '宝', 'bm', 'x5']) {
      const { rows } = await pgc.query(`select count(*)::int as n from public.listings where search_grams @> array[$1]`, [q]);
      expect(rows[0].n, q).toBeGreaterThan(0);
    }
    for (const q of ['baoma', 'bmw', '朗逸 ', 'model 3']) {
      const { rows } = await pgc.query(`select count(*)::int as n from public.listings where search ilike $1`, [`%${q.trim()}%`]);
      expect(rows[0].n, q).toBeGreaterThan(0);
    }
    // both shapes can be served by their GIN index (at demo size the planner may still prefer a scan)
    await pgc.query('begin');
    await pgc.query('set local enable_seqscan = off');
    const grams = await pgc.query(`explain select id from public.listings where search_grams @> array['bm']`);
    const trgm = await pgc.query(`explain select id from public.listings where search ilike '%baoma%'`);
    await pgc.query('rollback');
    expect(grams.rows.map((x) => x['QUERY PLAN']).join('\n')).toMatch(/listings_search_grams/);
    expect(trgm.rows.map((x) => x['QUERY PLAN']).join('\n')).toMatch(/listings_search_trgm/);
  });
});
