/**
 * CSV text: the encoding is detected (UTF-8 with or without BOM, UTF-16 with BOM,
 * otherwise GB18030 — the superset of GBK that Chinese Excel writes) and decoded with
 * iconv-lite before papaparse sees it, so multi-byte characters are never split.
 * Values stay raw strings: leading zeros of codes and phone numbers are kept.
 */
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { WorkbookRejected } from './errors.ts';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

export function decodeText(bytes: Uint8Array): DecodedText {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf)
    return { text: buffer.toString('utf8', 3), encoding: 'utf-8' };
  if (buffer[0] === 0xff && buffer[1] === 0xfe)
    return { text: iconv.decode(buffer.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (buffer[0] === 0xfe && buffer[1] === 0xff)
    return { text: iconv.decode(buffer.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(buffer, 'gb18030'), encoding: 'gb18030' };
  }
}

/** Rows of raw strings, at most `maxRows` (a longer file is refused), trailing blank rows dropped. */
export function parseCsv(text: string, limits: { maxRows: number; maxColumns: number }): string[][] {
  const parsed = Papa.parse<string[]>(text, {
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    preview: limits.maxRows + 2,
  });
  const rows = parsed.data;
  while (rows.length > 0 && rows[rows.length - 1].every((value) => value.trim() === '')) rows.pop();
  if (rows.length > limits.maxRows) {
    throw new WorkbookRejected(
      'too-many-rows',
      `The file has more than ${limits.maxRows.toLocaleString('en')} rows (the limit)`,
      { limit: limits.maxRows },
    );
  }
  for (const row of rows) {
    let last = row.length;
    while (last > 0 && row[last - 1].trim() === '') last--;
    if (last > limits.maxColumns) {
      throw new WorkbookRejected(
        'too-many-columns',
        `The file has more than ${limits.maxColumns} columns (the limit)`,
        { limit: limits.maxColumns },
      );
    }
  }
  return rows;
}
