/**
 * One form instance's values and the incremental evaluator. An edit marks what
 * reads the edited cell (work-queue.ts): that row's column formulas, then the
 * aggregates and header formulas reading the column — never the other rows. A
 * recomputed value equal to the old one stops the propagation there.
 */
import { coerceInput, finalizeResult } from './convert.ts';
import type { EngineState, Plan } from './engine.ts';
import { RuntimeEnv } from './env.ts';
import type { TableLayout, Unit } from './layout.ts';
import type { FieldPath } from './model.ts';
import { isRecord, pathOf, readOwn } from './paths.ts';
import { sameValue } from './same-value.ts';
import { ValueStore } from './store.ts';
import { BudgetExceeded, FormulaError } from './values.ts';
import type { EvalContext, Value } from './values.ts';
import { WorkQueue } from './work-queue.ts';

export class FormulaState extends ValueStore implements EngineState {
  private readonly env: RuntimeEnv;
  private readonly queue: WorkQueue;
  private passRemaining = 0;
  private changed: FieldPath[] | null = null;
  private readonly timeZone: string | undefined;

  constructor(plan: Plan, values: unknown, ctx: EvalContext) {
    super(plan);
    const { layout } = plan;
    this.timeZone = isRecord(ctx) && typeof ctx.timeZone === 'string' ? ctx.timeZone : undefined;
    this.env = new RuntimeEnv(this.fields, this.columns, plan.maxText, isRecord(ctx) ? ctx : {});
    this.queue = new WorkQueue(plan.graph);
    const input = isRecord(values) ? values : {};
    for (const [key, unit] of layout.fields) {
      if (this.isInput(unit))
        this.fields[unit.slot] = coerceInput(readOwn(input, key), unit.type, this.timeZone);
    }
    for (const table of layout.tables.values()) this.loadRows(table, readOwn(input, table.key));
    this.update(false, () => this.queue.markEverything());
  }

  setValue(path: FieldPath, value: unknown): FieldPath[] {
    if (typeof path === 'string') {
      const field = this.plan.layout.fields.get(path);
      if (field) return this.setCell(field, -1, value);
      const table = this.plan.layout.tables.get(path);
      if (!table) throw new RangeError(`unknown field ${JSON.stringify(path)}`);
      this.loadRows(table, value);
      return [path, ...this.update(true, () => this.markTable(table, 0, true))];
    }
    const cell = this.findCell(path);
    if (!cell) throw new RangeError(`unknown cell ${JSON.stringify(path)}`);
    return this.setCell(cell.unit, cell.row, value);
  }

  insertRow(tableKey: string, index?: number, row?: unknown): FieldPath[] {
    const table = this.tableOf(tableKey);
    const count = this.rows[table.index];
    const at = index ?? count;
    checkIndex(tableKey, at, count + 1);
    const record = isRecord(row) ? row : {};
    const filled: FieldPath[] = [];
    for (const unit of table.units) {
      const value = this.isInput(unit)
        ? coerceInput(readOwn(record, unit.key), unit.type, this.timeZone)
        : null;
      if (value !== null) filled.push(pathOf(unit, at));
      this.columns[unit.slot].splice(at, 0, value);
      this.env.rowsChanged(unit.slot);
    }
    this.rows[table.index] = count + 1;
    return [
      ...filled,
      ...this.update(true, () => {
        for (const unit of table.units) if (!this.isInput(unit)) this.queue.markRow(unit, at);
        this.markTable(table, at + 1, false);
      }),
    ];
  }

  removeRow(tableKey: string, index: number): FieldPath[] {
    const table = this.tableOf(tableKey);
    checkIndex(tableKey, index, this.rows[table.index]);
    for (const unit of table.units) {
      this.columns[unit.slot].splice(index, 1);
      this.env.rowsChanged(unit.slot);
    }
    this.rows[table.index]--;
    return this.update(true, () => this.markTable(table, index, false));
  }

  moveRow(tableKey: string, from: number, to: number): FieldPath[] {
    const table = this.tableOf(tableKey);
    const count = this.rows[table.index];
    checkIndex(tableKey, from, count);
    checkIndex(tableKey, to, count);
    if (from === to) return [];
    for (const unit of table.units) {
      const column = this.columns[unit.slot];
      column.splice(to, 0, column.splice(from, 1)[0]);
      this.env.rowsChanged(unit.slot);
    }
    return this.update(true, () => this.markTable(table, Math.min(from, to), false, Math.max(from, to) + 1));
  }

  recalculate(): FieldPath[] {
    return this.update(true, () => this.queue.markEverything());
  }

  private setCell(unit: Unit, row: number, raw: unknown): FieldPath[] {
    if (!this.isInput(unit)) return []; // computed fields ignore supplied values
    if (!this.write(unit, row, coerceInput(raw, unit.type, this.timeZone))) return [];
    return [pathOf(unit, row), ...this.update(true, () => this.queue.markDependents(unit, row))];
  }

  /** Marks work, runs it within a fresh pass budget, and returns the changed paths. */
  private update(isCollecting: boolean, mark: () => void): FieldPath[] {
    this.changed = isCollecting ? [] : null;
    this.passRemaining = this.plan.passStepBudget;
    mark();
    this.run();
    const changed = this.changed ?? [];
    this.changed = null;
    return changed;
  }

  private run(): void {
    // closures made here rather than kept as arrow fields: a named arrow field costs a
    // `__name` call per instance under tsx, and a state is made per server-side record
    this.queue.drain(
      (unit) => this.rows[unit.table!.index],
      (unit, row) => this.recompute(unit, row),
    );
  }

  private recompute(unit: Unit, row: number): void {
    if (!this.write(unit, row, this.evaluate(unit, row))) return;
    this.changed?.push(pathOf(unit, row));
    this.queue.markDependents(unit, row);
  }

  private evaluate(unit: Unit, row: number): Value {
    const { plan, env } = this;
    plan.onEvaluate?.(pathOf(unit, row));
    if (this.passRemaining <= 0) {
      return new FormulaError(
        '#CALC!',
        `step budget exceeded (${plan.passStepBudget} steps per evaluation pass)`,
      );
    }
    env.row = row;
    env.fctx.rowIndex = row < 0 ? null : row;
    env.steps = 0;
    env.limit = Math.min(plan.stepBudget, this.passRemaining);
    let value: Value;
    try {
      value = plan.evaluators[unit.id]!(env);
    } catch (error) {
      value =
        error instanceof BudgetExceeded
          ? new FormulaError('#CALC!', budgetMessage(env.limit, plan.stepBudget, plan.passStepBudget))
          : new FormulaError('#VALUE!', error instanceof Error ? error.message : 'evaluation failed');
    }
    this.passRemaining -= env.steps;
    return finalizeResult(value, unit.type, unit.precision, plan.maxText);
  }

  private write(unit: Unit, row: number, value: Value): boolean {
    if (!unit.table) {
      if (sameValue(this.fields[unit.slot], value)) return false;
      this.fields[unit.slot] = value;
      return true;
    }
    const column = this.columns[unit.slot];
    if (sameValue(column[row], value)) return false;
    column[row] = value;
    this.env.cellChanged(unit.slot, row);
    return true;
  }

  /**
   * After rows changed shape: whatever reads a whole column of the table, the
   * ROW() formulas of rows [from, to), and with `isAllRows` every formula row.
   */
  private markTable(table: TableLayout, from: number, isAllRows: boolean, to = this.rows[table.index]): void {
    for (const unit of table.units) {
      this.queue.markWholeDependents(unit);
      if (this.isInput(unit)) continue;
      if (isAllRows) this.queue.markAll(unit);
      else if (this.plan.usesRow[unit.id])
        for (let row = from; row < to; row++) this.queue.markRow(unit, row);
    }
  }

  private loadRows(table: TableLayout, raw: unknown): void {
    const records = Array.isArray(raw) ? raw : [];
    const units = table.units;
    const isInput = units.map((unit) => this.isInput(unit));
    // keys such as `constructor` or `toString` must be own properties, never inherited ones
    const isInheritable = units.map((unit) => unit.key in Object.prototype);
    const columns: Value[][] = units.map(() => []);
    for (let row = 0; row < records.length; row++) {
      const record: unknown = records[row];
      const isObject = isRecord(record);
      for (let i = 0; i < units.length; i++) {
        let value: Value = null;
        if (isObject && isInput[i]) {
          const key = units[i].key;
          const raw =
            isInheritable[i] && !Object.prototype.hasOwnProperty.call(record, key) ? undefined : record[key];
          if (raw !== undefined) value = coerceInput(raw, units[i].type, this.timeZone);
        }
        columns[i].push(value);
      }
    }
    for (let i = 0; i < units.length; i++) {
      this.columns[units[i].slot] = columns[i];
      this.env.columnReplaced(units[i].slot);
    }
    this.rows[table.index] = records.length;
  }

  private isInput(unit: Unit): boolean {
    return this.plan.evaluators[unit.id] === null;
  }
}

function checkIndex(table: string, index: number, limit: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= limit) {
    throw new RangeError(
      `row index ${index} out of range for table ${JSON.stringify(table)} (0..${limit - 1})`,
    );
  }
}

function budgetMessage(limit: number, stepBudget: number, passBudget: number): string {
  return limit < stepBudget
    ? `step budget exceeded (${passBudget} steps per evaluation pass)`
    : `step budget exceeded (${stepBudget} steps per formula)`;
}
