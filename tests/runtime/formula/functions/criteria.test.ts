import { describe, expect, it } from 'vitest';
import { matchesCriterion, parseCriterion } from '../../../../runtime/core/formula/functions/index.ts';
import { FormulaError } from '../../../../runtime/core/formula/values.ts';
import type { Scalar } from '../../../../runtime/core/formula/values.ts';

const values: Scalar[] = [5, '5', 10, 'apple', 'Apples', null, '', true, new FormulaError('#N/A')];
const matching = (criterion: Scalar) => values.filter((v) => matchesCriterion(v, criterion));

describe('criteria', () => {
  it('a number matches equal numbers and text that reads as that number', () => {
    expect(matching(5)).toEqual([5, '5']);
    expect(matching('=5')).toEqual([5, '5']);
  });

  it('comparisons apply to numbers only', () => {
    expect(matching('>5')).toEqual([10]);
    expect(matching('>=5')).toEqual([5, 10]);
    expect(matching('<10')).toEqual([5]);
    expect(matching('<>5')).toEqual([10, 'apple', 'Apples', null, '', true, values[8]]);
  });

  it('text matches case-insensitively with wildcards', () => {
    expect(matching('apple')).toEqual(['apple']);
    expect(matching('APPLE*')).toEqual(['apple', 'Apples']);
    expect(matching('?pple')).toEqual(['apple']);
    expect(matching('<>apple')).toEqual([5, '5', 10, 'Apples', null, '', true, values[8]]);
    expect(matching('>b')).toEqual([]);
    expect(matching('<b')).toEqual(['5', 'apple', 'Apples', '']);
  });

  it('blank, empty and not-blank criteria', () => {
    expect(matching('')).toEqual([null, '']);
    expect(matching('=')).toEqual([null]);
    expect(matching('<>')).toEqual(values.filter((v) => v !== null));
  });

  it('a blank criterion means 0 (Excel docs for COUNTIFS)', () => {
    expect([0, null, '0'].filter((v) => matchesCriterion(v, null))).toEqual([0, '0']);
  });

  it('booleans and error values', () => {
    expect(matching(true)).toEqual([true]);
    expect(matching('TRUE')).toEqual([true]);
    expect(matching('#N/A')).toEqual([values[8]]);
  });

  it('date criteria compare serials', () => {
    const isAfter = parseCriterion('>2024-01-01');
    expect([45292, 45293].map(isAfter)).toEqual([false, true]);
  });
});
