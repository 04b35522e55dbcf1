// Platform fee paid by bank transfer, end to end in the real app: finance records it on the
// merchant's page with the proof (the amount comes from the price list), is offered no
// confirm button on their own record, an admin confirms it, and the lapsed merchant shows
// active with its new end date. The merchant is a fresh fixture per run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type pg from 'pg';
import { appPath, launch, login, newPage, screenshot } from '../support/browser.ts';
import { db, DEMO_LOGINS, DEMO_PASSWORD } from '../support/stack.ts';

let browser: Browser;
let sql: pg.Client;
const run = `${Date.now()}`.slice(-8);

beforeAll(async () => {
  browser = await launch();
  sql = await db();
});
afterAll(async () => {
  await browser?.close();
  await sql?.end();
});

async function session(role: 'finance' | 'admin'): Promise<Page> {
  const page = await newPage(browser, { width: 1440, height: 900 });
  page.setDefaultTimeout(45_000);
  await login(page, DEMO_LOGINS[role], DEMO_PASSWORD);
  return page;
}

describe('offline platform fee', () => {
  it('finance A records a bank transfer with its proof, an admin confirms it, the merchant is active until the new end date', async () => {
    // a lapsed 二手车商 (yearly list price ¥8,800.00) whose deposit is paid
    const { rows } = await sql.query<{ id: string; name: string; price: string }>(
      `insert into public.merchants (name, kind, category_id, city_code, status, fee_plan, fee_paid_until, deposit_fen)
       select '端到端缴费车行' || $1, 'used_dealer', c.id, (select m.city_code from public.merchants m where m.status = 'active' limit 1),
              'lapsed', 'yearly', (now() at time zone 'Asia/Shanghai')::date - 40, c.deposit_required_fen
         from public.merchant_categories c where c.code = 'used_dealer'
       returning id, name, app.fee_price(category_id, 'yearly', (now() at time zone 'Asia/Shanghai')::date)::text as price`, [run]);
    const m = rows[0];
    expect(m.price).toBe('880000');
    const serial = `E2EBS${run}`;

    const finance = await session('finance');
    // the lapsed list shows it with the days since its end; its row opens the merchant
    await finance.goto(appPath(`merchant_fees?filter=${encodeURIComponent(JSON.stringify({ fee_state: 'lapsed', q: m.name }))}`));
    const row = finance.locator('.RaDataTable-tableWrapper tbody tr').filter({ hasText: m.name });
    await row.getByText('已停用').waitFor();
    await row.getByText('-40').waitFor();
    await screenshot(finance, 'fees-due-lapsed');
    await row.click();
    await finance.waitForURL(new RegExp(`/merchants/${m.id}/show`));
    await finance.getByRole('button', { name: '登记线下缴费' }).click();
    const dialog = finance.getByRole('dialog');
    // the amount is prefilled from the price list of the day received
    await expect.poll(() => dialog.locator('[name="amount"]').inputValue()).toBe('8,800.00');
    await dialog.getByText('价目表价格：¥8,800.00').waitFor();
    await dialog.locator('[name="payer_name"]').fill('北京顺达二手车经纪有限公司');
    await dialog.locator('[name="bank_serial"]').fill(serial);
    await dialog.locator('input[type="file"]').setInputFiles({ name: 'huidan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 转账回单') });
    await dialog.getByRole('button', { name: '登记线下缴费' }).click();
    await finance.getByText('已登记，待另一位同事确认').first().waitFor();
    const rec = (await sql.query<{ id: string; amount_fen: string; proof_path: string }>(
      'select id, amount_fen::text, proof_path from public.offline_fee_payments where bank_serial = $1', [serial])).rows[0];
    expect(rec.amount_fen).toBe('880000');
    expect((await sql.query(`select count(*)::int as n from storage.objects where bucket_id = 'payment-proofs' and name = $1`,
      [rec.proof_path])).rows[0].n).toBe(1);

    // the recorder is told a colleague confirms, and has no button for it
    await finance.goto(appPath(`offline_fee_payments/${rec.id}/show`));
    await finance.getByText('须由另一位财务人员或管理员确认入账').waitFor();
    expect(await finance.getByRole('button', { name: '确认入账' }).count()).toBe(0);
    await screenshot(finance, 'offline-fee-recorded');
    await finance.context().close();

    const admin = await session('admin');
    await admin.goto(appPath(`offline_fee_payments/${rec.id}/show`));
    await admin.getByRole('button', { name: '确认入账' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: '确认入账' }).click();
    await admin.getByText('已确认入账，商户服务已更新').first().waitFor();
    await admin.getByText('已确认入账').first().waitFor();

    const until = (await sql.query<{ d: string }>(
      `select to_char(((now() at time zone 'Asia/Shanghai')::date + interval '12 months')::date - 1, 'YYYY-MM-DD') as d`)).rows[0].d;
    const [y, mo, d] = until.split('-').map(Number);
    await admin.goto(appPath(`merchants/${m.id}/show`));
    await admin.getByText(m.name).first().waitFor();
    await admin.getByText('正常营业').first().waitFor();
    await admin.getByText(new RegExp(`^${y}[-/]0?${mo}[-/]0?${d}$`)).first().waitFor();
    await screenshot(admin, 'offline-fee-merchant-active');
    const after = (await sql.query(`select status::text, to_char(fee_paid_until, 'YYYY-MM-DD') as until from public.merchants where id = $1`,
      [m.id])).rows[0];
    expect(after).toEqual({ status: 'active', until });
    await admin.context().close();
  }, 240_000);

  it('an admin sets a new price from tomorrow with a coded reason; the running price ends today', async () => {
    const cat = (await sql.query<{ id: number; name: string }>(
      `with c as (insert into public.merchant_categories (code, name, commission_rate, distributor_rate)
                  values ('e2e_' || $1, '端到端类目' || $1, 0.02, 0.01) returning id, name),
            p as (insert into public.fee_prices (category_id, plan, amount_fen, valid_from, reason)
                  select id, 'monthly', 50000, date '2020-01-01', 'new_category' from c)
       select id, name from c`, [run])).rows[0];
    const admin = await session('admin');
    await admin.goto(appPath(`fee_prices?filter=${encodeURIComponent(JSON.stringify({ category_id: cat.id }))}`));
    await admin.getByText('¥500.00').first().waitFor();
    await admin.getByRole('button', { name: '设置价格' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByRole('combobox', { name: '原因' }).click();
    await admin.getByRole('option', { name: '年度调价' }).click();
    await dialog.getByRole('combobox', { name: '类目' }).click();
    await admin.getByRole('option', { name: cat.name }).click();
    await dialog.getByLabel('价格').fill('580');
    await dialog.getByRole('button', { name: '设置价格' }).click();
    await admin.getByText('价格已设置').first().waitFor();
    await admin.getByText('¥580.00').first().waitFor();
    await screenshot(admin, 'fee-price-set');
    const rows = (await sql.query(
      `select amount_fen::int as amount, to_char(valid_from, 'YYYY-MM-DD') as "from", to_char(valid_to, 'YYYY-MM-DD') as "to", reason
         from public.fee_prices where category_id = $1 order by valid_from`, [cat.id])).rows;
    const today = (await sql.query<{ d: string }>(`select to_char((now() at time zone 'Asia/Shanghai')::date, 'YYYY-MM-DD') as d`)).rows[0].d;
    expect(rows).toEqual([
      { amount: 50000, from: '2020-01-01', to: today, reason: 'new_category' },
      { amount: 58000, from: expect.any(String), to: null, reason: 'price_review' },
    ]);
    await admin.context().close();
  }, 120_000);
});
