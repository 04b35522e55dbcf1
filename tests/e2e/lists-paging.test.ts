// Big lists reach every row, in the real app against the seeded demo data: the count shows
// as "约 N" and becomes exact on a click; "last page" reaches the oldest row whatever the
// estimate said; a page typed in the URL opens, and one past the end says why; a filtered
// list the planner misjudges ("more than 1,000") shows its exact count by itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type pg from 'pg';
import { appPath, launch, login, newPage, screenshot } from '../support/browser.ts';
import { db } from '../support/stack.ts';

let browser: Browser;
let page: Page;
let sql: pg.Client;

const zh = (n: number) => n.toLocaleString('zh-CN');
const count = async (query: string, params: unknown[] = []) => Number((await sql.query<{ n: string }>(query, params)).rows[0].n);
const listUrl = (resource: string, query: Record<string, unknown>) =>
  appPath(`${resource}?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString()}`);

// a page of a big list is two requests (ids, then rows) on a loaded machine
const WAIT = { timeout: 20_000 };
const range = () => page.getByTestId('list-range');
const pageLabel = () => page.getByTestId('list-page');
const textOf = async (locator: ReturnType<Page['getByTestId']>) => (await locator.textContent())?.trim() ?? '';

beforeAll(async () => {
  sql = await db();
  browser = await launch();
  page = await newPage(browser, { width: 1440, height: 900 });
  page.setDefaultTimeout(30_000);
  await login(page, 'admin@demo.test', 'demo1234');
});

afterAll(async () => {
  await browser?.close();
  await sql?.end();
});

describe('big lists', () => {
  it('show "约 N", count exactly on a click, and page to the oldest row', async () => {
    const total = await count('select count(*) as n from public.reservations');
    const pages = Math.ceil(total / 25);
    await page.goto(appPath('reservations'));
    await expect.poll(() => textOf(range()), WAIT).toMatch(/^第 1–25 条，约 [\d,]+ 条$/);
    await screenshot(page, 'lists-reservations-estimate');

    await page.getByRole('button', { name: '精确计数' }).click();
    await expect.poll(() => textOf(range()), WAIT).toBe(`第 1–25 条，共 ${zh(total)} 条`);
    expect(await textOf(pageLabel())).toBe(`第 1 / ${zh(pages)} 页`);

    await page.getByRole('button', { name: '转到末页' }).click();
    const first = (pages - 1) * 25 + 1;
    await expect.poll(() => textOf(range()), WAIT).toBe(`第 ${zh(first)}–${zh(total)} 条，共 ${zh(total)} 条`);
    expect(await textOf(pageLabel())).toBe(`第 ${zh(pages)} / ${zh(pages)} 页`);
    await expect(page.getByRole('button', { name: '下一页' }).isDisabled()).resolves.toBe(true);
    await screenshot(page, 'lists-reservations-last-page');

    // newest first, so the last row of the last page is the oldest reservation
    const oldest = (await sql.query<{ id: string }>('select id from public.reservations where created_at = (select min(created_at) from public.reservations)')).rows.map((r) => r.id);
    await page.locator('tbody tr').last().click();
    await page.waitForURL(/#\/reservations\/[^/]+\/show/);
    expect(oldest).toContain(decodeURIComponent(/#\/reservations\/([^/]+)\/show/.exec(page.url())![1]));
  });

  it('open the page typed in the URL, and say why when it is past the end', async () => {
    const total = await count('select count(*) as n from public.reservations');
    const pages = Math.ceil(total / 25);
    const base = { filter: {}, sort: 'created_at', order: 'DESC', perPage: 25 };
    const wanted = Math.min(1900, pages);
    await page.goto(listUrl('reservations', { ...base, page: wanted }));
    await expect.poll(() => textOf(range()), WAIT).toMatch(new RegExp(`^第 ${zh((wanted - 1) * 25 + 1)}–${zh(wanted * 25)} 条`));
    expect(await textOf(pageLabel())).toMatch(new RegExp(`^第 ${zh(wanted)}( / ${zh(pages)})? 页$`));
    expect(await page.locator('tbody tr').count()).toBe(25);

    await page.goto(listUrl('reservations', { ...base, page: pages + 100 }));
    await page.getByText(`第 ${zh(pages + 100)} 页没有记录`).waitFor();
    await expect.poll(() => textOf(range()), WAIT).toMatch(/^第 1–25 条/);
    await screenshot(page, 'lists-reservations-past-end');
  });

  it('say why on an exactly counted list too (no "Requested range not satisfiable")', async () => {
    await page.goto(listUrl('staff', { filter: {}, sort: 'created_at', order: 'DESC', perPage: 25, page: 40 }));
    await page.getByText('第 40 页没有记录').waitFor();
    await expect.poll(() => textOf(range()), WAIT).toMatch(/^第 1–\d+ 条，共 \d+ 条$/);
    expect(await page.getByText('Requested range not satisfiable').count()).toBe(0);
  });

  it('show a filtered list\'s exact count by itself when counting is cheap', async () => {
    // Shanghai's members: PostgREST counts past 1,000 while the planner guesses fewer, which
    // used to read "超过 1,000 条" and stop paging at page 40
    const total = await count("select count(*) as n from public.members where city_code = '310100'");
    expect(total).toBeGreaterThan(1000);
    await page.goto(listUrl('members', { filter: { city_code: '310100' }, sort: 'registered_at', order: 'DESC', perPage: 25, page: 1 }));
    await expect.poll(() => textOf(range()), WAIT).toBe(`第 1–25 条，共 ${zh(total)} 条`);
    expect(await page.getByRole('button', { name: '精确计数' }).count()).toBe(0);
    await page.getByRole('button', { name: '转到末页' }).click();
    const pages = Math.ceil(total / 25);
    await expect.poll(() => textOf(range()), WAIT).toBe(`第 ${zh((pages - 1) * 25 + 1)}–${zh(total)} 条，共 ${zh(total)} 条`);
    await screenshot(page, 'lists-members-filtered-exact');
  });
});
