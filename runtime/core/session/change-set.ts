import type { RuleInfo } from './plan.ts';
import type { SessionChange, SessionPath } from './types.ts';

/** `total`, or `items/3/qty` for a cell — the key errors and masks are stored under. */
export function keyOf(path: SessionPath): string {
  return typeof path === 'string' ? path : `${path[0]}/${path[1]}/${path[2]}`;
}

/** The inverse of keyOf; a row-level key (`items/3`) maps to its table. */
export function pathOfKey(key: string): SessionPath {
  const parts = key.split('/');
  if (parts.length === 3 && /^\d+$/.test(parts[1])) return [parts[0], Number(parts[1]), parts[2]];
  return parts[0];
}

/** `items.qty` and row 3 for `items/3/qty`; the key itself and null for a header key. */
export function nameOfKey(key: string): { name: string; row: number | null } {
  const path = pathOfKey(key);
  return typeof path === 'string'
    ? { name: path, row: null }
    : { name: `${path[0]}.${path[2]}`, row: path[1] };
}

export interface RuleFlip {
  rule: RuleInfo;
  /** the row of a per-row rule, else null */
  row: number | null;
}

/** Collects what one mutation changed, deduplicated, in the order first seen. */
export class ChangeSet {
  readonly values = new Map<string, SessionPath>();
  readonly rules = new Set<string>();
  readonly errors = new Map<string, SessionPath>();
  readonly tables = new Set<string>();
  readonly flips: RuleFlip[] = [];
  /** error keys to re-check once the mutation has settled */
  readonly recheck = new Set<string>();

  value(path: SessionPath): void {
    this.values.set(keyOf(path), path);
  }

  error(key: string): void {
    this.errors.set(key, pathOfKey(key));
  }

  toChange(): SessionChange {
    return {
      values: [...this.values.values()],
      rules: [...this.rules],
      errors: [...this.errors.values()],
      tables: [...this.tables],
    };
  }

  get isEmpty(): boolean {
    return (
      this.values.size === 0 && this.rules.size === 0 && this.errors.size === 0 && this.tables.size === 0
    );
  }
}

export type RowMove =
  | { kind: 'insert'; index: number }
  | { kind: 'remove'; index: number }
  | { kind: 'move'; from: number; to: number };

/** Where row `row` is after a row operation; null when it was removed. */
export function movedRow(row: number, move: RowMove): number | null {
  switch (move.kind) {
    case 'insert':
      return row >= move.index ? row + 1 : row;
    case 'remove':
      return row === move.index ? null : row > move.index ? row - 1 : row;
    case 'move': {
      const { from, to } = move;
      if (row === from) return to;
      if (from < to && row > from && row <= to) return row - 1;
      if (from > to && row >= to && row < from) return row + 1;
      return row;
    }
  }
}

/** Applies a row operation to a per-row array the same way the engine applies it to its columns. */
export function spliceRows<T>(rows: T[], move: RowMove, inserted: T): void {
  if (move.kind === 'insert') rows.splice(move.index, 0, inserted);
  else if (move.kind === 'remove') rows.splice(move.index, 1);
  else rows.splice(move.to, 0, rows.splice(move.from, 1)[0]);
}
