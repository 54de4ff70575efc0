import { describe, expect, it } from 'vitest';
import { ExcelFormulaError, parseExcelFormula } from '../../../builder/excel-import/excel-formula.ts';

describe('#parseExcelFormula', () => {
  it('reads A1 references, absolute references and ranges', () => {
    expect(parseExcelFormula('D8*$E$8')).toMatchObject({
      kind: 'binary',
      ops: ['*'],
      operands: [
        { kind: 'ref', range: { s: { r: 7, c: 3 } } },
        { kind: 'ref', range: { s: { r: 7, c: 4 } } },
      ],
    });
    expect(parseExcelFormula('SUM(F8:F20)')).toMatchObject({
      kind: 'call',
      name: 'SUM',
      args: [{ kind: 'ref', range: { e: { r: 19, c: 5 } } }],
    });
  });

  it('reads sheet-qualified references, quoted and unquoted, CJK included', () => {
    expect(parseExcelFormula("'Price List'!$A$2:$B$9")).toMatchObject({ kind: 'ref', sheet: 'Price List' });
    expect(parseExcelFormula('折扣档!A3')).toMatchObject({ kind: 'ref', sheet: '折扣档' });
    expect(parseExcelFormula("'It''s'!A1")).toMatchObject({ sheet: "It's" });
  });

  it("reads LibreOffice's ODF references and its `:.` range quirk", () => {
    expect(parseExcelFormula('[.A6]*[.$B$6]')).toMatchObject({
      kind: 'binary',
      operands: [{ kind: 'ref' }, { kind: 'ref' }],
    });
    expect(parseExcelFormula('[$列表.$A$1:.$A$3]')).toMatchObject({
      kind: 'ref',
      sheet: '列表',
      range: { e: { r: 2, c: 0 } },
    });
    expect(parseExcelFormula('列表!$A$1:.$A$3')).toMatchObject({
      kind: 'ref',
      sheet: '列表',
      range: { e: { r: 2 } },
    });
  });

  it('marks references into other workbooks', () => {
    expect(parseExcelFormula('[1]Sheet1!A1')).toMatchObject({ kind: 'ref', external: '1', sheet: 'Sheet1' });
    expect(parseExcelFormula("'C:\\fin\\[rates.xlsx]Daily'!$B$2")).toMatchObject({
      external: 'C:\\fin\\rates.xlsx',
      sheet: 'Daily',
    });
    expect(parseExcelFormula("['file:///rates.ods'#$Daily.B2]")).toMatchObject({
      external: 'file:///rates.ods',
    });
  });

  it('tells names and functions from cells (LOG10( is a call, TaxRate a name)', () => {
    expect(parseExcelFormula('LOG10(100)+TaxRate')).toMatchObject({
      operands: [
        { kind: 'call', name: 'LOG10' },
        { kind: 'name', name: 'TaxRate' },
      ],
    });
    expect(parseExcelFormula('_xlfn.XLOOKUP(A1,B:B,C:C)')).toMatchObject({
      kind: 'call',
      name: '_XLFN.XLOOKUP',
    });
  });

  it('keeps strings, percents, arrays and empty arguments', () => {
    expect(parseExcelFormula('IF(A1="是",,"x""y")')).toMatchObject({
      args: [{ kind: 'binary' }, { kind: 'empty' }, { kind: 'string', value: 'x"y' }],
    });
    expect(parseExcelFormula('A1*13%')).toMatchObject({ operands: [{}, { kind: 'percent' }] });
    expect(parseExcelFormula('{1,2;3,4}')).toMatchObject({
      kind: 'array',
      rows: [
        [{}, {}],
        [{}, {}],
      ],
    });
  });

  it('throws ExcelFormulaError on malformed text', () => {
    expect(() => parseExcelFormula('SUM(A1')).toThrow(ExcelFormulaError);
    expect(() => parseExcelFormula('"open')).toThrow(ExcelFormulaError);
  });
});
