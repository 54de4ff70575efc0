/**
 * What still needs recomputing, per unit in topological rank order: every row
 * (or the header value) of a unit, or a set of its rows. Dependents always rank
 * after what they read, so one forward sweep settles everything, and work marked
 * during the sweep always lies ahead of it.
 */
import type { Graph } from './graph.ts';
import type { Unit } from './layout.ts';

export class WorkQueue {
  private readonly isAll: Uint8Array;
  private readonly rows: (Set<number> | undefined)[] = [];
  private from = Infinity;

  constructor(private readonly graph: Graph) {
    this.isAll = new Uint8Array(graph.order.length);
  }

  markAll(unit: Unit): void {
    const rank = this.graph.rank[unit.id];
    this.isAll[rank] = 1;
    if (rank < this.from) this.from = rank;
  }

  markRow(unit: Unit, row: number): void {
    const rank = this.graph.rank[unit.id];
    if (this.isAll[rank]) return;
    (this.rows[rank] ??= new Set()).add(row);
    if (rank < this.from) this.from = rank;
  }

  /** `unit` changed (in `row`, or -1 for a header value): mark what reads it. */
  markDependents(unit: Unit, row: number): void {
    for (const dependent of this.graph.dependents[unit.id]) {
      if (dependent.isWhole || row < 0) this.markAll(dependent.unit);
      else this.markRow(dependent.unit, row);
    }
  }

  /** Marks every unit that reads the whole of `unit` (its column, or its header value). */
  markWholeDependents(unit: Unit): void {
    for (const dependent of this.graph.dependents[unit.id])
      if (dependent.isWhole) this.markAll(dependent.unit);
  }

  markEverything(): void {
    for (const unit of this.graph.order) this.markAll(unit);
  }

  /**
   * Calls `visit` for every pending cell in rank order (row -1 for header units);
   * `visit` may mark more work for later ranks.
   */
  drain(rowCount: (unit: Unit) => number, visit: (unit: Unit, row: number) => void): void {
    const order = this.graph.order;
    for (let rank = this.from; rank < order.length; rank++) {
      const unit = order[rank];
      const rows = this.rows[rank];
      if (this.isAll[rank]) {
        this.isAll[rank] = 0;
        rows?.clear();
        if (!unit.table) visit(unit, -1);
        else for (let row = 0, n = rowCount(unit); row < n; row++) visit(unit, row);
      } else if (rows && rows.size > 0) {
        const n = rowCount(unit);
        for (const row of rows) if (row < n) visit(unit, row);
        rows.clear();
      }
    }
    this.from = Infinity;
  }
}
