/**
 * What the template importer reads: a workbook already parsed by a safe reader
 * (the server's `server/imports/workbook`, or a test). Plain data, no SheetJS types,
 * so this folder stays headless and free of file formats.
 */
import type { CellRange } from './cell-address.ts';

export type CellValue = string | number | boolean | null;

export interface TemplateCell {
  /** 0-based row and column */
  r: number;
  c: number;
  /** raw value: numbers stay numbers (dates are Excel serials, see `z`), text stays text */
  v: CellValue;
  /** n number, s text, b boolean, e error, z no value (a cell carrying only a comment or style) */
  t: 'n' | 's' | 'b' | 'e' | 'z';
  /** formula without the leading `=`, as SheetJS gives it (A1 style) */
  f?: string;
  /** number format code, e.g. `0.00%`, `yyyy-mm-dd`, `[$¥-804]#,##0.00` */
  z?: string;
  /** comment text (help text) */
  comment?: string;
  /** fill colour `RRGGBB` when the cell has a solid fill */
  fill?: string;
  hasBorder?: boolean;
  isBold?: boolean;
}

export interface DataValidation {
  /** `list`, `whole`, `decimal`, `date`, … */
  type: string;
  /** space-separated ranges, kept as written (never expanded per cell) */
  sqref: string;
  /** list source: `"a,b,c"` (inline) or a range / name */
  formula1?: string;
}

export interface TemplateSheet {
  name: string;
  isHidden?: boolean;
  /** recomputed used range, from A1 */
  rowCount: number;
  columnCount: number;
  /** cells with a value, formula, comment or style, in row-major order */
  cells: TemplateCell[];
  merges: CellRange[];
  validations: DataValidation[];
}

export interface DefinedName {
  name: string;
  /** `Sheet1!$B$3`, `'My sheet'!$A$1:$B$9` or a constant */
  ref: string;
  /** set when the name is local to one sheet */
  sheet?: string;
}

export interface TemplateWorkbook {
  format: string;
  sheets: TemplateSheet[];
  names: DefinedName[];
  /** targets of external links by their 1-based index (`[1]Sheet1!A1` → externalLinks[0]) */
  externalLinks?: string[];
  /** what the reader could not carry over; each becomes a warning */
  notes?: string[];
}
