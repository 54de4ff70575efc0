import { describe, expect, it } from 'vitest';
import { compileForm, describeDifference, runFormTestCases } from '../../../runtime/core/index.ts';
import { salesOrder } from '../definition/fixtures/sales-order.ts';
import { compiledOrder } from '../session/fixtures.ts';

describe('runFormTestCases', () => {
  it("passes a definition's own test cases", () => {
    const definition = salesOrder();
    expect(runFormTestCases(compileForm(definition), definition.testCases ?? [])).toEqual([
      { name: 'discounted line', passed: true, differences: [] },
    ]);
  });

  it('reports each differing field with what was expected and what came out', () => {
    const [result] = runFormTestCases(compiledOrder, [
      {
        name: 'wrong totals',
        input: { items: [{ qty: 2, price: 10 }] },
        expected: { subtotal: 20, total: 25, perItem: 9 },
      },
    ]);
    expect(result).toEqual({
      name: 'wrong totals',
      passed: false,
      differences: [
        { field: 'total', expected: 25, actual: 20 },
        { field: 'perItem', expected: 9, actual: 10 },
      ],
    });
    expect(describeDifference(result.differences[0])).toBe('expected 25, got 20');
  });

  it("compares numbers after the field's precision rounding", () => {
    const results = runFormTestCases(compiledOrder, [
      {
        name: 'money to the cent',
        input: { items: [{ qty: 3, price: 0.1 }] },
        expected: { subtotal: 0.3 + 0.0004, perItem: 0.1 },
      },
      { name: 'off by a cent', input: { items: [{ qty: 3, price: 0.1 }] }, expected: { subtotal: 0.31 } },
    ]);
    expect(results.map((r) => r.passed)).toEqual([true, false]);
  });

  it('compares tables row by row and reports a row count mismatch', () => {
    const [result] = runFormTestCases(compiledOrder, [
      {
        name: 'rows',
        input: {
          items: [
            { qty: 1, price: 5 },
            { qty: 2, price: 5 },
          ],
        },
        expected: { items: [{ amount: 5 }, { amount: 11 }, { amount: 0 }] },
      },
    ]);
    expect(result.differences).toEqual([
      { field: 'items', expected: 3, actual: 2, message: 'expected 3 rows, got 2' },
      { field: 'items/1/amount', expected: 11, actual: 10 },
    ]);
  });

  it('applies rules like a submission: a hidden input does not count', () => {
    const [regular, vip] = runFormTestCases(compiledOrder, [
      {
        name: 'regular',
        input: { vipDiscount: 0.5, items: [{ qty: 1, price: 100 }] },
        expected: { total: 100 },
      },
      {
        name: 'vip',
        input: { customerType: 'vip', vipDiscount: 0.5, items: [{ qty: 1, price: 100 }] },
        expected: { total: 50 },
      },
    ]);
    expect(regular.passed).toBe(true);
    expect(vip.passed).toBe(true);
  });

  it('names a field the form does not have', () => {
    const [result] = runFormTestCases(compiledOrder, [
      { name: 'typo', input: {}, expected: { totl: 1, items: [{ amout: 1 }] } },
    ]);
    expect(result.differences.map((d) => [d.field, d.message])).toEqual([
      ['totl', '"totl" is not a field of this form'],
      ['items', 'expected 1 row, got 0'],
    ]);
  });

  it('treats blank, null and missing alike', () => {
    const [result] = runFormTestCases(compiledOrder, [
      { name: 'blank', input: {}, expected: { customer: null, reason: '' } },
    ]);
    expect(result.passed).toBe(true);
  });
});
