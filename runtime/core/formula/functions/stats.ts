/**
 * Aggregates over arguments and arrays, with Excel's range rules: inside an
 * array (a column) only numbers count — text, booleans and blanks are skipped —
 * while a direct argument is coerced (TRUE → 1, "5" → 5, "x" → #VALUE!).
 * The first error met is the result. Sums are shown to 15 significant digits.
 */
import { isFormulaError } from '../values.ts';
import type { FormulaError, Value } from '../values.ts';
import { fail, flatten, parseNumberText, toNumber, type Ticker } from './coerce.ts';
import { eager, scalar } from './define.ts';
import { to15 } from './rounding.ts';
import type { FunctionContext, FunctionSpec } from './types.ts';

/** Numbers of aggregate arguments, by the range rules above. */
export function collectNumbers(args: Value[], ctx: Ticker, fn: string): number[] | FormulaError {
  const out: number[] = [];
  for (const a of args) {
    if (Array.isArray(a)) {
      for (const v of flatten(a, ctx)) {
        if (typeof v === 'number') out.push(v);
        else if (isFormulaError(v)) return v;
      }
    } else if (a !== null) {
      const n = toNumber(a);
      if (isFormulaError(n)) return fail(n.code, fn, n.detail ?? 'not a number');
      out.push(n);
    }
  }
  return out;
}

/** Neumaier-compensated sum, then 15 significant digits (SUM(0.1,0.2) = 0.3 as Excel shows it). */
export function sumOf(nums: number[]): number {
  let sum = 0;
  let carry = 0;
  for (const n of nums) {
    const t = sum + n;
    carry += Math.abs(sum) >= Math.abs(n) ? sum - t + n : n - t + sum;
    sum = t;
  }
  return to15(sum + carry);
}

const N = 'number' as const;
const A = 'array' as const;
const variadic = {
  group: 'math' as const,
  minArgs: 1,
  maxArgs: Infinity,
  argTypes: [N],
  returns: N,
  arrayMode: 'aggregate' as const,
};

export const STATS_FUNCTIONS: FunctionSpec[] = [
  over({ ...variadic, name: 'SUM', description: 'Adds numbers' }, sumOf),
  over({ ...variadic, name: 'AVERAGE', description: 'Arithmetic mean of numbers' }, (ns) =>
    ns.length ? to15(sumOf(ns) / ns.length) : fail('#DIV/0!', 'AVERAGE', 'no numbers'),
  ),
  over({ ...variadic, name: 'MIN', description: 'Smallest number (0 when there are none)' }, (ns) =>
    ns.reduce((m, n) => (n < m ? n : m), ns.length ? Infinity : 0),
  ),
  over({ ...variadic, name: 'MAX', description: 'Largest number (0 when there are none)' }, (ns) =>
    ns.reduce((m, n) => (n > m ? n : m), ns.length ? -Infinity : 0),
  ),
  over({ ...variadic, name: 'PRODUCT', description: 'Multiplies numbers' }, (ns) =>
    ns.length ? to15(ns.reduce((p, n) => p * n, 1)) : 0,
  ),
  over({ ...variadic, name: 'MEDIAN', description: 'Middle number of a set' }, (ns) => {
    if (!ns.length) return fail('#NUM!', 'MEDIAN', 'no numbers');
    const s = [...ns].sort((a, b) => a - b);
    const mid = s.length >> 1;
    return s.length % 2 ? s[mid] : to15((s[mid - 1] + s[mid]) / 2);
  }),
  over({ ...variadic, name: 'STDEV.S', description: 'Standard deviation of a sample' }, (ns) =>
    spread(ns, 1, 'STDEV.S', Math.sqrt),
  ),
  over(
    { ...variadic, name: 'STDEV', description: 'Standard deviation of a sample (same as STDEV.S)' },
    (ns) => spread(ns, 1, 'STDEV', Math.sqrt),
  ),
  over({ ...variadic, name: 'STDEV.P', description: 'Standard deviation of a whole population' }, (ns) =>
    spread(ns, 0, 'STDEV.P', Math.sqrt),
  ),
  over({ ...variadic, name: 'VAR.S', description: 'Variance of a sample' }, (ns) =>
    spread(ns, 1, 'VAR.S', (v) => v),
  ),
  over({ ...variadic, name: 'VAR', description: 'Variance of a sample (same as VAR.S)' }, (ns) =>
    spread(ns, 1, 'VAR', (v) => v),
  ),
  over({ ...variadic, name: 'VAR.P', description: 'Variance of a whole population' }, (ns) =>
    spread(ns, 0, 'VAR.P', (v) => v),
  ),
  eager(
    {
      ...variadic,
      name: 'COUNT',
      returns: N,
      argTypes: ['any'],
      description: 'Counts numbers (errors and text are skipped)',
    },
    (args, ctx) =>
      countWhere(
        args,
        ctx,
        (v, isDirect) =>
          typeof v === 'number' ||
          (isDirect && (typeof v === 'boolean' || (typeof v === 'string' && parseNumberText(v) !== null))),
      ),
  ),
  eager(
    { ...variadic, name: 'COUNTA', argTypes: ['any'], description: 'Counts values that are not blank' },
    (args, ctx) => countWhere(args, ctx, (v) => v !== null),
  ),
  eager(
    {
      group: 'math',
      name: 'COUNTBLANK',
      minArgs: 1,
      maxArgs: 1,
      argTypes: [A],
      returns: N,
      description: 'Counts blank values and empty texts',
    },
    (args, ctx) => countWhere(args, ctx, (v) => v === null || v === ''),
  ),
  eager(
    {
      group: 'math',
      name: 'SUMPRODUCT',
      minArgs: 1,
      maxArgs: Infinity,
      argTypes: [A],
      returns: N,
      description: 'Sum of the products of matching elements',
    },
    (args, ctx) => sumProduct(args, ctx),
  ),
  kth('LARGE', 'k-th largest number', (s, k) => s[s.length - k]),
  kth('SMALL', 'k-th smallest number', (s, k) => s[k - 1]),
  rank('RANK'),
  rank('RANK.EQ'),
];

function over(meta: Parameters<typeof eager>[0], fn: (ns: number[]) => number | FormulaError): FunctionSpec {
  return eager(meta, (args, ctx) => {
    const nums = collectNumbers(args, ctx, meta.name);
    return isFormulaError(nums) ? nums : fn(nums);
  });
}

function spread(
  ns: number[],
  ddof: number,
  fn: string,
  finish: (variance: number) => number,
): number | FormulaError {
  if (ns.length - ddof < 1) return fail('#DIV/0!', fn, 'too few numbers');
  const mean = ns.reduce((s, n) => s + n, 0) / ns.length;
  const squares = ns.reduce((s, n) => s + (n - mean) ** 2, 0);
  return to15(finish(squares / (ns.length - ddof)));
}

function countWhere(args: Value[], ctx: Ticker, test: (v: Value, isDirect: boolean) => boolean): number {
  let count = 0;
  for (const a of args) {
    if (Array.isArray(a)) count += flatten(a, ctx).filter((v) => test(v, false)).length;
    else if (test(a, true)) count++;
  }
  return count;
}

function sumProduct(args: Value[], ctx: FunctionContext): number | FormulaError {
  const lists = args.map((a) => (Array.isArray(a) ? flatten(a, ctx) : [a]));
  const length = lists[0].length;
  if (lists.some((l) => l.length !== length))
    return fail('#VALUE!', 'SUMPRODUCT', 'arrays have different sizes');
  const products: number[] = [];
  for (let i = 0; i < length; i++) {
    let p = 1;
    for (const list of lists) {
      const v = list[i];
      if (isFormulaError(v)) return v;
      p *= typeof v === 'number' ? v : 0;
    }
    products.push(p);
  }
  ctx.tick(length * lists.length);
  return sumOf(products);
}

function kth(name: string, what: string, pick: (sorted: number[], k: number) => number): FunctionSpec {
  return scalar(
    {
      group: 'math',
      name,
      minArgs: 2,
      maxArgs: 2,
      argTypes: [A, N],
      returns: N,
      arrayArgs: [0],
      description: `The ${what} of an array`,
    },
    (args, ctx) => {
      const nums = collectNumbers([args[0]], ctx, name);
      if (isFormulaError(nums)) return nums;
      const k = toNumber(args[1]);
      if (isFormulaError(k)) return k;
      const index = Math.ceil(k);
      if (index < 1 || index > nums.length)
        return fail('#NUM!', name, `k must be between 1 and ${nums.length}`);
      ctx.tick(nums.length);
      return pick(
        [...nums].sort((a, b) => a - b),
        index,
      );
    },
  );
}

function rank(name: string): FunctionSpec {
  return scalar(
    {
      group: 'math',
      name,
      minArgs: 2,
      maxArgs: 3,
      argTypes: [N, A, N],
      returns: N,
      arrayArgs: [1],
      description: 'Rank of a number in a list (order 0 = largest first)',
    },
    (args, ctx) => {
      const x = toNumber(args[0]);
      if (isFormulaError(x)) return x;
      const nums = collectNumbers([args[1]], ctx, name);
      if (isFormulaError(nums)) return nums;
      const order = toNumber(args[2] ?? 0);
      if (isFormulaError(order)) return order;
      if (!nums.includes(x)) return fail('#N/A', name, `${x} is not in the list`);
      return 1 + nums.filter((n) => (order === 0 ? n > x : n < x)).length;
    },
  );
}
