// 通知模板 end to end: an admin opens a template under 系统管理, changes its text, previews it
// (rendered by the database with the event's sample data, as notify renders what it sends) and
// saves it with a coded reason; the template and the audit row agree. Customer service reads
// the templates but has no editor.
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

  it('customer service reads the templates and the outbox but opens no editor', async () => {
    const page = await session('customer_service');
    await page.goto(appPath('notification_templates'));
    await templateRow(page).first().waitFor();
    await templateRow(page).first().click();
    expect(page.url()).not.toContain('fee_due');
    await page.goto(appPath('notification_outbox'));
    await page.getByRole('columnheader', { name: '接收方' }).waitFor();
    expect(await page.getByRole('button', { name: '重新发送' }).count()).toBe(0);
    await page.context().close();
  }, 120_000);
});
