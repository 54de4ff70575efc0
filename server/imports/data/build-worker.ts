/**
 * A build worker: cleanses and validates batches of records for a dry run, the same code
 * as in the main thread (`createRecordBuilder`), so large files use more than one core.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { packer, type BuildSetup } from './build-setup.ts';
import type { RecordRows } from './record-builder.ts';

const setup = (workerData as { setup: BuildSetup }).setup;
// structured clone dropped the null prototype of the field index: restore it
const fields = Object.assign(Object.create(null), setup.compiled.fields) as BuildSetup['compiled']['fields'];
const pack = packer({ ...setup, compiled: { ...setup.compiled, fields } });
parentPort!.on('message', (message: { id: number; rows: RecordRows[] }) => {
  try {
    parentPort!.postMessage({ id: message.id, built: message.rows.map(pack) });
  } catch (error) {
    parentPort!.postMessage({
      id: message.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
parentPort!.postMessage({ ready: true });
