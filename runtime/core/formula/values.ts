/**
 * Runtime values of the formula language. Dates and times are Excel serial
 * numbers (days since 1899-12-30, fraction = time of day) inside formulas;
 * the engine converts field values in and out (ISO `YYYY-MM-DD` ⇄ serial).
 */
export type ErrorCode = '#DIV/0!' | '#VALUE!' | '#N/A' | '#NAME?' | '#NUM!' | '#REF!' | '#NULL!' | '#CALC!';

/** An Excel error value. Flows through formulas as a value, never thrown to callers. */
export class FormulaError {
  constructor(
    readonly code: ErrorCode,
    /** human-readable reason, e.g. "division by zero in tax" */
    readonly detail?: string,
  ) {}
  toString(): string {
    return this.code;
  }
}

export const isFormulaError = (v: unknown): v is FormulaError => v instanceof FormulaError;

/** null = blank cell. Arrays are table columns (`items.amount`) or ranges. */
export type Scalar = number | string | boolean | null | FormulaError;
export type Value = Scalar | Value[];

/** What platform functions (USER(), DEPT(), RECORD_ID(), TODAY()) read. */
export interface EvalContext {
  userId?: string | null;
  userName?: string | null;
  departmentId?: string | null;
  departmentName?: string | null;
  recordId?: string | null;
  /** the clock, injectable for tests; default Date.now */
  now?: () => number;
  /** IANA time zone for TODAY()/NOW(); default the runtime's */
  timeZone?: string;
}

/**
 * Thrown by FunctionContext.tick (and the evaluator) when a formula spends its
 * step budget. Function implementations must let it propagate; the engine turns
 * it into a `#CALC!` value for the field being computed.
 */
export class BudgetExceeded extends Error {
  constructor(readonly limit: number) {
    super(`step budget exceeded (${limit} steps)`);
    this.name = 'BudgetExceeded';
  }
}
