// Exports never fail midway, in the real app against the seeded demo data: the whole trades
// list (more rows than the planner's estimate, which once stopped the export with PostgREST's
// 416) to Excel; the withdrawal queue to CSV with its explicit finance columns; and a list
// without declared columns (staff) with headers, codes and times as the list shows them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs/promises';
import type { Browser, Download, Page } from 'playwright-core';
import type pg from 'pg';
import Papa from 'papaparse';
import { appPath, launch, login, newPage } from '../support/browser.ts';
import { db } from '../support/stack.ts';
import { OPEN_STATES } from '../../src/withdrawals/choices.ts';
import { zh as withdrawalTexts } from '../../src/withdrawals/messages.ts';

let browser: Browser;
let page: Page;
let sql: pg.Client;

const DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** Opens the export menu, picks a format, waits for the file (a whole list takes a while to read). */
async function exportList(format: '导出 CSV' | '导出 Excel'): Promise<Download> {
  await page.getByRole('button', { name: '导出' }).click();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('menuitem', { name: format }).click()]);
  return download;
}

async function csvRows(download: Download): Promise<string[][]> {
  const text = (await fs.readFile(await download.path(), 'utf8')).replace(/^\ufeff/, '');
  return Papa.parse<string[]>(text.trim(), { newline: '\r\n' }).data;
}

beforeAll(async () => {
  sql = await db();
  browser = await launch();
  page = await newPage(browser, { width: 1440, height: 900 });
  page.setDefaultTimeout(30_000);
  await login(page, 'admin@demo.test', 'demo1234');
});

afterAll(async () => {
  await browser?.close();
  await sql?.end();
});

describe('exports', () => {
  it('write every trade to Excel, however low the estimate', async () => {
    const total = Number((await sql.query<{ n: string }>('select count(*) as n from public.trades')).rows[0].n);
    await page.goto(appPath('trades'));
    await page.locator('tbody tr').first().waitFor();
    const download = await exportList('导出 Excel');
    expect(download.suggestedFilename()).toMatch(/^trades-\d{8}-\d{4}\.xlsx$/);
    await page.getByText(`已导出 ${total} 行`).waitFor();
    expect(await page.getByText('Requested range not satisfiable').count()).toBe(0);

    const mod = await import('exceljs');
    const ExcelJS = (mod as unknown as { default?: typeof mod }).default ?? mod;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    const sheet = book.worksheets[0];
    expect(sheet.rowCount).toBe(total + 1);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['成交时间', '类型', '状态', '品牌', '车系', '车型', '车源', '成交金额', '数量', '商户', '会员', '分销员', '城市', '交易编号']);

    // one row checked against the database: yuan as a number, Beijing time, words for codes
    const row = (sheet.getRow(2).values as unknown[]).slice(1);
    const trade = (
      await sql.query<{ amount_fen: string; kind: string; at: string }>(
        `select amount_fen::text, kind::text, to_char(closed_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS') as at from public.trades where id = $1`,
        [row[13]],
      )
    ).rows[0];
    expect(row[0]).toBe(trade.at);
    expect(row[1]).toBe({ sale: '买卖', rental: '租赁' }[trade.kind]);
    expect(row[7]).toBe(Number(trade.amount_fen) / 100);
  }, 180_000);

  it('write the withdrawal queue with its finance columns', async () => {
    const open = Number(
      (await sql.query<{ n: string }>('select count(*) as n from public.withdrawals where state::text = any($1)', [OPEN_STATES])).rows[0].n,
    );
    await page.goto(appPath('withdrawals'));
    await page.locator('tbody tr').first().waitFor();
    const rows = await csvRows(await exportList('导出 CSV'));
    expect(rows[0].slice(0, 8)).toEqual(['提现单号', '申请时间', '申请人类型', '申请人', '城市', '提现金额', '手续费', '实付金额']);
    expect(rows).toHaveLength(open + 1);
    const state = rows[0].indexOf('状态');
    const shown = new Set(OPEN_STATES.map((s) => withdrawalTexts.withdrawals.state[s]));
    expect(rows.slice(1).every((r) => shown.has(r[state]))).toBe(true);
    expect(rows.slice(1).every((r) => DATETIME.test(r[1]) && /^-?\d+\.\d{2}$/.test(r[5]))).toBe(true);
  });

  it('label a list without declared columns as the list does, without its plumbing', async () => {
    await page.goto(appPath('staff'));
    await page.locator('tbody tr').first().waitFor();
    const rows = await csvRows(await exportList('导出 CSV'));
    const header = rows[0];
    expect(header).toEqual(expect.arrayContaining(['邮箱', '姓名', '角色', '启用', '创建时间']));
    // the row's id comes last; no search text and no column named as in the database
    expect(header.at(-1)).toBe('编号');
    expect(header.every((h) => !/^[a-z_]+$/.test(h))).toBe(true);
    const admin = rows.find((r) => r[header.indexOf('邮箱')] === 'admin@demo.test')!;
    expect(admin[header.indexOf('角色')]).toBe('超级管理员');
    expect(admin[header.indexOf('启用')]).toBe('是');
    expect(admin[header.indexOf('创建时间')]).toMatch(DATETIME);
  });
});
