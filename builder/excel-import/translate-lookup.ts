/**
 * `VLOOKUP(x, <constant table>, n, approx)` → `LOOKUP(x, {keys}, {values})` (approximate,
 * Excel's default) or `INDEX({values}, MATCH(x, {keys}, 0))` (exact): the formula language
 * has one-row array constants only. HLOOKUP reads the table by rows.
 */
import type { XNode } from './excel-ast.ts';
import { Untranslatable } from './ref-resolver.ts';
import type { CellValue } from './sheet-model.ts';

export function lookupOverConstants(input: {
  name: 'VLOOKUP' | 'HLOOKUP';
  args: XNode[];
  rows: CellValue[][];
  emitArg: (node: XNode) => string;
}): string {
  const { name, args, emitArg } = input;
  if (args.length < 3 || args.length > 4)
    throw new Untranslatable('unsupported-syntax', `${name} takes 3 or 4 arguments`);
  const rows = name === 'VLOOKUP' ? input.rows : transpose(input.rows);
  const width = rows[0]?.length ?? 0;
  const index = args[2].kind === 'number' ? Number(args[2].text) : NaN;
  if (!Number.isInteger(index) || index < 1 || index > width) {
    throw new Untranslatable(
      'unsupported-syntax',
      `${name} column index must be a number between 1 and ${width}`,
    );
  }
  const mode = args[3];
  const isExact =
    mode !== undefined &&
    ((mode.kind === 'boolean' && !mode.value) || (mode.kind === 'number' && Number(mode.text) === 0));
  if (mode !== undefined && !isExact && !['boolean', 'number', 'empty'].includes(mode.kind)) {
    throw new Untranslatable('unsupported-syntax', `${name} match mode must be TRUE or FALSE`);
  }
  const keys = `{${rows.map((row) => literal(row[0])).join(', ')}}`;
  const values = `{${rows.map((row) => literal(row[index - 1])).join(', ')}}`;
  const lookupValue = emitArg(args[0]);
  return isExact
    ? `INDEX(${values}, MATCH(${lookupValue}, ${keys}, 0))`
    : `LOOKUP(${lookupValue}, ${keys}, ${values})`;
}

/** A cell value as formula text; a blank reads as 0, like Excel's lookups return it. */
export function literal(value: CellValue | undefined): string {
  if (value === null || value === undefined || value === '') return '0';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return quote(value);
}

export function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function transpose(rows: CellValue[][]): CellValue[][] {
  const width = Math.max(0, ...rows.map((row) => row.length));
  return Array.from({ length: width }, (_, c) => rows.map((row) => row[c] ?? null));
}
