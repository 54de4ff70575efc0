import { VersionConflict } from '../../errors/index.ts';
import type { ImportChunk, ImportJob, Json, Patch, Store } from '../../store/types.ts';
import { asJob, type Job } from './job-types.ts';

/** Writes a job's members; on a version race with a concurrent reader-writer it reloads and retries once. */
export async function patchJob(
  store: Store,
  job: Job,
  patch: Partial<Omit<Job, 'id' | 'version' | 'createdAt' | 'updatedAt'>>,
): Promise<Job> {
  const storePatch = patch as unknown as Patch<ImportJob>;
  try {
    return asJob(await store.imports.updateIfVersion(job.id, job.version, storePatch));
  } catch (error) {
    if (!(error instanceof VersionConflict)) throw error;
    const fresh = await store.imports.getOrThrow(job.id);
    return asJob(await store.imports.updateIfVersion(job.id, fresh.version, storePatch));
  }
}

/** Appends items to a job's chunk list in chunks of `size`: errors, row outcomes or undo images. */
export function createChunkWriter<T>(
  store: Store,
  input: { importId: string; kind: ImportChunk['kind']; size: number; firstSeq?: number },
) {
  let seq = input.firstSeq ?? 0;
  let pending: T[] = [];
  let total = 0;
  const flush = async () => {
    if (!pending.length) return;
    const items = pending;
    pending = [];
    await store.importChunks.insert({
      importId: input.importId,
      kind: input.kind,
      seq: seq++,
      items: items as unknown as Json,
    });
  };
  return {
    async push(items: T[]): Promise<void> {
      for (const item of items) {
        pending.push(item);
        total++;
        if (pending.length >= input.size) await flush();
      }
    },
    /** Writes what is pending now (undo images must be stored before the writes they protect). */
    flush,
    get total() {
      return total;
    },
    get nextSeq() {
      return seq;
    },
  };
}

export async function* readChunks<T>(
  store: Store,
  importId: string,
  kind: ImportChunk['kind'],
  fromSeq = 0,
): AsyncIterable<{ seq: number; items: T[] }> {
  for (let cursor: string | undefined; ;) {
    const page = await store.importChunks.list({
      filter: {
        op: 'and',
        items: [
          { op: 'eq', field: 'importId', value: importId },
          { op: 'eq', field: 'kind', value: kind },
          { op: 'gte', field: 'seq', value: fromSeq },
        ],
      },
      sort: [{ field: 'seq', dir: 'asc' }],
      limit: 20,
      cursor,
    });
    for (const chunk of page.items) yield { seq: chunk.seq, items: chunk.items as unknown as T[] };
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}

export async function deleteChunks(
  store: Store,
  importId: string,
  kind?: ImportChunk['kind'],
): Promise<void> {
  const items = [
    { op: 'eq' as const, field: 'importId', value: importId },
    ...(kind ? [{ op: 'eq' as const, field: 'kind', value: kind }] : []),
  ];
  for (;;) {
    const page = await store.importChunks.list({ filter: { op: 'and', items }, limit: 100 });
    for (const chunk of page.items) await store.importChunks.delete(chunk.id);
    if (!page.nextCursor) return;
  }
}

export async function slicedChunks<T>(
  store: Store,
  importId: string,
  kind: ImportChunk['kind'],
  chunkSize: number,
  offset: number,
  limit: number,
): Promise<T[]> {
  const out: T[] = [];
  const firstSeq = Math.floor(offset / chunkSize);
  for await (const chunk of readChunks<T>(store, importId, kind, firstSeq)) {
    const start = chunk.seq === firstSeq ? offset - firstSeq * chunkSize : 0;
    out.push(...chunk.items.slice(start, start + limit - out.length));
    if (out.length >= limit) break;
  }
  return out;
}
