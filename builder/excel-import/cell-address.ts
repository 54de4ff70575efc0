/**
 * A1 addresses and ranges, 0-based internally (`B3` is `{ r: 2, c: 1 }`).
 * Whole columns/rows and sqref lists stay ranges: they are never expanded per cell.
 */

export interface CellPos {
  r: number;
  c: number;
}

export interface CellRange {
  s: CellPos;
  e: CellPos;
}

/** Excel's grid: 1,048,576 rows × 16,384 columns. */
export const MAX_ROW = 1_048_575;
export const MAX_COL = 16_383;

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

export function columnName(c: number): string {
  let name = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function encodeCell(pos: CellPos): string {
  return `${columnName(pos.c)}${pos.r + 1}`;
}

export function encodeRange(range: CellRange): string {
  const start = encodeCell(range.s);
  return range.s.r === range.e.r && range.s.c === range.e.c ? start : `${start}:${encodeCell(range.e)}`;
}

/** `B3`, `$B$3` → position; null when not a cell address inside the grid. */
export function decodeCell(text: string): CellPos | null {
  const match = CELL.exec(text.trim());
  if (!match) return null;
  const c = columnIndex(match[1]);
  const r = Number(match[2]) - 1;
  return c <= MAX_COL && r >= 0 && r <= MAX_ROW ? { r, c } : null;
}

/** `A1:B2`, `$A$1`, `A:A`, `3:5` → a normalised range (start ≤ end); null when malformed. */
export function decodeRange(text: string): CellRange | null {
  const parts = text.trim().split(':');
  if (parts.length === 1) {
    const cell = decodeCell(parts[0]);
    return cell ? { s: cell, e: { ...cell } } : null;
  }
  if (parts.length !== 2) return null;
  const [a, b] = parts;
  const cells = [decodeCell(a), decodeCell(b)];
  if (cells[0] && cells[1]) return normalise(cells[0], cells[1]);
  const cols = [COLUMN.exec(a), COLUMN.exec(b)];
  if (cols[0] && cols[1]) {
    return normalise({ r: 0, c: columnIndex(cols[0][1]) }, { r: MAX_ROW, c: columnIndex(cols[1][1]) });
  }
  const rows = [ROW.exec(a), ROW.exec(b)];
  if (rows[0] && rows[1])
    return normalise({ r: Number(rows[0][1]) - 1, c: 0 }, { r: Number(rows[1][1]) - 1, c: MAX_COL });
  return null;
}

/** A space-separated sqref (`B3 D5:D10`) → its ranges, unexpanded. Malformed parts are skipped. */
export function decodeSqref(sqref: string): CellRange[] {
  return sqref
    .split(/\s+/)
    .filter(Boolean)
    .map(decodeRange)
    .filter((range): range is CellRange => range !== null);
}

export function rangeContains(range: CellRange, pos: CellPos): boolean {
  return pos.r >= range.s.r && pos.r <= range.e.r && pos.c >= range.s.c && pos.c <= range.e.c;
}

export function rangeSize(range: CellRange): { rows: number; cols: number } {
  return { rows: range.e.r - range.s.r + 1, cols: range.e.c - range.s.c + 1 };
}

function normalise(a: CellPos, b: CellPos): CellRange {
  return {
    s: { r: Math.min(a.r, b.r), c: Math.min(a.c, b.c) },
    e: { r: Math.max(a.r, b.r), c: Math.max(a.c, b.c) },
  };
}
