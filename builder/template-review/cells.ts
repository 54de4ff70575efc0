/** Source-cell references of the import report (`'Purchase Order'!F12`, `Sheet!A9:H17`). */
import { decodeRange } from '../excel-import/cell-address.ts';
import type { CellRange } from '../excel-import/cell-address.ts';

export interface CellRef {
  sheet: string;
  range: CellRange;
}

/** `Sheet!B3`, `'My sheet'!A9:H17` → sheet and range; null for a bare sheet name or anything else. */
export function parseCellRef(text: string): CellRef | null {
  const bang = text.lastIndexOf('!');
  if (bang <= 0) return null;
  const rawSheet = text.slice(0, bang);
  const sheet =
    rawSheet.length >= 2 && rawSheet.startsWith("'") && rawSheet.endsWith("'")
      ? rawSheet.slice(1, -1).replace(/''/g, "'")
      : rawSheet;
  const range = decodeRange(text.slice(bang + 1));
  return range ? { sheet, range } : null;
}

export function isSameCell(a: CellRef, b: CellRef): boolean {
  return (
    a.sheet === b.sheet &&
    a.range.s.r === b.range.s.r &&
    a.range.s.c === b.range.s.c &&
    a.range.e.r === b.range.e.r &&
    a.range.e.c === b.range.e.c
  );
}

/** Whether the cell `inner` starts in lies inside `outer` (same sheet). */
export function isWithin(inner: CellRef, outer: CellRef): boolean {
  const { r, c } = inner.range.s;
  const { s, e } = outer.range;
  return inner.sheet === outer.sheet && r >= s.r && r <= e.r && c >= s.c && c <= e.c;
}
