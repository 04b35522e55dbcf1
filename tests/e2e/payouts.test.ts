// Batch payouts end to end, as finance in the real app: two withdrawals a colleague approved
// become one payout batch from the withdrawals list; the bank file downloads with the full
// account numbers in the configured bank's layout; the bank's result file (one paid, one
// failed, one line for a withdrawal that does not exist) is imported, and the page shows the
// states and the row error. Fixtures are fresh per run.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type pg from 'pg';
import { appPath, launch, login, newPage, screenshot } from '../support/browser.ts';
import { as, db, DEMO_LOGINS, DEMO_PASSWORD, serviceClient } from '../support/stack.ts';
import { bank, credit, installFixtures, member } from '../db/money-fixtures.ts';

let browser: Browser;
let sql: pg.Client;
const run = `${Date.now()}`.slice(-8);
const prefix = `E2EPB${run}`;

beforeAll(async () => {
  browser = await launch();
  sql = await db();
  await installFixtures(sql);
});
afterAll(async () => {
  await browser?.close();
  await sql?.end();
});

/** An approved withdrawal of a new member, approved by admin (so finance may pay it). */
async function approvedWithdrawal(tail: string, amount: number): Promise<{ id: string; no: string; account: string; yuan: string; net: number }> {
  const owner = await member(sql);
  await credit(sql, 'member', owner, amount);
  const bankId = await bank(sql, 'member', owner);
  const no = `${prefix}${tail}`;
  const service = await serviceClient();
  const { data, error } = await service.rpc('withdrawal_apply', {
    p_withdrawal_no: no, p_owner_type: 'member', p_owner_id: owner, p_amount_fen: amount, p_bank_account_id: bankId,
  });
  expect(error).toBeNull();
  const admin = await as('admin');
  expect((await admin.rpc('withdrawal_claim', { p_id: data.id })).error).toBeNull();
  expect((await admin.rpc('withdrawal_approve', { p_id: data.id })).error).toBeNull();
  const w = (await sql.query('select app.decrypt_account_no(payee_account_enc) as n, net_fen from public.withdrawals where id = $1', [data.id]))
    .rows[0];
  // what the payee receives (the fee, if any, stays with the platform)
  const net = Number(w.net_fen);
  return { id: data.id, no, account: w.n as string, net, yuan: (net / 100).toFixed(2) };
}

describe('payout batches', () => {
  it('finance makes a batch, downloads the bank file, imports a result with one failure and sees the row error', async () => {
    const a = await approvedWithdrawal('A', 31_000);
    const b = await approvedWithdrawal('B', 42_050);
    const template = (await sql.query('select payout_bank_template as t from public.money_settings')).rows[0].t as string;

    const page = await newPage(browser, { width: 1440, height: 900 });
    page.setDefaultTimeout(45_000);
    await login(page, DEMO_LOGINS.finance, DEMO_PASSWORD);
    await page.goto(appPath(`withdrawals?filter=${encodeURIComponent(JSON.stringify({ q: prefix, 'state@in': '(approved)' }))}`));
    await page.getByText(a.no).waitFor();
    await page.getByText(b.no).waitFor();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(2);
    await page.locator('thead input[type="checkbox"]').check();
    await page.getByRole('button', { name: '生成付款批次', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: '生成批次' }).click();
    await page.getByTestId('batch-made').waitFor();
    const made = await page.getByTestId('batch-made').innerText();
    expect(made).toContain('2 笔');
    expect(made).toContain(`¥${((a.net + b.net) / 100).toFixed(2)}`);
    const batchNo = /PB\d{12,}/.exec(made)![0];
    await page.getByRole('button', { name: '查看批次并下载付款文件' }).click();
    await page.getByRole('heading', { name: batchNo }).or(page.getByText(batchNo).first()).first().waitFor();
    await page.getByText(a.no).waitFor();

    // the bank file: full account numbers, yuan with two decimals, the withdrawal no. as 备注
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载付款文件 (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${batchNo}-${template}.csv`);
    const text = await fs.readFile(await download.path(), 'utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const [header, ...lines] = Papa.parse<string[]>(text.replace(/^\ufeff/, '').trim(), { newline: '\r\n' }).data;
    expect(header).toEqual(template === 'cmb'
      ? ['序号', '收款户名', '收款账号', '开户行', '开户支行', '金额(元)', '用途', '备注']
      : ['收款账号', '收款户名', '开户行', '金额', '用途', '备注']);
    const col = (name: string) => header.indexOf(name);
    const lineOf = (no: string) => lines.find((l) => l[col('备注')] === no)!;
    expect(lineOf(a.no)[col('收款账号')]).toBe(a.account);
    expect(lineOf(b.no)[col('收款账号')]).toBe(b.account);
    expect(lineOf(a.no)[col(template === 'cmb' ? '金额(元)' : '金额')]).toBe(a.yuan);
    expect(lineOf(b.no)[col(template === 'cmb' ? '金额(元)' : '金额')]).toBe(b.yuan);
    const batchId = (await sql.query('select id from public.payout_batches where batch_no = $1', [batchNo])).rows[0].id as string;
    expect((await sql.query(`select count(*)::int as n from public.audit_log where action = 'payout_batch.download' and entity_id = $1`,
      [batchId])).rows[0].n).toBe(1);

    // the bank's answer: A paid, B failed, and a line for a number the platform never issued
    const result = [
      '备注,金额,处理结果,银行流水号,失败原因',
      `${a.no},${a.yuan},成功,BK${run}A,`,
      `${b.no},${b.yuan},失败,,账户已销户`,
      `${prefix}Z,100.00,成功,BK${run}Z,`,
    ].join('\r\n');
    const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'payout-')), `result-${run}.csv`);
    await fs.writeFile(file, `\ufeff${result}\r\n`, 'utf8');
    await page.getByRole('button', { name: '导入银行回盘' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('result-file').setInputFiles(file);
    await dialog.getByText(`result-${run}.csv`).waitFor();
    await dialog.getByRole('button', { name: '导入银行回盘', exact: true }).click();
    const report = page.getByTestId('import-report');
    await report.getByText('已处理 2 行，1 行有错误').waitFor();
    await expect.poll(() => report.getByTestId('import-row-error').count()).toBe(1);
    await report.getByText('找不到该提现单号').waitFor();
    await report.getByText(`${prefix}Z`).waitFor();
    // the batch and its rows follow
    await page.getByText('已完成').first().waitFor();
    await page.getByText('账户已销户').waitFor();
    await page.getByText(`BK${run}A`).waitFor();
    await screenshot(page, 'payout-batch-imported');
    const states = (await sql.query('select withdrawal_no, state::text from public.withdrawals where id = any($1) order by withdrawal_no',
      [[a.id, b.id]])).rows;
    expect(states).toEqual([{ withdrawal_no: a.no, state: 'paid' }, { withdrawal_no: b.no, state: 'pay_failed' }]);
    expect((await sql.query('select state::text from public.payout_batches where id = $1', [batchId])).rows[0].state).toBe('completed');
    await page.context().close();
  }, 240_000);

  it('finance pays a withdrawal offline with a proof, sees it on the page, and marks it reconciled', async () => {
    const w = await approvedWithdrawal('M', 25_000);
    const page = await newPage(browser, { width: 1440, height: 900 });
    page.setDefaultTimeout(45_000);
    await login(page, DEMO_LOGINS.finance, DEMO_PASSWORD);
    await page.goto(appPath(`withdrawals/${w.id}/show`));
    await page.getByRole('button', { name: '线下打款' }).click();
    const dialog = page.getByRole('dialog');
    // a 1×1 PNG as the bank slip
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    await dialog.getByTestId('proof-file').setInputFiles({ name: '回单.png', mimeType: 'image/png', buffer: png });
    await dialog.locator('[name="reference"]').fill(`MP${run}M`);
    await dialog.getByRole('button', { name: '线下打款' }).click();
    await page.getByText('已记录线下打款').first().waitFor();
    await page.getByText('打款凭证').first().waitFor();
    await page.locator('img[alt="打款凭证"]').waitFor();
    const row = (await sql.query('select state::text, manual_proof_url, channel_txn_id from public.withdrawals where id = $1', [w.id])).rows[0];
    expect(row.state).toBe('paid');
    expect(row.manual_proof_url).toMatch(new RegExp(`^payout-proofs/withdrawals/${w.id}/proof-\\d+\\.png$`));
    expect(row.channel_txn_id).toBe(`MP${run}M`);

    await page.getByRole('button', { name: '设置对账状态' }).click();
    await dialog.locator('[name="reason"]').fill('与银行回单一致');
    await dialog.getByRole('button', { name: '设置对账状态' }).click();
    await page.getByText('对账状态已更新').first().waitFor();
    await page.getByText('已核对').first().waitFor();
    expect((await sql.query('select recon_status::text as s from public.withdrawals where id = $1', [w.id])).rows[0].s).toBe('matched');
    await page.goto(appPath(`withdrawals?filter=${encodeURIComponent(JSON.stringify({ q: prefix, 'state@in': '(paid)', recon_status: 'matched' }))}`));
    await page.locator('td').getByText(w.no, { exact: true }).waitFor();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    await screenshot(page, 'payout-manual-reconciled');
    await page.context().close();
  }, 180_000);
});
