/**
 * compileProgram: form model → checked, compiled formula program. The program
 * is immutable and shared; each record/editing session gets an EngineState.
 */
import type { Node } from './ast.ts';
import { checkFormula } from './check.ts';
import type { Dependency } from './check.ts';
import { compileNode } from './compile.ts';
import type { CompileScope, Evaluate, Ref } from './compile.ts';
import type { JsonValue } from './convert.ts';
import { FUNCTIONS } from './functions/index.ts';
import type { FunctionSpec } from './functions/types.ts';
import { buildGraph } from './graph.ts';
import type { Graph } from './graph.ts';
import { buildLayout, formulaOf } from './layout.ts';
import type { Layout, Unit } from './layout.ts';
import type { Diagnostic, FieldPath, FormulaModel } from './model.ts';
import { parseFormula } from './parser.ts';
import { resolveRef } from './resolve.ts';
import { FormulaState } from './state.ts';
import { FormulaSyntaxError } from './syntax-error.ts';
import { FormulaError } from './values.ts';
import type { EvalContext } from './values.ts';

export interface CompileOptions {
  /** function table; defaults to the library in ./functions (tests pass a small one) */
  functions?: ReadonlyMap<string, FunctionSpec>;
  /** steps one formula evaluation may spend (array elements scanned count); default 100,000 */
  stepBudget?: number;
  /** steps one full evaluation or one update may spend across all formulas; default 1,000,000 */
  passStepBudget?: number;
  /** longest text a formula may produce; default 32,767 (Excel's cell limit) */
  maxTextLength?: number;
  /** called before every formula evaluation — for tests and profiling */
  onEvaluate?: (path: FieldPath) => void;
}

export interface CompileResult {
  /** true when there are no diagnostics; the program is usable either way (bad formulas yield error values) */
  ok: boolean;
  program: Program;
  diagnostics: Diagnostic[];
}

export interface FormulaErrorInfo {
  path: FieldPath;
  code: FormulaError['code'];
  message: string;
}

export interface Program {
  readonly diagnostics: readonly Diagnostic[];
  /** evaluates every formula over `values` (a JSON object: header keys, tables as arrays of row objects) */
  createState(values?: unknown, ctx?: EvalContext): EngineState;
}

/** Values of one form instance. Mutations return the paths whose values changed. */
export interface EngineState {
  getValue(path: FieldPath): JsonValue;
  getError(path: FieldPath): FormulaErrorInfo | null;
  /** plain JSON snapshot of every field and table (dates as ISO text, errors as null) */
  getValues(): Record<string, JsonValue>;
  getErrors(): FormulaErrorInfo[];
  /** a rule's result; per-row rules take the row index */
  getRule(id: string, row?: number): JsonValue;
  getRules(): Record<string, JsonValue>;
  rowCount(table: string): number;
  /** `key`, `[table, row, column]`, or a table key with an array of rows (replaces the rows) */
  setValue(path: FieldPath, value: unknown): FieldPath[];
  insertRow(table: string, index?: number, row?: unknown): FieldPath[];
  removeRow(table: string, index: number): FieldPath[];
  moveRow(table: string, from: number, to: number): FieldPath[];
  /** full re-evaluation (volatile functions such as TODAY() included) */
  recalculate(): FieldPath[];
}

/** What a state needs from its program. */
export interface Plan {
  layout: Layout;
  graph: Graph;
  /** by unit id; null for input fields */
  evaluators: (Evaluate | null)[];
  /** by unit id: the formula calls ROW() */
  usesRow: boolean[];
  stepBudget: number;
  passStepBudget: number;
  maxText: number;
  onEvaluate: ((path: FieldPath) => void) | undefined;
}

const ROW_SPEC: FunctionSpec = {
  name: 'ROW',
  group: 'info',
  minArgs: 0,
  maxArgs: 0,
  returns: 'number',
  description: 'The 1-based row number inside a line-item column formula.',
  impl: (_args, ctx) =>
    ctx.rowIndex === null ? new FormulaError('#VALUE!', 'ROW() outside a table') : ctx.rowIndex + 1,
};

export function compileProgram(model: FormulaModel, options: CompileOptions = {}): CompileResult {
  const functions = new Map<string, FunctionSpec>(options.functions ?? FUNCTIONS);
  if (!functions.has('ROW')) functions.set('ROW', ROW_SPEC);
  const layout = buildLayout(model);
  const diagnostics = [...layout.diagnostics];
  const asts: (Node | FormulaError | undefined)[] = [];
  const dependencies: (Dependency[] | undefined)[] = [];
  const usesRow: boolean[] = [];
  for (const unit of layout.units) {
    const text = formulaOf(unit);
    usesRow[unit.id] = false;
    if (text === undefined) continue;
    dependencies[unit.id] = [];
    try {
      const ast = parseFormula(text);
      const facts = checkFormula({ layout, unit, ast, functions });
      asts[unit.id] = ast;
      dependencies[unit.id] = facts.dependencies;
      usesRow[unit.id] = facts.usesRow;
      diagnostics.push(...facts.diagnostics);
    } catch (error) {
      if (!(error instanceof FormulaSyntaxError)) throw error;
      asts[unit.id] = new FormulaError('#VALUE!', `syntax error: ${error.message}`);
      diagnostics.push({
        code: 'syntax',
        message: error.message,
        position: error.position,
        fieldKey: unit.label,
      });
    }
  }
  const graph = buildGraph(layout.units, dependencies);
  diagnostics.push(...graph.diagnostics);
  const evaluators = layout.units.map((unit) =>
    compileUnit({ unit, layout, graph, functions, ast: asts[unit.id] }),
  );
  const plan: Plan = {
    layout,
    graph,
    evaluators,
    usesRow,
    stepBudget: positive(options.stepBudget, 100_000),
    passStepBudget: positive(options.passStepBudget, 1_000_000),
    maxText: positive(options.maxTextLength, 32_767),
    onEvaluate: options.onEvaluate,
  };
  const program: Program = {
    diagnostics,
    createState: (values, ctx) => new FormulaState(plan, values, ctx ?? {}),
  };
  return { ok: diagnostics.length === 0, program, diagnostics };
}

/** Design-time check of a whole model (the designer's problem list): compileProgram's diagnostics. */
export function checkModel(
  model: FormulaModel,
  options: Pick<CompileOptions, 'functions'> = {},
): Diagnostic[] {
  return compileProgram(model, options).diagnostics;
}

function compileUnit(input: {
  unit: Unit;
  layout: Layout;
  graph: Graph;
  functions: ReadonlyMap<string, FunctionSpec>;
  ast: Node | FormulaError | undefined;
}): Evaluate | null {
  const { unit, layout, graph, functions, ast } = input;
  if (ast === undefined) return null;
  const cycle = graph.cycles.get(unit.id);
  const constant = cycle
    ? new FormulaError('#REF!', `circular reference: ${cycle}`)
    : ast instanceof FormulaError
      ? ast
      : null;
  if (constant) return () => constant;
  const scope: CompileScope = {
    functions,
    resolve(node, options): Ref {
      const resolution = resolveRef(layout, unit, node, options);
      if (resolution.kind === 'error')
        return { kind: 'invalid', error: new FormulaError('#NAME?', resolution.message) };
      if (resolution.kind === 'table')
        return { kind: 'table', slots: [...resolution.table.columns.values()].map((c) => c.slot) };
      return { kind: resolution.kind, slot: resolution.unit.slot };
    },
  };
  return compileNode(ast as Node, scope);
}

function positive(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && value > 0 ? value : fallback;
}
