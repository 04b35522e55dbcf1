// Lists fit the screen, in the real app: at 1,440 px (a laptop) and 1,024 px (a tablet) no
// list scrolls sideways by default, measured on the page and on each table's own box. With
// every column shown the table scrolls inside its box only: the first column stays, the
// sidebar stays uncovered and clickable, and the toolbar's buttons stay on screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { appPath, launch, login, newPage, screenshot } from '../support/browser.ts';

// every list screen an admin opens (resource routes; a tab where a screen has two lists)
const LISTS: { route: string; tab?: string }[] = [
  { route: 'merchant_applications' },
  { route: 'merchants' },
  { route: 'listings' },
  { route: 'catalogue' },
  { route: 'promotions' },
  { route: 'payments' },
  { route: 'merchant_fees' },
  { route: 'offline_fee_payments' },
  { route: 'fee_prices' },
  { route: 'statements' },
  { route: 'reconciliation' },
  { route: 'commissions' },
  { route: 'settlements' },
  { route: 'settlements', tab: '结算单' },
  { route: 'withdrawals' },
  { route: 'payout_batches' },
  { route: 'ledger' },
  { route: 'members' },
  { route: 'reservations' },
  { route: 'trades' },
  { route: 'distribution' },
  { route: 'complaints' },
  { route: 'staff' },
  { route: 'audit_log' },
  { route: 'jobs' },
  { route: 'notification_outbox' },
  { route: 'notification_templates' },
];
const SIZES = [
  { name: 'laptop', width: 1440, height: 900 },
  { name: 'tablet', width: 1024, height: 768 },
];

let browser: Browser;

interface Widths {
  window: number;
  page: number;
  box: number;
  table: number;
}

/** The window's width, the page's scroll width, and the table box's client and scroll widths. */
async function widths(page: Page): Promise<Widths> {
  return page.evaluate(() => {
    const box = document.querySelector('.RaDataTable-tableWrapper') as HTMLElement | null;
    return { window: window.innerWidth, page: document.documentElement.scrollWidth, box: box?.clientWidth ?? 0, table: box?.scrollWidth ?? 0 };
  });
}

/** Opens a list and waits until its rows (or its empty message) are drawn. */
async function open(page: Page, route: string, tab?: string) {
  await page.goto(appPath(route));
  if (tab) await page.getByRole('tab', { name: tab }).click();
  // an empty list draws its message instead of the table (no table box then)
  const empty = page.locator('#main-content').getByText(/没有/).first();
  await page.locator('.RaDataTable-tableWrapper tbody tr').first().or(empty).waitFor();
  await page.getByTestId('list-pagination').or(empty).first().waitFor();
}

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

describe.each(SIZES)('lists at $width px', ({ name, width, height }) => {
  let page: Page;
  beforeAll(async () => {
    page = await newPage(browser, { width, height });
    page.setDefaultTimeout(30_000);
    await login(page, 'admin@demo.test', 'demo1234');
  });
  afterAll(() => page.context().close());

  it('do not scroll sideways', async () => {
    const measured: Record<string, Widths> = {};
    const offScreen: string[] = [];
    for (const { route, tab } of LISTS) {
      await open(page, route, tab);
      const key = tab ? `${route}/${tab}` : route;
      measured[key] = await widths(page);
      // the toolbar's last button (导出, once off-screen on 提现审核) within the window
      const button = page.getByRole('button', { name: '导出' });
      const exportButton = (await button.count()) > 0 ? await button.boundingBox() : null;
      if (exportButton && exportButton.x + exportButton.width > width) offScreen.push(key);
    }
    console.log(`${name} ${width} px: ${Object.entries(measured).map(([k, w]) => `${k} ${w.table}/${w.box}`).join(', ')}`);
    const wide = Object.entries(measured).filter(([, w]) => w.page > w.window || w.table > w.box);
    expect(wide, JSON.stringify(wide)).toEqual([]);
    expect(offScreen).toEqual([]);
  }, 300_000);

  it('scroll a table with every column shown inside its box, the first column and the sidebar staying', async () => {
    await open(page, 'reservations');
    await page.getByRole('button', { name: '列' }).click();
    const chooser = page.locator('.MuiPopover-paper');
    for (const toggle of await chooser.locator('input[type="checkbox"]').all()) if (!(await toggle.isChecked())) await toggle.click();
    await page.keyboard.press('Escape');
    const all = await widths(page);
    expect(all.table).toBeGreaterThan(all.box); // more than fits: it scrolls …
    expect(all.page).toBeLessThanOrEqual(all.window); // … inside its box, never the page

    const box = page.locator('.RaDataTable-tableWrapper');
    const firstCell = page.locator('.RaDataTable-tableWrapper tbody tr').first().locator('td').first();
    const before = (await firstCell.boundingBox())!;
    await box.evaluate((el) => (el.scrollLeft = el.scrollWidth));
    const after = (await firstCell.boundingBox())!;
    expect(after.x).toBe(before.x); // sticky

    // the sidebar is neither covered nor its clicks taken
    const item = page.getByRole('menuitem', { name: '买卖记录' });
    await item.scrollIntoViewIfNeeded(); // the menu is taller than a laptop's window and scrolls
    const at = (await item.boundingBox())!;
    // polled: the column chooser's popover covers the page until its closing transition ends
    const hit = () => page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('[role="menuitem"]')?.textContent ?? '', [at.x + at.width / 2, at.y + at.height / 2]);
    await expect.poll(hit, { timeout: 10_000 }).toContain('买卖记录');
    // nor the toolbar's buttons pushed off screen
    const exportButton = (await page.getByRole('button', { name: '导出' }).boundingBox())!;
    expect(exportButton.x + exportButton.width).toBeLessThanOrEqual(width);
    await screenshot(page, `lists-fit-all-columns-${name}`);

    await item.click();
    await page.waitForURL(/#\/trades/);
  });
});
