/**
 * Logical functions. IF, IFS, IFERROR, IFNA, SWITCH are lazy: only the branch
 * taken is evaluated. AND/OR/XOR are eager, as in Excel: AND(FALSE, 1/0) is #DIV/0!.
 */
import { FormulaError, isFormulaError } from '../values.ts';
import type { Value } from '../values.ts';
import { fail, flatten, toBoolean, type Ticker } from './coerce.ts';
import { valuesEqual } from './compare.ts';
import { eager, lazy, scalar } from './define.ts';
import type { FunctionSpec } from './types.ts';

const B = 'boolean' as const;
const ANY = 'any' as const;

export const LOGIC_FUNCTIONS: FunctionSpec[] = [
  lazy(
    {
      group: 'logic',
      name: 'IF',
      minArgs: 1,
      maxArgs: 3,
      argTypes: [B, ANY, ANY],
      returns: ANY,
      description: 'One value if a condition is true, another if false',
    },
    (args, ctx) => {
      ctx.tick();
      const condition = args[0]();
      if (Array.isArray(condition)) return pickEach(condition, branch(args, 1), branch(args, 2), ctx);
      const isTrue = toBoolean(condition);
      if (isFormulaError(isTrue)) return isTrue;
      return branch(args, isTrue ? 1 : 2);
    },
  ),
  lazy(
    {
      group: 'logic',
      name: 'IFS',
      minArgs: 2,
      maxArgs: Infinity,
      argTypes: [B, ANY],
      returns: ANY,
      description: 'The value of the first true condition',
    },
    (args, ctx) => {
      if (args.length % 2 !== 0) return fail('#VALUE!', 'IFS', 'needs condition/value pairs');
      for (let i = 0; i < args.length; i += 2) {
        ctx.tick();
        const isTrue = toBoolean(args[i]());
        if (isFormulaError(isTrue)) return isTrue;
        if (isTrue) return args[i + 1]();
      }
      return fail('#N/A', 'IFS', 'no condition is true');
    },
  ),
  lazy(
    {
      group: 'logic',
      name: 'IFERROR',
      minArgs: 2,
      maxArgs: 2,
      argTypes: [ANY, ANY],
      returns: ANY,
      description: 'A value, or a fallback when it is any error',
    },
    (args, ctx) => replaceErrors(args, ctx, isAnyError),
  ),
  lazy(
    {
      group: 'logic',
      name: 'IFNA',
      minArgs: 2,
      maxArgs: 2,
      argTypes: [ANY, ANY],
      returns: ANY,
      description: 'A value, or a fallback when it is #N/A',
    },
    (args, ctx) => replaceErrors(args, ctx, isNotAvailable),
  ),
  lazy(
    {
      group: 'logic',
      name: 'SWITCH',
      minArgs: 3,
      maxArgs: Infinity,
      argTypes: [ANY, ANY, ANY],
      returns: ANY,
      description: 'The result paired with the first value equal to the expression, else the default',
    },
    (args, ctx) => {
      const subject = args[0]();
      if (isFormulaError(subject)) return subject;
      const pairs = Math.floor((args.length - 1) / 2);
      for (let k = 0; k < pairs; k++) {
        ctx.tick();
        const candidate = args[1 + 2 * k]();
        if (isFormulaError(candidate)) return candidate;
        if (!Array.isArray(subject) && !Array.isArray(candidate) && valuesEqual(subject, candidate))
          return args[2 + 2 * k]();
      }
      return args.length % 2 === 0 ? args[args.length - 1]() : fail('#N/A', 'SWITCH', 'no value matched');
    },
  ),
  eager(logical('AND', 'TRUE when every argument is true'), (args, ctx) =>
    combine('AND', args, ctx, isEvery),
  ),
  eager(logical('OR', 'TRUE when any argument is true'), (args, ctx) => combine('OR', args, ctx, isSome)),
  eager(logical('XOR', 'TRUE when an odd number of arguments are true'), (args, ctx) =>
    combine('XOR', args, ctx, isOdd),
  ),
  scalar(
    {
      group: 'logic',
      name: 'NOT',
      minArgs: 1,
      maxArgs: 1,
      argTypes: [B],
      returns: B,
      description: 'Reverses a logical value',
    },
    ([v]) => {
      const b = toBoolean(v);
      return isFormulaError(b) ? b : !b;
    },
  ),
  eager(
    {
      group: 'logic',
      name: 'TRUE',
      minArgs: 0,
      maxArgs: 0,
      argTypes: [],
      returns: B,
      description: 'The logical value TRUE',
    },
    () => true,
  ),
  eager(
    {
      group: 'logic',
      name: 'FALSE',
      minArgs: 0,
      maxArgs: 0,
      argTypes: [],
      returns: B,
      description: 'The logical value FALSE',
    },
    () => false,
  ),
];

const isEvery = (bs: boolean[]): boolean => bs.every(Boolean);
const isSome = (bs: boolean[]): boolean => bs.some(Boolean);
const isOdd = (bs: boolean[]): boolean => bs.filter(Boolean).length % 2 === 1;

function logical(name: string, description: string) {
  return {
    group: 'logic' as const,
    name,
    minArgs: 1,
    maxArgs: Infinity,
    argTypes: [B],
    returns: B,
    arrayMode: 'aggregate' as const,
    description,
  };
}

/**
 * Logical values of the arguments: in arrays booleans and numbers count, text and
 * blanks are skipped; a direct text must read TRUE/FALSE. None at all is #VALUE!.
 */
function combine(fn: string, args: Value[], ctx: Ticker, decide: (bs: boolean[]) => boolean): Value {
  const bs: boolean[] = [];
  for (const a of args) {
    if (Array.isArray(a)) {
      for (const v of flatten(a, ctx)) {
        if (isFormulaError(v)) return v;
        if (typeof v === 'boolean' || typeof v === 'number') bs.push(v !== 0 && v !== false);
      }
    } else if (a !== null) {
      const b = toBoolean(a);
      if (isFormulaError(b)) return b;
      bs.push(b);
    }
  }
  return bs.length ? decide(bs) : fail('#VALUE!', fn, 'no logical values');
}

/** IF over an array condition: element by element, branches paired by position. */
function pickEach(condition: Value[], then: Value, otherwise: Value, ctx: Ticker): Value[] {
  ctx.tick(condition.length);
  return condition.map((c, i) => {
    if (Array.isArray(c)) return pickEach(c, at(then, i), at(otherwise, i), ctx);
    const b = toBoolean(c);
    return isFormulaError(b) ? b : b ? at(then, i) : at(otherwise, i);
  });
}

/** IFERROR/IFNA: the value, errors (also inside an array) replaced by the fallback, evaluated once. */
function replaceErrors(args: (() => Value)[], ctx: Ticker, isCaught: (e: FormulaError) => boolean): Value {
  ctx.tick();
  const value = args[0]();
  if (isFormulaError(value)) return isCaught(value) ? args[1]() : value;
  if (!Array.isArray(value)) return value;
  return replaceIn(value, { fallback: args[1], value: undefined, isCaught, ctx });
}

interface Replacement {
  fallback: () => Value;
  /** the fallback's value once evaluated */
  value: Value | undefined;
  isCaught: (e: FormulaError) => boolean;
  ctx: Ticker;
}

function replaceIn(values: Value[], r: Replacement): Value[] {
  r.ctx.tick(values.length);
  const out: Value[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (isFormulaError(v))
      out[i] = r.isCaught(v) ? (r.value === undefined ? (r.value = r.fallback()) : r.value) : v;
    else out[i] = Array.isArray(v) ? replaceIn(v, r) : v;
  }
  return out;
}

/** The element of a branch paired with condition element `i` (a one-element array broadcasts). */
function at(v: Value, i: number): Value {
  return Array.isArray(v) ? (v.length === 1 ? v[0] : (v[i] ?? new FormulaError('#N/A'))) : v;
}

const isAnyError = (): boolean => true;
const isNotAvailable = (e: FormulaError): boolean => e.code === '#N/A';

/** IF's branch `i`: TRUE/FALSE when it is left out, as in Excel (`IF(x > 1)` is TRUE or FALSE). */
function branch(args: (() => Value)[], i: 1 | 2): Value {
  return args.length > i ? args[i]() : i === 1;
}
