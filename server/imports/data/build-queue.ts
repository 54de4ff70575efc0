import { PER_WORKER, type BuildPool } from './build-pool.ts';
import type { PackedRecord } from './build-setup.ts';
import type { RecordBatch } from './record-rows.ts';

/** A batch read ahead: built by a worker or here (`built` stays null until it is handed to either). */
interface Slot {
  batch: RecordBatch;
  built: Promise<PackedRecord[]> | null;
  isDone: boolean;
}

/**
 * Builds `batches` with the pool and yields them built, in file order (duplicates are decided in
 * that order). Reads ahead far enough that the workers never wait for this thread; when the window
 * is full and no worker has room — or none is ready yet, while they start — this thread builds the
 * oldest waiting batch itself, so it does not sit idle while the workers are the bottleneck.
 */
export async function* buildInOrder(input: {
  pool: BuildPool;
  batches: AsyncIterable<RecordBatch>;
  threads: number;
}): AsyncIterable<{ batch: RecordBatch; built: PackedRecord[] }> {
  const { pool } = input;
  const window: Slot[] = [];
  const maxAhead = input.threads ? input.threads * PER_WORKER + 2 : 1;

  const assign = (slot: Slot) => {
    const built = pool.offer(slot.batch.records);
    if (built) track(slot, built);
  };
  /** The oldest batch if it is built; else builds the oldest unassigned batch here, or waits for a worker. */
  const step = async (): Promise<{ batch: RecordBatch; built: PackedRecord[] } | null> => {
    const head = window[0];
    if (head.isDone) {
      window.shift();
      return { batch: head.batch, built: await head.built! };
    }
    for (const slot of window) if (!slot.built) assign(slot); // a worker may have room by now
    const next = window.find((slot) => !slot.built);
    if (next) await track(next, pool.buildHere(next.batch.records));
    else await head.built!.catch(() => undefined); // a failure surfaces when the batch is taken
    return null;
  };

  for await (const batch of input.batches) {
    const slot: Slot = { batch, built: null, isDone: false };
    window.push(slot);
    assign(slot);
    while (window.length && (window[0].isDone || window.length >= maxAhead)) {
      const done = await step();
      if (done) yield done;
    }
  }
  while (window.length) {
    const done = await step();
    if (done) yield done;
  }
}

/** Records the batch's build; `isDone` turns true once it has settled, either way. */
function track(slot: Slot, built: Promise<PackedRecord[]>): Promise<void> {
  slot.built = built;
  return built.then(
    () => void (slot.isDone = true),
    () => void (slot.isDone = true),
  );
}
