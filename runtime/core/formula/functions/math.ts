/** Scalar math: rounding, division, powers and logarithms. */
import { isFormulaError } from '../values.ts';
import type { FunctionSpec } from './types.ts';
import { fail } from './coerce.ts';
import { eager, numeric } from './define.ts';
import { roundDigits, to15 } from './rounding.ts';
import { collectNumbers } from './stats.ts';

const N = 'number' as const;
const one = { group: 'math' as const, minArgs: 1, maxArgs: 1, argTypes: [N], returns: N };
const two = { group: 'math' as const, minArgs: 2, maxArgs: 2, argTypes: [N, N], returns: N };
const roundingMeta = { group: 'math' as const, minArgs: 2, maxArgs: 2, argTypes: [N, N], returns: N };

export const MATH_FUNCTIONS: FunctionSpec[] = [
  numeric(
    {
      ...roundingMeta,
      name: 'ROUND',
      description: 'Rounds a number to a number of digits, halves away from zero',
    },
    ([x, d]) => roundDigits(x, d),
  ),
  numeric({ ...roundingMeta, name: 'ROUNDUP', description: 'Rounds a number away from zero' }, ([x, d]) =>
    roundDigits(x, d, 'up'),
  ),
  numeric({ ...roundingMeta, name: 'ROUNDDOWN', description: 'Rounds a number toward zero' }, ([x, d]) =>
    roundDigits(x, d, 'down'),
  ),
  numeric({ ...two, name: 'MROUND', description: 'Rounds a number to the nearest multiple' }, ([x, m]) => {
    if (m === 0) return 0;
    if ((x > 0 && m < 0) || (x < 0 && m > 0))
      return fail('#NUM!', 'MROUND', 'number and multiple have different signs');
    return to15(roundDigits(to15(x / m), 0) * m);
  }),
  numeric(
    { ...one, name: 'INT', description: 'Rounds a number down to the nearest integer (toward −∞)' },
    ([x]) => Math.floor(x),
  ),
  numeric(
    { ...one, name: 'TRUNC', maxArgs: 2, argTypes: [N, N], description: 'Cuts off the decimals of a number' },
    ([x, d = 0]) => roundDigits(x, d, 'down'),
  ),
  numeric(
    { ...two, name: 'MOD', description: 'Remainder of a division, with the sign of the divisor' },
    ([x, d]) => {
      if (d === 0) return fail('#DIV/0!', 'MOD', 'division by zero');
      const r = x - d * Math.floor(to15(x / d));
      const cleaned = roundDigits(r, 14 - Math.floor(Math.log10(Math.max(Math.abs(x), Math.abs(d)))));
      return cleaned !== 0 && Math.sign(cleaned) !== Math.sign(d) ? cleaned + d : cleaned;
    },
  ),
  numeric({ ...two, name: 'QUOTIENT', description: 'Integer part of a division' }, ([x, d]) =>
    d === 0 ? fail('#DIV/0!', 'QUOTIENT', 'division by zero') : Math.trunc(to15(x / d)),
  ),
  numeric({ ...one, name: 'ABS', description: 'Absolute value of a number' }, ([x]) => Math.abs(x)),
  numeric({ ...one, name: 'SIGN', description: 'Sign of a number: 1, 0 or −1' }, ([x]) => Math.sign(x)),
  numeric({ ...two, name: 'POWER', description: 'A number raised to a power' }, ([b, e]) => power(b, e)),
  numeric({ ...one, name: 'SQRT', description: 'Square root' }, ([x]) =>
    x < 0 ? fail('#NUM!', 'SQRT', 'negative number') : Math.sqrt(x),
  ),
  numeric({ ...one, name: 'EXP', description: 'e raised to a power' }, ([x]) => Math.exp(x)),
  numeric({ ...one, name: 'LN', description: 'Natural logarithm' }, ([x]) =>
    x <= 0 ? fail('#NUM!', 'LN', 'number must be positive') : Math.log(x),
  ),
  numeric({ ...one, name: 'LOG10', description: 'Base-10 logarithm' }, ([x]) =>
    x <= 0 ? fail('#NUM!', 'LOG10', 'number must be positive') : Math.log10(x),
  ),
  numeric(
    { ...one, name: 'LOG', maxArgs: 2, argTypes: [N, N], description: 'Logarithm to a base (default 10)' },
    ([x, base = 10]) => {
      if (x <= 0 || base <= 0) return fail('#NUM!', 'LOG', 'number and base must be positive');
      if (base === 1) return fail('#DIV/0!', 'LOG', 'base 1');
      return base === 10 ? Math.log10(x) : to15(Math.log(x) / Math.log(base));
    },
  ),
  numeric(
    { ...two, name: 'CEILING', description: 'Rounds up to a multiple of significance (Excel 2010 rules)' },
    ([x, s]) => {
      if (s === 0 || x === 0) return 0;
      if (x > 0 && s < 0) return fail('#NUM!', 'CEILING', 'positive number with negative significance');
      return x < 0 && s < 0 ? -multiple(-x, -s, 'up') : multiple(x, s, 'ceil');
    },
  ),
  numeric(
    { ...two, name: 'FLOOR', description: 'Rounds down to a multiple of significance (Excel 2010 rules)' },
    ([x, s]) => {
      if (x === 0) return 0;
      if (s === 0) return fail('#DIV/0!', 'FLOOR', 'significance is 0');
      if (x > 0 && s < 0) return fail('#NUM!', 'FLOOR', 'positive number with negative significance');
      return x < 0 && s < 0 ? -multiple(-x, -s, 'floor') : multiple(x, s, 'floor');
    },
  ),
  numeric(
    {
      ...one,
      name: 'CEILING.MATH',
      maxArgs: 3,
      argTypes: [N, N, N],
      description: 'Rounds up to a multiple; mode ≠ 0 rounds negatives away from zero',
    },
    ([x, s = 1, mode = 0]) => {
      const sig = Math.abs(s);
      if (sig === 0) return 0;
      return x < 0 && mode !== 0 ? multiple(x, sig, 'floor') : multiple(x, sig, 'ceil');
    },
  ),
  numeric(
    {
      ...one,
      name: 'FLOOR.MATH',
      maxArgs: 3,
      argTypes: [N, N, N],
      description: 'Rounds down to a multiple; mode ≠ 0 rounds negatives toward zero',
    },
    ([x, s = 1, mode = 0]) => {
      const sig = Math.abs(s);
      if (sig === 0) return 0;
      return x < 0 && mode !== 0 ? multiple(x, sig, 'ceil') : multiple(x, sig, 'floor');
    },
  ),
  numeric(
    { ...one, name: 'EVEN', description: 'Rounds away from zero to the nearest even integer' },
    ([x]) => Math.sign(x) * Math.ceil(to15(Math.abs(x)) / 2) * 2,
  ),
  numeric({ ...one, name: 'ODD', description: 'Rounds away from zero to the nearest odd integer' }, ([x]) => {
    const a = Math.ceil(to15(Math.abs(x)));
    return (x < 0 ? -1 : 1) * (a % 2 === 0 ? a + 1 : a);
  }),
  numeric({ ...one, name: 'FACT', description: 'Factorial of a number' }, ([x]) => {
    const n = Math.trunc(x);
    if (n < 0 || n > 170) return fail('#NUM!', 'FACT', 'number must be between 0 and 170');
    let f = 1;
    for (let i = 2; i <= n; i++) f *= i;
    return f;
  }),
  numeric(
    {
      group: 'math',
      name: 'PI',
      minArgs: 0,
      maxArgs: 0,
      argTypes: [],
      returns: N,
      description: 'The number π',
    },
    () => Math.PI,
  ),
  numeric(
    {
      group: 'math',
      name: 'RAND',
      minArgs: 0,
      maxArgs: 0,
      argTypes: [],
      returns: N,
      isVolatile: true,
      description: 'A random number in [0, 1)',
    },
    () => Math.random(),
  ),
  numeric(
    {
      ...two,
      name: 'RANDBETWEEN',
      isVolatile: true,
      description: 'A random integer between two numbers (inclusive)',
    },
    ([lo, hi]) => {
      const bottom = Math.ceil(lo);
      const top = Math.floor(hi);
      if (bottom > top) return fail('#NUM!', 'RANDBETWEEN', 'bottom is greater than top');
      return bottom + Math.floor(Math.random() * (top - bottom + 1));
    },
  ),
  eager(
    {
      group: 'math',
      name: 'GCD',
      minArgs: 1,
      maxArgs: Infinity,
      argTypes: [N],
      returns: N,
      arrayMode: 'aggregate',
      description: 'Greatest common divisor',
    },
    (args, ctx) => integersOf(args, ctx, 'GCD', (ns) => ns.reduce(gcd, 0)),
  ),
  eager(
    {
      group: 'math',
      name: 'LCM',
      minArgs: 1,
      maxArgs: Infinity,
      argTypes: [N],
      returns: N,
      arrayMode: 'aggregate',
      description: 'Least common multiple',
    },
    (args, ctx) =>
      integersOf(args, ctx, 'LCM', (ns) =>
        ns.reduce((a, b) => (a === 0 || b === 0 ? 0 : (a / gcd(a, b)) * b), 1),
      ),
  ),
];

function power(base: number, exponent: number) {
  if (base === 0 && exponent === 0) return fail('#NUM!', 'POWER', '0^0');
  if (base === 0 && exponent < 0) return fail('#DIV/0!', 'POWER', '0 to a negative power');
  const r = Math.pow(base, exponent);
  return Number.isNaN(r) ? fail('#NUM!', 'POWER', 'negative number to a fractional power') : r;
}

/** x rounded to a multiple of sig > 0 (ceil/floor toward ±∞; 'up' = away from zero for positive x). */
function multiple(x: number, sig: number, how: 'ceil' | 'floor' | 'up'): number {
  const q = to15(x / sig);
  return to15((how === 'floor' ? Math.floor(q) : Math.ceil(q)) * sig);
}

function integersOf(
  args: Parameters<typeof collectNumbers>[0],
  ctx: Parameters<typeof collectNumbers>[1],
  fn: string,
  combine: (ns: number[]) => number,
) {
  const nums = collectNumbers(args, ctx, fn);
  if (isFormulaError(nums)) return nums;
  if (nums.some((n) => n < 0)) return fail('#NUM!', fn, 'negative number');
  return combine(nums.map(Math.trunc));
}

function gcd(a: number, b: number): number {
  let [x, y] = [Math.abs(a), Math.abs(b)];
  while (y) [x, y] = [y, x % y];
  return x;
}
