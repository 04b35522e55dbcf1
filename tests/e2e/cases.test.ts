// Case work end to end in the real app: customer service records a complaint by phone (with an
// attachment) and assigns complaints in bulk from the queue; a reviewer grants promotion rights,
// rebinds a customer to another distributor from the binding dispute screen, and suspends
// merchants in bulk. Every test makes its own records and checks the database afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type pg from 'pg';
import { appPath, launch, login, newPage, screenshot } from '../support/browser.ts';
import { db, DEMO_LOGINS, DEMO_PASSWORD, serviceClient } from '../support/stack.ts';

const tag = () => Date.now().toString(36) + Math.floor(Math.random() * 1e4).toString(36);
let browser: Browser;
let sql: pg.Client;

beforeAll(async () => {
  browser = await launch();
  sql = await db();
});
afterAll(async () => {
  await browser?.close();
  await sql?.end();
});

async function session(email: string): Promise<Page> {
  const page = await newPage(browser, { width: 1440, height: 900 });
  await login(page, email, DEMO_PASSWORD);
  return page;
}
const notified = (page: Page, text: string | RegExp) => page.getByText(text).first().waitFor({ timeout: 45_000 });
const staffId = async (email: string) => (await sql.query<{ id: string }>('select id from public.staff where email = $1', [email])).rows[0].id;
const one = async <T = Record<string, unknown>>(q: string, params: unknown[] = []) => (await sql.query(q, params)).rows[0] as T;

/** A member with a unique nickname, and an active merchant with a unique name in the same city. */
async function memberAndMerchant(t: string) {
  const member = await one<{ id: string }>(
    "insert into public.members (nickname, phone, city_code) values ($1, $2, '330100') returning id",
    [`电话会员${t}`, `198${String(Date.now()).slice(-8)}`]);
  const merchant = await one<{ id: string }>(
    `insert into public.merchants (name, kind, category_id, city_code, status, fee_plan, fee_paid_until, deposit_fen, contact_name, contact_phone)
     select $1, 'used_dealer', c.id, '330100', 'active', 'yearly', current_date + 200, 5000000, '王经理', '13900001111'
     from public.merchant_categories c where c.code = 'used_dealer' returning id`, [`案例车行${t}`]);
  return { memberId: member.id, nickname: `电话会员${t}`, merchantId: merchant.id, merchantName: `案例车行${t}` };
}

describe('customer service', () => {
  it('records a complaint by phone with an attachment: source phone, the agent, the file', async () => {
    const t = tag();
    const f = await memberAndMerchant(t);
    const page = await session(DEMO_LOGINS.customer_service);
    await page.goto(appPath('complaints'));
    await page.getByRole('link', { name: '电话投诉' }).click();
    await page.getByText('登记电话投诉').first().waitFor({ timeout: 45_000 });

    await page.getByLabel('投诉会员').fill(f.nickname);
    await page.getByRole('option', { name: new RegExp(f.nickname) }).click({ timeout: 45_000 });
    await page.getByLabel('被投诉商户').fill(f.merchantName);
    await page.getByRole('option', { name: new RegExp(f.merchantName) }).click({ timeout: 45_000 });
    await page.getByLabel('类别').click();
    await page.getByRole('option', { name: '服务态度' }).click();
    await page.locator('input[name="title"]').fill(`电话投诉${t}`);
    await page.locator('textarea[name="content"]').fill('会员来电：到店看车时销售态度恶劣，拒绝试驾。');
    await page.getByTestId('complaint-files').setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a', 'hex') });
    await screenshot(page, 'cases-phone-complaint');
    await page.getByRole('button', { name: '提交投诉' }).click();
    await notified(page, '电话投诉已登记');
    await page.getByRole('heading', { name: `电话投诉${t}`, exact: true }).first().waitFor({ timeout: 45_000 });
    await page.getByText('电话（登记人：张晓梅）').first().waitFor();

    const c = await one<{ id: string; source: string; created_by: string; category: string }>(
      'select id, source, created_by, category::text from public.complaints where title = $1', [`电话投诉${t}`]);
    expect(c).toMatchObject({ source: 'phone', created_by: await staffId(DEMO_LOGINS.customer_service), category: 'attitude' });
    const note = await one<{ attachments: string[] }>(
      "select attachments from public.complaint_messages where complaint_id = $1 and kind = 'internal_note'", [c.id]);
    expect(note.attachments).toHaveLength(1);
    expect(note.attachments[0]).toMatch(new RegExp(`^complaints/${c.id}/`));
    const stored = await one<{ n: number }>("select count(*)::int as n from storage.objects where bucket_id = 'complaint-attachments' and name = $1",
      [note.attachments[0]]);
    expect(stored.n).toBe(1);
    await page.context().close();
  });

  it('assigns selected complaints to a colleague in one go, audited per complaint', async () => {
    const t = tag();
    const f = await memberAndMerchant(t);
    const service = await serviceClient();
    const ids: string[] = [];
    for (const n of [1, 2]) {
      const r = await service.rpc('complaint_submit', { p_member_id: f.memberId, p_merchant_id: f.merchantId, p_category: 'price',
        p_title: `批量指派${t}-${n}`, p_content: '到店价格与标价不符。' });
      if (r.error) throw new Error(r.error.message);
      ids.push((r.data as { id: string }).id);
    }
    const page = await session(DEMO_LOGINS.customer_service);
    await page.goto(appPath('complaints'));
    await page.locator('input[name="q"]').fill(`批量指派${t}`);
    await expect.poll(() => page.locator('tbody tr').filter({ hasText: `批量指派${t}` }).count(), { timeout: 45_000 }).toBe(2);
    await page.locator('thead input[type="checkbox"]').check();
    await page.getByRole('button', { name: '批量指派' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('处理人').click();
    await page.getByRole('option', { name: /王建国/ }).click();
    await dialog.getByRole('button', { name: '批量指派' }).click();
    await notified(page, '成功 2 条，失败 0 条');

    const admin = await staffId(DEMO_LOGINS.admin);
    const rows = (await sql.query('select assignee_id from public.complaints where id = any($1)', [ids])).rows;
    expect(rows).toEqual([{ assignee_id: admin }, { assignee_id: admin }]);
    const audit = (await sql.query("select entity_id, actor_id from public.audit_log where action = 'complaint.assign' and entity_id = any($1)",
      [ids])).rows;
    expect(audit).toHaveLength(2);
    expect(new Set(audit.map((a) => a.actor_id))).toEqual(new Set([await staffId(DEMO_LOGINS.customer_service)]));
    await page.context().close();
  });
});

describe('reviewer', () => {
  it('grants promotion rights with a coded reason from the member page', async () => {
    const t = tag();
    const { memberId, nickname } = await memberAndMerchant(t);
    const page = await session(DEMO_LOGINS.reviewer);
    await page.goto(appPath(`members/${memberId}/show`));
    await page.getByText(nickname).first().waitFor({ timeout: 45_000 });
    await page.getByRole('button', { name: '开通推广权' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox').first().click();
    await page.getByRole('option', { name: '线下缴费已核实' }).click();
    await dialog.getByRole('button', { name: '开通推广权' }).click();
    await notified(page, '已开通推广权');
    await page.getByRole('button', { name: '取消推广权' }).waitFor({ timeout: 45_000 });
    const row = await one('select has_promotion_rights from public.members where id = $1', [memberId]);
    expect(row).toEqual({ has_promotion_rights: true });
    const audit = await one<{ actor_id: string; reason: string }>(
      "select actor_id, reason from public.audit_log where entity_id = $1 and action = 'member.grant_promotion_rights'", [memberId]);
    expect(audit).toEqual({ actor_id: await staffId(DEMO_LOGINS.reviewer), reason: 'offline_payment' });
    await page.context().close();
  });

  it('rebinds a customer from the binding dispute screen; the earlier reservation keeps its distributor', async () => {
    const t = tag();
    const f = await memberAndMerchant(t);
    // the title names its brand and series as the seeded listings do (a catalogue search finds it by them)
    const listing = await one<{ id: string }>(
      `insert into public.listings (merchant_id, kind, title, brand_id, series_id, city_code, price_fen, review_state, shelf_state)
       select $1, 'used_sale', b.name || ' ' || s.name || ' ' || $2, s.brand_id, s.id, '330100', 9800000, 'approved', 'on'
       from public.car_series s join public.car_brands b on b.id = s.brand_id order by s.id limit 1 returning id`,
      [f.merchantId, `争议车源${t}`]);
    const dist = async (name: string) => (await one<{ id: string }>(
      `insert into public.members (nickname, phone, city_code, has_promotion_rights, promotion_rights_at) values ($1, $2, '330100', true, now()) returning id`,
      [name, `197${String(Date.now()).slice(-8)}`])).id;
    const [a, b] = [await dist(`分销甲${t}`), await dist(`分销乙${t}`)];
    const share = async (d: string, code: string) => (await one<{ id: string }>(
      'insert into public.shares (code, distributor_id, listing_id, merchant_id) values ($1, $2, $3, $4) returning id',
      [code, d, listing.id, f.merchantId])).id;
    const shareA = await share(a, `A${t}`.slice(0, 16));
    const shareB = await share(b, `B${t}`.slice(0, 16));
    await sql.query('insert into public.share_clicks (share_id, visitor_member_id) values ($1, $2), ($3, $2)', [shareA, f.memberId, shareB]);
    const binding = (await one<{ id: string }>(
      `insert into public.customer_bindings (member_id, distributor_id, merchant_id, share_id, bound_at, expires_at)
       values ($1, $2, $3, $4, now() - interval '2 days', now() + interval '28 days') returning id`, [f.memberId, a, f.merchantId, shareA])).id;
    const earlier = (await one<{ id: string }>(
      `insert into public.reservations (kind, member_id, merchant_id, listing_id, state, reserved_for, confirm_deadline, price_fen)
       values ('used_purchase', $1, $2, $3, 'created', now() + interval '1 day', now() + interval '1 day', 9800000) returning id`,
      [f.memberId, f.merchantId, listing.id])).id;

    const page = await session(DEMO_LOGINS.reviewer);
    await page.goto(appPath(`members/${f.memberId}/show/bindings`));
    await page.getByRole('button', { name: '查看证据' }).first().click({ timeout: 45_000 });
    const dispute = page.getByRole('dialog');
    await dispute.getByText(`A${t}`.slice(0, 16)).first().waitFor({ timeout: 45_000 });
    await screenshot(page, 'cases-binding-dispute');
    await dispute.getByRole('button', { name: '改绑分销员' }).click();
    const confirm = page.getByRole('dialog').last();
    await confirm.getByLabel('新分销员的分享').click();
    await page.getByRole('option', { name: new RegExp(`分销乙${t}`) }).click();
    await confirm.getByLabel('原因').click();
    await page.getByRole('option', { name: '绑定了错误的分销员' }).click();
    await confirm.getByRole('button', { name: '改绑分销员' }).click();
    await notified(page, '已改绑分销员');

    const rows = (await sql.query('select distributor_id, ended_at is null as open, replaces_id from public.customer_bindings where member_id = $1 order by bound_at',
      [f.memberId])).rows;
    expect(rows).toEqual([{ distributor_id: a, open: false, replaces_id: null }, { distributor_id: b, open: true, replaces_id: binding }]);
    expect(await one('select distributor_id from public.reservations where id = $1', [earlier])).toEqual({ distributor_id: a });
    const audit = await one<{ actor_id: string; reason: string }>(
      "select actor_id, reason from public.audit_log where entity_id = $1 and action = 'customer_binding.rebind'", [binding]);
    expect(audit).toEqual({ actor_id: await staffId(DEMO_LOGINS.reviewer), reason: 'wrong_distributor' });
    await page.context().close();
  });

  it('suspends selected merchants in one go with a reason, audited per merchant', async () => {
    const t = tag();
    const [m1, m2] = [await memberAndMerchant(`${t}a`), await memberAndMerchant(`${t}b`)];
    const page = await session(DEMO_LOGINS.reviewer);
    await page.goto(appPath('merchants'));
    await page.locator('input[name="q"]').fill(`案例车行${t}`);
    await expect.poll(() => page.locator('tbody tr').filter({ hasText: `案例车行${t}` }).count(), { timeout: 45_000 }).toBe(2);
    await page.locator('thead input[type="checkbox"]').check();
    await page.getByRole('button', { name: '批量暂停' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox').first().click();
    await page.getByRole('option', { name: '投诉过多' }).click();
    await dialog.getByRole('button', { name: '批量暂停' }).click();
    await notified(page, '成功 2 条，失败 0 条');
    const rows = (await sql.query("select status::text from public.merchants where id = any($1)", [[m1.merchantId, m2.merchantId]])).rows;
    expect(rows).toEqual([{ status: 'suspended' }, { status: 'suspended' }]);
    const audit = (await sql.query("select actor_id, reason from public.audit_log where action = 'merchant.suspend' and entity_id = any($1)",
      [[m1.merchantId, m2.merchantId]])).rows;
    const reviewer = await staffId(DEMO_LOGINS.reviewer);
    expect(audit).toEqual([{ actor_id: reviewer, reason: 'complaints' }, { actor_id: reviewer, reason: 'complaints' }]);
    await page.context().close();
  });
});
