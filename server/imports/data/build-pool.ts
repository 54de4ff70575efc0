import { Worker } from 'node:worker_threads';
import { packer, type BuildSetup, type PackedRecord } from './build-setup.ts';
import type { RecordRows } from './record-builder.ts';

/**
 * Builds batches of records in worker threads and, when they are all busy or still starting,
 * in this thread. Both run the same packer, so where a batch was built never shows.
 */
export interface BuildPool {
  /** Hands the rows to a ready worker with room; null when there is none (all busy or starting). */
  offer(rows: RecordRows[]): Promise<PackedRecord[]> | null;
  /** Builds the rows in this thread, a slice at a time, yielding to the event loop between slices. */
  buildHere(rows: RecordRows[]): Promise<PackedRecord[]>;
  close(): Promise<void>;
}

// the shared workbook reader's bootstrap: registers tsx in the worker, then imports `entry`
const ENTRY = new URL('../workbook/worker-entry.mjs', import.meta.url);
const WORKER = new URL('./build-worker.ts', import.meta.url).href;
/**
 * Batches queued per worker: one being built and enough waiting that it never runs dry while
 * this thread reads a batch and builds one itself (each takes about as long as a worker batch).
 */
export const PER_WORKER = 3;
/** records built in this thread between two turns of the event loop (a few ms) */
const SLICE = 200;

interface Waiter {
  resolve: (built: PackedRecord[]) => void;
  reject: (error: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  isReady: boolean;
  pending: Map<number, Waiter>;
}

/** Starts `size` workers without waiting for them: until they are ready, `offer` answers null. */
export function createBuildPool(setup: BuildSetup, size: number): BuildPool {
  let failure: Error | null = null;
  let isClosing = false;
  let nextId = 0;
  let pack: ((rows: RecordRows) => PackedRecord) | null = null;

  const fail = (entry: PoolWorker, error: Error) => {
    failure ??= error;
    for (const waiter of entry.pending.values()) waiter.reject(error);
    entry.pending.clear();
    entry.isReady = false;
  };
  const workers = Array.from({ length: size }, (): PoolWorker => {
    const entry: PoolWorker = {
      worker: new Worker(ENTRY, { workerData: { entry: WORKER, setup } }),
      isReady: false,
      pending: new Map(),
    };
    entry.worker.on(
      'message',
      (message: { id?: number; built?: PackedRecord[]; error?: string; ready?: boolean }) => {
        if (message.ready) entry.isReady = failure === null;
        if (message.id === undefined) return;
        const waiter = entry.pending.get(message.id);
        entry.pending.delete(message.id);
        if (message.error !== undefined) waiter?.reject(new Error(message.error));
        else waiter?.resolve(message.built!);
      },
    );
    entry.worker.on('error', (error) => fail(entry, error));
    entry.worker.on('exit', (code) => {
      if (!isClosing) fail(entry, new Error(`an import build worker stopped (exit code ${code})`));
    });
    return entry;
  });

  return {
    offer(rows) {
      if (failure) throw failure;
      let best: PoolWorker | null = null;
      for (const entry of workers) {
        if (
          entry.isReady &&
          entry.pending.size < PER_WORKER &&
          (!best || entry.pending.size < best.pending.size)
        )
          best = entry;
      }
      if (!best) return null;
      const target = best;
      const id = nextId++;
      return new Promise((resolve, reject) => {
        target.pending.set(id, { resolve, reject });
        target.worker.postMessage({ id, rows });
      });
    },
    async buildHere(rows) {
      pack ??= packer(setup);
      const built: PackedRecord[] = [];
      for (let i = 0; i < rows.length; i++) {
        if (failure) throw failure;
        if (i > 0 && i % SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
        built.push(pack(rows[i]));
      }
      return built;
    },
    async close() {
      isClosing = true;
      await Promise.all(workers.map((entry) => entry.worker.terminate()));
    },
  };
}
