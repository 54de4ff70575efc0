import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { WorkbookRejected } from '../../server/imports/workbook/errors.ts';
import { sniffContainer } from '../../server/imports/workbook/sniff.ts';
import { encryptedWorkbook, gbkCsv, PDF, xlsxFromRows } from './helpers/workbooks.ts';

function refusal(bytes: Buffer, filename?: string): WorkbookRejected {
  try {
    sniffContainer(bytes, filename);
  } catch (error) {
    expect(error).toBeInstanceOf(WorkbookRejected);
    return error as WorkbookRejected;
  }
  throw new Error('expected a refusal');
}

describe('#sniffContainer', () => {
  it('tells zips, OLE2 files and text apart by content, not by name', () => {
    expect(sniffContainer(xlsxFromRows([['a']]), 'a.csv')).toBe('zip');
    expect(sniffContainer(fs.readFileSync('templates/excel/stock-out-zh.xls'))).toBe('ole2');
    expect(sniffContainer(encryptedWorkbook())).toBe('ole2');
    expect(sniffContainer(gbkCsv('客户,数量\n华东,3\n'), 'a.xlsx')).toBe('text');
    expect(sniffContainer(Buffer.from('\uFEFFname,qty\n', 'utf8'))).toBe('text');
    expect(sniffContainer(Buffer.from('\uFEFFa,b\n', 'utf16le').subarray(0))).toBe('text');
  });

  it('refuses a PDF renamed .xlsx with 415, naming what it is', () => {
    const error = refusal(PDF, 'order.xlsx');
    expect(error).toMatchObject({ status: 415, reason: 'not-a-spreadsheet' });
    expect(error.message).toBe('The file is a PDF document, not a spreadsheet (its name is "order.xlsx")');
  });

  it('refuses images, HTML pages saved as .xls, binary junk and empty files', () => {
    expect(refusal(Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])).message).toContain('a PNG image');
    expect(refusal(Buffer.from('<html><table><tr><td>1</td></tr></table></html>')).message).toContain('HTML');
    expect(refusal(Buffer.from([1, 2, 0, 4, 5, 6])).message).toContain('unrecognised binary');
    expect(refusal(Buffer.alloc(0))).toMatchObject({ reason: 'damaged', status: 422 });
  });
});
