// Worker bootstrap: the server runs TypeScript through tsx, and a worker thread starts
// without the parent's loader, so it registers tsx before loading the real worker.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
