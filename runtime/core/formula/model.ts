/** The form as the formula engine sees it, and the diagnostics it reports about it. */

export type FormulaFieldType =
  | 'text'
  | 'number'
  | 'money'
  | 'percent'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'select'
  | 'multiselect'
  | 'other';

export interface FormulaFieldModel {
  key: string;
  type: FormulaFieldType;
  /** makes the field computed; values sent for it are ignored */
  formula?: string;
  /**
   * decimals kept for number/money results (money defaults to 2); for percent,
   * decimals of the displayed percentage (precision 1 keeps 12.3%, i.e. 0.123)
   */
  precision?: number;
}

export interface FormulaTableModel {
  key: string;
  columns: FormulaFieldModel[];
}

export interface FormulaRuleModel {
  /** e.g. `visible:discount`; any text, never a field key */
  id: string;
  formula: string;
  /** evaluate once per row of this table, with row scope like a column formula */
  rowTable?: string;
}

export interface FormulaModel {
  fields: FormulaFieldModel[];
  tables: FormulaTableModel[];
  /** extra boolean/any formulas keyed by an id — visibility and required rules use the same engine */
  rules?: FormulaRuleModel[];
}

export type DiagnosticCode =
  | 'syntax'
  | 'invalid-key'
  | 'duplicate-key'
  | 'unknown-field'
  | 'unknown-function'
  | 'arg-count'
  | 'type-mismatch'
  | 'column-outside-aggregate'
  | 'row-scope'
  | 'table-reference'
  | 'row-function'
  | 'cycle';

/** A design-time problem in one formula (or in the model itself). */
export interface Diagnostic {
  code: DiagnosticCode;
  message: string;
  /** 0-based offset into the formula text, when the problem has a place */
  position?: number;
  /** end offset (exclusive) of the offending text */
  end?: number;
  /** the field (`total`), column (`items.amount`) or rule id whose formula has the problem */
  fieldKey: string;
}

/** `table.column` or the header key — how fields are named in diagnostics and cycles. */
export type FieldPath = string | readonly [table: string, row: number, column: string];
