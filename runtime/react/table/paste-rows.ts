import type { CompiledField } from '../../core/index.ts';
import type { SessionStore } from '../store/session-store.ts';
import { coerceCell } from './paste.ts';

const NOT_PASTABLE = new Set(['member', 'department', 'attachment', 'signature']);

/** Columns a pasted block fills, left to right from the cell it was pasted into: computed ones are skipped. */
export function pasteTargets(columns: readonly CompiledField[], from: number): CompiledField[] {
  return columns.slice(from).filter((c) => !c.isComputed && !NOT_PASTABLE.has(c.type));
}

/**
 * Writes a pasted block into a table starting at (row, column index), adding rows as needed
 * (up to the table's maxRows), as one replacement of the table's rows — so 500 pasted rows
 * cost one recalculation, not 3,000. Returns how many rows were written.
 */
export function pasteBlock(input: {
  store: SessionStore;
  table: string;
  row: number;
  column: number;
  cells: string[][];
}): number {
  const { store, table, row, column, cells } = input;
  const field = store.field(table);
  const maxRows = field && field.type === 'table' ? (field.maxRows ?? 1000) : 1000;
  const columns = store.columns(table);
  const targets = pasteTargets(columns, column);
  const count = store.session.rowCount(table);
  const end = Math.min(row + cells.length, maxRows);
  if (end <= row || targets.length === 0) return 0;
  const inputs = columns.filter((c) => !c.isComputed);
  const rows: Record<string, unknown>[] = [];
  for (let r = 0; r < Math.max(count, end); r++) {
    const values: Record<string, unknown> = {};
    if (r < count) for (const c of inputs) values[c.key] = store.session.getValue([table, r, c.key]);
    rows.push(values);
  }
  for (let i = 0; row + i < end; i++) {
    cells[i].forEach((text, j) => {
      const target = targets[j];
      if (!target) return;
      const value = coerceCell(target, text);
      if (value !== undefined) rows[row + i][target.key] = value;
    });
  }
  store.replaceRows(table, rows);
  return end - row;
}
