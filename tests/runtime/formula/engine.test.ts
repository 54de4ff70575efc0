import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { compileProgram } from '../../../runtime/core/formula/engine.ts';
import type { CompileOptions } from '../../../runtime/core/formula/engine.ts';
import type { FieldPath, FormulaModel } from '../../../runtime/core/formula/model.ts';
import { TEST_FUNCTIONS } from './fixtures/functions.ts';

const ORDER: FormulaModel = {
  fields: [
    { key: 'customer', type: 'text' },
    { key: 'rate', type: 'percent' },
    { key: 'subtotal', type: 'money', formula: 'SUM(items.amount)' },
    { key: 'tax', type: 'money', formula: 'subtotal * rate' },
    { key: 'total', type: 'money', formula: 'subtotal + tax' },
    { key: 'label', type: 'text', formula: 'customer & ": " & total' },
  ],
  tables: [
    {
      key: 'items',
      columns: [
        { key: 'qty', type: 'number' },
        { key: 'price', type: 'money' },
        { key: 'amount', type: 'money', formula: 'qty * price' },
        { key: 'line', type: 'number', formula: 'ROW()' },
      ],
    },
  ],
  rules: [
    { id: 'rule:visible:tax', formula: 'subtotal > 100' },
    { id: 'rule:required:price', formula: 'qty > 0', rowTable: 'items' },
  ],
};

const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ qty: 1, price: i + 1 }));

function order(values: Record<string, unknown>, options: CompileOptions = {}) {
  const result = compileProgram(ORDER, { functions: TEST_FUNCTIONS, ...options });
  expect(result.diagnostics).toEqual([]);
  return result.program.createState(values);
}

const key = (path: FieldPath): string => (typeof path === 'string' ? path : path.join(':'));

describe('EngineState full evaluation', () => {
  it('evaluates every formula in dependency order', () => {
    const state = order({
      customer: 'ACME',
      rate: 0.1,
      items: [
        { qty: 2, price: 10 },
        { qty: 3, price: 5 },
      ],
    });
    expect(state.getValues()).toEqual({
      customer: 'ACME',
      rate: 0.1,
      subtotal: 35,
      tax: 3.5,
      total: 38.5,
      label: 'ACME: 38.5',
      items: [
        { qty: 2, price: 10, amount: 20, line: 1 },
        { qty: 3, price: 5, amount: 15, line: 2 },
      ],
    });
    expect(state.getRule('rule:visible:tax')).toBe(false);
    expect(state.getRule('rule:required:price')).toEqual([true, true]);
    expect(state.getRule('rule:required:price', 1)).toBe(true);
    expect(state.getRules()).toEqual({ 'rule:visible:tax': false, 'rule:required:price': [true, true] });
  });

  it('ignores values supplied for computed fields and unknown keys', () => {
    const state = order({ subtotal: 999, bogus: 1, items: [{ qty: 1, price: 2, amount: 77, extra: 'x' }] });
    expect(state.getValue('subtotal')).toBe(2);
    expect(state.getValue(['items', 0, 'amount'])).toBe(2);
    expect(state.getValues()).not.toHaveProperty('bogus');
    expect(state.setValue('total', 5)).toEqual([]);
  });

  it('tolerates junk input shapes', () => {
    const state = order({ items: 'not rows', customer: { nested: true } });
    expect(state.rowCount('items')).toBe(0);
    expect(state.getValue('subtotal')).toBe(0);
    expect(order({ items: [null, 5, 'x'] }).getValues().items).toHaveLength(3);
    expect(
      compileProgram(ORDER, { functions: TEST_FUNCTIONS }).program.createState(null).getValue('total'),
    ).toBe(0);
  });

  it('lists error values by path', () => {
    const state = order({ rate: 'lots', items: [{ qty: 1, price: 1 }] });
    expect(state.getErrors()).toEqual([
      { path: 'tax', code: '#VALUE!', message: '"lots" is not a number' },
      { path: 'total', code: '#VALUE!', message: '"lots" is not a number' },
      { path: 'label', code: '#VALUE!', message: '"lots" is not a number' },
    ]);
    expect(state.getError('tax')?.code).toBe('#VALUE!');
    expect(state.getError('subtotal')).toBeNull();
  });
});

describe('EngineState#setValue', () => {
  it('recomputes only the edited row and what depends on it', () => {
    // given
    const evaluated: string[] = [];
    const state = order({ rate: 0.1, items: rows(500) }, { onEvaluate: (path) => evaluated.push(key(path)) });
    evaluated.length = 0;
    // when
    const changed = state.setValue(['items', 250, 'qty'], 3);
    // then
    expect(evaluated.sort()).toEqual([
      'items:250:amount',
      'items:250:rule:required:price',
      'label',
      'rule:visible:tax',
      'subtotal',
      'tax',
      'total',
    ]);
    expect(changed.map(key)).toEqual([
      'items:250:qty',
      'items:250:amount',
      'subtotal',
      'tax',
      'total',
      'label',
    ]);
    expect(state.getValue('subtotal')).toBe(125_250 + 502);
  });

  it('stops propagating when a recomputed value is unchanged', () => {
    const spy = vi.fn();
    const state = order({ rate: 0.1, items: [{ qty: 2, price: 3 }] }, { onEvaluate: spy });
    spy.mockClear();
    const changed = state.setValue(['items', 0, 'qty'], '2');
    expect(changed).toEqual([]);
    expect(spy).not.toHaveBeenCalled();
    state.setValue('customer', 'Zed');
    expect(spy.mock.calls.map(([path]) => path)).toEqual(['label']);
  });

  it('recomputes every row when a header field they read changes', () => {
    const model: FormulaModel = {
      fields: [{ key: 'discount', type: 'percent' }],
      tables: [
        {
          key: 'items',
          columns: [
            { key: 'price', type: 'money' },
            { key: 'net', type: 'money', formula: 'price * (1 - discount)' },
          ],
        },
      ],
    };
    const spy = vi.fn();
    const state = compileProgram(model, { functions: TEST_FUNCTIONS, onEvaluate: spy }).program.createState({
      discount: 0.1,
      items: [{ price: 10 }, { price: 20 }],
    });
    spy.mockClear();
    expect(state.setValue('discount', '50%').map(key)).toEqual(['discount', 'items:0:net', 'items:1:net']);
    expect(spy).toHaveBeenCalledTimes(2);
    expect(state.getValue(['items', 1, 'net'])).toBe(10);
  });

  it('replaces a whole table', () => {
    const state = order({ items: rows(3) });
    const changed = state.setValue('items', [{ qty: 2, price: 5 }]);
    expect(changed[0]).toBe('items');
    expect(state.getValues().items).toEqual([{ qty: 2, price: 5, amount: 10, line: 1 }]);
    expect(state.getValue('subtotal')).toBe(10);
  });

  it('rejects unknown paths and rows out of range', () => {
    const state = order({ items: rows(1) });
    expect(() => state.setValue('nope', 1)).toThrow('unknown field "nope"');
    expect(() => state.setValue(['items', 5, 'qty'], 1)).toThrow(RangeError);
    expect(() => state.insertRow('nope')).toThrow('unknown table "nope"');
    expect(() => state.removeRow('items', 1)).toThrow('row index 1 out of range for table "items" (0..0)');
    expect(state.getValue(['items', 9, 'qty'])).toBeNull();
  });

  it('re-evaluates volatile functions on recalculate()', () => {
    let now = Date.UTC(2024, 0, 31);
    const { program } = compileProgram(
      { fields: [{ key: 'today', type: 'date', formula: 'TODAY()' }], tables: [] },
      { functions: TEST_FUNCTIONS },
    );
    const state = program.createState({}, { now: () => now });
    expect(state.getValue('today')).toBe('2024-01-31');
    now += 86_400_000;
    expect(state.recalculate()).toEqual(['today']);
    expect(state.getValue('today')).toBe('2024-02-01');
  });
});

describe('EngineState row operations', () => {
  it('insertRow evaluates the new row and renumbers ROW() below it', () => {
    const state = order({ items: rows(3) });
    const changed = state.insertRow('items', 1, { qty: 2, price: 100 });
    expect(state.getValues().items).toEqual([
      { qty: 1, price: 1, amount: 1, line: 1 },
      { qty: 2, price: 100, amount: 200, line: 2 },
      { qty: 1, price: 2, amount: 2, line: 3 },
      { qty: 1, price: 3, amount: 3, line: 4 },
    ]);
    expect(state.getValue('subtotal')).toBe(206);
    expect(changed.map(key)).toEqual(
      expect.arrayContaining([
        'items:1:qty',
        'items:1:price',
        'items:1:amount',
        'subtotal',
        'items:2:line',
        'items:3:line',
      ]),
    );
  });

  it('insertRow appends a blank row by default', () => {
    const state = order({ items: rows(1) });
    state.insertRow('items');
    expect(state.rowCount('items')).toBe(2);
    expect(state.getValues().items).toEqual([
      { qty: 1, price: 1, amount: 1, line: 1 },
      { qty: null, price: null, amount: 0, line: 2 },
    ]);
  });

  it('removeRow drops the row from aggregates and renumbers', () => {
    const state = order({ items: rows(4) });
    state.removeRow('items', 1);
    expect(state.getValue('subtotal')).toBe(1 + 3 + 4);
    expect((state.getValue('items') as { line: number }[]).map((r) => r.line)).toEqual([1, 2, 3]);
    state.removeRow('items', 0);
    state.removeRow('items', 0);
    state.removeRow('items', 0);
    expect(state.getValue('subtotal')).toBe(0);
  });

  it('moveRow keeps values with their row and renumbers the range', () => {
    const evaluated: string[] = [];
    const state = order({ items: rows(5) }, { onEvaluate: (p) => evaluated.push(key(p)) });
    evaluated.length = 0;
    state.moveRow('items', 3, 1);
    expect(
      (state.getValue('items') as { price: number; line: number }[]).map((r) => [r.price, r.line]),
    ).toEqual([
      [1, 1],
      [4, 2],
      [2, 3],
      [3, 4],
      [5, 5],
    ]);
    expect(evaluated.filter((p) => p.endsWith(':line')).sort()).toEqual([
      'items:1:line',
      'items:2:line',
      'items:3:line',
    ]);
    expect(evaluated).not.toContain('items:0:amount');
    expect(state.getValue('subtotal')).toBe(15);
  });

  it('keeps per-row rules aligned with their rows', () => {
    const state = order({
      items: [
        { qty: 1, price: 1 },
        { qty: 0, price: 1 },
      ],
    });
    state.insertRow('items', 0, { qty: 0 });
    expect(state.getRule('rule:required:price')).toEqual([false, true, false]);
    state.moveRow('items', 0, 2);
    expect(state.getRule('rule:required:price')).toEqual([true, false, false]);
  });
});

describe('EngineState with cycles and bad formulas', () => {
  it('gives cyclic fields a #REF! naming the cycle and evaluates the rest', () => {
    const { ok, program } = compileProgram(
      {
        fields: [
          { key: 'a', type: 'number', formula: 'b + 1' },
          { key: 'b', type: 'number', formula: 'a + 1' },
          { key: 'c', type: 'number', formula: 'IFERROR(a, 0) + 5' },
          { key: 'd', type: 'number', formula: '1 +' },
        ],
        tables: [],
      },
      { functions: TEST_FUNCTIONS },
    );
    expect(ok).toBe(false);
    const state = program.createState({});
    expect(state.getError('a')).toEqual({
      path: 'a',
      code: '#REF!',
      message: 'circular reference: a → b → a',
    });
    expect(state.getValue('c')).toBe(5);
    expect(state.getError('d')?.message).toBe('syntax error: expected an expression at 3');
  });
});

describe('EngineState and prototype pollution', () => {
  it('never reads or writes through __proto__ or constructor keys', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const model: FormulaModel = {
      fields: [
        { key: 'x', type: 'number' },
        { key: 'y', type: 'number', formula: 'x * 2' },
      ],
      tables: [{ key: 'items', columns: [{ key: 'qty', type: 'number' }] }],
      rules: [
        { id: '__proto__', formula: 'x > 1' },
        { id: 'constructor', formula: 'TRUE' },
      ],
    };
    const state = compileProgram(model, { functions: TEST_FUNCTIONS }).program.createState(
      JSON.parse(
        '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 2}}, "x": 2, "items": [{"__proto__": {"qty": 9}}]}',
      ),
    );
    expect(state.getValue('y')).toBe(4);
    expect(state.getValue(['items', 0, 'qty'])).toBeNull();
    const rules = state.getRules();
    expect(Object.getPrototypeOf(rules)).toBe(Object.prototype);
    expect(Object.keys(rules)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });
});

describe('incremental evaluation', () => {
  const MODEL: FormulaModel = {
    fields: [
      { key: 'rate', type: 'percent' },
      { key: 'subtotal', type: 'money', formula: 'SUM(items.amount)' },
      { key: 'count', type: 'number', formula: 'COUNTA(items.qty)' },
      { key: 'top', type: 'money', formula: 'MAX(items.price)' },
      { key: 'first', type: 'number', formula: 'INDEX(items.qty, 1)' },
      { key: 'label', type: 'text', formula: 'rate & "/" & subtotal & "/" & count' },
    ],
    tables: [
      {
        key: 'items',
        columns: [
          { key: 'qty', type: 'number' },
          { key: 'price', type: 'money' },
          { key: 'amount', type: 'money', formula: 'qty * price * (1 + rate)' },
          { key: 'share', type: 'percent', formula: 'IFERROR(amount / subtotal, 0)', precision: 1 },
          { key: 'line', type: 'number', formula: 'ROW() * 10' },
        ],
      },
    ],
    rules: [{ id: 'rule:big', formula: 'share > 0.5', rowTable: 'items' }],
  };
  const number = fc.oneof(fc.integer({ min: -5, max: 20 }), fc.constantFrom(0.1, 0.25, null, '3', 'x'));
  const operation = fc.oneof(
    fc.record({
      kind: fc.constant('set' as const),
      row: fc.nat(),
      column: fc.constantFrom('qty', 'price'),
      value: number,
    }),
    fc.record({ kind: fc.constant('rate' as const), value: number }),
    fc.record({ kind: fc.constant('insert' as const), row: fc.nat(), qty: number, price: number }),
    fc.record({ kind: fc.constant('remove' as const), row: fc.nat() }),
    fc.record({ kind: fc.constant('move' as const), from: fc.nat(), to: fc.nat() }),
  );

  it('always matches a fresh evaluation of the same inputs', () => {
    const { program } = compileProgram(MODEL);
    fc.assert(
      fc.property(
        fc.array(fc.record({ qty: number, price: number }), { maxLength: 6 }),
        fc.array(operation, { maxLength: 12 }),
        (rows, ops) => {
          const state = program.createState({ rate: 0.1, items: rows });
          for (const op of ops) {
            const count = state.rowCount('items');
            if (op.kind === 'set' && count > 0)
              state.setValue(['items', op.row % count, op.column], op.value);
            if (op.kind === 'rate') state.setValue('rate', op.value);
            if (op.kind === 'insert')
              state.insertRow('items', op.row % (count + 1), { qty: op.qty, price: op.price });
            if (op.kind === 'remove' && count > 0) state.removeRow('items', op.row % count);
            if (op.kind === 'move' && count > 0) state.moveRow('items', op.from % count, op.to % count);
          }
          const fresh = program.createState(state.getValues());
          expect(state.getValues()).toEqual(fresh.getValues());
          expect(state.getErrors()).toEqual(fresh.getErrors());
          expect(state.getRules()).toEqual(fresh.getRules());
        },
      ),
      { numRuns: 400 },
    );
  });
});
