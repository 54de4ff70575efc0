/**
 * The values a user (or an API client) supplied, kept exactly as given so they
 * round-trip unchanged: numbers stay numbers, dates stay ISO text, attachments
 * stay objects. Computed values never live here (they come from the engine).
 */
import type { CompiledField } from '../compile/types.ts';
import type { RowMove } from './change-set.ts';
import { spliceRows } from './change-set.ts';
import type { FormPlan } from './plan.ts';

type Row = Record<string, unknown>;

export class InputStore {
  /** header inputs and unknown keys (reported by validation); null prototype */
  readonly header: Row = Object.create(null) as Row;
  /** rows by table key: null-prototype copies, or whatever non-object a client sent as a row */
  private readonly rows = new Map<string, unknown[]>();

  constructor(
    private readonly plan: FormPlan,
    values: unknown,
  ) {
    const input = isRecord(values) ? values : {};
    for (const key of Object.keys(input)) {
      const field = plan.fields.get(key);
      if (field?.tableKey === null && field.isComputed) continue; // computed fields ignore supplied values
      if (field?.type === 'table' && Array.isArray(input[key])) continue;
      this.header[key] = input[key];
    }
    for (const [key, table] of plan.tables) {
      const supplied = Object.hasOwn(input, key) ? input[key] : undefined;
      this.rows.set(
        key,
        Array.isArray(supplied) ? supplied.map((row) => this.rowCopy(table.columns, row)) : [],
      );
    }
    for (const field of plan.header) {
      if (field.type !== 'table' && !field.isComputed && !Object.hasOwn(this.header, field.key)) {
        const fallback = defaultOf(field);
        if (fallback !== undefined) this.header[field.key] = fallback;
      }
    }
  }

  /** What the engine is created from (own keys only are read). */
  engineValues(): Record<string, unknown> {
    const values: Row = Object.create(null) as Row;
    for (const key of Object.keys(this.header)) values[key] = this.header[key];
    for (const [key, rows] of this.rows) values[key] = rows;
    return values;
  }

  get(key: string, row?: number, column?: string): unknown {
    if (row === undefined || column === undefined)
      return Object.hasOwn(this.header, key) ? this.header[key] : undefined;
    const record = this.rows.get(key)?.[row];
    return isRecord(record) && Object.hasOwn(record, column) ? record[column] : undefined;
  }

  /** Sets a header value or a cell; true when the stored value changed. */
  set(key: string, value: unknown, row?: number, column?: string): boolean {
    if (row === undefined || column === undefined) {
      if (Object.hasOwn(this.header, key) && sameJson(this.header[key], value)) return false;
      if (value === undefined) delete this.header[key];
      else this.header[key] = value;
      return true;
    }
    const rows = this.tableRows(key);
    const current = rows[row];
    const record: Row = isRecord(current) ? current : (Object.create(null) as Row);
    rows[row] = record;
    if (Object.hasOwn(record, column) && sameJson(record[column], value)) return false;
    if (value === undefined) delete record[column];
    else record[column] = value;
    return true;
  }

  rowCount(table: string): number {
    return this.rows.get(table)?.length ?? 0;
  }

  /** The raw row (null-prototype copy) or non-object value at `row`. */
  row(table: string, row: number): unknown {
    return this.rows.get(table)?.[row];
  }

  /** A table value a client sent that is not a list (kept so validation can report it). */
  malformedTable(table: string): unknown {
    return Object.hasOwn(this.header, table) ? this.header[table] : undefined;
  }

  /** A copy of `row` with computed columns dropped and column defaults applied — also what the engine gets. */
  newRow(table: string, row: unknown): Row {
    return this.rowCopy(this.plan.tables.get(table)?.columns ?? new Map(), isRecord(row) ? row : {}) as Row;
  }

  moveRows(table: string, move: RowMove, inserted?: Row): void {
    spliceRows(this.tableRows(table), move, inserted ?? Object.create(null));
  }

  replaceRows(table: string, rows: unknown): unknown[] {
    const columns = this.plan.tables.get(table)?.columns ?? new Map<string, CompiledField>();
    const copies = Array.isArray(rows) ? rows.map((row) => this.rowCopy(columns, row)) : [];
    delete this.header[table];
    this.rows.set(table, copies);
    return copies;
  }

  private tableRows(table: string): unknown[] {
    delete this.header[table];
    let rows = this.rows.get(table);
    if (!rows) this.rows.set(table, (rows = []));
    return rows;
  }

  private rowCopy(columns: Map<string, CompiledField>, row: unknown): unknown {
    if (!isRecord(row)) return row;
    const copy = Object.create(null) as Row;
    for (const key of Object.keys(row)) if (!columns.get(key)?.isComputed) copy[key] = row[key];
    for (const column of columns.values()) {
      if (column.isComputed || Object.hasOwn(copy, column.key)) continue;
      const fallback = defaultOf(column);
      if (fallback !== undefined) copy[column.key] = fallback;
    }
    return copy;
  }
}

function defaultOf(field: CompiledField): unknown {
  const value = 'defaultValue' in field ? field.defaultValue : undefined;
  return Array.isArray(value) ? [...value] : value;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Structural equality of JSON-like values (depth-capped; deeper values compare unequal). */
export function sameJson(a: unknown, b: unknown, depth = 0): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || depth > 32) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => sameJson(item, other[i], depth + 1));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every((key) => Object.hasOwn(right, key) && sameJson(left[key], right[key], depth + 1));
}
