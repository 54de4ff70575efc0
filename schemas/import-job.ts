/**
 * The wire shapes of a data import (`/api/v1/imports/data`): what the server stores in a job's
 * JSON members and what the admin imports page reads. One definition for both sides.
 */

export type ImportState =
  'uploaded' | 'validating' | 'validated' | 'committing' | 'committed' | 'failed' | 'undoing' | 'undone';

export type FileKind = 'xlsx' | 'csv' | 'xls' | 'xlsb' | 'ods';

export type ImportPhase = 'dryRun' | 'commit' | 'undo' | 'rollback';

export type RowOutcome = 'insert' | 'update' | 'skip' | 'error';

export interface SheetPreview {
  index: number;
  name: string;
  /** detected header row (1-based) */
  headerRow: number;
  headers: string[];
  /** the first rows as read, for the mapping screen: [row number, cells] */
  sample: { row: number; cells: (string | number | boolean | null)[] }[];
}

export interface JobProgress {
  phase: ImportPhase | null;
  /** records (dry run: source rows) handled so far */
  processed: number;
  /** known total, or null while a dry run is still counting */
  total: number | null;
  /** 0..1 */
  fraction: number;
  startedAt: string | null;
  etaSeconds: number | null;
}

export interface JobSummary {
  formVersion: number | null;
  rows: number;
  records: number;
  inserts: number;
  updates: number;
  skips: number;
  errorRecords: number;
  errors: number;
  errorRate: number;
  /** after a commit */
  inserted?: number;
  updated?: number;
  /** after an undo */
  removed?: number;
  restored?: number;
  kept?: { recordId: string; row: number | null; reason: string }[];
  /** dry-run timing, for the page */
  durationMs?: number;
}

export interface RowError {
  sheet: string;
  row: number;
  /** column letter, or null for a record-level problem */
  column: string | null;
  header: string | null;
  value: string | number | boolean | null;
  rule: string;
  message: string;
}
