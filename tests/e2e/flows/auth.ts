import type { StepRunner } from '../runner.ts';
import { screenshot, settle, VIEWPORTS } from '../browser.ts';
import { expect, url } from './context.ts';
import type { E2eContext } from './context.ts';

export async function signIn(ctx: E2eContext, password = ctx.server.adminPassword): Promise<void> {
  const { page } = ctx;
  await page.getByTestId('login-form').waitFor();
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** Signed-out visits land on /login; signing in as admin opens Apps. */
export async function authFlow(run: StepRunner, ctx: E2eContext): Promise<void> {
  const { page } = ctx;

  await run.step('opening / redirects to /login', async () => {
    await page.goto(url(ctx, '/'));
    await page.waitForURL((u) => u.pathname === '/login');
    await page.getByTestId('login-form').waitFor();
  });

  await run.step('screenshot: login at 1280 and 375', async () => {
    await settle(page);
    await screenshot(page, 'login-1280');
    await page.setViewportSize(VIEWPORTS.phone);
    await settle(page);
    await screenshot(page, 'login-375');
    await page.setViewportSize(VIEWPORTS.desktop);
  });

  await run.step('a wrong password shows an error and stays on /login', async () => {
    await signIn(ctx, 'not-the-password');
    await page.getByTestId('login-error').waitFor();
    expect(new URL(page.url()).pathname === '/login', `expected /login, got ${page.url()}`);
  });

  await run.step('signing in as admin opens Apps', async () => {
    await signIn(ctx);
    await page.waitForURL((u) => u.pathname === '/apps');
    await page.getByTestId('apps-page').waitFor();
    await page.getByText('Forms you can fill will appear here').waitFor();
    await settle(page);
    await screenshot(page, 'apps-1280');
  });

  await run.step('a deep link survives the login (next=…), foreign next is ignored', async () => {
    const other = await ctx.browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'en-US' });
    try {
      const fresh = await other.newPage();
      await fresh.goto(url(ctx, '/admin/roles'));
      await fresh.waitForURL((u) => u.pathname === '/login' && u.searchParams.get('next') === '/admin/roles');
      await signIn({ ...ctx, page: fresh });
      await fresh.waitForURL((u) => u.pathname === '/admin/roles');
      await fresh.getByTestId('roles-table').waitFor();

      await fresh.goto(url(ctx, '/login?next=//evil.example/x'));
      await fresh.waitForURL((u) => u.pathname === '/apps');
    } finally {
      await other.close();
    }
  });

  await run.step('an unknown path shows the 404 page', async () => {
    await page.goto(url(ctx, '/no/such/page'));
    await page.getByTestId('not-found').waitFor();
  });
}

/** The user menu signs out; afterwards the admin pages send you back to /login. */
export async function signOutFlow(run: StepRunner, ctx: E2eContext): Promise<void> {
  const { page } = ctx;
  await run.step('signing out from the user menu returns to /login', async () => {
    await page.goto(url(ctx, '/apps'));
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem').last().click();
    await page.waitForURL((u) => u.pathname === '/login');
    await page.goto(url(ctx, '/admin/users'));
    await page.waitForURL((u) => u.pathname === '/login' && u.searchParams.get('next') === '/admin/users');
  });
}
