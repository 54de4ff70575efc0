import { describe, expect, it } from 'vitest';
import { importTemplate, TemplateImportError } from '../../../builder/excel-import/index.ts';
import { compileForm, validateFormDefinition, walkFields } from '../../../runtime/core/index.ts';
import type { FieldDefinition, FormDefinition } from '../../../runtime/core/index.ts';
import { compileProgram } from '../../../runtime/core/formula/index.ts';
import { sheet, workbook } from './sheet-helpers.ts';

const order = sheet(
  'Order',
  {
    A1: 'Sales Order',
    A3: 'Customer:',
    B3: null,
    D3: 'Tax Rate:',
    E3: { v: 0.13, t: 'n', z: '0%' },
    A5: 'Item',
    B5: 'Qty',
    C5: 'Price',
    D5: 'Amount',
    D6: '=B6*C6',
    D7: '=B7*C7',
    D8: '=B8*C8',
    A9: 'Subtotal',
    D9: '=SUM(D6:D8)',
    C10: 'Tax:',
    D10: '=D9*$E$3',
    C11: 'Freight:',
    D11: "='[1]Rates'!$B$2*D9",
    C12: 'In words:',
    D12: '=NUMBERSTRING(D9,2)',
  },
  { merges: ['A1:D1'] },
);

function byKey(def: FormDefinition): Map<string, FieldDefinition> {
  const map = new Map<string, FieldDefinition>();
  for (const { field, table } of walkFields(def))
    map.set(table ? `${table.key}.${field.key}` : field.key, field);
  return map;
}

describe('#importTemplate', () => {
  it('produces a definition that validates, compiles and whose formulas pass the checker', () => {
    const { definition, report, sheets } = importTemplate(workbook([order]));
    expect(sheets).toEqual(['Order']);
    expect(validateFormDefinition(definition)).toEqual([]);
    const compiled = compileForm(definition);
    expect(compileProgram(compiled.formulaModel).diagnostics).toEqual([]);
    const fields = byKey(definition);
    expect(fields.get('items.amount')).toMatchObject({ formula: 'qty * price' });
    expect(fields.get('subtotal')).toMatchObject({ formula: 'SUM(items.amount)' });
    expect(fields.get('tax')).toMatchObject({ formula: 'subtotal * taxRate' });
    expect(report.elements.find((e) => e.key === 'items.qty')).toMatchObject({
      kind: 'column',
      sourceCell: 'Order!B6',
    });
  });

  it('keeps an external-workbook formula as text with a warning naming the cell', () => {
    const { definition, report } = importTemplate(workbook([order]));
    const freight = byKey(definition).get('freight')!;
    expect('formula' in freight && freight.formula).toBeFalsy();
    expect(freight.description).toContain("='[1]Rates'!$B$2*D9");
    expect(report.warnings).toContainEqual(
      expect.objectContaining({ cell: 'Order!D11', code: 'external-reference' }),
    );
  });

  it('keeps a formula the checker refuses (unknown function) as text, never dropping it', () => {
    const { definition, report } = importTemplate(workbook([order]));
    const words = byKey(definition).get('inWords')!;
    expect(words.description).toContain('=NUMBERSTRING(D9,2)');
    expect(report.warnings).toContainEqual(
      expect.objectContaining({
        cell: 'Order!D12',
        code: 'formula-check-failed',
        message: expect.stringContaining('NUMBERSTRING'),
      }),
    );
  });

  it('breaks a circular pair of formulas by keeping one as text', () => {
    const loop = sheet('x', { A1: 'A:', B1: '=B2+1', A2: 'B:', B2: '=B1+1' });
    const { definition, report } = importTemplate(workbook([loop]));
    expect(validateFormDefinition(definition)).toEqual([]);
    expect(compileProgram(compileForm(definition).formulaModel).diagnostics).toEqual([]);
    expect(report.warnings.filter((w) => w.code === 'formula-check-failed')).toHaveLength(1);
  });

  it('never turns hostile header names into object keys', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const hostile = sheet('CSV', {
      A1: '__proto__',
      B1: 'constructor',
      C1: '$where',
      D1: 'Name',
      A2: 'x',
      B2: 'y',
      C2: 'z',
      D2: 'n',
      A3: 'x',
      B3: 'y',
      C3: 'z',
      D3: 'n',
    });
    const { definition, report } = importTemplate(workbook([hostile]));
    expect(validateFormDefinition(definition)).toEqual([]);
    const keys = [...walkFields(definition)].map(({ field }) => field.key);
    expect(keys).toEqual(['proto', 'field_1', 'where', 'name']);
    expect(report.warnings.filter((w) => w.code === 'unsafe-name').map((w) => w.cell)).toEqual([
      'CSV!A1',
      'CSV!B1',
      'CSV!C1',
    ]);
    expect(JSON.stringify(definition)).not.toMatch(/"(__proto__|constructor|\$where)":/);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('imports several sheets as sections and rejects an unknown sheet name', () => {
    const other = sheet('Shipping', { A1: 'Carrier:', B1: null });
    const { definition } = importTemplate(workbook([order, other]), { sheets: ['Order', 'shipping'] });
    expect(definition.fields.map((f) => [f.type, f.label])).toEqual([
      ['section', 'Order'],
      ['section', 'Shipping'],
    ]);
    expect(() => importTemplate(workbook([order]), { sheets: ['Nope'] })).toThrow(TemplateImportError);
  });

  it('turns reader notes into warnings and refuses an empty template', () => {
    const { report } = importTemplate({
      ...workbook([order]),
      notes: ['cell colours are not read from .xls files'],
    });
    expect(report.warnings[0]).toMatchObject({ code: 'reader-note' });
    expect(() => importTemplate(workbook([sheet('Blank', {})]))).toThrow(/no labels, inputs or tables/);
  });
});
