import { NotFound, VersionConflict } from '../../errors/index.ts';
import type { Filter, Json, RecordDoc } from '../../store/types.ts';
import type { ImportContext } from './context.ts';
import { readChunks } from './job-repo.ts';
import type { Job } from './job-types.ts';

/** The state of a record before an import updated it; stored before the update is written. */
export interface UndoImage {
  recordId: string;
  row: number;
  /** version before the import's update; the update made it beforeVersion + 1 */
  beforeVersion: number;
  formVersion: number;
  data: Record<string, Json>;
}

export interface KeptRecord {
  recordId: string;
  row: number | null;
  reason: string;
}

export interface RollbackResult {
  removed: number;
  restored: number;
  kept: KeptRecord[];
}

const PAGE = 500;

/**
 * Takes an import's writes back: records it updated get their stored before-image again,
 * records it created (tagged with its id) are deleted. Records changed by someone since are
 * left alone and listed. Used by undo, by a failed commit and by recovery after a crash; it
 * is idempotent, so an interrupted rollback can simply run again.
 */
export async function rollbackImport(
  ctx: ImportContext,
  job: Job,
  onProgress?: (done: number) => Promise<void>,
): Promise<RollbackResult> {
  const { store } = ctx;
  const result: RollbackResult = { removed: 0, restored: 0, kept: [] };
  for await (const chunk of readChunks<UndoImage>(store, job.id, 'undo')) {
    for (const image of chunk.items) {
      const current = await store.records.get(image.recordId);
      if (!current || current.version === image.beforeVersion) continue; // gone, or our update never landed
      if (current.version !== image.beforeVersion + 1) {
        result.kept.push({ recordId: image.recordId, row: image.row, reason: 'changed' });
        continue;
      }
      try {
        await store.records.updateIfVersion(current.id, current.version, {
          data: image.data,
          formVersion: image.formVersion,
        });
        result.restored++;
      } catch (error) {
        if (!(error instanceof VersionConflict || error instanceof NotFound)) throw error;
        result.kept.push({ recordId: image.recordId, row: image.row, reason: 'changed' });
      }
    }
    await onProgress?.(result.removed + result.restored);
  }
  for await (const records of recordsOfImport(store, job)) {
    for (const record of records) {
      if (record.version > 1) {
        result.kept.push({ recordId: record.id, row: null, reason: 'changed' });
        continue;
      }
      try {
        await store.records.delete(record.id, 1);
        result.removed++;
      } catch (error) {
        if (error instanceof NotFound) continue;
        if (!(error instanceof VersionConflict)) throw error;
        result.kept.push({ recordId: record.id, row: null, reason: 'changed' });
      }
    }
    await onProgress?.(result.removed + result.restored);
  }
  return result;
}

/** Records the import wrote that were changed since (so an undo would lose someone's work). */
export async function changedSinceImport(
  ctx: ImportContext,
  job: Job,
  limit = 1000,
): Promise<{ changed: KeptRecord[]; total: number }> {
  const { store } = ctx;
  const changed: KeptRecord[] = [];
  let total = 0;
  for await (const chunk of readChunks<UndoImage>(store, job.id, 'undo')) {
    for (const image of chunk.items) {
      const current = await store.records.get(image.recordId);
      if (current && current.version !== image.beforeVersion + 1 && current.version !== image.beforeVersion) {
        total++;
        if (changed.length < limit)
          changed.push({ recordId: image.recordId, row: image.row, reason: 'changed' });
      }
    }
  }
  for await (const records of recordsOfImport(store, job)) {
    for (const record of records) {
      if (record.version > 1) {
        total++;
        if (changed.length < limit) changed.push({ recordId: record.id, row: null, reason: 'changed' });
      }
    }
  }
  return { changed, total };
}

/** The records an import inserted, a page at a time, oldest first. */
async function* recordsOfImport(store: ImportContext['store'], job: Job): AsyncIterable<RecordDoc[]> {
  const filter: Filter = {
    op: 'and',
    items: [
      { op: 'eq', field: 'formId', value: job.formId },
      { op: 'eq', field: 'importId', value: job.id },
    ],
  };
  for (let cursor: string | undefined; ;) {
    const page = await store.records.list({
      filter,
      limit: PAGE,
      cursor,
      sort: [{ field: 'createdAt', dir: 'asc' }],
    });
    yield page.items;
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}
