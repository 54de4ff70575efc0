import type { RowMove } from './change-set.ts';
import { spliceRows } from './change-set.ts';

/**
 * Which inputs the engine currently sees as blank because they are hidden: header keys,
 * and per column (`items.note`) a flag per row that follows row operations.
 */
export class MaskState {
  private readonly header = new Set<string>();
  private readonly cells = new Map<string, boolean[]>();

  has(name: string, row: number | null): boolean {
    return row === null ? this.header.has(name) : this.cells.get(name)?.[row] === true;
  }

  set(name: string, row: number | null, isMasked: boolean): void {
    if (row === null) {
      if (isMasked) this.header.add(name);
      else this.header.delete(name);
      return;
    }
    let rows = this.cells.get(name);
    if (!rows) this.cells.set(name, (rows = []));
    while (rows.length <= row) rows.push(false);
    rows[row] = isMasked;
  }

  moveRows(table: string, move: RowMove): void {
    for (const [name, rows] of this.cells) {
      if (!name.startsWith(`${table}.`)) continue;
      if (move.kind === 'insert' && move.index > rows.length) continue; // nothing masked that far
      while (rows.length < (move.kind === 'move' ? Math.max(move.from, move.to) + 1 : 0)) rows.push(false);
      spliceRows(rows, move, false);
    }
  }

  clearTable(table: string): void {
    for (const name of [...this.cells.keys()]) if (name.startsWith(`${table}.`)) this.cells.delete(name);
  }
}
