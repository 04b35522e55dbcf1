// The production build under its Content-Security-Policy: `vite preview` sends the headers the
// build wrote to dist/_headers (scripts/security-headers.ts), as a static host would, and the
// panel signs in and draws its screens (lists, charts, a stored document image) without a
// single violation: no inline script, no <style> with content, nothing from another origin
// than the Supabase project's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { EMPTY_STYLE_HASH } from '../../scripts/security-headers.ts';
import { db, stack } from '../support/stack.ts';
import { appPath, appUrl, launch, login, newPage } from '../support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Every CSP violation the page reports, from the DOM event and from the console. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) fromConsole.push(m.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  // hash routes keep one document, so the list the init script keeps covers every screen
  return async () => [...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])), ...fromConsole];
}

describe('production build under a strict Content-Security-Policy', () => {
  it('is served with the policy: no inline script or style, only the Supabase project besides itself', async () => {
    const cfg = await stack();
    const res = await fetch(`${appUrl()}/`);
    const csp = res.headers.get('content-security-policy');
    expect(csp).toBeTruthy();
    const directives = Object.fromEntries(csp!.split(/;\s*/).map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['style-src']).toEqual(["'self'", `'${EMPTY_STYLE_HASH}'`]);
    expect(directives['connect-src']).toEqual(["'self'", cfg.apiUrl]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    // the page itself holds no inline script for the policy to refuse
    expect(await res.text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('signs in and opens lists, charts and a stored image with no violation', async () => {
    const page = await newPage(browser);
    const violations = await watchViolations(page);
    await login(page, 'admin@demo.test', 'demo1234');
    // styled by emotion under the policy: the app bar has its colour, not the browser's default
    const barColour = await page.locator('header').first().evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(barColour).not.toBe('rgba(0, 0, 0, 0)');

    for (const route of ['listings', 'trades', 'staff', 'analytics']) {
      await page.goto(appPath(route));
      await page.locator('main, [role="main"], #main-content').first().waitFor({ timeout: 20_000 });
      await page.waitForLoadState('networkidle');
    }
    await page.locator('.recharts-surface').first().waitFor({ timeout: 30_000 });

    const pg = await db();
    let applicationId: string;
    try {
      applicationId = (await pg.query<{ id: string }>('select id from public.merchant_applications order by id limit 1')).rows[0].id;
    } finally {
      await pg.end();
    }
    await page.goto(appPath(`merchant_applications/${applicationId}/show`));
    // a signed URL of the private documents bucket, drawn from the Supabase origin
    const img = page.locator('img[src*="/storage/v1/object/sign/"]').first();
    await img.waitFor({ timeout: 20_000 });
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), { timeout: 20_000 }).toBe(true);

    expect(await violations()).toEqual([]);
  });
});
