import type { CellValue } from '../../../../builder/excel-import/cleansing/index.ts';

export interface SheetInfo {
  index: number;
  name: string;
}

/** One row of a sheet: its 1-based number in the file (as Excel shows it) and its cells by column index. */
export interface SourceRow {
  row: number;
  cells: CellValue[];
}

export interface ReadLimits {
  /** data rows per sheet */
  maxRows: number;
  /** columns holding values */
  maxColumns: number;
  /** uncompressed bytes of one sheet part (and of the shared strings) */
  maxPartBytes: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxRows: 200_000,
  maxColumns: 200,
  maxPartBytes: 512 * 1024 * 1024,
};

export interface ReadOptions {
  batchSize?: number;
  /** stop after this many rows (previews) */
  maxRows?: number;
  /** 0..1 of the sheet read so far, called once per batch */
  onProgress?: (fraction: number) => void;
}

/** A spreadsheet or CSV file opened for reading rows in bounded batches. */
export interface TabularFile {
  readonly format: 'xlsx' | 'csv' | 'workbook';
  readonly sheets: SheetInfo[];
  /** rows of one sheet in file order, `batchSize` (default 1000) at a time; breaking out closes the stream */
  batches(sheet: number, options?: ReadOptions): AsyncIterable<SourceRow[]>;
  close(): Promise<void>;
}
