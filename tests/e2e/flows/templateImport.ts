import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { StepRunner } from '../runner.ts';
import { screenshot, settle, VIEWPORTS } from '../browser.ts';
import { REPO_ROOT } from '../server.ts';
import { expect, url } from './context.ts';
import type { E2eContext } from './context.ts';
import { useLanguage } from './workspaceSetup.ts';

const template = (name: string) => readFileSync(path.join(REPO_ROOT, 'templates/excel', name));

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// two line items: 2 × 100 + 3 × 50 = 350; tax ROUND(350 × 13 %, 2) = 45.50; total 395.50
const ITEMS = [
  { code: 'P-100', qty: '2', price: '100' },
  { code: 'P-200', qty: '3', price: '50' },
];

async function upload(page: Page, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await page.getByTestId('template-upload').locator('input[type=file]').setInputFiles(file);
}

async function waitForText(page: Page, selector: string, text: string): Promise<void> {
  await page.waitForFunction(
    ([sel, expected]) => document.querySelector(sel)?.textContent?.trim() === expected,
    [selector, text] as const,
    { timeout: 10_000 },
  );
}

/** /design → Excel template → review (edit a label and a type) → save and publish → fill it in /apps. */
export async function templateImportFlow(run: StepRunner, ctx: E2eContext): Promise<void> {
  const { page } = ctx;
  const label = `客户全称 ${ctx.runId}`;
  const title = `销售订单 ${ctx.runId}`;
  let formId = '';

  await run.step('Design lists the forms I manage and opens the Excel import', async () => {
    await page.setViewportSize(VIEWPORTS.desktop);
    await page.goto(url(ctx, '/design'));
    await useLanguage(page, 'en');
    const forms = page.getByTestId('design-forms');
    await forms.locator('tr', { hasText: 'Published v1' }).first().waitFor();
    await page.getByTestId('design-import').click();
    await page.waitForURL((u) => u.pathname === '/design/import');
    await page.getByTestId('template-upload').waitFor();
  });

  await run.step(
    'a CSV with __proto__, constructor and $where headers is refused with the 422 detail',
    async () => {
      await upload(page, {
        name: 'hostile.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('__proto__,constructor,$where\na,b,c\n'),
      });
      const error = page.getByTestId('template-upload-error');
      await error.waitFor();
      const text = await error.innerText();
      expect(text.includes('CSV!A1, CSV!B1, CSV!C1'), `the server's detail names the cells: "${text}"`);
      expect(
        (await page.getByTestId('template-review').getAttribute('data-step')) === 'upload',
        'still uploading',
      );
    },
  );

  await run.step('a formula kept as text shows its warning next to the field (purchase order)', async () => {
    await upload(page, {
      name: 'purchase-order-en.xlsx',
      mimeType: XLSX_TYPE,
      buffer: template('purchase-order-en.xlsx'),
    });
    await page.getByTestId('template-sheets').waitFor();
    expect(
      (await page.getByTestId('template-upload-error').count()) === 0,
      'the old upload error is gone after a good file',
    );
    await page.getByTestId('template-sheets-continue').click();
    const warning = page.getByTestId('review-warning-exchangeRate');
    await warning.waitFor();
    const text = await warning.innerText();
    expect(
      text.includes('Refers to another workbook:') && text.includes('refers to another workbook'),
      `external reference warning with its title: ${text}`,
    );
    await page.getByTestId('review-warnings').getByText("'Purchase Order'!F12").waitFor();
    await page.getByTestId('review-back').click();
    await page.getByTestId('template-sheets-back').click();
    await page.getByTestId('template-upload').waitFor();
  });

  await run.step(
    'the sales order template lists its sheets, then its elements with source cells',
    async () => {
      await upload(page, {
        name: 'sales-order-zh.xlsx',
        mimeType: XLSX_TYPE,
        buffer: template('sales-order-zh.xlsx'),
      });
      const sheets = page.getByTestId('template-sheet');
      await sheets.first().waitFor();
      expect((await sheets.count()) === 2, 'two sheets');
      const first = sheets.filter({ hasText: '销售订单' });
      expect((await first.innerText()).includes('24 rows × 8 columns'), 'row and column counts');
      expect(await first.locator('input').isChecked(), 'the order sheet is analysed');
      expect(
        !(await sheets.filter({ hasText: '基础数据' }).locator('input').isChecked()),
        'lists sheet is not',
      );
      await page.getByTestId('template-sheets-continue').click();
      await page.getByTestId('template-review-step').waitFor();
      const elements = Number(await page.getByTestId('review-element-count').getAttribute('data-count'));
      expect(elements > 20, `elements detected: ${elements}`);
      expect(
        (await page.getByTestId('review-warning-count').getAttribute('data-count')) === '0',
        'no warnings',
      );
      await page.getByTestId('review-warnings').getByText('No warnings').waitFor();
      const amountCell = (await page.getByTestId('review-source-productItems.amount').innerText()).trim();
      expect(amountCell === '销售订单!H10', `amount comes from H10, got ${amountCell}`);
      const formula = await page.getByTestId('review-formula-productItems.amount').innerText();
      expect(formula.includes('ROUND(qty * price, 2)'), `amount formula shown: ${formula}`);
      await page.getByTestId('review-preview').getByTestId('table-productItems').waitFor();
    },
  );

  await run.step('renaming a label and changing a type show in the live preview', async () => {
    await page.getByTestId('review-label-customerName').fill(label);
    await page.getByTestId('review-preview').getByTestId('field-customerName').getByText(label).waitFor();
    await page.getByTestId('review-type-phone').click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
      .getByTitle('Mobile number')
      .click();
    await page.getByTestId('review-type-phone').getByText('Mobile number').waitFor();
    // the preview renders the field as a phone input now
    await page.locator('#fw-phone[type="tel"]').waitFor();
    await settle(page);
    await screenshot(page, 'template-review-1280');
    await page.setViewportSize(VIEWPORTS.phone);
    await settle(page);
    await screenshot(page, 'template-review-375');
    await page.setViewportSize(VIEWPORTS.desktop);
  });

  await run.step('saves and publishes the reviewed form, then links to filling it in', async () => {
    await page.getByTestId('review-next').click();
    const titleInput = page.getByTestId('template-save-title');
    await titleInput.waitFor();
    expect((await titleInput.inputValue()) === '销售订单', 'the title defaults to the sheet title');
    await titleInput.fill(title);
    await page.getByTestId('template-save-publish').click();
    const saved = page.locator('[data-testid="template-saved"][data-status="published"]');
    await saved.waitFor();
    await page.getByTestId('template-fill-link').click();
    await page.waitForURL((u) => /^\/apps\/forms\/[^/]+\/new$/.test(u.pathname));
    formId = new URL(page.url()).pathname.split('/')[3];
  });

  await run.step('the imported form fills in /apps: two line items update the computed totals', async () => {
    await page.getByTestId('table-productItems').waitFor();
    await page.getByTestId('field-customerName').getByText(label).waitFor();
    for (const [index, item] of ITEMS.entries()) {
      if (index > 0) await page.getByTestId('add-row-productItems').click();
      await page.locator(`#fw-productItems-${index}-productCode`).fill(item.code);
      await page.locator(`#fw-productItems-${index}-qty`).fill(item.qty);
      await page.locator(`#fw-productItems-${index}-price`).fill(item.price);
    }
    await waitForText(page, '[data-testid="total-productItems-amount"]', '¥350.00');
    await waitForText(page, '[data-testid="field-grandTotal"] [data-value]', '¥395.50');
  });

  await run.step('Design lists the new form as published', async () => {
    await page.goto(url(ctx, '/design'));
    const row = page.getByTestId('design-forms').locator(`tr[data-form-id="${formId}"]`);
    await row.waitFor();
    const text = await row.innerText();
    expect(text.includes(title) && text.includes('Published v1'), `design row: ${text}`);
  });
}
