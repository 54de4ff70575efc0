import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import type { Page } from 'playwright-core';
import type { StepRunner } from '../runner.ts';
import { screenshot, settle, VIEWPORTS } from '../browser.ts';
import { expect, url } from './context.ts';
import type { E2eContext } from './context.ts';
import {
  publishForm,
  salesOrderDefinition,
  useLanguage,
  XSS_TEXT,
  xssFormDefinition,
} from './workspaceSetup.ts';

const ITEMS = [
  { sku: 'SKU-100', qty: '2', price: '100' },
  { sku: 'SKU-200', qty: '3', price: '50', discount: '10' },
  { sku: 'SKU-300', qty: '1', price: '9.99' },
];
// 200 + 135 + 9.99 = 344.99; tax ROUND(344.99 × 13 %, 2) = 44.85; total 389.84
const SUBTOTAL = '¥344.99';
const GRAND_TOTAL = '¥389.84';

async function waitForText(page: Page, selector: string, text: string): Promise<void> {
  await page.waitForFunction(
    ([sel, expected]) => document.querySelector(sel)?.textContent?.trim() === expected,
    [selector, text] as const,
    { timeout: 10_000 },
  );
}

/** Fills the header date and three line items, checking the totals as they update. */
async function fillOrder(page: Page): Promise<void> {
  await page.locator('#fw-orderDate').click();
  await page.locator('#fw-orderDate').fill('2026-11-26');
  await page.keyboard.press('Enter');
  for (const [index, item] of ITEMS.entries()) {
    if (index > 0) await page.getByTestId('add-row-items').click();
    await page.locator(`#fw-items-${index}-sku`).fill(item.sku);
    await page.locator(`#fw-items-${index}-qty`).fill(item.qty);
    await page.locator(`#fw-items-${index}-price`).fill(item.price);
    if (item.discount) await page.locator(`#fw-items-${index}-discount`).fill(item.discount);
  }
  await waitForText(page, '[data-testid="total-items-amount"]', SUBTOTAL);
  await waitForText(page, '[data-testid="field-total"] [data-value]', GRAND_TOTAL);
}

/** The order form at one width and language: totals, a required-field error, submit, my records, reopen. */
async function orderRound(
  run: StepRunner,
  ctx: E2eContext,
  input: {
    formId: string;
    lang: 'en' | 'zh-CN';
    width: 1280 | 375;
    requiredMessage: string;
    customer: string;
  },
) {
  const { page } = ctx;
  const suffix = `${input.lang === 'en' ? 'en' : 'zh'}-${input.width}`;
  let recordId = '';

  await run.step(`[${suffix}] the order form opens from Apps and totals follow 3 line items`, async () => {
    await page.setViewportSize(input.width === 1280 ? VIEWPORTS.desktop : VIEWPORTS.phone);
    await page.goto(url(ctx, '/apps'));
    await useLanguage(page, input.lang);
    await page.locator(`[data-form-id="${input.formId}"]`).first().getByTestId('fill-form').click();
    await page.waitForURL((u) => u.pathname === `/apps/forms/${input.formId}/new`);
    await page.getByTestId('table-items').waitFor();
    await fillOrder(page);
    expect((await page.getByTestId('total-items-qty').innerText()).trim() === '6', 'qty total should be 6');
  });

  await run.step(
    `[${suffix}] submitting without the customer shows the required message and focuses it`,
    async () => {
      await page.getByTestId('submit-record').click();
      const error = page.getByTestId('field-customer').locator('.ant-form-item-explain-error');
      await error.waitFor();
      const text = await error.innerText();
      expect(text.includes(input.requiredMessage), `expected "${input.requiredMessage}", got "${text}"`);
      const focused = await page.evaluate(() => document.activeElement?.id);
      expect(focused === 'fw-customer', `the first error should be focused, focus is on ${focused}`);
      await settle(page);
      await screenshot(page, `order-form-errors-${suffix}`);
    },
  );

  await run.step(`[${suffix}] submits and shows the record with its serial number and totals`, async () => {
    await page.locator('#fw-customer').fill(input.customer);
    await page
      .getByTestId('field-customer')
      .locator('.ant-form-item-explain-error')
      .waitFor({ state: 'detached' });
    await page.getByTestId('submit-record').click();
    await page.waitForURL((u) => u.pathname.startsWith('/apps/records/'));
    recordId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.getByTestId('record-detail').waitFor();
    await waitForText(page, '[data-testid="field-total"] [data-value]', GRAND_TOTAL);
    const serial = (await page.locator('#fw-orderNo').innerText()).trim();
    expect(/^SO-\d{8}-\d{4}$/.test(serial), `serial number shown after save, got "${serial}"`);
    expect((await page.locator('[data-row]').count()) === 3, 'the record shows 3 line items');
    const history = page.getByTestId('record-history').getByTestId('history-entry');
    await history.first().waitFor();
    const created = (await history.first().innerText()).trim();
    expect((await history.count()) === 1, `one history entry, got ${await history.count()}`);
    expect(
      (await history.first().getAttribute('data-type')) === 'created',
      'the history starts with creation',
    );
    expect(
      created.includes(input.lang === 'en' ? 'submitted the record' : '提交了记录'),
      `history entry in ${input.lang}: "${created}"`,
    );
    await settle(page);
    await screenshot(page, `record-detail-${suffix}`);
  });

  await run.step(`[${suffix}] finds the record in my records and reopens it`, async () => {
    await page.goto(url(ctx, `/apps/forms/${input.formId}/records`));
    const row = page.getByTestId('records-table').locator('tr', { hasText: input.customer });
    await row.waitFor();
    await settle(page);
    await screenshot(page, `my-records-${suffix}`);
    await row.getByTestId('open-record').click();
    await page.waitForURL((u) => u.pathname === `/apps/records/${recordId}`);
    await page.getByTestId('record-detail').waitFor();
    await page.locator('#fw-customer').waitFor();
    expect(
      (await page.locator('#fw-customer').innerText()).trim() === input.customer,
      'the reopened record shows the customer',
    );
  });
}

export async function workspaceFlow(run: StepRunner, ctx: E2eContext): Promise<void> {
  const { page } = ctx;
  let orderFormId = '';
  let xssFormId = '';

  await run.step('publishes the demo order form and a form with hostile labels (API)', async () => {
    await page.goto(url(ctx, '/apps'));
    const definition = salesOrderDefinition();
    orderFormId = await publishForm(ctx, { title: definition.settings.title, definition });
    xssFormId = await publishForm(ctx, {
      title: xssFormDefinition.settings.title,
      definition: xssFormDefinition,
    });
  });

  await run.step('Apps lists the forms I may fill and the search narrows them', async () => {
    await page.goto(url(ctx, '/apps'));
    await useLanguage(page, 'en');
    await page.getByTestId('form-list').waitFor();
    expect((await page.getByTestId('form-list').getByTestId('form-card').count()) === 2, 'two forms listed');
    await page.getByTestId('apps-search').locator('input').fill('Sales');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="form-list"] [data-testid="form-card"]').length === 1,
    );
    await settle(page);
    await screenshot(page, 'apps-forms-1280');
  });

  await orderRound(run, ctx, {
    formId: orderFormId,
    lang: 'en',
    width: 1280,
    requiredMessage: '"客户名称" is required',
    customer: `ACME ${ctx.runId}`,
  });
  await run.step('my records export to Excel and CSV with the chosen columns', async () => {
    await page.goto(url(ctx, `/apps/forms/${orderFormId}/records`));
    await page
      .getByTestId('records-table')
      .locator('tr', { hasText: `ACME ${ctx.runId}` })
      .waitFor();
    await page.getByTestId('choose-columns').click();
    // check() confirms the box is ticked (a click during the popover's opening animation can miss)
    await page.getByTestId('column-chooser').getByRole('checkbox', { name: '付款方式' }).check();
    await page.getByTestId('records-table').getByRole('columnheader', { name: '付款方式' }).waitFor();
    const exported = async (format: 'xlsx' | 'csv') => {
      await page.getByTestId('export-records').click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId(`export-${format}`).click(),
      ]);
      return readFileSync((await download.path())!);
    };
    const csv = (await exported('csv')).toString('utf8');
    const [header, first] = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(
      header.startsWith('订单编号,客户名称,下单日期,付款方式,价税合计,Status,Created at'),
      `CSV header: ${header}`,
    );
    expect(first.includes(`ACME ${ctx.runId}`) && first.includes('389.84'), `CSV row: ${first}`);
    const book = XLSX.read(await exported('xlsx'));
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0]], { header: 1 });
    expect(
      JSON.stringify(rows[0]) === JSON.stringify(header.split(',')),
      `xlsx header: ${JSON.stringify(rows[0])}`,
    );
  });

  await orderRound(run, ctx, {
    formId: orderFormId,
    lang: 'zh-CN',
    width: 375,
    requiredMessage: '“客户名称”为必填项',
    customer: `华东 ${ctx.runId}`,
  });

  await run.step('a reload mid-entry offers the autosaved draft back', async () => {
    await page.setViewportSize(VIEWPORTS.desktop);
    await page.goto(url(ctx, `/apps/forms/${orderFormId}/new`));
    await useLanguage(page, 'en');
    await page.getByTestId('table-items').waitFor();
    await page.locator('#fw-customer').fill(`Draft ${ctx.runId}`);
    await page.locator('#fw-items-0-sku').fill('DRAFT-1');
    await page.locator('#fw-items-0-qty').fill('7');
    await page.waitForTimeout(3_600); // autosave runs every 3 s
    await page.reload();
    await page.getByTestId('draft-offer').waitFor();
    await settle(page);
    await screenshot(page, 'draft-offer-1280');
    await page.getByTestId('draft-restore').click();
    await page.getByTestId('draft-offer').waitFor({ state: 'detached' });
    expect((await page.locator('#fw-customer').inputValue()) === `Draft ${ctx.runId}`, 'customer restored');
    expect((await page.locator('#fw-items-0-sku').inputValue()) === 'DRAFT-1', 'line item restored');
    expect((await page.locator('#fw-items-0-qty').inputValue()) === '7', 'qty restored');
    await page.getByTestId('draft-restore').waitFor({ state: 'detached' });
  });

  await run.step('the row menu duplicates and deletes rows; dragging a row reorders the grid', async () => {
    const rowCount = page.getByTestId('row-count-items');
    await page.getByTestId('row-actions-items-0').click();
    await page.getByRole('menuitem', { name: 'Duplicate row' }).click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="row-count-items"]')?.textContent === '2 rows',
    );
    expect((await page.locator('#fw-items-1-sku').inputValue()) === 'DRAFT-1', 'the copy has the sku');
    await page.locator('#fw-items-1-sku').fill('SECOND');

    const handle = page.locator('[data-row="1"] .fw-drag');
    const from = (await handle.boundingBox())!;
    const to = (await page.locator('[data-row="0"]').boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    for (let step = 1; step <= 8; step++) {
      await page.mouse.move(
        from.x + from.width / 2,
        from.y + from.height / 2 - ((from.y - to.y + 4) * step) / 8,
      );
    }
    await page.mouse.up();
    await page.waitForFunction(
      () => (document.getElementById('fw-items-0-sku') as HTMLInputElement | null)?.value === 'SECOND',
    );

    await page.waitForTimeout(300); // the drop animation
    await page.getByTestId('row-actions-items-1').click();
    await page.locator('.ant-dropdown:not(.ant-dropdown-hidden)').getByText('Delete row').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="row-count-items"]')?.textContent === '1 rows',
    );
    expect((await rowCount.innerText()) === '1 rows', 'one row left');
    expect((await page.locator('#fw-items-0-sku').inputValue()) === 'SECOND', 'the dragged row stayed');
  });

  await run.step('labels, descriptions and options with HTML or markdown render as inert text', async () => {
    let dialogs = 0;
    const onDialog = (dialog: { dismiss: () => Promise<void> }) => {
      dialogs++;
      void dialog.dismiss();
    };
    page.on('dialog', onDialog);
    try {
      await page.goto(url(ctx, `/apps/forms/${xssFormId}/new`));
      await page.getByTestId('fw-form').waitFor();
      await page.getByTestId('table-lines').waitFor();
      await page.waitForTimeout(500);
      const text = await page.getByTestId('form-fill-page').innerText();
      for (const hostile of Object.values(XSS_TEXT))
        expect(text.includes(hostile), `"${hostile}" should show as text`);
      const injected = await page.evaluate(() => ({
        img: document.querySelectorAll('img[src="x"]').length,
        iframe: document.querySelectorAll('iframe').length,
        js: document.querySelectorAll('a[href^="javascript"]').length,
      }));
      expect(
        injected.img === 0 && injected.iframe === 0 && injected.js === 0,
        `injected elements: ${JSON.stringify(injected)}`,
      );
      expect(dialogs === 0, `${dialogs} dialog(s) fired`);
      await settle(page);
      await screenshot(page, 'xss-labels-1280');
    } finally {
      page.off('dialog', onDialog);
    }
  });

  await run.step('an uploaded PNG is stored by content and previewed; an SVG is refused', async () => {
    await page
      .getByTestId('field-photo')
      .locator('input[type=file]')
      .setInputFiles({ name: 'dot.png', mimeType: 'image/png', buffer: PNG });
    const preview = page.getByTestId('field-photo').locator('img');
    await preview.waitFor();
    const src = (await preview.getAttribute('src')) ?? '';
    expect(/^\/api\/v1\/blobs\/[a-f0-9]{32}$/.test(src), `preview from the blob store, got ${src}`);
    // the blob is served back and decodes as the 1×1 PNG that was uploaded
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="field-photo"] img');
      return img !== null && img.complete && img.naturalWidth === 1;
    });
    await page
      .getByTestId('field-photo')
      .locator('input[type=file]')
      .setInputFiles({
        name: 'x.png',
        mimeType: 'image/png',
        buffer: Buffer.from('<svg onload="alert(1)"/>'),
      });
    await page.getByTestId('field-photo').locator('.ant-typography-danger').waitFor();
    expect((await page.getByTestId('field-photo').locator('img').count()) === 1, 'the SVG got no preview');
  });
}

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
