import { Conflict } from '../../errors/index.ts';
import { prepareRecordData } from '../../records/record-validation.ts';
import { assignSerial } from '../../records/serial.ts';
import { nowIso } from '../../store/shared/docs.ts';
import { newId } from '../../store/shared/ids.ts';
import type { NewDoc, RecordDoc } from '../../store/types.ts';
import type { ImportConfig } from './config.ts';
import type { ImportContext } from './context.ts';
import { findExisting } from './duplicates.ts';
import { preparedPath, readPrepared, type PreparedRecord } from './job-files.ts';
import { createChunkWriter, deleteChunks, patchJob } from './job-repo.ts';
import type { Job } from './job-types.ts';
import { createProgress } from './progress.ts';
import type { UndoImage } from './rollback.ts';
import { submitterOf } from './submitter.ts';

/** Thrown when the commit finds a problem the dry run did not (a duplicate created meanwhile). */
export class CommitAborted extends Conflict {}

/**
 * Writes the prepared records in batches, each insert tagged with the import id, each update
 * preceded by its stored before-image. The job stays `committing` (with a heartbeat) until the
 * last batch is in; whoever finds it `committing` without a live heartbeat rolls it back.
 */
export async function runCommit(ctx: ImportContext, input: { job: Job; userId: string }): Promise<Job> {
  const { store } = ctx;
  let job = input.job;
  const config = job.config as ImportConfig;
  const summary = job.summary!;
  const form = await store.forms.getOrThrow(job.formId);
  const version = await ctx.publisher.getLatest(form);
  if (version.number !== summary.formVersion) {
    throw new CommitAborted(
      `Form "${form.title}" was published again (version ${version.number}) after the dry run (version ${summary.formVersion}): run the dry run again`,
    );
  }
  const compiled = ctx.cache.get(version);
  const serials = Object.values(compiled.fields).filter(
    (f) => f.type === 'serial' && f.tableKey === null && 'pattern' in f,
  );
  const keyFields = config.duplicates.keyFields;
  const submitter = await submitterOf(store, input.userId);
  await deleteChunks(store, job.id, 'undo');
  const undo = createChunkWriter<UndoImage>(store, { importId: job.id, kind: 'undo', size: ctx.batchSize });
  const progress = createProgress('commit', summary.inserts + summary.updates);
  let inserted = 0;
  let updated = 0;
  let batchNo = 0;

  for await (const batch of readPrepared(preparedPath(ctx.dataDir, job.id), ctx.batchSize)) {
    batchNo++;
    const inserts: PreparedRecord[] = [];
    const updates = batch.filter((r) => r.op === 'update');
    const fresh = keyFields.length
      ? await findExisting(store, {
          formId: form.id,
          keyFields,
          keys: batch.filter((r) => r.op === 'insert' && r.key).map((r) => r.key!),
        })
      : new Map<string, RecordDoc>();
    for (const record of batch) {
      if (record.op !== 'insert') continue;
      const hit = record.key ? fresh.get(record.key) : undefined;
      if (!hit) inserts.push(record);
      else if (config.duplicates.existing === 'update')
        updates.push({ ...record, op: 'update', existingId: hit.id });
      else if (config.duplicates.existing === 'error')
        throw new CommitAborted(
          `Row ${record.row} now matches record ${hit.id}, created after the dry run: run the dry run again`,
        );
    }

    const targets = await Promise.all(updates.map((r) => store.records.getOrThrow(r.existingId!)));
    await undo.push(
      targets.map((t, i) => ({
        recordId: t.id,
        row: updates[i].row,
        beforeVersion: t.version,
        formVersion: t.formVersion,
        data: t.data,
      })),
    );
    await undo.flush(); // the before-images are stored before any update they protect
    for (let i = 0; i < updates.length; i++) {
      const target = targets[i];
      const { data } = prepareRecordData({
        compiled,
        data: { ...target.data, ...updates[i].data },
        locale: 'en',
        submitter: { ...submitter, recordId: target.id },
      });
      await store.records.updateIfVersion(target.id, target.version, { data, formVersion: version.number });
      updated++;
    }

    const docs: NewDoc<RecordDoc>[] = [];
    for (const record of inserts) {
      const data = serials.length ? { ...record.data } : record.data; // parsed for this write only: no copy needed
      for (const field of serials)
        data[field.key] = await assignSerial(store, {
          formId: form.id,
          key: field.key,
          pattern: (field as { pattern: string }).pattern,
        });
      docs.push({
        id: newId(),
        formId: form.id,
        formVersion: version.number,
        data,
        status: config.recordStatus,
        createdBy: input.userId,
        participants: [input.userId],
        importId: job.id,
      });
    }
    if (docs.length) await store.records.insertMany(docs);
    inserted += docs.length;

    const snapshot = progress.update({ processed: inserted + updated });
    job = await patchJob(store, job, { heartbeatAt: nowIso(), ...(snapshot ? { progress: snapshot } : {}) });
    await ctx.hooks?.afterCommitBatch?.(batchNo);
  }
  return patchJob(store, job, {
    state: 'committed',
    summary: { ...summary, inserted, updated },
    progress: { ...progress.done(), processed: inserted + updated },
    heartbeatAt: null,
    error: null,
  });
}
