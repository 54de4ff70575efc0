import { describe, expect, it } from 'vitest';
import type { Value } from '../../../../runtime/core/formula/values.ts';
import { call, callLazy, expectError, never } from './helpers.ts';

/** A form table as the engine passes it: rows of cells in column order (id, last name, first name, title). */
const employees: Value[] = [
  [101, 'Davis', 'Sara', 'Sales Rep.'],
  [102, 'Fortana', 'Olivier', 'V.P. of Sales'],
  [103, 'Leal', 'Karina', 'Sales Rep.'],
  [104, 'Patten', 'Michael', 'Sales Rep.'],
  [105, 'Burke', 'Brian', 'Sales Mgr.'],
];

describe('VLOOKUP', () => {
  it('finds an exact match in the first column, ignoring case (Excel docs)', () => {
    expect(call('VLOOKUP', 102, employees, 2, false)).toBe('Fortana');
    expect(call('VLOOKUP', 104, employees, 4, false)).toBe('Sales Rep.');
    expect(
      call(
        'VLOOKUP',
        'leal',
        employees.map((r) => (r as Value[]).slice(1)),
        2,
        false,
      ),
    ).toBe('Karina');
    expect(
      call(
        'VLOOKUP',
        'L*',
        employees.map((r) => (r as Value[]).slice(1)),
        2,
        false,
      ),
    ).toBe('Karina');
    expectError(call('VLOOKUP', 106, employees, 2, false), '#N/A');
  });

  it('does not match a number to a numeric text', () => {
    expectError(call('VLOOKUP', '102', employees, 2, false), '#N/A');
  });

  it('approximate match returns the largest key ≤ the value (the default)', () => {
    const density: Value[] = [
      [0.457, 3.55, 500],
      [0.525, 3.25, 400],
      [0.606, 2.93, 300],
      [0.675, 2.75, 250],
      [0.746, 2.57, 200],
      [0.835, 2.38, 150],
      [0.946, 2.17, 100],
      [1.09, 1.95, 50],
      [1.29, 1.71, 0],
    ];
    expect(call('VLOOKUP', 1, density, 2)).toBe(2.17);
    expect(call('VLOOKUP', 1, density, 3, true)).toBe(100);
    expect(call('VLOOKUP', 2, density, 2, true)).toBe(1.71);
    expectError(call('VLOOKUP', 0.7, density, 3, false), '#N/A');
    expectError(call('VLOOKUP', 0.1, density, 2, true), '#N/A');
  });

  it('checks the column index', () => {
    expectError(call('VLOOKUP', 101, employees, 5, false), '#REF!');
    expectError(call('VLOOKUP', 101, employees, 0, false), '#VALUE!');
  });

  it('looks up a whole column of keys at once', () => {
    expect(call('VLOOKUP', [103, 101], employees, 3, false)).toEqual(['Karina', 'Sara']);
  });

  it('treats a flat array as a one-column table', () => {
    expect(call('VLOOKUP', 'b', ['a', 'b'], 1, false)).toBe('b');
  });
});

describe('HLOOKUP', () => {
  it('searches the first row (Excel docs)', () => {
    const table: Value[] = [
      ['Axles', 'Bearings', 'Bolts'],
      [4, 4, 9],
      [5, 7, 10],
      [6, 8, 11],
    ];
    expect(call('HLOOKUP', 'Axles', table, 2, true)).toBe(4);
    expect(call('HLOOKUP', 'Bearings', table, 3, false)).toBe(7);
    expect(call('HLOOKUP', 'B', table, 3, true)).toBe(5);
    expect(call('HLOOKUP', 'Bolts', table, 4)).toBe(11);
    expectError(call('HLOOKUP', 'Bolts', table, 5), '#REF!');
  });
});

describe('XLOOKUP', () => {
  const countries = ['China', 'India', 'Brazil'];
  const codes = ['+86', '+91', '+55'];

  it('finds exact matches and returns the same position (Excel docs)', () => {
    expect(call('XLOOKUP', 'Brazil', countries, codes)).toBe('+55');
    expect(call('XLOOKUP', 'india', countries, codes)).toBe('+91');
    expectError(call('XLOOKUP', 'Chile', countries, codes), '#N/A');
    expect(call('XLOOKUP', 'Chile', countries, codes, 'not found')).toBe('not found');
  });

  it('returns a whole row from a table', () => {
    expect(
      call(
        'XLOOKUP',
        103,
        [101, 102, 103],
        [
          ['a', 1],
          ['b', 2],
          ['c', 3],
        ],
      ),
    ).toEqual(['c', 3]);
  });

  it('match modes -1/1 take the next smaller/larger value without sorting; 2 uses wildcards', () => {
    const brackets = [0, 9700, 39475, 84200];
    const rates = [0.1, 0.22, 0.24, 0.32];
    expect(call('XLOOKUP', 46523, brackets, rates, 0, -1)).toBe(0.24);
    expect(call('XLOOKUP', 15, [10, 20, 5], ['x', 'y', 'z'], null, -1)).toBe('x');
    expect(call('XLOOKUP', 15, [10, 20, 5], ['x', 'y', 'z'], null, 1)).toBe('y');
    expect(call('XLOOKUP', 'b*', ['apple', 'banana'], [1, 2], null, 2)).toBe(2);
    expectError(call('XLOOKUP', 'b*', ['apple', 'banana'], [1, 2]), '#N/A');
    expectError(call('XLOOKUP', 1, [1], [1], null, 3), '#VALUE!');
  });

  it('search mode -1 searches from the end', () => {
    expect(call('XLOOKUP', 'a', ['a', 'b', 'a'], [1, 2, 3], null, 0, -1)).toBe(3);
    expect(call('XLOOKUP', 'a', ['a', 'b', 'a'], [1, 2, 3])).toBe(1);
  });

  it('requires lookup and return arrays of the same length', () => {
    expectError(call('XLOOKUP', 'a', ['a', 'b'], [1]), '#VALUE!');
  });
});

describe('MATCH', () => {
  const counts = [25, 38, 40, 41];

  it('supports match types 1, 0, -1 (Excel docs)', () => {
    expect(call('MATCH', 39, counts, 1)).toBe(2);
    expect(call('MATCH', 41, counts, 0)).toBe(4);
    expect(call('MATCH', 39, counts)).toBe(2);
    expectError(call('MATCH', 40, counts, -1), '#N/A');
    expect(call('MATCH', 40, [41, 40, 38, 25], -1)).toBe(2);
    expect(call('MATCH', 39, [41, 40, 38, 25], -1)).toBe(2);
    expect(call('MATCH', 'B?', ['aa', 'bb', 'cc'], 0)).toBe(2);
  });

  it('is #N/A for a blank lookup value or a 2-D table', () => {
    expectError(call('MATCH', null, [null, 1], 0), '#N/A');
    expectError(
      call(
        'MATCH',
        1,
        [
          [1, 2],
          [3, 4],
        ],
        0,
      ),
      '#N/A',
    );
    expect(call('MATCH', 3, [[1], [3]], 0)).toBe(2);
  });
});

describe('INDEX', () => {
  const fruit: Value[] = [
    ['Apples', 'Lemons'],
    ['Bananas', 'Pears'],
  ];

  it('picks from 2-D tables (Excel docs)', () => {
    expect(call('INDEX', fruit, 2, 2)).toBe('Pears');
    expect(call('INDEX', fruit, 2, 1)).toBe('Bananas');
    expect(call('INDEX', fruit, 0, 2)).toEqual(['Lemons', 'Pears']);
    expect(call('INDEX', fruit, 1)).toEqual(['Apples', 'Lemons']);
    expectError(call('INDEX', fruit, 3, 1), '#REF!');
    expectError(call('INDEX', fruit, -1, 1), '#VALUE!');
  });

  it('picks from 1-D arrays', () => {
    expect(call('INDEX', [1, 2, 3], 2)).toBe(2);
    expect(call('INDEX', [1, 2, 3], 3, 1)).toBe(3);
    expect(call('INDEX', [1, 2, 3], 1, 2)).toBe(2);
    expectError(call('INDEX', [1, 2, 3], 4), '#REF!');
  });

  it('combines with MATCH', () => {
    const names = ['Davis', 'Fortana', 'Leal'];
    const ids = [101, 102, 103];
    expect(call('INDEX', ids, call('MATCH', 'leal', names, 0))).toBe(103);
  });
});

describe('CHOOSE, LOOKUP, ROWS, COLUMNS', () => {
  it('CHOOSE evaluates only the chosen value (Excel docs)', () => {
    expect(call('CHOOSE', 2, '1st', '2nd', '3rd', 'Finished')).toBe('2nd');
    expect(call('CHOOSE', 4.9, '1st', '2nd', '3rd', 'Finished')).toBe('Finished');
    expect(
      callLazy(
        'CHOOSE',
        () => 1,
        () => 'a',
        never,
      ),
    ).toBe('a');
    expectError(call('CHOOSE', 5, 'a', 'b'), '#VALUE!');
  });

  it('LOOKUP vector and array forms (Excel docs)', () => {
    const freq = [4.14, 4.19, 5.17, 5.77, 6.39];
    const colors = ['red', 'orange', 'yellow', 'green', 'blue'];
    expect(call('LOOKUP', 4.19, freq, colors)).toBe('orange');
    expect(call('LOOKUP', 5.75, freq, colors)).toBe('yellow');
    expect(call('LOOKUP', 7.66, freq, colors)).toBe('blue');
    expectError(call('LOOKUP', 0, freq, colors), '#N/A');
    expect(
      call('LOOKUP', 'C', [
        ['a', 1],
        ['b', 2],
        ['c', 3],
        ['d', 4],
      ]),
    ).toBe(3);
    expect(
      call('LOOKUP', 'bump', [
        ['a', 1],
        ['b', 2],
        ['c', 3],
        ['d', 4],
      ]),
    ).toBe(2);
  });

  it('ROWS and COLUMNS measure arrays', () => {
    expect(call('ROWS', employees)).toBe(5);
    expect(call('COLUMNS', employees)).toBe(4);
    expect(call('ROWS', [1, 2, 3])).toBe(3);
    expect(call('COLUMNS', [1, 2, 3])).toBe(1);
  });
});
