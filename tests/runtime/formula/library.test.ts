// The engine with the real function library (runtime/core/formula/functions), end to end.
import { describe, expect, it } from 'vitest';
import { compileProgram } from '../../../runtime/core/formula/index.ts';
import type { FormulaModel } from '../../../runtime/core/formula/index.ts';

function value(formula: string, type: 'other' | 'number' | 'money' | 'text' | 'date' = 'other') {
  const { program } = compileProgram({ fields: [{ key: 'result', type, formula }], tables: [] });
  const state = program.createState({}, { now: () => Date.UTC(2024, 1, 29, 12), timeZone: 'UTC' });
  return state.getError('result')?.code ?? state.getValue('result');
}

describe('Excel semantics through the engine', () => {
  it.each([
    ['ROUND(2.5, 0)', 3],
    ['ROUND(-2.5, 0)', -3],
    ['ROUND(1.005, 2)', 1.01],
    ['0.1 + 0.2', 0.3],
    ['-2^2', 4],
    ['2^3^2', 64],
    ['50%', 0.5],
    ['INT(-1.5)', -2],
    ['MOD(-3, 2)', 1],
    ['"abc" = "ABC"', true],
    ['"a" & 1', 'a1'],
    ['IFERROR(1/0, "x")', 'x'],
    ['IFERROR(#N/A, "x")', 'x'],
    ['TRIM("  a   b ")', 'a b'],
    ['SEARCH("B", "abc")', 2],
    ['DATEDIF("2024-01-31", "2024-03-01", "M")', 1],
    ['DATEDIF("2024-01-01", "2024-03-01", "d")', 60],
    ['TEXT(1234.5, "#,##0.00")', '1,234.50'],
    ['TEXT(0.256, "0.0%")', '25.6%'],
    ['1/0', '#DIV/0!'],
    ['NOSUCH(1)', '#NAME?'],
  ])('%s → %j', (formula, expected) => {
    expect(value(formula)).toBe(expected);
  });

  it('clamps EDATE/EOMONTH into date fields as ISO dates', () => {
    expect(value('EDATE("2024-01-31", 1)', 'date')).toBe('2024-02-29');
    expect(value('EOMONTH("2023-02-10", 0)', 'date')).toBe('2023-02-28');
  });

  it('reads TODAY() from the injected clock', () => {
    expect(value('TODAY()', 'date')).toBe('2024-02-29');
  });
});

describe('an order form with the real library', () => {
  const model: FormulaModel = {
    fields: [
      { key: 'customer', type: 'text' },
      { key: 'order_date', type: 'date' },
      { key: 'delivery_date', type: 'date' },
      { key: 'subtotal', type: 'money', formula: 'SUM(items.amount)' },
      { key: 'lines', type: 'number', formula: 'COUNTA(items.sku)' },
      { key: 'bulk', type: 'money', formula: 'SUMIF(items.qty, ">=10", items.amount)' },
      { key: 'weighted', type: 'money', formula: 'SUMPRODUCT(items.qty, items.price)' },
      { key: 'shipping', type: 'money', formula: 'IF(subtotal >= 500, 0, 25)' },
      { key: 'total', type: 'money', formula: 'subtotal + shipping' },
      { key: 'lead_days', type: 'number', formula: 'DATEDIF(order_date, delivery_date, "d")' },
      { key: 'label', type: 'text', formula: 'UPPER(customer) & " " & TEXT(total, "#,##0.00")' },
      { key: 'skus', type: 'text', formula: 'TEXTJOIN(",", TRUE, items.sku)' },
    ],
    tables: [
      {
        key: 'items',
        columns: [
          { key: 'sku', type: 'text' },
          { key: 'qty', type: 'number' },
          { key: 'price', type: 'money' },
          { key: 'discount', type: 'percent' },
          { key: 'amount', type: 'money', formula: 'qty * price * (1 - discount)' },
          { key: 'line', type: 'number', formula: 'ROW()' },
        ],
      },
    ],
  };

  it('compiles without diagnostics and computes every field', () => {
    const result = compileProgram(model);
    expect(result.diagnostics).toEqual([]);
    const state = result.program.createState({
      customer: 'acme',
      order_date: '2024-11-01',
      delivery_date: '2024-11-20',
      items: [
        { sku: 'A', qty: 10, price: 9.99, discount: 0.1 },
        { sku: 'B', qty: 2, price: 100, discount: '5%' },
      ],
    });
    expect(state.getErrors()).toEqual([]);
    expect(state.getValues()).toMatchObject({
      subtotal: 279.91,
      lines: 2,
      bulk: 89.91,
      weighted: 299.9,
      shipping: 25,
      total: 304.91,
      lead_days: 19,
      label: 'ACME 304.91',
      skus: 'A,B',
      items: [
        { sku: 'A', amount: 89.91, line: 1, discount: 0.1 },
        { sku: 'B', amount: 190, line: 2, discount: 0.05 },
      ],
    });
    state.setValue(['items', 1, 'qty'], 3);
    expect(state.getValue('total')).toBe(399.91);
    state.insertRow('items', 0, { sku: 'Z', qty: 1, price: 200 });
    expect(state.getValue('shipping')).toBe(0);
    expect(state.getValue('skus')).toBe('Z,A,B');
  });

  it('checks argument types and arrays with the library specs', () => {
    const diagnostics = compileProgram({
      ...model,
      fields: [
        ...model.fields,
        { key: 'bad1', type: 'money', formula: 'ROUND(subtotal, 2, 1)' },
        { key: 'bad2', type: 'text', formula: 'UPPER(items.sku)' },
        { key: 'bad3', type: 'money', formula: 'ROUND("abc", 2)' },
        { key: 'bad4', type: 'money', formula: 'SUMM(items.amount)' },
      ],
    }).diagnostics;
    expect(diagnostics.map((d) => [d.fieldKey, d.code])).toEqual([
      ['bad1', 'arg-count'],
      ['bad2', 'column-outside-aggregate'],
      ['bad3', 'type-mismatch'],
      ['bad4', 'unknown-function'],
    ]);
    expect(diagnostics[3].message).toBe('unknown function SUMM; did you mean `SUM`?');
  });
});
