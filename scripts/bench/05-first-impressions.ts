// Issue 18 targets, in Chromium against the local stack serving the production build (what
// `npm start` serves): the login page interactive ≤ 1.5 s in a fresh browser, the first list
// after signing in ≤ 1 s, the analytics page (数据统计) fully drawn ≤ 2 s. Each figure is
// the median of a few runs, every run in a fresh browser context (empty cache and storage).
// Starts a stack of its own (BENCH_UI_PORT_BASE, default 62620) unless BENCH_APP_URL names
// a running app.
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { stackConfig } from '../local-stack/config.ts';
import { startStack } from '../local-stack/stack.ts';
import { appService } from '../local-stack/app.ts';
import { logger } from '../local-stack/log.ts';
import type { BenchResult } from '../bench.ts';
import { percentile } from './_util.ts';

const sec = (v: number) => `${(v / 1000).toFixed(2)} s`;

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'];
const RUNS = Number(process.env.BENCH_UI_RUNS ?? 5);
const CHARTS = 16;

async function fresh(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 800 } });
  return context.newPage();
}

/** From navigation to a login form that takes input. */
async function loginInteractive(browser: Browser, app: string): Promise<number> {
  const page = await fresh(browser);
  const t0 = performance.now();
  await page.goto(`${app}/#/login`, { waitUntil: 'commit' });
  await page.locator('input[name="email"]').waitFor({ state: 'visible' });
  await page.locator('input[name="email"]').fill('admin@demo.test');
  const t = performance.now() - t0;
  await page.context().close();
  return t;
}

async function signIn(page: Page, app: string): Promise<void> {
  await page.goto(`${app}/#/login`);
  await page.locator('input[name="email"]').fill('admin@demo.test');
  await page.locator('input[name="password"]').fill('demo1234');
}

/** From pressing 登录 to the first rows of a list (入驻审核) on screen. */
async function firstList(browser: Browser, app: string): Promise<{ signIn: number; list: number }> {
  const page = await fresh(browser);
  await signIn(page, app);
  const t0 = performance.now();
  await page.locator('button[type="submit"]').click();
  await page.locator('[aria-label="个人资料"]').first().waitFor();
  const signedIn = performance.now() - t0;
  const t1 = performance.now();
  await page.goto(`${app}/#/merchant_applications`);
  await page.locator('tbody tr').first().waitFor();
  const list = performance.now() - t1;
  await page.context().close();
  return { signIn: signedIn, list };
}

/** From opening 数据统计 (signed in) to the first chart and to every chart drawn (each card reports data-drawn). */
async function analyticsDrawn(browser: Browser, app: string): Promise<{ first: number; all: number }> {
  const page = await fresh(browser);
  await signIn(page, app);
  await page.locator('button[type="submit"]').click();
  await page.locator('[aria-label="个人资料"]').first().waitFor();
  const t0 = performance.now();
  await page.goto(`${app}/#/analytics`);
  const drawn = (n: number) =>
    page.waitForFunction((k) => document.querySelectorAll('[data-chart][data-drawn="true"]').length >= k, n, { timeout: 60_000, polling: 'raf' });
  await drawn(1);
  const first = performance.now() - t0;
  await drawn(CHARTS);
  const all = performance.now() - t0;
  await page.context().close();
  return { first, all };
}

const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);

export async function run(): Promise<BenchResult[]> {
  let app = process.env.BENCH_APP_URL;
  let stop: (() => Promise<void>) | undefined;
  if (!app) {
    const cfg = await stackConfig({ name: 'bench-ui', portBase: Number(process.env.BENCH_UI_PORT_BASE ?? 62620) });
    const service = appService(
      { host: cfg.host, port: cfg.appPort, env: { VITE_SUPABASE_URL: cfg.apiUrl, VITE_SUPABASE_ANON_KEY: cfg.anonKey }, outDir: path.join(cfg.dataDir, 'app') },
      logger('app', { quiet: true }),
    );
    const stack = await startStack(cfg, { quiet: true, schedule: false, extraPorts: [cfg.appPort], extraServices: [service] });
    stop = () => stack.stop();
    app = `http://${cfg.host}:${cfg.appPort}`;
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  try {
    // one untimed pass: the stack's first answers (plans, caches) are not what a user meets
    await loginInteractive(browser, app);
    await firstList(browser, app);
    const login: number[] = [];
    const signIns: number[] = [];
    const lists: number[] = [];
    const charts: number[] = [];
    const firstCharts: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      login.push(await loginInteractive(browser, app));
      const f = await firstList(browser, app);
      signIns.push(f.signIn);
      lists.push(f.list);
      const a = await analyticsDrawn(browser, app);
      firstCharts.push(a.first);
      charts.push(a.all);
    }
    const note = `median of ${RUNS}, fresh browser each, ${CHROMIUM}`;
    return [
      { name: 'login page interactive (fresh browser)', value: sec(median(login)), target: '≤ 1.5 s', note },
      { name: 'sign-in: 登录 pressed → signed in', value: sec(median(signIns)) },
      { name: 'first list after sign-in (入驻审核 rows)', value: sec(median(lists)), target: '≤ 1 s' },
      { name: 'analytics page: first chart drawn', value: sec(median(firstCharts)) },
      { name: 'analytics page: all 16 charts drawn', value: sec(median(charts)), target: '≤ 2 s' },
      { name: 'load average (1 min) while measuring', value: os.loadavg()[0].toFixed(1), note: `${os.cpus().length} cores` },
    ];
  } finally {
    await browser.close();
    await stop?.();
  }
}
