import { describe, expect, it } from 'vitest';
import {
  applyEdits,
  canBeRequired,
  compilePreview,
  convertFieldType,
  referencedNames,
  typeChoices,
  typeChoicesOf,
} from '../../../builder/template-review/index.ts';
import { walkFields } from '../../../runtime/core/index.ts';
import type { FieldDefinition, ScalarFieldDefinition } from '../../../runtime/core/index.ts';
import { importFixture } from './fixtures.ts';

const field = (f: Record<string, unknown>) => f as unknown as ScalarFieldDefinition;

describe('typeChoices', () => {
  it('offers text, number and date types for an input the importer guessed as text, its own type first', () => {
    const choices = typeChoices(field({ key: 'phone', label: 'Phone', type: 'text' }), { isColumn: false });
    expect(choices[0]).toBe('text');
    expect(choices).toEqual(
      expect.arrayContaining(['textarea', 'phone', 'email', 'uscc', 'number', 'money', 'date']),
    );
    expect(choices).not.toContain('select');
    expect(choices).not.toContain('serial');
  });

  it('keeps a computed field to the kind of value its formula makes', () => {
    const amount = field({ key: 'amount', label: 'Amount', type: 'money', formula: 'qty * price' });
    expect(typeChoices(amount, { isColumn: true })).toEqual(['money', 'number', 'percent']);
    const code = field({ key: 'code', label: 'Code', type: 'text', formula: 'CONCATENATE(a, b)' });
    expect(typeChoices(code, { isColumn: false })).toEqual(['text', 'textarea']);
  });

  it('offers select only to fields that came with options', () => {
    const pay = field({ key: 'pay', label: 'Pay', type: 'select', options: [{ value: 'a', label: 'a' }] });
    expect(typeChoices(pay, { isColumn: false })).toEqual(['select', 'multiselect', 'text']);
  });

  it('offers no type change for layout fields and tables', () => {
    const section = { key: 's', label: 'S', type: 'section', fields: [] } as FieldDefinition;
    const table = { key: 't', label: 'T', type: 'table', columns: [] } as FieldDefinition;
    expect(typeChoices(section, { isColumn: false })).toEqual([]);
    expect(typeChoices(table, { isColumn: false })).toEqual([]);
    expect(canBeRequired(section)).toBe(false);
    expect(canBeRequired(field({ key: 'x', label: 'X', type: 'number', formula: 'a + 1' }))).toBe(false);
    expect(canBeRequired(field({ key: 'x', label: 'X', type: 'number' }))).toBe(true);
  });
});

describe('convertFieldType', () => {
  it('keeps the properties the new type takes and drops the rest', () => {
    const qty = field({
      key: 'qty',
      label: 'Qty',
      type: 'number',
      precision: 0,
      unit: 'pcs',
      required: true,
    });
    expect(convertFieldType(qty, 'money')).toEqual({
      key: 'qty',
      label: 'Qty',
      type: 'money',
      precision: 0,
      required: true,
    });
    expect(convertFieldType(qty, 'text')).toEqual({ key: 'qty', label: 'Qty', type: 'text', required: true });
  });

  it('carries a default value over only where it means the same', () => {
    const rate = field({ key: 'rate', label: 'Rate', type: 'percent', defaultValue: 0.13 });
    expect(convertFieldType(rate, 'number')).not.toHaveProperty('defaultValue');
    const price = field({ key: 'price', label: 'Price', type: 'number', defaultValue: 5 });
    expect(convertFieldType(price, 'money')).toMatchObject({ defaultValue: 5 });
    const pay = field({
      key: 'pay',
      label: 'Pay',
      type: 'select',
      display: 'radio',
      options: [{ value: 'a', label: 'A' }],
      defaultValue: 'a',
    });
    expect(convertFieldType(pay, 'multiselect')).toEqual({
      key: 'pay',
      label: 'Pay',
      type: 'multiselect',
      options: [{ value: 'a', label: 'A' }],
      defaultValue: ['a'],
    });
    expect(convertFieldType(pay, 'text')).toEqual({
      key: 'pay',
      label: 'Pay',
      type: 'text',
      defaultValue: 'a',
    });
  });

  it('returns the field itself when the type does not change', () => {
    const f = field({ key: 'a', label: 'A', type: 'text' });
    expect(convertFieldType(f, 'text')).toBe(f);
  });

  it.each([
    'sales-order-zh.xlsx',
    'purchase-order-en.xlsx',
    'rma-en.xlsx',
    'customer-master-zh.xlsx',
    'price-list-zh.xlsx',
    'stock-out-zh.xls',
  ])('every type offered for a field of %s compiles without formula problems', async (file) => {
    const { definition } = await importFixture(file);
    for (const [path, choices] of typeChoicesOf(definition)) {
      for (const type of choices) {
        const result = compilePreview(applyEdits(definition, { [path]: { type } }));
        const problems = result.isValid ? result.formulaProblems : result.problems;
        expect(problems, `${path} → ${type}`).toEqual([]);
      }
    }
  });
});

describe('typeChoicesOf', () => {
  it('keeps fields that formulas or totals read to their kind of value', async () => {
    const { definition } = await importFixture('sales-order-zh.xlsx');
    const choices = typeChoicesOf(definition);
    const at = (key: string) => {
      for (const { field, path, table } of walkFields(definition))
        if ((table ? `${table.key}.${field.key}` : field.key) === key) return choices.get(path);
      throw new Error(`no field ${key}`);
    };
    expect(at('productItems.price')).toEqual(['money', 'number', 'percent']); // read by amount
    expect(at('productItems.qty')).toEqual(['number', 'money', 'percent']); // summed in the footer
    expect(at('taxRate')).toEqual(['percent', 'number', 'money']);
    expect(at('productItems.spec')).toContain('number'); // nobody reads it
    expect(at('remarks')).toContain('text');
    expect(at('productItems')).toEqual([]);
  });
});

describe('referencedNames', () => {
  it('names header fields, whole columns and sibling columns of row formulas', () => {
    const names = referencedNames({
      fields: [
        { key: 'a', label: 'A', type: 'number', formula: 'b + SUM(items.qty)' },
        {
          key: 'items',
          label: 'Items',
          type: 'table',
          columns: [{ key: 'qty', label: 'Qty', type: 'number', visibleIf: 'price > 0' }],
        },
        { key: 'bad', label: 'Bad', type: 'text', formula: '((' },
      ],
    } as never);
    expect([...names].sort()).toEqual(['b', 'items.price', 'items.qty', 'price']);
  });
});
