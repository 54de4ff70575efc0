/**
 * The formula module: Excel-like formulas over a form model, checked at design
 * time and evaluated incrementally at run time (browser and server alike).
 *
 * Positions everywhere (syntax errors, AST spans, diagnostics) are 0-based
 * UTF-16 offsets into the formula text as written, a leading `=` included.
 */
export { checkModel, compileProgram } from './engine.ts';
export type { CompileOptions, CompileResult, EngineState, FormulaErrorInfo, Program } from './engine.ts';
export type {
  Diagnostic,
  DiagnosticCode,
  FieldPath,
  FormulaFieldModel,
  FormulaFieldType,
  FormulaModel,
  FormulaRuleModel,
  FormulaTableModel,
} from './model.ts';
export type { JsonValue } from './convert.ts';
export { parseFormula, MAX_FORMULA_LENGTH, MAX_NESTING } from './parser.ts';
export { FormulaSyntaxError } from './syntax-error.ts';
export type { Node as FormulaNode, BinaryOp, Span } from './ast.ts';
export { BudgetExceeded, FormulaError, isFormulaError } from './values.ts';
export type { ErrorCode, EvalContext, Scalar, Value } from './values.ts';
export { roundToPrecision, round15 } from './round.ts';
