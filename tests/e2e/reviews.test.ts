// Review moderation end to end, in the real app against the real stack: a reviewer finds a spam
// review in the queue by its words, hides it with a coded reason, and the merchant's review
// rating (merchants.rating, what the ranking reads) changes on the merchant page. The merchant,
// its members, reservations and reviews are made fresh for each run through db().
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type pg from 'pg';
import { appPath, launch, login, newPage, screenshot } from '../support/browser.ts';
import { db } from '../support/stack.ts';

const PASSWORD = 'demo1234';
const SLOW = { timeout: 60_000 };

let browser: Browser;
let sql: pg.Client;
const run = Date.now().toString(36).toUpperCase();

beforeAll(async () => {
  browser = await launch();
  sql = await db();
});
afterAll(async () => {
  await browser?.close();
  await sql?.end();
});

/** A Beijing merchant with two honest 3-star reviews and one 5-star spam review; its rating computed. */
async function makeMerchantWithReviews(): Promise<{ merchant: string; spam: string; name: string }> {
  const name = `端到端评价车行 ${run}`;
  const merchant = (await sql.query<{ id: string }>(
    `insert into public.merchants (name, kind, category_id, city_code, status, fee_plan, fee_paid_until)
     values ($1, 'used_dealer', (select id from public.merchant_categories where code = 'used_dealer'), '110100', 'active', 'yearly', current_date + 300)
     returning id`, [name])).rows[0].id;
  const listing = (await sql.query<{ id: string }>(
    `insert into public.listings (merchant_id, kind, title, brand_id, series_id, city_code, price_fen, review_state)
     select $1, 'used_sale', '评价测试车源', s.brand_id, s.id, '110100', 10000000, 'approved' from public.car_series s order by s.id limit 1
     returning id`, [merchant])).rows[0].id;
  const review = async (nickname: string, stars: number, body: string) => {
    const member = (await sql.query<{ id: string }>(
      `insert into public.members (nickname, city_code) values ($1, '110100') returning id`, [nickname])).rows[0].id;
    const res = (await sql.query<{ id: string }>(
      `insert into public.reservations (kind, member_id, merchant_id, listing_id, state, reserved_for, confirm_deadline, price_fen)
       values ('used_purchase', $1, $2, $3, 'visited', now() - interval '1 day', now() - interval '1 day', 10000000) returning id`,
      [member, merchant, listing])).rows[0].id;
    return (await sql.query<{ id: string }>(
      `insert into public.merchant_reviews (member_id, merchant_id, city_code, reservation_id, stars, body)
       values ($1, $2, '110100', $3, $4, $5) returning id`, [member, merchant, res, stars, body])).rows[0].id;
  };
  await review('王建国', 3, '车况一般，手续办得还算快。');
  await review('李秀英', 3, '价格略贵，服务还可以。');
  const spam = await review('刷单小号', 5, `好评返现！加微信 fanxian${run} 领红包，低价代办车贷`);
  await sql.query('select app.merchant_rating_refresh($1)', [merchant]);
  return { merchant, spam, name };
}

const ratingOf = async (merchant: string) =>
  Number((await sql.query('select rating from public.merchants where id = $1', [merchant])).rows[0].rating).toFixed(2);

describe('review moderation', () => {
  it('a reviewer finds a spam review, hides it with a reason, and the merchant rating changes', async () => {
    const { merchant, spam } = await makeMerchantWithReviews();
    const before = await ratingOf(merchant);
    const page = await newPage(browser);
    page.setDefaultTimeout(60_000);
    await login(page, 'reviewer@demo.test', PASSWORD);

    // the merchant page shows the rating with the spam review counted
    await page.goto(appPath(`merchants/${merchant}/show/reviews`));
    await expect.poll(() => page.getByTestId('review-rating').textContent(), SLOW).toBe(before);

    // the queue: find it by the words it advertises
    await page.goto(appPath('merchant_reviews'));
    await page.getByPlaceholder('搜索评价内容、商户或会员').fill(`fanxian${run}`);
    const row = page.getByRole('row').filter({ hasText: `fanxian${run}` });
    await row.waitFor(SLOW);
    // the search narrows the queue to this one review (a header row and one row)
    await expect.poll(() => page.getByRole('row').count(), SLOW).toBe(2);
    await screenshot(page, 'reviews-queue-spam');

    await row.getByRole('button', { name: '隐藏' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('button', { name: '隐藏' }).isDisabled()).resolves.toBe(true); // a reason is required
    await dialog.getByRole('combobox').click();
    await page.getByRole('option', { name: '广告引流' }).click();
    await dialog.getByRole('textbox', { name: '说明' }).fill('留微信号引流返现');
    await dialog.getByRole('button', { name: '隐藏' }).click();
    await page.getByText('评价已隐藏，商户评分已重算').waitFor();
    await row.getByText('已隐藏 · 广告引流').waitFor(SLOW);

    const { rows } = await sql.query('select visibility, hidden_reason, hidden_note from public.merchant_reviews where id = $1', [spam]);
    expect(rows[0]).toEqual({ visibility: 'hidden', hidden_reason: 'spam', hidden_note: '留微信号引流返现' });
    const audit = await sql.query(
      `select actor_email, reason from public.audit_log where entity = 'merchant_review' and entity_id = $1 and action = 'review.hide'`, [spam]);
    expect(audit.rows).toEqual([{ actor_email: 'reviewer@demo.test', reason: '留微信号引流返现' }]);

    // the merchant page: the rating without the spam review, lower than before
    const after = await ratingOf(merchant);
    expect(Number(after)).toBeLessThan(Number(before));
    await page.goto(appPath(`merchants/${merchant}/show/reviews`));
    await expect.poll(() => page.getByTestId('review-rating').textContent(), SLOW).toBe(after);
    await page.getByText('计分评价 2 条，已隐藏 1 条').waitFor(SLOW);
    await screenshot(page, 'reviews-merchant-tab');
    await page.close();
  });
});
