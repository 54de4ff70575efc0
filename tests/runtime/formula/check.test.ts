import { describe, expect, it } from 'vitest';
import { compileProgram } from '../../../runtime/core/formula/engine.ts';
import type { Diagnostic, FormulaFieldModel, FormulaModel } from '../../../runtime/core/formula/model.ts';
import { TEST_FUNCTIONS } from './fixtures/functions.ts';

const ITEMS = {
  key: 'items',
  columns: [
    { key: 'sku', type: 'text' },
    { key: 'qty', type: 'number' },
    { key: 'price', type: 'money' },
    { key: 'amount', type: 'money', formula: 'qty * price' },
  ],
} as const;

/** Diagnostics for a model of header fields + the items table, with `extra` header fields. */
function check(extra: FormulaFieldModel[], model: Partial<FormulaModel> = {}): Diagnostic[] {
  const base: FormulaModel = {
    fields: [
      { key: 'customer', type: 'text' },
      { key: 'subtotal', type: 'money', formula: 'SUM(items.amount)' },
      { key: 'rate', type: 'percent' },
      ...extra,
    ],
    tables: [{ key: ITEMS.key, columns: [...ITEMS.columns] }],
    ...model,
  };
  return compileProgram(base, { functions: TEST_FUNCTIONS }).diagnostics;
}

const only = (formula: string): Diagnostic[] => check([{ key: 'x', type: 'number', formula }]);

describe('checker', () => {
  it('accepts a sound model', () => {
    const result = compileProgram(
      {
        fields: [{ key: 'subtotal', type: 'money', formula: 'SUM(items.amount)' }],
        tables: [{ key: 'items', columns: [...ITEMS.columns] }],
      },
      { functions: TEST_FUNCTIONS },
    );
    expect(result.ok).toBe(true);
    expect(result.diagnostics).toEqual([]);
  });

  it('reports syntax errors with their position', () => {
    expect(only('ROUND(subtotal, 2')).toEqual([
      { code: 'syntax', message: 'expected ")" at 17', position: 17, fieldKey: 'x' },
    ]);
  });

  it('names an unknown field and suggests the closest key', () => {
    expect(only('subtotl * 2')).toEqual([
      {
        code: 'unknown-field',
        message: 'unknown field `subtotl`; did you mean `subtotal`?',
        position: 0,
        end: 7,
        fieldKey: 'x',
      },
    ]);
    expect(only('zzzzzz')[0].message).toBe('unknown field `zzzzzz`');
  });

  it('names an unknown table or column', () => {
    expect(only('SUM(itms.amount)')[0].message).toBe('unknown table `itms`; did you mean `items`?');
    expect(only('SUM(items.amout)')[0]).toMatchObject({
      code: 'unknown-field',
      message: 'table `items` has no column `amout`; did you mean `amount`?',
      position: 4,
    });
  });

  it('names an unknown function and suggests one', () => {
    expect(only('SUMM(1, 2)')).toEqual([
      {
        code: 'unknown-function',
        message: 'unknown function SUMM; did you mean `SUM`?',
        position: 0,
        end: 4,
        fieldKey: 'x',
      },
    ]);
  });

  it('checks argument counts', () => {
    expect(only('ROUND(subtotal, 2, 3)')[0]).toMatchObject({
      code: 'arg-count',
      message: 'ROUND expects 1 to 2 arguments, got 3',
      position: 0,
    });
    expect(only('SUM()')[0].message).toBe('SUM expects at least 1 argument, got 0');
    expect(only('LEN()')[0].message).toBe('LEN expects 1 argument, got 0');
    expect(only('TODAY(1)')[0].message).toBe('TODAY expects no arguments, got 1');
  });

  it('flags a text literal where a number is required', () => {
    expect(only('ROUND("abc", 2)')[0]).toMatchObject({
      code: 'type-mismatch',
      message: 'ROUND argument 1 expects a number, got text "abc"',
      position: 6,
    });
    expect(only('"abc" * 2')[0].message).toBe('text "abc" cannot be used in arithmetic');
    expect(only('"12" * 2')).toEqual([]);
    expect(only('IF("maybe", 1, 2)')[0].message).toBe(
      'IF argument 1 expects TRUE or FALSE, got text "maybe"',
    );
  });

  it('flags arithmetic on a text field', () => {
    expect(only('customer + 1')[0]).toMatchObject({
      code: 'type-mismatch',
      message: '`customer` (a text field) cannot be used in arithmetic',
      position: 0,
    });
    expect(only('ROUND(customer, 2)')[0].message).toBe(
      'ROUND argument 1 expects a number, got `customer` (a text field)',
    );
    expect(only('customer & 1')).toEqual([]);
  });

  it('allows a column only inside a function that takes arrays', () => {
    expect(only('SUM(items.amount) + SUMPRODUCT(items.qty, items.price)')).toEqual([]);
    expect(only('SUM(items.qty * items.price)')).toEqual([]);
    expect(only('items.amount * 2')[0]).toMatchObject({
      code: 'column-outside-aggregate',
      message:
        '`items.amount` is a column (one value per row); use it inside an aggregate such as SUM(items.amount)',
      position: 0,
    });
    expect(only('ROUND(items.amount, 2)')[0]).toMatchObject({
      code: 'column-outside-aggregate',
      position: 6,
    });
  });

  it('lets a multiselect/other field hold a list', () => {
    expect(check([{ key: 'list', type: 'other', formula: 'items.sku' }])).toEqual([]);
  });

  it('keeps row-scope references inside their table', () => {
    expect(only('qty * 2')[0]).toMatchObject({
      code: 'row-scope',
      message:
        '`qty` is a column of table `items`; only its own column formulas can use it by itself — use `items.qty` inside an aggregate such as SUM(items.qty)',
    });
    const other = check([], {
      tables: [
        { key: ITEMS.key, columns: [...ITEMS.columns] },
        { key: 'fees', columns: [{ key: 'fee', type: 'money', formula: 'qty * 2' }] },
      ],
    });
    expect(other).toMatchObject([{ code: 'row-scope', fieldKey: 'fees.fee' }]);
    expect(other[0].message).toContain('only column formulas of `items` can use it by itself');
  });

  it('explains a bare table name where a whole table cannot go', () => {
    const message =
      '`items` is a table; refer to one of its columns, e.g. `items.sku`, ' +
      'or pass the whole table where a function takes a table, e.g. VLOOKUP(…, items, 2, FALSE)';
    expect(only('SUM(items)')).toEqual([
      { code: 'table-reference', message, position: 4, end: 9, fieldKey: 'x' },
    ]);
    expect(only('items + 1')[0]).toMatchObject({ code: 'table-reference', position: 0 });
    expect(only('IF(TRUE, items, 1)')[0]).toMatchObject({ code: 'table-reference', position: 9 });
  });

  it('accepts a bare table name as an argument that takes an array', () => {
    expect(only('SUMPRODUCT(items)')).toEqual([]);
  });

  it('allows ROW() only in column formulas', () => {
    expect(only('ROW()')[0]).toMatchObject({ code: 'row-function' });
    const inTable = check([], {
      tables: [
        { key: 'items', columns: [...ITEMS.columns, { key: 'line', type: 'number', formula: 'ROW()' }] },
      ],
    });
    expect(inTable).toEqual([]);
  });

  it('names a cycle as a path', () => {
    const diagnostics = check([
      { key: 'total', type: 'money', formula: 'subtotal + tax' },
      { key: 'tax', type: 'money', formula: 'total * rate' },
    ]);
    expect(diagnostics).toEqual([
      { code: 'cycle', message: 'circular reference: total → tax → total', position: 11, fieldKey: 'total' },
    ]);
  });

  it('names a self reference and a cycle through a column', () => {
    expect(only('x + 1')[0].message).toBe('circular reference: x → x');
    const diagnostics = check([{ key: 'discount', type: 'money', formula: 'subtotal * 0.1' }], {
      tables: [
        {
          key: 'items',
          columns: [
            { key: 'qty', type: 'number' },
            { key: 'price', type: 'money' },
            { key: 'amount', type: 'money', formula: 'qty * price - discount / 10' },
          ],
        },
      ],
    });
    expect(diagnostics.map((d) => d.message)).toEqual([
      'circular reference: subtotal → items.amount → discount → subtotal',
    ]);
  });

  it('reports bad and duplicate keys', () => {
    const diagnostics = check([
      { key: '__proto__', type: 'number' },
      { key: 'customer', type: 'text' },
      { key: '2x', type: 'number' },
    ]);
    expect(diagnostics.map((d) => d.code)).toEqual(['invalid-key', 'duplicate-key', 'invalid-key']);
  });

  it('reports rules on unknown tables and checks rule formulas', () => {
    const diagnostics = check([], {
      rules: [
        { id: 'rule:visible:discount', formula: 'subtotl > 100' },
        { id: 'rule:row', formula: 'qty > 0', rowTable: 'items' },
        { id: 'rule:bad', formula: 'TRUE', rowTable: 'nope' },
      ],
    });
    expect(diagnostics).toMatchObject([
      { code: 'unknown-field', fieldKey: 'rule:bad' },
      {
        code: 'unknown-field',
        fieldKey: 'rule:visible:discount',
        message: 'unknown field `subtotl`; did you mean `subtotal`?',
      },
    ]);
  });
});
