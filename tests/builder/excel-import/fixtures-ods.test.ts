/**
 * The fixtures' flat-ODS sources saved as .ods by LibreOffice: the .ods reader finds the
 * validations the .xlsx / .xls readers find in the fixtures built from the same sources,
 * and the imported forms get the same select fields.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { importTemplate } from '../../../builder/excel-import/index.ts';
import { walkFields } from '../../../runtime/core/index.ts';
import { createWorkbookReader, DEFAULT_LIMITS } from '../../../server/imports/workbook/index.ts';
import type { ReadResult } from '../../../server/imports/workbook/index.ts';
import { convert, requireLibreOffice } from './libreoffice.ts';

const DIR = 'templates/excel';
const SOURCES = fs.readdirSync(DIR).filter((file) => file.endsWith('.fods'));
const reader = createWorkbookReader({ ...DEFAULT_LIMITS });

describe('template sources saved as .ods', () => {
  const ods = new Map<string, ReadResult>();
  let hasLibreOffice = false;

  beforeAll(async () => {
    hasLibreOffice = requireLibreOffice();
    if (!hasLibreOffice) return;
    const sources = new Map(
      SOURCES.map((file) => [file.replace(/\.fods$/, ''), fs.readFileSync(`${DIR}/${file}`)]),
    );
    for (const [name, bytes] of convert({ workbooks: sources, from: 'fods', to: 'ods' }))
      ods.set(name, await reader.read(bytes, { mode: 'cells', filename: `${name}.ods` }));
  }, 240_000);

  it('出库单.ods: select fields from an inline list (仓库) and a range on another sheet (单位)', (ctx) => {
    if (!hasLibreOffice) ctx.skip();
    const fields = new Map(
      [...walkFields(importTemplate(ods.get('stock-out-zh')!).definition)].map(({ field, table }) => [
        table ? `${table.key}.${field.key}` : field.key,
        field,
      ]),
    );
    expect(fields.get('warehouse')).toMatchObject({
      type: 'select',
      options: [{ value: '原料仓' }, { value: '成品仓' }, { value: '备件仓' }],
    });
    expect(fields.get('items.unit')).toMatchObject({
      type: 'select',
      options: ['个', '件', '箱', '千克', '米'].map((value) => ({ value, label: value })),
    });
  });

  for (const source of SOURCES) {
    it(`${source}: the .ods has the validations of the fixture built from it`, async (ctx) => {
      if (!hasLibreOffice) ctx.skip();
      const name = source.replace(/\.fods$/, '');
      const fixture = fs
        .readdirSync(DIR)
        .find((file) => /\.xlsx?$/.test(file) && file.startsWith(`${name}.`))!;
      const expected = await reader.read(fs.readFileSync(`${DIR}/${fixture}`), { mode: 'cells' });
      const read = ods.get(name)!;
      expect(read.notes.filter((note) => !note.startsWith('cell colours'))).toEqual([]);
      expect(read.sheets.map((sheet) => [sheet.name, sheet.validations])).toEqual(
        expected.sheets.map((sheet) => [sheet.name, sheet.validations]),
      );
    });
  }
});
