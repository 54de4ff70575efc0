/**
 * Formula syntax tree. Every node carries `start`/`end`: 0-based UTF-16 offsets
 * into the original formula text (including a leading `=` and whitespace), end
 * exclusive — the same convention as FormulaSyntaxError.position and
 * Diagnostic.position.
 */
import type { ErrorCode } from './values.ts';

export type ComparisonOp = '=' | '<>' | '<' | '<=' | '>' | '>=';
export type BinaryOp = ComparisonOp | '&' | '+' | '-' | '*' | '/' | '^';

export interface Span {
  start: number;
  end: number;
}

export interface NumberNode extends Span {
  kind: 'number';
  value: number;
}
export interface StringNode extends Span {
  kind: 'string';
  value: string;
}
export interface BooleanNode extends Span {
  kind: 'boolean';
  value: boolean;
}
export interface ErrorLiteralNode extends Span {
  kind: 'error';
  code: ErrorCode;
}
/** An omitted function argument: the middle of `IF(a,,b)`. */
export interface EmptyNode extends Span {
  kind: 'empty';
}
/** A bare name: a header field, or a sibling column inside a column formula. */
export interface NameNode extends Span {
  kind: 'name';
  name: string;
}
/** `table.column`: the whole column, an array. */
export interface ColumnNode extends Span {
  kind: 'column';
  table: string;
  column: string;
  /** offset of the column key (after the dot) */
  columnStart: number;
}
export interface UnaryNode extends Span {
  kind: 'unary';
  op: '-' | '+';
  operand: Node;
}
/** Postfix `%`. */
export interface PercentNode extends Span {
  kind: 'percent';
  operand: Node;
}
/**
 * A left-associative run of binary operators of one precedence level:
 * `1 + 2 - 3` is one node with operands [1, 2, 3] and ops ['+', '-'].
 * Runs keep the tree shallow (a 4,000-term sum is one node, not 4,000 levels).
 */
export interface BinaryNode extends Span {
  kind: 'binary';
  operands: Node[];
  ops: BinaryOp[];
  /** offset of each operator, parallel to `ops` */
  opStarts: number[];
}
export interface CallNode extends Span {
  kind: 'call';
  /** upper-case function name, e.g. `SUM`, `STDEV.S` */
  name: string;
  args: Node[];
}
/** Array constant `{1, 2, 3}`. */
export interface ArrayNode extends Span {
  kind: 'array';
  items: Node[];
}

export type Node =
  | NumberNode
  | StringNode
  | BooleanNode
  | ErrorLiteralNode
  | EmptyNode
  | NameNode
  | ColumnNode
  | UnaryNode
  | PercentNode
  | BinaryNode
  | CallNode
  | ArrayNode;

/** Direct children of a node, in source order. */
export function childrenOf(node: Node): readonly Node[] {
  switch (node.kind) {
    case 'unary':
    case 'percent':
      return [node.operand];
    case 'binary':
      return node.operands;
    case 'call':
      return node.args;
    case 'array':
      return node.items;
    default:
      return [];
  }
}

/** Depth-first walk in source order; the tree is shallow by construction (see parser limits). */
export function walk(node: Node, visit: (node: Node) => void): void {
  visit(node);
  for (const child of childrenOf(node)) walk(child, visit);
}
