/**
 * Text functions. Positions count UTF-16 units from 1, as Excel does; text
 * results longer than 32,767 characters are #VALUE!, checked before building them.
 */
import { isFormulaError } from '../values.ts';
import type { FormulaError, Value } from '../values.ts';
import {
  fail,
  flatten,
  MAX_TEXT_LENGTH,
  textResult,
  tickText,
  toBoolean,
  toNumber,
  toText,
  type Ticker,
} from './coerce.ts';
import { foldUnits, hasWildcards, wildcardSearch } from './compare.ts';
import { eager, scalar } from './define.ts';
import type { FunctionContext, FunctionSpec, ValueType } from './types.ts';

const T = 'text' as const;
const N = 'number' as const;

export const TEXT_FUNCTIONS: FunctionSpec[] = [
  text('CONCATENATE', 1, Infinity, [T], 'Joins texts', (s, _, ctx) => joined(s, '', 'CONCATENATE', ctx)),
  eager(
    {
      group: 'text',
      name: 'CONCAT',
      minArgs: 1,
      maxArgs: Infinity,
      argTypes: [T],
      returns: T,
      arrayMode: 'aggregate',
      description: 'Joins texts and whole arrays',
    },
    (args, ctx) => {
      const parts = textsOf(flatten(args, ctx));
      return isFormulaError(parts) ? parts : joined(parts, '', 'CONCAT', ctx);
    },
  ),
  eager(
    {
      group: 'text',
      name: 'TEXTJOIN',
      minArgs: 3,
      maxArgs: Infinity,
      argTypes: [T, 'boolean', T],
      returns: T,
      arrayMode: 'aggregate',
      description: 'Joins texts and arrays with a delimiter, optionally skipping empty ones',
    },
    (args, ctx) => textJoin(args, ctx),
  ),
  text<[string, number?]>('LEFT', 1, 2, [T, N], 'First characters of a text', ([s, n = 1]) =>
    withCount(n, 'LEFT', (k) => s.slice(0, k)),
  ),
  text<[string, number?]>('RIGHT', 1, 2, [T, N], 'Last characters of a text', ([s, n = 1]) =>
    withCount(n, 'RIGHT', (k) => (k === 0 ? '' : s.slice(-k))),
  ),
  text<[string, number, number]>(
    'MID',
    3,
    3,
    [T, N, N],
    'Characters from the middle of a text',
    ([s, start, n]) => {
      if (start < 1) return fail('#VALUE!', 'MID', 'start must be at least 1');
      return withCount(n, 'MID', (k) => s.substr(Math.trunc(start) - 1, k));
    },
  ),
  text('LEN', 1, 1, [T], 'Number of characters', ([s]) => s.length, N),
  text<[string, string, number?]>(
    'FIND',
    2,
    3,
    [T, T, N],
    'Position of a text inside another (case-sensitive)',
    ([needle, hay, start = 1]) => findIn(needle, hay, start, 'FIND', (from) => hay.indexOf(needle, from)),
  ),
  text<[string, string, number?]>(
    'SEARCH',
    2,
    3,
    [T, T, N],
    'Position of a text inside another (ignoring case; wildcards ? * ~)',
    ([needle, hay, start = 1], _, ctx) =>
      findIn(needle, hay, start, 'SEARCH', (from) =>
        hasWildcards(needle)
          ? wildcardSearch(needle, hay, from, ctx)
          : foldUnits(hay).indexOf(foldUnits(needle), from),
      ),
  ),
  text<[string, string, string, number?]>(
    'SUBSTITUTE',
    3,
    4,
    [T, T, T, N],
    'Replaces occurrences of a text (all, or the n-th)',
    ([s, old, replacement, nth], raw, ctx) =>
      substitute({ s, old, replacement, nth: raw.length > 3 ? nth : undefined, ctx }),
  ),
  text<[string, number, number, string]>(
    'REPLACE',
    4,
    4,
    [T, N, N, T],
    'Replaces characters at a position',
    ([s, start, n, replacement]) => {
      if (start < 1 || n < 0)
        return fail('#VALUE!', 'REPLACE', 'start must be at least 1 and count not negative');
      const from = Math.trunc(start) - 1;
      return textResult(s.slice(0, from) + replacement + s.slice(from + Math.trunc(n)), 'REPLACE');
    },
  ),
  text('UPPER', 1, 1, [T], 'Text in upper case', ([s]) => s.toUpperCase()),
  text('LOWER', 1, 1, [T], 'Text in lower case', ([s]) => s.toLowerCase()),
  text('PROPER', 1, 1, [T], 'Capitalizes the first letter of each word', ([s]) =>
    s.replace(/\p{L}+/gu, (word) => word[0].toUpperCase() + word.slice(1).toLowerCase()),
  ),
  text('TRIM', 1, 1, [T], 'Removes leading and trailing spaces and collapses inner runs of spaces', ([s]) =>
    s.replace(/ {2,}/g, ' ').replace(/^ | $/g, ''),
  ),
  text('CLEAN', 1, 1, [T], 'Removes non-printable characters (codes 0–31)', ([s]) =>
    removeControlCharacters(s),
  ),
  text<[string, number]>('REPT', 2, 2, [T, N], 'Repeats a text', ([s, times]) => {
    const n = Math.trunc(times);
    if (n < 0) return fail('#VALUE!', 'REPT', 'count is negative');
    if (s.length * n > MAX_TEXT_LENGTH)
      return fail('#VALUE!', 'REPT', `result longer than ${MAX_TEXT_LENGTH} characters`);
    return s.repeat(n);
  }),
  text(
    'EXACT',
    2,
    2,
    [T, T],
    'TRUE if two texts are identical (case-sensitive)',
    ([a, b]) => a === b,
    'boolean',
  ),
  scalar(
    {
      group: 'text',
      name: 'T',
      minArgs: 1,
      maxArgs: 1,
      argTypes: ['any'],
      returns: T,
      description: 'The value if it is text, else ""',
    },
    ([v]) => (typeof v === 'string' ? v : ''),
  ),
];

/**
 * A text function: arguments at number positions (per argTypes) are coerced
 * with toNumber, the rest with toText; work is charged per character.
 */
function text<A extends (string | number | undefined)[] = string[]>(
  name: string,
  minArgs: number,
  maxArgs: number,
  argTypes: ValueType[],
  description: string,
  fn: (args: A, raw: Value[], ctx: FunctionContext) => Value,
  returns: ValueType = T,
): FunctionSpec {
  return scalar({ group: 'text', name, minArgs, maxArgs, argTypes, returns, description }, (raw, ctx) => {
    const args: (string | number)[] = [];
    let size = 0;
    for (let i = 0; i < raw.length; i++) {
      const type = argTypes[Math.min(i, argTypes.length - 1)];
      const v = type === 'number' ? toNumber(raw[i]) : toText(raw[i]);
      if (isFormulaError(v)) return v;
      if (typeof v === 'string') size += v.length;
      args.push(v);
    }
    tickText(ctx, size);
    const result = fn(args as A, raw, ctx);
    if (typeof result === 'string') tickText(ctx, result.length);
    return typeof result === 'string' ? textResult(result, name) : result;
  });
}

function withCount(n: number, fn: string, take: (k: number) => string): string | FormulaError {
  return n < 0 ? fail('#VALUE!', fn, 'count is negative') : take(Math.trunc(n));
}

function findIn(
  needle: string,
  hay: string,
  start: number,
  fn: string,
  search: (from: number) => number,
): number | FormulaError {
  const from = Math.trunc(start);
  if (from < 1 || from > hay.length + (needle === '' ? 1 : 0))
    return fail('#VALUE!', fn, 'start is outside the text');
  const at = search(from - 1);
  return at < 0 ? fail('#VALUE!', fn, `"${needle}" not found`) : at + 1;
}

function substitute(input: {
  s: string;
  old: string;
  replacement: string;
  nth: number | undefined;
  ctx: Ticker;
}): string | FormulaError {
  const { s, old, replacement, nth, ctx } = input;
  if (nth !== undefined && Math.trunc(nth) < 1)
    return fail('#VALUE!', 'SUBSTITUTE', 'instance must be at least 1');
  if (old === '') return s;
  if (nth === undefined) {
    // a step per occurrence (thousands of one-character matches cost far more than the
    // text length suggests), and stop counting once the result could not fit
    const growth = replacement.length - old.length;
    let count = 0;
    for (let at = s.indexOf(old); at >= 0; at = s.indexOf(old, at + old.length)) {
      count++;
      if (growth > 0 && s.length + count * growth > MAX_TEXT_LENGTH)
        return fail('#VALUE!', 'SUBSTITUTE', `result longer than ${MAX_TEXT_LENGTH} characters`);
    }
    ctx.tick(count);
    return s.split(old).join(replacement);
  }
  let at = -1;
  for (let k = 0; k < Math.trunc(nth); k++) {
    at = s.indexOf(old, at + 1);
    if (at < 0) return s;
  }
  return s.slice(0, at) + replacement + s.slice(at + old.length);
}

function textsOf(values: Value[]): string[] | FormulaError {
  const out: string[] = [];
  for (const v of values) {
    const s = toText(v);
    if (isFormulaError(s)) return s;
    out.push(s);
  }
  return out;
}

function joined(parts: string[], delimiter: string, fn: string, ctx: FunctionContext): string | FormulaError {
  const length = parts.reduce((n, p) => n + p.length, 0) + Math.max(parts.length - 1, 0) * delimiter.length;
  tickText(ctx, length);
  return length > MAX_TEXT_LENGTH
    ? fail('#VALUE!', fn, `result longer than ${MAX_TEXT_LENGTH} characters`)
    : parts.join(delimiter);
}

function textJoin(args: Value[], ctx: FunctionContext): Value {
  const delimiters = textsOf(Array.isArray(args[0]) ? flatten(args[0], ctx) : [args[0]]);
  if (isFormulaError(delimiters)) return delimiters;
  const skipEmpty = toBoolean(args[1]);
  if (isFormulaError(skipEmpty)) return skipEmpty;
  const parts = textsOf(flatten(args.slice(2), ctx));
  if (isFormulaError(parts)) return parts;
  const kept = skipEmpty ? parts.filter((p) => p !== '') : parts;
  if (delimiters.length <= 1) return joined(kept, delimiters[0] ?? '', 'TEXTJOIN', ctx);
  const woven = kept.flatMap((p, i) => (i === 0 ? [p] : [delimiters[(i - 1) % delimiters.length], p]));
  return joined(woven, '', 'TEXTJOIN', ctx);
}

function removeControlCharacters(s: string): string {
  let out = '';
  for (const ch of s) if (ch.charCodeAt(0) > 31) out += ch;
  return out;
}
