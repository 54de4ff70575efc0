import type { FieldError, FieldErrorCode } from '../validate/index.ts';
import type { EvalContext, FieldPath, JsonValue } from '../formula/index.ts';

/** Validation codes plus `formula`: a computed field whose formula gives an error value (`#DIV/0!`…). */
export type SessionErrorCode = FieldErrorCode | 'formula';

/** A FieldError whose code may also be `formula`; `path` is `total` or `items/3/amount`. */
export interface SessionFieldError extends Omit<FieldError, 'code'> {
  code: SessionErrorCode;
}

/**
 * A path to one value: a header key (`customer`), a whole table (`items`), or a
 * cell `['items', 3, 'qty']`. Same shape as the formula engine's FieldPath.
 */
export type SessionPath = FieldPath;

/** What changed in one mutation; listeners get it so a UI re-renders only those. */
export interface SessionChange {
  /** paths whose value changed (computed dependents included) */
  values: SessionPath[];
  /** keys (`discount`, `items.qty`) whose visibility / required / read-only state changed */
  rules: string[];
  /** paths whose error list changed */
  errors: SessionPath[];
  /** a table's row count or order changed */
  tables: string[];
}

export interface FieldState {
  isVisible: boolean;
  isRequired: boolean;
  isReadOnly: boolean;
  /** a computed field (has a formula) */
  isComputed: boolean;
}

/**
 * One form being filled: values, formulas, rules and errors, the same object in
 * the browser (driving the renderer) and on the server (checking a submission).
 */
export interface FormSession {
  getValue(path: SessionPath): JsonValue;
  /** every value, computed ones included, hidden ones included (see toSubmission) */
  getValues(): Record<string, JsonValue>;
  /**
   * set an input value (a table key with an array replaces its rows); computed fields ignore
   * writes; the path is re-validated (a touched field); returns what changed. A hidden input
   * keeps its value but counts as blank for formulas until it is shown again.
   */
  setValue(path: SessionPath, value: unknown): SessionChange;
  insertRow(table: string, index?: number, row?: Record<string, unknown>): SessionChange;
  removeRow(table: string, index: number): SessionChange;
  moveRow(table: string, from: number, to: number): SessionChange;
  rowCount(table: string): number;
  /**
   * per field key, `table.column` or layout key (sections: visibility only); row-scoped rules
   * take the row — without one, a column's rule counts as true when it is true in any row
   */
  getFieldState(key: string, row?: number): FieldState;
  /** validation (required, required-if, types, ranges, custom checks) + formula errors, labelled in the session locale */
  validate(): SessionFieldError[];
  /** errors of the last validate() / touched fields for one path */
  getErrors(path?: SessionPath): SessionFieldError[];
  /**
   * the data to store: hidden fields removed (hidden cells per row, fields of hidden sections),
   * computed values as the server computes them, inputs nobody filled left out
   */
  toSubmission(): Record<string, JsonValue>;
  /** full listener: called after every mutation with what changed */
  subscribe(listener: (change: SessionChange) => void): () => void;
}

export interface FormSessionOptions {
  locale: 'zh-CN' | 'en';
  /** initial values (a stored record's data or a draft) */
  values?: Record<string, unknown>;
  /** USER(), DEPT(), RECORD_ID(), TODAY()'s clock */
  context?: EvalContext;
}
