// Member reviews of merchants: who may review (only after a completed reservation or a closed
// trade with that merchant, once), hiding and restoring with a coded reason (audited, reviewer
// and admin of the merchant's region only), the rating formula (decay with a half-life, shrink
// toward the platform mean) and that the ranking reads it. Fixtures live in CITY_A/CITY_B.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { SupabaseClient } from '@supabase/supabase-js';
import { as, db, serviceClient } from '../support/stack.ts';
import { installFixtures } from './money-fixtures.ts';
import {
  CITY_A, CITY_B, auditRows, ensureRegions, expectFail, makeListing, makeMember, makeMerchant, makeReservation, makeScopedStaff,
} from './core-fixtures.ts';

let pgc: pg.Client;
let service: SupabaseClient;
let merchant: string;
let listing: string;
let member: string;

const settings = { hl: 0, k: 0 };

async function submit(args: Record<string, unknown>) {
  return service.rpc('review_submit', { p_member_id: member, p_merchant_id: merchant, p_stars: 5, p_body: '服务很好，推荐', ...args });
}

/** A review written `days` ago on a fresh completed reservation of `m` (superuser insert, like the seed). */
async function reviewAged(m: string, l: string, stars: number, days: number, visibility = 'visible'): Promise<string> {
  const who = await makeMember(pgc, { city: CITY_A });
  const res = await makeReservation(pgc, who, l, { state: 'visited' });
  const { rows } = await pgc.query(
    `insert into public.merchant_reviews (member_id, merchant_id, city_code, reservation_id, stars, body, created_at,
       visibility, hidden_reason, hidden_at)
     select $1, $2, m.city_code, $3, $4, '测试评价', now() - make_interval(days => $5::int), $6,
       case when $6 = 'hidden' then 'spam' end, case when $6 = 'hidden' then now() end
     from public.merchants m where m.id = $2 returning id`,
    [who, m, res, stars, days, visibility],
  );
  return rows[0].id;
}

beforeAll(async () => {
  pgc = await db();
  await ensureRegions(pgc);
  await installFixtures(pgc);
  service = await serviceClient();
  merchant = await makeMerchant(pgc, { city: CITY_A });
  listing = await makeListing(pgc, merchant, { review: 'approved', shelf: 'on' });
  member = await makeMember(pgc, { city: CITY_A });
  const { rows } = await pgc.query('select review_half_life_days as hl, review_prior_weight::float8 as k from public.core_settings');
  Object.assign(settings, rows[0]);
});

afterAll(async () => {
  await pgc.query('update public.core_settings set review_half_life_days = $1, review_prior_weight = $2', [settings.hl, settings.k]);
  await pgc.end();
});

describe('review_submit', () => {
  it('accepts a review only after a completed reservation with that merchant, once', async () => {
    const open = await makeReservation(pgc, member, listing, { state: 'confirmed' });
    expectFail((await submit({ p_reservation_id: open })).error, 'review_not_eligible');
    const done = await makeReservation(pgc, member, listing, { state: 'no_deal' });
    // another member cannot review this member's reservation
    const other = await makeMember(pgc, { city: CITY_A });
    expectFail((await submit({ p_member_id: other, p_reservation_id: done })).error, 'review_not_eligible');
    // nor can it be filed against another merchant
    const elsewhere = await makeMerchant(pgc, { city: CITY_A });
    expectFail((await submit({ p_merchant_id: elsewhere, p_reservation_id: done })).error, 'review_not_eligible');
    expectFail((await submit({ p_reservation_id: done, p_stars: 6 })).error, 'invalid_input');
    expectFail((await submit({})).error, 'invalid_input');

    const { data, error } = await submit({ p_reservation_id: done, p_stars: 4 });
    expect(error).toBeNull();
    expect(data).toMatchObject({ member_id: member, merchant_id: merchant, city_code: CITY_A, stars: 4, visibility: 'visible' });
    expectFail((await submit({ p_reservation_id: done, p_stars: 1 })).error, 'duplicate');
    expect(await auditRows(pgc, data.id, 'review.submit')).toHaveLength(1);
    // the merchant's stored rating follows at once
    const m = await pgc.query('select rating::float8 as r from public.merchants where id = $1', [merchant]);
    const x = await pgc.query('select rating::float8 as r from app.merchant_review_ratings($1)', [merchant]);
    expect(m.rows[0].r).toBe(x.rows[0].r);
  });

  it('accepts a closed trade, and not a second review of the reservation it came from', async () => {
    const buyer = await makeMember(pgc, { city: CITY_A });
    const trade = (await pgc.query(`select money_fx.trade($1, $2, null, 100000) as id`, [merchant, buyer])).rows[0].id;
    const r1 = await service.rpc('review_submit', { p_member_id: buyer, p_merchant_id: merchant, p_stars: 5, p_body: '交易顺利', p_trade_id: trade });
    expect(r1.error).toBeNull();
    const again = await service.rpc('review_submit', { p_member_id: buyer, p_merchant_id: merchant, p_stars: 5, p_body: '再评一次', p_trade_id: trade });
    expectFail(again.error, 'duplicate');
  });

  it('is for the member app (service key) only: staff and direct writes are refused', async () => {
    const done = await makeReservation(pgc, member, listing, { state: 'visited' });
    const admin = await as('admin');
    const viaStaff = await admin.rpc('review_submit', { p_member_id: member, p_merchant_id: merchant, p_stars: 5, p_body: '员工代写', p_reservation_id: done });
    expect(viaStaff.error).not.toBeNull();
    const direct = await admin.from('merchant_reviews').insert({ member_id: member, merchant_id: merchant, city_code: CITY_A,
      reservation_id: done, stars: 5, body: '直接写入' });
    expect(direct.error).not.toBeNull();
  });
});

describe('review_hide and review_restore', () => {
  it('hide with a coded reason and restore, audited, rating recomputed each time', async () => {
    const m = await makeMerchant(pgc, { city: CITY_A });
    const l = await makeListing(pgc, m, { review: 'approved', shelf: 'on' });
    await reviewAged(m, l, 5, 0);
    const spam = await reviewAged(m, l, 1, 0);
    await pgc.query('select app.merchant_rating_refresh($1)', [m]);
    const rating = async () => Number((await pgc.query('select rating from public.merchants where id = $1', [m])).rows[0].rating);
    const before = await rating();

    const reviewer = await as('reviewer');
    expectFail((await reviewer.rpc('review_hide', { p_id: spam, p_reason_code: 'bogus' })).error, 'invalid_input');
    expectFail((await reviewer.rpc('review_hide', { p_id: spam, p_reason_code: 'other' })).error, 'reason_required');
    const hid = await reviewer.rpc('review_hide', { p_id: spam, p_reason_code: 'fake', p_note: '同一设备批量差评' });
    expect(hid.error).toBeNull();
    expect(hid.data).toMatchObject({ visibility: 'hidden', hidden_reason: 'fake', hidden_note: '同一设备批量差评' });
    expect(await rating()).toBeGreaterThan(before);
    expectFail((await reviewer.rpc('review_hide', { p_id: spam, p_reason_code: 'spam' })).error, 'illegal_transition');
    const [a] = await auditRows(pgc, spam, 'review.hide');
    expect(a).toMatchObject({ actor_email: 'reviewer@demo.test', reason: '同一设备批量差评', region_code: CITY_A });

    expectFail((await reviewer.rpc('review_restore', { p_id: spam, p_note: '' })).error, 'reason_required');
    const back = await reviewer.rpc('review_restore', { p_id: spam, p_note: '申诉核实为真实评价' });
    expect(back.error).toBeNull();
    expect(back.data).toMatchObject({ visibility: 'visible', hidden_reason: null, hidden_by: null });
    expect(await rating()).toBe(before);
    expect(await auditRows(pgc, spam, 'review.restore')).toHaveLength(1);
    expectFail((await reviewer.rpc('review_restore', { p_id: spam, p_note: '再恢复' })).error, 'illegal_transition');
  });

  it('refuses other roles and staff of another region; reads follow role and region', async () => {
    const mB = await makeMerchant(pgc, { city: CITY_B });
    const lB = await makeListing(pgc, mB, { review: 'approved', shelf: 'on' });
    const idB = await reviewAged(mB, lB, 2, 1);
    for (const role of ['customer_service', 'finance', 'analyst'] as const) {
      const { error } = await (await as(role)).rpc('review_hide', { p_id: idB, p_reason_code: 'spam' });
      expect(error?.code, role).toBe('42501');
    }
    const scoped = await makeScopedStaff(pgc, 'reviewer', [CITY_A]);
    expectFail((await scoped.client.rpc('review_hide', { p_id: idB, p_reason_code: 'spam' })).error, 'out_of_region');
    expectFail((await scoped.client.rpc('merchant_review_summary', { p_merchant: mB })).error, 'out_of_region');
    const seen = await scoped.client.from('v_merchant_reviews').select('id').eq('id', idB);
    expect(seen.data).toEqual([]);
    const all = await (await as('reviewer')).from('v_merchant_reviews').select('id, merchant_name').eq('id', idB);
    expect(all.data).toHaveLength(1);
    const finance = await (await as('finance')).from('merchant_reviews').select('id').eq('id', idB);
    expect(finance.data).toEqual([]);
    const edit = await (await as('admin')).from('merchant_reviews').update({ visibility: 'hidden' }).eq('id', idB).select();
    expect(edit.error ?? edit.data?.length === 0).toBeTruthy();
    const still = await pgc.query('select visibility from public.merchant_reviews where id = $1', [idB]);
    expect(still.rows[0].visibility).toBe('visible');
  });
});

describe('the rating', () => {
  it('weighs recent reviews more, shrinks few reviews toward the platform mean and skips hidden ones', async () => {
    await pgc.query('update public.core_settings set review_half_life_days = 30, review_prior_weight = 2');
    const m = await makeMerchant(pgc, { city: CITY_A });
    const l = await makeListing(pgc, m, { review: 'approved', shelf: 'on' });
    await reviewAged(m, l, 5, 0); // weight 1
    await reviewAged(m, l, 1, 30); // weight 1/2
    await reviewAged(m, l, 1, 60); // weight 1/4
    await reviewAged(m, l, 5, 0, 'hidden'); // does not count
    const pm = Number((await pgc.query(`select avg(stars) as a from public.merchant_reviews where visibility = 'visible'`)).rows[0].a);
    // W = 1.75, S = 5 + 0.5 + 0.25 = 5.75; rating = (2 × pm + 5.75) / 3.75
    const { data, error } = await (await as('reviewer')).rpc('merchant_review_summary', { p_merchant: m });
    expect(error).toBeNull();
    expect(data.review_count).toBe(3);
    expect(data.hidden_count).toBe(1);
    expect(data.weighted_count).toBeCloseTo(1.75, 2);
    expect(data.weighted_mean).toBeCloseTo(5.75 / 1.75, 2);
    expect(data.platform_mean).toBeCloseTo(pm, 2);
    expect(data.rating).toBeCloseTo((2 * pm + 5.75) / 3.75, 2);
    // a merchant without reviews gets the platform mean
    const none = await makeMerchant(pgc, { city: CITY_A });
    const n = await pgc.query('select rating::float8 as r, review_count::int as c from app.merchant_review_ratings($1)', [none]);
    expect(n.rows[0]).toEqual({ r: Math.round(pm * 100) / 100, c: 0 });
  });

  it('feeds the ranking: hiding a review changes the rating term at the next run', async () => {
    await pgc.query('update public.core_settings set review_half_life_days = 180, review_prior_weight = 1');
    const m = await makeMerchant(pgc, { city: CITY_A });
    const l = await makeListing(pgc, m, { review: 'approved', shelf: 'on' });
    await reviewAged(m, l, 5, 0);
    await reviewAged(m, l, 5, 0);
    const fake = await reviewAged(m, l, 5, 0);
    const admin = await as('admin');
    const run = async () => {
      const { error } = await admin.rpc('rank_merchants', { p_trigger: 'manual' });
      expect(error).toBeNull();
      const { data: b } = await admin.rpc('merchant_ranking_breakdown', { p_merchant: m });
      return b.terms.find((t: { key: string }) => t.key === 'rating') as Record<string, number>;
    };
    const t1 = await run();
    expect(t1).toMatchObject({ review_count: 3, weighted_mean: 5, prior_weight: 1, half_life_days: 180 });
    expect(t1.value).toBeCloseTo((t1.platform_mean + 15) / 4, 2);
    expect(t1.normalized).toBeCloseTo(t1.value * 20, 2);

    expect((await (await as('reviewer')).rpc('review_hide', { p_id: fake, p_reason_code: 'fake' })).error).toBeNull();
    const t2 = await run();
    expect(t2.review_count).toBe(2);
    expect(t2.value).toBeCloseTo((t2.platform_mean + 10) / 3, 2);
    expect(t2.value).toBeLessThan(t1.value);
    expect(t2.points).toBeLessThan(t1.points);
  });
});
