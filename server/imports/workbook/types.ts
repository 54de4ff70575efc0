/**
 * What the safe reader returns: plain, structured-cloneable data, no SheetJS objects.
 * `cells` mode keeps formulas, formats, comments and styles (template import and its
 * `TemplateWorkbook` contract); `rows` mode keeps values only (data import).
 */
export type CellValue = string | number | boolean | null;

export interface CellRange {
  s: { r: number; c: number };
  e: { r: number; c: number };
}

export interface WorkbookCell {
  r: number;
  c: number;
  v: CellValue;
  t: 'n' | 's' | 'b' | 'e' | 'z';
  f?: string;
  z?: string;
  comment?: string;
  fill?: string;
  hasBorder?: boolean;
  isBold?: boolean;
}

export interface SheetValidation {
  type: string;
  sqref: string;
  formula1?: string;
}

export interface WorkbookSheet {
  name: string;
  isHidden: boolean;
  /** recomputed from real content — declared dimensions are not trusted */
  rowCount: number;
  columnCount: number;
  /** `cells` mode */
  cells: WorkbookCell[];
  merges: CellRange[];
  validations: SheetValidation[];
  /** `rows` mode: values row by row (raw: numbers stay numbers, text keeps leading zeros) */
  rows: CellValue[][];
}

export type WorkbookFormat = 'xlsx' | 'xlsm' | 'xlsb' | 'xls' | 'ods' | 'csv';

export interface WorkbookData {
  format: WorkbookFormat;
  sheets: WorkbookSheet[];
  names: { name: string; ref: string; sheet?: string }[];
  /** CSV only: the detected encoding */
  encoding?: string;
  /** things the reader could not carry over (e.g. validations of an .xls) */
  notes: string[];
  /** .xlsx: files behind `[1]`, `[2]`… in formulas */
  externalLinks?: string[];
}

export type ReadMode = 'cells' | 'rows';

/** What the reader answers: the workbook, and what an analyzer made of it (its cells stay in the worker). */
export type ReadResult = WorkbookData & { analysis?: unknown };
