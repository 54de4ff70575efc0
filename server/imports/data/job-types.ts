import type { ImportJob } from '../../store/types.ts';
import type { ImportConfig } from './config.ts';
import type { ColumnMatch } from '../../../builder/excel-import/cleansing/index.ts';

export type FileKind = 'xlsx' | 'csv' | 'xls' | 'xlsb' | 'ods';

export interface SheetPreview {
  index: number;
  name: string;
  /** detected header row (1-based) */
  headerRow: number;
  headers: string[];
  /** the first rows as read, for the mapping screen: [row number, cells] */
  sample: { row: number; cells: (string | number | boolean | null)[] }[];
}

export interface JobSource {
  kind: FileKind;
  size: number;
  sheets: SheetPreview[];
  /** proposed mapping of the first sheet's columns */
  suggested: ColumnMatch[];
}

export type Phase = 'dryRun' | 'commit' | 'undo' | 'rollback';

export interface JobProgress {
  phase: Phase | null;
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

export type Outcome = 'insert' | 'update' | 'skip' | 'error';

/** The job as handlers use it: the store's ImportJob with its JSON members typed. */
export interface Job extends Omit<ImportJob, 'config' | 'source' | 'progress' | 'summary'> {
  config: ImportConfig | null;
  source: JobSource;
  progress: JobProgress;
  summary: JobSummary | null;
}

export const asJob = (doc: ImportJob): Job => doc as unknown as Job;

export const idleProgress = (): JobProgress => ({
  phase: null,
  processed: 0,
  total: null,
  fraction: 0,
  startedAt: null,
  etaSeconds: null,
});
