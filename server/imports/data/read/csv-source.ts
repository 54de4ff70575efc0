import fs from 'node:fs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import type { CellValue } from '../../../../builder/excel-import/cleansing/index.ts';
import { WorkbookRejected } from '../../workbook/errors.ts';
import {
  DEFAULT_READ_LIMITS,
  type ReadLimits,
  type ReadOptions,
  type SourceRow,
  type TabularFile,
} from './types.ts';
import { tooManyRows } from './xlsx-source.ts';

const SNIFF_BYTES = 64 * 1024;

/** UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (a superset of GBK and GB2312). */
export function detectCsvEncoding(head: Buffer): 'utf8' | 'utf16le' | 'utf16be' | 'gb18030' {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf8';
  } catch {
    return 'gb18030';
  }
}

/**
 * CSV as one sheet: bytes are decoded by iconv-lite before papaparse sees them (a UTF-8
 * character split across chunks would otherwise be damaged), and every value stays text —
 * phone numbers and codes keep their leading zeros; the cleansing rules convert.
 */
export async function openCsv(file: string, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<TabularFile> {
  const handle = await fs.promises.open(file, 'r');
  const head = Buffer.alloc(SNIFF_BYTES);
  const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
  const size = (await handle.stat()).size;
  await handle.close();
  const encoding = detectCsvEncoding(head.subarray(0, bytesRead));

  return {
    format: 'csv',
    sheets: [{ index: 0, name: 'CSV' }],
    async *batches(sheetIndex: number, options: ReadOptions = {}): AsyncIterable<SourceRow[]> {
      if (sheetIndex !== 0) throw new WorkbookRejected('sheet-not-found', 'A CSV file has one sheet only');
      const batchSize = options.batchSize ?? 1000;
      const maxRows = Math.min(options.maxRows ?? Infinity, limits.maxRows + 1);
      const input = fs.createReadStream(file);
      let bytes = 0;
      input.on('data', (chunk) => (bytes += chunk.length));
      const rows = input
        .pipe(iconv.decodeStream(encoding))
        .pipe(Papa.parse(Papa.NODE_STREAM_INPUT, { skipEmptyLines: false }));
      let batch: SourceRow[] = [];
      let number = 0;
      let count = 0;
      try {
        for await (const raw of rows as AsyncIterable<string[]>) {
          number++;
          const cells = toCells(raw, number, limits.maxColumns);
          if (!cells) continue;
          if (++count > maxRows) break;
          batch.push({ row: number, cells });
          if (batch.length >= batchSize) {
            options.onProgress?.(Math.min(bytes / Math.max(size, 1), 1));
            yield batch;
            batch = [];
          }
        }
        if (count > limits.maxRows) throw tooManyRows(limits.maxRows);
        options.onProgress?.(1);
        if (batch.length) yield batch;
      } finally {
        input.destroy();
        rows.destroy();
      }
    },
    async close() {},
  };
}

function toCells(raw: string[], row: number, maxColumns: number): CellValue[] | null {
  let last = -1;
  for (let i = raw.length - 1; i >= 0; i--) {
    if (raw[i] !== '' && raw[i].trim() !== '') {
      last = i;
      break;
    }
  }
  if (last === -1) return null;
  if (last >= maxColumns) {
    throw new WorkbookRejected(
      'too-many-columns',
      `Row ${row} has a value in column ${last + 1}, beyond the limit of ${maxColumns} columns`,
      { limit: maxColumns },
    );
  }
  return raw.slice(0, last + 1).map((v) => (v === '' ? null : v));
}
