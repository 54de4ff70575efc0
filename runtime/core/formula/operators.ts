/** The formula operators with Excel semantics; arrays (columns) combine element by element. */
import type { BinaryOp, ComparisonOp } from './ast.ts';
import { compareValues, toNumber, toText } from './functions/index.ts';
import { satisfies } from './functions/compare.ts';
import { round15 } from './round.ts';
import { FormulaError } from './values.ts';
import type { Scalar, Value } from './values.ts';

/** What the operators need from the evaluator: the step meter and the text cap. */
export interface OperatorEnv {
  tick(n?: number): void;
  readonly maxText: number;
}

export function applyBinary(op: BinaryOp, a: Value, b: Value, env: OperatorEnv): Value {
  if (Array.isArray(a) || Array.isArray(b)) return broadcast(a, b, env, (x, y) => applyBinary(op, x, y, env));
  switch (op) {
    case '&':
      return concat(a, b, env);
    case '+':
    case '-':
    case '*':
    case '/':
    case '^':
      return arithmetic(op, a, b);
    default:
      return compare(op, a, b);
  }
}

export function applyNegate(v: Value, env: OperatorEnv): Value {
  if (Array.isArray(v)) return mapArray(v, env, (x) => applyNegate(x, env));
  const n = toNumber(v);
  return typeof n === 'number' ? (n === 0 ? 0 : -n) : n;
}

export function applyPercent(v: Value, env: OperatorEnv): Value {
  if (Array.isArray(v)) return mapArray(v, env, (x) => applyPercent(x, env));
  const n = toNumber(v);
  return typeof n === 'number' ? n / 100 : n;
}

function arithmetic(op: '+' | '-' | '*' | '/' | '^', a: Scalar, b: Scalar): Value {
  const x = typeof a === 'number' ? a : toNumber(a);
  if (typeof x !== 'number') return x;
  const y = typeof b === 'number' ? b : toNumber(b);
  if (typeof y !== 'number') return y;
  let r: number;
  switch (op) {
    case '+':
      r = x + y;
      break;
    case '-':
      r = x - y;
      break;
    case '*':
      r = x * y;
      break;
    case '/':
      if (y === 0) return new FormulaError('#DIV/0!', 'division by zero');
      r = x / y;
      break;
    default:
      if (x === 0 && y === 0) return new FormulaError('#NUM!', '0^0 is undefined');
      if (x === 0 && y < 0) return new FormulaError('#DIV/0!', 'zero raised to a negative power');
      r = Math.pow(x, y);
  }
  return Number.isFinite(r) ? r : new FormulaError('#NUM!', 'result is not a finite number');
}

function concat(a: Scalar, b: Scalar, env: OperatorEnv): Value {
  const x = toText(a);
  if (typeof x !== 'string') return x;
  const y = toText(b);
  if (typeof y !== 'string') return y;
  const length = x.length + y.length;
  if (length > env.maxText) return textTooLong(env.maxText);
  if (length > 1024) env.tick(length >>> 10);
  return x + y;
}

function compare(op: ComparisonOp, a: Scalar, b: Scalar): Value {
  if (a instanceof FormulaError) return a;
  if (b instanceof FormulaError) return b;
  const c = typeof a === 'number' && typeof b === 'number' ? compareNumbers(a, b) : compareValues(a, b);
  return satisfies(op, c);
}

/**
 * Numbers compare on their 15-digit value, so `0.1 + 0.2 = 0.3` is TRUE as in
 * Excel. Rounding (slow) is only needed when the two are within float noise.
 */
function compareNumbers(a: number, b: number): number {
  if (a === b) return 0;
  if (Math.abs(a - b) > 1e-12 * Math.max(Math.abs(a), Math.abs(b))) return a < b ? -1 : 1;
  const x = round15(a);
  const y = round15(b);
  return x === y ? 0 : x < y ? -1 : 1;
}

export function textTooLong(max: number): FormulaError {
  return new FormulaError('#VALUE!', `text longer than ${max} characters`);
}

const NOT_AVAILABLE = new FormulaError('#N/A', 'arrays of different lengths');

function broadcast(a: Value, b: Value, env: OperatorEnv, f: (x: Value, y: Value) => Value): Value[] {
  const isArrayA = Array.isArray(a);
  const isArrayB = Array.isArray(b);
  const n = Math.max(isArrayA ? a.length : 0, isArrayB ? b.length : 0);
  env.tick(n);
  const out: Value[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const x = isArrayA ? (i < a.length ? a[i] : NOT_AVAILABLE) : a;
    const y = isArrayB ? (i < b.length ? b[i] : NOT_AVAILABLE) : b;
    out[i] = f(x, y);
  }
  return out;
}

function mapArray(v: Value[], env: OperatorEnv, f: (x: Value) => Value): Value[] {
  env.tick(v.length);
  return v.map(f);
}
