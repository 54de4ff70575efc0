/**
 * Lookups over one parsed sheet: cells by position, merged areas, validations.
 * Merges and validation ranges stay ranges (a whole-column list is one entry).
 */
import type { CellPos, CellRange } from './cell-address.ts';
import { decodeSqref } from './cell-address.ts';
import { RowIndex } from './row-index.ts';
import type { DataValidation, TemplateCell, TemplateSheet } from './sheet-model.ts';

/** Template analysis looks at this many rows; a longer sheet is data, not a template. */
export const MAX_TEMPLATE_ROWS = 2000;

const WIDTH = 16_384;
const keyOf = (r: number, c: number): number => r * WIDTH + c;

export class SheetGrid {
  readonly name: string;
  readonly rowCount: number;
  readonly columnCount: number;
  private readonly cells = new Map<number, TemplateCell>();
  private readonly rows = new Map<number, TemplateCell[]>();
  private readonly merges = new RowIndex<null>(MAX_TEMPLATE_ROWS);
  private readonly validations = new RowIndex<DataValidation>(MAX_TEMPLATE_ROWS);

  constructor(sheet: TemplateSheet) {
    this.name = sheet.name;
    let rowCount = sheet.rowCount;
    let columnCount = sheet.columnCount;
    for (const cell of sheet.cells) {
      if (cell.r >= MAX_TEMPLATE_ROWS) continue;
      rowCount = Math.max(rowCount, cell.r + 1);
      columnCount = Math.max(columnCount, cell.c + 1);
      this.cells.set(keyOf(cell.r, cell.c), cell);
      const row = this.rows.get(cell.r) ?? [];
      row.push(cell);
      this.rows.set(cell.r, row);
    }
    this.rowCount = Math.min(rowCount, MAX_TEMPLATE_ROWS);
    this.columnCount = columnCount;
    for (const row of this.rows.values()) row.sort((a, b) => a.c - b.c);
    for (const merge of sheet.merges) this.merges.add(merge, null);
    for (const rule of sheet.validations)
      for (const range of decodeSqref(rule.sqref)) this.validations.add(range, rule);
  }

  get(r: number, c: number): TemplateCell | undefined {
    return this.cells.get(keyOf(r, c));
  }

  /** Cells of a row, left to right (merged areas appear once, at their anchor). */
  rowCells(r: number): readonly TemplateCell[] {
    return this.rows.get(r) ?? [];
  }

  /** Trimmed text of a text cell, else null. */
  text(r: number, c: number): string | null {
    const cell = this.get(r, c);
    if (!cell || cell.t !== 's' || cell.f) return null;
    const text = String(cell.v ?? '').trim();
    return text === '' ? null : text;
  }

  /** True when the cell holds neither a value nor a formula (it may carry a style or comment). */
  isBlank(r: number, c: number): boolean {
    const cell = this.get(r, c);
    if (!cell) return true;
    if (cell.f) return false;
    return cell.v === null || cell.v === '' || cell.t === 'z';
  }

  mergeAt(pos: CellPos): CellRange | undefined {
    return this.merges.find(pos)?.range;
  }

  /** The merged area's top-left cell, or the position itself. */
  anchorOf(pos: CellPos): CellPos {
    return this.mergeAt(pos)?.s ?? pos;
  }

  /** Last column covered by the cell at `pos` (its merge's right edge). */
  rightEdge(pos: CellPos): number {
    return this.mergeAt(pos)?.e.c ?? pos.c;
  }

  /** Whether `pos` is covered by a merge but is not its anchor. */
  isCovered(pos: CellPos): boolean {
    const merge = this.mergeAt(pos);
    return merge !== undefined && (merge.s.r !== pos.r || merge.s.c !== pos.c);
  }

  validationAt(pos: CellPos): DataValidation | undefined {
    return this.validations.find(pos)?.value;
  }

  /** Rows that hold anything, top to bottom. */
  usedRows(): number[] {
    return [...this.rows.keys()].sort((a, b) => a - b);
  }
}
