import { describe, expect, it } from 'vitest';
import { FormulaError } from '../../../../runtime/core/formula/values.ts';
import { call, callLazy, expectError, never } from './helpers.ts';

const div0 = new FormulaError('#DIV/0!');
const na = new FormulaError('#N/A');

describe('IF', () => {
  it('evaluates only the branch taken', () => {
    expect(
      callLazy(
        'IF',
        () => true,
        () => 'yes',
        never,
      ),
    ).toBe('yes');
    expect(
      callLazy(
        'IF',
        () => 0,
        never,
        () => 'no',
      ),
    ).toBe('no');
  });

  it('defaults the branches to TRUE and FALSE', () => {
    expect(call('IF', 1 > 0)).toBe(true);
    expect(call('IF', false, 1)).toBe(false);
  });

  it('reads numbers and TRUE/FALSE text as conditions, other text is #VALUE!', () => {
    expect(call('IF', 2, 'a', 'b')).toBe('a');
    expect(call('IF', 'true', 'a', 'b')).toBe('a');
    expectError(call('IF', 'maybe', 'a', 'b'), '#VALUE!');
  });

  it('propagates an error condition', () => {
    expectError(call('IF', div0, 1, 2), '#DIV/0!');
  });

  it('maps an array condition element by element', () => {
    expect(call('IF', [true, false, 1], ['a', 'b', 'c'], 'x')).toEqual(['a', 'x', 'c']);
  });
});

describe('IFS and SWITCH', () => {
  it('IFS returns the value of the first true condition (Excel docs)', () => {
    const grade = (score: number) =>
      call('IFS', score > 89, 'A', score > 79, 'B', score > 69, 'C', score > 59, 'D', true, 'F');
    expect([93, 80, 69, 40].map(grade)).toEqual(['A', 'B', 'D', 'F']);
    expect(
      callLazy(
        'IFS',
        () => false,
        never,
        () => true,
        () => 2,
        never,
        never,
      ),
    ).toBe(2);
  });

  it('IFS without a true condition is #N/A', () => {
    expectError(call('IFS', false, 1), '#N/A');
  });

  it('SWITCH matches case-insensitively, with a default (Excel docs)', () => {
    const day = (n: number) => call('SWITCH', n, 1, 'Sunday', 2, 'Monday', 3, 'Tuesday', 'No match');
    expect(day(2)).toBe('Monday');
    expect(day(99)).toBe('No match');
    expect(call('SWITCH', 'b', 'A', 1, 'B', 2)).toBe(2);
    expectError(call('SWITCH', 7, 1, 'a', 2, 'b'), '#N/A');
    expect(
      callLazy(
        'SWITCH',
        () => 1,
        () => 1,
        () => 'one',
        never,
        never,
      ),
    ).toBe('one');
  });
});

describe('AND, OR, XOR, NOT', () => {
  it('combine logical values (Excel docs)', () => {
    expect(call('AND', true, true)).toBe(true);
    expect(call('AND', true, false)).toBe(false);
    expect(call('AND', 2 + 2 === 4, 2 + 3 === 5)).toBe(true);
    expect(call('OR', true, false)).toBe(true);
    expect(call('OR', false, 0)).toBe(false);
    expect(call('XOR', 3 > 0, 2 < 9)).toBe(false);
    expect(call('XOR', true, true, true)).toBe(true);
    expect(call('NOT', false)).toBe(true);
    expect(call('NOT', [1, 0])).toEqual([false, true]);
  });

  it('skip text and blanks inside arrays but reject them as direct arguments', () => {
    expect(call('AND', true, [1, 'x', null])).toBe(true);
    expectError(call('AND', ['x', null]), '#VALUE!');
    expectError(call('OR', 'x'), '#VALUE!');
  });

  it('are eager like Excel: an error anywhere is the result', () => {
    expectError(call('AND', false, div0), '#DIV/0!');
    expectError(call('OR', true, [div0]), '#DIV/0!');
  });

  it('TRUE() and FALSE()', () => {
    expect(call('TRUE')).toBe(true);
    expect(call('FALSE')).toBe(false);
  });
});

describe('IFERROR and IFNA', () => {
  it('IFERROR catches every error and evaluates the fallback only then', () => {
    expect(call('IFERROR', div0, 'Error in calculation')).toBe('Error in calculation');
    expect(call('IFERROR', new FormulaError('#VALUE!'), 0)).toBe(0);
    expect(call('IFERROR', na, 0)).toBe(0);
    expect(callLazy('IFERROR', () => 3, never)).toBe(3);
  });

  it('IFNA catches only #N/A', () => {
    expect(call('IFNA', na, 'Not found')).toBe('Not found');
    expectError(call('IFNA', div0, 'Not found'), '#DIV/0!');
  });

  it('replace errors inside arrays, keeping the rest', () => {
    expect(call('IFERROR', [1, div0, 3], 0)).toEqual([1, 0, 3]);
  });
});
