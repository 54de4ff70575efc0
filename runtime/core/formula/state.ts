/**
 * One form instance's values and the incremental evaluator. Work is tracked
 * per unit (in topological rank order) as "all rows" or a set of rows, so an
 * edit recomputes that row's column formulas, then the aggregates and header
 * formulas that read the column — never the other rows. A recomputed value
 * equal to the old one stops the propagation there.
 */
import { coerceInput, finalizeResult, toJson } from './convert.ts';
import type { JsonValue } from './convert.ts';
import { sameValue } from './same-value.ts';
import type { EngineState, FormulaErrorInfo, Plan } from './engine.ts';
import { RuntimeEnv } from './env.ts';
import type { TableLayout, Unit } from './layout.ts';
import type { FieldPath } from './model.ts';
import { pathOf, setOwn, isRecord, readOwn } from './paths.ts';
import { BudgetExceeded, FormulaError } from './values.ts';
import type { EvalContext, Value } from './values.ts';

export class FormulaState implements EngineState {
  private readonly fields: Value[];
  private readonly columns: Value[][];
  /** row count by table index */
  private readonly rows: number[] = [];
  private readonly env: RuntimeEnv;
  /** by rank: every row (or the header value) needs recomputing */
  private readonly pendingAll: Uint8Array;
  /** by rank: rows that need recomputing */
  private readonly pendingRows: (Set<number> | undefined)[] = [];
  private pendingFrom = Infinity;
  private passRemaining = 0;
  private changed: FieldPath[] | null = null;
  private readonly timeZone: string | undefined;

  constructor(
    private readonly plan: Plan,
    values: unknown,
    ctx: EvalContext,
  ) {
    const { layout } = plan;
    this.timeZone = isRecord(ctx) && typeof ctx.timeZone === 'string' ? ctx.timeZone : undefined;
    this.fields = new Array(layout.fieldSlots).fill(null);
    this.columns = Array.from({ length: layout.columnSlots }, () => []);
    this.env = new RuntimeEnv(this.fields, this.columns, plan.maxText, isRecord(ctx) ? ctx : {});
    this.pendingAll = new Uint8Array(plan.graph.order.length);
    const input = isRecord(values) ? values : {};
    for (const [key, unit] of layout.fields) {
      if (this.isInput(unit)) this.fields[unit.slot] = coerceInput(readOwn(input, key), unit.type, this.timeZone);
    }
    for (const table of layout.tables.values()) this.loadRows(table, readOwn(input, table.key));
    this.update(false, () => this.markEverything());
  }

  getValue(path: FieldPath): JsonValue {
    if (typeof path === 'string') {
      const field = this.plan.layout.fields.get(path);
      if (field) return toJson(this.fields[field.slot], field.type);
      const table = this.plan.layout.tables.get(path);
      return table ? this.tableJson(table) : null;
    }
    const cell = this.findCell(path);
    return cell ? toJson(this.columns[cell.unit.slot][cell.row], cell.unit.type) : null;
  }

  getError(path: FieldPath): FormulaErrorInfo | null {
    let value: Value | undefined;
    if (typeof path === 'string') {
      const unit = this.plan.layout.fields.get(path) ?? this.plan.layout.rules.get(path);
      value = unit && !unit.table ? this.fields[unit.slot] : undefined;
    } else {
      const cell = this.findCell(path) ?? this.findRuleCell(path);
      value = cell ? this.columns[cell.unit.slot][cell.row] : undefined;
    }
    return value instanceof FormulaError ? errorInfo(path, value) : null;
  }

  getValues(): Record<string, JsonValue> {
    const out: Record<string, JsonValue> = {};
    for (const [key, unit] of this.plan.layout.fields) setOwn(out, key, toJson(this.fields[unit.slot], unit.type));
    for (const [key, table] of this.plan.layout.tables) setOwn(out, key, this.tableJson(table));
    return out;
  }

  getErrors(): FormulaErrorInfo[] {
    const errors: FormulaErrorInfo[] = [];
    for (const unit of this.plan.layout.units) {
      if (!unit.table) {
        const v = this.fields[unit.slot];
        if (v instanceof FormulaError) errors.push(errorInfo(pathOf(unit, -1), v));
        continue;
      }
      const column = this.columns[unit.slot];
      for (let row = 0; row < column.length; row++) {
        const v = column[row];
        if (v instanceof FormulaError) errors.push(errorInfo(pathOf(unit, row), v));
      }
    }
    return errors;
  }

  getRule(id: string, row?: number): JsonValue {
    const unit = this.plan.layout.rules.get(id);
    if (!unit) return null;
    if (!unit.table) return toJson(this.fields[unit.slot], unit.type);
    return row === undefined ? toJson(this.columns[unit.slot], unit.type) : toJson(this.columns[unit.slot][row], unit.type);
  }

  getRules(): Record<string, JsonValue> {
    const out: Record<string, JsonValue> = {};
    for (const id of this.plan.layout.rules.keys()) setOwn(out, id, this.getRule(id));
    return out;
  }

  rowCount(table: string): number {
    const layout = this.plan.layout.tables.get(table);
    return layout ? this.rows[layout.index] : 0;
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
      const value = this.isInput(unit) ? coerceInput(readOwn(record, unit.key), unit.type, this.timeZone) : null;
      if (value !== null) filled.push(pathOf(unit, at));
      this.columns[unit.slot].splice(at, 0, value);
      this.env.rowsChanged(unit.slot);
    }
    this.rows[table.index] = count + 1;
    return [...filled, ...this.update(true, () => {
      for (const unit of table.units) if (!this.isInput(unit)) this.markRow(unit, at);
      this.markTable(table, at + 1, false);
    })];
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
    return this.update(true, () => this.markEverything());
  }

  private setCell(unit: Unit, row: number, raw: unknown): FieldPath[] {
    if (!this.isInput(unit)) return []; // computed fields ignore supplied values
    if (!this.write(unit, row, coerceInput(raw, unit.type, this.timeZone))) return [];
    return [pathOf(unit, row), ...this.update(true, () => this.markDependents(unit, row))];
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
    const order = this.plan.graph.order;
    for (let rank = this.pendingFrom; rank < order.length; rank++) {
      const unit = order[rank];
      const rows = this.pendingRows[rank];
      if (this.pendingAll[rank]) {
        this.pendingAll[rank] = 0;
        rows?.clear();
        if (!unit.table) this.recompute(unit, -1);
        else for (let row = 0, n = this.rows[unit.table.index]; row < n; row++) this.recompute(unit, row);
      } else if (rows && rows.size > 0) {
        const n = this.rows[unit.table!.index];
        for (const row of rows) if (row < n) this.recompute(unit, row);
        rows.clear();
      }
    }
    this.pendingFrom = Infinity;
  }

  private recompute(unit: Unit, row: number): void {
    if (!this.write(unit, row, this.evaluate(unit, row))) return;
    this.changed?.push(pathOf(unit, row));
    this.markDependents(unit, row);
  }

  private evaluate(unit: Unit, row: number): Value {
    const { plan, env } = this;
    plan.onEvaluate?.(pathOf(unit, row));
    if (this.passRemaining <= 0) {
      return new FormulaError('#CALC!', `step budget exceeded (${plan.passStepBudget} steps per evaluation pass)`);
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

  private markDependents(unit: Unit, row: number): void {
    for (const dependent of this.plan.graph.dependents[unit.id]) {
      if (dependent.isWhole || row < 0) this.markAll(dependent.unit);
      else this.markRow(dependent.unit, row);
    }
  }

  private markAll(unit: Unit): void {
    const rank = this.plan.graph.rank[unit.id];
    this.pendingAll[rank] = 1;
    if (rank < this.pendingFrom) this.pendingFrom = rank;
  }

  private markRow(unit: Unit, row: number): void {
    const rank = this.plan.graph.rank[unit.id];
    if (this.pendingAll[rank]) return;
    (this.pendingRows[rank] ??= new Set()).add(row);
    if (rank < this.pendingFrom) this.pendingFrom = rank;
  }

  private markEverything(): void {
    for (const unit of this.plan.graph.order) this.markAll(unit);
  }

  /**
   * After rows changed shape: whatever reads a whole column of the table, the
   * ROW() formulas of rows [from, to), and with `isAllRows` every formula row.
   */
  private markTable(table: TableLayout, from: number, isAllRows: boolean, to = this.rows[table.index]): void {
    for (const unit of table.units) {
      for (const dependent of this.plan.graph.dependents[unit.id]) if (dependent.isWhole) this.markAll(dependent.unit);
      if (this.isInput(unit)) continue;
      if (isAllRows) this.markAll(unit);
      else if (this.plan.usesRow[unit.id]) for (let row = from; row < to; row++) this.markRow(unit, row);
    }
  }

  private loadRows(table: TableLayout, raw: unknown): void {
    const records = Array.isArray(raw) ? raw : [];
    const count = records.length;
    for (const unit of table.units) {
      const column = this.columns[unit.slot];
      const isInput = this.isInput(unit);
      column.length = count;
      for (let row = 0; row < count; row++) {
        const record: unknown = records[row];
        column[row] = isInput && isRecord(record) ? coerceInput(readOwn(record, unit.key), unit.type, this.timeZone) : null;
      }
      this.env.rowsChanged(unit.slot);
    }
    this.rows[table.index] = count;
  }

  private isInput(unit: Unit): boolean {
    return this.plan.evaluators[unit.id] === null;
  }

  private tableOf(key: string): TableLayout {
    const table = this.plan.layout.tables.get(key);
    if (!table) throw new RangeError(`unknown table ${JSON.stringify(key)}`);
    return table;
  }

  private findCell(path: readonly [string, number, string]): { unit: Unit; row: number } | null {
    const table = this.plan.layout.tables.get(path[0]);
    const unit = table?.columns.get(path[2]);
    const row = path[1];
    if (!table || !unit || !Number.isInteger(row) || row < 0 || row >= this.rows[table.index]) return null;
    return { unit, row };
  }

  private findRuleCell(path: readonly [string, number, string]): { unit: Unit; row: number } | null {
    const unit = this.plan.layout.rules.get(path[2]);
    const row = path[1];
    if (!unit?.table || unit.table.key !== path[0] || !Number.isInteger(row) || row < 0) return null;
    return row < this.rows[unit.table.index] ? { unit, row } : null;
  }

  private tableJson(table: TableLayout): JsonValue {
    const out: JsonValue[] = [];
    for (let row = 0, n = this.rows[table.index]; row < n; row++) {
      const record: Record<string, JsonValue> = {};
      for (const [key, unit] of table.columns) setOwn(record, key, toJson(this.columns[unit.slot][row], unit.type));
      out.push(record);
    }
    return out;
  }
}

function checkIndex(table: string, index: number, limit: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= limit) {
    throw new RangeError(`row index ${index} out of range for table ${JSON.stringify(table)} (0..${limit - 1})`);
  }
}

function errorInfo(path: FieldPath, error: FormulaError): FormulaErrorInfo {
  return { path, code: error.code, message: error.detail ?? error.code };
}

function budgetMessage(limit: number, stepBudget: number, passBudget: number): string {
  return limit < stepBudget
    ? `step budget exceeded (${passBudget} steps per evaluation pass)`
    : `step budget exceeded (${stepBudget} steps per formula)`;
}
