/**
 * The safe workbook reader: size limit, content sniffing, zip / OLE2 inspection, then
 * SheetJS or papaparse in a limited worker. Shared by template import and data import.
 */
import { WorkbookRejected } from './errors.ts';
import type { WorkbookLimits } from './limits.ts';
import { formatBytes } from './limits.ts';
import { inspectOle2 } from './ole2.ts';
import { parseInWorker } from './run-worker.ts';
import { sniffContainer } from './sniff.ts';
import type { ReadMode, ReadResult, WorkbookFormat } from './types.ts';
import { inspectZip } from './zip-inspect.ts';

export interface ReadOptions {
  /** for messages only; the type is decided by content */
  filename?: string | null;
  mode: ReadMode;
  /**
   * Runs `analyzeWorkbook(workbook, options)` from this module inside the worker, under the
   * same limits; its result comes back as `analysis` and the cells stay in the worker.
   */
  analyzer?: { module: URL; options?: unknown };
}

export interface WorkbookReader {
  readonly limits: Readonly<WorkbookLimits>;
  read(bytes: Buffer, options: ReadOptions): Promise<ReadResult>;
}

export function createWorkbookReader(limits: WorkbookLimits): WorkbookReader {
  const gate = createGate(limits.concurrency);
  return {
    limits,
    async read(bytes, options) {
      if (bytes.length > limits.maxBytes) {
        throw new WorkbookRejected(
          'file-too-large',
          `The file is larger than the limit of ${formatBytes(limits.maxBytes)}`,
          { limit: limits.maxBytes },
        );
      }
      const format = await detectFormat(bytes, options.filename, limits);
      return gate(() =>
        parseInWorker(
          {
            bytes,
            format,
            mode: options.mode,
            limits: { maxRows: limits.maxRows, maxColumns: limits.maxColumns },
            ...(options.analyzer
              ? { analyzer: { module: options.analyzer.module.href, options: options.analyzer.options } }
              : {}),
          },
          limits,
        ),
      );
    },
  };
}

async function detectFormat(
  bytes: Buffer,
  filename: string | null | undefined,
  limits: WorkbookLimits,
): Promise<WorkbookFormat> {
  const container = sniffContainer(bytes, filename);
  if (container === 'text') return 'csv';
  if (container === 'ole2') return inspectOle2(bytes);
  const { format } = await inspectZip(bytes, limits);
  if (format === 'xlsb') {
    throw new WorkbookRejected(
      'not-a-spreadsheet',
      'Binary workbooks (.xlsb) are not supported; save the file as .xlsx',
      { detected: 'an .xlsb workbook' },
    );
  }
  return format;
}

/** At most `size` tasks at once; the rest wait in order. */
function createGate(size: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running >= size) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
