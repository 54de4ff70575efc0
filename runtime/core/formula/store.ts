/**
 * The values of one form instance, by slot, and the read side of EngineState:
 * single values, JSON snapshots, errors and rule results.
 */
import { toJson } from './convert.ts';
import type { JsonValue } from './convert.ts';
import type { FormulaErrorInfo, Plan } from './engine.ts';
import type { TableLayout, Unit } from './layout.ts';
import type { FieldPath } from './model.ts';
import { pathOf, setOwn } from './paths.ts';
import { FormulaError } from './values.ts';
import type { Value } from './values.ts';

export abstract class ValueStore {
  /** header fields and header rules, by slot */
  protected readonly fields: Value[];
  /** table columns and per-row rules, by slot */
  protected readonly columns: Value[][];
  /** row count by table index */
  protected readonly rows: number[] = [];

  constructor(protected readonly plan: Plan) {
    this.fields = new Array(plan.layout.fieldSlots).fill(null);
    this.columns = Array.from({ length: plan.layout.columnSlots }, () => []);
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
    for (const [key, unit] of this.plan.layout.fields)
      setOwn(out, key, toJson(this.fields[unit.slot], unit.type));
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
    return row === undefined
      ? toJson(this.columns[unit.slot], unit.type)
      : toJson(this.columns[unit.slot][row], unit.type);
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

  protected tableOf(key: string): TableLayout {
    const table = this.plan.layout.tables.get(key);
    if (!table) throw new RangeError(`unknown table ${JSON.stringify(key)}`);
    return table;
  }

  protected findCell(path: readonly [string, number, string]): { unit: Unit; row: number } | null {
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
      for (const [key, unit] of table.columns)
        setOwn(record, key, toJson(this.columns[unit.slot][row], unit.type));
      out.push(record);
    }
    return out;
  }
}

function errorInfo(path: FieldPath, error: FormulaError): FormulaErrorInfo {
  return { path, code: error.code, message: error.detail ?? error.code };
}
