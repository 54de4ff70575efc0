import { WorkbookRejected } from '../../workbook/errors.ts';
import {
  DEFAULT_READ_LIMITS,
  type ReadLimits,
  type ReadOptions,
  type SourceRow,
  type TabularFile,
} from './types.ts';
import { readDateStyles, readSharedStrings, readWorkbookPart } from './xlsx-parts.ts';
import { createRowTokenizer } from './xlsx-rows.ts';
import { openZip } from './zip-entries.ts';

/**
 * The streaming .xlsx path of the data import: shared strings first (random access into
 * the zip), then one pass over the sheet XML with a tokenizer. Memory is the shared
 * strings plus one batch of rows; SheetJS would hold the whole workbook.
 */
export async function openXlsx(file: string, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<TabularFile> {
  const zip = await openZip(file);
  try {
    const workbook = await readWorkbookPart(zip);
    if (workbook.sheets.length === 0)
      throw new WorkbookRejected('sheet-not-found', 'The workbook has no worksheets');
    const dateStyles = await readDateStyles(zip);
    let strings: string[] | null = null;
    const sharedStrings = async () => (strings ??= await readSharedStrings(zip, limits.maxPartBytes));

    return {
      format: 'xlsx',
      sheets: workbook.sheets.map((sheet, index) => ({ index, name: sheet.name })),
      async *batches(sheetIndex: number, options: ReadOptions = {}): AsyncIterable<SourceRow[]> {
        const sheet = workbook.sheets[sheetIndex];
        if (!sheet)
          throw new WorkbookRejected('sheet-not-found', `The workbook has no sheet number ${sheetIndex + 1}`);
        const tokenizer = createRowTokenizer({
          strings: await sharedStrings(),
          dateStyles,
          isDate1904: workbook.isDate1904,
          maxColumns: limits.maxColumns,
        });
        const batchSize = options.batchSize ?? 1000;
        const maxRows = Math.min(options.maxRows ?? Infinity, limits.maxRows + 1);
        const total = Math.max(zip.size(sheet.path), 1);
        const stream = await zip.stream(sheet.path, limits.maxPartBytes);
        const decoder = new TextDecoder('utf-8');
        let batch: SourceRow[] = [];
        let count = 0;
        let bytes = 0;
        const take = function* (rows: SourceRow[]) {
          for (const row of rows) {
            if (count >= maxRows) return;
            count++;
            batch.push(row);
            if (batch.length >= batchSize) {
              options.onProgress?.(Math.min(bytes / total, 1));
              yield batch;
              batch = [];
            }
          }
        };
        try {
          for await (const chunk of stream) {
            bytes += (chunk as Buffer).length;
            yield* take(tokenizer.feed(decoder.decode(chunk as Buffer, { stream: true })));
            if (count >= maxRows) break;
          }
          if (count < maxRows) yield* take(tokenizer.finish());
          if (count > limits.maxRows) throw tooManyRows(limits.maxRows);
          options.onProgress?.(1);
          if (batch.length) yield batch;
        } finally {
          stream.destroy();
        }
      },
      async close() {
        zip.close();
      },
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}

export const tooManyRows = (limit: number) =>
  new WorkbookRejected('too-many-rows', `The sheet has more than ${limit} rows, the import limit`, { limit });
