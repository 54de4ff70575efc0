/**
 * AST → closures, built once per formula. A closure reads field values from
 * the Env by slot (resolved at compile time), charges steps to the Env's budget
 * and never throws except BudgetExceeded, which the engine turns into #CALC!.
 */
import type { CallNode, ColumnNode, NameNode, Node } from './ast.ts';
import { AGGREGATES } from './aggregates.ts';
import type { AggregateName } from './aggregates.ts';
import { arityMessage } from './arity.ts';
import { toText } from './functions/index.ts';
import { applyBinary, applyNegate, applyPercent, textTooLong } from './operators.ts';
import type { OperatorEnv } from './operators.ts';
import type { FunctionContext, FunctionSpec } from './functions/types.ts';
import { acceptsTable } from './resolve.ts';
import { BudgetExceeded, FormulaError } from './values.ts';
import type { ErrorCode, Value } from './values.ts';

/** The evaluation state a compiled formula reads. */
export interface Env extends OperatorEnv {
  /** header values by field slot */
  readonly fields: Value[];
  /** table columns by column slot (a row-scoped rule is a column too) */
  readonly columns: Value[][];
  /** 0-based row of the cell being computed, -1 outside tables */
  row: number;
  steps: number;
  limit: number;
  readonly fctx: FunctionContext;
  /** SUM/COUNT/… over a whole column, from the engine's block index */
  aggregate(slot: number, name: AggregateName): Value;
}

export type Evaluate = (env: Env) => Value;

/** A name or `table.column` resolved against the form model. */
export type Ref =
  | { kind: 'field'; slot: number }
  | { kind: 'cell'; slot: number }
  | { kind: 'column'; slot: number }
  /** a whole table: its column slots in the table's column order */
  | { kind: 'table'; slots: readonly number[] }
  | { kind: 'invalid'; error: FormulaError };

export interface CompileScope {
  /** `isTableAllowed`: the node is an argument that takes an array, so a table key is the whole table */
  resolve(node: NameNode | ColumnNode, options?: { isTableAllowed?: boolean }): Ref;
  functions: ReadonlyMap<string, FunctionSpec>;
}

export function compileNode(node: Node, scope: CompileScope): Evaluate {
  switch (node.kind) {
    case 'number':
    case 'string':
    case 'boolean': {
      const value = node.value;
      return () => value;
    }
    case 'error': {
      const error = new FormulaError(node.code);
      return () => error;
    }
    case 'empty':
      return () => null;
    case 'name':
    case 'column':
      return compileRef(scope.resolve(node));
    case 'unary': {
      const operand = compileNode(node.operand, scope);
      if (node.op === '+') return operand;
      return (env) => {
        if (++env.steps > env.limit) overBudget(env);
        return applyNegate(operand(env), env);
      };
    }
    case 'percent': {
      const operand = compileNode(node.operand, scope);
      return (env) => {
        if (++env.steps > env.limit) overBudget(env);
        return applyPercent(operand(env), env);
      };
    }
    case 'binary': {
      const operands = node.operands.map((n) => compileNode(n, scope));
      const ops = node.ops;
      if (operands.length === 2) {
        const [left, right] = operands;
        const op = ops[0];
        return (env) => {
          if (++env.steps > env.limit) overBudget(env);
          return applyBinary(op, left(env), right(env), env);
        };
      }
      return (env) => {
        let acc = operands[0](env);
        for (let i = 0; i < ops.length; i++) {
          if (++env.steps > env.limit) overBudget(env);
          acc = applyBinary(ops[i], acc, operands[i + 1](env), env);
        }
        return acc;
      };
    }
    case 'array': {
      const items = node.items.map((n) => compileNode(n, scope));
      return (env) => {
        env.tick(items.length);
        return items.map((item) => item(env));
      };
    }
    case 'call':
      return compileCall(node, scope);
  }
}

function compileRef(ref: Ref): Evaluate {
  switch (ref.kind) {
    case 'field':
      return (env) => env.fields[ref.slot];
    case 'cell':
      return (env) => env.columns[ref.slot][env.row] ?? null;
    case 'column':
      return (env) => {
        const column = env.columns[ref.slot];
        env.tick(column.length);
        return column.slice();
      };
    case 'table': {
      const slots = ref.slots;
      return (env) => tableRows(env, slots);
    }
    case 'invalid':
      return () => ref.error;
  }
}

/**
 * A whole table as lookups take it: an array of rows, each the row's cells in
 * column order. A list cell (multiselect) is one cell: its items as text joined
 * by ", " (its first error, if any), so it cannot shift the columns after it.
 */
function tableRows(env: Env, slots: readonly number[]): Value[] {
  const width = slots.length;
  const count = width === 0 ? 0 : env.columns[slots[0]].length;
  env.tick(count * (width + 1));
  const rows: Value[] = new Array(count);
  for (let row = 0; row < count; row++) {
    const cells: Value[] = new Array(width);
    for (let c = 0; c < width; c++) {
      const v = env.columns[slots[c]][row] ?? null;
      cells[c] = Array.isArray(v) ? listCell(v) : v;
    }
    rows[row] = cells;
  }
  return rows;
}

function listCell(items: Value[]): Value {
  const parts: string[] = [];
  for (const item of items) {
    if (item instanceof FormulaError) return item;
    if (item !== null && !Array.isArray(item)) parts.push(toText(item) as string);
  }
  return parts.join(', ');
}

function compileCall(node: CallNode, scope: CompileScope): Evaluate {
  const { name, args } = node;
  if (name === 'ROW' && args.length === 0) return evaluateRow;
  const spec = scope.functions.get(name);
  if (!spec) return constant('#NAME?', `unknown function ${name}`);
  if (args.length < spec.minArgs || args.length > spec.maxArgs) {
    return constant('#VALUE!', arityMessage(spec, args.length));
  }
  if (AGGREGATES.has(name) && args.length === 1 && args[0].kind === 'column') {
    const ref = scope.resolve(args[0]);
    if (ref.kind === 'column') {
      const aggregate = name as AggregateName;
      return (env) => env.aggregate(ref.slot, aggregate);
    }
  }
  const argFns = args.map((n, i) =>
    n.kind === 'name' && acceptsTable(spec, i)
      ? compileRef(scope.resolve(n, { isTableAllowed: true }))
      : compileNode(n, scope),
  );
  const count = argFns.length;
  if (spec.isLazy) {
    // Thunks are built once per call site, not per evaluation: they read the env of
    // the evaluation in progress from `current` (restored afterwards, so re-entry is safe).
    let current: Env | null = null;
    const thunks: readonly (() => Value)[] = Object.freeze(argFns.map((f) => () => f(current!)));
    return (env) => {
      if (++env.steps > env.limit) overBudget(env);
      const outer = current;
      current = env;
      try {
        return invoke(spec, thunks as (() => Value)[], env);
      } finally {
        current = outer;
      }
    };
  }
  return (env) => {
    if (++env.steps > env.limit) overBudget(env);
    const values: Value[] = new Array(count);
    for (let i = 0; i < count; i++) values[i] = argFns[i](env);
    return invoke(spec, values, env);
  };
}

function evaluateRow(env: Env): Value {
  return env.row >= 0
    ? env.row + 1
    : new FormulaError('#VALUE!', 'ROW() is only available in a column formula');
}

function invoke(spec: FunctionSpec, args: Value[] | (() => Value)[], env: Env): Value {
  let result: unknown;
  try {
    result = spec.impl(args, env.fctx);
  } catch (error) {
    if (error instanceof BudgetExceeded || env.steps > env.limit) overBudget(env);
    return new FormulaError('#VALUE!', `${spec.name}: ${messageOf(error)}`);
  }
  // an impl that swallowed BudgetExceeded still ends the evaluation
  if (env.steps > env.limit) overBudget(env);
  return normalizeResult(result, env, 0);
}

const ERROR_CODES = new Set<string>([
  '#DIV/0!',
  '#VALUE!',
  '#N/A',
  '#NAME?',
  '#NUM!',
  '#REF!',
  '#NULL!',
  '#CALC!',
]);

/** Turns whatever a function returned into a Value: non-finite → #NUM!, JS errors → error values. */
export function normalizeResult(v: unknown, env: OperatorEnv, depth: number): Value {
  switch (typeof v) {
    case 'number':
      return Number.isFinite(v) ? v : new FormulaError('#NUM!', 'result is not a finite number');
    case 'string':
      if (v.length > env.maxText) return textTooLong(env.maxText);
      if (v.length > 1024) env.tick(v.length >>> 10);
      return v;
    case 'boolean':
      return v;
    case 'undefined':
      return null;
    case 'object':
      if (v === null || v instanceof FormulaError) return v;
      if (Array.isArray(v)) {
        if (depth >= 2) return new FormulaError('#VALUE!', 'arrays nested too deeply');
        env.tick(v.length);
        return v.map((item) => normalizeResult(item, env, depth + 1));
      }
      if (v instanceof Error) {
        return ERROR_CODES.has(v.message)
          ? new FormulaError(v.message as ErrorCode)
          : new FormulaError('#VALUE!', v.message);
      }
      if (v instanceof Date) {
        const ms = v.getTime();
        return Number.isNaN(ms) ? new FormulaError('#VALUE!', 'invalid date') : ms / 86_400_000 + 25_569;
      }
      return new FormulaError('#VALUE!', 'function returned an unsupported value');
    default:
      return new FormulaError('#VALUE!', 'function returned an unsupported value');
  }
}

function overBudget(env: Env): never {
  throw new BudgetExceeded(env.limit);
}

function constant(code: ErrorCode, detail: string): Evaluate {
  const error = new FormulaError(code, detail);
  return () => error;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'function failed';
}
