/** Syntax tree of an Excel formula, as the template importer reads it. */
import type { CellRange } from './cell-address.ts';

export type XNode =
  | { kind: 'number'; text: string }
  | { kind: 'string'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'error'; code: string }
  | { kind: 'ref'; sheet?: string; external?: string; range: CellRange; text: string }
  | { kind: 'name'; name: string }
  | { kind: 'call'; name: string; args: XNode[] }
  | { kind: 'unary'; op: string; operand: XNode }
  | { kind: 'percent'; operand: XNode }
  | { kind: 'binary'; operands: XNode[]; ops: string[] }
  | { kind: 'paren'; inner: XNode }
  | { kind: 'array'; rows: XNode[][] }
  | { kind: 'empty' };

export class ExcelFormulaError extends Error {}

/** The first reference into another workbook, if any. */
export function findExternalRef(node: XNode): Extract<XNode, { kind: 'ref' }> | null {
  switch (node.kind) {
    case 'ref':
      return node.external !== undefined ? node : null;
    case 'call':
      return firstOf(node.args);
    case 'binary':
      return firstOf(node.operands);
    case 'array':
      return firstOf(node.rows.flat());
    case 'unary':
    case 'percent':
      return findExternalRef(node.operand);
    case 'paren':
      return findExternalRef(node.inner);
    default:
      return null;
  }
}

function firstOf(nodes: XNode[]): Extract<XNode, { kind: 'ref' }> | null {
  for (const node of nodes) {
    const found = findExternalRef(node);
    if (found) return found;
  }
  return null;
}
