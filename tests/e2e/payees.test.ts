// Payee accounts and the merchant's money, end to end in the real app: finance verifies an
// account the app backend submitted and is offered nothing on one they entered themselves,
// which an admin rejects with a reason; an admin sees a merchant's balances and takes a
// merchant through the closing flow. Fixtures are fresh per run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type pg from 'pg';
import { appPath, launch, login, newPage, screenshot } from '../support/browser.ts';
import { as, db, DEMO_LOGINS, DEMO_PASSWORD, serviceClient } from '../support/stack.ts';

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

/** An active member without bank accounts, and a payee account for it entered by `by`. */
async function account(by: 'service' | 'finance', tail: string): Promise<{ id: string; owner: string; nickname: string }> {
  const { rows } = await sql.query<{ id: string; nickname: string }>(
    `select m.id, m.nickname from public.members m where m.status = 'active'
        and not exists (select 1 from public.bank_accounts b where b.owner_id = m.id)
      order by md5(m.id::text || $1) limit 1`,
    [run + tail],
  );
  const client = by === 'service' ? await serviceClient() : await as('finance');
  const { data, error } = await client.rpc('bank_account_add', {
    p_owner_type: 'member', p_owner_id: rows[0].id, p_holder_name: `核验${tail}`, p_bank_name: '工商银行', p_account_no: `62220200${run}${tail}`,
  });
  expect(error).toBeNull();
  return { id: data as string, owner: rows[0].id, nickname: rows[0].nickname };
}

describe('payee accounts', () => {
  it('finance verifies a submitted account from the queue; an account finance entered is left to a colleague, who rejects it', async () => {
    const submitted = await account('service', '1111');
    const entered = await account('finance', '2222');
    const page = await session('finance');
    await page.goto(appPath('bank_accounts'));
    await page.getByText('待核验').first().waitFor();
    await page.goto(appPath(`bank_accounts/${submitted.id}/show`));
    await page.getByText('请核对户名与会员实名信息一致').waitFor();
    await page.getByRole('button', { name: '核验通过' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '核验通过' }).click();
    await page.getByText('账户已核验').first().waitFor();
    await screenshot(page, 'payee-verified');
    expect((await sql.query('select verified from public.bank_accounts where id = $1', [submitted.id])).rows[0].verified).toBe(true);

    await page.goto(appPath(`bank_accounts/${entered.id}/show`));
    await page.getByText('此账户由您录入，须由另一位财务人员核验').waitFor();
    expect(await page.getByRole('button', { name: '核验通过' }).count()).toBe(0);
    await page.context().close();

    const admin = await session('admin');
    await admin.goto(appPath(`bank_accounts/${entered.id}/show`));
    await admin.getByRole('button', { name: '驳回' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.locator('[name="reason"]').fill('户名与实名信息不一致');
    await dialog.getByRole('button', { name: '驳回' }).click();
    await admin.getByText('账户已驳回').first().waitFor();
    await admin.getByText('户名与实名信息不一致').first().waitFor();
    await screenshot(admin, 'payee-rejected');
    const { rows } = await sql.query('select verified, reject_reason from public.bank_accounts where id = $1', [entered.id]);
    expect(rows[0]).toEqual({ verified: false, reject_reason: '户名与实名信息不一致' });
    await admin.context().close();
  }, 180_000);
});

describe("the merchant's money and closing", () => {
  it('an admin sees the balances and closes a merchant without open complaints in two steps', async () => {
    const { rows } = await sql.query<{ id: string; name: string }>(
      `select m.id, m.name from public.merchants m where m.status = 'active'
          and not exists (select 1 from public.complaints c where c.merchant_id = m.id and app.complaint_is_open(c.state))
          and exists (select 1 from public.ledger_accounts a where a.owner_id = m.id)
        order by md5(m.id::text || $1) limit 1`,
      [run],
    );
    const m = rows[0];
    const page = await session('admin');
    await page.goto(appPath(`merchants/${m.id}/show/balance`));
    await page.getByText('可用余额').first().waitFor();
    await page.getByText('保证金').first().waitFor();
    await screenshot(page, 'merchant-balance');

    await page.goto(appPath(`merchants/${m.id}/show`));
    await page.getByRole('button', { name: '开始关店' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox').click();
    await page.getByRole('option', { name: '商户申请关店' }).click();
    await dialog.getByRole('button', { name: '开始关店' }).click();
    await page.getByText('商户已进入关店流程').first().waitFor();
    await dialog.waitFor({ state: 'detached' }); // the first dialog has gone before the second opens
    await page.getByRole('button', { name: '完成关店' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '完成关店' }).click();
    await page.getByText('商户已关店').first().waitFor();
    await screenshot(page, 'merchant-closed');
    const status = (await sql.query('select status from public.merchants where id = $1', [m.id])).rows[0].status;
    expect(status).toBe('closed');
    const listed = (await sql.query("select count(*)::int as n from public.listings where merchant_id = $1 and shelf_state = 'on'", [m.id])).rows[0].n;
    expect(listed).toBe(0);
    await page.context().close();
  }, 180_000);
});
