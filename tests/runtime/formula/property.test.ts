import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProgram } from '../../../runtime/core/formula/engine.ts';
import type { EngineState } from '../../../runtime/core/formula/engine.ts';
import type { FormulaModel } from '../../../runtime/core/formula/model.ts';

// Hostile input: random and malformed formula text and field values, run through the
// real function library. Nothing may throw, hang, or touch the built-in prototypes.

/** per operation (compile, createState, one edit…): generous for slow CI, far below a hang */
const TIME_LIMIT_MS = 1000;
const MEGABYTE = 'x'.repeat(1 << 20);

const FRAGMENTS = [
  '1',
  '0',
  '-1',
  '2.5',
  '1e308',
  '1e-308',
  '"a"',
  '""',
  '""""',
  'TRUE',
  'FALSE',
  '#N/A',
  '#DIV/0!',
  'x',
  'y',
  'd',
  'b',
  'm',
  'o',
  'f1',
  'items.q',
  'items.t',
  'items.c',
  'q',
  't',
  'c',
  'items',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'items.__proto__',
  '+',
  '-',
  '*',
  '/',
  '^',
  '&',
  '%',
  '=',
  '<>',
  '<',
  '<=',
  '>',
  '>=',
  '(',
  ')',
  ',',
  '{',
  '}',
  ' ',
  '.',
  '@',
  '"',
  '=',
  'SUM(',
  'IF(',
  'ROUND(',
  'REPT(',
  'SUMPRODUCT(',
  'IFERROR(',
  'AND(',
  'ROW()',
  'LEN(',
  'TEXT(',
  'DATEDIF(',
  'SUBSTITUTE(',
  'CONCAT(',
  'TEXTJOIN(',
  'VLOOKUP(',
  'INDEX(',
  'MATCH(',
  'SEQUENCE(',
  'MID(',
  'FIND(',
  'SUMIF(',
  'COUNTIF(',
  'TODAY()',
  'NOW()',
  'RAND()',
  'NOSUCH(',
  'sum(',
];

const fragmentFormula = fc
  .array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 })
  .map((parts) => parts.join(''));

const { expression } = fc.letrec<{ expression: string }>((tie) => ({
  expression: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(
      '1',
      '0',
      '-3.5',
      '1e300',
      '"abc"',
      '"2024-02-29"',
      'TRUE',
      'x',
      'y',
      'd',
      'f1',
      'q',
      'c',
      'ROW()',
    ),
    fc
      .tuple(
        tie('expression'),
        fc.constantFrom('+', '-', '*', '/', '^', '&', '=', '<', '>='),
        tie('expression'),
      )
      .map(([a, op, b]) => `${a}${op}${b}`),
    tie('expression').map((e) => `-(${e})`),
    tie('expression').map((e) => `(${e})%`),
    fc
      .tuple(
        fc.constantFrom(
          'SUM',
          'IF',
          'ROUND',
          'REPT',
          'IFERROR',
          'AND',
          'LEN',
          'TEXT',
          'CONCAT',
          'MAX',
          'MID',
          'SUBSTITUTE',
          'SUMPRODUCT',
          'INDEX',
        ),
        fc.array(fc.oneof(tie('expression'), fc.constantFrom('items.q', 'items.t', 'items.c')), {
          maxLength: 4,
        }),
      )
      .map(([name, args]) => `${name}(${args.join(',')})`),
  ),
}));

const pathological = fc.oneof(
  fc.integer({ min: 1, max: 300 }).map((n) => `${'('.repeat(n)}1${')'.repeat(n)}`),
  fc.integer({ min: 1, max: 80 }).map((n) => `${'IF(TRUE,'.repeat(n)}1${',0)'.repeat(n)}`),
  fc.integer({ min: 1, max: 8 }).map((n) => `${'REPT('.repeat(n)}"ab"${',1000)'.repeat(n)}`),
  fc
    .integer({ min: 1, max: 8 })
    .map((n) => `LEN(${'SUBSTITUTE('.repeat(n)}REPT("a",30000)${',"a",REPT("b",3000))'.repeat(n)})`),
  fc
    .integer({ min: 1, max: 6 })
    .map((n) => `SUMPRODUCT(${Array.from({ length: n }, () => 'items.q*items.q').join(',')})`),
  fc.integer({ min: 1000, max: 4000 }).map((n) => Array.from({ length: n }, () => 'x').join('+')),
  fc.integer({ min: 1, max: 200 }).map((n) => `1${'%'.repeat(n)}`),
  fc.constant(`"${MEGABYTE}"`),
  fc.constant('SEQUENCE(100000000)'),
  fc.constant('REPT("x", 1e9)'),
  fc.constant('TEXTJOIN(",", TRUE, items.t, items.t, items.t)'),
);

const formula = fc.oneof(
  fragmentFormula,
  expression,
  pathological,
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

const scalar = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, Number.MAX_VALUE, Number.MIN_VALUE),
  fc.string({ maxLength: 20 }),
  fc.constantFrom(
    '2024-01-31',
    '2024-02-30',
    '1e309',
    '50%',
    'TRUE',
    '__proto__',
    ' 12 ',
    '9999-12-31T23:59:59Z',
  ),
  fc.constant(MEGABYTE),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);
const value = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.constant(Array.from({ length: 100_000 }, (_, i) => i)) },
  { weight: 1, arbitrary: fc.object({ maxDepth: 2 }) },
);
const KEYS = ['x', 'y', 'd', 'b', 'm', 'o', 'f1', '__proto__', 'constructor', 'prototype', 'toString'];
const row = fc.dictionary(fc.constantFrom('q', 't', 'c', '__proto__', 'constructor'), value, { maxKeys: 4 });
const rows = fc.oneof(
  { weight: 5, arbitrary: fc.array(row, { maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constant(Array.from({ length: 20_000 }, (_, i) => ({ q: i, t: `t${i}` }))) },
  { weight: 1, arbitrary: value },
);
const values = fc
  .tuple(fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 6 }), rows, fc.boolean())
  .map(([header, items, isJson]) => {
    const record: Record<string, unknown> = { ...header, items };
    return isJson
      ? JSON.parse(`{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}`)
      : record;
  });

function modelOf(formulas: string[]): FormulaModel {
  return {
    fields: [
      { key: 'x', type: 'number' },
      { key: 'y', type: 'text' },
      { key: 'd', type: 'date' },
      { key: 'b', type: 'boolean' },
      { key: 'm', type: 'multiselect' },
      { key: 'o', type: 'other' },
      { key: 'f1', type: 'number', formula: formulas[0], precision: 2 },
      { key: 'f2', type: 'text', formula: formulas[1] },
      { key: 'f3', type: 'date', formula: formulas[2] },
    ],
    tables: [
      {
        key: 'items',
        columns: [
          { key: 'q', type: 'number' },
          { key: 't', type: 'text' },
          { key: 'c', type: 'money', formula: formulas[3] },
        ],
      },
    ],
    rules: [
      { id: 'rule:visible:y', formula: formulas[4] },
      { id: '__proto__', formula: formulas[5], rowTable: 'items' },
    ],
  };
}

/** Runs `step` and fails when it takes longer than the time limit — the engine must never hang. */
function bounded<T>(step: () => T): T {
  const start = performance.now();
  const result = step();
  expect(performance.now() - start).toBeLessThan(TIME_LIMIT_MS);
  return result;
}

function exercise(state: EngineState, edits: unknown[]): void {
  bounded(() => [state.getValues(), state.getErrors(), state.getRules()]);
  for (const [i, edit] of edits.entries()) {
    bounded(() => state.setValue(['x', 'y', 'd', 'm'][i % 4], edit));
    const count = state.rowCount('items');
    if (count > 0) bounded(() => state.setValue(['items', i % count, i % 2 ? 'q' : 't'], edit));
    bounded(() => state.insertRow('items', 0, { q: edit, t: edit }));
    if (state.rowCount('items') > 1) bounded(() => state.moveRow('items', 0, state.rowCount('items') - 1));
    bounded(() => state.removeRow('items', 0));
  }
  bounded(() => JSON.stringify([state.getValues(), state.getErrors()]));
  bounded(() => state.recalculate());
}

const prototypes = () =>
  [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((p) =>
    Object.getOwnPropertyNames(p).sort().join(),
  );

describe('hostile formulas and values', () => {
  it('never throw, hang or pollute prototypes', () => {
    const before = prototypes();
    fc.assert(
      fc.property(
        fc.array(formula, { minLength: 6, maxLength: 6 }),
        values,
        fc.array(value, { maxLength: 3 }),
        (formulas, input, edits) => {
          const { program } = bounded(() => compileProgram(modelOf(formulas)));
          const state = bounded(() =>
            program.createState(input, { now: () => Date.UTC(2024, 0, 31), timeZone: 'UTC' }),
          );
          exercise(state, edits);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        },
      ),
      { numRuns: 300 },
    );
    expect(prototypes()).toEqual(before);
  }, 120_000);

  it('survives hostile models', () => {
    const fieldType = fc.constantFrom(
      'text',
      'number',
      'money',
      'percent',
      'boolean',
      'date',
      'datetime',
      'select',
      'multiselect',
      'other',
      'bogus',
    );
    const field = fc.record({
      key: fc.oneof(
        fc.constantFrom('a', 'b', '__proto__', 'constructor', 'TRUE', '', '1x', 'a.b'),
        fc.string({ maxLength: 5 }),
      ),
      type: fieldType,
      formula: fc.option(formula, { nil: undefined }),
      precision: fc.option(fc.oneof(fc.integer(), fc.double()), { nil: undefined }),
    });
    const model = fc.record({
      fields: fc.array(field, { maxLength: 6 }),
      tables: fc.array(
        fc.record({
          key: fc.constantFrom('t', 'items', '__proto__', 'a'),
          columns: fc.array(field, { maxLength: 4 }),
        }),
        {
          maxLength: 2,
        },
      ),
      rules: fc.array(
        fc.record({
          id: fc.string({ maxLength: 8 }),
          formula,
          rowTable: fc.option(fc.constantFrom('t', 'items', 'zz'), { nil: undefined }),
        }),
        {
          maxLength: 3,
        },
      ),
    });
    const before = prototypes();
    fc.assert(
      fc.property(model, values, (m, input) => {
        const start = performance.now();
        const { program } = compileProgram(m as FormulaModel);
        const state = program.createState(input);
        JSON.stringify(state.getValues());
        state.getErrors();
        state.getRules();
        for (const table of m.tables) {
          // a table the model rejected (bad or duplicate key) is unknown to the state: a RangeError, not a crash
          try {
            state.insertRow(table.key);
          } catch (error) {
            expect(error).toBeInstanceOf(RangeError);
          }
        }
        expect(performance.now() - start).toBeLessThan(TIME_LIMIT_MS);
      }),
      { numRuns: 200 },
    );
    expect(prototypes()).toEqual(before);
  }, 120_000);
});
