import * as formulajs from '@formulajs/formulajs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { call, callIn, expectError, makeCtx } from './helpers.ts';

describe('aggregates', () => {
  it('SUM counts direct text numbers and booleans but skips them inside arrays (Excel range rules)', () => {
    expect(call('SUM', 3, 2)).toBe(5);
    expect(call('SUM', '5', 15, true)).toBe(21);
    expect(call('SUM', [5, 15, 30], 15)).toBe(65);
    expect(call('SUM', [1, '2', true, null, 'x'])).toBe(1);
    expect(call('SUM', 0.1, 0.2)).toBe(0.3);
    expectError(call('SUM', 'x'), '#VALUE!');
  });

  it('SUM propagates an error inside an array', () => {
    const err = call('MOD', 1, 0);
    expectError(call('SUM', [1, err, 2]), '#DIV/0!');
  });

  it('AVERAGE, MIN, MAX, PRODUCT, MEDIAN (Excel docs)', () => {
    expect(call('AVERAGE', [10, 7, 9, 27, 2])).toBe(11);
    expect(call('AVERAGE', [10, 7, 9, 27, 2], 5)).toBe(10);
    expect(call('AVERAGE', [10, 'x', null, true], 4)).toBe(7);
    expectError(call('AVERAGE', ['a', null]), '#DIV/0!');
    expect(call('MIN', [10, 7, 9, 27, 2])).toBe(2);
    expect(call('MIN', [10, 7, 9, 27, 2], 0)).toBe(0);
    expect(call('MAX', [10, 7, 9, 27, 2], 30)).toBe(30);
    expect(call('MAX', ['a'])).toBe(0);
    expect(call('PRODUCT', [5, 15, 30])).toBe(2250);
    expect(call('PRODUCT', [5, 15, 30], 2)).toBe(4500);
    expect(call('MEDIAN', [1, 2, 3, 4, 5])).toBe(3);
    expect(call('MEDIAN', [1, 2, 3, 4, 5, 6])).toBe(3.5);
    expectError(call('MEDIAN', ['a']), '#NUM!');
  });

  it('COUNT, COUNTA, COUNTBLANK follow the range vs direct rules', () => {
    const errorValue = call('MOD', 1, 0);
    expect(call('COUNT', ['a', 1, null, true, 2, errorValue], '3', true, 'x')).toBe(4);
    expect(call('COUNTA', [null, 'a', '', 0, errorValue], null)).toBe(4);
    expect(call('COUNTBLANK', [null, 'a', '', 0])).toBe(2);
  });

  it('STDEV/VAR on the Excel docs sample (and agree with formulajs)', () => {
    const strength = [1345, 1301, 1368, 1322, 1310, 1370, 1318, 1350, 1303, 1299];
    expect(call('STDEV.S', strength)).toBeCloseTo(27.46391572, 8);
    expect(call('STDEV', strength)).toBe(call('STDEV.S', strength));
    expect(call('STDEV.P', strength)).toBeCloseTo(26.05455814, 8);
    expect(call('VAR.S', strength)).toBeCloseTo(754.2666667, 6);
    expect(call('VAR', strength)).toBeCloseTo(formulajs.VAR.S(...strength) as number, 9);
    expect(call('VAR.P', strength)).toBeCloseTo(678.84, 9);
    expectError(call('STDEV.S', [1]), '#DIV/0!');
  });

  it('agrees with formulajs on random samples where both follow Excel', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 30 }), (xs) => {
        expect(call('MEDIAN', xs)).toBeCloseTo(formulajs.MEDIAN(...xs) as number, 9);
        expect(call('STDEV.S', xs)).toBeCloseTo(formulajs.STDEV.S(...xs) as number, 6);
        expect(call('SUMPRODUCT', xs, xs)).toBe(formulajs.SUMPRODUCT(xs, xs));
      }),
      { numRuns: 50 },
    );
  });

  it('SUMPRODUCT multiplies matching elements, non-numbers count as 0 (Excel docs)', () => {
    expect(call('SUMPRODUCT', [3, 8, 1], [4, 6, 9])).toBe(69);
    expect(
      call(
        'SUMPRODUCT',
        [
          [3, 4],
          [8, 6],
          [1, 9],
        ],
        [
          [2, 7],
          [6, 7],
          [5, 3],
        ],
      ),
    ).toBe(156);
    expect(call('SUMPRODUCT', [1, 'x', true], [2, 3, 4])).toBe(2);
    expectError(call('SUMPRODUCT', [1, 2], [1, 2, 3]), '#VALUE!');
  });

  it('LARGE, SMALL, RANK (Excel docs)', () => {
    expect(call('LARGE', [3, 5, 3, 5, 4, 4, 2, 4, 6, 7], 3)).toBe(5);
    expect(call('LARGE', [3, 5, 3, 5, 4, 4, 2, 4, 6, 7], 7)).toBe(4);
    expect(call('SMALL', [3, 4, 5, 2, 3, 4, 6, 4, 7], 4)).toBe(4);
    expect(call('SMALL', [1, 4, 8, 3, 7, 12, 54, 8, 23], 2)).toBe(3);
    expectError(call('LARGE', [1, 2], 3), '#NUM!');
    expect(call('LARGE', [1, 5, 3], [1, 2])).toEqual([5, 3]);
    expect(call('RANK', 7, [7, 3.5, 3.5, 1, 2], 1)).toBe(5);
    expect(call('RANK', 2, [7, 3.5, 3.5, 1, 2])).toBe(4);
    expect(call('RANK', 3.5, [7, 3.5, 3.5, 1, 2], 1)).toBe(3);
    expect(call('RANK.EQ', 3.5, [7, 3.5, 3.5, 1, 2])).toBe(2);
    expectError(call('RANK', 9, [1, 2]), '#N/A');
  });
});

describe('conditional aggregates', () => {
  const fruit = ['apples', 'oranges', 'peaches', 'apples'];

  it('COUNTIF with equality, comparison and wildcards (Excel docs)', () => {
    expect(call('COUNTIF', fruit, 'apples')).toBe(2);
    expect(call('COUNTIF', fruit, 'APPLES')).toBe(2);
    expect(call('COUNTIF', [32, 54, 75, 86], '>55')).toBe(2);
    expect(call('COUNTIF', [32, 54, 75, 86], '<>75')).toBe(3);
    expect(call('COUNTIF', fruit, '*es')).toBe(4);
    expect(call('COUNTIF', fruit, '?????es')).toBe(2);
    expect(call('COUNTIF', fruit, '*')).toBe(4);
    expect(call('COUNTIF', [1, '1', 2, null], 1)).toBe(2);
    expect(call('COUNTIF', [1, null, '', 'a'], '')).toBe(2);
    expect(call('COUNTIF', [1, null, '', 'a'], '<>')).toBe(3);
  });

  it('COUNTIF lifts over an array of criteria', () => {
    expect(call('COUNTIF', fruit, ['apples', 'peaches'])).toEqual([2, 1]);
  });

  it('COUNTIFS needs every criterion on the same row', () => {
    expect(call('COUNTIFS', ['Yes', 'Yes', 'Yes', 'No'], 'Yes', ['No', 'Yes', 'Yes', 'Yes'], 'Yes')).toBe(2);
    expectError(call('COUNTIFS', [1, 2], 1, [1], 1), '#VALUE!');
    expectError(call('COUNTIFS', [1, 2], 1, [1, 2]), '#VALUE!');
  });

  it('SUMIF with and without a sum range (Excel docs)', () => {
    const values = [100000, 200000, 300000, 400000];
    const commission = [7000, 14000, 21000, 28000];
    expect(call('SUMIF', values, '>160000', commission)).toBe(63000);
    expect(call('SUMIF', values, '>160000')).toBe(900000);
    expect(call('SUMIF', values, 300000, commission)).toBe(21000);
    expect(
      call(
        'SUMIF',
        ['Vegetables', 'Vegetables', 'Fruits', null, 'Vegetables', 'Fruits'],
        'Fruits',
        [2300, 5500, 800, 400, 4200, 1200],
      ),
    ).toBe(2000);
  });

  it('SUMIFS, AVERAGEIF(S), MINIFS, MAXIFS (Excel docs)', () => {
    const sold = [5, 4, 15, 3, 22, 12, 10, 33];
    const product = [
      'Apples',
      'Apples',
      'Artichokes',
      'Artichokes',
      'Bananas',
      'Bananas',
      'Carrots',
      'Carrots',
    ];
    const seller = ['Tom', 'Sarah', 'Tom', 'Sarah', 'Tom', 'Sarah', 'Tom', 'Sarah'];
    expect(call('SUMIFS', sold, product, 'A*', seller, 'Tom')).toBe(20);
    expect(call('SUMIFS', sold, product, '<>Bananas', seller, 'Tom')).toBe(30);
    expect(call('AVERAGEIF', [7000, 14000, 21000, 28000], '<23000')).toBe(14000);
    expect(call('AVERAGEIF', [100000, 200000, 300000, 400000], '<250000')).toBe(150000);
    expectError(call('AVERAGEIF', [100000, 200000], '<95000'), '#DIV/0!');
    expect(call('AVERAGEIFS', [75, 94, 86], [75, 94, 86], '>70', [85, 80, 93], '<90')).toBe(84.5);
    expect(call('MINIFS', [89, 93, 96, 85, 91, 88], [1, 2, 2, 3, 1, 1], 1)).toBe(88);
    expect(call('MAXIFS', [89, 93, 96, 85, 91, 88], [1, 2, 2, 3, 1, 1], 1)).toBe(91);
    expect(call('MAXIFS', [1, 2], ['a', 'b'], 'z')).toBe(0);
  });

  it('propagates an error met in the summed cells of a matching row only', () => {
    const err = call('MOD', 1, 0);
    expect(call('SUMIF', ['a', 'b'], 'a', [1, err])).toBe(1);
    expectError(call('SUMIF', ['a', 'b'], 'b', [1, err]), '#DIV/0!');
  });
});

describe('work accounting', () => {
  it('charges steps proportional to the array size', () => {
    const ctx = makeCtx();
    callIn(
      ctx,
      'SUM',
      Array.from({ length: 1000 }, (_, i) => i),
    );
    expect(ctx.steps).toBeGreaterThanOrEqual(1000);
  });

  it('stops when the budget is spent', () => {
    const ctx = makeCtx({ budget: 100 });
    expect(() =>
      callIn(
        ctx,
        'COUNTIF',
        Array.from({ length: 1000 }, () => 'a'),
        'a',
      ),
    ).toThrow('BudgetExceeded');
  });
});
