// Finance end to end, in the real app against the real stack: finance approves one withdrawal
// and, as the approver, is offered no payout (four eyes), so an admin pays it; finance rejects
// another, imports a WeChat Pay statement with one amount mismatch and
// sees it flagged (one click from its payment), and the balance on the account screen equals
// the ledger. Fixtures are made per run (own members' funds, bank accounts, withdrawals,
// payments with run-unique ids), so the file can be rerun and run in any order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type pg from 'pg';
import type { SupabaseClient } from '@supabase/supabase-js';
import { appPath, launch, login, newPage, screenshot } from '../support/browser.ts';
import { as, db, serviceClient } from '../support/stack.ts';
import { formatFen } from '../../src/common/money.ts';

const FINANCE = { email: 'finance@demo.test', password: 'demo1234' };
// the second person of a payout: whoever approved a withdrawal does not pay it
const ADMIN = { email: 'admin@demo.test', password: 'demo1234' };
const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`.toUpperCase();
const FIXTURE = path.resolve(__dirname, '../fixtures/statements/wechat-20240619-mismatch.csv');

let browser: Browser;
let page: Page;
let pgc: pg.Client;
let service: SupabaseClient;

interface Applicant {
  memberId: string;
  withdrawalId: string;
  withdrawalNo: string;
}
const applicants: Applicant[] = [];

async function rpc<T>(client: SupabaseClient, name: string, params: Record<string, unknown>): Promise<T> {
  const { data, error } = await client.rpc(name, params);
  if (error) throw new Error(`${name}: ${error.message} ${error.details ?? ''}`);
  return data as T;
}

/** A member with no open withdrawal, funded with an adjustment journal, a verified bank account and an applied withdrawal. */
async function makeApplicant(tag: string, amountFen: number): Promise<Applicant> {
  const { rows } = await pgc.query(
    `select m.id from members m
      where m.status = 'active'
        and not exists (select 1 from withdrawals w where w.owner_type = 'member' and w.owner_id = m.id
                         and w.state in ('applied', 'in_review', 'approved', 'paying', 'pay_failed'))
      order by md5(m.id::text || $1) limit 1`,
    [`${RUN}${tag}`],
  );
  const memberId = rows[0].id as string;
  await pgc.query(
    `select app.post_journal('adjustment', 'e2e', $1, 'e2e funding', jsonb_build_array(
       jsonb_build_object('account', app.ledger_account('platform', null, 'platform_clearing'), 'amount', $2::bigint),
       jsonb_build_object('account', app.ledger_account('member', $3::uuid, 'member_available'), 'amount', -$2::bigint)))`,
    [`${RUN}-${tag}`, amountFen, memberId],
  );
  const accountNo = `6222${RUN.replace(/\D/g, '').padEnd(8, '7').slice(0, 8)}${tag === 'A' ? '1111' : '2222'}`;
  const bankId = await rpc<string>(service, 'bank_account_add', {
    p_owner_type: 'member', p_owner_id: memberId, p_holder_name: `测试${tag}`, p_bank_name: '招商银行', p_account_no: accountNo,
  });
  await rpc(await as('finance'), 'bank_account_verify', { p_id: bankId, p_verified: true });
  const withdrawalNo = `E2E${RUN}${tag}`;
  const w = await rpc<{ id: string }>(service, 'withdrawal_apply', {
    p_withdrawal_no: withdrawalNo, p_owner_type: 'member', p_owner_id: memberId, p_amount_fen: amountFen, p_bank_account_id: bankId,
  });
  return { memberId, withdrawalId: w.id, withdrawalNo };
}

async function state(id: string): Promise<string> {
  const { rows } = await pgc.query('select state::text from withdrawals where id = $1', [id]);
  return rows[0].state;
}

/** Clicks an action button on a withdrawal page, fills the dialog, confirms. */
async function act(label: string, fill: Record<string, string> = {}, on: Page = page) {
  const page = on;
  await page.getByRole('button', { name: label }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  for (const [name, value] of Object.entries(fill)) await dialog.locator(`[name="${name}"]`).fill(value);
  await dialog.getByRole('button', { name: label }).click();
  await dialog.waitFor({ state: 'detached', timeout: 20_000 });
}

beforeAll(async () => {
  pgc = await db();
  service = await serviceClient();
  applicants.push(await makeApplicant('A', 20_000), await makeApplicant('B', 15_000));
  browser = await launch();
  page = await newPage(browser);
  page.setDefaultTimeout(30_000);
  await login(page, FINANCE.email, FINANCE.password);
});

afterAll(async () => {
  await browser?.close();
  const { rows } = await pgc.query('select * from ledger_check()');
  await pgc.end();
  expect(rows).toEqual([]);
});

describe('finance', () => {
  it('approves one withdrawal, leaves its payout to another person, and rejects another', async () => {
    const [a, b] = applicants;
    await page.goto(appPath(`withdrawals/${a.withdrawalId}/show`));
    await page.getByText(a.withdrawalNo).first().waitFor();
    await screenshot(page, 'e2e-finance-withdrawal-applied');
    await act('认领审核');
    await page.getByRole('button', { name: '审核通过' }).waitFor();
    await act('审核通过', { note: '资料齐全' });
    await page.getByText('您审批了此笔提现，打款须由另一位财务人员完成').waitFor();
    expect(await page.getByRole('button', { name: '打款' }).count()).toBe(0);
    expect(await state(a.withdrawalId)).toBe('approved');

    const second = await newPage(browser);
    second.setDefaultTimeout(30_000);
    try {
      await login(second, ADMIN.email, ADMIN.password);
      await second.goto(appPath(`withdrawals/${a.withdrawalId}/show`));
      await second.getByText(a.withdrawalNo).first().waitFor();
      await act('打款', { reference: `PAYOUT${RUN}` }, second);
      await second.getByText('已打款').first().waitFor();
      await screenshot(second, 'e2e-finance-withdrawal-paid');
    } finally {
      await second.context().close();
    }
    expect(await state(a.withdrawalId)).toBe('paid');

    await page.goto(appPath(`withdrawals/${b.withdrawalId}/show`));
    await page.getByText(b.withdrawalNo).first().waitFor();
    await act('认领审核');
    await page.getByRole('button', { name: '驳回' }).waitFor();
    await act('驳回', { reason: '收款账户与实名信息不一致' });
    await page.getByText('已驳回').first().waitFor();
    await screenshot(page, 'e2e-finance-withdrawal-rejected');
    expect(await state(b.withdrawalId)).toBe('rejected');
    const { rows } = await pgc.query(
      `select a.balance_fen::int as locked from ledger_accounts a where a.owner_id = $1 and a.kind = 'member_locked'`,
      [b.memberId],
    );
    expect(rows[0].locked).toBe(0);
  }, 240_000);

  it('imports a statement with one amount mismatch and flags it, one click from its payment', async () => {
    // the sample statement with this run's transaction ids; payments that match it except one amount
    const text = (await fs.readFile(FIXTURE, 'utf8')).replace(/`(42000\d+)/g, (_m, id: string) => `\`${id}${RUN}`);
    const lines = text.split('\n').filter((l) => /^`2024/.test(l));
    const member = applicants[0].memberId;
    let mismatchTxn = '';
    for (const [i, line] of lines.entries()) {
      const cells = line.split(',').map((c) => c.replace(/^`/, ''));
      const txn = cells[3];
      const fen = Math.round(Number(cells[6]) * 100) + (i === 1 ? 100 : 0); // our record says ¥1 more
      if (i === 1) mismatchTxn = txn;
      const p = await rpc<{ id: string }>(service, 'payment_create', {
        p_payment_no: `E2E${RUN}P${i}`, p_payer_type: 'member', p_payer_id: member, p_kind: 'reservation_rights',
        p_amount_fen: fen, p_channel: 'wechat',
      });
      await rpc(service, 'payment_confirm', { p_payment_id: p.id, p_channel_txn_id: txn, p_paid_at: `${cells[0].replace(' ', 'T')}+08:00` });
    }
    const file = path.join(os.tmpdir(), `wechat-e2e-${RUN}.csv`);
    await fs.writeFile(file, text);

    await page.goto(appPath('statements/create'));
    await page.locator('[data-testid="statement-file"]').setInputFiles(file);
    await page.locator('[data-testid="statement-preview"]').getByText('3 笔').waitFor();
    await page.getByRole('button', { name: '导入并对账' }).click();
    const result = page.locator('[data-testid="reconciliation-result"]');
    await result.waitFor();
    await expect(result.locator('[data-testid="count-amount_mismatch"]').textContent()).resolves.toBe('金额不符 1');
    await expect(result.locator('[data-testid="count-matched"]').textContent()).resolves.toBe('一致 2');
    await result.getByText(mismatchTxn).waitFor();
    await screenshot(page, 'e2e-finance-statement-mismatch');

    await result.locator('[data-testid="recon-payment-link"]').filter({ hasText: `E2E${RUN}P1` }).click();
    await page.waitForURL(/#\/payments\/.+\/show/);
    await page.getByText(mismatchTxn).first().waitFor();
    await screenshot(page, 'e2e-finance-mismatch-payment');
  });

  it('shows the account balance the ledger holds', async () => {
    const { memberId } = applicants[0];
    await page.goto(appPath(`ledger/${memberId}/show`));
    const available = page.locator('[data-figure="available"]');
    await available.waitFor();
    const { rows } = await pgc.query(
      `select a.kind::text, (-sum(e.amount_fen))::text as from_entries, min(a.balance_fen)::text as kept
         from ledger_accounts a join ledger_entries e on e.account_id = a.id
        where a.owner_type = 'member' and a.owner_id = $1 and a.kind in ('member_available', 'member_locked', 'member_frozen')
        group by a.kind`,
      [memberId],
    );
    const byKind = Object.fromEntries(rows.map((r) => [r.kind, r]));
    expect(byKind.member_available.from_entries).toBe(byKind.member_available.kept);
    // the page may first show what an earlier visit cached, then what it reads now
    await expect.poll(() => available.textContent(), { timeout: 20_000 }).toBe(formatFen(byKind.member_available.from_entries));
    await expect
      .poll(() => page.locator('[data-figure="locked"]').textContent(), { timeout: 20_000 })
      .toBe(formatFen(byKind.member_locked?.from_entries ?? 0));
    // the entries behind the figure
    await available.click();
    await page.getByText('「可用余额」的记账分录').waitFor();
    await screenshot(page, 'e2e-finance-account');
  });
});
