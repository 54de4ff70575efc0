import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../server/imports/workbook/limits.ts';
import { inspectZip } from '../../server/imports/workbook/zip-inspect.ts';
import { craftZip } from './helpers/zip-craft.ts';
import { xlsxFromRows, zipBomb } from './helpers/workbooks.ts';

const limits = { ...DEFAULT_LIMITS };
const workbookParts = [
  { name: '[Content_Types].xml', data: '<Types/>' },
  { name: 'xl/workbook.xml', data: '<workbook/>' },
];

async function reason(bytes: Buffer, overrides: Partial<typeof limits> = {}): Promise<string> {
  try {
    await inspectZip(bytes, { ...limits, ...overrides });
    return 'accepted';
  } catch (error) {
    return `${(error as { reason: string }).reason}: ${(error as Error).message}`;
  }
}

describe('#inspectZip', () => {
  it('accepts an .xlsx and names the package type', async () => {
    await expect(inspectZip(xlsxFromRows([['a', 1]]), limits)).resolves.toMatchObject({ format: 'xlsx' });
    const ods = craftZip([
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', method: 'store' },
      { name: 'content.xml', data: '<x/>' },
    ]);
    await expect(inspectZip(ods, limits)).resolves.toMatchObject({ format: 'ods' });
  });

  it('refuses a zip bomb by its compression ratio before inflating it', async () => {
    expect(await reason(zipBomb())).toMatch(/^zip-bomb: .*compressed \d+:1 \(the limit is 200:1\)/);
  });

  it('refuses a zip whose entries add up past the inflated-size limit', async () => {
    const big = craftZip([
      ...workbookParts,
      { name: 'xl/worksheets/sheet1.xml', data: 'x'.repeat(3000), method: 'store' },
    ]);
    expect(await reason(big, { maxUnzippedBytes: 2000 })).toBe(
      'zip-bomb: The file was refused as a zip bomb: it would inflate to more than 2 KB',
    );
  });

  it('catches sizes that lie: an entry inflating past what its headers declare', async () => {
    const lying = craftZip([
      ...workbookParts,
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(200_000, 0x41), declaredSize: 100 },
    ]);
    expect(await reason(lying)).toMatch(/^zip-bomb: .*declared size/);
  });

  it('refuses central and local headers that disagree', async () => {
    const split = craftZip([
      ...workbookParts,
      { name: 'xl/worksheets/sheet1.xml', data: 'abc', localSize: 999 },
    ]);
    expect(await reason(split)).toBe(
      'zip-bomb: The file was refused as a zip bomb: the central directory and the local header of "xl/worksheets/sheet1.xml" disagree',
    );
  });

  it('refuses overlapping entries (many directory entries sharing one body)', async () => {
    const overlap = craftZip(
      [
        { name: 'xl/worksheets/sheet1.xml', data: 'a'.repeat(5000) },
        { name: 'xl/worksheets/sheet1.xml', data: 'a'.repeat(5000) },
      ],
      { overlap: true },
    );
    expect(await reason(overlap)).toMatch(/^zip-bomb: .*overlap/);
  });

  it('refuses too many entries, encrypted entries, truncated zips and non-spreadsheet zips', async () => {
    const many = craftZip(
      Array.from({ length: 30 }, (_, i) => ({ name: `f${i}`, data: 'x', method: 'store' as const })),
    );
    expect(await reason(many, { maxZipEntries: 20 })).toMatch(/^zip-bomb: .*30 entries/);
    expect(await reason(craftZip([{ name: 'xl/workbook.xml', data: 'x', flags: 0x0801 }]))).toMatch(
      /^encrypted/,
    );
    const whole = xlsxFromRows([['a', 1]]);
    expect(await reason(whole.subarray(0, Math.floor(whole.length / 2)))).toMatch(
      /^damaged: The file is truncated or damaged/,
    );
    expect(await reason(craftZip([{ name: 'word/document.xml', data: '<w/>' }]))).toMatch(
      /^not-a-spreadsheet: The file is a Word document/,
    );
    const odsLocked = craftZip([
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', method: 'store' },
      {
        name: 'META-INF/manifest.xml',
        data: '<manifest:file-entry><manifest:encryption-data/></manifest:file-entry>',
      },
    ]);
    expect(await reason(odsLocked)).toMatch(/^encrypted/);
  });
});
