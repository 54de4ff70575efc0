/**
 * Visibility / required / read-only rule results as booleans, cached so a
 * mutation reports only the rules whose boolean actually flipped.
 */
import type { EngineState, JsonValue } from '../formula/index.ts';
import type { ChangeSet, RowMove } from './change-set.ts';
import { spliceRows } from './change-set.ts';
import type { FormPlan, RuleInfo, RuleKind } from './plan.ts';

/** A rule whose formula gives an error value falls back to the field's static state. */
const ON_ERROR: Record<RuleKind, boolean> = { visible: true, required: false, readOnly: false };

export class RuleState {
  private readonly header = new Map<string, boolean>();
  private readonly rows = new Map<string, boolean[]>();

  constructor(
    private readonly plan: FormPlan,
    private readonly state: EngineState,
  ) {
    for (const rule of plan.rules.values()) {
      if (rule.table) this.loadRows(rule);
      else this.header.set(rule.id, this.evaluate(rule, null));
    }
  }

  /** Re-reads one rule result the engine reported as changed; records a flip. */
  refresh(rule: RuleInfo, row: number | null, changes: ChangeSet): void {
    const value = this.evaluate(rule, row);
    if (row === null || !rule.table) {
      if (this.header.get(rule.id) === value) return;
      this.header.set(rule.id, value);
    } else {
      const rows = this.rows.get(rule.id)!;
      if (rows[row] === value) return;
      rows[row] = value;
    }
    changes.flips.push({ rule, row: rule.table ? row : null });
  }

  /** Mirrors a row operation on the cached per-row results (inserted rows are evaluated). */
  moveRows(table: string, move: RowMove): void {
    for (const rule of this.plan.tables.get(table)?.rowRules ?? []) {
      const inserted = move.kind === 'insert' ? this.evaluate(rule, move.index) : false;
      spliceRows(this.rows.get(rule.id)!, move, inserted);
    }
  }

  /** After a table's rows were replaced: re-reads every row, returns the rules that were re-read. */
  reloadTable(table: string): RuleInfo[] {
    const rules = this.plan.tables.get(table)?.rowRules ?? [];
    for (const rule of rules) this.loadRows(rule);
    return rules;
  }

  /**
   * The rule's own result; undefined when the field has no such rule. Without a row,
   * a per-row rule counts as true when it is true in any row (or there are no rows).
   */
  own(name: string, kind: RuleKind, row?: number): boolean | undefined {
    const rule = this.plan.rulesOf.get(name)?.[kind];
    if (!rule) return undefined;
    if (!rule.table) return this.header.get(rule.id);
    const rows = this.rows.get(rule.id)!;
    if (row !== undefined) return rows[row] ?? ON_ERROR[kind];
    return rows.length === 0 ? ON_ERROR[kind] : rows.includes(true);
  }

  /** Visible: its own rule and every enclosing section, columns layout and table. */
  isVisible(name: string, row?: number): boolean {
    for (const ancestor of this.plan.ancestors.get(name) ?? [])
      if (this.own(ancestor, 'visible') === false) return false;
    return this.own(name, 'visible', row) !== false;
  }

  private loadRows(rule: RuleInfo): void {
    const count = this.state.rowCount(rule.table!);
    const rows: boolean[] = [];
    for (let row = 0; row < count; row++) rows.push(this.evaluate(rule, row));
    this.rows.set(rule.id, rows);
  }

  private evaluate(rule: RuleInfo, row: number | null): boolean {
    const isRow = rule.table !== null && row !== null;
    const error = this.state.getError(isRow ? [rule.table!, row, rule.id] : rule.id);
    if (error) return ON_ERROR[rule.kind];
    return isTrue(isRow ? this.state.getRule(rule.id, row) : this.state.getRule(rule.id));
  }
}

/** Excel's truth: TRUE, a non-zero number, or the text "TRUE"; blank is false. */
function isTrue(value: JsonValue): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') return value.trim().toUpperCase() === 'TRUE';
  return false;
}
