import { describe, expect, it } from 'vitest';
import { encodeRange } from '../../../builder/excel-import/cell-address.ts';
import type { CellValue } from '../../../builder/excel-import/sheet-model.ts';
import type { RefResolver } from '../../../builder/excel-import/translate-formula.ts';
import { translateFormula, Untranslatable } from '../../../builder/excel-import/translate-formula.ts';

/** An order sheet: line items D8:F20 (qty, price, amount), subtotal in F21, a tier table on "Tiers". */
function resolver(scope: 'row' | 'header' = 'header'): RefResolver {
  const fields: Record<string, string> = { F21: 'subtotal', B3: 'taxRate', B4: 'customer' };
  const columns: Record<string, string> = { D: 'qty', E: 'price', F: 'amount' };
  const tiers: CellValue[][] = [
    [0, 0],
    [100, 0.05],
    [500, 0.1],
  ];
  return {
    cell(sheet, range) {
      const address = encodeRange(range);
      if (sheet === 'Rates') return { kind: 'constant', value: 0.13 };
      if (fields[address]) return { kind: 'key', key: fields[address] };
      const column = columns[address[0]];
      if (column && range.s.r === 7 && scope === 'row') return { kind: 'key', key: column };
      if (column) return { kind: 'none', why: 'is one line-item cell' };
      return { kind: 'none', why: 'is an empty cell that is not an input field' };
    },
    range(sheet, range) {
      if (sheet === 'Tiers') return { kind: 'constants', rows: tiers };
      const address = encodeRange(range);
      if (address === 'F8:F20') return { kind: 'column', path: 'items.amount' };
      return { kind: 'none', why: 'covers only part of a line-item table' };
    },
    name: (name) => (name.toLowerCase() === 'taxrate' ? 'Sheet1!$B$3' : null),
    row: () => (scope === 'row' ? '(ROW() + 7)' : '21'),
    externalName: (id) => (id === '1' ? 'rates.xlsx' : id),
  };
}

describe('#translateFormula', () => {
  it('rewrites same-row cells of a line item to sibling column keys', () => {
    expect(translateFormula('D8*E8', resolver('row'))).toBe('qty * price');
    expect(translateFormula('$D$8*$E$8', resolver('row'))).toBe('qty * price');
  });

  it('rewrites a column range to table.column and header cells to keys', () => {
    expect(translateFormula('SUM(F8:F20)', resolver())).toBe('SUM(items.amount)');
    expect(translateFormula('=F21*0.13', resolver())).toBe('subtotal * 0.13');
    expect(translateFormula('ROUND(F21*TaxRate,2)', resolver())).toBe('ROUND(subtotal * taxRate, 2)');
  });

  it('inlines a cross-sheet constant and turns VLOOKUP over a constant table into LOOKUP', () => {
    expect(translateFormula('F21*Rates!B2', resolver())).toBe('subtotal * 0.13');
    expect(translateFormula('VLOOKUP(D8,Tiers!$A$1:$B$3,2,TRUE)', resolver('row'))).toBe(
      'LOOKUP(qty, {0, 100, 500}, {0, 0.05, 0.1})',
    );
    expect(translateFormula('VLOOKUP(D8,Tiers!$A$1:$B$3,2)', resolver('row'))).toBe(
      'LOOKUP(qty, {0, 100, 500}, {0, 0.05, 0.1})',
    );
    expect(translateFormula('VLOOKUP(D8,Tiers!$A$1:$B$3,2,0)', resolver('row'))).toBe(
      'INDEX({0, 0.05, 0.1}, MATCH(qty, {0, 100, 500}, 0))',
    );
  });

  it("maps Excel's ROW() to the line number plus the table's offset", () => {
    expect(translateFormula('ROW()-7', resolver('row'))).toBe('(ROW() + 7) - 7');
  });

  it('keeps text, booleans, percent and comparison operators', () => {
    expect(translateFormula('IF(B4="VIP",TRUE,FALSE)', resolver())).toBe('IF(customer = "VIP", TRUE, FALSE)');
    expect(translateFormula('F21*13%', resolver())).toBe('subtotal * 13%');
    expect(translateFormula('_xlfn.IFS(F21>0,1)', resolver())).toBe('IFS(subtotal > 0, 1)');
  });

  it('refuses references it cannot express, naming the reason', () => {
    const attempt = (formula: string, scope: 'row' | 'header' = 'header') => {
      try {
        translateFormula(formula, resolver(scope));
        return null;
      } catch (error) {
        expect(error).toBeInstanceOf(Untranslatable);
        return error as Untranslatable;
      }
    };
    expect(attempt('[1]Daily!$B$2*F21')).toMatchObject({
      code: 'external-reference',
      message: expect.stringContaining('rates.xlsx'),
    });
    expect(attempt('F8*2')).toMatchObject({
      code: 'unsupported-reference',
      message: expect.stringContaining('line-item cell'),
    });
    expect(attempt('SUM(F8:F10)')).toMatchObject({ code: 'unsupported-reference' });
    expect(attempt('Margin*2')).toMatchObject({ code: 'unknown-name' });
    expect(attempt('SUM({1,2;3,4})')).toMatchObject({ code: 'unsupported-syntax' });
    expect(attempt('COLUMN()')).toMatchObject({ code: 'unsupported-syntax' });
    expect(attempt('A1+#REF!')).toMatchObject({ code: 'unsupported-reference' });
  });
});
