/**
 * Design-time checks of one formula against the form model: references,
 * functions, argument counts, obvious type mismatches and columns used where
 * a single value is needed. Also collects the references the dependency graph
 * is built from. Cycles are found across formulas in graph.ts.
 */
import type { CallNode, Node } from './ast.ts';
import { arityMessage } from './arity.ts';
import { parseNumberText } from './functions/index.ts';
import type { FunctionSpec, ValueType } from './functions/types.ts';
import type { Layout, Unit } from './layout.ts';
import type { Diagnostic, DiagnosticCode, FormulaFieldType } from './model.ts';
import { acceptsTable, resolveRef } from './resolve.ts';
import { didYouMean } from './suggest.ts';

/** A reference from one formula to a field or column. */
export interface Dependency {
  unit: Unit;
  /** true: the whole column or a header value; false: the same row's cell */
  isWhole: boolean;
  position: number;
}

export interface FormulaFacts {
  diagnostics: Diagnostic[];
  dependencies: Dependency[];
  usesRow: boolean;
}

interface Shape {
  type: ValueType;
  isArray: boolean;
  /** set when the value is text the checker can see: a literal or a text field */
  text?: { description: string; value?: string };
  /** first column reference inside, for the "needs an aggregate" message */
  column?: { label: string; start: number; end: number };
}

const ANY: Shape = { type: 'any', isArray: false };
const SCALAR_TYPES: ReadonlySet<ValueType> = new Set(['number', 'text', 'boolean', 'date']);

export function checkFormula(input: {
  layout: Layout;
  unit: Unit;
  ast: Node;
  functions: ReadonlyMap<string, FunctionSpec>;
}): FormulaFacts {
  const { layout, unit, ast, functions } = input;
  const facts: FormulaFacts = { diagnostics: [], dependencies: [], usesRow: false };
  const report = (code: DiagnosticCode, message: string, node: { start: number; end: number }): void => {
    facts.diagnostics.push({ code, message, position: node.start, end: node.end, fieldKey: unit.label });
  };

  /** `isTableAllowed`: `node` is an argument that takes an array, where a bare table key may stand. */
  const visit = (node: Node, isTableAllowed = false): Shape => {
    switch (node.kind) {
      case 'number':
        return { type: 'number', isArray: false };
      case 'boolean':
        return { type: 'boolean', isArray: false };
      case 'string':
        return {
          type: 'text',
          isArray: false,
          text: { description: `text ${JSON.stringify(node.value)}`, value: node.value },
        };
      case 'error':
      case 'empty':
        return ANY;
      case 'name':
      case 'column': {
        const resolution = resolveRef(layout, unit, node, { isTableAllowed });
        if (resolution.kind === 'error') {
          report(resolution.code, resolution.message, node);
          return ANY;
        }
        if (resolution.kind === 'table') {
          // the rows hold every column, so a change to any cell of the table is a change of the table
          for (const column of resolution.table.columns.values())
            facts.dependencies.push({ unit: column, isWhole: true, position: node.start });
          return { type: 'array', isArray: true };
        }
        const target = resolution.unit;
        facts.dependencies.push({ unit: target, isWhole: resolution.kind !== 'cell', position: node.start });
        const shape = shapeOfField(target.type, target.label);
        if (resolution.kind !== 'column') return shape;
        return { ...shape, isArray: true, column: { label: target.label, start: node.start, end: node.end } };
      }
      case 'unary':
      case 'percent': {
        const operand = visit(node.operand);
        requireType(operand, 'number', node.operand, 'arithmetic');
        return merge({ type: 'number', isArray: false }, [operand]);
      }
      case 'binary': {
        const operands = node.operands.map((operand) => visit(operand));
        const op = node.ops[0];
        if (op === '&') return merge({ type: 'text', isArray: false }, operands);
        if (op === '+' || op === '-' || op === '*' || op === '/' || op === '^') {
          operands.forEach((shape, i) => requireType(shape, 'number', node.operands[i], 'arithmetic'));
          return merge({ type: 'number', isArray: false }, operands);
        }
        return merge({ type: 'boolean', isArray: false }, operands);
      }
      case 'array':
        return merge(
          { type: 'any', isArray: true },
          node.items.map((item) => visit(item)),
        );
      case 'call':
        return visitCall(node);
    }
  };

  const visitCall = (node: CallNode): Shape => {
    const spec = functions.get(node.name);
    // an unknown function is reported as such, not its table arguments as well
    const args = node.args.map((arg, i) => visit(arg, !spec || acceptsTable(spec, i)));
    const nameSpan = { start: node.start, end: node.start + node.name.length };
    if (node.name === 'ROW' && node.args.length === 0) {
      facts.usesRow = true;
      if (!unit.table) report('row-function', 'ROW() is only available in a column formula of a table', node);
      return { type: 'number', isArray: false };
    }
    if (!spec) {
      const hint = didYouMean(node.name, functions.keys());
      report('unknown-function', `unknown function ${node.name}${hint}`, nameSpan);
      return ANY;
    }
    if (args.length < spec.minArgs || args.length > spec.maxArgs) {
      report('arg-count', arityMessage(spec, args.length), node);
    }
    let lifted: Shape | undefined;
    args.forEach((shape, i) => {
      const expected = expectedType(spec, i);
      const argNode = node.args[i];
      if (!shape.isArray) {
        requireType(shape, expected, argNode, `${spec.name} argument ${i + 1}`);
      } else if (SCALAR_TYPES.has(expected)) {
        if (!spec.arrayMode) reportColumn(shape, argNode);
        else if (spec.arrayMode === 'elementwise') lifted ??= shape;
      }
    });
    const result: Shape = { type: spec.returns, isArray: spec.returns === 'array' };
    return lifted ? merge(result, [lifted]) : result;
  };

  const requireType = (shape: Shape, expected: ValueType, node: Node, context: string): void => {
    const text = shape.text;
    if (!text || shape.isArray || !SCALAR_TYPES.has(expected) || expected === 'text') return;
    if (text.value !== undefined && fitsLiteral(text.value, expected)) return;
    const wanted = expected === 'number' ? 'a number' : expected === 'date' ? 'a date' : 'TRUE or FALSE';
    const message =
      context === 'arithmetic'
        ? `${text.description} cannot be used in arithmetic`
        : `${context} expects ${wanted}, got ${text.description}`;
    report('type-mismatch', message, node);
  };

  const reportColumn = (shape: Shape, node: Node): void => {
    const column = shape.column;
    const label = column?.label ?? 'a list';
    const message = column
      ? `\`${label}\` is a column (one value per row); use it inside an aggregate such as SUM(${label})`
      : 'this expression is a list of values; use it inside an aggregate such as SUM(…)';
    report('column-outside-aggregate', message, column ?? node);
  };

  const result = visit(ast);
  if (result.isArray && unit.type !== 'multiselect' && unit.type !== 'other') reportColumn(result, ast);
  return facts;
}

function expectedType(spec: FunctionSpec, index: number): ValueType {
  const types = spec.argTypes;
  if (!types || types.length === 0) return 'any';
  return types[Math.min(index, types.length - 1)];
}

function fitsLiteral(value: string, expected: ValueType): boolean {
  if (expected === 'boolean') return /^\s*(true|false)\s*$/i.test(value);
  return parseNumberText(value) !== null;
}

function shapeOfField(type: FormulaFieldType, label: string): Shape {
  switch (type) {
    case 'number':
    case 'money':
    case 'percent':
      return { type: 'number', isArray: false };
    case 'boolean':
      return { type: 'boolean', isArray: false };
    case 'date':
    case 'datetime':
      return { type: 'date', isArray: false };
    case 'text':
    case 'select':
      return { type: 'text', isArray: false, text: { description: `\`${label}\` (a ${type} field)` } };
    case 'multiselect':
      return { type: 'text', isArray: true };
    default:
      return ANY;
  }
}

function merge(base: Shape, parts: Shape[]): Shape {
  const withArray = parts.find((p) => p.isArray);
  return withArray ? { ...base, isArray: true, column: withArray.column } : base;
}
