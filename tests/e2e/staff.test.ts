// Staff management end to end, in the real app against the real stack: an admin creates a
// reviewer, who then signs in and sees only the menu their role allows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { appPath, launch, login, logout, newPage, screenshot, submitLogin } from '../support/browser.ts';

const ADMIN = { email: 'admin@demo.test', password: 'demo1234' };

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const menu = (page: import('playwright-core').Page) => page.locator('.RaMenu-open, .RaMenu-closed').first();

describe('staff management', () => {
  it('shows the Chinese error for a wrong password', async () => {
    const page = await newPage(browser);
    await submitLogin(page, ADMIN.email, 'definitely-wrong');
    await expect(page.getByText('邮箱或密码错误').waitFor({ timeout: 15_000 })).resolves.toBeUndefined();
    await screenshot(page, 'e2e-login-error');
    await page.context().close();
  });

  it('lets an admin create a reviewer, who then sees only their menu', async () => {
    const page = await newPage(browser);
    const email = `e2e-rev-${Date.now().toString(36)}@test.local`;
    const password = 'Passw0rd!e2e';

    await login(page, ADMIN.email, ADMIN.password);
    await expect(menu(page).getByText('员工').waitFor()).resolves.toBeUndefined();

    await page.goto(appPath('staff/create'));
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill(password);
    await page.locator('input[name="display_name"]').fill('端到端审核员');
    // role defaults to reviewer; pick it explicitly anyway
    await page.getByRole('combobox', { name: /角色/ }).click();
    await page.getByRole('option', { name: '审核员' }).click();
    await page.locator('input[name="phone"]').fill('13800138000');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('员工账号已创建').waitFor({ timeout: 60_000 }); // bcrypt and the admin function, on a loaded machine
    await page.getByText(email).waitFor();
    await screenshot(page, 'e2e-staff-list');

    await logout(page);
    await login(page, email, password);
    const entries = menu(page).locator('a[role="menuitem"]');
    await entries.first().waitFor();
    const names = (await entries.allInnerTexts()).map((t) => t.trim());
    // the reviewer's own work is there, staff management and money are not
    expect(names).toEqual(expect.arrayContaining(['工作台', '入驻审核', '操作日志']));
    expect(names).not.toContain('员工');
    expect(names.some((n) => /提现|结算|缴费|佣金/.test(n))).toBe(false);
    await page.getByText('端到端审核员，您好').waitFor();
    await screenshot(page, 'e2e-reviewer-dashboard');

    // typing the URL does not help: react-admin asks canAccess, the database would refuse anyway
    await page.goto(appPath('staff'));
    await page.getByText('无权访问').first().waitFor({ timeout: 15_000 });

    // deactivated with a reason, the member can no longer sign in
    await page.goto(appPath(''));
    await logout(page);
    await login(page, ADMIN.email, ADMIN.password);
    await page.goto(appPath('staff'));
    const row = page.locator('tr', { hasText: email });
    await row.getByRole('button', { name: '停用' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('button', { name: '停用' }).isDisabled()).resolves.toBe(true); // reason required
    await dialog.locator('textarea').first().fill('端到端测试结束');
    await dialog.getByRole('button', { name: '停用' }).click();
    await page.getByText('员工已停用').waitFor();
    await logout(page);
    await submitLogin(page, email, password);
    await page.getByText('此员工账号已停用，请联系管理员').waitFor({ timeout: 15_000 });
    await page.context().close();
  });
});
