import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { openXlsx } from '../../../../server/imports/data/read/xlsx-source.ts';
import { openCsv, detectCsvEncoding } from '../../../../server/imports/data/read/csv-source.ts';
import { createRowTokenizer, serialToText } from '../../../../server/imports/data/read/xlsx-rows.ts';
import { isDateFormatCode } from '../../../../server/imports/data/read/xlsx-parts.ts';
import { ZipWriter } from '../../../../server/imports/export/zip-writer.ts';
import type { TabularFile } from '../../../../server/imports/data/read/types.ts';
import { writeWorkbook } from '../helpers.ts';

const CENTRAL = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fw-read-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function allRows(file: TabularFile, sheet = 0, batchSize = 2) {
  const rows = [];
  for await (const batch of file.batches(sheet, { batchSize })) rows.push(...batch);
  return rows;
}

/** A hand-made workbook: exactly the XML given, as other producers write it. */
async function rawWorkbook(
  name: string,
  sheetXml: string,
  extra: { sst?: string; styles?: string; workbookPr?: string } = {},
) {
  const file = path.join(dir, name);
  const out = fs.createWriteStream(file);
  const zip = new ZipWriter(out);
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  await zip.add(
    '[Content_Types].xml',
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  await zip.add(
    'xl/workbook.xml',
    `<workbook xmlns="${ns}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${extra.workbookPr ?? ''}<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  await zip.add(
    'xl/_rels/workbook.xml.rels',
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  );
  if (extra.sst) await zip.add('xl/sharedStrings.xml', `<sst xmlns="${ns}">${extra.sst}</sst>`);
  if (extra.styles) await zip.add('xl/styles.xml', `<styleSheet xmlns="${ns}">${extra.styles}</styleSheet>`);
  await zip.add(
    'xl/worksheets/sheet1.xml',
    `<worksheet xmlns="${ns}"><sheetData>${sheetXml}</sheetData></worksheet>`,
  );
  await zip.finish();
  await new Promise((resolve) => out.end(resolve));
  return file;
}

describe('streaming .xlsx reader', () => {
  it('reads what SheetJS writes: shared strings, numbers, booleans, sparse cells, row numbers', async () => {
    const file = writeWorkbook(path.join(dir, 'a.xlsx'), {
      Orders: [['订单号', 'Qty', 'OK'], ['SO-1', 3, true], [], ['SO-2', null, false], ['ＡＢＣ & <x>', 1.5]],
    });
    const xlsx = await openXlsx(file);
    expect(xlsx.sheets).toEqual([{ index: 0, name: 'Orders' }]);
    const rows = await allRows(xlsx);
    expect(rows).toEqual([
      { row: 1, cells: ['订单号', 'Qty', 'OK'] },
      { row: 2, cells: ['SO-1', 3, true] },
      { row: 4, cells: ['SO-2', null, false] },
      { row: 5, cells: ['ＡＢＣ & <x>', 1.5] },
    ]);
    await xlsx.close();
  });

  it('turns date-formatted numbers into wall-clock text, built-in and custom formats, 1900 and 1904', async () => {
    const styles =
      '<numFmts count="1"><numFmt numFmtId="170" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="170"/><xf numFmtId="4"/></cellXfs>';
    const file = await rawWorkbook(
      'dates.xlsx',
      '<row r="1"><c r="A1" s="1"><v>45356</v></c><c r="B1" s="2"><v>45356.75</v></c><c r="C1" s="3"><v>45356</v></c></row>',
      { styles },
    );
    expect((await allRows(await openXlsx(file)))[0].cells).toEqual([
      '2024-03-05',
      '2024-03-05 18:00:00',
      45356,
    ]);
    const file1904 = await rawWorkbook('d1904.xlsx', '<row r="1"><c r="A1" s="1"><v>43894</v></c></row>', {
      styles,
      workbookPr: '<workbookPr date1904="1"/>',
    });
    expect((await allRows(await openXlsx(file1904)))[0].cells).toEqual(['2024-03-05']);
  });

  it('reads inline strings, rich text runs without phonetic hints, formula results, errors and entities', async () => {
    const sst =
      '<si><r><t>北京</t></r><r><rPr><b/></rPr><t>分公司</t></r><rPh><t>ペキン</t></rPh></si><si><t xml:space="preserve"> a&amp;b_x000D_ </t></si>';
    const sheet =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>inline &lt;x&gt; &#x4E2D;</t></is></c>' +
      '<c r="D1" t="str"><f>A1&amp;B1</f><v>joined</v></c><c r="E1" t="e"><v>#N/A</v></c><c r="F1"><f>1+1</f><v>2</v></c></row>';
    const rows = await allRows(await openXlsx(await rawWorkbook('rich.xlsx', sheet, { sst })));
    expect(rows[0].cells).toEqual(['北京分公司', ' a&b\r ', 'inline <x> 中', 'joined', '#N/A', 2]);
  });

  it('reads namespace-prefixed sheet XML (x:row, x:c) as written by some generators', async () => {
    const file = await rawWorkbook(
      'prefixed.xlsx',
      '<x:row r="1"><x:c r="B1" t="inlineStr"><x:is><x:t>b</x:t></x:is></x:c></x:row>',
    );
    expect(await allRows(await openXlsx(file))).toEqual([{ row: 1, cells: [null, 'b'] }]);
  });

  it('costs nothing for empty formatted cells out to column XFD, and refuses values beyond the column limit', async () => {
    const empties = Array.from({ length: 2000 }, (_, i) => `<c r="${colName(i + 2)}1" s="1"/>`).join('');
    const wide = await rawWorkbook(
      'wide.xlsx',
      `<row r="1"><c r="A1"><v>1</v></c>${empties}<c r="XFD1" s="1"/></row>`,
    );
    expect(await allRows(await openXlsx(wide))).toEqual([{ row: 1, cells: [1] }]);
    const tooWide = await rawWorkbook(
      'toowide.xlsx',
      '<row r="1"><c r="A1"><v>1</v></c><c r="HA1"><v>2</v></c></row>',
    );
    await expect(allRows(await openXlsx(tooWide))).rejects.toMatchObject({
      reason: 'too-many-columns',
      status: 422,
    });
  });

  it('refuses more rows than the limit', async () => {
    const rows = Array.from(
      { length: 12 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
    ).join('');
    const file = await rawWorkbook('long.xlsx', rows);
    await expect(
      allRows(await openXlsx(file, { maxRows: 10, maxColumns: 200, maxPartBytes: 1 << 20 })),
    ).rejects.toMatchObject({ reason: 'too-many-rows' });
    expect(
      await allRows(await openXlsx(file, { maxRows: 12, maxColumns: 200, maxPartBytes: 1 << 20 })),
    ).toHaveLength(12);
  });

  it('refuses a part that does not inflate to the size its central directory declares', async () => {
    const rows = Array.from(
      { length: 50 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
    ).join('');
    const file = await rawWorkbook('sized.xlsx', rows);
    expect(await allRows(await openXlsx(file))).toHaveLength(50);
    for (const delta of [-1, 1]) {
      const bytes = fs.readFileSync(file);
      const name = Buffer.from('xl/worksheets/sheet1.xml');
      // each central directory record: signature PK\x01\x02, inflated size at +24, file name at +46
      for (let at = bytes.indexOf(CENTRAL); at !== -1; at = bytes.indexOf(CENTRAL, at + 4)) {
        if (bytes.subarray(at + 46, at + 46 + name.length).equals(name))
          bytes.writeUInt32LE(bytes.readUInt32LE(at + 24) + delta, at + 24);
      }
      const damaged = path.join(dir, `sized${delta}.xlsx`);
      fs.writeFileSync(damaged, bytes);
      await expect(allRows(await openXlsx(damaged))).rejects.toMatchObject({ reason: 'damaged' });
    }
  });

  it('tokenizes rows split across any chunk boundary', () => {
    const xml =
      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>北京&amp;上海</t></is></c><c r="B1"><v>12.5</v></c></row><row r="3"><c r="C3" t="b"><v>1</v></c></row></sheetData>';
    for (let size = 1; size < 40; size += 3) {
      const tokenizer = createRowTokenizer({
        strings: [],
        dateStyles: [],
        isDate1904: false,
        maxColumns: 200,
      });
      const rows = [];
      for (let i = 0; i < xml.length; i += size) rows.push(...tokenizer.feed(xml.slice(i, i + size)));
      rows.push(...tokenizer.finish());
      expect(rows).toEqual([
        { row: 1, cells: ['北京&上海', 12.5] },
        { row: 3, cells: [null, null, true] },
      ]);
    }
  });

  it('reads attributes in any order, single-quoted or spaced, and namespace-prefixed values', () => {
    const tokenizer = createRowTokenizer({
      strings: ['zero', 'one'],
      dateStyles: [false, true],
      isDate1904: false,
      maxColumns: 200,
    });
    const xml =
      "<sheetData><row spans='1:3' r='4'><c s=\"0\" t=\"s\" r=\"B4\"><v>1</v></c><c r = 'C4' t='s'><x:v>0</x:v></c><c t=\"n\" s='1' r='D4'><f>A1</f><v>45356</v></c></row></sheetData>";
    expect([...tokenizer.feed(xml), ...tokenizer.finish()]).toEqual([
      { row: 4, cells: [null, 'one', 'zero', '2024-03-05'] },
    ]);
  });

  it('recognises date formats', () => {
    expect(isDateFormatCode('yyyy-mm-dd')).toBe(true);
    expect(isDateFormatCode('[$-F800]dddd, mmmm dd, yyyy')).toBe(true);
    expect(isDateFormatCode('"年"0.00')).toBe(false);
    expect(isDateFormatCode('#,##0.00;[Red]-#,##0.00')).toBe(false);
    expect(isDateFormatCode('[h]:mm:ss')).toBe(true);
    expect(serialToText(0.5, false)).toBe('12:00:00');
  });
});

describe('CSV reader', () => {
  const write = (name: string, bytes: Buffer) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    return file;
  };

  it('detects UTF-8 with and without BOM, UTF-16 and GB18030', () => {
    expect(detectCsvEncoding(Buffer.from('\ufeffa,b', 'utf8'))).toBe('utf8');
    expect(detectCsvEncoding(Buffer.from('客户,金额', 'utf8'))).toBe('utf8');
    expect(detectCsvEncoding(iconv.encode('客户,金额', 'gbk'))).toBe('gb18030');
    expect(detectCsvEncoding(Buffer.from([0xff, 0xfe, 0x61, 0]))).toBe('utf16le');
  });

  it('reads a GBK file, keeping every value as text (leading zeros stay)', async () => {
    const file = write(
      'gbk.csv',
      iconv.encode(
        '客户,电话,编码\r\n北京分公司,13800138000,00123\r\n,,\r\n"上海, 浦东",,"a ""q"""\r\n',
        'gbk',
      ),
    );
    const rows = await allRows(await openCsv(file));
    expect(rows).toEqual([
      { row: 1, cells: ['客户', '电话', '编码'] },
      { row: 2, cells: ['北京分公司', '13800138000', '00123'] },
      { row: 4, cells: ['上海, 浦东', null, 'a "q"'] },
    ]);
  });

  it('keeps multi-byte characters whole across 64 KiB read chunks', async () => {
    const line = '北京分公司,上海分公司,广州\n';
    const body = '\ufeffa,b,c\n' + line.repeat(20_000);
    const rows = await allRows(await openCsv(write('big.csv', Buffer.from(body, 'utf8'))), 0, 5000);
    expect(rows).toHaveLength(20_001);
    expect(rows.every((r, i) => i === 0 || r.cells.join('|') === '北京分公司|上海分公司|广州')).toBe(true);
  });
});

function colName(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
