/**
 * Excel cell formula → Formwork formula: cell references become field keys,
 * column ranges become `table.column`, references to constants (another sheet's
 * lookup table, a fixed cell) are inlined. Whatever cannot be expressed throws
 * `Untranslatable` with a reason; the caller keeps the original text.
 */
import { rangeSize } from './cell-address.ts';
import type { XNode } from './excel-ast.ts';
import { findExternalRef } from './excel-ast.ts';
import { ExcelFormulaError, parseExcelFormula } from './excel-formula.ts';
import type { RangeTarget, RefResolver } from './ref-resolver.ts';
import { Untranslatable } from './ref-resolver.ts';
import { literal, lookupOverConstants, quote } from './translate-lookup.ts';

export { Untranslatable } from './ref-resolver.ts';
export type { CellTarget, RangeTarget, RefResolver, UntranslatableCode } from './ref-resolver.ts';

const MAX_NAME_DEPTH = 4;

export function translateFormula(formula: string, resolver: RefResolver): string {
  let ast: XNode;
  try {
    ast = parseExcelFormula(formula);
  } catch (error) {
    if (error instanceof ExcelFormulaError) throw new Untranslatable('unsupported-syntax', error.message);
    throw error;
  }
  const external = findExternalRef(ast);
  if (external) {
    const file = resolver.externalName(external.external!);
    throw new Untranslatable('external-reference', `${external.text} refers to another workbook (${file})`);
  }
  return emit(ast, resolver, 0);
}

function emit(node: XNode, resolver: RefResolver, depth: number): string {
  const recur = (child: XNode) => emit(child, resolver, depth);
  switch (node.kind) {
    case 'number':
      return node.text;
    case 'string':
      return quote(node.value);
    case 'boolean':
      return node.value ? 'TRUE' : 'FALSE';
    case 'error':
      if (node.code === '#REF!')
        throw new Untranslatable('unsupported-reference', 'the formula contains a broken reference (#REF!)');
      return node.code;
    case 'empty':
      return '';
    case 'paren':
      return `(${recur(node.inner)})`;
    case 'unary':
      return `${node.op}${recur(node.operand)}`;
    case 'percent':
      return `${recur(node.operand)}%`;
    case 'binary':
      return node.operands
        .map((operand, i) => (i === 0 ? '' : ` ${node.ops[i - 1]} `) + recur(operand))
        .join('');
    case 'array':
      if (node.rows.length > 1)
        throw new Untranslatable('unsupported-syntax', 'array constants with several rows are not supported');
      return `{${node.rows[0].map(recur).join(', ')}}`;
    case 'call':
      return emitCall(node, resolver, depth);
    case 'ref':
      return emitRef(node, resolver);
    case 'name':
      return emitName(node.name, resolver, depth);
  }
}

function emitCall(node: Extract<XNode, { kind: 'call' }>, resolver: RefResolver, depth: number): string {
  const name = node.name.replace(/^(_XLFN\.)?(_XLWS\.)?/, '');
  if (/^(_XLL\.|_XLUDF\.|COM\.)/.test(name))
    throw new Untranslatable('unsupported-syntax', `${name} is an add-in function`);
  if (name === 'ROW' || name === 'COLUMN') {
    const row = name === 'ROW' && node.args.length === 0 ? resolver.row() : null;
    if (row === null)
      throw new Untranslatable(
        'unsupported-syntax',
        `${name}(${node.args.length ? '…' : ''}) depends on the sheet position here`,
      );
    return row;
  }
  const table = node.args[1];
  if ((name === 'VLOOKUP' || name === 'HLOOKUP') && table?.kind === 'ref') {
    const target = resolveRange(table, resolver);
    if (target.kind === 'constants') {
      const emitArg = (arg: XNode) => emit(arg, resolver, depth);
      return lookupOverConstants({ name, args: node.args, rows: target.rows, emitArg });
    }
  }
  return `${name}(${node.args.map((arg) => emit(arg, resolver, depth)).join(', ')})`;
}

function emitRef(node: Extract<XNode, { kind: 'ref' }>, resolver: RefResolver): string {
  if (node.external !== undefined) {
    throw new Untranslatable(
      'external-reference',
      `${node.text} refers to another workbook (${node.external})`,
    );
  }
  const { rows, cols } = rangeSize(node.range);
  if (rows === 1 && cols === 1) {
    const target = resolver.cell(node.sheet, node.range);
    if (target.kind === 'key') return target.key;
    if (target.kind === 'constant') return literal(target.value);
    throw new Untranslatable('unsupported-reference', `${node.text}: ${target.why}`);
  }
  const target = resolveRange(node, resolver);
  if (target.kind === 'column') return target.path;
  if (target.kind === 'constants') {
    if (target.rows.length > 1 && target.rows[0].length > 1) {
      throw new Untranslatable(
        'unsupported-reference',
        `${node.text} is a block of constants; only lookups or one row/column can be inlined`,
      );
    }
    return `{${target.rows.flat().map(literal).join(', ')}}`;
  }
  throw new Untranslatable('unsupported-reference', `${node.text}: ${target.why}`);
}

function resolveRange(node: Extract<XNode, { kind: 'ref' }>, resolver: RefResolver): RangeTarget {
  if (node.external !== undefined) {
    throw new Untranslatable(
      'external-reference',
      `${node.text} refers to another workbook (${node.external})`,
    );
  }
  return resolver.range(node.sheet, node.range);
}

function emitName(name: string, resolver: RefResolver, depth: number): string {
  const ref = resolver.name(name);
  if (ref === null)
    throw new Untranslatable('unknown-name', `${name} is not a defined name of this workbook`);
  if (depth >= MAX_NAME_DEPTH)
    throw new Untranslatable('unsupported-reference', `${name} refers to names nested too deep`);
  let ast: XNode;
  try {
    ast = parseExcelFormula(ref);
  } catch {
    throw new Untranslatable('unsupported-reference', `${name} refers to ${ref}, which cannot be read`);
  }
  if (ast.kind === 'ref' && ast.sheet === undefined) {
    throw new Untranslatable('unsupported-reference', `${name} refers to ${ref} without a sheet`);
  }
  return emit(ast, resolver, depth + 1);
}
