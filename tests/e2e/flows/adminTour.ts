import type { StepRunner } from '../runner.ts';
import { screenshot, settle } from '../browser.ts';
import { expect, url } from './context.ts';
import type { E2eContext } from './context.ts';

/** Departments, roles and audit each load and show their data (in whatever language is chosen). */
export async function adminTourFlow(run: StepRunner, ctx: E2eContext): Promise<void> {
  const { page } = ctx;
  const department = `E2E ${ctx.runId}`;

  await run.step('creates a department and sees it in the tree table', async () => {
    await page.goto(url(ctx, '/admin/departments'));
    await page.getByTestId('departments-table').waitFor();
    await page.getByTestId('create-department').click();
    await page.getByTestId('department-form').waitFor();
    await page.getByTestId('department-form-name').fill(department);
    await page.getByTestId('department-form-submit').click();
    await page.getByTestId('department-form').waitFor({ state: 'detached' });
    await page.getByTestId('departments-table').locator('tr', { hasText: department }).waitFor();
    await settle(page);
    await screenshot(page, 'admin-departments-1280');
  });

  await run.step('roles list the built-in admin role, which cannot be deleted', async () => {
    await page.goto(url(ctx, '/admin/roles'));
    const row = page
      .getByTestId('roles-table')
      .locator('tr', { has: page.getByText('admin', { exact: true }) });
    await row.waitFor();
    const deleteButtons = row.locator('button.ant-btn-dangerous');
    expect((await deleteButtons.count()) === 1, 'expected one delete button on the admin role');
    expect(await deleteButtons.isDisabled(), 'the built-in admin role must not be deletable');
    await settle(page);
    await screenshot(page, 'admin-roles-1280');
  });

  await run.step('the audit log shows the user.create event', async () => {
    await page.goto(url(ctx, '/admin/audit'));
    const row = page.getByTestId('audit-table').locator('tr', { hasText: 'user.create' }).first();
    await row.waitFor();
    await row.locator('.ant-table-row-expand-icon').click();
    await page.getByTestId('audit-table').locator('.ant-table-expanded-row pre').first().waitFor();
    await settle(page);
    await screenshot(page, 'admin-audit-1280');
  });
}
