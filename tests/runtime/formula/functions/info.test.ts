import { describe, expect, it } from 'vitest';
import { FormulaError } from '../../../../runtime/core/formula/values.ts';
import { call, expectError } from './helpers.ts';

const na = new FormulaError('#N/A');
const ref = new FormulaError('#REF!');

describe('IS functions', () => {
  it('ISBLANK is true only for blank, not for empty text', () => {
    expect(call('ISBLANK', null)).toBe(true);
    expect(call('ISBLANK', '')).toBe(false);
    expect(call('ISBLANK', 0)).toBe(false);
  });

  it('classify values and never propagate the errors they test (Excel docs)', () => {
    expect(call('ISNUMBER', 4)).toBe(true);
    expect(call('ISNUMBER', '4')).toBe(false);
    expect(call('ISTEXT', 'Gold')).toBe(true);
    expect(call('ISNONTEXT', 4)).toBe(true);
    expect(call('ISLOGICAL', true)).toBe(true);
    expect(call('ISLOGICAL', 'TRUE')).toBe(false);
    expect(call('ISERROR', ref)).toBe(true);
    expect(call('ISERROR', 1)).toBe(false);
    expect(call('ISERR', na)).toBe(false);
    expect(call('ISERR', ref)).toBe(true);
    expect(call('ISNA', na)).toBe(true);
    expect(call('ISNA', ref)).toBe(false);
  });

  it('lift over arrays (ISNUMBER(SEARCH(...)) idiom)', () => {
    const found = call('SEARCH', 'a', ['cat', 'dog']);
    expect(call('ISNUMBER', found)).toEqual([true, false]);
  });

  it('ISEVEN/ISODD truncate (Excel docs)', () => {
    expect(call('ISEVEN', -1)).toBe(false);
    expect(call('ISEVEN', 2.5)).toBe(true);
    expect(call('ISEVEN', 5)).toBe(false);
    expect(call('ISEVEN', 0)).toBe(true);
    expect(call('ISEVEN', null)).toBe(true);
    expect(call('ISODD', -1)).toBe(true);
    expect(call('ISODD', 2.5)).toBe(false);
    expect(call('ISODD', 5)).toBe(true);
    expectError(call('ISODD', 'x'), '#VALUE!');
    expectError(call('ISODD', true), '#VALUE!');
  });
});

describe('N, NA, TYPE, ERROR.TYPE', () => {
  it('N converts to a number (Excel docs)', () => {
    expect(call('N', 7)).toBe(7);
    expect(call('N', 'Even')).toBe(0);
    expect(call('N', true)).toBe(1);
    expect(call('N', null)).toBe(0);
    expectError(call('N', ref), '#REF!');
  });

  it('NA() is the #N/A error', () => {
    expectError(call('NA'), '#N/A');
  });

  it('TYPE codes (Excel docs)', () => {
    expect(call('TYPE', 'Smith')).toBe(2);
    expect(call('TYPE', 'Mr. ' + 'Smith')).toBe(2);
    expect(call('TYPE', 2 + 1)).toBe(1);
    expect(call('TYPE', true)).toBe(4);
    expect(call('TYPE', ref)).toBe(16);
    expect(call('TYPE', [1, 2, 3])).toBe(64);
  });

  it('ERROR.TYPE numbers error values and is #N/A otherwise', () => {
    expect(call('ERROR.TYPE', new FormulaError('#NULL!'))).toBe(1);
    expect(call('ERROR.TYPE', new FormulaError('#DIV/0!'))).toBe(2);
    expect(call('ERROR.TYPE', na)).toBe(7);
    expectError(call('ERROR.TYPE', 1), '#N/A');
  });
});
