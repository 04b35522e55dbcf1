// 参数设置 end to end: an admin changes a business rule and a category's fee rate, each with a
// reason; the values, the audit rows and the page's history agree; finance has no such page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type pg from 'pg';
import { appPath, launch, login, newPage, screenshot } from '../support/browser.ts';
import { db, DEMO_LOGINS, DEMO_PASSWORD } from '../support/stack.ts';

let browser: Browser;
let sql: pg.Client;
let saved: { binding_days: number };
let category: { id: number; name: string; commission_rate: string };

beforeAll(async () => {
  browser = await launch();
  sql = await db();
  saved = (await sql.query('select binding_days from public.core_settings')).rows[0];
  category = (await sql.query('select id, name, commission_rate::text from public.merchant_categories order by id limit 1')).rows[0];
});
afterAll(async () => {
  await sql.query('update public.core_settings set binding_days = $1', [saved.binding_days]);
  await sql.query('update public.merchant_categories set commission_rate = $1::numeric where id = $2', [category.commission_rate, category.id]);
  await browser?.close();
  await sql?.end();
});

async function session(role: 'admin' | 'finance'): Promise<Page> {
  const page = await newPage(browser, { width: 1440, height: 900 });
  page.setDefaultTimeout(45_000);
  await login(page, DEMO_LOGINS[role], DEMO_PASSWORD);
  return page;
}

/** Opens the change dialog of a row, types the value and the reason, saves. */
async function change(page: Page, row: ReturnType<Page['locator']>, value: string | null, reason: string) {
  await row.getByRole('button', { name: '修改' }).first().click();
  const dialog = page.getByRole('dialog');
  if (value !== null) await dialog.locator('[name="value"]').fill(value);
  await dialog.locator('[name="reason"]').fill(reason);
  await dialog.getByRole('button', { name: '保存' }).click();
  await page.getByText('设置已保存').first().waitFor();
}

describe('settings', () => {
  it('an admin changes the binding period and a category rate with reasons; history and audit agree', async () => {
    const next = saved.binding_days === 45 ? 46 : 45;
    const page = await session('admin');
    await page.goto(appPath('settings'));
    await page.getByText('业务规则').waitFor();
    await change(page, page.getByRole('row').filter({ hasText: '推广绑定有效期' }), String(next), '配合年度推广政策');
    await page.getByTestId('setting-binding_days').filter({ hasText: `${next} 天` }).waitFor();
    expect((await sql.query('select binding_days from public.core_settings')).rows[0].binding_days).toBe(next);

    const row = page.getByRole('row').filter({ hasText: category.name });
    await row.getByRole('button', { name: '修改' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('[name="value"]').fill('4.25');
    await dialog.locator('[name="reason"]').fill('年度费率调整');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('设置已保存').first().waitFor();
    expect((await sql.query('select commission_rate::text as r from public.merchant_categories where id = $1', [category.id])).rows[0].r).toBe('0.0425');

    await page.getByRole('cell', { name: '配合年度推广政策' }).first().waitFor();
    await page.getByRole('cell', { name: '年度费率调整' }).first().waitFor();
    await screenshot(page, 'settings-changed');
    const { rows } = await sql.query(
      "select action, reason from public.audit_log where action in ('core_settings.update', 'merchant_category.update') order by id desc limit 2",
    );
    expect(rows).toEqual([
      { action: 'merchant_category.update', reason: '年度费率调整' },
      { action: 'core_settings.update', reason: '配合年度推广政策' },
    ]);
    await page.context().close();
  }, 180_000);

  it('finance has no settings page in the menu', async () => {
    const page = await session('finance');
    const entries = page.locator('a[role="menuitem"]');
    await entries.filter({ hasText: '提现审核' }).first().waitFor();
    expect(await entries.filter({ hasText: '参数设置' }).count()).toBe(0);
    await page.context().close();
  }, 120_000);
});
