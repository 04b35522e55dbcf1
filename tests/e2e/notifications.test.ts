// 通知模板 end to end: an admin opens a template under 系统管理, changes its text, previews it
// (rendered by the database with the event's sample data, as notify renders what it sends) and
// saves it with a coded reason; the template and the audit row agree. An admin sends a given-up
// message again from the outbox; customer service reads both without the buttons.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type pg from 'pg';
import { appPath, launch, login, newPage, screenshot } from '../support/browser.ts';
import { db, DEMO_LOGINS, DEMO_PASSWORD } from '../support/stack.ts';

let browser: Browser;
let sql: pg.Client;
let saved: { subject: string; body: string };

beforeAll(async () => {
  browser = await launch();
  sql = await db();
  saved = (await sql.query(`select subject, body from public.notification_templates where event = 'fee_due' and channel = 'email'`)).rows[0];
});
afterAll(async () => {
  await sql.query(`update public.notification_templates set subject = $1, body = $2 where event = 'fee_due' and channel = 'email'`, [saved.subject, saved.body]);
  await browser?.close();
  await sql?.end();
});

async function session(role: 'admin' | 'customer_service'): Promise<Page> {
  const page = await newPage(browser, { width: 1440, height: 900 });
  page.setDefaultTimeout(45_000);
  await login(page, DEMO_LOGINS[role], DEMO_PASSWORD);
  return page;
}

const templateRow = (page: Page) => page.getByRole('row').filter({ hasText: '会费即将到期' }).filter({ hasText: '邮件' });

describe('notification templates', () => {
  it('an admin edits a template, previews it with sample data and saves it with a reason', async () => {
    const page = await session('admin');
    await page.goto(appPath('notification_templates'));
    await templateRow(page).first().click();
    const body = page.getByRole('textbox', { name: '正文' });
    await body.waitFor();
    expect(await body.inputValue()).toBe(saved.body);

    const marker = `续费热线 400-820-${Date.now() % 10_000}`;
    await page.getByRole('textbox', { name: '邮件标题' }).fill('【提醒】{{merchant_name}} 会费即将到期');
    await body.fill(`{{merchant_name}}，您好：\n您的会费将于{{fee_paid_until}}到期。${marker}`);
    await page.getByRole('button', { name: '预览' }).click();
    await expect.poll(() => page.getByTestId('preview-subject').textContent()).toBe('【提醒】杭州诚信二手车有限公司 会费即将到期');
    await expect.poll(() => page.getByTestId('preview-body').textContent()).toBe(`杭州诚信二手车有限公司，您好：\n您的会费将于2026-12-31到期。${marker}`);
    // the placeholders the event offers are listed once previewed
    await page.getByText('{{fee_paid_until}}', { exact: false }).first().waitFor();
    await screenshot(page, 'notification-template-preview');

    await page.getByRole('button', { name: '保存' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('button', { name: '保存' }).isDisabled()).resolves.toBe(true); // reason required
    await dialog.getByRole('combobox').click();
    await page.getByRole('option', { name: '调整措辞' }).click();
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('通知模板已保存').first().waitFor();

    const row = (await sql.query(`select subject, body from public.notification_templates where event = 'fee_due' and channel = 'email'`)).rows[0];
    expect(row.body).toContain(marker);
    expect(row.subject).toBe('【提醒】{{merchant_name}} 会费即将到期');
    const audit = (await sql.query(
      `select reason, actor_email from public.audit_log where action = 'notification_template.update' and entity_id = 'fee_due:email' order by id desc limit 1`,
    )).rows[0];
    expect(audit).toEqual({ reason: 'template_wording', actor_email: DEMO_LOGINS.admin });
    // back on the list, the new text shows
    await templateRow(page).filter({ hasText: marker }).first().waitFor();
    await page.context().close();
  }, 180_000);

  it('an admin sends a given-up notification again; customer service sees it without the button', async () => {
    // a fresh given-up row of this run, told apart by its error text
    const marker = `550 mailbox unavailable ${Date.now()}`;
    const { rows } = await sql.query(
      `insert into public.notification_outbox (event, recipient_kind, recipient_id, channel, city_code, entity, entity_id, payload, state, attempts, last_error, idempotency_key)
       select 'fee_lapsed', 'merchant', m.id, 'email', m.city_code, 'merchant', m.id, jsonb_build_object('merchant_name', m.name), 'failed', 6, $1, $1
         from public.merchants m order by m.created_at limit 1 returning id`, [marker]);
    const id = Number(rows[0].id);
    const failedList = appPath(`notification_outbox?filter=${encodeURIComponent(JSON.stringify({ state: 'failed' }))}`);

    const service = await session('customer_service');
    await service.goto(appPath('notification_templates'));
    await templateRow(service).first().click(); // no editor: the row opens nothing
    await service.goto(failedList);
    const serviceRow = service.getByRole('row').filter({ hasText: marker });
    await serviceRow.waitFor();
    expect(await serviceRow.getByRole('button', { name: '重新发送' }).count()).toBe(0);
    expect(service.url()).not.toContain('fee_due');
    await service.context().close();

    const page = await session('admin');
    await page.goto(failedList);
    const row = page.getByRole('row').filter({ hasText: marker });
    await row.getByRole('button', { name: '重新发送' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '重新发送' }).click();
    await page.getByText('已重新排队发送').first().waitFor();
    await expect.poll(async () => (await sql.query('select state::text from public.notification_outbox where id = $1', [id])).rows[0].state).not.toBe('failed');
    const audit = await sql.query(`select actor_email from public.audit_log where action = 'notification.retry' and entity_id = $1`, [String(id)]);
    expect(audit.rows).toEqual([{ actor_email: DEMO_LOGINS.admin }]);
    await page.context().close();
  }, 180_000);
});
