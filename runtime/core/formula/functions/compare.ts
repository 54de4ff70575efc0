/**
 * Excel's comparison of values and its `?` `*` `~` wildcards. Text compares
 * case-insensitively; across types numbers < text < FALSE < TRUE; blank compares
 * as the other side's empty value (0, "", FALSE).
 */
import { isFormulaError } from '../values.ts';
import type { Scalar } from '../values.ts';
import type { ComparisonOp } from '../ast.ts';
import type { Ticker } from './coerce.ts';

const collator = new Intl.Collator('en', { sensitivity: 'accent' });

/**
 * -1, 0 or 1 as `a` sorts before, equal to or after `b`. Errors sort last
 * (callers propagate them before comparing; this keeps sorting total).
 */
export function compareValues(a: Scalar, b: Scalar): -1 | 0 | 1 {
  if (a === null && b === null) return 0;
  if (a === null) return compareValues(emptyLike(b), b);
  if (b === null) return compareValues(a, emptyLike(a));
  const rankA = typeRank(a);
  const rankB = typeRank(b);
  if (rankA !== rankB) return rankA < rankB ? -1 : 1;
  if (typeof a === 'string' && typeof b === 'string') return compareText(a, b);
  const x = isFormulaError(a) ? a.code : a;
  const y = isFormulaError(b) ? (b as { code: string }).code : b;
  return x === y ? 0 : (x as number | string | boolean) < (y as number | string | boolean) ? -1 : 1;
}

/** Excel's `=`: same type and equal, text ignoring case (blank equals 0, "" and FALSE). */
export const valuesEqual = (a: Scalar, b: Scalar): boolean => compareValues(a, b) === 0;

/** Case-insensitive text order; equal only when the texts are equal ignoring case. */
export function compareText(a: string, b: string): -1 | 0 | 1 {
  if (a === b) return 0;
  const fa = a.toLowerCase();
  const fb = b.toLowerCase();
  if (fa === fb) return 0;
  const c = collator.compare(a, b);
  if (c !== 0) return c < 0 ? -1 : 1;
  return fa < fb ? -1 : 1;
}

export const hasWildcards = (pattern: string): boolean => /[*?~]/.test(pattern);

/** Whole-text wildcard match, ignoring case: `?` one character, `*` any run, `~` escapes. */
export function wildcardMatch(pattern: string, text: string, ctx?: Ticker): boolean {
  return matchAt(compilePattern(pattern), foldUnits(text), 0, true, ctx);
}

/**
 * 0-based index of the first place at or after `from` where `pattern` (with
 * wildcards) matches, ignoring case; -1 when nowhere.
 */
export function wildcardSearch(pattern: string, text: string, from: number, ctx?: Ticker): number {
  const tokens = compilePattern(pattern);
  const folded = foldUnits(text);
  for (let i = from; i <= folded.length; i++) {
    if (matchAt(tokens, folded, i, false, ctx)) return i;
  }
  return -1;
}

/**
 * Lower-cases unit by unit so positions stay put (a few letters change length
 * when lower-cased as a whole, e.g. "İ").
 */
export function foldUnits(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const unit of text) {
    const l = unit.toLowerCase();
    out += l.length === unit.length ? l : unit;
  }
  return out;
}

const ANY = -1;
const STAR = -2;

function compilePattern(pattern: string): number[] {
  const folded = foldUnits(pattern);
  const tokens: number[] = [];
  for (let i = 0; i < folded.length; i++) {
    const c = folded[i];
    if (c === '~' && i + 1 < folded.length) tokens.push(folded.charCodeAt(++i));
    else if (c === '?') tokens.push(ANY);
    else if (c === '*') tokens.push(STAR);
    else tokens.push(folded.charCodeAt(i));
  }
  return tokens;
}

/** Glob match with one back-tracking point per star (O(n·m) worst case), one step per 16 comparisons. */
function matchAt(
  tokens: number[],
  text: string,
  from: number,
  isAnchoredEnd: boolean,
  ctx?: Ticker,
): boolean {
  let p = 0;
  let t = from;
  let starP = -1;
  let starT = 0;
  let steps = 0;
  while (t < text.length) {
    if (!isAnchoredEnd && p === tokens.length) return true;
    if ((++steps & 1023) === 0) ctx?.tick(64);
    const token = tokens[p];
    if (p < tokens.length && (token === ANY || token === text.charCodeAt(t))) {
      p++;
      t++;
    } else if (token === STAR) {
      starP = p++;
      starT = t;
    } else if (starP >= 0) {
      p = starP + 1;
      t = ++starT;
    } else {
      return false;
    }
  }
  while (tokens[p] === STAR) p++;
  return p === tokens.length;
}

function typeRank(v: Exclude<Scalar, null>): number {
  if (typeof v === 'number') return 0;
  if (typeof v === 'string') return 1;
  if (typeof v === 'boolean') return 2;
  return 3;
}

function emptyLike(v: Scalar): Scalar {
  if (typeof v === 'string') return '';
  if (typeof v === 'boolean') return false;
  return 0;
}

/** Whether a comparison result (negative, 0, positive) satisfies a relational operator. */
export function satisfies(op: ComparisonOp, c: number): boolean {
  switch (op) {
    case '=':
      return c === 0;
    case '<>':
      return c !== 0;
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    default:
      return c >= 0;
  }
}
