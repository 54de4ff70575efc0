/**
 * Keeps the session's caches in step with the formula engine: takes in the paths the
 * engine reports changed (values, formula errors, rule results), and keeps hidden
 * inputs blank for formulas — hiding one can flip another rule, so it settles in rounds.
 */
import type { EngineState, FieldPath } from '../formula/index.ts';
import type { ChangeSet, RowMove } from './change-set.ts';
import { keyOf, nameOfKey } from './change-set.ts';
import type { ErrorState } from './error-state.ts';
import type { InputStore } from './inputs.ts';
import { MaskState } from './masks.ts';
import type { FormPlan } from './plan.ts';
import type { RuleState } from './rule-state.ts';

/** Hiding a field can change a formula that hides another…; settling stops after this many rounds. */
const MAX_SETTLE_ROUNDS = 8;

/** An input position to re-check for hiding: a header key, or a column name with a row (null: every row). */
export type Candidate = readonly [name: string, row: number | null];

export interface SyncParts {
  plan: FormPlan;
  state: EngineState;
  inputs: InputStore;
  rules: RuleState;
  errors: ErrorState;
}

export class EngineSync {
  /** inputs the engine sees as blank because they are hidden */
  private readonly masked = new MaskState();
  private readonly maskable: ReadonlySet<string>;

  constructor(private readonly parts: SyncParts) {
    this.maskable = new Set(parts.plan.maskable);
  }

  isMasked(name: string, row: number | null): boolean {
    return this.masked.has(name, row);
  }

  /** Takes in the paths the engine reports changed: values, formula errors, rule results. */
  absorb(changed: readonly FieldPath[], changes: ChangeSet): void {
    const { plan, rules, errors, state } = this.parts;
    for (const path of changed) {
      const rule = plan.rules.get(typeof path === 'string' ? path : path[2]);
      if (rule) {
        rules.refresh(rule, typeof path === 'string' ? null : path[1], changes);
        continue;
      }
      changes.value(path);
      const name = typeof path === 'string' ? path : `${path[0]}.${path[2]}`;
      if (!plan.fields.get(name)?.isComputed) continue;
      const key = keyOf(path);
      errors.setFormula(key, state.getError(path), changes);
      if (errors.checks.has(key)) changes.recheck.add(key);
    }
  }

  /**
   * Brings the engine's view of hidden inputs in line with the rules (hiding blanks an
   * input for formulas, showing restores it), repeating while that flips further rules;
   * then reports the flipped rules and marks the errors they affect for re-checking.
   */
  settle(changes: ChangeSet, candidates: readonly Candidate[]): void {
    let pending: Candidate[] = [...candidates];
    let seen = 0;
    for (let round = 0; round < MAX_SETTLE_ROUNDS; round++) {
      for (const { rule, row } of changes.flips.slice(seen)) {
        if (rule.kind !== 'visible') continue;
        pending.push([rule.name, row]);
        if (row === null)
          for (const name of this.parts.plan.descendants.get(rule.name) ?? []) pending.push([name, null]);
      }
      seen = changes.flips.length;
      for (const [name, row] of pending) this.applyMask(name, row, changes);
      pending = [];
      if (changes.flips.length === seen) break;
    }
    this.reportFlips(changes);
  }

  /** Re-reads the formula errors of every computed cell of a table (after its rows were replaced). */
  rescanFormulaErrors(table: string, changes: ChangeSet): void {
    const { plan, state, errors } = this.parts;
    const stale = new Set(errors.formulaKeysOf(table));
    for (const column of plan.tables.get(table)?.columns.values() ?? []) {
      if (!column.isComputed) continue;
      for (let row = 0, n = state.rowCount(table); row < n; row++) {
        const info = state.getError([table, row, column.key]);
        if (!info) continue;
        const key = `${table}/${row}/${column.key}`;
        errors.setFormula(key, info, changes);
        stale.delete(key);
      }
    }
    for (const key of stale) errors.setFormula(key, null, changes);
  }

  moveRows(table: string, move: RowMove): void {
    this.masked.moveRows(table, move);
  }

  /** The table's rows were replaced: the engine holds them unmasked. */
  clearTable(table: string): void {
    this.masked.clearTable(table);
  }

  private applyMask(name: string, row: number | null, changes: ChangeSet): void {
    if (!this.maskable.has(name)) return;
    const { plan, state, inputs, rules } = this.parts;
    const field = plan.fields.get(name)!;
    const table = field.tableKey;
    const rows =
      table === null
        ? [null]
        : row === null
          ? Array.from({ length: state.rowCount(table) }, (_, i) => i)
          : [row];
    for (const r of rows) {
      const isHidden = !rules.isVisible(name, r ?? undefined);
      if (isHidden === this.masked.has(name, r)) continue;
      this.masked.set(name, r, isHidden);
      const path: FieldPath = table === null || r === null ? name : [table, r, field.key];
      const value = isHidden
        ? null
        : table === null || r === null
          ? inputs.get(name)
          : inputs.get(table, r, field.key);
      const key = keyOf(path);
      // the input's own value is unchanged for readers (getValue gives what was supplied)
      this.absorb(
        state.setValue(path, value).filter((changed) => keyOf(changed) !== key),
        changes,
      );
    }
  }

  private reportFlips(changes: ChangeSet): void {
    if (changes.flips.length === 0) return;
    const { plan, errors } = this.parts;
    const names = new Set<string>();
    for (const { rule, row } of changes.flips) {
      names.add(rule.name);
      if (row === null) for (const name of plan.descendants.get(rule.name) ?? []) names.add(name);
    }
    for (const name of names) changes.rules.add(name);
    for (const key of errors.keys()) {
      if (!names.has(nameOfKey(key).name)) continue;
      changes.error(key);
      if (errors.checks.has(key)) changes.recheck.add(key);
    }
  }
}
