import { FormulaError } from './values.ts';
import type { Value } from './values.ts';

/** Structural equality of values (errors by code and detail), for change detection. */
export function sameValue(a: Value | undefined, b: Value): boolean {
  if (a === b) return true;
  if (a instanceof FormulaError)
    return b instanceof FormulaError && a.code === b.code && a.detail === b.detail;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  return false;
}
