import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { csvField, csvLine, neutralize } from '../../../server/imports/export/neutralize.ts';
import { escapeXml, uniqueSheetNames, writeXlsx } from '../../../server/imports/export/xlsx-writer.ts';

async function toBuffer(write: (out: PassThrough) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await write(out);
  out.end();
  return Buffer.concat(chunks);
}

describe('formula injection', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://evil","x")'])(
    'neutralises %j with a leading apostrophe',
    (text) => {
      expect(neutralize(text)).toBe(`'${text}`);
    },
  );

  it('leaves other text alone', () => {
    expect(neutralize('ACME = best')).toBe('ACME = best');
    expect(neutralize('')).toBe('');
  });

  it('escapes CSV fields (RFC 4180) after neutralising, and leaves numbers as numbers', () => {
    expect(csvField('=cmd|" /C calc"!A0')).toBe(`"'=cmd|"" /C calc""!A0"`);
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField(-5)).toBe('-5');
    expect(csvField(true)).toBe('TRUE');
    expect(csvField(null)).toBe('');
    expect(csvLine(['x', 1, '@y'])).toBe("x,1,'@y\r\n");
  });
});

describe('#writeXlsx', () => {
  it('writes a workbook SheetJS reads back: sheets, labels, numbers, booleans, dates, text that looks like a formula stays text', async () => {
    const bytes = await toBuffer((out) =>
      writeXlsx(out, [
        {
          name: 'Orders',
          isHeaderFrozen: true,
          widths: [10, 10],
          rows: [
            [
              [
                { value: '客户', style: 'header' },
                { value: '金额', style: 'header' },
              ],
              ["'=1+1", 12.5],
              [true, { value: 45356, style: 'date' }],
            ],
          ],
        },
        {
          name: 'Items',
          rows: (async function* () {
            yield [['x']];
            yield [['y'], ['z']];
          })(),
        },
      ]),
    );
    const wb = XLSX.read(bytes, { cellDates: false });
    expect(wb.SheetNames).toEqual(['Orders', 'Items']);
    const orders = wb.Sheets.Orders;
    expect(orders.A2).toMatchObject({ t: 's', v: "'=1+1" });
    expect(orders.A2.f).toBeUndefined();
    expect(orders.B2).toMatchObject({ t: 'n', v: 12.5 });
    expect(orders.A3).toMatchObject({ t: 'b', v: true });
    expect(orders.B3).toMatchObject({ t: 'n', v: 45356, w: '2024-03-05' });
    expect(XLSX.utils.sheet_to_json(wb.Sheets.Items, { header: 1 })).toEqual([['x'], ['y'], ['z']]);
  });

  it('escapes XML and control characters', () => {
    expect(escapeXml('a<b>&"c"\u0001_x0041_')).toBe('a&lt;b&gt;&amp;&quot;c&quot;_x0001__x005F_x0041_');
  });

  it('makes sheet names Excel accepts', () => {
    expect(uniqueSheetNames(['a/b', 'A/B', 'x'.repeat(40), ''])).toEqual([
      'a b',
      'A B~2',
      'x'.repeat(31),
      'Sheet4',
    ]);
  });
});
