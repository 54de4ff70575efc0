/** Workbooks for the reader's tests, honest and hostile, built in memory. */
import iconv from 'iconv-lite';
import * as XLSX from '@e965/xlsx';
import { columnName } from '../../../builder/excel-import/cell-address.ts';
import { craftZip, readZip, withParts } from './zip-craft.ts';

export function xlsxFromRows(rows: unknown[][], sheetName = 'Sheet1'): Buffer {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), sheetName);
  return Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
}

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';

/**
 * A template whose sheet declares A1:XFD1048576 and formats all 16,384 columns of its
 * rows (`<col>` plus a styled `<c>` in every column), holding five real cells.
 */
export async function formattedColumnsXlsx(rows = 12): Promise<Buffer> {
  const base = xlsxFromRows([['x']]);
  const styled = Array.from({ length: 16_384 }, (_, c) => columnName(c));
  const body: string[] = [];
  for (let r = 1; r <= rows; r++) {
    const cells = styled.map((col) => {
      if (r === 1 && col === 'A') return '<c r="A1" t="inlineStr"><is><t>Customer:</t></is></c>';
      if (r === 2 && col === 'A') return '<c r="A2" t="inlineStr"><is><t>Qty:</t></is></c>';
      if (r === 2 && col === 'B') return '<c r="B2"><v>3</v></c>';
      return `<c r="${col}${r}" s="1"/>`;
    });
    body.push(`<row r="${r}">${cells.join('')}</row>`);
  }
  const sheet = `${SHEET_HEAD}<dimension ref="A1:XFD1048576"/><cols><col min="1" max="16384" width="9" style="1" customWidth="1"/></cols><sheetData>${body.join('')}</sheetData></worksheet>`;
  return withParts(base, { 'xl/worksheets/sheet1.xml': sheet });
}

/** CVE-2023-30533: comments (legacy and threaded) and names keyed `__proto__`. */
export async function prototypePollutionXlsx(): Promise<Buffer> {
  const base = xlsxFromRows([
    ['__proto__', 'constructor', '$where'],
    ['a', 'b', 'c'],
  ]);
  const parts = await readZip(base);
  const sheet = parts
    .get('xl/worksheets/sheet1.xml')!
    .toString('utf8')
    .replace('</worksheet>', '<legacyDrawing r:id="rId9"/></worksheet>');
  const types = parts
    .get('[Content_Types].xml')!
    .toString('utf8')
    .replace(
      '</Types>',
      '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>' +
        '<Override PartName="/xl/threadedComments/threadedComment1.xml" ContentType="application/vnd.ms-excel.threadedcomments+xml"/>' +
        '<Override PartName="/xl/persons/person.xml" ContentType="application/vnd.ms-excel.person+xml"/></Types>',
    );
  const workbook = parts
    .get('xl/workbook.xml')!
    .toString('utf8')
    .replace(
      '</workbook>',
      '<definedNames><definedName name="__proto__">Sheet1!$A$1</definedName></definedNames></workbook>',
    );
  return withParts(base, {
    '[Content_Types].xml': types,
    'xl/workbook.xml': workbook,
    'xl/worksheets/sheet1.xml': sheet,
    'xl/worksheets/_rels/sheet1.xml.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/>' +
      '</Relationships>',
    'xl/comments1.xml':
      '<?xml version="1.0" encoding="UTF-8"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>__proto__</author></authors><commentList>' +
      '<comment ref="__proto__" authorId="0"><text><t>polluted</t></text></comment>' +
      '<comment ref="A1" authorId="0"><text><t>constructor</t></text></comment></commentList></comments>',
    'xl/threadedComments/threadedComment1.xml':
      '<?xml version="1.0" encoding="UTF-8"?><ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments">' +
      '<threadedComment ref="__proto__" dT="2024-01-01T00:00:00.00" personId="__proto__" id="{00000000-0000-0000-0000-000000000001}"><text>polluted</text></threadedComment>' +
      '</ThreadedComments>',
    'xl/persons/person.xml':
      '<?xml version="1.0" encoding="UTF-8"?><personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><person displayName="polluted" id="__proto__" userId="__proto__" providerId="None"/></personList>',
  });
}

/** CVE-2024-22363: `"<!--".repeat(150000)` inside the sheet and the shared strings. */
export async function commentRedosXlsx(): Promise<Buffer> {
  const base = xlsxFromRows([
    ['Customer:', ''],
    ['Qty:', 3],
  ]);
  const parts = await readZip(base);
  const payload = '<!--'.repeat(150_000);
  const sheet = parts
    .get('xl/worksheets/sheet1.xml')!
    .toString('utf8')
    .replace('<sheetData>', `<sheetData>${payload}`);
  return withParts(base, { 'xl/worksheets/sheet1.xml': sheet, 'docProps/app.xml': payload });
}

/** What Excel writes for a password-protected workbook: an OLE2 file with EncryptionInfo + EncryptedPackage. */
export function encryptedWorkbook(): Buffer {
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(
    cfb,
    'EncryptionInfo',
    Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0, ...Buffer.alloc(200)]),
  );
  XLSX.CFB.utils.cfb_add(cfb, 'EncryptedPackage', Buffer.alloc(6000, 0x5a));
  return Buffer.from(XLSX.CFB.write(cfb, { type: 'buffer' }));
}

/** A zip bomb dressed as .xlsx: 60 MB of zeros in the sheet part, well over 200:1. */
export function zipBomb(): Buffer {
  return craftZip([
    { name: '[Content_Types].xml', data: '<Types/>' },
    { name: 'xl/workbook.xml', data: '<workbook/>' },
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(60 * 1024 * 1024) },
  ]);
}

export function gbkCsv(text: string): Buffer {
  return iconv.encode(text, 'gbk');
}

export const PDF = Buffer.from(
  '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);
