// Whole-table references (`VLOOKUP(sku, items, 2, FALSE)`) with the real function library.
import { describe, expect, it } from 'vitest';
import { compileProgram } from '../../../runtime/core/formula/index.ts';
import type { CompileOptions, FieldPath, FormulaModel } from '../../../runtime/core/formula/index.ts';

const ITEMS = {
  key: 'items',
  columns: [
    { key: 'sku', type: 'text' },
    { key: 'qty', type: 'number' },
    { key: 'price', type: 'money' },
    { key: 'amount', type: 'money', formula: 'qty * price' },
  ],
} as const;

const MODEL: FormulaModel = {
  fields: [
    { key: 'code', type: 'text' },
    { key: 'found', type: 'money', formula: 'VLOOKUP("B-2", items, 3, FALSE)' },
    { key: 'picked', type: 'money', formula: 'INDEX(items, 2, 3)' },
    { key: 'price_of_code', type: 'other', formula: 'XLOOKUP(code, items.sku, items.price, "none")' },
    { key: 'row_of_code', type: 'other', formula: 'XLOOKUP(code, items.sku, items)' },
  ],
  tables: [{ key: ITEMS.key, columns: [...ITEMS.columns] }],
};

const ROWS = [
  { sku: 'A-1', qty: 1, price: 10 },
  { sku: 'B-2', qty: 2, price: 20 },
  { sku: 'C-3', qty: 3, price: 30 },
];

const key = (path: FieldPath): string => (typeof path === 'string' ? path : path.join(':'));

function stateOf(model: FormulaModel, values: Record<string, unknown>, options: CompileOptions = {}) {
  const result = compileProgram(model, options);
  expect(result.diagnostics).toEqual([]);
  return result.program.createState(values);
}

describe('a bare table key', () => {
  it('is the rows of the table, cells in column order, computed columns included', () => {
    // given
    const state = stateOf(MODEL, { code: 'C-3', items: ROWS });
    // then
    expect(state.getValue('found')).toBe(20);
    expect(state.getValue('picked')).toBe(20);
    expect(state.getValue('price_of_code')).toBe(30);
    expect(state.getValue('row_of_code')).toEqual(['C-3', 3, 30, 90]);
    expect(state.getErrors()).toEqual([]);
  });

  it('gives the XLOOKUP fallback when nothing matches', () => {
    const state = stateOf(MODEL, { code: 'Z-9', items: ROWS });
    expect(state.getValue('price_of_code')).toBe('none');
    expect(state.getError('row_of_code')).toMatchObject({ code: '#N/A' });
  });

  it('recomputes what reads the table when a looked-up cell changes', () => {
    // given
    const evaluated: string[] = [];
    const state = stateOf(MODEL, { code: 'B-2', items: ROWS }, { onEvaluate: (p) => evaluated.push(key(p)) });
    evaluated.length = 0;
    // when
    const changed = state.setValue(['items', 1, 'price'], 25);
    // then
    expect(changed.map(key)).toEqual([
      'items:1:price',
      'items:1:amount',
      'found',
      'picked',
      'price_of_code',
      'row_of_code',
    ]);
    expect(evaluated).toEqual(['items:1:amount', 'found', 'picked', 'price_of_code', 'row_of_code']);
    expect(state.getValue('row_of_code')).toEqual(['B-2', 2, 25, 50]);
  });

  it('recomputes on a change to any cell of the table, and stops where nothing changed', () => {
    const state = stateOf(MODEL, { code: 'B-2', items: ROWS });
    expect(state.setValue(['items', 2, 'qty'], 4).map(key)).toEqual(['items:2:qty', 'items:2:amount']);
    expect(state.setValue(['items', 1, 'qty'], 5).map(key)).toEqual([
      'items:1:qty',
      'items:1:amount',
      'row_of_code',
    ]);
    expect(state.getValue('row_of_code')).toEqual(['B-2', 5, 20, 100]);
  });

  it('follows rows inserted, removed and moved', () => {
    const state = stateOf(MODEL, { code: 'B-2', items: ROWS });
    const inserted = state.insertRow('items', 0, { sku: 'B-2', qty: 1, price: 7 });
    expect(inserted.map(key)).toEqual(expect.arrayContaining(['found', 'picked', 'price_of_code']));
    expect([state.getValue('found'), state.getValue('picked'), state.getValue('price_of_code')]).toEqual([
      7, 10, 7,
    ]);
    state.removeRow('items', 0);
    expect([state.getValue('found'), state.getValue('picked'), state.getValue('price_of_code')]).toEqual([
      20, 20, 20,
    ]);
    state.moveRow('items', 1, 0);
    expect(state.getValue('picked')).toBe(10);
    state.removeRow('items', 0);
    state.removeRow('items', 0);
    state.removeRow('items', 0);
    expect(state.getError('found')).toMatchObject({ code: '#N/A' });
    expect(state.getError('picked')).toMatchObject({ code: '#REF!' });
    state.setValue('items', ROWS);
    expect(state.getValue('picked')).toBe(20);
  });

  it('serves a column formula of another table, one lookup per row', () => {
    // given
    const model: FormulaModel = {
      fields: [{ key: 'total', type: 'money', formula: 'SUM(orders.price)' }],
      tables: [
        { key: 'items', columns: [...ITEMS.columns] },
        {
          key: 'orders',
          columns: [
            { key: 'sku', type: 'text' },
            { key: 'price', type: 'money', formula: 'IFERROR(VLOOKUP(sku, items, 3, FALSE), 0)' },
          ],
        },
      ],
    };
    const state = stateOf(model, { items: ROWS, orders: [{ sku: 'C-3' }, { sku: 'A-1' }, { sku: 'Q' }] });
    expect(state.getValue('total')).toBe(40);
    // when
    const changed = state.setValue(['items', 0, 'price'], 11);
    // then
    expect(changed.map(key)).toEqual(['items:0:price', 'items:0:amount', 'orders:1:price', 'total']);
    expect(state.getValue('total')).toBe(41);
  });

  it('shows a list cell as one cell of text, keeping the columns after it in place', () => {
    const model: FormulaModel = {
      fields: [{ key: 'row', type: 'other', formula: 'INDEX(items, 1, 0)' }],
      tables: [
        {
          key: 'items',
          columns: [
            { key: 'tags', type: 'multiselect' },
            { key: 'sku', type: 'text' },
          ],
        },
      ],
    };
    const state = stateOf(model, { items: [{ tags: ['red', 'blue'], sku: 'A-1' }] });
    expect(state.getValue('row')).toEqual(['red, blue', 'A-1']);
  });

  it('charges the table size to the step budget', () => {
    const model: FormulaModel = {
      fields: [{ key: 'n', type: 'number', formula: 'ROWS(items)' }],
      tables: [{ key: 'items', columns: [...ITEMS.columns] }],
    };
    const items = Array.from({ length: 1000 }, (_, i) => ({ sku: `S${i}`, qty: 1, price: 1 }));
    const { program } = compileProgram(model, { stepBudget: 2000 });
    expect(program.createState({ items }).getError('n')).toMatchObject({ code: '#CALC!' });
    expect(program.createState({ items: items.slice(0, 100) }).getValue('n')).toBe(100);
  });
});

describe('checking whole-table references', () => {
  const check = (formula: string, columnFormula?: string) =>
    compileProgram({
      fields: [{ key: 'x', type: 'other', formula }],
      tables: [
        {
          key: 'items',
          columns: [...ITEMS.columns, { key: 'extra', type: 'number', formula: columnFormula }],
        },
      ],
    }).diagnostics;

  it.each([
    'VLOOKUP("B-2", items, 3, FALSE)',
    'HLOOKUP("sku", items, 2, FALSE)',
    'INDEX(items, 2, 3)',
    'LOOKUP(2, items)',
    'XLOOKUP("B-2", items.sku, items)',
    'MATCH("B-2", INDEX(items, 0, 1), 0)',
    'ROWS(items) * COLUMNS(items)',
  ])('accepts %s', (formula) => {
    expect(check(formula)).toEqual([]);
  });

  it.each([
    ['items', 0],
    ['SUM(items)', 4],
    ['VLOOKUP(items, items, 2)', 8],
    ['COUNTA(items) + 1', 7],
    ['IF(TRUE, items, 0)', 9],
    ['{items}', 1],
  ])('rejects %s with a table-reference diagnostic', (formula, position) => {
    expect(check(formula)).toEqual([
      expect.objectContaining({ code: 'table-reference', position, end: position + 5, fieldKey: 'x' }),
    ]);
  });

  it('evaluates a rejected table reference to #NAME? with the diagnostic', () => {
    const { program } = compileProgram({
      fields: [{ key: 'x', type: 'other', formula: 'items' }],
      tables: [{ key: ITEMS.key, columns: [...ITEMS.columns] }],
    });
    expect(program.createState({ items: ROWS }).getError('x')).toMatchObject({
      code: '#NAME?',
      message: expect.stringContaining('`items` is a table'),
    });
  });

  it('reports a column formula that reads its own whole table as a cycle', () => {
    expect(check('1', 'INDEX(items, 1, 2)')).toEqual([
      expect.objectContaining({ code: 'cycle', message: 'circular reference: items.extra → items.extra' }),
    ]);
  });
});
