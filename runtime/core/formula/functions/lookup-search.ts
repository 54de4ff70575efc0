/**
 * Searching lookup arrays: exact (with optional wildcards), in sorted data, and
 * nearest (XLOOKUP). Only values of the lookup value's type can match; a blank
 * lookup value matches nothing. Each search charges one step per key.
 */
import { isFormulaError } from '../values.ts';
import type { FormulaError, Scalar, Value } from '../values.ts';
import { fail, flatten, type Ticker } from './coerce.ts';
import { compareValues, hasWildcards, wildcardMatch } from './compare.ts';

/** Rows of a table argument: rows of cells in column order; a flat array is one column, a scalar 1×1 (see lookup.ts). */
export function tableRows(v: Value, ctx?: Ticker): Scalar[][] {
  if (!Array.isArray(v)) return [[v]];
  ctx?.tick(v.length);
  return v.map((row) => (Array.isArray(row) ? flatten(row, ctx) : [row]));
}

export const width = (rows: Scalar[][]): number => rows.reduce((w, r) => Math.max(w, r.length), 0);

/** A MATCH array as one vector; a table with several rows and columns is #N/A. */
export function vectorOf(v: Value, ctx: Ticker): Scalar[] | FormulaError {
  if (!Array.isArray(v)) return [v];
  if (!v.some(Array.isArray)) return flatten(v, ctx);
  const rows = tableRows(v, ctx);
  if (rows.length === 1) return rows[0];
  return width(rows) <= 1
    ? rows.map((r) => r[0] ?? null)
    : fail('#N/A', 'MATCH', 'array must be a single row or column');
}

const isSameKind = (a: Scalar, b: Scalar): boolean =>
  a !== null && b !== null && !isFormulaError(a) && typeof a === typeof b;

/** First position (last when reversed) of an equal value; text ignores case and may use wildcards. */
export function exactIndex(
  lookup: Scalar,
  keys: Scalar[],
  allowWildcards: boolean,
  isReverse: boolean,
  ctx: Ticker,
): number {
  ctx.tick(keys.length);
  const isPattern = allowWildcards && typeof lookup === 'string' && hasWildcards(lookup);
  for (let n = 0; n < keys.length; n++) {
    const i = isReverse ? keys.length - 1 - n : n;
    const k = keys[i];
    if (
      isPattern
        ? typeof k === 'string' && wildcardMatch(lookup as string, k, ctx)
        : isSameKind(lookup, k) && compareValues(lookup, k) === 0
    )
      return i;
  }
  return -1;
}

/** In data sorted ascending (dir 1): last position ≤ lookup; descending (dir −1): last position ≥ lookup. */
export function sortedIndex(lookup: Scalar, keys: Scalar[], dir: 1 | -1, ctx: Ticker): number {
  ctx.tick(keys.length);
  let found = -1;
  for (let i = 0; i < keys.length; i++) {
    if (!isSameKind(lookup, keys[i])) continue;
    const c = compareValues(keys[i], lookup) * dir;
    if (c > 0) break;
    found = i;
  }
  return found;
}

/** XLOOKUP modes −1/1: an exact match, else the nearest smaller/larger value (data need not be sorted). */
export function nearestIndex(
  lookup: Scalar,
  keys: Scalar[],
  mode: number,
  isReverse: boolean,
  ctx: Ticker,
): number {
  ctx.tick(keys.length);
  let best = -1;
  for (let n = 0; n < keys.length; n++) {
    const i = isReverse ? keys.length - 1 - n : n;
    const k = keys[i];
    if (!isSameKind(lookup, k)) continue;
    const c = compareValues(k, lookup);
    if (c === 0) return i;
    if (c === -mode) continue;
    if (best < 0 || compareValues(k, keys[best]) === -mode) best = i;
  }
  return best;
}
