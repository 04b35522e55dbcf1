// What a new user met, end to end in the built app against the stack: codes in words (audit
// actions, reasons, entities, the audit diff, ledger memos and references) in Chinese and
// English; signals that mean something (a complaint queue that is mostly on time, result chips
// readable in both themes); finance samples that reconcile as promised and an empty settlement
// refused in words; small defects (day inputs as YYYY-MM-DD on an English browser, the honest
// forgot-password text, listing history readable with its page size, the listing list opening
// on every listing and pointing an empty queue search to it).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type pg from 'pg';
import { appPath, launch, login, newPage, screenshot } from '../support/browser.ts';
import { as, db } from '../support/stack.ts';
import { contrastRatio } from '../../src/common/contrast.ts';
import { writeStatementSamples } from '../../scripts/local-stack/statement-samples.ts';

const PASSWORD = 'demo1234';
const SLOW = { timeout: 60_000 };
const run = Date.now().toString(36);

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

/** The same page in English (react-admin keeps the choice in its store). */
async function inEnglish(page: Page, route: string): Promise<void> {
  await page.evaluate(() => localStorage.setItem('RaStore.locale', JSON.stringify('en')));
  await page.goto(appPath(route));
  await page.reload();
}

async function submittedApplication(): Promise<string> {
  const { rows } = await sql.query<{ id: string }>(
    `insert into public.merchant_applications (company_name, kind, category_id, city_code, address, lat, lng, contact_name,
       contact_phone, licence_no, licence_image_url, legal_person_name, state, submitted_at)
     values ($1, 'used_dealer', 5, '110100', '北京市朝阳区车市大道 9 号', 39.92, 116.44, '测试联系人', '13900000000',
       $2, 'samples/licence-1.svg', '测试法人', 'submitted', now() - interval '1 day')
     returning id`,
    [`端到端词语二手车行 ${run}`, `91110100MA${run.toUpperCase().padEnd(8, '0').slice(0, 8)}`.replace(/[IOSVZ]/g, '0')],
  );
  return rows[0].id;
}

describe('every code in words', () => {
  it('the audit log words actions, reasons, entities and the diff, in Chinese and English', async () => {
    const id = await submittedApplication();
    const reviewer = await as('reviewer');
    expect((await reviewer.rpc('merchant_application_claim', { p_id: id })).error).toBeNull();
    const rejected = await reviewer.rpc('merchant_application_reject', { p_id: id, p_reason_code: 'licence_mismatch', p_note: '营业执照照片模糊' });
    expect(rejected.error).toBeNull();

    const page = await newPage(browser);
    page.setDefaultTimeout(60_000);
    await login(page, 'admin@demo.test', PASSWORD);
    await page.goto(appPath(`audit_log?filter=${encodeURIComponent(JSON.stringify({ action: 'merchant_application.reject' }))}`));
    const row = page.locator('tbody tr', { hasText: '执照信息与申请不一致：营业执照照片模糊' }).first();
    await row.waitFor(SLOW);
    const text = await row.innerText();
    expect(text).toContain('驳回入驻申请');
    expect(text).toContain('入驻申请');
    expect(text).not.toMatch(/licence_mismatch|merchant_application/);

    // the diff: labels of the application screen, states in words, Beijing time
    await row.click();
    const diff = page.locator('[data-testid="audit-diff"]').first();
    await diff.waitFor();
    const state = diff.locator('tr[data-field="state"]');
    await expect(state.innerText()).resolves.toMatch(/状态\s+审核中\s+已驳回/);
    await expect(diff.locator('tr[data-field="updated_at"]').innerText()).resolves.toMatch(/更新时间\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
    const diffText = await diff.innerText();
    expect(diffText).not.toMatch(/\b(reject_reason|updated_at|in_review)\b|T\d{2}:\d{2}:\d{2}/);
    await screenshot(page, 'words-audit-diff');

    // the action filter offers every action, approvals included
    await page.goto(appPath('audit_log'));
    const action = page.getByRole('combobox', { name: '操作' });
    await action.click();
    await action.fill('通过入驻');
    await page.getByRole('option', { name: '通过入驻申请' }).waitFor();
    await page.keyboard.press('Escape');

    await inEnglish(page, `audit_log?filter=${encodeURIComponent(JSON.stringify({ action: 'merchant_application.reject' }))}`);
    const enRow = page.locator('tbody tr', { hasText: 'Licence does not match the application: 营业执照照片模糊' }).first();
    await enRow.waitFor(SLOW);
    await expect(enRow.innerText()).resolves.toContain('Reject merchant application');
    await page.context().close();
  });

  it('ledger memos and references are words, with a link to the settlement run', async () => {
    const { rows } = await sql.query<{ owner_id: string; run: string }>(
      `select a.owner_id, j.ref_id as run from ledger_entries e join ledger_journals j on j.id = e.journal_id
         join ledger_accounts a on a.id = e.account_id
        where j.kind = 'settlement' and a.kind = 'merchant_available' order by e.id desc limit 1`,
    );
    const page = await newPage(browser);
    page.setDefaultTimeout(60_000);
    await login(page, 'finance@demo.test', PASSWORD);
    await page.goto(appPath(`ledger/${rows[0].owner_id}/show`));
    await page.locator('[data-figure="available"]').click();
    const entry = page.locator('tbody tr', { hasText: `结算批次 #${rows[0].run}` }).first();
    await entry.waitFor(SLOW);
    const text = await entry.innerText();
    expect(text).toMatch(/结算 \d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}/);
    expect(text).not.toMatch(/settlement|settlement_run/);
    await screenshot(page, 'words-ledger');
    await entry.getByRole('link', { name: `结算批次 #${rows[0].run}` }).click();
    await page.waitForURL(new RegExp(`#/settlements/${rows[0].run}/show`));
    await page.context().close();
  });
});

describe('signals that mean something', () => {
  it('the complaint queue is mostly on time: few rows highlighted, the overdue ones first', async () => {
    const page = await newPage(browser);
    page.setDefaultTimeout(60_000);
    await login(page, 'service@demo.test', PASSWORD);
    // the queue as it opens (open complaints, nearest resolution deadline first), 50 a page
    const query = `filter=${encodeURIComponent(JSON.stringify({ is_open: true }))}&sort=resolution_due_at&order=ASC&perPage=50`;
    await page.goto(appPath(`complaints?${query}`));
    await page.locator('tbody tr').nth(20).waitFor(SLOW);
    const colours = await page.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => getComputedStyle(tr).backgroundColor));
    const plain = colours.filter((c) => c === 'rgba(0, 0, 0, 0)' || c === 'transparent').length;
    expect(colours.length).toBe(50);
    // sorted by the nearest resolution deadline: the highlighted rows come first and are a minority
    expect(plain).toBeGreaterThan(colours.length / 2);
    expect(colours[colours.length - 1]).toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
    await screenshot(page, 'signals-complaint-queue');
    await page.context().close();
  });

  it('a sample statement from the demo payments shows one mismatch, one missing, one extra; chips readable in both themes', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'e2e-statements-'));
    try {
      const samples = await writeStatementSamples(sql, dir);
      const wechat = samples.find((s) => s.channel === 'wechat')!;
      const page = await newPage(browser);
      page.setDefaultTimeout(60_000);
      await login(page, 'finance@demo.test', PASSWORD);
      await page.goto(appPath('statements/create'));
      await page.locator('[data-testid="statement-file"]').setInputFiles(wechat.file);
      await page.getByRole('button', { name: '导入并对账' }).click();
      const result = page.locator('[data-testid="reconciliation-result"]');
      await result.waitFor(SLOW);
      await expect(result.locator('[data-testid="count-amount_mismatch"]').textContent()).resolves.toBe('金额不符 1');
      await expect(result.locator('[data-testid="count-missing"]').textContent()).resolves.toMatch(/ 1$/);
      await expect(result.locator('[data-testid="count-extra"]').textContent()).resolves.toMatch(/ 1$/);
      for (const txn of [wechat.mismatch, wechat.missing, wechat.extra]) await result.getByText(txn).first().waitFor();

      // every chip's words against its own background: the result column and the counts
      const readable = async (where: Page | ReturnType<Page['locator']>) => {
        const chips = await where.locator('[data-result], [data-testid^="count-"]').evaluateAll((els) =>
          els.map((el) => ({ what: el.getAttribute('data-result') ?? el.getAttribute('data-testid'), fg: getComputedStyle(el).color, bg: getComputedStyle(el).backgroundColor })));
        for (const c of chips) {
          if (c.bg === 'rgba(0, 0, 0, 0)') continue; // an outlined count of zero: the page's own text
          expect(contrastRatio(c.fg, c.bg), `${c.what} ${c.fg} on ${c.bg}`).toBeGreaterThanOrEqual(4.5);
        }
        return new Set(chips.map((c) => c.what));
      };
      expect(await readable(result)).toEqual(new Set(['amount_mismatch', 'missing', 'extra', 'count-matched', 'count-amount_mismatch', 'count-missing', 'count-extra']));
      await screenshot(page, 'signals-reconciliation-light');
      // every row of the statement, matched ones too, in the light and then the dark theme
      await result.getByRole('link').first().click();
      await page.locator('[data-result="matched"]').first().waitFor(SLOW);
      expect(await readable(page)).toEqual(new Set(['matched', 'amount_mismatch', 'missing', 'extra']));
      await page.evaluate(() => localStorage.setItem('RaStore.theme', JSON.stringify('dark')));
      await page.reload();
      await page.locator('[data-result="matched"]').first().waitFor(SLOW);
      expect(await readable(page)).toEqual(new Set(['matched', 'amount_mismatch', 'missing', 'extra']));
      await screenshot(page, 'signals-reconciliation-dark');
      await page.context().close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('settling a period without trades is refused in words and makes no run', async () => {
    const page = await newPage(browser);
    page.setDefaultTimeout(60_000);
    await login(page, 'finance@demo.test', PASSWORD);
    const runs = async () => Number((await sql.query<{ n: string }>(`select count(*) n from settlement_runs where period_from = '2001-02-03'`)).rows[0].n);
    const settle = async () => {
      await page.getByRole('button', { name: /执行结算|Run settlement/ }).first().click();
      const dialog = page.getByRole('dialog');
      for (const name of ['from', 'to']) {
        await dialog.locator(`input[name="${name}"]`).fill('20010203');
      }
      await dialog.getByRole('button', { name: /^(确认结算|Settle)$/ }).click();
      return dialog;
    };
    await page.goto(appPath('settlements'));
    const dialog = await settle();
    await dialog.getByText('该期间没有待结算的交易，未生成结算批次').waitFor(SLOW);
    expect(await runs()).toBe(0);
    await screenshot(page, 'finance-empty-settlement');
    await page.keyboard.press('Escape');
    await inEnglish(page, 'settlements');
    const en = await settle();
    await en.getByText('No unsettled trade in this period: no settlement run was created').waitFor(SLOW);
    expect(await runs()).toBe(0);
    await page.context().close();
  });
});

describe('small defects', () => {
  it('day inputs read YYYY-MM-DD on an English browser', async () => {
    const context = await browser.newContext({ locale: 'en-US', timezoneId: 'America/New_York', viewport: { width: 1366, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await login(page, 'admin@demo.test', PASSWORD);
    await page.goto(appPath('audit_log'));
    const from = page.getByRole('textbox', { name: '开始日期' });
    await from.waitFor(SLOW);
    await expect(from.getAttribute('placeholder')).resolves.toBe('YYYY-MM-DD');
    await from.fill('20261123');
    await from.blur();
    await expect(from.inputValue()).resolves.toBe('2026-11-23');
    // the browser's own date box (mm/dd/yyyy here) only opens the calendar: it is never seen
    const natives = await page.locator('input[type="date"]').evaluateAll((els) => els.map((el) => getComputedStyle(el).opacity));
    expect(natives.every((o) => o === '0')).toBe(true);
    await screenshot(page, 'defects-day-input');
    await context.close();
  });

  it('forgot password says a mail was sent, not that anything was reset (zh, en)', async () => {
    const page = await newPage(browser);
    await page.goto(appPath('forgot-password'));
    await page.locator('input[name="email"]').fill('reviewer@demo.test');
    await page.locator('button[type="submit"]').click();
    await page.getByText('如果该邮箱是员工账号，重置密码的邮件已发出').first().waitFor(SLOW);
    await screenshot(page, 'defects-forgot-password');
    await expect(page.getByText('密码已重置').count()).resolves.toBe(0);
    await inEnglish(page, 'forgot-password');
    // another address: auth sends one mail per address and minute
    await page.locator('input[name="email"]').fill('analyst@demo.test');
    await page.locator('button[type="submit"]').click();
    await page.getByText('If this address belongs to a staff login').first().waitFor(SLOW);
    await page.context().close();
  });

  it('listing history reads on one line per cell with its page size; listings open on every listing', async () => {
    const { rows } = await sql.query<{ listing_id: string }>(
      `select listing_id from listing_history group by listing_id having count(*) >= 2 order by listing_id limit 1`,
    );
    const page = await newPage(browser);
    page.setDefaultTimeout(60_000);
    await login(page, 'reviewer@demo.test', PASSWORD);
    await page.goto(appPath(`listings/${rows[0].listing_id}/show`));
    const at = page.locator('td.column-at').first();
    await at.waitFor(SLOW);
    const box = (await at.boundingBox())!;
    expect(box.height).toBeLessThan(48);
    expect(box.width).toBeGreaterThan(100);
    await expect(page.locator('.MuiTablePagination-select').last().innerText()).resolves.toBe('20');
    await screenshot(page, 'defects-listing-history');

    await page.goto(appPath('listings'));
    await page.getByRole('tab', { name: '全部车源', selected: true }).waitFor(SLOW);
    await page.getByRole('tab', { name: '待审核队列' }).click();
    // as a person would: type once the queue's filter shows (the filter form takes the tab's
    // filter when the list re-reads; a word typed before that goes in with the old filters)
    await page.getByRole('tab', { name: '待审核队列', selected: true }).waitFor(SLOW);
    await page.locator('form').getByText('待审核', { exact: true }).first().waitFor(SLOW);
    await page.getByPlaceholder(/搜索品牌/).fill(`无此车${run}`);
    const hint = page.locator('[data-testid="queue-search-hint"]');
    await hint.waitFor(SLOW);
    await hint.getByRole('button', { name: '在全部车源中搜索' }).click();
    await page.getByRole('tab', { name: '全部车源', selected: true }).waitFor();
    await page.context().close();
  });
});
