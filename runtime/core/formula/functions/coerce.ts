/**
 * Excel's coercions between values, shared by the function library and the
 * compiler's operators. Blank (null) is 0 / "" / FALSE; text that reads as a
 * number, percent, currency amount, date or time converts to a number.
 */
import { FormulaError, isFormulaError } from '../values.ts';
import type { ErrorCode, Scalar, Value } from '../values.ts';
import { parseDateTimeText } from './date-text.ts';

/** Excel's cell limit; longer text results are #VALUE!. */
export const MAX_TEXT_LENGTH = 32_767;

/** Anything that can be charged for work (a FunctionContext). */
export interface Ticker {
  tick(n?: number): void;
}

/** Number of a value: blank → 0, TRUE → 1, numeric/date text → its number, other text → #VALUE!. */
export function toNumber(v: Value): number | FormulaError {
  if (typeof v === 'number') return v;
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string')
    return parseNumberText(v) ?? new FormulaError('#VALUE!', `"${clip(v)}" is not a number`);
  if (Array.isArray(v)) return single(v, toNumber);
  return v;
}

/** Text of a value: blank → "", TRUE → "TRUE", numbers in Excel's General format (15 significant digits). */
export function toText(v: Value): string | FormulaError {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberToText(v);
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (Array.isArray(v)) return single(v, toText);
  return v;
}

/** Truth of a value: numbers ≠ 0, text "TRUE"/"FALSE" (any case), blank → FALSE, other text → #VALUE!. */
export function toBoolean(v: Value): boolean | FormulaError {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (v === null) return false;
  if (typeof v === 'string') {
    const upper = v.trim().toUpperCase();
    if (upper === 'TRUE' || upper === 'FALSE') return upper === 'TRUE';
    return new FormulaError('#VALUE!', `"${clip(v)}" is not TRUE or FALSE`);
  }
  if (Array.isArray(v)) return single(v, toBoolean);
  return v;
}

/** All scalars of (nested) arrays in order, charging one step per element. */
export function flatten(values: readonly Value[], ctx?: Ticker): Scalar[] {
  const out: Scalar[] = [];
  const stack: { items: readonly Value[]; at: number }[] = [{ items: values, at: 0 }];
  ctx?.tick(values.length);
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (top.at >= top.items.length) {
      stack.pop();
      continue;
    }
    const v = top.items[top.at++];
    if (Array.isArray(v)) {
      ctx?.tick(v.length);
      stack.push({ items: v, at: 0 });
    } else {
      out.push(v);
    }
  }
  return out;
}

/** The first error among (nested) values, if any. */
export function firstError(values: readonly Value[]): FormulaError | undefined {
  for (const v of values) {
    if (isFormulaError(v)) return v;
    if (Array.isArray(v)) {
      const e = firstError(v);
      if (e) return e;
    }
  }
  return undefined;
}

/**
 * Number of a text as Excel reads it: `1,234.5`, `-1e3`, `(12)`, `$5`, `50%`,
 * dates and times (`2024-01-31`, `9:30 PM`); null when it is not one.
 */
export function parseNumberText(text: string): number | null {
  let t = text.trim();
  if (!t) return null;
  let percents = 0;
  while (t.endsWith('%')) {
    percents++;
    t = t.slice(0, -1).trimEnd();
  }
  let isNegative = false;
  const paren = /^\((.*)\)$/.exec(t);
  if (paren) {
    isNegative = true;
    t = paren[1].trim();
  }
  const m =
    /^([+-]?)\s*[$¥€£]?\s*([+-]?)\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?$/.exec(t);
  if (!m || (m[1] && m[2]) || (paren && (m[1] || m[2]))) {
    if (percents || paren) return null;
    return parseDateTimeText(t);
  }
  if (m[1] === '-' || m[2] === '-') isNegative = !isNegative;
  const exponent = Number(m[4] ?? 0) - 2 * percents;
  const n = Number(`${m[3].replace(/,/g, '')}e${exponent}`);
  if (!Number.isFinite(n)) return null;
  return isNegative ? -n : n;
}

/** Excel's General format for a number converted to text (`=A1&""`). */
export function numberToText(n: number): string {
  if (n === 0) return '0';
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 1e15) return scientific(n);
  const s = String(Number(n.toPrecision(15)));
  return s.includes('e') ? scientific(n) : s;
}

/** A text result, or #VALUE! when it exceeds Excel's 32,767-character limit. */
export function textResult(s: string, fn: string): string | FormulaError {
  return s.length > MAX_TEXT_LENGTH
    ? new FormulaError('#VALUE!', `${fn}: text longer than ${MAX_TEXT_LENGTH} characters`)
    : s;
}

/** Charge text work: one step, plus one per 64 UTF-16 units handled. */
export function tickText(ctx: Ticker, length: number): void {
  ctx.tick(1 + (length >> 6));
}

/** An error value whose detail names the function: `MOD: division by zero`. */
export const fail = (code: ErrorCode, fn: string, why: string): FormulaError =>
  new FormulaError(code, `${fn}: ${why}`);

/** A number result, #NUM! when it is NaN or infinite (Excel has neither); -0 becomes 0. */
export function numResult(n: number, fn: string): number | FormulaError {
  if (!Number.isFinite(n)) return fail('#NUM!', fn, 'result is not a finite number');
  return n === 0 ? 0 : n;
}

function single<T>(v: Value[], convert: (x: Value) => T | FormulaError): T | FormulaError {
  return v.length === 1 ? convert(v[0]) : new FormulaError('#VALUE!', 'expected a single value, got a list');
}

function scientific(n: number): string {
  const [mantissa, exponent] = n.toExponential(14).split('e');
  const e = Number(exponent);
  return `${mantissa.replace(/\.?0+$/, '')}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

const clip = (s: string): string => (s.length > 24 ? `${s.slice(0, 24)}…` : s);
