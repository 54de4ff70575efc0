import type { ImportJob } from '../../store/types.ts';
import type { ImportConfig } from './config.ts';
import type { ColumnMatch } from '../../../builder/excel-import/cleansing/index.ts';
import type { FileKind, JobProgress, JobSummary, SheetPreview } from '../../../schemas/import-job.ts';

export type {
  FileKind,
  ImportPhase as Phase,
  JobProgress,
  JobSummary,
  RowError,
  RowOutcome as Outcome,
  SheetPreview,
} from '../../../schemas/import-job.ts';

export interface JobSource {
  kind: FileKind;
  size: number;
  sheets: SheetPreview[];
  /** proposed mapping of the first sheet's columns */
  suggested: ColumnMatch[];
}

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
