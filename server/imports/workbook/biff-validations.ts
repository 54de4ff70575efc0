/**
 * Data validations of a legacy .xls (SheetJS does not read them): the DV records
 * ([MS-XLS] 2.4.118, after a DVAL) of each worksheet substream, located through the
 * BOUNDSHEET8 offsets. List sources become the .xlsx spelling: an explicit list (ptgStr,
 * values separated by NUL) `"a,b"`, a range `Sheet!$A$2:$A$6` (3-D references resolved
 * through EXTERNSHEET / SUPBOOK when they name one sheet of this workbook), or a name.
 * A malformed record is skipped with a note; nothing here throws on a hostile file.
 */
import { columnName, encodeRange } from '../../../builder/excel-import/cell-address.ts';
import type { BiffGlobals } from './biff-records.ts';
import {
  BiffMalformed,
  checkBof,
  Cursor,
  OTHER_KIND,
  readGlobals,
  recordBudget,
  RT,
  SUBSTREAM,
  substream,
} from './biff-records.ts';
import type { SheetValidation } from './types.ts';
import type { ValidationsRead } from './validation-source.ts';
import { inlineList, MAX_VALIDATIONS, sheetPrefix, ValidationCollector } from './validation-source.ts';

/** DV valType → the .xlsx `type` names */
const TYPES = ['any', 'whole', 'decimal', 'list', 'date', 'time', 'textLength', 'custom'];
const MAX_COLUMN = 255;

type Source = { formula1: string } | { problem: string };

export function readXlsValidations(stream: Buffer): ValidationsRead {
  const found = new ValidationCollector();
  const problem = checkBof(stream, 0, SUBSTREAM.globals);
  if (problem !== null) {
    found.note({}, `data validations were not read: ${problem.replace(/^its/, "the workbook's")}`);
    return found.result();
  }
  let globals: ReturnType<typeof readGlobals>;
  try {
    globals = readGlobals(stream);
  } catch (error) {
    if (!(error instanceof BiffMalformed)) throw error;
    found.note({}, 'data validations were not read: the workbook stream is damaged');
    return found.result();
  }
  if (globals.isEncrypted) {
    found.note({}, 'data validations were not read: the workbook is encrypted');
    return found.result();
  }
  const budget = recordBudget(stream);
  for (const sheet of globals.sheets) readSheet({ stream, sheet, globals, found, budget });
  return found.result();
}

function readSheet(args: {
  stream: Buffer;
  sheet: { name: string; offset: number };
  globals: BiffGlobals;
  found: ValidationCollector;
  budget: { records: number };
}): void {
  const { stream, sheet, globals, found, budget } = args;
  const why = checkBof(stream, sheet.offset, SUBSTREAM.worksheet);
  if (why === OTHER_KIND) return;
  if (why !== null) {
    found.note({ sheet: sheet.name }, `data validations were not read: ${why}`);
    return;
  }
  try {
    for (const record of substream(stream, sheet.offset, budget)) {
      if (record.type !== RT.DV || record.depth !== 1) continue;
      let rule: SheetValidation | null;
      try {
        rule = readDv(record.data, { sheet: sheet.name, globals, found });
      } catch (error) {
        if (!(error instanceof BiffMalformed)) throw error;
        found.note(
          { sheet: sheet.name },
          `a malformed data-validation record (at byte ${record.at} of the workbook stream) was skipped`,
        );
        continue;
      }
      if (rule && !found.add(sheet.name, rule)) {
        found.note({ sheet: sheet.name }, `only the first ${MAX_VALIDATIONS} data validations were read`);
        return;
      }
    }
  } catch (error) {
    if (!(error instanceof BiffMalformed)) throw error;
    found.note(
      { sheet: sheet.name },
      'the sheet is damaged; data validations after the damage were not read',
    );
  }
}

/** One DV record → a rule; null when it applies to no cell or its list source is unreadable (noted). */
function readDv(
  data: Buffer,
  ctx: { sheet: string; globals: BiffGlobals; found: ValidationCollector },
): SheetValidation | null {
  const cursor = new Cursor(data);
  const flags = cursor.u32();
  const type = TYPES[flags & 0x0f];
  if (!type) throw new BiffMalformed('unknown validation type');
  for (let i = 0; i < 4; i++) cursor.xlUnicodeString(); // prompt title, error title, prompt, error
  const formula1 = parsedFormula(cursor);
  parsedFormula(cursor);
  const sqref = readSqref(cursor);
  if (!sqref) return null;
  if (type !== 'list') return { type, sqref };
  const source = listSource(formula1, ctx.globals);
  if ('problem' in source) {
    ctx.found.note(
      { sheet: ctx.sheet, sqref },
      `the data-validation list was left out: its source is ${source.problem}`,
    );
    return null;
  }
  return { type, sqref, formula1: source.formula1 };
}

/** DVParsedFormula: cce, unused, rgce. */
function parsedFormula(cursor: Cursor): Buffer {
  const cce = cursor.u16();
  cursor.u16();
  return cursor.bytes(cce);
}

/** SqRefU: a count and that many Ref8U (rwFirst, rwLast, colFirst, colLast). */
function readSqref(cursor: Cursor): string {
  const count = cursor.u16();
  const ranges: string[] = [];
  for (let i = 0; i < count; i++) {
    const [r1, r2, c1, c2] = [cursor.u16(), cursor.u16(), cursor.u16(), cursor.u16()];
    if (r1 > r2 || c1 > c2 || c2 > MAX_COLUMN) throw new BiffMalformed('a range outside the sheet');
    ranges.push(encodeRange({ s: { r: r1, c: c1 }, e: { r: r2, c: c2 } }));
  }
  return ranges.join(' ');
}

/** A list's formula1 (one operand token) → its Excel spelling, or why it cannot be carried over. */
function listSource(rgce: Buffer, globals: BiffGlobals): Source {
  const cursor = new Cursor(rgce);
  let source: Source | null = null;
  while (cursor.remaining > 0) {
    const ptg = cursor.u8();
    if (ptg === 0x15) continue; // ptgParen
    if (ptg === 0x19) {
      // ptgAttr: only spaces and the volatile mark carry no meaning here
      const kind = cursor.u8();
      if (kind !== 0x40 && kind !== 0x01) return { problem: 'a formula' };
      cursor.u16();
      continue;
    }
    if (source !== null) return { problem: 'a formula' };
    source = operand(ptg, cursor, globals);
    if ('problem' in source) return source;
  }
  return source ?? { problem: 'empty' };
}

function operand(ptg: number, cursor: Cursor, globals: BiffGlobals): Source {
  if (ptg === 0x17) return { formula1: inlineList(cursor.shortXlUnicodeString().split('\0')) };
  if (ptg < 0x20 || ptg >= 0x80) return { problem: 'a formula' };
  switch (ptg & 0x1f) {
    case 0x03: {
      const name = globals.names[cursor.u32() - 1];
      return name ? { formula1: name } : { problem: 'a name that could not be resolved' };
    }
    case 0x04:
      return { formula1: cell(cursor) };
    case 0x05:
      return { formula1: area(cursor) };
    case 0x1a: {
      const sheet = sheetOf(cursor.u16(), globals);
      return typeof sheet === 'string' ? { formula1: `${sheet}${cell(cursor)}` } : sheet;
    }
    case 0x1b: {
      const sheet = sheetOf(cursor.u16(), globals);
      return typeof sheet === 'string' ? { formula1: `${sheet}${area(cursor)}` } : sheet;
    }
    case 0x0a:
    case 0x0b:
    case 0x1c:
    case 0x1d:
      return { problem: 'a deleted reference (#REF!)' };
    case 0x19:
      return { problem: 'a name in another workbook' };
    default:
      return { problem: 'a formula' };
  }
}

/** `Sheet!` for an EXTERNSHEET index naming one sheet of this workbook, else the problem. */
function sheetOf(ixti: number, globals: BiffGlobals): string | { problem: string } {
  const xti = globals.xti[ixti];
  if (!xti || globals.isSelfBook[xti.supBook] === undefined)
    return { problem: 'a reference that could not be resolved' };
  if (!globals.isSelfBook[xti.supBook]) return { problem: 'a range in another workbook' };
  if (xti.first < 0 || xti.last < 0) return { problem: 'a range on a deleted sheet' };
  if (xti.first !== xti.last) return { problem: 'a range across several sheets' };
  const sheet = globals.sheets[xti.first];
  return sheet ? sheetPrefix(sheet.name) : { problem: 'a reference that could not be resolved' };
}

function cell(cursor: Cursor): string {
  const row = cursor.u16();
  return address(row, cursor.u16());
}

function area(cursor: Cursor): string {
  const [r1, r2, c1, c2] = [cursor.u16(), cursor.u16(), cursor.u16(), cursor.u16()];
  return `${address(r1, c1)}:${address(r2, c2)}`;
}

/** RgceLoc: row, and a column with the relative-column (bit 14) and relative-row (bit 15) flags. */
function address(row: number, col: number): string {
  const c = col & 0x3fff;
  if (c > MAX_COLUMN) throw new BiffMalformed('a column outside the sheet');
  return `${col & 0x4000 ? '' : '$'}${columnName(c)}${col & 0x8000 ? '' : '$'}${row + 1}`;
}
