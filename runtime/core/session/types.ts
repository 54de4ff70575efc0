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
  /** set an input value; computed fields ignore writes; returns what changed */
  setValue(path: SessionPath, value: unknown): SessionChange;
  insertRow(table: string, index?: number, row?: Record<string, unknown>): SessionChange;
  removeRow(table: string, index: number): SessionChange;
  moveRow(table: string, from: number, to: number): SessionChange;
  rowCount(table: string): number;
  /** per field key or `table.column` (row-scoped rules take the row) */
  getFieldState(key: string, row?: number): FieldState;
  /** validation (required, required-if, types, ranges, custom checks) + formula errors, labelled in the session locale */
  validate(): SessionFieldError[];
  /** errors of the last validate() / touched fields for one path */
  getErrors(path?: SessionPath): SessionFieldError[];
  /** the data to store: hidden fields removed, computed values as the server computes them */
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
