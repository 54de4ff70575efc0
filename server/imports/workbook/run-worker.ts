/**
 * Runs one parse in a fresh worker thread with a heap limit and a wall-time limit; the
 * worker is terminated on overrun and the caller gets a 422 naming the reason.
 */
import { Worker } from 'node:worker_threads';
import { WorkbookRejected } from './errors.ts';
import type { ParseRequest, ParseResponse } from './read-worker.ts';
import type { ReadResult } from './types.ts';

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);
const READER = new URL('./read-worker.ts', import.meta.url).href;

export function parseInWorker(
  request: ParseRequest,
  limits: { heapMb: number; timeoutMs: number },
): Promise<ReadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(ENTRY, {
      workerData: { entry: READER, request },
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 },
      stdout: true,
      stderr: true,
    });
    let isSettled = false;
    const settle = (action: () => void) => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(timer);
      void worker.terminate();
      action();
    };
    const timer = setTimeout(
      () =>
        settle(() =>
          reject(
            new WorkbookRejected(
              'too-slow',
              `The workbook took too long to read (more than ${Math.round(limits.timeoutMs / 1000)} s)`,
              { limitMs: limits.timeoutMs },
            ),
          ),
        ),
      limits.timeoutMs,
    );
    worker.once('message', (response: ParseResponse) =>
      settle(() => {
        if (!response.ok) {
          if (response.reason === 'internal')
            return reject(new Error(`workbook analysis failed: ${response.message}`));
          return reject(new WorkbookRejected(response.reason, response.message, response.extra));
        }
        if (!response.isPrototypeClean) {
          return reject(
            new WorkbookRejected(
              'damaged',
              'The workbook was refused: reading it tried to change built-in objects',
            ),
          );
        }
        resolve(
          response.analysis === undefined
            ? response.workbook
            : { ...response.workbook, analysis: response.analysis },
        );
      }),
    );
    worker.once('error', (error: Error & { code?: string }) =>
      settle(() => {
        const isMemory =
          error.code === 'ERR_WORKER_OUT_OF_MEMORY' || /memory|allocation/i.test(error.message);
        reject(
          isMemory
            ? new WorkbookRejected(
                'too-much-memory',
                `The workbook took too much memory to read (more than ${limits.heapMb} MB)`,
                { limitMb: limits.heapMb },
              )
            : new WorkbookRejected(
                'damaged',
                `The workbook could not be read (${error.message.slice(0, 200)})`,
              ),
        );
      }),
    );
    worker.once('exit', (code) =>
      settle(() =>
        reject(
          new WorkbookRejected('damaged', `The workbook reader stopped unexpectedly (exit code ${code})`),
        ),
      ),
    );
  });
}
