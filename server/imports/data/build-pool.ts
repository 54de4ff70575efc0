import { Worker } from 'node:worker_threads';
import { packer, type BuildSetup, type PackedRecord } from './build-setup.ts';
import type { RecordRows } from './record-builder.ts';

/** Builds batches of records, in worker threads when `size` > 0, else in this thread. Results come back in order. */
export interface BuildPool {
  build(rows: RecordRows[]): Promise<PackedRecord[]>;
  close(): Promise<void>;
}

// the shared workbook reader's bootstrap: registers tsx in the worker, then imports `entry`
const ENTRY = new URL('../workbook/worker-entry.mjs', import.meta.url);
const WORKER = new URL('./build-worker.ts', import.meta.url).href;

export async function createBuildPool(setup: BuildSetup, size: number): Promise<BuildPool> {
  if (size <= 0) {
    const pack = packer(setup);
    return { build: async (rows) => rows.map(pack), close: async () => {} };
  }
  const pending = new Map<number, { resolve: (built: PackedRecord[]) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  const workers = await Promise.all(
    Array.from({ length: size }, async () => {
      const worker = new Worker(ENTRY, { workerData: { entry: WORKER, setup } });
      worker.on('message', (message: { id?: number; built?: PackedRecord[]; error?: string; ready?: boolean }) => {
        if (message.id === undefined) return;
        const waiter = pending.get(message.id);
        pending.delete(message.id);
        if (message.error !== undefined) waiter?.reject(new Error(message.error));
        else waiter?.resolve(message.built!);
      });
      worker.on('error', (error) => {
        for (const waiter of pending.values()) waiter.reject(error);
        pending.clear();
      });
      await new Promise<void>((resolve, reject) => {
        worker.once('message', () => resolve());
        worker.once('error', reject);
      });
      return worker;
    }),
  );
  return {
    build(rows) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        workers[id % workers.length].postMessage({ id, rows });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
