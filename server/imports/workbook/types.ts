/**
 * What the safe reader returns: plain, structured-cloneable data, no SheetJS objects.
 * `cells` mode keeps formulas, formats, comments and styles (template import and its
 * `TemplateWorkbook` contract); `rows` mode keeps values only (data import).
 */
import type { CellRange } from '../../../builder/excel-import/cell-address.ts';
import type {
  CellValue,
  DataValidation,
  DefinedName,
  TemplateCell,
} from '../../../builder/excel-import/sheet-model.ts';

// The cell, range and validation shapes are the template importer's own (it is the consumer of
// `cells` mode), so the reader and the analysis cannot drift apart.
export type { CellRange, CellValue };
export type WorkbookCell = TemplateCell;
export type SheetValidation = DataValidation;

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
  names: DefinedName[];
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
