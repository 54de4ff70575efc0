/**
 * Excel cell formula → Formwork formula: cell references become field keys,
 * column ranges become `table.column`, references to constants (another sheet's
 * lookup table, a fixed cell) are inlined. Whatever cannot be expressed throws
 * `Untranslatable` with a reason; the caller keeps the original text.
 */
import type { CellRange } from './cell-address.ts';
import { rangeSize } from './cell-address.ts';
import type { XNode } from './excel-formula.ts';
import { ExcelFormulaError, parseExcelFormula } from './excel-formula.ts';
import type { CellValue } from './sheet-model.ts';

export type UntranslatableCode =
  | 'external-reference'
  | 'unsupported-reference'
  | 'unsupported-syntax'
  | 'unknown-name';

export class Untranslatable extends Error {
  constructor(
    readonly code: UntranslatableCode,
    message: string,
  ) {
    super(message);
  }
}

/** What a reference points at, as decided by the layout analysis. */
export type CellTarget =
  | { kind: 'key'; key: string }
  | { kind: 'constant'; value: CellValue }
  | { kind: 'none'; why: string };

export type RangeTarget =
  | { kind: 'column'; path: string }
  | { kind: 'constants'; rows: CellValue[][] }
  | { kind: 'none'; why: string };

export interface RefResolver {
  /** `sheet` is undefined for the formula's own sheet */
  cell(sheet: string | undefined, range: CellRange): CellTarget;
  range(sheet: string | undefined, range: CellRange): RangeTarget;
  /** a defined name → its reference text (`Sheet1!$B$3`) or constant, or null when unknown */
  name(name: string): string | null;
}

const MAX_NAME_DEPTH = 4;

export function translateFormula(formula: string, resolver: RefResolver): string {
  let ast: XNode;
  try {
    ast = parseExcelFormula(formula);
  } catch (error) {
    if (error instanceof ExcelFormulaError) throw new Untranslatable('unsupported-syntax', error.message);
    throw error;
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
      if (node.code === '#REF!') throw new Untranslatable('unsupported-reference', 'the formula contains a broken reference (#REF!)');
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
      return node.operands.map((operand, i) => (i === 0 ? '' : ` ${node.ops[i - 1]} `) + recur(operand)).join('');
    case 'array':
      if (node.rows.length > 1) throw new Untranslatable('unsupported-syntax', 'array constants with several rows are not supported');
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
  if (/^(_XLL\.|_XLUDF\.|COM\.)/.test(name)) throw new Untranslatable('unsupported-syntax', `${name} is an add-in function`);
  const lookup = name === 'VLOOKUP' || name === 'HLOOKUP' ? emitLookup(name, node.args, resolver, depth) : null;
  if (lookup) return lookup;
  return `${name}(${node.args.map((arg) => emit(arg, resolver, depth)).join(', ')})`;
}

/**
 * `VLOOKUP(x, <constant table>, n, approx)` → `LOOKUP(x, {keys}, {values})` (approximate,
 * Excel's default) or `INDEX({values}, MATCH(x, {keys}, 0))` (exact): the formula language
 * has one-row array constants only.
 */
function emitLookup(name: string, args: XNode[], resolver: RefResolver, depth: number): string | null {
  const table = args[1];
  if (!table || table.kind !== 'ref' || args.length < 3 || args.length > 4) return null;
  const target = resolveRange(table, resolver);
  if (target.kind !== 'constants') return null;
  const index = args[2].kind === 'number' ? Number(args[2].text) : NaN;
  const rows = name === 'VLOOKUP' ? target.rows : transpose(target.rows);
  const width = rows[0]?.length ?? 0;
  if (!Number.isInteger(index) || index < 1 || index > width) {
    throw new Untranslatable('unsupported-syntax', `${name} column index must be a number between 1 and ${width}`);
  }
  const keys = `{${rows.map((row) => literal(row[0])).join(', ')}}`;
  const values = `{${rows.map((row) => literal(row[index - 1])).join(', ')}}`;
  const lookupValue = emit(args[0], resolver, depth);
  const mode = args[3];
  const isExact =
    mode !== undefined &&
    ((mode.kind === 'boolean' && !mode.value) || (mode.kind === 'number' && Number(mode.text) === 0));
  if (mode !== undefined && !isExact && mode.kind !== 'boolean' && mode.kind !== 'number' && mode.kind !== 'empty') {
    throw new Untranslatable('unsupported-syntax', `${name} match mode must be TRUE or FALSE`);
  }
  return isExact ? `INDEX(${values}, MATCH(${lookupValue}, ${keys}, 0))` : `LOOKUP(${lookupValue}, ${keys}, ${values})`;
}

function emitRef(node: Extract<XNode, { kind: 'ref' }>, resolver: RefResolver): string {
  if (node.external !== undefined) {
    throw new Untranslatable('external-reference', `${node.text} refers to another workbook (${node.external})`);
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
      throw new Untranslatable('unsupported-reference', `${node.text} is a block of constants; only lookups or one row/column can be inlined`);
    }
    return `{${target.rows.flat().map(literal).join(', ')}}`;
  }
  throw new Untranslatable('unsupported-reference', `${node.text}: ${target.why}`);
}

function resolveRange(node: Extract<XNode, { kind: 'ref' }>, resolver: RefResolver): RangeTarget {
  if (node.external !== undefined) {
    throw new Untranslatable('external-reference', `${node.text} refers to another workbook (${node.external})`);
  }
  return resolver.range(node.sheet, node.range);
}

function emitName(name: string, resolver: RefResolver, depth: number): string {
  const ref = resolver.name(name);
  if (ref === null) throw new Untranslatable('unknown-name', `${name} is not a defined name of this workbook`);
  if (depth >= MAX_NAME_DEPTH) throw new Untranslatable('unsupported-reference', `${name} refers to names nested too deep`);
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

function literal(value: CellValue | undefined): string {
  if (value === null || value === undefined || value === '') return '0';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return quote(value);
}

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function transpose(rows: CellValue[][]): CellValue[][] {
  const width = Math.max(0, ...rows.map((row) => row.length));
  return Array.from({ length: width }, (_, c) => rows.map((row) => row[c] ?? null));
}
