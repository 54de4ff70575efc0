/**
 * The session's errors by path key: live formula errors of computed fields, and
 * validation results (from validate() or re-checks of touched paths).
 */
import type { FormulaErrorInfo } from '../formula/index.ts';
import type { ChangeSet, RowMove } from './change-set.ts';
import { movedRow } from './change-set.ts';
import type { SessionFieldError } from './types.ts';

export class ErrorState {
  readonly formula = new Map<string, SessionFieldError>();
  /** what the engine said, kept to re-describe an error whose row moved */
  private readonly formulaInfo = new Map<string, FormulaErrorInfo>();
  readonly checks = new Map<string, SessionFieldError[]>();

  constructor(private readonly describe: (key: string, info: FormulaErrorInfo) => SessionFieldError) {}

  setFormula(key: string, info: FormulaErrorInfo | null, changes: ChangeSet | null): void {
    const before = this.formula.get(key);
    const after = info ? this.describe(key, info) : undefined;
    if (info) this.formulaInfo.set(key, info);
    else this.formulaInfo.delete(key);
    if (before?.message === after?.message) return;
    if (after) this.formula.set(key, after);
    else this.formula.delete(key);
    changes?.error(key);
  }

  setChecks(key: string, errors: SessionFieldError[], changes: ChangeSet): void {
    const before = this.checks.get(key) ?? [];
    const isSame =
      before.length === errors.length &&
      before.every((e, i) => e.code === errors[i].code && e.message === errors[i].message);
    if (isSame) return;
    if (errors.length > 0) this.checks.set(key, errors);
    else this.checks.delete(key);
    changes.error(key);
  }

  /** Replaces every validation result (after a full validate()). */
  replaceChecks(errors: readonly SessionFieldError[], changes: ChangeSet): void {
    const next = new Map<string, SessionFieldError[]>();
    for (const error of errors) next.set(error.path, [...(next.get(error.path) ?? []), error]);
    for (const key of new Set([...this.checks.keys(), ...next.keys()]))
      this.setChecks(key, next.get(key) ?? [], changes);
  }

  /** Moves the errors of a table's rows along with a row operation. */
  moveRows(table: string, move: RowMove, changes: ChangeSet): void {
    const checks: [string, SessionFieldError[]][] = [];
    const formulas: [string, FormulaErrorInfo][] = [];
    for (const key of this.keys()) {
      const match = rowKey(table, key);
      if (!match) continue;
      const row = movedRow(match.row, move);
      if (row === match.row) continue;
      const errors = this.checks.get(key);
      const info = this.formulaInfo.get(key);
      this.checks.delete(key);
      this.formula.delete(key);
      this.formulaInfo.delete(key);
      changes.error(key);
      if (row === null) continue;
      const path = match.rest ? `${table}/${row}/${match.rest}` : `${table}/${row}`;
      if (errors) checks.push([path, errors.map((error) => ({ ...error, path }))]);
      if (info) formulas.push([path, info]);
    }
    for (const [key, errors] of checks) {
      this.checks.set(key, errors);
      changes.error(key);
    }
    for (const [key, info] of formulas) this.setFormula(key, info, changes);
  }

  /** Drops the validation results of every row of a table (its rows were replaced). */
  clearRows(table: string, changes: ChangeSet): void {
    for (const key of [...this.checks.keys()]) {
      if (rowKey(table, key)) {
        this.checks.delete(key);
        changes.error(key);
      }
    }
  }

  /** Keys of the live formula errors in a table's rows. */
  formulaKeysOf(table: string): string[] {
    return [...this.formula.keys()].filter((key) => rowKey(table, key) !== null);
  }

  keys(): Set<string> {
    return new Set([...this.checks.keys(), ...this.formula.keys()]);
  }

  at(key: string): SessionFieldError[] {
    const formula = this.formula.get(key);
    const checks = this.checks.get(key) ?? [];
    return formula ? [...checks, formula] : checks;
  }
}

function rowKey(table: string, key: string): { row: number; rest: string } | null {
  if (!key.startsWith(`${table}/`)) return null;
  const [, row, ...rest] = key.split('/');
  return /^\d+$/.test(row) ? { row: Number(row), rest: rest.join('/') } : null;
}
