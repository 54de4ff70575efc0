/**
 * Ranges (merges, validation sqrefs) indexed by the rows they touch, so a lookup reads
 * only the ranges of one row. Rows past `maxRow` are not indexed (whole-column ranges
 * stay cheap), and past a budget of entries the rest is kept in a plain list.
 */
import type { CellPos, CellRange } from './cell-address.ts';
import { rangeContains } from './cell-address.ts';

const MAX_ENTRIES = 1_000_000;

export class RowIndex<T> {
  private readonly byRow = new Map<number, { range: CellRange; value: T }[]>();
  private readonly rest: { range: CellRange; value: T }[] = [];
  private entries = 0;

  constructor(private readonly maxRow: number) {}

  add(range: CellRange, value: T): void {
    const last = Math.min(range.e.r, this.maxRow - 1);
    const height = last - range.s.r + 1;
    if (height <= 0) return;
    if (this.entries + height > MAX_ENTRIES) {
      this.rest.push({ range, value });
      return;
    }
    this.entries += height;
    for (let r = range.s.r; r <= last; r++) {
      const list = this.byRow.get(r) ?? [];
      list.push({ range, value });
      this.byRow.set(r, list);
    }
  }

  find(pos: CellPos): { range: CellRange; value: T } | undefined {
    const hit = this.byRow.get(pos.r)?.find((entry) => rangeContains(entry.range, pos));
    return hit ?? this.rest.find((entry) => rangeContains(entry.range, pos));
  }
}
