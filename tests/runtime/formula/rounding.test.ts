import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundDigits, shiftDecimal } from '../../../runtime/core/formula/functions/rounding.ts';
import type { RoundMode } from '../../../runtime/core/formula/functions/rounding.ts';
import { round15, roundToPrecision } from '../../../runtime/core/formula/round.ts';
import { evaluate } from './fixtures/helpers.ts';

describe('field precision', () => {
  it.each([
    ['2.5', 'number', 0, 3],
    ['-2.5', 'number', 0, -3],
    ['0.5', 'number', 0, 1],
    ['1.005', 'money', undefined, 1.01],
    ['-1.005', 'money', undefined, -1.01],
    ['2.675', 'money', 2, 2.68],
    ['1.0049', 'money', 2, 1],
    ['1234.5678', 'number', 1, 1234.6],
    ['1250', 'number', -2, 1300],
    ['0.1+0.2', 'number', undefined, 0.3],
    ['0.1+0.2', 'money', undefined, 0.3],
    ['0.1*3', 'number', undefined, 0.3],
    ['1.1*1.1', 'number', undefined, 1.21],
    ['1/3', 'number', undefined, 0.333333333333333],
    ['1/3', 'money', undefined, 0.33],
    ['0.125', 'percent', 1, 0.125],
    ['0.12345', 'percent', 1, 0.123],
    ['0.12355', 'percent', 1, 0.124],
  ] as const)('%s as %s(%s) is %s', (formula, type, precision, expected) => {
    expect(evaluate(formula, { type, precision }).value).toBe(expected);
  });

  it('rounds the fixture ROUND the Excel way too', () => {
    expect(evaluate('ROUND(2.5)').value).toBe(3);
    expect(evaluate('ROUND(-2.5)').value).toBe(-3);
    expect(evaluate('ROUND(1.005, 2)').value).toBe(1.01);
  });

  it('keeps money sums free of binary noise over many rows', () => {
    const items = Array.from({ length: 1000 }, () => ({ price: 0.1 }));
    const { program } = compileOrder();
    const state = program.createState({ items });
    expect(state.getValue('subtotal')).toBe(100);
  });
});

describe('roundToPrecision', () => {
  it('matches rounding of the 15-digit decimal text, half away from zero', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e8, max: 1e8, noNaN: true }), fc.integer({ min: 0, max: 6 }), (x, p) => {
        expect(roundToPrecision(x, p)).toBe(reference(x, p));
      }),
      { numRuns: 2000 },
    );
  });

  it('handles halves exactly at every precision', () => {
    for (let p = 0; p <= 6; p++) {
      for (let k = -50; k <= 50; k++) {
        const x = Number(`${k}.5e-${p}`);
        expect(roundToPrecision(x, p)).toBe(reference(x, p));
      }
    }
  });

  it('never returns -0', () => {
    expect(Object.is(roundToPrecision(-0.001, 2), 0)).toBe(true);
    expect(Object.is(round15(-0), -0)).toBe(true);
  });
});

describe('roundDigits (ROUND, ROUNDUP, ROUNDDOWN)', () => {
  const modes: RoundMode[] = ['nearest', 'up', 'down'];
  /** a double near a rounding boundary at `digits`: k·10^-digits, or (k + ½)·10^-digits, nudged */
  const nearBoundary = fc
    .tuple(
      fc.integer({ min: -99_999, max: 99_999 }),
      fc.constantFrom(0, 0.5),
      fc.constantFrom(0, 1e-16, -1e-16, 1e-9, -1e-9, 3e-7, -3e-7),
      fc.integer({ min: -8, max: 10 }),
    )
    .map(([k, half, nudge, digits]) => ({ x: Number(`${k + half}e${-digits}`) * (1 + nudge), digits }));

  it('takes the numeric shortcut only where it agrees with the exact text path', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          nearBoundary,
          fc.record({
            x: fc.double({ min: -1e12, max: 1e12, noNaN: true }),
            digits: fc.integer({ min: -12, max: 12 }),
          }),
        ),
        fc.constantFrom(...modes),
        ({ x, digits }, mode) => {
          expect(roundDigits(x, digits, mode)).toBe(textRound(x, digits, mode));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('rounds float-noisy halves the Excel way', () => {
    expect(roundDigits(1.005, 2)).toBe(1.01);
    expect(roundDigits(2.675, 2)).toBe(2.68);
    expect(roundDigits(-0.285, 2)).toBe(-0.29);
    expect(roundDigits(1234.5, -1)).toBe(1230);
    expect(roundDigits(1235, -1)).toBe(1240);
    expect(roundDigits(0.1 * 3, 1, 'up')).toBe(0.3);
    expect(roundDigits(1.1 * 1.1, 2, 'down')).toBe(1.21);
    expect(Object.is(roundDigits(-0.001, 2), 0)).toBe(true);
  });
});

/** The exact path on its own: rounding of the 15-significant-digit decimal text. */
function textRound(x: number, digits: number, mode: RoundMode): number {
  const d = Math.trunc(digits);
  if (x === 0 || !Number.isFinite(x) || d > 300) return x;
  const abs = Number(Math.abs(x).toPrecision(15));
  const shifted = shiftDecimal(abs, d);
  if (!(shifted < 1e15)) return x < 0 ? -abs : abs;
  const rounded =
    mode === 'nearest' ? Math.floor(shifted + 0.5) : mode === 'up' ? Math.ceil(shifted) : Math.floor(shifted);
  const result = shiftDecimal(rounded, -d);
  return x < 0 && result !== 0 ? -result : result;
}

/** Reference: decimal-string rounding via BigInt on the 15-significant-digit value. */
function reference(x: number, p: number): number {
  const text = Math.abs(x).toPrecision(15);
  const [mantissa, exponentText = '0'] = Number(text).toExponential().split('e');
  const digits = mantissa.replace('.', '').replace(/0+$/, '') || '0';
  const exponent = Number(exponentText) - (digits.length - 1);
  // value = digits × 10^exponent; scale to p decimals
  const shift = exponent + p;
  let scaled: bigint;
  if (shift >= 0) scaled = BigInt(digits) * 10n ** BigInt(shift);
  else {
    const divisor = 10n ** BigInt(-shift);
    const n = BigInt(digits);
    scaled = n / divisor + ((n % divisor) * 2n >= divisor ? 1n : 0n);
  }
  const result = Number(`${scaled}e-${p}`);
  return result === 0 ? 0 : x < 0 ? -result : result;
}

import { compileProgram } from '../../../runtime/core/formula/engine.ts';
import { TEST_FUNCTIONS } from './fixtures/functions.ts';

function compileOrder() {
  return compileProgram(
    {
      fields: [{ key: 'subtotal', type: 'money', formula: 'SUM(items.price)' }],
      tables: [{ key: 'items', columns: [{ key: 'price', type: 'money' }] }],
    },
    { functions: TEST_FUNCTIONS },
  );
}
