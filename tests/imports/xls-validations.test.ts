import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { importTemplate } from '../../builder/excel-import/index.ts';
import { walkFields } from '../../runtime/core/index.ts';
import { readXlsValidations } from '../../server/imports/workbook/biff-validations.ts';
import { createWorkbookReader, DEFAULT_LIMITS } from '../../server/imports/workbook/index.ts';
import {
  biffStream,
  dv,
  dval,
  editWorkbookStream,
  globals,
  nestedSheetsStream,
  ptg,
  recordOffsets,
  RT,
  workbookStream,
} from './helpers/biff-craft.ts';

const STOCK_OUT = 'templates/excel/stock-out-zh.xls';
const reader = createWorkbookReader({ ...DEFAULT_LIMITS });

/** One worksheet `Form` with the given DV records, and a `Lists` sheet for 3-D references. */
function withRecords(records: Buffer[], extra: Buffer[] = []): Buffer {
  return biffStream({
    globals: [
      globals.supBook(2),
      globals.externSheet([0, 1, 1], [0, 0, 1], [1, 0, 0], [0, -1, -1]),
      ...extra,
    ],
    sheets: [
      { name: 'Form', records: [dval(records.length), ...records] },
      { name: 'Lists', records: [] },
    ],
  });
}

describe('#readXlsValidations', () => {
  it('reads an explicit list and a list on another sheet from the fixture LibreOffice wrote', () => {
    const read = readXlsValidations(workbookStream(fs.readFileSync(STOCK_OUT)));
    expect(read.notes).toEqual([]);
    expect(read.bySheet.get('出库单')).toEqual([
      { type: 'list', sqref: 'F3', formula1: '"原料仓,成品仓,备件仓"' },
      { type: 'list', sqref: 'D7:D12', formula1: '基础数据!$A$2:$A$6' },
    ]);
  });

  it('spells ranges, 3-D references and names the way the .xlsx reader does', () => {
    const stream = withRecords(
      [
        dv({ formula1: ptg.area(1, 4, 0, 0), sqref: [[2, 2, 1, 1]] }),
        dv({
          formula1: ptg.area3d(0, 1, 65535, 2, 2),
          sqref: [
            [3, 9, 1, 2],
            [0, 0, 5, 5],
          ],
        }),
        dv({ formula1: ptg.ref3d(0, 0, 0xc000), sqref: [[4, 4, 1, 1]] }),
        dv({ formula1: ptg.name(1), sqref: [[5, 5, 1, 1]] }),
        dv({ formula1: ptg.str('a"b\0c,d'), sqref: [[6, 6, 1, 1]] }),
        dv({ valType: 1, formula1: ptg.int(5), sqref: [[7, 7, 1, 1]] }),
      ],
      [globals.name('Units')],
    );
    const read = readXlsValidations(stream);
    expect(read.notes).toEqual([]);
    expect(read.bySheet.get('Form')).toEqual([
      { type: 'list', sqref: 'B3', formula1: '$A$2:$A$5' },
      { type: 'list', sqref: 'B4:C10 F1', formula1: 'Lists!$C$2:$C$65536' },
      { type: 'list', sqref: 'B5', formula1: 'Lists!A1' },
      { type: 'list', sqref: 'B6', formula1: 'Units' },
      { type: 'list', sqref: 'B7', formula1: '"a""b,c,d"' },
      { type: 'whole', sqref: 'B8' },
    ]);
  });

  it('notes every list it cannot carry over, naming the sheet and cells', () => {
    const stream = withRecords(
      [
        dv({ formula1: ptg.area3d(1, 0, 4, 0, 0), sqref: [[2, 2, 1, 1]] }),
        dv({ formula1: ptg.area3d(2, 0, 4, 0, 0), sqref: [[3, 3, 1, 1]] }),
        dv({ formula1: ptg.area3d(3, 0, 4, 0, 0), sqref: [[4, 4, 1, 1]] }),
        dv({ formula1: ptg.refErr(), sqref: [[5, 5, 1, 1]] }),
        dv({ formula1: Buffer.concat([ptg.area(0, 4, 0, 0), ptg.sum()]), sqref: [[6, 6, 1, 1]] }),
        dv({ formula1: ptg.name(9), sqref: [[7, 7, 1, 1]] }),
        dv({ formula1: ptg.area3d(7, 0, 4, 0, 0), sqref: [[8, 8, 1, 1]] }),
      ],
      [globals.supBook(1, false)],
    );
    const read = readXlsValidations(stream);
    expect(read.bySheet.get('Form') ?? []).toEqual([]);
    expect(read.notes).toEqual([
      'Form!B3: the data-validation list was left out: its source is a range across several sheets',
      'Form!B4: the data-validation list was left out: its source is a range in another workbook',
      'Form!B5: the data-validation list was left out: its source is a range on a deleted sheet',
      'Form!B6: the data-validation list was left out: its source is a deleted reference (#REF!)',
      'Form!B7: the data-validation list was left out: its source is a formula',
      'Form!B8: the data-validation list was left out: its source is a name that could not be resolved',
      'Form!B9: the data-validation list was left out: its source is a reference that could not be resolved',
    ]);
  });

  it('skips a malformed record with a note and keeps reading the next ones', () => {
    const broken = dv({ formula1: ptg.str('x'), sqref: [[1, 1, 1, 1]], prompt: 'help' });
    broken.writeUInt16LE(0xfff0, 4 + 4 + 3 + 3); // the prompt's length runs past the record
    const outside = dv({ formula1: ptg.str('x'), sqref: [[5, 1, 1, 1]] });
    const read = readXlsValidations(
      withRecords([broken, outside, dv({ formula1: ptg.str('a\0b'), sqref: [[2, 2, 1, 1]] })]),
    );
    expect(read.bySheet.get('Form')).toEqual([{ type: 'list', sqref: 'B3', formula1: '"a,b"' }]);
    expect(read.notes).toHaveLength(2);
    expect(read.notes[0]).toMatch(
      /^Form: a malformed data-validation record \(at byte \d+ of the workbook stream\) was skipped$/,
    );
  });

  it('notes a stream it cannot walk instead of throwing: bad offsets, cut records, no BIFF8', () => {
    const stream = withRecords([dv({ formula1: ptg.str('a'), sqref: [[1, 1, 1, 1]] })]);
    const [sheetAt] = recordOffsets(stream, RT.BOUNDSHEET8);
    const badOffset = Buffer.from(stream);
    badOffset.writeUInt32LE(stream.length + 100, sheetAt + 4);
    expect(readXlsValidations(badOffset).notes).toEqual([
      'Form: data validations were not read: its substream has no BOF record',
    ]);
    const cut = stream.subarray(0, stream.length - 22);
    expect(readXlsValidations(cut).notes).toEqual([
      'Lists: data validations were not read: its substream has no BOF record',
    ]);
    const [dvAt] = recordOffsets(stream, RT.DV);
    expect(readXlsValidations(stream.subarray(0, dvAt + 20)).notes).toEqual([
      'Form: the sheet is damaged; data validations after the damage were not read',
      'Lists: data validations were not read: its substream has no BOF record',
    ]);
    const biff5 = Buffer.from(stream);
    biff5.writeUInt16LE(0x0500, 4);
    expect(readXlsValidations(biff5).notes).toEqual([
      'data validations were not read: the file is in the Excel 95 format or older',
    ]);
  });

  it('walks sheets whose substreams nest in one another in linear time', () => {
    const stream = nestedSheetsStream(20_000);
    const started = performance.now();
    const read = readXlsValidations(stream);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(read.bySheet.size).toBe(0);
    expect(read.notes.length).toBeLessThanOrEqual(21);
  });

  it('never throws on a randomly damaged DV record', () => {
    const stream = withRecords([
      dv({ formula1: ptg.area3d(0, 1, 4, 0, 0), sqref: [[1, 1, 1, 1]], prompt: '请选择' }),
      dv({ formula1: ptg.str('a\0b'), sqref: [[2, 2, 1, 1]] }),
    ]);
    const [first] = recordOffsets(stream, RT.DV);
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 2000; i++) {
      const copy = Buffer.from(stream);
      for (let j = 0; j < 3; j++) copy[first + 4 + Math.floor(random() * 60)] = Math.floor(random() * 256);
      expect(() => readXlsValidations(copy)).not.toThrow();
    }
  });
});

describe('.xls validations through the reader', () => {
  it('become select fields: an inline list and a range on another sheet', async () => {
    const workbook = await reader.read(fs.readFileSync(STOCK_OUT), { mode: 'cells' });
    const fields = [...walkFields(importTemplate(workbook).definition)].map(({ field }) => field);
    expect(fields.find((f) => f.label === '仓库')).toMatchObject({
      type: 'select',
      options: [{ value: '原料仓' }, { value: '成品仓' }, { value: '备件仓' }],
    });
    expect(fields.find((f) => f.label === '单位')).toMatchObject({
      type: 'select',
      options: ['个', '件', '箱', '千克', '米'].map((value) => ({ value, label: value })),
    });
  });

  it('turn a malformed DV record into a report warning, and the import still succeeds', async () => {
    const xls = editWorkbookStream(fs.readFileSync(STOCK_OUT), (stream) => {
      const [, second] = recordOffsets(stream, RT.DV);
      stream.writeUInt16LE(0xffff, second + 8); // the prompt title's length
    });
    const workbook = await reader.read(xls, { mode: 'cells' });
    const result = importTemplate(workbook);
    expect(result.report.warnings).toContainEqual({
      cell: '出库单',
      code: 'reader-note',
      message: expect.stringMatching(/^出库单: a malformed data-validation record .* was skipped$/),
    });
    const fields = [...walkFields(result.definition)].map(({ field }) => field);
    expect(fields.find((f) => f.label === '仓库')).toMatchObject({ type: 'select' });
    expect(fields.find((f) => f.label === '单位')?.type).not.toBe('select');
  });
});
