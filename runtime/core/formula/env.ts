import { ColumnIndex } from './aggregates.ts';
import type { AggregateName } from './aggregates.ts';
import type { Env } from './compile.ts';
import type { FunctionContext } from './functions/types.ts';
import { BudgetExceeded } from './values.ts';
import type { EvalContext, Value } from './values.ts';

/** The Env of one engine state: value storage, the step meter and the function context. */
export class RuntimeEnv implements Env {
  row = -1;
  steps = 0;
  limit = 0;
  readonly fctx: FunctionContext;
  private readonly indexes: (ColumnIndex | undefined)[] = [];

  constructor(
    readonly fields: Value[],
    readonly columns: Value[][],
    readonly maxText: number,
    ctx: EvalContext,
  ) {
    this.fctx = {
      userId: ctx.userId,
      userName: ctx.userName,
      departmentId: ctx.departmentId,
      departmentName: ctx.departmentName,
      recordId: ctx.recordId,
      now: ctx.now,
      timeZone: ctx.timeZone,
      rowIndex: null,
      tick: this.tick.bind(this), // not an arrow: tsx would name it with a `__name` call per instance
    };
  }

  tick(n?: number): void {
    // NaN or negative charges (a buggy impl) still cost one step
    this.steps += n !== undefined && n > 0 ? n : 1;
    if (this.steps > this.limit) throw new BudgetExceeded(this.limit);
  }

  aggregate(slot: number, name: AggregateName): Value {
    const index = (this.indexes[slot] ??= new ColumnIndex(this.columns[slot]));
    const { value, work } = index.read(name);
    this.tick(work);
    return value;
  }

  /** A cell of column `slot` changed. */
  cellChanged(slot: number, row: number): void {
    this.indexes[slot]?.invalidateRow(row);
  }

  /** Column `slot` is a new array. */
  columnReplaced(slot: number): void {
    this.indexes[slot] = undefined;
  }

  /** Rows of column `slot` were inserted, removed or reordered. */
  rowsChanged(slot: number): void {
    this.indexes[slot]?.invalidateAll();
  }
}
