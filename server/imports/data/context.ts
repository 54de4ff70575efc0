import type { Logger } from 'pino';
import type { AuditLog } from '../../audit/audit-log.ts';
import type { CompiledCache } from '../../forms/compiled-cache.ts';
import type { FormPublisher } from '../../forms/publish.ts';
import type { Store } from '../../store/types.ts';
import type { WorkbookLimits } from '../workbook/limits.ts';
import type { ReadLimits } from './read/types.ts';

/** Test seams: each may throw (a store failure) or end the process (a crash) at a batch boundary. */
export interface ImportHooks {
  afterDryRunBatch?: (records: number) => Promise<void> | void;
  afterCommitBatch?: (batch: number) => Promise<void> | void;
}

/** What the import jobs need from the server. */
export interface ImportContext {
  store: Store;
  dataDir: string;
  logger: Logger;
  audit: AuditLog;
  publisher: FormPublisher;
  cache: CompiledCache;
  limits: ReadLimits;
  /** records per store write and per dry-run step */
  batchSize: number;
  /** worker threads for building records in a dry run; unset: one per core for files over 1 MB */
  buildThreads?: number;
  /** a job whose heartbeat is older than this is taken as abandoned by recovery */
  leaseMs: number;
  /** the shared reader's limits: upload size, zip inspection, SheetJS worker */
  workbookLimits: WorkbookLimits;
  hooks?: ImportHooks;
}
