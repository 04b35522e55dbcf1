// 账户安全 end to end: a staff member adds an authenticator app from the user menu (QR code and
// key), is asked for its code after the password at the next sign-in, and removes it again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { generate } from 'otplib';
import { as } from '../support/stack.ts';
import { launch, loginFirstTime, logout, newPage, screenshot, submitLogin } from '../support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const userMenu = (page: Page) => page.locator('[aria-label="个人资料"], [aria-label="Profile"]').first();
/** A code of the time step after `offsetS` seconds: never one the server already accepted. */
const code = (secret: string, offsetS: number) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetS });

describe('two-step verification', () => {
  it('add an authenticator, sign in with its code, remove it', async () => {
    const email = `e2e-mfa-${Date.now().toString(36)}@test.local`;
    const adminsPassword = 'Passw0rd!mfa';
    const admin = await as('admin');
    const created = await admin.functions.invoke('admin-users', {
      body: { action: 'create', email, password: adminsPassword, display_name: '两步验证员', role: 'analyst' },
    });
    expect(created.error).toBeNull();

    const page = await newPage(browser);
    // an admin chose the password: the first sign-in sets one of the person's own
    const password = await loginFirstTime(page, email, adminsPassword);
    await userMenu(page).click();
    await page.getByRole('menuitem', { name: '账户安全' }).click();
    await page.getByText('尚未绑定身份验证器').first().waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: '绑定身份验证器' }).click();
    const secretText = await page.getByTestId('totp-secret').innerText({ timeout: 15_000 });
    const secret = secretText.split(/[:：]\s*/).pop()!.trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await expect(page.locator('img[alt="QR"]').getAttribute('src')).resolves.toMatch(/^data:image\/svg\+xml/);
    await screenshot(page, 'e2e-security-enroll');
    await page.locator('input[name="code"]').fill(await code(secret, 0));
    await page.getByRole('button', { name: '验证' }).click();
    await page.getByText('身份验证器已绑定').waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: '解除绑定' }).waitFor();

    await logout(page);
    await submitLogin(page, email, password);
    await page.getByText('两步验证').first().waitFor({ timeout: 20_000 });
    await page.locator('input[name="code"]').fill('000000');
    await page.getByRole('button', { name: '验证' }).click();
    await page.getByText('验证码不正确').waitFor({ timeout: 15_000 });
    await screenshot(page, 'e2e-security-code-screen');
    await page.locator('input[name="code"]').fill(await code(secret, 30));
    await page.getByRole('button', { name: '验证' }).click();
    await userMenu(page).waitFor({ timeout: 20_000 });
    await page.getByText('两步验证员，您好').waitFor({ timeout: 15_000 });

    await userMenu(page).click();
    await page.getByRole('menuitem', { name: '账户安全' }).click();
    await page.getByRole('button', { name: '解除绑定' }).click();
    await page.getByRole('dialog').getByRole('button', { name: /确认|Confirm/ }).click();
    await page.getByText('身份验证器已解除绑定').waitFor({ timeout: 15_000 });
    await page.getByText('尚未绑定身份验证器').first().waitFor();
    await page.context().close();
  });
});
