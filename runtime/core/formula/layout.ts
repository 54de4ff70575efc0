/**
 * Assigns every header field, column and rule a storage slot and a "unit" —
 * a node of the dependency graph. Header fields and rules live in the `fields`
 * slot array; table columns and per-row rules live in the `columns` slot array.
 */
import type { Diagnostic, FormulaFieldType, FormulaModel } from './model.ts';

export interface Unit {
  /** index in Layout.units */
  id: number;
  /** `total`, `items.amount` or the rule id */
  label: string;
  /** field/column key or rule id */
  key: string;
  isRule: boolean;
  table: TableLayout | null;
  /** slot in `fields` (table === null) or in `columns` */
  slot: number;
  type: FormulaFieldType;
  precision: number | undefined;
  formula: string | undefined;
}

export interface TableLayout {
  key: string;
  index: number;
  /** real columns by key (rules excluded) */
  columns: Map<string, Unit>;
  /** every column-slot unit of this table, rules included */
  units: Unit[];
}

export interface Layout {
  units: Unit[];
  fields: Map<string, Unit>;
  tables: Map<string, TableLayout>;
  rules: Map<string, Unit>;
  fieldSlots: number;
  columnSlots: number;
  diagnostics: Diagnostic[];
}

const KEY = /^[\p{L}_][\p{L}\p{N}_]*$/u;
const RESERVED = new Set(['__proto__', 'constructor', 'prototype', 'true', 'false']);

export function buildLayout(model: FormulaModel): Layout {
  const layout: Layout = {
    units: [],
    fields: new Map(),
    tables: new Map(),
    rules: new Map(),
    fieldSlots: 0,
    columnSlots: 0,
    diagnostics: [],
  };
  const headerKeys = new Set<string>();
  for (const field of model.fields ?? []) {
    if (!acceptKey(layout, field.key, headerKeys, field.key)) continue;
    layout.fields.set(field.key, addUnit(layout, { ...field, isRule: false, table: null }));
  }
  for (const [index, table] of (model.tables ?? []).entries()) {
    if (!acceptKey(layout, table.key, headerKeys, table.key)) continue;
    const tableLayout: TableLayout = { key: table.key, index, columns: new Map(), units: [] };
    layout.tables.set(table.key, tableLayout);
    const columnKeys = new Set<string>();
    for (const column of table.columns ?? []) {
      if (!acceptKey(layout, column.key, columnKeys, `${table.key}.${column.key}`)) continue;
      const unit = addUnit(layout, { ...column, isRule: false, table: tableLayout });
      tableLayout.columns.set(column.key, unit);
      tableLayout.units.push(unit);
    }
  }
  for (const rule of model.rules ?? []) {
    const id = String(rule.id);
    if (layout.rules.has(id)) {
      layout.diagnostics.push({
        code: 'duplicate-key',
        message: `duplicate rule id ${JSON.stringify(id)}`,
        fieldKey: id,
      });
      continue;
    }
    const table = rule.rowTable === undefined ? null : (layout.tables.get(rule.rowTable) ?? null);
    if (rule.rowTable !== undefined && !table) {
      const message = `rule ${JSON.stringify(id)} refers to unknown table \`${rule.rowTable}\``;
      layout.diagnostics.push({ code: 'unknown-field', message, fieldKey: id });
      continue;
    }
    const unit = addUnit(layout, { key: id, type: 'other', formula: rule.formula, isRule: true, table });
    table?.units.push(unit);
    layout.rules.set(id, unit);
  }
  return layout;
}

/** Formula text, or undefined when the field is an input (a blank formula counts as none). */
export function formulaOf(unit: Unit): string | undefined {
  return unit.formula !== undefined && unit.formula.trim() !== '' ? unit.formula : undefined;
}

interface UnitInput {
  key: string;
  type: FormulaFieldType;
  formula?: string;
  precision?: number;
  isRule: boolean;
  table: TableLayout | null;
}

function addUnit(layout: Layout, input: UnitInput): Unit {
  const { key, table } = input;
  const unit: Unit = {
    id: layout.units.length,
    label: table && !input.isRule ? `${table.key}.${key}` : key,
    key,
    isRule: input.isRule,
    table,
    slot: table ? layout.columnSlots++ : layout.fieldSlots++,
    type: input.type,
    precision: sanePrecision(input.precision) ?? (input.type === 'money' ? 2 : undefined),
    formula: typeof input.formula === 'string' ? input.formula : undefined,
  };
  layout.units.push(unit);
  return unit;
}

function sanePrecision(p: unknown): number | undefined {
  return typeof p === 'number' && Number.isInteger(p) && p >= -15 && p <= 15 ? p : undefined;
}

function acceptKey(layout: Layout, key: unknown, seen: Set<string>, label: string): key is string {
  if (typeof key !== 'string' || !KEY.test(key) || RESERVED.has(key.toLowerCase())) {
    const message = `invalid key ${JSON.stringify(key)}: use letters, digits and _, not starting with a digit`;
    layout.diagnostics.push({ code: 'invalid-key', message, fieldKey: String(label) });
    return false;
  }
  if (seen.has(key)) {
    layout.diagnostics.push({ code: 'duplicate-key', message: `duplicate key \`${key}\``, fieldKey: label });
    return false;
  }
  seen.add(key);
  return true;
}
