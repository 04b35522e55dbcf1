// Merchant ranking (R-RNK): a small case computed by hand matches the SQL exactly, penalties
// lower the rank and stop counting when they expire, a rule change reorders the city as
// expected, rules are versioned and audited, and only admins (or the service role) run it.
// Fixtures live in a fake city (990100) that the demo seed never uses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { as, db, serviceClient } from '../support/stack.ts';

const CITY = '990100';
const RULE = {
  name: '测试规则',
  w_product_updates: 0.2,
  w_update_frequency: 0.1,
  w_rating: 0.3,
  w_complaints: -0.2,
  w_reservations: 0.2,
  w_success_rate: 0.2,
  w_penalties: -1,
  level_thresholds: [20, 40, 60, 80],
  window_days: 30,
  cap_product_updates: 10,
  cap_complaints: 5,
  cap_reservations: 10,
};

let pgc: pg.Client;
let defaultRule: Record<string, unknown>;
let reviewSettings: { hl: number; k: number };
const ids = { a: '', b: '', c: '', member: '', penalty: '' };

// The rating term reads the rating made from member reviews (19_merchant_reviews.sql). With
// 100 fresh reviews and the platform prior at its smallest weight (0.01) the mean of the stars
// comes out exactly at two decimals, whatever the platform mean is. Their reservations are
// 100 days old, outside the window, so they count for nothing else.
async function insertMerchant(name: string, rating: number): Promise<string> {
  const { rows } = await pgc.query(
    `insert into public.merchants (name, kind, category_id, city_code, status, fee_plan, fee_paid_until)
     values ($1, 'used_dealer', (select min(id) from public.merchant_categories), $2, 'active', 'yearly', current_date + 300)
     returning id`,
    [name, CITY],
  );
  const id = rows[0].id as string;
  const lst = await insertListing(id, '100 days');
  await pgc.query(
    `with res as (
       insert into public.reservations (kind, member_id, merchant_id, listing_id, state, reserved_for, confirm_deadline, price_fen, created_at)
       select 'used_purchase', $1, $2, $3, 'visited', now() - interval '99 days', now() - interval '99 days', 10000000, now() - interval '100 days'
       from generate_series(1, 100) returning id)
     insert into public.merchant_reviews (member_id, merchant_id, city_code, reservation_id, stars, body)
     select $1, $2, $4, res.id, case when row_number() over () % 2 = 0 then floor($5::numeric) else ceil($5::numeric) end, '排名测试评价'
     from res`,
    [ids.member, id, lst, CITY, rating],
  );
  return id;
}

async function insertListing(merchant: string, createdAgo: string): Promise<string> {
  const { rows } = await pgc.query(
    `insert into public.listings (merchant_id, kind, title, brand_id, series_id, city_code, price_fen, review_state, created_at)
     select $1, 'used_sale', '排名测试车源', s.brand_id, s.id, $2, 10000000, 'approved', now() - $3::interval
     from public.car_series s order by s.id limit 1
     returning id`,
    [merchant, CITY, createdAgo],
  );
  return rows[0].id;
}

async function insertReservation(merchant: string, listing: string, state: string): Promise<void> {
  await pgc.query(
    `insert into public.reservations (kind, member_id, merchant_id, listing_id, state, reserved_for, confirm_deadline, price_fen, deal_amount_fen, created_at)
     values ('used_purchase', $1, $2, $3, $4, now() + interval '1 day', now() + interval '2 hours', 10000000, 10000000, now() - interval '2 days')`,
    [ids.member, merchant, listing, state],
  );
}

async function runAsAdmin() {
  const admin = await as('admin');
  const { data, error } = await admin.rpc('rank_merchants', { p_trigger: 'manual' });
  expect(error).toBeNull();
  expect(data.status).toBe('succeeded');
  return data as { run_id: number; merchant_count: number };
}

async function cityScores(): Promise<Record<string, { score: number; level: number; rank: number }>> {
  const { rows } = await pgc.query(
    `select m.id, s.score::float8 as score, s.level, s.rank_in_city as rank
     from public.merchant_scores s join public.merchants m on m.id = s.merchant_id
     where m.city_code = $1 and m.status <> 'closed'`,
    [CITY],
  );
  return Object.fromEntries(rows.map((r) => [r.id, { score: r.score, level: r.level, rank: r.rank }]));
}

async function publish(rule: Record<string, unknown>, reason = '测试') {
  const admin = await as('admin');
  const { data, error } = await admin.rpc('ranking_rule_publish', { p_rule: rule, p_reason: reason });
  expect(error).toBeNull();
  return data;
}

beforeAll(async () => {
  pgc = await db();
  await pgc.query(`insert into public.regions (code, name, level, parent_code) values
    ('990000', '测试省', 'province', null), ('990100', '测试一市', 'city', '990000'), ('990200', '测试二市', 'city', '990000')
    on conflict (code) do nothing`);
  // merchants left here by earlier runs are closed, so they are not ranked any more
  await pgc.query(`update public.merchants set status = 'closed', closed_at = now() where city_code = $1 and status <> 'closed'`, [CITY]);
  const { rows } = await pgc.query('select * from public.ranking_rules where active');
  defaultRule = rows[0];
  reviewSettings = (await pgc.query('select review_half_life_days as hl, review_prior_weight as k from public.core_settings')).rows[0];
  await pgc.query('update public.core_settings set review_half_life_days = 3650, review_prior_weight = 0.01');
  const m = await pgc.query(`insert into public.members (nickname, city_code) values ('排名测试会员', $1) returning id`, [CITY]);
  ids.member = m.rows[0].id;

  // A: rating 4.5; 2 listings (5 and 3 days ago) + 3 listing events (3, 1, 1 days ago) = 5 events on 3 days;
  //    4 reservations of which 3 successful; 1 complaint (and 1 dismissed one that does not count).
  ids.a = await insertMerchant('排名测试甲车行', 4.5);
  const la = await insertListing(ids.a, '5 days');
  const la2 = await insertListing(ids.a, '3 days');
  await pgc.query(
    `insert into public.listing_history (listing_id, dimension, from_state, to_state, at) values
     ($1, 'shelf', 'off', 'on', now() - interval '3 days'), ($1, 'shelf', 'on', 'off', now() - interval '1 day'),
     ($2, 'shelf', 'off', 'on', now() - interval '1 day')`,
    [la, la2],
  );
  for (const state of ['visited', 'deal_closed', 'no_deal', 'cancelled_by_customer']) await insertReservation(ids.a, la, state);
  for (const state of ['accepted', 'dismissed']) {
    await pgc.query(
      `insert into public.complaints (member_id, merchant_id, city_code, category, title, content, state,
         first_response_due_at, resolution_due_at, created_at)
       values ($1, $2, $3, 'attitude', '态度问题', '测试投诉', $4, now() + interval '1 day', now() + interval '7 days', now() - interval '4 days')`,
      [ids.member, ids.a, CITY, state],
    );
  }
  // B: rating 5.0 and nothing else.
  ids.b = await insertMerchant('排名测试乙车行', 5.0);
  // C: rating 3.0; 12 listings an hour ago (over the cap of 10) and one 40 days ago (outside the window).
  ids.c = await insertMerchant('排名测试丙车行', 3.0);
  for (let i = 0; i < 12; i++) await insertListing(ids.c, '1 hour');
  await insertListing(ids.c, '40 days');

  await publish(RULE, '排名测试：已知权重');
});

afterAll(async () => {
  // leave the demo's rule active again, as a new version
  const keys = Object.keys(RULE);
  await publish(Object.fromEntries(keys.map((k) => [k, defaultRule[k]])), '排名测试结束：恢复默认规则');
  await pgc.query('update public.core_settings set review_half_life_days = $1, review_prior_weight = $2', [reviewSettings.hl, reviewSettings.k]);
  await pgc.end();
});

describe('ranking computation', () => {
  it('matches a hand-computed small case exactly', async () => {
    const run = await runAsAdmin();
    expect(run.merchant_count).toBeGreaterThanOrEqual(3);
    const s = await cityScores();
    // A: updates 5/10 → 50 × 0.2 = 10; frequency 3 days / 30 → 10 × 0.1 = 1; rating 90 × 0.3 = 27;
    //    complaints 1/5 → 20 × −0.2 = −4; reservations 4/10 → 40 × 0.2 = 8; success 75 × 0.2 = 15 ⇒ 57
    expect(s[ids.a]).toEqual({ score: 57, level: 3, rank: 1 });
    // C: updates 12 capped at 10 → 100 × 0.2 = 20; frequency 1/30 → 3.33 × 0.1 = 0.33; rating 60 × 0.3 = 18 ⇒ 38.33
    expect(s[ids.c]).toEqual({ score: 38.33, level: 2, rank: 2 });
    // B: rating 100 × 0.3 = 30
    expect(s[ids.b]).toEqual({ score: 30, level: 2, rank: 3 });

    const { rows } = await pgc.query('select terms, run_id from public.merchant_scores where merchant_id = $1', [ids.a]);
    expect(Number(rows[0].run_id)).toBe(Number(run.run_id));
    expect(rows[0].terms).toMatchObject({
      product_updates: { value: 5, cap: 10, normalized: 50, weight: 0.2, points: 10 },
      update_frequency: { value: 10, normalized: 10, weight: 0.1, points: 1 },
      rating: { value: 4.5, normalized: 90, weight: 0.3, points: 27, review_count: 100, weighted_mean: 4.5 },
      complaints: { value: 1, normalized: 20, weight: -0.2, points: -4 },
      reservations: { value: 4, normalized: 40, weight: 0.2, points: 8 },
      success_rate: { value: 75, successful: 3, total: 4, normalized: 75, weight: 0.2, points: 15 },
      penalties: { value: 0, count: 0, points: 0 },
    });
    // the merchants table carries the result for lists and the public side
    const m = await pgc.query('select level, rank_score::float8 as score, rank_in_city from public.merchants where id = $1', [ids.a]);
    expect(m.rows[0]).toEqual({ level: 3, score: 57, rank_in_city: 1 });
    // one history row per merchant per run
    const h = await pgc.query(
      'select count(*)::int as n, count(distinct merchant_id)::int as d from public.merchant_score_history where run_id = $1',
      [run.run_id],
    );
    expect(h.rows[0].n).toBe(h.rows[0].d);
    expect(h.rows[0].n).toBe(run.merchant_count);
  });

  it('explains a merchant term by term through the breakdown RPC', async () => {
    const analyst = await as('analyst');
    const { data, error } = await analyst.rpc('merchant_ranking_breakdown', { p_merchant: ids.a });
    expect(error).toBeNull();
    expect(data.score).toBe(57);
    expect(data.rank_in_city).toBe(1);
    expect(data.city_ranked_count).toBe(3);
    expect(data.rule.window_days).toBe(30);
    expect(data.terms.map((t: { key: string }) => t.key)).toEqual([
      'product_updates', 'update_frequency', 'rating', 'complaints', 'reservations', 'success_rate', 'penalties',
    ]);
    const sum = data.terms.reduce((acc: number, t: { points: number }) => acc + t.points, 0);
    expect(Math.round(sum * 100) / 100).toBe(57);
    expect(data.penalties).toEqual([]);
  });

  it('lowers the rank while a penalty is in force, and not after it expires', async () => {
    const p = await pgc.query(
      `insert into public.merchant_penalties (merchant_id, size, reason, starts_at, expires_at)
       values ($1, 30, '测试降权', now() - interval '1 hour', now() + interval '10 days') returning id`,
      [ids.a],
    );
    ids.penalty = p.rows[0].id;
    await runAsAdmin();
    let s = await cityScores();
    expect(s[ids.a]).toEqual({ score: 27, level: 2, rank: 3 });
    expect(s[ids.c].rank).toBe(1);
    expect(s[ids.b].rank).toBe(2);

    const analyst = await as('analyst');
    const { data } = await analyst.rpc('merchant_ranking_breakdown', { p_merchant: ids.a });
    expect(data.penalties).toHaveLength(1);
    expect(data.penalties[0].size).toBe(30);
    expect(data.terms.find((t: { key: string }) => t.key === 'penalties')).toMatchObject({ value: 30, count: 1, points: -30 });

    await pgc.query(
      `update public.merchant_penalties set starts_at = now() - interval '20 days', expires_at = now() - interval '1 minute' where id = $1`,
      [ids.penalty],
    );
    await runAsAdmin();
    s = await cityScores();
    expect(s[ids.a]).toEqual({ score: 57, level: 3, rank: 1 });
  });

  it('reorders the city when the rule changes, as a new audited version', async () => {
    const before = await pgc.query('select max(version) as v from public.ranking_rules');
    const rule = await publish({ ...RULE, w_rating: 0.6 }, '更看重服务评分');
    expect(rule.version).toBe(before.rows[0].v + 1);
    expect(rule.active).toBe(true);
    const active = await pgc.query('select count(*)::int as n from public.ranking_rules where active');
    expect(active.rows[0].n).toBe(1);
    const audit = await pgc.query(
      `select actor_email, reason, after ->> 'version' as version from public.audit_log
       where action = 'ranking_rule.publish' and entity_id = $1`,
      [String(rule.id)],
    );
    expect(audit.rows).toEqual([{ actor_email: 'admin@demo.test', reason: '更看重服务评分', version: String(rule.version) }]);

    await runAsAdmin();
    const s = await cityScores();
    // A 10 + 1 + 54 − 4 + 8 + 15 = 84; B 60; C 20 + 0.33 + 36 = 56.33: B overtakes C
    expect(s[ids.a]).toEqual({ score: 84, level: 5, rank: 1 });
    expect(s[ids.b]).toEqual({ score: 60, level: 4, rank: 2 });
    expect(s[ids.c]).toEqual({ score: 56.33, level: 3, rank: 3 });
  });

  it('never edits or deletes a rule version', async () => {
    const { rows } = await pgc.query('select id from public.ranking_rules order by version limit 1');
    await expect(pgc.query('update public.ranking_rules set w_rating = 9 where id = $1', [rows[0].id])).rejects.toThrow(/rule_immutable/);
    await expect(pgc.query('delete from public.ranking_rules where id = $1', [rows[0].id])).rejects.toThrow(/rule_immutable/);
    const admin = await as('admin');
    const { error } = await admin.from('ranking_rules').update({ w_rating: 9 }).eq('id', rows[0].id);
    expect(error).not.toBeNull();
  });

  it('refuses bad rules and non-admins', async () => {
    const admin = await as('admin');
    const noReason = await admin.rpc('ranking_rule_publish', { p_rule: RULE, p_reason: '' });
    expect(noReason.error?.message).toBe('reason_required');
    const badThresholds = await admin.rpc('ranking_rule_publish', { p_rule: { level_thresholds: [50, 40, 60, 80] }, p_reason: '错误' });
    expect(badThresholds.error?.message).toBe('invalid_input');
    const reviewer = await as('reviewer');
    const pub = await reviewer.rpc('ranking_rule_publish', { p_rule: RULE, p_reason: '越权' });
    expect(pub.error?.code).toBe('42501');
    const run = await reviewer.rpc('rank_merchants', { p_trigger: 'manual' });
    expect(run.error?.code).toBe('42501');
  });

  it('lets the service role run the scheduled recompute', async () => {
    const service = await serviceClient();
    const { data, error } = await service.rpc('rank_merchants', { p_trigger: 'schedule' });
    expect(error).toBeNull();
    expect(data).toMatchObject({ status: 'succeeded', trigger: 'schedule' });
    const run = await pgc.query('select trigger, status, triggered_by from public.ranking_runs where id = $1', [data.run_id]);
    expect(run.rows[0]).toEqual({ trigger: 'schedule', status: 'succeeded', triggered_by: null });
  });
});
