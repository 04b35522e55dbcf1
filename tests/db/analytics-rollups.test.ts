// The analytics rollups (20261122030100_analytics_rollups.sql, 20261122050100_member_rollup.sql)
// follow later changes: a row that changes after its day (a reservation visited two days after it
// was made, a trade refunded days after it closed, a member's level raised months after they
// registered) changes that day's figures at the next refresh; a refresh is idempotent, and
// the incremental refresh gives exactly what a full rebuild gives.
//
// Everything lives in a fresh city of the fake province 980000 and on days in June 2024, which no
// other test uses. Rows are written with the superuser connection like the analytics-charts test
// (the triggers that note changed days fire for every writer); the refresh is the scheduler's RPC.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { SupabaseClient } from '@supabase/supabase-js';
import { as, db, serviceClient } from '../support/stack.ts';
import { ensureRegions, uniq } from './core-fixtures.ts';
import { category, installFixtures, trade, val } from './money-fixtures.ts';

const D = '2024-06-10';
const WINDOW = { p_from: '2024-06-10', p_to: '2024-06-16' };
const RUN = uniq();

let c: pg.Client;
let analyst: SupabaseClient;
let service: SupabaseClient;
let city = '';
const id: Record<string, string> = {};

async function rpc<T = Record<string, unknown>[]>(client: SupabaseClient, fn: string, args: Record<string, unknown> = {}): Promise<T> {
  const { data, error } = await client.rpc(fn, args);
  expect(error, `${fn}: ${error?.message}`).toBeNull();
  return data as T;
}

/** The scheduler's refresh, repeated until a batch comes back short. */
async function refresh(): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await rpc<number>(service, 'analytics_refresh_rollups', { p_limit: 100 });
    total += n;
    if (n < 100) return total;
  }
}

/** Every rollup row of the test city, per table, in a stable order. */
async function snapshot(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of ['ana_reservations_day', 'ana_distributor_reservations_day', 'ana_distributor_trades_day', 'ana_commission_day',
    'ana_days_on_market_day', 'ana_trades_hour_day', 'ana_trades_brand_day', 'ana_trades_model_day', 'ana_trades_merchant_day',
    'ana_members_day', 'ana_trades_merchant_week']) {
    // the rows' content: a surrogate key (id, where the natural key has nullable parts) is renumbered by a rebuild
    out[t] = (await c.query(`select to_jsonb(x) - 'id' as r from app.${t} x where city_code = $1 order by 1`, [city])).rows;
  }
  for (const t of ['rank_reservations_day', 'rank_listing_events_day']) {
    out[t] = (await c.query(`select * from app.${t} where merchant_id = $1 order by day`, [id.M])).rows;
  }
  return out;
}

beforeAll(async () => {
  c = await db();
  await installFixtures(c);
  await ensureRegions(c);
  analyst = await as('analyst');
  service = await serviceClient();
  city = await val<string>(c,
    `select '98' || lpad(n::text, 2, '0') || '00' from generate_series(3, 99) n
      where not exists (select 1 from public.regions r where r.code = '98' || lpad(n::text, 2, '0') || '00') order by n limit 1`);
  if (!city) throw new Error('no free test city codes left in 980000: reset the test database');
  await c.query(`insert into public.regions (code, name, level, parent_code) values ($1, $2, 'city', '980000')`, [city, `汇总测试${RUN}`]);
  const cat = await category(c, 0.05, 0.02);
  id.M = await val<string>(c,
    `insert into public.merchants (name, kind, category_id, city_code, status, fee_plan, fee_paid_until)
     values ($1, 'used_dealer', $2, $3, 'active', 'yearly', current_date + 300) returning id`, [`汇总测试车行 ${RUN}`, cat, city]);
  for (const [key, rights] of [['B', false], ['DIST', true]] as const) {
    id[key] = await val<string>(c,
      `insert into public.members (nickname, city_code, registered_at, has_promotion_rights, promotion_rights_at)
       values ($1, $2, '2024-01-01 10:00+08', $3, case when $3 then '2024-01-01 10:00+08'::timestamptz end) returning id`,
      [`汇总${key}${RUN}`, city, rights]);
  }
  id.L = await val<string>(c,
    `insert into public.listings (merchant_id, kind, title, brand_id, series_id, model_id, year, city_code, price_fen, review_state,
       shelf_state, trade_state, created_at, listed_at)
     select $1, 'used_sale', '汇总测试车源', s.brand_id, s.id, null, 2023, $2, 10000000, 'approved', 'on', 'available',
       '2024-05-01 10:00+08', '2024-05-01 10:00+08'
     from public.car_series s order by s.id limit 1 returning id`, [id.M, city]);
  await refresh();
});

afterAll(async () => {
  await c?.end();
});

describe('analytics rollups', () => {
  it('a reservation made on day D and visited on D+2 counts as successful on D after the next refresh', async () => {
    id.R = await val<string>(c,
      `insert into public.reservations (kind, member_id, merchant_id, listing_id, distributor_id, state, reserved_for, confirm_deadline,
         price_fen, created_at, state_changed_at)
       values ('used_purchase', $1, $2, $3, $4, 'confirmed', '2024-06-12 10:00+08', '2024-06-11 10:00+08', 10000000,
         '2024-06-10 10:00+08', '2024-06-10 11:00+08') returning id`, [id.B, id.M, id.L, id.DIST]);
    expect(await refresh()).toBeGreaterThanOrEqual(1);
    expect(await rpc(analyst, 'analytics_reservations', { ...WINDOW, p_city: city })).toEqual([
      { day: D, kind: 'used_purchase', total: 1, successful: 0, cancelled: 0 },
    ]);
    const dist = await rpc<{ distributor_id: string; reservations: number }[]>(analyst, 'analytics_distributors',
      { ...WINDOW, p_city: city, p_limit: 10 });
    expect(dist.map((r) => [r.distributor_id, r.reservations])).toEqual([[id.DIST, 1]]);

    // two days later the customer turns up
    await c.query(`update public.reservations set state = 'visited', state_changed_at = '2024-06-12 10:00+08' where id = $1`, [id.R]);
    expect(await refresh()).toBeGreaterThanOrEqual(1);
    // day D changed; D+2 (the day of the change) has no reservation of its own
    expect(await rpc(analyst, 'analytics_reservations', { ...WINDOW, p_city: city })).toEqual([
      { day: D, kind: 'used_purchase', total: 1, successful: 1, cancelled: 0 },
    ]);
    expect((await c.query(`select day::text, total, successful from app.rank_reservations_day where merchant_id = $1`, [id.M])).rows)
      .toEqual([{ day: D, total: 1, successful: 1 }]);
  });

  it('a trade closed on D and refunded on D+3 leaves D\'s GMV, top lists and commission at the next refresh', async () => {
    id.T = await trade(c, id.M, id.B, id.DIST, 1_000_000, '2024-06-10 15:00+08');
    await refresh();
    const gmvOf = async () => (await rpc<{ day: string; trades: number; gmv_fen: number }[]>(analyst, 'analytics_gmv',
      { ...WINDOW, p_city: city })).filter((r) => r.trades !== 0);
    expect(await gmvOf()).toEqual([{ day: D, trades: 1, gmv_fen: 1_000_000 }]);
    expect((await rpc<{ merchant_id: string; gmv_fen: number }[]>(analyst, 'analytics_top_merchants', { ...WINDOW, p_city: city }))
      .map((r) => [r.merchant_id, r.gmv_fen])).toEqual([[id.M, 1_000_000]]);
    const commission = async () => (await rpc<{ day: string; commission_fen: number }[]>(analyst, 'analytics_commission_daily',
      { ...WINDOW, p_city: city })).filter((r) => r.commission_fen !== 0);
    expect(await commission()).toEqual([{ day: D, commission_fen: 20_000, records: 1 }]); // 2 % of 1,000,000, still frozen
    expect((await rpc<{ listings: number }[]>(analyst, 'analytics_days_on_market', { ...WINDOW, p_city: city }))
      .reduce((a, r) => a + r.listings, 0)).toBe(1);

    // refunded three days later, before its commission was released: the commission is cancelled
    await c.query(`update public.trades set status = 'refunded', refunded_at = '2024-06-13 11:00+08',
      status_reason = 'customer_refund: 汇总测试' where id = $1`, [id.T]);
    await refresh();
    expect(await gmvOf()).toEqual([]);
    expect(await rpc(analyst, 'analytics_top_merchants', { ...WINDOW, p_city: city })).toEqual([]);
    expect(await commission()).toEqual([]);
    expect(await rpc(analyst, 'analytics_days_on_market', { ...WINDOW, p_city: city })).toEqual([]);
    // the distributor keeps the reservation of the first test, nothing else
    expect(await rpc(analyst, 'analytics_distributors', { ...WINDOW, p_city: city, p_limit: 10 })).toEqual([
      { distributor_id: id.DIST, nickname: `汇总DIST${RUN}`, reservations: 1, trades: 0, gmv_fen: 0, commission_fen: 0 },
    ]);
  });

  it('a member registered on D whose level is raised later moves the levels chart at the next refresh', async () => {
    const levels = async () => Object.fromEntries((await rpc<{ level: string; members: number }[]>(analyst, 'analytics_member_levels',
      { ...WINDOW, p_city: city })).map((r) => [r.level, r.members]));
    const none = { regular: 0, silver: 0, gold: 0, platinum: 0, diamond: 0 };
    id.N = await val<string>(c,
      `insert into public.members (nickname, city_code, level, registered_at) values ($1, $2, 'regular', '2024-06-10 23:30+08')
       returning id`, [`汇总新会员${RUN}`, city]);
    expect(await refresh()).toBeGreaterThanOrEqual(1);
    expect(await levels()).toEqual({ ...none, regular: 1 });
    const growth = await rpc<{ day: string; new_members: number; total_members: number }[]>(analyst, 'analytics_member_growth',
      { ...WINDOW, p_city: city });
    // B and DIST registered in January
    expect(growth.filter((r) => r.new_members !== 0)).toEqual([{ day: D, new_members: 1, total_members: 3 }]);
    expect(growth.at(-1)).toEqual({ day: WINDOW.p_to, new_members: 0, total_members: 3 });
    expect(await rpc(analyst, 'analytics_member_cities', { ...WINDOW, p_city: city }))
      .toEqual([{ city_code: city, city_name: `汇总测试${RUN}`, members: 1 }]);

    // an update the rollup does not group by notes nothing
    await c.query(`update public.members set points = points + 10 where id = $1`, [id.N]);
    expect(await val<number>(c, `select count(*)::int from app.rollup_dirty where source = 'member' and day = $1`, [D])).toBe(0);

    // weeks later (any day: the mark is the registration day) the member is raised to gold
    await c.query(`update public.members set level = 'gold' where id = $1`, [id.N]);
    expect(await val<number>(c, `select count(*)::int from app.rollup_dirty where source = 'member' and day = $1`, [D]))
      .toBeGreaterThanOrEqual(1);
    expect(await refresh()).toBeGreaterThanOrEqual(1);
    expect(await levels()).toEqual({ ...none, gold: 1 });
    // a second refresh finds nothing of this to redo and changes nothing
    await refresh();
    expect(await levels()).toEqual({ ...none, gold: 1 });
  });

  it('refreshing again changes nothing, and the incremental rollups equal a full rebuild', async () => {
    const before = await snapshot();
    expect(before.ana_reservations_day.length).toBeGreaterThan(0);
    // the listing of May and the trade's listing made today
    expect(before.rank_listing_events_day.length).toBeGreaterThanOrEqual(2);
    expect((await c.query(`select day::text, level, members from app.ana_members_day where city_code = $1 order by day`, [city])).rows)
      .toEqual([{ day: '2024-01-01', level: 'regular', members: 2 }, { day: D, level: 'gold', members: 1 }]);
    // the same days noted again (twice), as a retried job would
    for (let i = 0; i < 2; i++) {
      await c.query(`insert into app.rollup_dirty (source, day) values ('reservation', $1), ('trade', $1), ('trade', '2024-06-13'),
        ('listing', '2024-05-01'), ('member', $1), ('member', '2024-01-01')`, [D]);
    }
    expect(await refresh()).toBeGreaterThanOrEqual(6);
    await refresh();
    expect(await snapshot()).toEqual(before);
    await c.query('select app.rollup_rebuild()');
    expect(await snapshot()).toEqual(before);
  });

  it('only admins and the scheduler refresh', async () => {
    const { error } = await analyst.rpc('analytics_refresh_rollups', { p_limit: 1 });
    expect(error?.code).toBe('42501');
  });
});
