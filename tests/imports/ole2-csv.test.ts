import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import iconv from 'iconv-lite';
import { decodeText, parseCsv } from '../../server/imports/workbook/csv.ts';
import { inspectOle2 } from '../../server/imports/workbook/ole2.ts';
import * as XLSX from '@e965/xlsx';
import { encryptedWorkbook, gbkCsv } from './helpers/workbooks.ts';

const reasonOf = (run: () => unknown): string => {
  try {
    run();
    return 'accepted';
  } catch (error) {
    return (error as { reason: string }).reason;
  }
};

describe('#inspectOle2', () => {
  it('knows a legacy .xls from a password-protected workbook and from other Office files', () => {
    expect(inspectOle2(fs.readFileSync('templates/excel/stock-out-zh.xls'))).toBe('xls');
    expect(reasonOf(() => inspectOle2(encryptedWorkbook()))).toBe('encrypted');
    const word = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(word, 'WordDocument', Buffer.alloc(5000, 1));
    expect(reasonOf(() => inspectOle2(Buffer.from(XLSX.CFB.write(word, { type: 'buffer' }))))).toBe(
      'not-a-spreadsheet',
    );
  });

  it('refuses a truncated .xls whose sectors lie past the end of the file', () => {
    const xls = fs.readFileSync('templates/excel/stock-out-zh.xls');
    expect(reasonOf(() => inspectOle2(xls.subarray(0, 3000)))).toBe('damaged');
    expect(reasonOf(() => inspectOle2(xls.subarray(0, 100)))).toBe('damaged');
  });
});

describe('CSV decoding', () => {
  it('detects GBK, UTF-8 with and without BOM, and UTF-16 with BOM', () => {
    const text = '客户名称,数量\n上海华东精密机械有限公司,3\n';
    expect(decodeText(gbkCsv(text))).toEqual({ text, encoding: 'gb18030' });
    expect(decodeText(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeText(Buffer.from(`\uFEFF${text}`, 'utf8'))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]))).toEqual({
      text,
      encoding: 'utf-16le',
    });
  });

  it('keeps raw strings: leading zeros, phone numbers and dates stay as written', () => {
    const rows = parseCsv('编码,手机,日期\n00123,13800138000,2024/3/5\n', { maxRows: 10, maxColumns: 10 });
    expect(rows[1]).toEqual(['00123', '13800138000', '2024/3/5']);
  });

  it('refuses more rows or columns than the limits', () => {
    expect(reasonOf(() => parseCsv('a\n'.repeat(11), { maxRows: 10, maxColumns: 10 }))).toBe('too-many-rows');
    expect(parseCsv('a\n'.repeat(10), { maxRows: 10, maxColumns: 10 })).toHaveLength(10);
    expect(reasonOf(() => parseCsv(`${'x,'.repeat(10)}x\n`, { maxRows: 10, maxColumns: 10 }))).toBe(
      'too-many-columns',
    );
    expect(parseCsv(`x${',,'.repeat(50)}\n`, { maxRows: 10, maxColumns: 10 })).toHaveLength(1);
  });
});
