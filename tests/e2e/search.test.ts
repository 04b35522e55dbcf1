// The one search box in the app bar, end to end in the real app: Ctrl+K focuses it; customer
// service finds a member by the last four digits of the phone and a reservation by the first
// digits of its number, results grouped by kind, and a result (mouse or Enter) opens the record;
// a reviewer is shown no payment, whatever number they type; the members list finds a member by a
// part inside the name. Fixtures are fresh rows made through db().
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type pg from 'pg';
import { appPath, launch, login, newPage, screenshot } from '../support/browser.ts';
import { db, DEMO_LOGINS, DEMO_PASSWORD } from '../support/stack.ts';

const SLOW = { timeout: 60_000 };

let browser: Browser;
let sql: pg.Client;
/** Three CJK characters no seeded name holds; a phone's last four digits (some seeded members share them). */
const word = String.fromCodePoint(...Array.from({ length: 3 }, () => 0x4e00 + Math.floor(Math.random() * 0x5000)));
let tail = '';
let member = '';
let reservation = '';
let paymentNo = '';

beforeAll(async () => {
  browser = await launch();
  sql = await db();
  tail = String(Math.floor(Math.random() * 10_000)).padStart(4, '0');
  member = (await sql.query<{ id: string }>(
    `insert into public.members (nickname, nickname_pinyin, nickname_initials, phone, city_code)
     values ($1, 'sousuoceshi', 'ssc', $2, '110100') returning id`, [`林${word}`, `1390000${tail}`])).rows[0].id;
  reservation = (await sql.query<{ id: string }>(
    `insert into public.reservations (kind, member_id, merchant_id, listing_id, state, reserved_for, confirm_deadline, price_fen, city_code)
     select 'used_purchase', $1, l.merchant_id, l.id, 'created', now() + interval '1 day', now() + interval '1 day', l.price_fen, l.city_code
       from public.listings l where l.kind = 'used_sale' and l.review_state = 'approved' order by l.created_at desc limit 1
     returning id`, [member])).rows[0].id;
  paymentNo = (await sql.query<{ n: string }>(`select payment_no as n from public.payments order by created_at desc limit 1`)).rows[0].n;
});
afterAll(async () => {
  await browser?.close();
  await sql?.end();
});

const box = (page: Page) => page.getByRole('combobox', { name: /全局搜索|Search/ });

/** Ctrl+K, then the entry; waits for the results list. */
async function searchFor(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Control+k');
  await expect.poll(() => box(page).evaluate((el) => el === document.activeElement), SLOW).toBe(true);
  await box(page).fill(text);
}

describe('the search box in the app bar', () => {
  it('finds a member by the phone\'s last four and a reservation by its first digits; a result opens the record', async () => {
    const page = await newPage(browser);
    await login(page, DEMO_LOGINS.customer_service, DEMO_PASSWORD);
    await searchFor(page, tail);
    const option = page.getByRole('option', { name: new RegExp(`林${word}`) });
    await option.waitFor(SLOW);
    await expect.poll(() => page.getByRole('listbox').textContent()).toContain('会员');
    // masked unless the member is in one of their open cases
    expect(await option.textContent()).toContain(`139****${tail}`);
    await screenshot(page, 'search-member-by-phone-tail');
    await option.click();
    await page.waitForURL(new RegExp(`#/members/${member}/show`), SLOW);
    await page.getByText(`林${word}`).first().waitFor(SLOW);

    await searchFor(page, reservation.slice(0, 8));
    const hit = page.getByRole('option').first();
    await hit.waitFor(SLOW);
    expect(await page.getByRole('listbox').textContent()).toContain('预约');
    await box(page).press('Enter');
    await page.waitForURL(new RegExp(`#/reservations/${reservation}/show`), SLOW);
    await page.close();
  });

  it('shows a reviewer no payment for a payment number, and says so', async () => {
    const page = await newPage(browser);
    await login(page, DEMO_LOGINS.reviewer, DEMO_PASSWORD);
    await searchFor(page, paymentNo);
    await page.getByText('没有找到相关记录').waitFor(SLOW);
    expect(await page.getByRole('option').count()).toBe(0);
    await page.close();
  });

  it('the members list finds a member by a part inside the name', async () => {
    const page = await newPage(browser);
    await login(page, DEMO_LOGINS.customer_service, DEMO_PASSWORD);
    await page.goto(appPath('members'));
    const listSearch = page.locator('input[name="q"]');
    await listSearch.waitFor(SLOW);
    await listSearch.fill(word.slice(1));
    await page.getByText(`林${word}`).first().waitFor(SLOW);
    await screenshot(page, 'search-members-fragment');
    await page.close();
  });
});
