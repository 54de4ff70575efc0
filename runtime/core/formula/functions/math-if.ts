/**
 * Conditional aggregates: COUNTIF(S), SUMIF(S), AVERAGEIF(S), MINIFS, MAXIFS.
 * Ranges pair up by position (a column of a table, or any array) and must have
 * the same size in the *IFS forms; an array criterion gives an array of
 * results, one per criterion (`SUM(COUNTIF(items.sku, {"A","B"}))`).
 */
import { isFormulaError } from '../values.ts';
import type { FormulaError, Scalar, Value } from '../values.ts';
import { fail, flatten } from './coerce.ts';
import { parseCriterion } from './criteria.ts';
import { eager } from './define.ts';
import { to15 } from './rounding.ts';
import { sumOf } from './stats.ts';
import type { FunctionContext, FunctionSpec } from './types.ts';

type Reduce = (values: Scalar[], fn: string) => number | FormulaError;

const A = 'array' as const;
const N = 'number' as const;

const sumValues: Reduce = (values) => {
  const e = values.find(isFormulaError);
  return e ?? sumOf(values.filter((v): v is number => typeof v === 'number'));
};
const averageValues: Reduce = (values, fn) => {
  const e = values.find(isFormulaError);
  if (e) return e;
  const nums = values.filter((v): v is number => typeof v === 'number');
  return nums.length ? to15(sumOf(nums) / nums.length) : fail('#DIV/0!', fn, 'no matching numbers');
};
const extreme =
  (pick: (a: number, b: number) => number): Reduce =>
  (values) => {
    const e = values.find(isFormulaError);
    if (e) return e;
    const nums = values.filter((v): v is number => typeof v === 'number');
    return nums.length ? nums.reduce((a, b) => pick(a, b)) : 0;
  };

export const CONDITIONAL_FUNCTIONS: FunctionSpec[] = [
  eager(
    {
      group: 'math',
      name: 'COUNTIF',
      minArgs: 2,
      maxArgs: 2,
      argTypes: [A, 'any'],
      returns: N,
      description: 'Counts values that meet a criterion',
    },
    (args, ctx) =>
      withCriteria(args, [1], ctx, (a) => matching('COUNTIF', [[a[0], a[1]]], null, ctx, (vs) => vs.length)),
  ),
  eager(
    {
      group: 'math',
      name: 'COUNTIFS',
      minArgs: 2,
      maxArgs: Infinity,
      argTypes: [A, 'any'],
      returns: N,
      description: 'Counts rows that meet every criterion',
    },
    (args, ctx) =>
      pairsFrom(args, 0, 'COUNTIFS', ctx, (pairs) =>
        matching('COUNTIFS', pairs, null, ctx, (vs) => vs.length),
      ),
  ),
  eager(
    {
      group: 'math',
      name: 'SUMIF',
      minArgs: 2,
      maxArgs: 3,
      argTypes: [A, 'any', A],
      returns: N,
      description: 'Adds the values whose row meets a criterion',
    },
    (args, ctx) =>
      withCriteria(args, [1], ctx, (a) => matching('SUMIF', [[a[0], a[1]]], a[2] ?? a[0], ctx, sumValues)),
  ),
  eager(
    {
      group: 'math',
      name: 'SUMIFS',
      minArgs: 3,
      maxArgs: Infinity,
      argTypes: [A, A, 'any'],
      returns: N,
      description: 'Adds the values whose row meets every criterion',
    },
    (args, ctx) =>
      pairsFrom(args, 1, 'SUMIFS', ctx, (pairs) => matching('SUMIFS', pairs, args[0], ctx, sumValues)),
  ),
  eager(
    {
      group: 'math',
      name: 'AVERAGEIF',
      minArgs: 2,
      maxArgs: 3,
      argTypes: [A, 'any', A],
      returns: N,
      description: 'Mean of the values whose row meets a criterion',
    },
    (args, ctx) =>
      withCriteria(args, [1], ctx, (a) =>
        matching('AVERAGEIF', [[a[0], a[1]]], a[2] ?? a[0], ctx, averageValues),
      ),
  ),
  eager(
    {
      group: 'math',
      name: 'AVERAGEIFS',
      minArgs: 3,
      maxArgs: Infinity,
      argTypes: [A, A, 'any'],
      returns: N,
      description: 'Mean of the values whose row meets every criterion',
    },
    (args, ctx) =>
      pairsFrom(args, 1, 'AVERAGEIFS', ctx, (pairs) =>
        matching('AVERAGEIFS', pairs, args[0], ctx, averageValues),
      ),
  ),
  eager(
    {
      group: 'math',
      name: 'MINIFS',
      minArgs: 3,
      maxArgs: Infinity,
      argTypes: [A, A, 'any'],
      returns: N,
      description: 'Smallest value whose row meets every criterion',
    },
    (args, ctx) =>
      pairsFrom(args, 1, 'MINIFS', ctx, (pairs) =>
        matching('MINIFS', pairs, args[0], ctx, extreme(Math.min)),
      ),
  ),
  eager(
    {
      group: 'math',
      name: 'MAXIFS',
      minArgs: 3,
      maxArgs: Infinity,
      argTypes: [A, A, 'any'],
      returns: N,
      description: 'Largest value whose row meets every criterion',
    },
    (args, ctx) =>
      pairsFrom(args, 1, 'MAXIFS', ctx, (pairs) =>
        matching('MAXIFS', pairs, args[0], ctx, extreme(Math.max)),
      ),
  ),
];

type Pair = [range: Value, criterion: Value];

/** range/criterion pairs from `start` on; an odd count is #VALUE!. */
function pairsFrom(
  args: Value[],
  start: number,
  fn: string,
  ctx: FunctionContext,
  run: (pairs: Pair[]) => Value,
): Value {
  const rest = args.length - start;
  if (rest < 2 || rest % 2 !== 0) return fail('#VALUE!', fn, 'needs range/criterion pairs');
  const criterionAt = Array.from({ length: rest / 2 }, (_, k) => start + 2 * k + 1);
  return withCriteria(args, criterionAt, ctx, (a) => {
    const pairs: Pair[] = [];
    for (let i = start; i < a.length; i += 2) pairs.push([a[i], a[i + 1]]);
    return run(pairs);
  });
}

/** Lift over array criteria: one result per criterion element. */
function withCriteria(
  args: Value[],
  positions: number[],
  ctx: FunctionContext,
  run: (args: Value[]) => Value,
): Value {
  const at = positions.find((i) => Array.isArray(args[i]));
  if (at === undefined) return run(args);
  const list = args[at] as Value[];
  ctx.tick(list.length);
  return list.map((c) =>
    withCriteria(
      args.map((a, i) => (i === at ? c : a)),
      positions,
      ctx,
      run,
    ),
  );
}

/** Values (of `target`, or the matching rows themselves when null) of the rows meeting every criterion. */
function matching(
  fn: string,
  pairs: Pair[],
  target: Value | null,
  ctx: FunctionContext,
  reduce: Reduce,
): Value {
  const ranges = pairs.map(([range]) => (Array.isArray(range) ? flatten(range, ctx) : [range]));
  const size = ranges[0].length;
  if (ranges.some((r) => r.length !== size)) return fail('#VALUE!', fn, 'ranges have different sizes');
  const tests = pairs.map(([, c]) => parseCriterion(c as Scalar, ctx));
  const values = target === null ? null : Array.isArray(target) ? flatten(target, ctx) : [target];
  if (values && pairs.length > 1 && values.length !== size)
    return fail('#VALUE!', fn, 'ranges have different sizes');
  const picked: Scalar[] = [];
  for (let i = 0; i < size; i++) {
    if (tests.every((test, k) => test(ranges[k][i])))
      picked.push(values ? (values[i] ?? null) : ranges[0][i]);
  }
  ctx.tick(size * pairs.length);
  return reduce(picked, fn);
}
