import fs from 'node:fs';
import { createWorkbookReader } from '../../workbook/index.ts';
import type { WorkbookLimits } from '../../workbook/limits.ts';
import type { ReadOptions, SourceRow, TabularFile } from './types.ts';

/**
 * .xls and .ods through the shared reader (SheetJS in a limited worker, `rows` mode). The
 * rows of such files (at most the upload limit, 20 MB) are held in memory; .xlsx and CSV
 * take the streaming paths instead.
 */
export async function openWorkbookRows(file: string, limits: WorkbookLimits): Promise<TabularFile> {
  const data = await createWorkbookReader(limits).read(await fs.promises.readFile(file), {
    mode: 'rows',
    filename: file,
  });
  return {
    format: 'workbook',
    sheets: data.sheets.map((sheet, index) => ({ index, name: sheet.name })),
    async *batches(sheetIndex: number, options: ReadOptions = {}): AsyncIterable<SourceRow[]> {
      const rows = data.sheets[sheetIndex]?.rows ?? [];
      const batchSize = options.batchSize ?? 1000;
      const maxRows = options.maxRows ?? Infinity;
      let batch: SourceRow[] = [];
      let count = 0;
      for (let r = 0; r < rows.length && count < maxRows; r++) {
        const cells = rows[r];
        if (!cells || cells.every((v) => v === null || v === '')) continue;
        count++;
        batch.push({ row: r + 1, cells });
        if (batch.length >= batchSize) {
          options.onProgress?.(r / rows.length);
          yield batch;
          batch = [];
        }
      }
      options.onProgress?.(1);
      if (batch.length) yield batch;
    },
    async close() {},
  };
}
