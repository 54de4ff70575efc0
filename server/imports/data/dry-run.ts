import os from 'node:os';
import type { CleansingLocale } from '../../../builder/excel-import/cleansing/index.ts';
import { nowIso } from '../../store/shared/docs.ts';
import type { ImportConfig } from './config.ts';
import { compileMappings } from './compile-mapping.ts';
import { findExisting } from './duplicates.ts';
import { createPreparedWriter, preparedLine, preparedPath, sourcePath } from './job-files.ts';
import { createChunkWriter, deleteChunks, patchJob } from './job-repo.ts';
import type { Job, JobSummary, Outcome, RowError } from './job-types.ts';
import { createProgress } from './progress.ts';
import { openTabular } from './read/open-file.ts';
import type { PackedRecord } from './build-setup.ts';
import { recordBatches, type RecordBatch } from './record-rows.ts';
import { loadReferenceData, referenceResolver } from './references.ts';
import { createBuildPool, type BuildPool } from './build-pool.ts';
import { buildInOrder } from './build-queue.ts';
import type { ImportContext } from './context.ts';
import { submitterOf } from './submitter.ts';

export const ERROR_CHUNK = 1000;
export const OUTCOME_CHUNK = 5000;
/** files from this size on are built in worker threads (their start-up costs ~0.5 s) */
const POOL_MIN_BYTES = 1024 * 1024;
const MAX_THREADS = 4;
/** A stored outcome (objects, not tuples: FerretDB stores no nested arrays). */
export interface OutcomeEntry {
  row: number;
  outcome: Outcome;
  reason?: string;
}

/**
 * Reads the whole file, cleanses and validates every record and decides insert / update /
 * skip / error, without writing records: the errors and outcomes go to chunks beside the
 * job, the valid records to a prepared file the commit writes later.
 */
export async function runDryRun(
  ctx: ImportContext,
  input: { job: Job; config: ImportConfig; locale: CleansingLocale },
): Promise<Job> {
  const { store } = ctx;
  let job = input.job;
  const { config } = input;
  const form = await store.forms.getOrThrow(job.formId);
  const version = await ctx.publisher.getLatest(form);
  const compiled = ctx.cache.get(version);
  if (config.duplicates.keyFields.length)
    await store.ensureRecordIndexes(form.id, config.duplicates.keyFields.slice(0, 1));
  await deleteChunks(store, job.id);

  const file = await openTabular({
    file: sourcePath(ctx.dataDir, job.id, job.source.kind),
    kind: job.source.kind,
    limits: ctx.limits,
    workbookLimits: ctx.workbookLimits,
  });
  const prepared = createPreparedWriter(preparedPath(ctx.dataDir, job.id));
  const errors = createChunkWriter<RowError>(store, { importId: job.id, kind: 'errors', size: ERROR_CHUNK });
  const outcomes = createChunkWriter<OutcomeEntry>(store, {
    importId: job.id,
    kind: 'outcomes',
    size: OUTCOME_CHUNK,
  });
  const submitter = await submitterOf(store, job.createdBy);
  const sheetName = file.sheets[config.sheet]?.name ?? '';
  const references = await loadReferenceData(store);
  compileMappings({ config, compiled, references: referenceResolver(references) }); // a bad mapping fails here, not in a worker
  const summary: JobSummary = {
    formVersion: version.number,
    rows: 0,
    records: 0,
    inserts: 0,
    updates: 0,
    skips: 0,
    errorRecords: 0,
    errors: 0,
    errorRate: 0,
  };
  const seen = new Map<string, number>();
  const progress = createProgress('dryRun', null);
  let fraction = 0;
  let pool: BuildPool | null = null;

  /** Decides each built record's outcome in file order (duplicates depend on it) and stores the results. */
  const settle = async (batch: RecordBatch, built: PackedRecord[]) => {
    summary.rows += batch.sourceRows;
    summary.errors += batch.errors.length;
    await errors.push(batch.errors);
    const keys = built.map((b) => b.key);
    const existing = config.duplicates.keyFields.length
      ? await findExisting(store, {
          formId: form.id,
          keyFields: config.duplicates.keyFields,
          keys: keys.filter((k): k is string => k !== null && !seen.has(k)),
        })
      : new Map();
    const ready: string[] = [];
    const batchOutcomes: OutcomeEntry[] = [];
    const batchErrors: RowError[] = [];
    built.forEach((record, i) => {
      summary.records++;
      const key = keys[i];
      let outcome: Outcome;
      let reason: string | undefined;
      if (record.json === null) {
        outcome = 'error';
        batchErrors.push(...record.errors);
      } else if (key !== null && seen.has(key)) {
        const first = seen.get(key)!;
        reason = input.locale === 'zh-CN' ? `与第 ${first} 行重复` : `duplicate of row ${first}`;
        outcome = config.duplicates.inFile === 'skip' ? 'skip' : 'error';
        if (outcome === 'error')
          batchErrors.push({
            sheet: sheetName,
            row: record.row,
            column: null,
            header: null,
            value: JSON.parse(key).join(' / '),
            rule: 'duplicate',
            message: reason,
          });
      } else if (key !== null && existing.has(key)) {
        const hit = existing.get(key)!;
        reason = input.locale === 'zh-CN' ? `已有记录 ${hit.id}` : `matches existing record ${hit.id}`;
        outcome =
          config.duplicates.existing === 'skip'
            ? 'skip'
            : config.duplicates.existing === 'update'
              ? 'update'
              : 'error';
        if (outcome === 'update')
          ready.push(preparedLine({ row: record.row, op: 'update', existingId: hit.id, key }, record.json));
        if (outcome === 'error')
          batchErrors.push({
            sheet: sheetName,
            row: record.row,
            column: null,
            header: null,
            value: JSON.parse(key).join(' / '),
            rule: 'duplicate',
            message: reason,
          });
      } else {
        outcome = 'insert';
        ready.push(
          preparedLine({ row: record.row, op: 'insert', ...(key !== null ? { key } : {}) }, record.json),
        );
      }
      if (key !== null && !seen.has(key)) seen.set(key, record.row);
      summary[
        outcome === 'insert'
          ? 'inserts'
          : outcome === 'update'
            ? 'updates'
            : outcome === 'skip'
              ? 'skips'
              : 'errorRecords'
      ]++;
      batchOutcomes.push(reason ? { row: record.row, outcome, reason } : { row: record.row, outcome });
    });
    summary.errors += batchErrors.length;
    await errors.push(batchErrors);
    await outcomes.push(batchOutcomes);
    await prepared.writeLines(ready);
    const snapshot = progress.update({ processed: summary.rows, fraction });
    if (snapshot) job = await patchJob(store, job, { progress: snapshot, heartbeatAt: nowIso() });
    await ctx.hooks?.afterDryRunBatch?.(summary.records);
  };

  try {
    // one thread reads and stores, the others build: on 2 cores, 1 worker (started now, ready
    // while this thread reads the shared strings); this thread builds too when they are all busy
    const threads =
      ctx.buildThreads ??
      (job.source.size >= POOL_MIN_BYTES
        ? Math.max(1, Math.min(os.availableParallelism() - 1, MAX_THREADS))
        : 0);
    pool = createBuildPool(
      { compiled, config, references, sheetName, locale: input.locale, submitter },
      threads,
    );
    const batches = recordBatches({
      file,
      config,
      batchSize: ctx.batchSize,
      onProgress: (f) => (fraction = f),
    });
    for await (const { batch, built } of buildInOrder({ pool, batches, threads })) await settle(batch, built);
    await errors.flush();
    await outcomes.flush();
    await prepared.finish();
  } catch (error) {
    prepared.abort();
    throw error;
  } finally {
    await pool?.close();
    await file.close();
  }
  summary.errorRate = summary.records ? summary.errorRecords / summary.records : 0;
  summary.durationMs = progress.elapsedMs;
  return patchJob(store, job, {
    state: 'validated',
    summary,
    progress: { ...progress.done(), total: summary.rows, processed: summary.rows },
    heartbeatAt: null,
    error: null,
  });
}
