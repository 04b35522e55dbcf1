// Analytics end to end: an analyst opens the analytics page, every chart draws from its RPC,
// then picking a city redraws the charts with that city's numbers. Screenshots of both states
// and of the home dashboard go to screenshots/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { appPath, launch, login, newPage, screenshot } from '../support/browser.ts';

const ANALYST = { email: 'analyst@demo.test', password: 'demo1234' };
const CHART_COUNT = 16;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Waits until every chart card has finished loading (chart, empty state or error shown). */
async function chartsSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const cards = [...document.querySelectorAll('[data-chart]')];
      return cards.length === n && cards.every((c) => c.getAttribute('data-loading') === 'false' && !c.querySelector('.MuiSkeleton-root'));
    },
    CHART_COUNT,
    { timeout: 150_000 },
  );
}

describe('analytics', () => {
  it('shows the analyst their dashboard figures with links to the lists behind them', async () => {
    const page = await newPage(browser);
    await login(page, ANALYST.email, ANALYST.password);
    await page.locator('[data-figure="gmv_month"]').waitFor({ timeout: 30_000 });
    const gmv = await page.locator('[data-figure="gmv_month"]').innerText();
    expect(gmv).toMatch(/^¥[\d,]+\.\d{2}$/);
    const link = page.getByRole('link', { name: '待审核车源' });
    expect(await link.getAttribute('href')).toContain(encodeURIComponent('"review_state":"pending"'));
    await screenshot(page, 'e2e-analyst-dashboard');
    await page.context().close();
  });

  it('draws every chart, and redraws them for a city', async () => {
    const page = await newPage(browser, { width: 1440, height: 900 });
    await login(page, ANALYST.email, ANALYST.password);
    const first = page.waitForResponse((r) => r.url().includes('/rpc/analytics_gmv'), { timeout: 120_000 });
    await page.goto(appPath('analytics'));
    const allCities = await (await first).json();
    await chartsSettled(page);
    // the GMV chart has drawn bars and a line (recharts renders SVG)
    const gmvCard = page.locator('[data-chart="gmv"]');
    await expect(gmvCard.locator('.recharts-surface').first().isVisible()).resolves.toBe(true);
    expect(await page.locator('[data-chart] .recharts-surface').count()).toBeGreaterThanOrEqual(12);
    await screenshot(page, 'e2e-analytics-all-cities');

    const cityResponse = page.waitForResponse(
      (r) => r.url().includes('/rpc/analytics_gmv') && (r.request().postData() ?? '').includes('"p_city":"110000"'),
      { timeout: 120_000 },
    );
    await page.getByRole('combobox', { name: /城市/ }).click();
    await page.getByRole('combobox', { name: /城市/ }).fill('北京');
    await page.getByRole('option', { name: '北京市', exact: true }).click();
    const beijing = await (await cityResponse).json();
    await chartsSettled(page);
    await expect(page.getByTestId('analytics-filter-summary').innerText()).resolves.toContain('北京市');

    const sum = (rows: { trades: number }[]) => rows.reduce((a, r) => a + Number(r.trades), 0);
    expect(sum(beijing)).toBeLessThan(sum(allCities));
    expect(sum(beijing)).toBeGreaterThan(0);
    await screenshot(page, 'e2e-analytics-beijing');
    await page.context().close();
  }, 400_000);
});
