// Headless Chromium for end-to-end tests and screenshots: Debian's /usr/bin/chromium driven
// by playwright-core (no browser download). The app's URL comes from APP_URL.
import { chromium, type Browser, type Page } from 'playwright-core';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SCREENSHOT_DIR = path.join(ROOT, 'screenshots');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function appUrl(): string {
  const url = process.env.APP_URL;
  if (!url) throw new Error('APP_URL is not set (the URL of the running app, e.g. http://127.0.0.1:5173)');
  return url.replace(/\/$/, '');
}

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** A fresh page (own cookies and storage) in zh-CN, Beijing time, laptop-sized. */
export async function newPage(browser: Browser, opts: { width?: number; height?: number } = {}): Promise<Page> {
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: opts.width ?? 1366, height: opts.height ?? 800 },
  });
  return context.newPage();
}

/** A URL inside the app (react-admin uses hash routing: `/#/staff`). */
export function appPath(route: string): string {
  return `${appUrl()}/#/${route.replace(/^[#/]+/, '')}`;
}

/** Fills the login form and submits; does not wait for the outcome. */
export async function submitLogin(page: Page, email: string, password: string): Promise<void> {
  if (!page.url().includes('/login')) await page.goto(appPath('login'));
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
}

/** Signs in and waits until the app layout (the user menu) is shown (long: a loaded shared machine). */
export async function login(page: Page, email: string, password: string): Promise<void> {
  await submitLogin(page, email, password);
  await page.locator('[aria-label="个人资料"], [aria-label="Profile"]').first().waitFor({ timeout: 60_000 });
}

/**
 * The first sign-in of a login an admin made: the admin's password opens only the form where
 * the person sets their own (staff_password_changed), then the app. Returns the new password.
 */
export async function loginFirstTime(page: Page, email: string, adminsPassword: string, own = `${adminsPassword}-own`): Promise<string> {
  await submitLogin(page, email, adminsPassword);
  const form = page.locator('[data-testid="change-password"]');
  await form.waitFor({ timeout: 60_000 });
  await form.locator('input[name="current_password"]').fill(adminsPassword);
  await form.locator('input[name="new_password"]').fill(own);
  await form.locator('input[name="confirm_password"]').fill(own);
  await form.getByRole('button', { name: '设置密码并进入后台' }).click();
  await page.locator('[aria-label="个人资料"], [aria-label="Profile"]').first().waitFor({ timeout: 60_000 });
  return own;
}

/** Opens the user menu and signs out; waits for the login form. */
export async function logout(page: Page): Promise<void> {
  await page.locator('[aria-label="个人资料"], [aria-label="Profile"]').first().click();
  await page.getByRole('menuitem', { name: /退出登录|Logout/ }).click();
  await page.locator('input[name="email"]').waitFor({ timeout: 20_000 });
}

/** Saves a full-page PNG under screenshots/ (git-ignored) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await fs.mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
