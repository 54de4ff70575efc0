import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { startTestServer, type TestServer } from '../helpers/api-server.ts';
import {
  encryptedWorkbook,
  formattedColumnsXlsx,
  gbkCsv,
  PDF,
  xlsxFromRows,
  zipBomb,
} from '../imports/helpers/workbooks.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('POST /api/v1/imports/templates', () => {
  let srv: TestServer;
  let token: string;
  let memberToken: string;

  beforeAll(async () => {
    srv = await startTestServer();
    token = (await srv.admin.post('/tokens', { name: 'imports' })).body.secret;
    const member = await srv.createUser({ username: 'mia' });
    memberToken = (await member.post('/tokens', { name: 'mia' })).body.secret;
  });
  afterAll(() => srv?.close());

  async function upload(
    bytes: Buffer,
    filename: string,
    options: { query?: string; fields?: Record<string, string>; bearer?: string } = {},
  ) {
    const form = new FormData();
    for (const [name, value] of Object.entries(options.fields ?? {})) form.append(name, value);
    form.append('file', new Blob([new Uint8Array(bytes)]), filename);
    const res = await fetch(`${srv.url}/api/v1/imports/templates${options.query ?? ''}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${options.bearer ?? token}` },
      body: form,
    });
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.json() };
  }

  async function formCount(): Promise<number> {
    return (await srv.admin.get('/forms?limit=500')).body.items.length;
  }

  /** Every refusal is a problem document naming the reason, and stores nothing. */
  async function expectRefused(
    bytes: Buffer,
    filename: string,
    expected: { status: number; type: string; reason: string; detail: RegExp },
  ) {
    const before = await formCount();
    const res = await upload(bytes, filename);
    expect(res.type).toContain('application/problem+json');
    expect(res).toMatchObject({
      status: expected.status,
      body: { type: `https://formwork.dev/problems/${expected.type}`, reason: expected.reason },
    });
    expect(res.body.detail).toMatch(expected.detail);
    expect(await formCount()).toBe(before);
  }

  it('previews a form from a template upload (multipart), then saves it as a draft with POST /forms', async () => {
    const before = await formCount();
    const res = await upload(fs.readFileSync('templates/excel/sales-order-zh.xlsx'), '销售订单.xlsx');
    expect(res.status).toBe(200);
    expect(res.body.definition.settings.title).toBe('销售订单');
    expect(res.body.sheets).toEqual([
      { name: '销售订单', rowCount: 24, columnCount: 8, isHidden: false, isSelected: true },
      { name: '基础数据', rowCount: 5, columnCount: 1, isHidden: false, isSelected: false },
    ]);
    expect(res.body.report.elements.length).toBeGreaterThan(20);
    expect(await formCount()).toBe(before);
    const saved = await srv.admin.post('/forms', {
      title: res.body.definition.settings.title,
      definition: res.body.definition,
    });
    expect(saved.status).toBe(201);
    expect(saved.body.draft.fields.length).toBe(res.body.definition.fields.length);
  });

  it('accepts the raw file as the body and a sheet chosen by name', async () => {
    const res = await fetch(`${srv.url}/api/v1/imports/templates?sheet=${encodeURIComponent('基础数据')}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': XLSX_TYPE },
      body: fs.readFileSync('templates/excel/sales-order-zh.xlsx'),
    });
    const body = await res.json();
    expect(res.status).toBe(200);
    expect(
      body.sheets.filter((s: { isSelected: boolean }) => s.isSelected).map((s: { name: string }) => s.name),
    ).toEqual(['基础数据']);
  });

  it('needs the designer permission and a file', async () => {
    expect((await upload(xlsxFromRows([['a']]), 'a.xlsx', { bearer: memberToken })).status).toBe(403);
    const json = await srv.admin.post('/imports/templates', { file: 'x' });
    expect(json).toMatchObject({
      status: 415,
      body: { type: 'https://formwork.dev/problems/unsupported-media-type' },
    });
  });

  it('refuses a zip bomb renamed .xlsx (422)', async () => {
    await expectRefused(zipBomb(), 'order.xlsx', {
      status: 422,
      type: 'unreadable-workbook',
      reason: 'zip-bomb',
      detail: /zip bomb: .*compressed \d+:1/,
    });
  });

  it('refuses a PDF renamed .xlsx (415), naming it', async () => {
    await expectRefused(PDF, 'order.xlsx', {
      status: 415,
      type: 'unsupported-media-type',
      reason: 'not-a-spreadsheet',
      detail: /a PDF document, not a spreadsheet \(its name is "order\.xlsx"\)/,
    });
  });

  it('refuses a truncated file (422)', async () => {
    const whole = fs.readFileSync('templates/excel/purchase-order-en.xlsx');
    await expectRefused(whole.subarray(0, whole.length - 700), 'po.xlsx', {
      status: 422,
      type: 'unreadable-workbook',
      reason: 'damaged',
      detail: /truncated or damaged/,
    });
    const xls = fs.readFileSync('templates/excel/stock-out-zh.xls');
    await expectRefused(xls.subarray(0, 4000), 'stock.xls', {
      status: 422,
      type: 'unreadable-workbook',
      reason: 'damaged',
      detail: /truncated or damaged/,
    });
  });

  it('refuses a file over 20 MB (413) while streaming it', async () => {
    await expectRefused(Buffer.alloc(21 * 1024 * 1024, 0x41), 'big.csv', {
      status: 413,
      type: 'payload-too-large',
      reason: 'file-too-large',
      detail: /larger than the limit of 20 MB/,
    });
  });

  it('refuses more than 200,000 rows or 200 columns (422)', async () => {
    await expectRefused(Buffer.from('qty\n' + '1\n'.repeat(200_000)), 'rows.csv', {
      status: 422,
      type: 'unreadable-workbook',
      reason: 'too-many-rows',
      detail: /more than 200,000 rows/,
    });
    const wide = xlsxFromRows([Array.from({ length: 201 }, (_, i) => `Column ${i + 1}`)], 'Wide');
    await expectRefused(wide, 'wide.xlsx', {
      status: 422,
      type: 'unreadable-workbook',
      reason: 'too-many-columns',
      detail: /Sheet "Wide" uses more than 200 columns/,
    });
  });

  it('reads a sheet with 16k columns of empty formatting without hanging (used range recomputed)', async () => {
    const started = performance.now();
    const res = await upload(await formattedColumnsXlsx(), 'formatted.xlsx');
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(res.body.sheets[0]).toMatchObject({ rowCount: 2, columnCount: 2 });
    expect(res.body.definition.fields.map((f: { key: string }) => f.key)).toEqual(['customer', 'qty']);
  });

  it('refuses header names __proto__, constructor, $where with a 422 naming the cells, and pollutes nothing', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const forms = await formCount();
    const res = await upload(
      Buffer.from('__proto__,constructor,$where,$ Price,Qty\na,b,c,1,1\nd,e,f,2,2\n'),
      'hostile.csv',
    );
    expect(res.status).toBe(422);
    expect(res.type).toMatch(/application\/problem\+json/);
    expect(res.body.reason).toBe('unsafe-header-name');
    expect(res.body.cells).toEqual(['CSV!A1', 'CSV!B1', 'CSV!C1']);
    expect(res.body.detail).toContain('CSV!A1, CSV!B1, CSV!C1');
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await formCount()).toBe(forms);
  });

  it('keeps a formula that refers to another workbook as text, with a warning naming the cell', async () => {
    const res = await upload(fs.readFileSync('templates/excel/purchase-order-en.xlsx'), 'po.xlsx');
    expect(res.status).toBe(200);
    expect(res.body.report.warnings).toContainEqual({
      cell: "'Purchase Order'!F12",
      code: 'external-reference',
      message: '=[1]Daily!$B$2 was kept as text: [1]Daily!$B$2 refers to another workbook (rates.xlsx)',
    });
    const rate = res.body.definition.fields.find((f: { key: string }) => f.key === 'exchangeRate');
    expect(rate.formula).toBeUndefined();
    expect(rate.description).toContain('=[1]Daily!$B$2');
  });

  it('decodes a CSV in GBK', async () => {
    const res = await upload(
      gbkCsv('客户编号,客户名称,手机,信用额度\nC0001,上海华东精密机械有限公司,13816881234,500000\n'),
      '客户.csv',
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ format: 'csv', encoding: 'gb18030' });
    expect(
      res.body.definition.fields.map((f: { key: string; label: string; type: string }) => [
        f.key,
        f.label,
        f.type,
      ]),
    ).toEqual([
      ['customerNo', '客户编号', 'text'],
      ['customerName', '客户名称', 'text'],
      ['mobile', '手机', 'phone'],
      ['creditLimit', '信用额度', 'money'],
    ]);
  });

  it('refuses a password-protected file (422) with a clear message', async () => {
    await expectRefused(encryptedWorkbook(), 'locked.xlsx', {
      status: 422,
      type: 'unreadable-workbook',
      reason: 'encrypted',
      detail: /password-protected/,
    });
  });

  it('refuses a sheet name the workbook does not have (422)', async () => {
    const res = await upload(fs.readFileSync('templates/excel/rma-en.xlsx'), 'rma.xlsx', {
      fields: { sheet: 'Orders' },
    });
    expect(res).toMatchObject({
      status: 422,
      body: {
        reason: 'sheet-not-found',
        detail: 'sheet "Orders" not found; the workbook has "RMA", "Lists"',
      },
    });
  });
});
