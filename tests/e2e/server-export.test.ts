// A server export as finance, in the real app: 在服务器导出 on the trades list answers at once,
// the user leaves the page, the app tells them when the run is done, the run's page offers the
// file, and the file holds every trade finance may read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import type pg from 'pg';
import Papa from 'papaparse';
import { appPath, launch, login, newPage } from '../support/browser.ts';
import { db } from '../support/stack.ts';

let browser: Browser;
let page: Page;
let sql: pg.Client;

beforeAll(async () => {
  sql = await db();
  browser = await launch();
  page = await newPage(browser, { width: 1440, height: 900 });
  page.setDefaultTimeout(30_000);
  await login(page, 'finance@demo.test', 'demo1234');
});

afterAll(async () => {
  await browser?.close();
  await sql?.end();
});

describe('server export', () => {
  it('runs in the background, tells finance when it is done, and downloads', async () => {
    await page.goto(appPath('trades'));
    await page.locator('tbody tr').first().waitFor();
    await page.getByRole('button', { name: '导出' }).click();
    await page.getByRole('menuitem', { name: '在服务器导出' }).click();
    await page.getByText('已在服务器开始导出').waitFor();

    // leave the list: the run goes on and the app still says when it ends
    await page.goto(appPath(''));
    const done = page.getByText(/服务器导出已完成（\d+ 行）/);
    await done.waitFor({ timeout: 120_000 });
    // the count of this export's rows, read once the run has ended (other files add trades)
    const run = (
      await sql.query<{ id: string; rows: number; n: string }>(
        `select j.id, j.rows, (select count(*) from public.trades)::text as n from public.job_runs j
          join public.staff s on s.id = j.started_by
         where s.email = 'finance@demo.test' and j.kind = 'export' and j.state = 'succeeded'
         order by j.finished_at desc limit 1`,
      )
    ).rows[0];
    expect(await done.textContent()).toContain(`（${run.rows} 行）`);
    await page.getByRole('button', { name: '查看' }).click();
    await page.waitForURL(new RegExp(`/jobs/${run.id}/show`));
    await page.getByText('已完成').first().waitFor();

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: '下载文件' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^trades-[0-9a-f]{8}\.csv$/);
    const text = (await fs.readFile(await download.path(), 'utf8')).replace(/^\ufeff/, '');
    const lines = Papa.parse<string[]>(text.trim(), { newline: '\r\n' }).data;
    expect(lines[0]).toEqual(['成交时间', '类型', '状态', '品牌', '车系', '车型', '车源', '成交金额', '数量', '商户', '会员', '分销员', '城市', '交易编号']);
    expect(lines.length - 1).toBe(run.rows);
    expect(run.rows).toBeGreaterThan(0);
    expect(run.rows).toBeLessThanOrEqual(Number(run.n));
  }, 240_000);
});
