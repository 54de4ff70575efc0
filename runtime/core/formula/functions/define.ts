/**
 * Builders for FunctionSpecs, so each function states only its own rule:
 * lifting over arrays, error propagation and number coercion live here once.
 */
import { FormulaError, isFormulaError } from '../values.ts';
import type { Value } from '../values.ts';
import { numResult, toNumber } from './coerce.ts';
import type { FunctionContext, FunctionSpec } from './types.ts';

export type SpecMeta = Omit<FunctionSpec, 'impl' | 'isLazy'>;

export interface ScalarMeta extends Omit<SpecMeta, 'arrayMode'> {
  /** positions that take an array as a whole (holidays, a lookup table): never lifted */
  arrayArgs?: number[];
  /** receive error arguments instead of propagating the first one (ISERROR, IFERROR…) */
  isErrorAware?: boolean;
}

type EagerImpl = (args: Value[], ctx: FunctionContext) => Value;
type LazyImpl = (args: (() => Value)[], ctx: FunctionContext) => Value;

/** A function over whole arguments (aggregates, lookups): arrays arrive as they are. */
export function eager(meta: SpecMeta, impl: EagerImpl): FunctionSpec {
  return { ...meta, impl: (args, ctx) => finite(impl(args as Value[], ctx), meta.name) };
}

/** A function that receives thunks and evaluates only the arguments it needs. */
export function lazy(meta: SpecMeta, impl: LazyImpl): FunctionSpec {
  return { ...meta, isLazy: true, impl: (args, ctx) => impl(args as (() => Value)[], ctx) };
}

/**
 * A function of scalars. An array in a scalar position is lifted: the function
 * maps over it element by element (several arrays pair up by position; a
 * one-element array broadcasts; a missing partner is #N/A, as in Excel).
 * Unless error-aware, the first error argument is the result.
 */
export function scalar(meta: ScalarMeta, fn: EagerImpl): FunctionSpec {
  const { arrayArgs = [], isErrorAware = false, ...rest } = meta;
  const name = meta.name;
  // plain loops and no per-call closures: this wrapper runs on every call of most functions
  const apply = (args: Value[], ctx: FunctionContext): Value => {
    let length = -1;
    let hasArray = false;
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (!Array.isArray(a) || (arrayArgs.length > 0 && arrayArgs.includes(i))) continue;
      hasArray = true;
      if (a.length !== 1 && a.length > length) length = a.length;
    }
    if (!hasArray) {
      if (!isErrorAware) {
        for (let i = 0; i < args.length; i++) if (args[i] instanceof FormulaError) return args[i];
      }
      ctx.tick();
      return finite(fn(args, ctx), name);
    }
    const count = length < 0 ? 1 : length;
    ctx.tick(count);
    const out: Value[] = [];
    for (let k = 0; k < count; k++) {
      out.push(
        apply(
          args.map((a, i) => (Array.isArray(a) && !arrayArgs.includes(i) ? elementAt(a, k) : a)),
          ctx,
        ),
      );
    }
    return out;
  };
  return { ...rest, arrayMode: 'elementwise', impl: (args, ctx) => apply(args as Value[], ctx) };
}

/**
 * A function of numbers: every argument is coerced with toNumber (lifting over
 * arrays), and a NaN/∞ result becomes #NUM!.
 */
export function numeric(
  meta: ScalarMeta,
  fn: (n: number[], ctx: FunctionContext) => number | FormulaError,
): FunctionSpec {
  return scalar(meta, (args, ctx) => {
    const nums: number[] = [];
    for (const a of args) {
      const n = toNumber(a);
      if (isFormulaError(n)) return n;
      nums.push(n);
    }
    const result = fn(nums, ctx);
    return isFormulaError(result) ? result : numResult(result, meta.name);
  });
}

/** Index specs by name. */
export function registry(...groups: FunctionSpec[][]): Map<string, FunctionSpec> {
  const map = new Map<string, FunctionSpec>();
  for (const spec of groups.flat()) {
    if (map.has(spec.name)) throw new Error(`function ${spec.name} already registered`);
    map.set(spec.name, spec);
  }
  return map;
}

/** Excel has no NaN or ∞: such a result (an overflow) is #NUM!. */
function finite(v: Value, fn: string): Value {
  return typeof v === 'number' && !Number.isFinite(v)
    ? new FormulaError('#NUM!', `${fn}: result is not a finite number`)
    : v;
}

function elementAt(a: Value[], k: number): Value {
  if (a.length === 1) return a[0];
  return k < a.length ? a[k] : new FormulaError('#N/A', 'arrays of different lengths');
}
