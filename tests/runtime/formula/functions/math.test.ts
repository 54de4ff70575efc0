import * as formulajs from '@formulajs/formulajs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { call, callIn, expectError, makeCtx } from './helpers.ts';

describe('rounding', () => {
  it('ROUND halves away from zero, robust to binary representation (Excel docs)', () => {
    expect(call('ROUND', 2.15, 1)).toBe(2.2);
    expect(call('ROUND', 2.149, 1)).toBe(2.1);
    expect(call('ROUND', -1.475, 2)).toBe(-1.48);
    expect(call('ROUND', 21.5, -1)).toBe(20);
    expect(call('ROUND', 626.3, -3)).toBe(1000);
    expect(call('ROUND', 1.98, -1)).toBe(0);
    expect(call('ROUND', -50.55, -2)).toBe(-100);
    expect(call('ROUND', 1.005, 2)).toBe(1.01);
    expect(call('ROUND', -2.5, 0)).toBe(-3);
    expect(call('ROUND', 2.675, 2)).toBe(2.68);
    expect(call('ROUND', 0.1 + 0.2, 15)).toBe(0.3);
    expect(call('ROUND', 1e300, 300)).toBe(1e300);
  });

  it('ROUNDUP and ROUNDDOWN go away from / toward zero (Excel docs)', () => {
    expect(call('ROUNDUP', 3.2, 0)).toBe(4);
    expect(call('ROUNDUP', 76.9, 0)).toBe(77);
    expect(call('ROUNDUP', 3.14159, 3)).toBe(3.142);
    expect(call('ROUNDUP', -3.14159, 1)).toBe(-3.2);
    expect(call('ROUNDUP', 31415.92654, -2)).toBe(31500);
    expect(call('ROUNDDOWN', 3.2, 0)).toBe(3);
    expect(call('ROUNDDOWN', 76.9, 0)).toBe(76);
    expect(call('ROUNDDOWN', 3.14159, 3)).toBe(3.141);
    expect(call('ROUNDDOWN', -3.14159, 1)).toBe(-3.1);
    expect(call('ROUNDDOWN', 31415.92654, -2)).toBe(31400);
  });

  it('ROUND agrees with exact decimal rounding for 2-decimal prices', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (milli) => {
        const x = milli / 1000;
        const cents = Math.sign(milli) * Math.floor((Math.abs(milli) + 5) / 10);
        expect(call('ROUND', x, 2)).toBe(cents / 100 || 0);
      }),
    );
  });

  it('MROUND rounds to a multiple and rejects mixed signs', () => {
    expect(call('MROUND', 10, 3)).toBe(9);
    expect(call('MROUND', -10, -3)).toBe(-9);
    expect(call('MROUND', 1.3, 0.2)).toBe(1.4);
    expectError(call('MROUND', 5, -2), '#NUM!');
  });

  it('INT floors toward −∞ and TRUNC cuts toward zero', () => {
    expect(call('INT', 8.9)).toBe(8);
    expect(call('INT', -8.9)).toBe(-9);
    expect(call('TRUNC', 8.9)).toBe(8);
    expect(call('TRUNC', -8.9)).toBe(-8);
    expect(call('TRUNC', 0.45, 1)).toBe(0.4);
  });

  it('CEILING/FLOOR follow Excel 2010 sign rules (Excel docs)', () => {
    expect(call('CEILING', 2.5, 1)).toBe(3);
    expect(call('CEILING', -2.5, -2)).toBe(-4);
    expect(call('CEILING', -2.5, 2)).toBe(-2);
    expect(call('CEILING', 1.5, 0.1)).toBe(1.5);
    expect(call('CEILING', 0.234, 0.01)).toBe(0.24);
    expectError(call('CEILING', 2.5, -2), '#NUM!');
    expect(call('FLOOR', 3.7, 2)).toBe(2);
    expect(call('FLOOR', -2.5, -2)).toBe(-2);
    expect(call('FLOOR', 1.58, 0.1)).toBe(1.5);
    expect(call('FLOOR', 0.234, 0.01)).toBe(0.23);
    expectError(call('FLOOR', 2.5, -2), '#NUM!');
    expectError(call('FLOOR', 2.5, 0), '#DIV/0!');
  });

  it('CEILING.MATH/FLOOR.MATH use mode for negative numbers (Excel docs)', () => {
    expect(call('CEILING.MATH', 24.3, 5)).toBe(25);
    expect(call('CEILING.MATH', 6.7)).toBe(7);
    expect(call('CEILING.MATH', -8.1, 2)).toBe(-8);
    expect(call('CEILING.MATH', -5.5, 2, -1)).toBe(-6);
    expect(call('FLOOR.MATH', 24.3, 5)).toBe(20);
    expect(call('FLOOR.MATH', 6.7)).toBe(6);
    expect(call('FLOOR.MATH', -8.1, 2)).toBe(-10);
    expect(call('FLOOR.MATH', -5.5, 2, -1)).toBe(-4);
  });

  it('EVEN and ODD round away from zero (Excel docs)', () => {
    expect([1.5, 3, 2, -1].map((x) => call('EVEN', x))).toEqual([2, 4, 2, -2]);
    expect([1.5, 3, 2, -1, -2, 0].map((x) => call('ODD', x))).toEqual([3, 3, 3, -1, -3, 1]);
  });
});

describe('division and powers', () => {
  it('MOD takes the sign of the divisor (Excel docs)', () => {
    expect(call('MOD', 3, 2)).toBe(1);
    expect(call('MOD', -3, 2)).toBe(1);
    expect(call('MOD', 3, -2)).toBe(-1);
    expect(call('MOD', -3, -2)).toBe(-1);
    expect(call('MOD', 0.3, 0.1)).toBe(0);
    expect(call('MOD', 5.5, 2)).toBe(1.5);
    expectError(call('MOD', 3, 0), '#DIV/0!');
  });

  it('QUOTIENT truncates (Excel docs)', () => {
    expect(call('QUOTIENT', 5, 2)).toBe(2);
    expect(call('QUOTIENT', 4.5, 3.1)).toBe(1);
    expect(call('QUOTIENT', -10, 3)).toBe(-3);
    expectError(call('QUOTIENT', 1, 0), '#DIV/0!');
  });

  it('POWER, SQRT, EXP, LN, LOG, LOG10 (Excel docs) and their domain errors', () => {
    expect(call('POWER', 5, 2)).toBe(25);
    expect(call('POWER', 98.6, 3.2)).toBeCloseTo(2401077.222, 3);
    expect(call('POWER', 4, 5 / 4)).toBeCloseTo(5.656854, 6);
    expectError(call('POWER', 0, 0), '#NUM!');
    expectError(call('POWER', 0, -1), '#DIV/0!');
    expectError(call('POWER', -8, 1 / 3), '#NUM!');
    expect(call('SQRT', 16)).toBe(4);
    expectError(call('SQRT', -16), '#NUM!');
    expect(call('EXP', 1)).toBeCloseTo(2.71828182845904, 14);
    expect(call('LN', 86)).toBeCloseTo(4.4543473, 7);
    expectError(call('LN', 0), '#NUM!');
    expect(call('LOG', 10)).toBe(1);
    expect(call('LOG', 8, 2)).toBe(3);
    expect(call('LOG', 86, 2.7182818)).toBeCloseTo(4.4543473, 6);
    expectError(call('LOG', 10, 1), '#DIV/0!');
    expect(call('LOG10', 86)).toBeCloseTo(1.934498451, 9);
    expect(call('LOG10', 1e5)).toBe(5);
    expectError(call('LOG10', -1), '#NUM!');
  });

  it('ABS, SIGN, PI, FACT, GCD, LCM (Excel docs)', () => {
    expect(call('ABS', -4)).toBe(4);
    expect([10, 4 - 4, -0.00001].map((x) => call('SIGN', x))).toEqual([1, 0, -1]);
    expect(call('PI')).toBe(Math.PI);
    expect([5, 1.9, 0].map((x) => call('FACT', x))).toEqual([120, 1, 1]);
    expectError(call('FACT', -1), '#NUM!');
    expect(call('GCD', 5, 2)).toBe(1);
    expect(call('GCD', 24, 36)).toBe(12);
    expect(call('GCD', 5, 0)).toBe(5);
    expect(call('LCM', 5, 2)).toBe(10);
    expect(call('LCM', [24, 36])).toBe(72);
    expectError(call('GCD', -1, 2), '#NUM!');
  });

  it('GCD, LCM and FACT agree with formulajs on random integers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), (a, b) => {
        expect(call('GCD', a, b)).toBe(formulajs.GCD(a, b));
        expect(call('LCM', a, b)).toBe(formulajs.LCM(a, b));
        expect(call('FACT', a % 171)).toBe(formulajs.FACT(a % 171));
      }),
      { numRuns: 200 },
    );
  });

  it('RAND and RANDBETWEEN stay in range', () => {
    for (let i = 0; i < 50; i++) {
      const r = call('RAND') as number;
      expect(r >= 0 && r < 1).toBe(true);
      expect([1, 2, 3]).toContain(call('RANDBETWEEN', 1, 3));
    }
    expectError(call('RANDBETWEEN', 3, 1), '#NUM!');
  });

  it('coerces text and blanks like Excel arithmetic', () => {
    expect(call('ABS', '-5')).toBe(5);
    expect(call('ABS', null)).toBe(0);
    expect(call('INT', true)).toBe(1);
    expectError(call('ABS', 'five'), '#VALUE!');
    expectError(call('ROUND', 1.5, '#'), '#VALUE!');
  });

  it('propagates the first error argument', () => {
    const ctx = makeCtx();
    const div0 = callIn(ctx, 'MOD', 1, 0);
    expectError(call('ROUND', div0, 2), '#DIV/0!');
  });

  it('lifts over arrays element by element', () => {
    expect(call('ROUND', [1.25, 2.5, -2.5], 0)).toEqual([1, 3, -3]);
    expect(call('POWER', [1, 2, 3], [2])).toEqual([1, 4, 9]);
    const mixed = call('MOD', [5, 6, 7], [2, 4]) as unknown[];
    expect(mixed.slice(0, 2)).toEqual([1, 2]);
    expectError(mixed[2] as never, '#N/A');
  });
});
