// Customer service (客服) end to end, in the real app against the real stack: the complaint
// queue (assign to me, reply, internal note, resolve with a penalty that the merchant page
// shows), member ban / unban with a reason, deal verification, a trade refund with a reason,
// trade totals and CSV export.
// Every test creates its own records (fixtures through the database or the service key), so
// it passes when rerun and in any order with the other e2e files; every test checks the
// database afterwards (state and audit rows).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import type pg from 'pg';
import { appPath, launch, login, newPage, screenshot } from '../support/browser.ts';
import { as, db, DEMO_LOGINS, DEMO_PASSWORD, serviceClient } from '../support/stack.ts';

const SERVICE = DEMO_LOGINS.customer_service;
const FINANCE = DEMO_LOGINS.finance;
const tag = () => Date.now().toString(36);

let browser: Browser;
let sql: pg.Client;
let serviceStaffId: string;

beforeAll(async () => {
  browser = await launch();
  sql = await db();
  serviceStaffId = (await sql.query<{ id: string }>('select id from public.staff where email = $1', [SERVICE])).rows[0].id;
});
afterAll(async () => {
  await browser?.close();
  await sql?.end();
});

async function serviceSession(): Promise<Page> {
  const page = await newPage(browser, { width: 1440, height: 900 });
  await login(page, SERVICE, DEMO_PASSWORD);
  return page;
}

/** Waits for a notification text (react-admin's snackbar). */
const notified = (page: Page, text: string | RegExp) => page.getByText(text).first().waitFor({ timeout: 45_000 });

/** The newest audit row id: rows above it were written by what the test did afterwards. */
async function auditMark(): Promise<string> {
  return (await sql.query<{ id: string }>('select coalesce(max(id), 0) as id from public.audit_log')).rows[0].id;
}

async function auditRows(entityId: string, since: string) {
  const { rows } = await sql.query<{ action: string; actor_id: string; reason: string | null }>(
    'select action, actor_id, reason from public.audit_log where entity_id = $1 and id > $2 order by id',
    [entityId, since],
  );
  return rows;
}

/** A fresh complaint in `mediating` (merchant has replied), assigned to the admin, about an active merchant. */
async function complaintFixture(): Promise<{ id: string; merchantId: string; title: string }> {
  const { rows: merchants } = await sql.query<{ id: string }>(
    `select m.id from public.merchants m
      where m.status = 'active'
      order by (select count(*) from public.merchant_penalties p where p.merchant_id = m.id and p.revoked_at is null
                and p.expires_at > now()), m.id
      limit 1`,
  );
  const { rows: members } = await sql.query<{ id: string }>(
    "select id from public.members where status = 'active' order by seq limit 1",
  );
  const title = `端到端投诉 ${tag()}`;
  const service = await serviceClient();
  const submitted = await service.rpc('complaint_submit', {
    p_member_id: members[0].id,
    p_merchant_id: merchants[0].id,
    p_category: 'price',
    p_title: title,
    p_content: '到店后商家临时加价两千元，与平台标价不符。',
  });
  if (submitted.error) throw new Error(submitted.error.message);
  const id = (submitted.data as { id: string }).id;
  const admin = await as('admin');
  for (const [fn, args] of [
    ['complaint_accept', { p_id: id }],
    ['complaint_request_merchant', { p_id: id, p_hours: 48 }],
  ] as const) {
    const r = await admin.rpc(fn, args);
    if (r.error) throw new Error(`${fn}: ${r.error.message}`);
  }
  const replied = await service.rpc('complaint_merchant_replied', { p_id: id, p_body: '价格含上牌服务费，已向客户说明。' });
  if (replied.error) throw new Error(replied.error.message);
  return { id, merchantId: merchants[0].id, title };
}

describe('customer service', () => {
  it('takes a complaint, replies, notes, and resolves it with a penalty the merchant page shows', async () => {
    const c = await complaintFixture();
    const since = await auditMark();
    const page = await serviceSession();

    // the queue: open complaints, nearest deadline first, overdue rows highlighted
    await page.goto(appPath('complaints'));
    await page.getByRole('columnheader', { name: /处理完成时限/ }).waitFor({ timeout: 45_000 });
    await page.locator('tbody tr').first().waitFor();
    await screenshot(page, 'service-complaint-queue');

    await page.goto(appPath(`complaints/${c.id}/show`));
    await page.getByRole('heading', { name: c.title, exact: true }).waitFor({ timeout: 45_000 });
    await expect(page.getByText('调解中').first().isVisible()).resolves.toBe(true);

    // assign to me
    await page.getByRole('button', { name: '指派给我' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '指派给我' }).click();
    await notified(page, '已指派');
    await page.getByText('张晓梅').first().waitFor();

    // a reply to the member, then an internal note
    await page.locator('textarea[name="message_body"]').fill('您好，我们已核实商户报价，将尽快给出处理结果。');
    await page.getByRole('button', { name: '发送' }).click();
    await notified(page, '已发送');
    await page.locator('[data-message-kind="staff_to_member"]').first().waitFor();
    await page.getByRole('button', { name: '内部备注' }).click();
    await page.locator('textarea[name="message_body"]').fill('商户第二次因加价被投诉，建议降权。');
    await page.getByRole('button', { name: '发送' }).click();
    await page.locator('[data-message-kind="internal_note"]').first().waitFor({ timeout: 45_000 });

    // resolve: upheld, remedy, penalty of 5 points for 30 days
    await page.getByRole('button', { name: '处理结案' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox').first().click();
    await page.getByRole('option', { name: '投诉成立' }).click();
    await expect(dialog.getByRole('button', { name: '处理结案' }).isDisabled()).resolves.toBe(true); // remedy required
    await dialog.locator('textarea').first().fill('商户退还多收的两千元并书面致歉。');
    await dialog.locator('input[name="with_penalty"]').check();
    await dialog.locator('input[name="penalty_size"]').fill('5');
    await dialog.locator('input[name="penalty_days"]').fill('30');
    await screenshot(page, 'service-complaint-resolve-dialog');
    await dialog.getByRole('button', { name: '处理结案' }).click();
    await notified(page, '投诉已处理');
    await page.getByTestId('penalty').first().waitFor({ timeout: 45_000 });
    await expect(page.getByTestId('penalty').first().innerText()).resolves.toMatch(/-5[\s\S]*生效中/);
    await screenshot(page, 'service-complaint-resolved');

    // the database: state, assignee, outcome, messages with their audience, penalty, audit rows
    const row = (
      await sql.query('select state, assignee_id, outcome, remedy, resolved_at from public.complaints where id = $1', [c.id])
    ).rows[0];
    expect(row).toMatchObject({ state: 'resolved', assignee_id: serviceStaffId, outcome: 'upheld' });
    const messages = (
      await sql.query(
        "select kind, audience, author_staff_id from public.complaint_messages where complaint_id = $1 and author_kind = 'staff' order by id",
        [c.id],
      )
    ).rows;
    expect(messages).toEqual([
      { kind: 'reply', audience: 'member', author_staff_id: serviceStaffId },
      { kind: 'internal_note', audience: null, author_staff_id: serviceStaffId },
    ]);
    const penalty = (
      await sql.query<{ size: string; days: number; created_by: string }>(
        "select size, round(extract(epoch from expires_at - starts_at) / 86400)::int as days, created_by from public.merchant_penalties where complaint_id = $1",
        [c.id],
      )
    ).rows;
    expect(penalty).toEqual([{ size: '5.00', days: 30, created_by: serviceStaffId }]);
    const audit = await auditRows(c.id, since);
    expect(audit.map((a) => a.action)).toEqual(['complaint.assign', 'complaint.reply', 'complaint.internal_note', 'complaint.resolve']);
    expect(new Set(audit.map((a) => a.actor_id))).toEqual(new Set([serviceStaffId]));
    const merchantAudit = (
      await sql.query("select action, actor_id, after from public.audit_log where entity_id = $1 and action = 'merchant.penalty' and id > $2", [
        c.merchantId,
        since,
      ])
    ).rows;
    expect(merchantAudit).toHaveLength(1);
    expect(merchantAudit[0]).toMatchObject({ actor_id: serviceStaffId, after: { size: 5, days: 30, complaint_id: c.id } });

    // the merchant's page shows the active penalty count the database has
    const active = Number(
      (await sql.query('select active_penalty_count from public.v_merchants where id = $1', [c.merchantId])).rows[0].active_penalty_count,
    );
    expect(active).toBeGreaterThanOrEqual(1);
    await page.goto(appPath(`merchants/${c.merchantId}/show`));
    const label = page.locator('.RaLabeled-label', { hasText: /^生效处罚$/ }).first();
    await label.waitFor({ timeout: 45_000 });
    const field = label.locator('xpath=..');
    await expect(field.innerText()).resolves.toContain(String(active));
    await screenshot(page, 'service-merchant-penalty');
    await page.context().close();
  });

  it('bans and unbans a member with a reason, audited', async () => {
    const nickname = `端到端会员${tag()}`;
    const phone = `199${String(Date.now()).slice(-8)}`;
    const { rows } = await sql.query<{ id: string }>(
      "insert into public.members (nickname, phone, city_code, points) values ($1, $2, '330100', 100) returning id",
      [nickname, phone],
    );
    const id = rows[0].id;
    const since = await auditMark();
    const page = await serviceSession();

    await page.goto(appPath('members'));
    await page.locator('input[name="q"]').fill(nickname);
    // react-admin writes the debounced search into the URL; a row clicked before that lands on
    // the detail page and is then taken back to the list, so wait for the filter to settle
    await page.waitForURL((u) => decodeURIComponent(u.toString()).includes(nickname), { timeout: 45_000 });
    await page.getByText(nickname).first().waitFor({ timeout: 45_000 });
    await expect(page.getByText(`${phone.slice(0, 3)}`).first().isVisible()).resolves.toBe(true);
    await screenshot(page, 'service-member-search');
    await page.getByText(nickname).first().click();
    await page.waitForURL(new RegExp(`/members/${id}/show`));

    const banButton = page.getByRole('button', { name: '封禁', exact: true });
    await banButton.waitFor({ timeout: 30_000 }).catch(async (e) => {
      await screenshot(page, 'service-member-ban-missing');
      throw e;
    });
    await banButton.click();
    let dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('button', { name: '封禁' }).isDisabled()).resolves.toBe(true); // reason required
    await dialog.getByRole('combobox').first().click();
    await page.getByRole('option', { name: '恶意预约' }).click();
    await dialog.locator('textarea[name="reason"]').fill('一周内 12 次预约均未到店');
    await dialog.getByRole('button', { name: '封禁' }).click();
    await notified(page, '会员已封禁');
    await page.getByText('已封禁').first().waitFor();
    await page.getByTestId('member-actions-log').getByText('一周内 12 次预约均未到店').waitFor();
    await screenshot(page, 'service-member-banned');

    let member = (await sql.query('select status, status_reason, banned_at from public.members where id = $1', [id])).rows[0];
    expect(member.status).toBe('banned');
    expect(member.status_reason).toBe('fake_reservation: 一周内 12 次预约均未到店');
    expect(member.banned_at).not.toBeNull();

    await page.getByRole('button', { name: '解封' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox').first().click();
    await page.getByRole('option', { name: '申诉通过' }).click();
    await dialog.locator('textarea[name="reason"]').fill('会员提供了行程证明');
    await dialog.getByRole('button', { name: '解封' }).click();
    await notified(page, '会员已解封');
    await page.getByRole('button', { name: '封禁' }).waitFor();

    member = (await sql.query('select status, banned_at from public.members where id = $1', [id])).rows[0];
    expect(member).toEqual({ status: 'active', banned_at: null });
    const actions = (
      await sql.query('select action, reason_code, note, actor_id from public.member_actions where member_id = $1 order by id', [id])
    ).rows;
    expect(actions).toEqual([
      { action: 'ban', reason_code: 'fake_reservation', note: '一周内 12 次预约均未到店', actor_id: serviceStaffId },
      { action: 'unban', reason_code: 'appeal_accepted', note: '会员提供了行程证明', actor_id: serviceStaffId },
    ]);
    const audit = await auditRows(id, since);
    expect(audit).toEqual([
      { action: 'member.ban', actor_id: serviceStaffId, reason: 'fake_reservation: 一周内 12 次预约均未到店' },
      { action: 'member.unban', actor_id: serviceStaffId, reason: 'appeal_accepted: 会员提供了行程证明' },
    ]);
    await page.context().close();
  });

  it('verifies a declared deal, which creates the trade', async () => {
    const { rows } = await sql.query<{ id: string; deal_amount_fen: string }>(
      `select x.id, x.deal_amount_fen from public.reservations x join public.merchants m on m.id = x.merchant_id
        where x.state = 'deal_pending' and m.status <> 'closed'
          and not exists (select 1 from public.complaints c where c.reservation_id = x.id)
        order by x.created_at desc limit 1`,
    );
    expect(rows).toHaveLength(1);
    const { id } = rows[0];
    const since = await auditMark();
    const page = await serviceSession();
    await page.goto(appPath(`reservations/${id}/show`));
    await page.getByText('成交待核实').first().waitFor({ timeout: 45_000 });
    await screenshot(page, 'service-reservation-deal-pending');
    await page.getByRole('button', { name: '核实成交' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '核实成交' }).click();
    await notified(page, '已核实成交，交易已生成');
    await page.getByRole('link', { name: '查看交易' }).click();
    await page.getByText('已成交').first().waitFor({ timeout: 45_000 });
    await screenshot(page, 'service-trade-show');

    const reservation = (await sql.query('select state from public.reservations where id = $1', [id])).rows[0];
    expect(reservation.state).toBe('deal_closed');
    const trade = (await sql.query('select status, amount_fen from public.trades where reservation_id = $1', [id])).rows;
    expect(trade).toEqual([{ status: 'closed', amount_fen: rows[0].deal_amount_fen }]);
    const audit = await auditRows(id, since);
    expect(audit).toEqual([{ action: 'reservation.deal_closed', actor_id: serviceStaffId, reason: 'verified' }]);
    await page.context().close();
  });

  it('refunds a closed trade with a coded reason; the money is reversed and the history says why', async () => {
    // a trade of its own: a fresh listing, reserved, visited, declared and verified
    const title = `端到端退款 宝马 X5 ${tag()}`;
    const { rows: made } = await sql.query<{ id: string; merchant_id: string }>(
      `insert into public.listings (merchant_id, kind, title, brand_id, series_id, year, mileage_km, city_code, price_fen, photos,
         review_state, shelf_state, submitted_at, approved_at, listed_at)
       select m.id, 'used_sale', $1, 1, 4, 2022, 30000, m.city_code, 26800000, '{cars/suv-white.svg}', 'approved', 'on', now(), now(), now()
         from public.merchants m where m.status = 'active' and m.kind = 'used_dealer' order by m.id limit 1
       returning id, merchant_id`,
      [title],
    );
    const { rows: reservation } = await sql.query<{ id: string }>(
      `insert into public.reservations (kind, member_id, merchant_id, listing_id, state, reserved_for, confirm_deadline, price_fen)
       select 'used_purchase', (select id from public.members where status = 'active' order by id limit 1), $1, $2, 'created',
              now() + interval '1 day', now() + interval '1 day', 26800000
       returning id`,
      [made[0].merchant_id, made[0].id],
    );
    const svc = await serviceClient();
    for (const step of [{ p_to: 'confirmed' }, { p_to: 'visited' }, { p_to: 'deal_pending', p_deal_amount_fen: 26500000 }]) {
      const { error } = await svc.rpc('reservation_transition', { p_id: reservation[0].id, ...step });
      expect(error, error?.message).toBeNull();
    }
    expect((await (await as('customer_service')).rpc('reservation_verify_deal', { p_id: reservation[0].id })).error).toBeNull();
    const tradeId = (await sql.query<{ id: string }>('select id from public.trades where reservation_id = $1', [reservation[0].id])).rows[0].id;

    const since = await auditMark();
    const page = await serviceSession();
    await page.goto(appPath(`trades/${tradeId}/show`));
    await page.getByText(title).first().waitFor({ timeout: 45_000 });
    await page.getByRole('button', { name: '退款' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('¥265,000.00', { exact: false }).waitFor();
    const confirm = dialog.getByRole('button', { name: '确认退款' });
    await expect(confirm.isDisabled()).resolves.toBe(true); // a reason is required
    await dialog.getByRole('combobox').click();
    await page.getByRole('option', { name: '车况与描述不符' }).click();
    await dialog.getByRole('textbox', { name: '说明' }).fill('交车时发现里程表被调过');
    await screenshot(page, 'service-trade-refund-dialog');
    await confirm.click();
    // ¥265,000 is above the refund_approval threshold: the agent's call only requests the refund
    await notified(page, '申请已提交，须由另一位同事确认后执行');
    await page.getByText(/您已于 .* 提出申请/).waitFor({ timeout: 45_000 });
    await dialog.waitFor({ state: 'detached' });
    await expect(page.getByRole('button', { name: '退款', exact: true }).count()).resolves.toBe(0);
    expect((await sql.query('select status from public.trades where id = $1', [tradeId])).rows[0].status).toBe('closed');
    await screenshot(page, 'service-trade-refund-requested');

    // a finance colleague sees who asked and why, and confirms
    const finance = await newPage(browser, { width: 1440, height: 900 });
    await login(finance, FINANCE, DEMO_PASSWORD);
    await finance.goto(appPath(`trades/${tradeId}/show`));
    await finance.getByText(/提出申请（车况与描述不符：交车时发现里程表被调过）/).waitFor({ timeout: 45_000 });
    await finance.getByRole('button', { name: '确认退款申请' }).click();
    const second = finance.getByRole('dialog');
    await second.getByRole('combobox').click();
    await finance.getByRole('option', { name: '车况与描述不符' }).click();
    await second.getByRole('textbox', { name: '说明' }).fill('交车时发现里程表被调过');
    await second.getByRole('button', { name: '确认退款' }).click();
    await notified(finance, '交易已退款');
    // the history and the status note both name the reason in words, not its code
    await finance.getByText('车况与描述不符：交车时发现里程表被调过').nth(1).waitFor({ timeout: 45_000 });
    await expect(finance.getByRole('button', { name: /退款/ }).count()).resolves.toBe(0); // refunded once
    await screenshot(finance, 'service-trade-refunded');
    await finance.context().close();

    const trade = (await sql.query('select status, status_reason from public.trades where id = $1', [tradeId])).rows[0];
    expect(trade).toEqual({ status: 'refunded', status_reason: 'vehicle_mismatch: 交车时发现里程表被调过' });
    const money = (await sql.query('select reversal_status from public.trade_money where trade_id = $1', [tradeId])).rows[0];
    expect(money.reversal_status).toBe('refunded');
    const financeStaffId = (await sql.query<{ id: string }>('select id from public.staff where email = $1', [FINANCE])).rows[0].id;
    expect(await auditRows(tradeId, since)).toEqual([
      { action: 'trade.refund_request', actor_id: serviceStaffId, reason: 'vehicle_mismatch: 交车时发现里程表被调过' },
      { action: 'trade.refund', actor_id: financeStaffId, reason: 'vehicle_mismatch: 交车时发现里程表被调过' },
    ]);
    await page.context().close();
  });

  it('shows trade totals for the filter and exports the filtered rows as CSV', async () => {
    const { rows } = await sql.query<{ merchant_id: string; name: string; n: string; gmv: string }>(
      `select t.merchant_id, m.name, count(*) as n, sum(t.amount_fen) filter (where t.status = 'closed') as gmv
         from public.trades t join public.merchants m on m.id = t.merchant_id
        group by 1, 2 having count(*) between 3 and 200 order by count(*) desc limit 1`,
    );
    const m = rows[0];
    const page = await serviceSession();
    await page.goto(appPath(`trades?filter=${encodeURIComponent(JSON.stringify({ merchant_id: m.merchant_id }))}`));
    await page.getByTestId('totals-count').filter({ hasText: `/ ${m.n}` }).waitFor({ timeout: 45_000 });
    const gmv = await page.getByTestId('totals-gmv').innerText();
    expect(gmv.replace(/[¥,]/g, '')).toBe((Number(m.gmv) / 100).toFixed(2));
    await screenshot(page, 'service-trades-totals');

    await page.getByRole('button', { name: '导出' }).click();
    const since = await auditMark();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: '导出 CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^trades-\d{8}-\d{4}\.csv$/);
    const text = await fs.readFile(await download.path(), 'utf8');
    const lines = text.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0].split(',').slice(0, 4)).toEqual(['成交时间', '类型', '状态', '品牌']);
    expect(lines).toHaveLength(Number(m.n) + 1);
    expect(lines.slice(1).every((l) => l.includes(m.name))).toBe(true);
    // the export is on record: who, which list, the filter, how many rows
    const { rows: recorded } = await sql.query<{ action: string; actor_id: string; after: { rows: number; filter: Record<string, unknown> } }>(
      "select action, actor_id, after from public.audit_log where id > $1 and action = 'export.trades'",
      [since],
    );
    expect(recorded).toHaveLength(1);
    expect(recorded[0].actor_id).toBe(serviceStaffId);
    expect(recorded[0].after.rows).toBe(Number(m.n));
    expect(recorded[0].after.filter).toMatchObject({ merchant_id: m.merchant_id });
    await page.context().close();
  });

  it('screens: reservations, members with downline, distribution records', async () => {
    const page = await serviceSession();
    await page.goto(appPath('reservations'));
    await page.locator('tbody tr').first().waitFor({ timeout: 45_000 });
    await screenshot(page, 'service-reservations');

    const { rows } = await sql.query<{ id: string }>(
      `select m.id from public.members m where exists (select 1 from public.members d join public.members dd on dd.upline_id = d.id where d.upline_id = m.id)
        order by m.seq limit 1`,
    );
    await page.goto(appPath(`members/${rows[0].id}/show/downline`));
    await page.getByTestId('downline-tree').waitFor({ timeout: 45_000 });
    await page.getByTestId('downline-tree').getByRole('button', { name: '展开' }).first().click();
    await page.getByTestId('downline-tree').getByText('第 2 层').first().waitFor();
    await screenshot(page, 'service-member-downline');

    await page.goto(appPath('distribution'));
    await page.locator('tbody tr').first().waitFor({ timeout: 45_000 });
    await screenshot(page, 'service-distribution');
    const { rows: d } = await sql.query<{ id: string }>(
      "select distributor_id as id from public.trades where distributor_id is not null and status = 'closed' limit 1",
    );
    await page.goto(appPath(`distribution/${d[0].id}/show/trades`));
    await page.getByTestId('distribution-funnel').waitFor({ timeout: 45_000 });
    await page.locator('tbody tr').first().waitFor();
    await screenshot(page, 'service-distributor-trades');
    await page.context().close();
  });
});
