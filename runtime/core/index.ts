/**
 * Public API of runtime/core: plain TypeScript, no React, no Node-only APIs —
 * the same code runs in the designer preview, the end user's browser and the server.
 */
export type * from '../../schemas/form-definition.ts';
export { FIELD_TYPES, LAYOUT_FIELD_TYPES, TABLE_COLUMN_TYPES } from '../../schemas/form-definition.ts';
export * from './definition/index.ts';
export * from './compile/index.ts';
export * from './validate/index.ts';
// The formula engine's public API. Its model types are exported by ./compile under the
// same names (FormulaModel, FormulaFieldModel, FormulaTableModel) and are not repeated here.
export {
  compileProgram,
  parseFormula,
  MAX_FORMULA_LENGTH,
  MAX_NESTING,
  FormulaSyntaxError,
  BudgetExceeded,
  FormulaError,
  isFormulaError,
  roundToPrecision,
  round15,
} from './formula/index.ts';
export type {
  CompileOptions,
  CompileResult,
  EngineState,
  FormulaErrorInfo,
  Program,
  Diagnostic,
  DiagnosticCode,
  FieldPath,
  FormulaFieldType,
  FormulaRuleModel,
  JsonValue,
  FormulaNode,
  BinaryOp,
  Span,
  ErrorCode,
  EvalContext,
  Scalar,
  Value,
} from './formula/index.ts';
export * from './session/index.ts';
export * from './testcases/index.ts';
