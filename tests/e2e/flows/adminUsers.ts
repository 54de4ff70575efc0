import type { StepRunner } from '../runner.ts';
import { screenshot, settle, VIEWPORTS } from '../browser.ts';
import { expect, url } from './context.ts';
import type { E2eContext } from './context.ts';

/** Admin → Users: create a user in the modal and find them in the table; then the same UI in zh-CN. */
export async function adminUsersFlow(run: StepRunner, ctx: E2eContext): Promise<void> {
  const { page } = ctx;
  const username = `e2e.${ctx.runId}`;
  const displayName = `E2E User ${ctx.runId}`;

  await run.step('Admin → Users opens the users table', async () => {
    await page.goto(url(ctx, '/apps'));
    await page.getByTestId('main-nav').getByText('Admin').click();
    await page.waitForURL((u) => u.pathname === '/admin/users');
    await page.getByTestId('users-table').waitFor();
    await page.getByTestId('users-table').getByText('admin', { exact: true }).first().waitFor();
  });

  await run.step('a server validation error lands on the field', async () => {
    await page.getByTestId('create-user').click();
    const form = page.getByTestId('user-form');
    await form.waitFor();
    await form.getByLabel('Username').fill('x y');
    await form.getByLabel('Display name').fill('Bad Name');
    await form.getByLabel('Initial password').fill('long-enough-1');
    await page.getByTestId('user-form-submit').click();
    const usernameItem = form.locator('.ant-form-item').filter({ has: page.getByLabel('Username') });
    await usernameItem.locator('.ant-form-item-explain-error').waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });
  });

  await run.step('creates a user in the modal and lists them', async () => {
    await page.getByTestId('create-user').click();
    const form = page.getByTestId('user-form');
    await form.waitFor();
    await form.getByLabel('Username').fill(username);
    await form.getByLabel('Display name').fill(displayName);
    await form.getByLabel('E-mail').fill(`${ctx.runId}@example.com`);
    await form.getByLabel('Phone').fill('13800138000');
    await form.getByLabel('Initial password').fill(`pw-${ctx.runId}-secret`);
    await page.getByTestId('user-form-submit').click();
    await form.waitFor({ state: 'detached' });
    const row = page.getByTestId('users-table').locator('tr', { hasText: username });
    await row.waitFor();
    expect((await row.innerText()).includes(displayName), `row for ${username} lacks the display name`);
  });

  await run.step('a taken username is reported on the username field', async () => {
    await page.getByTestId('create-user').click();
    const form = page.getByTestId('user-form');
    await form.waitFor();
    await form.getByLabel('Username').fill(username);
    await form.getByLabel('Display name').fill('Duplicate');
    await form.getByLabel('Initial password').fill('long-enough-1');
    await page.getByTestId('user-form-submit').click();
    const usernameItem = form.locator('.ant-form-item').filter({ has: page.getByLabel('Username') });
    await usernameItem.locator('.ant-form-item-explain-error').waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });
  });

  await run.step('the new user is there after a reload (stored, not just shown)', async () => {
    await page.reload();
    await page.getByTestId('users-table').locator('tr', { hasText: username }).waitFor();
  });

  await run.step('edits the user (PATCH with version) and sees the change', async () => {
    const row = page.getByTestId('users-table').locator('tr', { hasText: username });
    await row.getByRole('button', { name: 'Edit' }).click();
    const form = page.getByTestId('user-form');
    await form.waitFor();
    await form.getByLabel('Display name').fill(`${displayName} (edited)`);
    await settle(page);
    await screenshot(page, 'admin-user-edit-en-1280');
    await page.getByTestId('user-form-submit').click();
    await form.waitFor({ state: 'detached' });
    await row.getByText(`${displayName} (edited)`).waitFor();
  });

  await run.step('screenshot: users at 1280 (en)', async () => {
    await settle(page);
    await screenshot(page, 'admin-users-en-1280');
  });

  await run.step('switching to zh-CN shows Chinese labels and survives a reload', async () => {
    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    await page.getByTestId('create-user').getByText('新建用户').waitFor();
    await page.getByTestId('main-nav').getByText('管理').waitFor();
    await page.reload();
    await page.getByTestId('create-user').getByText('新建用户').waitFor();
    const lang = await page.evaluate(() => document.documentElement.lang);
    expect(lang === 'zh-CN', `expected <html lang="zh-CN">, got ${lang}`);
  });

  await run.step('screenshot: users at 1280 and 375 (zh-CN)', async () => {
    await settle(page);
    await screenshot(page, 'admin-users-zh-1280');
    await page.setViewportSize(VIEWPORTS.phone);
    await settle(page);
    await page.getByTestId('nav-toggle').waitFor();
    await screenshot(page, 'admin-users-zh-375');
    await page.getByTestId('nav-toggle').click();
    await page.getByRole('dialog').getByText('退出登录').waitFor();
    await settle(page);
    await screenshot(page, 'nav-drawer-zh-375');
    await page.keyboard.press('Escape');
    await page.setViewportSize(VIEWPORTS.desktop);
  });
}
