import type { EvalContext, Value } from '../values.ts';

export type FunctionGroup = 'math' | 'logic' | 'text' | 'date' | 'lookup' | 'platform' | 'info';

/** The static result type the checker assumes ("any" when it depends on the arguments). */
export type ValueType = 'number' | 'text' | 'boolean' | 'date' | 'array' | 'any';

export interface FunctionSpec {
  name: string; // upper-case Excel name
  group: FunctionGroup;
  minArgs: number;
  /** Infinity for variadic */
  maxArgs: number;
  /** per-position expected types for the design-time type check; the last one repeats for variadic functions */
  argTypes?: ValueType[];
  returns: ValueType;
  /** one-line description (en) for the designer's help */
  description: string;
  /**
   * Lazy functions (IF, IFS, IFERROR, SWITCH, AND/OR short-circuit…) receive
   * thunks and evaluate only the branches they need.
   */
  isLazy?: boolean;
  /** Volatile functions (TODAY, NOW, RAND) are recomputed on every full evaluation. */
  isVolatile?: boolean;
  /**
   * How arrays may stand where argTypes names a scalar type (a checker should accept them there):
   * 'elementwise' — scalar parameters are lifted over arrays and the result is an array of the same shape
   * (`UPPER(items.name)`); 'aggregate' — parameters accept ranges/columns as well as scalars (`SUM(items.amount, 5)`).
   * Absent: arrays are accepted only where argTypes says 'array' or 'any'.
   * Dates are serial numbers at run time, so 'date' and 'number' are interchangeable, and a text literal that
   * reads as a date ("2024-01-31", "2001/1/1") is accepted for a 'date' parameter.
   */
  arrayMode?: 'elementwise' | 'aggregate';
  impl: (args: Value[] | (() => Value)[], ctx: FunctionContext) => Value;
}

export interface FunctionContext extends EvalContext {
  /** 0-based index of the current line-item row inside a column formula, else null */
  rowIndex: number | null;
  /** charge work to the step budget (e.g. per array element scanned); throws BudgetExceeded when spent */
  tick(n?: number): void;
}
