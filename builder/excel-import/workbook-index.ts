/** The workbook's sheets as grids, and its defined names, looked up the way Excel does. */
import type { CellRange } from './cell-address.ts';
import { SheetGrid } from './grid.ts';
import type { CellValue, DefinedName, TemplateWorkbook } from './sheet-model.ts';

/** Cells a range may inline or list (a lookup table, a validation list). */
export const MAX_RANGE_CELLS = 2000;

export class WorkbookIndex {
  readonly grids = new Map<string, SheetGrid>();
  private readonly names: DefinedName[];
  private readonly externalLinks: readonly string[];

  constructor(workbook: TemplateWorkbook) {
    for (const sheet of workbook.sheets) this.grids.set(sheet.name, new SheetGrid(sheet));
    this.names = workbook.names;
    this.externalLinks = workbook.externalLinks ?? [];
  }

  /** `1` → the linked file's name, when the reader found it */
  externalName(id: string): string {
    return /^\d+$/.test(id) ? (this.externalLinks[Number(id) - 1] ?? `external link ${id}`) : id;
  }

  grid(sheet: string): SheetGrid | undefined {
    return (
      this.grids.get(sheet) ??
      [...this.grids.values()].find((g) => g.name.toLowerCase() === sheet.toLowerCase())
    );
  }

  /** A defined name's reference, sheet-local names first; case-insensitive like Excel. */
  name(name: string, sheet: string): string | null {
    const folded = name.toLowerCase();
    const matches = this.names.filter((n) => n.name.toLowerCase() === folded);
    const found = matches.find((n) => n.sheet === sheet) ?? matches.find((n) => n.sheet === undefined);
    return found ? found.ref.replace(/^=/, '') : null;
  }

  /**
   * Values of a range clipped to the sheet's used area, row by row; null when the range
   * holds a formula or is larger than MAX_RANGE_CELLS.
   */
  values(sheet: string, range: CellRange): CellValue[][] | null {
    const grid = this.grid(sheet);
    if (!grid) return null;
    const lastRow = Math.min(range.e.r, grid.rowCount - 1);
    const lastCol = Math.min(range.e.c, Math.max(grid.columnCount - 1, range.s.c));
    if (lastRow < range.s.r) return [];
    if ((lastRow - range.s.r + 1) * (lastCol - range.s.c + 1) > MAX_RANGE_CELLS) return null;
    const rows: CellValue[][] = [];
    for (let r = range.s.r; r <= lastRow; r++) {
      const row: CellValue[] = [];
      for (let c = range.s.c; c <= lastCol; c++) {
        const cell = grid.get(r, c);
        if (cell?.f) return null;
        row.push(cell && cell.t !== 'z' && cell.t !== 'e' ? cell.v : null);
      }
      rows.push(row);
    }
    return rows;
  }
}
