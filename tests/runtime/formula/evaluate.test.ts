import { describe, expect, it } from 'vitest';
import { compileProgram } from '../../../runtime/core/formula/engine.ts';
import type { FunctionSpec } from '../../../runtime/core/formula/functions/types.ts';
import type { Value } from '../../../runtime/core/formula/values.ts';
import { TEST_FUNCTIONS } from './fixtures/functions.ts';
import { evaluate } from './fixtures/helpers.ts';

const value = (formula: string, values: Record<string, unknown> = {}) =>
  evaluate(formula, {
    values,
    fields: [
      { key: 'name', type: 'text' },
      { key: 'qty', type: 'number' },
      { key: 'flag', type: 'boolean' },
      { key: 'due', type: 'date' },
      { key: 'blank', type: 'number' },
    ],
  }).value;
const error = (formula: string, values: Record<string, unknown> = {}) =>
  evaluate(formula, { values, fields: [{ key: 'name', type: 'text' }] }).error;

describe('operators', () => {
  it.each([
    ['-2^2', 4],
    ['2^3^2', 64],
    ['2^-1', 0.5],
    ['50%', 0.5],
    ['200*10%', 20],
    ['1+2*3', 7],
    ['(1+2)*3', 9],
    ['10/4', 2.5],
    ['7-2-1', 4],
    ['1.5e3', 1500],
    ['0.1+0.2', 0.3],
    ['-(-3)', 3],
    ['TRUE+1', 2],
    ['"3"*2', 6],
    ['" 4 "+1', 5],
    ['"50%"*10', 5],
  ])('%s = %j', (formula, expected) => {
    expect(value(formula)).toBe(expected);
  });

  it.each([
    ['"a"&1', 'a1'],
    ['1&2', '12'],
    ['"x"&TRUE', 'xTRUE'],
    ['"total: "&(0.1+0.2)', 'total: 0.3'],
    ['"say ""hi"""', 'say "hi"'],
    ['name&"!"', 'Ann!'],
    ['blank&"|"', '|'],
  ])('%s = %j', (formula, expected) => {
    expect(value(formula, { name: 'Ann' })).toBe(expected);
  });

  it.each([
    ['1=1', true],
    ['1<>1', false],
    ['1<2', true],
    ['2<=2', true],
    ['3>2', true],
    ['2>=3', false],
    ['"abc"="ABC"', true],
    ['"a"<"B"', true],
    ['"b"<"A"', false],
    ['1="1"', false],
    ['1<"a"', true],
    ['"z"<TRUE', true],
    ['blank=0', true],
    ['blank=""', true],
    ['0.1+0.2=0.3', true],
    ['name="ann"', true],
  ])('%s is %j', (formula, expected) => {
    expect(value(formula, { name: 'Ann' })).toBe(expected);
  });

  it('unary plus leaves its operand unchanged, as in Excel', () => {
    expect(value('+"a"')).toBe('a');
  });
});

describe('error values', () => {
  it.each([
    ['1/0', '#DIV/0!'],
    ['"abc"*2', '#VALUE!'],
    ['-"abc"', '#VALUE!'],
    ['0^0', '#NUM!'],
    ['(-8)^0.5', '#NUM!'],
    ['10^400', '#NUM!'],
    ['#N/A', '#N/A'],
    ['#N/A+1', '#N/A'],
    ['1+#N/A', '#N/A'],
    ['#N/A&"x"', '#N/A'],
    ['#N/A=1', '#N/A'],
    ['(1/0)+#N/A', '#DIV/0!'],
    ['NOSUCH(1)', '#NAME?'],
    ['missing+1', '#NAME?'],
    ['THROWS()', '#VALUE!'],
  ])('%s is %s', (formula, code) => {
    expect(error(formula)?.code).toBe(code);
  });

  it('says why', () => {
    expect(error('1/0')?.message).toBe('division by zero');
    expect(error('THROWS()')?.message).toBe('THROWS: boom');
    expect(error('missing+1')?.message).toMatch(/^unknown field `missing`/);
    expect(error('ROUND(1,2,3)')?.message).toBe('ROUND expects 1 to 2 arguments, got 3');
    expect(error('SUM(1,')?.message).toBe('syntax error: expected an expression at 6');
  });

  it('IFERROR catches every error and IF evaluates only the branch taken', () => {
    expect(value('IFERROR(1/0, "none")')).toBe('none');
    expect(value('IFERROR(#N/A, 2)')).toBe(2);
    expect(value('IF(TRUE, 1, 1/0)')).toBe(1);
    expect(value('IF(qty > 1, "many", "few")', { qty: 5 })).toBe('many');
  });

  it('an error value shows as null in the snapshot', () => {
    expect(value('1/0')).toBeNull();
  });
});

describe('field values in formulas', () => {
  it('reads numeric text in number fields as numbers', () => {
    expect(value('qty*2', { qty: '21' })).toBe(42);
  });

  it('treats blanks as blank', () => {
    expect(value('qty+1', { qty: '' })).toBe(1);
    expect(value('qty+1', { qty: null })).toBe(1);
    expect(value('qty+1', {})).toBe(1);
  });

  it('keeps unreadable number input as text, so arithmetic on it is #VALUE!', () => {
    expect(
      evaluate('qty*2', { fields: [{ key: 'qty', type: 'number' }], values: { qty: 'ten' } }).error?.code,
    ).toBe('#VALUE!');
  });

  it('turns ISO dates into serial numbers', () => {
    expect(value('due', { due: '2024-01-31' })).toBe(45322);
    expect(value('due+1', { due: '1970-01-01' })).toBe(25570);
  });

  it('coerces boolean input', () => {
    expect(value('IF(flag, "y", "n")', { flag: 'true' })).toBe('y');
    expect(value('IF(flag, "y", "n")', { flag: false })).toBe('n');
  });

  it('turns non-finite numbers into #NUM!', () => {
    expect(
      evaluate('qty', { fields: [{ key: 'qty', type: 'number' }], values: { qty: Number.NaN } }).error?.code,
    ).toBe('#NUM!');
    expect(
      evaluate('qty', { fields: [{ key: 'qty', type: 'number' }], values: { qty: Infinity } }).error?.code,
    ).toBe('#NUM!');
  });

  it('caps text results', () => {
    const result = evaluate('REPT("ab", 20000)&"c"', { type: 'text' });
    expect(result.error?.code).toBe('#VALUE!');
    expect(
      evaluate('"x"&name', { fields: [{ key: 'name', type: 'text' }], values: { name: 'y'.repeat(40_000) } })
        .error?.message,
    ).toBe('text longer than 32767 characters');
  });
});

describe('lazy arguments', () => {
  const lazySpec = (name: string, impl: FunctionSpec['impl']): FunctionSpec => ({
    name,
    group: 'logic',
    minArgs: 1,
    maxArgs: Infinity,
    returns: 'any',
    description: name,
    isLazy: true,
    impl,
  });

  it('evaluate against the state being computed, also when one program serves several states', () => {
    const { program } = compileProgram(
      {
        fields: [
          { key: 'a', type: 'number' },
          { key: 'b', type: 'number', formula: 'IF(a > 1, IF(a > 2, a * 10, a), -a)' },
        ],
        tables: [],
      },
      { functions: TEST_FUNCTIONS },
    );
    const one = program.createState({ a: 3 });
    const two = program.createState({ a: 2 });
    expect([one.getValue('b'), two.getValue('b')]).toEqual([30, 2]);
    one.setValue('a', 0);
    two.setValue('a', 5);
    expect([one.getValue('b'), two.getValue('b')]).toEqual([0, 50]);
  });

  it('cannot be rearranged by a function: the argument list is read-only', () => {
    const functions = new Map(TEST_FUNCTIONS);
    functions.set(
      'SHIFTY',
      lazySpec('SHIFTY', (args) => (args as (() => Value)[]).shift()!()),
    );
    const { program } = compileProgram(
      { fields: [{ key: 'x', type: 'other', formula: 'SHIFTY(1, 2) & SHIFTY(1, 2)' }], tables: [] },
      { functions },
    );
    const state = program.createState({});
    expect(state.getError('x')).toMatchObject({
      code: '#VALUE!',
      message: expect.stringMatching(/^SHIFTY: /),
    });
    state.recalculate();
    expect(state.getError('x')?.code).toBe('#VALUE!');
  });

  it('still end the evaluation when the step budget runs out inside a branch', () => {
    const result = evaluate('IF(TRUE, SUMPRODUCT({1,2,3,4,5,6,7,8,9,10}), 0)', { stepBudget: 5 });
    expect(result.error?.code).toBe('#CALC!');
  });
});
