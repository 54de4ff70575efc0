import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { createWorkbookReader, DEFAULT_LIMITS } from '../../server/imports/workbook/index.ts';
import type { WorkbookLimits } from '../../server/imports/workbook/index.ts';
import {
  commentRedosXlsx,
  encryptedWorkbook,
  formattedColumnsXlsx,
  gbkCsv,
  prototypePollutionXlsx,
  xlsxFromRows,
} from './helpers/workbooks.ts';

const reader = createWorkbookReader({ ...DEFAULT_LIMITS });
const readerWith = (limits: Partial<WorkbookLimits>) =>
  createWorkbookReader({ ...DEFAULT_LIMITS, ...limits });
const prototypeNames = () => Object.getOwnPropertyNames(Object.prototype).sort();

async function rejection(
  promise: Promise<unknown>,
): Promise<{ reason: string; status: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { reason: string; status: number; message: string };
  }
  throw new Error('expected the workbook to be refused');
}

describe('safe workbook reader', () => {
  it('reads an .xlsx template in a worker: cells, formulas, formats, merges, validations, styles', async () => {
    const wb = await reader.read(fs.readFileSync('templates/excel/sales-order-zh.xlsx'), { mode: 'cells' });
    const sheet = wb.sheets[0];
    expect(wb.format).toBe('xlsx');
    expect(sheet).toMatchObject({ name: '销售订单', rowCount: 24, columnCount: 8 });
    expect(sheet.validations).toEqual([
      { type: 'list', sqref: 'B6', formula1: '"现金,银行转账,承兑汇票,月结30天"' },
      { type: 'list', sqref: 'H6', formula1: '基础数据!$A$2:$A$5' },
    ]);
    const at = (r: number, c: number) => sheet.cells.find((cell) => cell.r === r && cell.c === c);
    expect(at(9, 7)).toMatchObject({ f: 'ROUND(F10*G10,2)', z: expect.stringContaining('¥') });
    expect(at(3, 1)).toMatchObject({ t: 'z', fill: 'FF0000', comment: '填写营业执照上的客户全称' });
    expect(at(2, 4)).toMatchObject({ t: 'z', z: expect.stringMatching(/yyyy/) });
    expect(sheet.merges).toContainEqual({ s: { r: 0, c: 0 }, e: { r: 0, c: 7 } });
  });

  it('reads a legacy .xls, its validations included, and says what it could not carry over', async () => {
    const wb = await reader.read(fs.readFileSync('templates/excel/stock-out-zh.xls'), { mode: 'cells' });
    expect(wb.format).toBe('xls');
    expect(wb.sheets[0].cells.find((c) => c.f === 'ROUND(E7*F7,2)')).toBeDefined();
    expect(wb.sheets[0].validations).toEqual([
      { type: 'list', sqref: 'F3', formula1: '"原料仓,成品仓,备件仓"' },
      { type: 'list', sqref: 'D7:D12', formula1: '基础数据!$A$2:$A$6' },
    ]);
    expect(wb.notes).toEqual(['cell colours are not read from .xls files']);
  });

  it('reads an OpenDocument spreadsheet', async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ['客户：', ''],
        ['数量', 3],
      ]),
      '订单',
    );
    const ods = Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'ods' }));
    const read = await reader.read(ods, { mode: 'cells' });
    expect(read).toMatchObject({ format: 'ods', sheets: [{ name: '订单', rowCount: 2, columnCount: 2 }] });
    expect(read.notes[0]).toMatch(/not read from \.ods/);
  });

  it('reads a GBK CSV as raw text (rows mode), decoded right', async () => {
    const wb = await reader.read(
      gbkCsv('客户编号,客户名称,手机\n00123,上海华东精密机械有限公司,13800138000\n'),
      { mode: 'rows' },
    );
    expect(wb).toMatchObject({ format: 'csv', encoding: 'gb18030' });
    expect(wb.sheets[0].rows).toEqual([
      ['客户编号', '客户名称', '手机'],
      ['00123', '上海华东精密机械有限公司', '13800138000'],
    ]);
  });

  it('recomputes the used range: 16,384 formatted columns and a declared A1:XFD1048576 cost nothing', async () => {
    const bytes = await formattedColumnsXlsx();
    const started = performance.now();
    const wb = await reader.read(bytes, { mode: 'cells' });
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(wb.sheets[0]).toMatchObject({ rowCount: 2, columnCount: 2 });
    expect(wb.sheets[0].cells.length).toBeLessThan(200);
  });

  it('refuses more rows or columns than the limits, naming the sheet', async () => {
    const rows = Array.from({ length: 51 }, (_, i) => [i]);
    expect(
      await rejection(readerWith({ maxRows: 50 }).read(xlsxFromRows(rows, 'Data'), { mode: 'rows' })),
    ).toMatchObject({
      reason: 'too-many-rows',
      status: 422,
      message: 'Sheet "Data" has more than 50 rows (the limit)',
    });
    const wide = [Array.from({ length: 201 }, (_, i) => `c${i}`)];
    expect(await rejection(reader.read(xlsxFromRows(wide), { mode: 'cells' }))).toMatchObject({
      reason: 'too-many-columns',
    });
  });

  it('leaves Object.prototype unchanged after a crafted threaded-comment workbook (CVE-2023-30533)', async () => {
    const bytes = await prototypePollutionXlsx();
    const before = prototypeNames();
    const wb = await reader.read(bytes, { mode: 'cells' });
    expect(wb.sheets[0].cells.find((c) => c.v === '__proto__')).toBeDefined();
    expect(prototypeNames()).toEqual(before);
    // the library itself is patched too, even outside the worker
    XLSX.read(bytes, { type: 'buffer', dense: true });
    expect(prototypeNames()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('finishes a "<!--".repeat(150000) payload within the time limit (CVE-2024-22363)', async () => {
    const bytes = await commentRedosXlsx();
    const limits = { timeoutMs: 10_000 };
    const started = performance.now();
    const outcome = await readerWith(limits)
      .read(bytes, { mode: 'cells' })
      .then(
        () => 'read',
        (error: { reason: string }) => error.reason,
      );
    expect(performance.now() - started).toBeLessThan(limits.timeoutMs + 2000);
    expect(outcome).not.toBe('too-slow');
  });

  it('terminates the worker on overrun: too long, too much memory', async () => {
    const bytes = fs.readFileSync('templates/excel/purchase-order-en.xlsx');
    expect(await rejection(readerWith({ timeoutMs: 5 }).read(bytes, { mode: 'cells' }))).toMatchObject({
      reason: 'too-slow',
      message: expect.stringContaining('took too long'),
    });
    const big = xlsxFromRows(
      Array.from({ length: 30_000 }, (_, i) => [`row ${i}`, i, `text ${i} `.repeat(5)]),
    );
    expect(await rejection(readerWith({ heapMb: 16 }).read(big, { mode: 'cells' }))).toMatchObject({
      reason: 'too-much-memory',
      message: expect.stringContaining('too much memory'),
    });
  });

  it('runs an analyzer inside the worker and returns only its result, refusals and bugs told apart', async () => {
    const module = new URL('./helpers/test-analyzer.ts', import.meta.url);
    const bytes = xlsxFromRows([
      ['a', 1],
      ['b', 2],
    ]);
    const read = await reader.read(bytes, { mode: 'cells', analyzer: { module, options: {} } });
    expect(read.analysis).toEqual({ cellCount: 4 });
    expect(read.sheets[0]).toMatchObject({ rowCount: 2, cells: [] });
    const refused = reader.read(bytes, {
      mode: 'cells',
      analyzer: { module, options: { fail: 'rejected' } },
    });
    expect(await rejection(refused)).toMatchObject({ reason: 'empty-template', status: 422 });
    const bug = reader.read(bytes, { mode: 'cells', analyzer: { module, options: { fail: 'bug' } } });
    await expect(bug).rejects.toThrow(/^workbook analysis failed: TypeError: oops/);
  });

  it('refuses password-protected files and files over the size limit before parsing', async () => {
    expect(await rejection(reader.read(encryptedWorkbook(), { mode: 'cells' }))).toMatchObject({
      reason: 'encrypted',
      status: 422,
    });
    expect(
      await rejection(readerWith({ maxBytes: 1000 }).read(Buffer.alloc(1001, 65), { mode: 'rows' })),
    ).toMatchObject({
      reason: 'file-too-large',
      status: 413,
    });
  });
});
