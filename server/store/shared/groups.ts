import type { GroupRow, Scalar } from '../types.ts';

/** Group keys as both adapters report them: scalars as they are, objects and arrays as JSON text. */
export function toGroupKey(value: unknown): Scalar {
  if (value === undefined || value === null) return null;
  if (typeof value === 'object') return JSON.stringify(value);
  return value as Scalar;
}

/** A stable identity for a group key, so `1` and `"1"` stay apart. */
export function groupKeyId(key: Scalar): string {
  return `${typeof key}:${String(key)}`;
}

/** Orders group rows by key: null, then numbers, strings, booleans. */
export function sortGroupRows(rows: GroupRow[]): GroupRow[] {
  return rows.sort((a, b) => compareScalars(a.key, b.key));
}

function compareScalars(a: Scalar, b: Scalar): number {
  const rank = (v: Scalar) => (v === null ? 0 : typeof v === 'number' ? 1 : typeof v === 'string' ? 2 : 3);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (a === b || a === null || b === null) return 0;
  return a < b ? -1 : 1;
}
