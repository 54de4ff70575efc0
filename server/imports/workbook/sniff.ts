/**
 * The real type of an upload, by content — never by its name or declared type.
 * Anything that is not a zip, an OLE2 compound file or plain text is refused,
 * naming what it is ("a PDF document").
 */
import { WorkbookRejected } from './errors.ts';

export type Container = 'zip' | 'ole2' | 'text';

const SIGNATURES: ReadonlyArray<readonly [number[], string]> = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x52, 0x61, 0x72, 0x21], 'a RAR archive'],
  [[0x37, 0x7a, 0xbc, 0xaf], 'a 7-Zip archive'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x7f, 0x45, 0x4c, 0x46], 'a Linux program'],
  [[0x4d, 0x5a], 'a Windows program'],
  [[0x25, 0x21, 0x50, 0x53], 'a PostScript document'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'an RTF document'],
];
const ZIP = [0x50, 0x4b];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function sniffContainer(bytes: Uint8Array, filename?: string | null): Container {
  if (bytes.length === 0) throw new WorkbookRejected('damaged', 'The file is empty');
  const named = filename ? ` (its name is ${JSON.stringify(filename)})` : '';
  if (startsWith(bytes, ZIP) && [0x03, 0x05, 0x07].includes(bytes[2])) return 'zip';
  if (startsWith(bytes, OLE2)) return 'ole2';
  for (const [signature, what] of SIGNATURES) {
    if (startsWith(bytes, signature)) {
      throw new WorkbookRejected('not-a-spreadsheet', `The file is ${what}, not a spreadsheet${named}`, {
        detected: what,
      });
    }
  }
  const head = Buffer.from(bytes.subarray(0, 4096))
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart();
  if (/^<(\?xml|!doctype|html|table|\?mso)/i.test(head)) {
    throw new WorkbookRejected(
      'not-a-spreadsheet',
      `The file is an XML or HTML document, not a workbook${named}; open it in Excel or LibreOffice and save it as .xlsx`,
      { detected: 'an XML or HTML document' },
    );
  }
  if (isBinary(bytes)) {
    throw new WorkbookRejected(
      'not-a-spreadsheet',
      `The file is not a spreadsheet (unrecognised binary content)${named}`,
      {
        detected: 'unrecognised binary content',
      },
    );
  }
  return 'text';
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

/** NUL or other control bytes in the first 8 KB (UTF-16 text with a BOM is text). */
function isBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) control++;
  }
  return control > sample.length * 0.01;
}
