/**
 * SheetJS workbook → plain WorkbookData. Runs inside the parsing worker. The used range
 * is recomputed from cells that hold something (declared dimensions are not trusted:
 * a sheet claiming A1:XFD1048576 costs nothing here), then checked against the limits.
 */
import type { WorkBook, CellObject } from '@e965/xlsx';
import { WorkbookRejected } from './errors.ts';
import type { CellStyle, RawParts } from './ooxml-parts.ts';
import { readCellStyles, readValidations, sheetPaths } from './ooxml-parts.ts';
import type { CellValue, ReadMode, WorkbookCell, WorkbookSheet } from './types.ts';

export interface ExtractLimits {
  maxRows: number;
  maxColumns: number;
}

const STYLE_MARGIN = 10;
const MAX_COMMENT = 2000;

export function extractSheets(
  wb: WorkBook,
  input: { mode: ReadMode; limits: ExtractLimits; parts?: RawParts },
): WorkbookSheet[] {
  const { mode, limits, parts } = input;
  const paths = parts ? sheetPaths(parts) : new Map<string, string>();
  return wb.SheetNames.map((name, index) => {
    const ws = wb.Sheets[name];
    const data = ((ws as unknown as { '!data'?: (CellObject | undefined)[][] })['!data'] ?? []) as (
      CellObject | undefined
    )[][];
    const sheet: WorkbookSheet = {
      name,
      isHidden: Boolean(wb.Workbook?.Sheets?.[index]?.Hidden),
      rowCount: 0,
      columnCount: 0,
      cells: [],
      merges: (ws?.['!merges'] ?? []).map((m) => ({ s: { r: m.s.r, c: m.s.c }, e: { r: m.e.r, c: m.e.c } })),
      validations: [],
      rows: [],
    };
    for (let r = 0; r < data.length; r++) {
      const row = data[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (!cell || !hasContent(cell)) continue;
        if (r >= limits.maxRows) {
          throw new WorkbookRejected(
            'too-many-rows',
            `Sheet "${name}" has more than ${limits.maxRows.toLocaleString('en')} rows (the limit)`,
            { limit: limits.maxRows, sheet: name },
          );
        }
        if (c >= limits.maxColumns) {
          throw new WorkbookRejected(
            'too-many-columns',
            `Sheet "${name}" uses more than ${limits.maxColumns} columns (the limit)`,
            { limit: limits.maxColumns, sheet: name },
          );
        }
        sheet.rowCount = Math.max(sheet.rowCount, r + 1);
        sheet.columnCount = Math.max(sheet.columnCount, c + 1);
        if (mode === 'cells') sheet.cells.push(toCell(r, c, cell));
        else (sheet.rows[r] ??= [])[c] = valueOf(cell);
      }
    }
    if (mode === 'rows')
      sheet.rows = Array.from({ length: sheet.rowCount }, (_, r) =>
        Array.from(sheet.rows[r] ?? [], (v) => v ?? null),
      );
    const path = paths.get(name);
    const xml = path ? parts?.get(path)?.toString('utf8') : undefined;
    if (mode === 'cells' && xml) {
      sheet.validations = readValidations(xml);
      const window = {
        maxRow: Math.min(limits.maxRows, sheet.rowCount + STYLE_MARGIN),
        maxCol: Math.min(limits.maxColumns, sheet.columnCount + STYLE_MARGIN),
      };
      addStyles(sheet, readCellStyles(xml, parts?.get('xl/styles.xml')?.toString('utf8'), window));
    }
    return sheet;
  });
}

function hasContent(cell: CellObject): boolean {
  if (typeof cell.f === 'string' && cell.f) return true;
  if (cell.c && cell.c.length > 0) return true;
  return cell.t !== 'z' && cell.v !== undefined && cell.v !== null && cell.v !== '';
}

function valueOf(cell: CellObject): CellValue {
  if (cell.t === 'e' || cell.t === 'z' || cell.v === undefined) return null;
  if (cell.v instanceof Date) return cell.v.toISOString();
  return cell.v as CellValue;
}

function toCell(r: number, c: number, cell: CellObject): WorkbookCell {
  const t = cell.t === 'd' ? 'n' : cell.v === undefined ? 'z' : (cell.t as WorkbookCell['t']);
  const out: WorkbookCell = { r, c, v: t === 'e' || t === 'z' ? null : valueOf(cell), t };
  if (typeof cell.f === 'string' && cell.f) out.f = cell.f;
  if (typeof cell.z === 'string' && !/^general$/i.test(cell.z)) out.z = cell.z;
  const comment = (cell.c ?? []).map((note) => note.t ?? '').join('\n');
  // legacy .xls comments carry trailing control bytes
  const clean = [...comment]
    .filter((ch) => !isControl(ch))
    .join('')
    .trim();
  if (clean) out.comment = clean.slice(0, MAX_COMMENT);
  return out;
}

/** Merges fills, borders, bold and formats into existing cells and adds styled blanks. */
function addStyles(sheet: WorkbookSheet, styles: Map<number, CellStyle>): void {
  const byKey = new Map(sheet.cells.map((cell) => [cell.r * 16_384 + cell.c, cell]));
  for (const [key, style] of styles) {
    let cell = byKey.get(key);
    if (!cell) {
      if (!style.fill && !style.hasBorder && !style.z) continue;
      cell = { r: Math.floor(key / 16_384), c: key % 16_384, v: null, t: 'z' };
      sheet.cells.push(cell);
    }
    if (style.fill) cell.fill = style.fill;
    if (style.hasBorder) cell.hasBorder = true;
    if (style.isBold) cell.isBold = true;
    if (style.z && !cell.z && !/^general$/i.test(style.z)) cell.z = style.z;
  }
  sheet.cells.sort((a, b) => a.r - b.r || a.c - b.c);
}

/** C0 controls other than tab and newline, and DEL. */
function isControl(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return (code < 0x20 && ch !== '\t' && ch !== '\n') || code === 0x7f;
}
