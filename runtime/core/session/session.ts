/**
 * createFormSession: one form being filled, in the browser and on the server.
 *
 * Inputs are kept as supplied (InputStore); the formula engine computes formulas and
 * rule results incrementally. A hidden input counts as blank for formulas (the engine
 * holds null for it while it is hidden), so what is stored never depends on a value
 * that is not stored. Each mutation reports only what changed.
 */
import type { CompiledField, CompiledForm } from '../compile/types.ts';
import type { EngineState, FieldPath, FormulaErrorInfo, JsonValue } from '../formula/index.ts';
import { createRecordValidator, MAX_FIELD_ERRORS } from '../validate/index.ts';
import type { Locale, RecordValidator } from '../validate/index.ts';
import { ChangeSet, keyOf, nameOfKey } from './change-set.ts';
import type { RowMove } from './change-set.ts';
import { ErrorState } from './error-state.ts';
import { checkPath } from './field-check.ts';
import { formulaErrorMessage } from './formula-messages.ts';
import { InputStore } from './inputs.ts';
import { formPlanOf } from './plan.ts';
import type { FormPlan } from './plan.ts';
import { RuleState } from './rule-state.ts';
import { Snapshot } from './snapshot.ts';
import { EngineSync } from './sync.ts';
import type { Candidate } from './sync.ts';
import type {
  FieldState,
  FormSession,
  FormSessionOptions,
  SessionChange,
  SessionFieldError,
  SessionPath,
} from './types.ts';

export function createFormSession(compiled: CompiledForm, options: FormSessionOptions): FormSession {
  return new Session(formPlanOf(compiled), options);
}

class Session implements FormSession {
  private readonly locale: Locale;
  private readonly inputs: InputStore;
  private readonly state: EngineState;
  private readonly rules: RuleState;
  private readonly errors: ErrorState;
  private readonly snapshot: Snapshot;
  private readonly sync: EngineSync;
  private readonly listeners = new Set<(change: SessionChange) => void>();
  private validator: RecordValidator | null = null;

  constructor(
    private readonly plan: FormPlan,
    options: FormSessionOptions,
  ) {
    this.locale = options.locale === 'zh-CN' ? 'zh-CN' : 'en';
    this.inputs = new InputStore(plan, options.values);
    this.state = plan.formulas.program.createState(this.inputs.engineValues(), options.context ?? {});
    this.rules = new RuleState(plan, this.state);
    this.errors = new ErrorState((key, info) => this.describeFormulaError(key, info));
    this.snapshot = new Snapshot(plan, this.inputs, this.state, this.rules, options.context?.timeZone);
    for (const info of this.state.getErrors()) {
      if (this.fieldAt(info.path)?.isComputed) this.errors.setFormula(keyOf(info.path), info, null);
    }
    this.sync = new EngineSync({
      plan,
      state: this.state,
      inputs: this.inputs,
      rules: this.rules,
      errors: this.errors,
    });
    this.sync.settle(
      new ChangeSet(),
      plan.maskable.map((name) => [name, null] as const),
    );
  }

  getValue(path: SessionPath): JsonValue {
    const field = this.fieldAt(path);
    if (!field || (typeof path !== 'string' && !this.hasRow(path[0], path[1]))) return null;
    return (this.snapshot.valueOf(field, typeof path === 'string' ? undefined : path[1]) ??
      null) as JsonValue;
  }

  getValues(): Record<string, JsonValue> {
    return this.snapshot.values();
  }

  setValue(path: SessionPath, value: unknown): SessionChange {
    const field = this.fieldAt(path);
    if (!field) throw new RangeError(`unknown field ${JSON.stringify(path)}`);
    if (typeof path !== 'string' && !this.hasRow(path[0], path[1]))
      throw new RangeError(`no row ${path[1]} in table "${path[0]}"`);
    const changes = new ChangeSet();
    if (field.isComputed) return changes.toChange(); // computed fields ignore writes
    if (field.type === 'table') return this.replaceRows(field.key, value);
    const key = keyOf(path);
    const isChanged =
      typeof path === 'string'
        ? this.inputs.set(path, value)
        : this.inputs.set(path[0], value, path[1], path[2]);
    if (!isChanged) return changes.toChange();
    changes.value(path);
    if (!this.sync.isMasked(field.name, typeof path === 'string' ? null : path[1]))
      this.sync.absorb(this.state.setValue(path, value), changes);
    changes.recheck.add(key); // a touched field is validated
    return this.finish(changes, []);
  }

  insertRow(table: string, index?: number, row?: Record<string, unknown>): SessionChange {
    this.tableOf(table);
    const at = index ?? this.state.rowCount(table);
    const copy = this.inputs.newRow(table, row);
    const changed = this.state.insertRow(table, at, copy); // throws RangeError on a bad index, before anything changed
    const columns = [...(this.plan.tables.get(table)?.columns.keys() ?? [])];
    return this.afterRows({
      table,
      move: { kind: 'insert', index: at },
      changed,
      inserted: copy,
      candidates: columns.map((c) => [`${table}.${c}`, at]),
    });
  }

  removeRow(table: string, index: number): SessionChange {
    this.tableOf(table);
    const changed = this.state.removeRow(table, index);
    return this.afterRows({ table, move: { kind: 'remove', index }, changed, candidates: [] });
  }

  moveRow(table: string, from: number, to: number): SessionChange {
    this.tableOf(table);
    const changed = this.state.moveRow(table, from, to);
    if (from === to) return new ChangeSet().toChange();
    return this.afterRows({ table, move: { kind: 'move', from, to }, changed, candidates: [] });
  }

  rowCount(table: string): number {
    return this.state.rowCount(table);
  }

  getFieldState(key: string, row?: number): FieldState {
    const field = this.plan.fields.get(key);
    const isComputed = field?.isComputed === true;
    const isServerOwned = isComputed || field?.type === 'serial';
    const table = field?.tableKey ? this.plan.fields.get(field.tableKey) : undefined;
    const isReadOnly =
      isServerOwned ||
      field?.readOnly === true ||
      this.rules.own(key, 'readOnly', row) === true ||
      table?.readOnly === true ||
      (table !== undefined && this.rules.own(table.key, 'readOnly') === true);
    return {
      isVisible: this.rules.isVisible(key, row),
      isRequired:
        field !== undefined &&
        !isServerOwned &&
        (field.required === true || this.rules.own(key, 'required', row) === true),
      isReadOnly,
      isComputed,
    };
  }

  validate(): SessionFieldError[] {
    this.validator ??= createRecordValidator(this.plan.compiled, { locale: this.locale });
    const { data, options } = this.snapshot.validationInput();
    const found: SessionFieldError[] = this.validator.validate(data, options);
    const changes = new ChangeSet();
    this.errors.replaceChecks(found, changes);
    this.emit(changes);
    return [...found, ...this.formulaErrors()].slice(0, MAX_FIELD_ERRORS);
  }

  getErrors(path?: SessionPath): SessionFieldError[] {
    if (path !== undefined) {
      const key = keyOf(path);
      return this.isKeyVisible(key) ? this.errors.at(key) : [];
    }
    return [...this.errors.keys()]
      .filter((key) => this.isKeyVisible(key))
      .flatMap((key) => this.errors.at(key));
  }

  toSubmission(): Record<string, JsonValue> {
    return this.snapshot.submission();
  }

  subscribe(listener: (change: SessionChange) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  // ---------------------------------------------------------------------------

  private replaceRows(table: string, value: unknown): SessionChange {
    const changes = new ChangeSet();
    const rows = this.inputs.replaceRows(table, value);
    const changed = this.state.setValue(table, rows);
    changes.value(table);
    changes.tables.add(table);
    this.sync.clearTable(table);
    for (const rule of this.rules.reloadTable(table)) changes.rules.add(rule.name);
    this.errors.clearRows(table, changes);
    this.sync.absorb(changed, changes);
    this.sync.rescanFormulaErrors(table, changes);
    if (this.errors.checks.has(table)) changes.recheck.add(table);
    const columns = [...(this.plan.tables.get(table)?.columns.values() ?? [])];
    return this.finish(
      changes,
      columns.map((column) => [column.name, null]),
    );
  }

  private afterRows(input: {
    table: string;
    move: RowMove;
    changed: FieldPath[];
    inserted?: Record<string, unknown>;
    candidates: Candidate[];
  }): SessionChange {
    const { table, move } = input;
    const changes = new ChangeSet();
    changes.tables.add(table);
    this.inputs.moveRows(table, move, input.inserted);
    this.sync.moveRows(table, move);
    this.rules.moveRows(table, move);
    this.errors.moveRows(table, move, changes);
    this.sync.absorb(input.changed, changes);
    if (this.errors.checks.has(table)) changes.recheck.add(table);
    return this.finish(changes, input.candidates);
  }

  private finish(changes: ChangeSet, candidates: readonly Candidate[]): SessionChange {
    this.sync.settle(changes, candidates);
    for (const key of changes.recheck) this.errors.setChecks(key, this.check(key), changes);
    return this.emit(changes);
  }

  private emit(changes: ChangeSet): SessionChange {
    const change = changes.toChange();
    if (!changes.isEmpty) for (const listener of [...this.listeners]) listener(change);
    return change;
  }

  /** Validates one path as it is now (hidden: no errors). Keys the form does not know keep their errors. */
  private check(key: string): SessionFieldError[] {
    const { name, row } = nameOfKey(key);
    const field = this.plan.fields.get(name);
    const isKnown =
      field !== undefined &&
      (row === null ? key === name && field.tableKey === null : field.tableKey !== null);
    if (!isKnown) return this.errors.checks.get(key) ?? [];
    if (!this.rules.isVisible(name, row ?? undefined)) return [];
    if (row !== null && !this.hasRow(field.tableKey!, row)) return [];
    const value =
      field.type === 'table'
        ? (this.inputs.malformedTable(name) ?? this.snapshot.rows(name, 'validation'))
        : this.snapshot.valueOf(field, row ?? undefined);
    const isRequired = !field.isComputed && this.rules.own(name, 'required', row ?? undefined) === true;
    return checkPath({ plan: this.plan, locale: this.locale, key, value, isRequired });
  }

  /** Visible formula errors in document order (fields, then each computed column row by row). */
  private formulaErrors(): SessionFieldError[] {
    const out: SessionFieldError[] = [];
    for (const field of this.plan.fields.values()) {
      if (!field.isComputed) continue;
      if (field.tableKey === null) {
        const error = this.errors.formula.get(field.key);
        if (error && this.rules.isVisible(field.name)) out.push(error);
        continue;
      }
      for (let row = 0, n = this.state.rowCount(field.tableKey); row < n; row++) {
        const error = this.errors.formula.get(`${field.tableKey}/${row}/${field.key}`);
        if (error && this.rules.isVisible(field.name, row)) out.push(error);
      }
    }
    return out;
  }

  private describeFormulaError(key: string, info: FormulaErrorInfo): SessionFieldError {
    const { name, row } = nameOfKey(key);
    const label = this.plan.fields.get(name)?.label ?? name;
    return {
      path: key,
      code: 'formula',
      message: formulaErrorMessage({ locale: this.locale, label, code: info.code, row }),
    };
  }

  private isKeyVisible(key: string): boolean {
    const { name, row } = nameOfKey(key);
    return !this.plan.fields.has(name) || this.rules.isVisible(name, row ?? undefined);
  }

  private fieldAt(path: SessionPath): CompiledField | undefined {
    if (typeof path === 'string') {
      const field = this.plan.fields.get(path);
      return field?.tableKey === null ? field : undefined;
    }
    if (!Array.isArray(path) || path.length !== 3) return undefined;
    const field = this.plan.fields.get(`${path[0]}.${path[2]}`);
    return field?.tableKey === path[0] ? field : undefined;
  }

  private hasRow(table: string, row: number): boolean {
    return Number.isInteger(row) && row >= 0 && row < this.state.rowCount(table);
  }

  private tableOf(table: string): void {
    if (!this.plan.tables.has(table)) throw new RangeError(`unknown table ${JSON.stringify(table)}`);
  }
}
