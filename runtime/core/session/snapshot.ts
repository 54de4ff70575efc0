/**
 * Reading a session's data: one value, every value, the data to validate and the
 * data to store. Inputs come from the InputStore as supplied; computed values from
 * the engine.
 */
import type { CompiledField } from '../compile/types.ts';
import type { EngineState, FieldPath, JsonValue } from '../formula/index.ts';
import type { ValidateOptions } from '../validate/index.ts';
import { withOffset } from './datetime.ts';
import type { InputStore } from './inputs.ts';
import { isRecord } from './inputs.ts';
import type { FormPlan } from './plan.ts';
import type { RuleState } from './rule-state.ts';

type Json = Record<string, JsonValue>;
/** `values`: every known column; `submission`: visible known columns; `validation`: all keys as supplied */
type RowMode = 'values' | 'submission' | 'validation';

export interface ValidationInput {
  data: Record<string, unknown>;
  options: Required<ValidateOptions>;
}

export class Snapshot {
  constructor(
    private readonly plan: FormPlan,
    private readonly inputs: InputStore,
    private readonly state: EngineState,
    private readonly rules: RuleState,
    private readonly timeZone: string | undefined,
  ) {}

  /** A header value or a cell; undefined for an input nobody filled. */
  valueOf(field: CompiledField, row?: number): unknown {
    if (field.type === 'table') return this.rows(field.key, 'values');
    if (field.isComputed)
      return this.computed(field, field.tableKey === null ? field.key : [field.tableKey, row!, field.key]);
    return field.tableKey === null
      ? this.inputs.get(field.key)
      : this.inputs.get(field.tableKey, row, field.key);
  }

  values(): Json {
    const out: Json = {};
    for (const field of this.plan.header) put(out, field.key, (this.valueOf(field) ?? null) as JsonValue);
    return out;
  }

  submission(): Json {
    const out: Json = {};
    for (const field of this.plan.header) {
      if (!this.rules.isVisible(field.name)) continue;
      const value = field.type === 'table' ? this.rows(field.key, 'submission') : this.valueOf(field);
      if (value !== undefined) put(out, field.key, value as JsonValue);
    }
    return out;
  }

  /** Record data with unknown keys kept (they are reported), plus the hidden and required paths. */
  validationInput(): ValidationInput {
    const data = Object.create(null) as Record<string, unknown>;
    const hidden = new Set<string>();
    const required = new Set<string>();
    for (const key of Object.keys(this.inputs.header)) {
      if (this.plan.fields.get(key)?.tableKey !== null) data[key] = this.inputs.header[key]; // not a field: reported
    }
    for (const field of this.plan.header) {
      const value =
        field.type === 'table'
          ? (this.inputs.malformedTable(field.key) ?? this.rows(field.key, 'validation'))
          : this.valueOf(field);
      if (value !== undefined) data[field.key] = value;
      if (!this.rules.isVisible(field.name) || field.type === 'serial') hidden.add(field.key); // serials are the server's
    }
    for (const rule of this.plan.rules.values()) {
      if (
        rule.kind === 'readOnly' ||
        (rule.kind === 'required' && this.plan.fields.get(rule.name)?.isComputed)
      )
        continue;
      if (!rule.table) {
        // header visibility is already in `hidden` (through isVisible, containers included)
        if (rule.kind === 'required' && this.rules.own(rule.name, 'required') === true)
          required.add(rule.name);
        continue;
      }
      const target = rule.kind === 'visible' ? hidden : required;
      const expected = rule.kind !== 'visible';
      const column = rule.name.slice(rule.table.length + 1);
      for (let row = 0, n = this.state.rowCount(rule.table); row < n; row++) {
        if (this.rules.own(rule.name, rule.kind, row) === expected)
          target.add(`${rule.table}/${row}/${column}`);
      }
    }
    return { data, options: { hidden, required } };
  }

  /** A table's rows; `values` and `submission` give plain objects of known columns. */
  rows(table: string, mode: RowMode): unknown[] {
    const columns = this.plan.tables.get(table)?.columns;
    const out: unknown[] = [];
    for (let row = 0, n = this.inputs.rowCount(table); row < n; row++) {
      const raw = this.inputs.row(table, row);
      if (mode === 'validation' && !isRecord(raw)) {
        out.push(raw);
        continue;
      }
      const record: Record<string, unknown> =
        mode === 'validation' ? Object.assign(Object.create(null), raw) : {};
      for (const column of columns?.values() ?? []) {
        if (mode === 'submission' && !this.rules.isVisible(column.name, row)) continue;
        const value = this.valueOf(column, row);
        if (value !== undefined) put(record, column.key, value);
        else if (mode === 'values') put(record, column.key, null);
      }
      out.push(record);
    }
    return out;
  }

  private computed(field: CompiledField, path: FieldPath): JsonValue {
    const value = this.state.getValue(path);
    return field.type === 'datetime' && typeof value === 'string' ? withOffset(value, this.timeZone) : value;
  }
}

/** Defines an own property, even for a key such as `__proto__` (plain assignment for the others: much faster). */
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key in Object.prototype)
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
