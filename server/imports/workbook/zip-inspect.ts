/**
 * Looks inside a zip before any parser does: entry count, declared and actual
 * inflated sizes (every entry is inflated once and counted, so lying headers are
 * caught), compression ratio, central vs local header agreement, overlapping
 * entries (the "better zip bomb" trick), encryption, and what the package is.
 */
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { WorkbookRejected } from './errors.ts';
import type { WorkbookLimits } from './limits.ts';
import { formatBytes } from './limits.ts';
import type { WorkbookFormat } from './types.ts';

export interface ZipSummary {
  format: WorkbookFormat;
  entries: number;
  inflatedBytes: number;
}

const RATIO_CHECK_FROM = 1024 * 1024;
const SMALL_PART = 64 * 1024;
const WANTED = new Set(['mimetype', 'META-INF/manifest.xml', '[Content_Types].xml']);

export async function inspectZip(bytes: Buffer, limits: WorkbookLimits): Promise<ZipSummary> {
  const zip = await open(bytes);
  try {
    if (zip.entryCount > limits.maxZipEntries) {
      throw bomb(`it has ${zip.entryCount} entries (the limit is ${limits.maxZipEntries})`);
    }
    const names = new Set<string>();
    const parts = new Map<string, string>();
    const spans: [number, number][] = [];
    let declared = 0;
    let inflated = 0;
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      if (entry.generalPurposeBitFlag & 1) {
        throw new WorkbookRejected(
          'encrypted',
          'The workbook is password-protected; remove the password and upload it again',
        );
      }
      declared += entry.uncompressedSize;
      if (declared > limits.maxUnzippedBytes)
        throw bomb(`it would inflate to more than ${formatBytes(limits.maxUnzippedBytes)}`);
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (entry.uncompressedSize > RATIO_CHECK_FROM && ratio > limits.maxZipRatio) {
        throw bomb(
          `${entry.fileName} is compressed ${Math.round(ratio)}:1 (the limit is ${limits.maxZipRatio}:1)`,
        );
      }
      const local = await zip.readLocalFileHeaderPromise(entry).catch((error: Error) => {
        throw new WorkbookRejected('damaged', `The zip is damaged or truncated (${error.message})`);
      });
      checkLocalHeader(entry, local);
      spans.push([entry.relativeOffsetOfLocalHeader, local.fileDataStart + entry.compressedSize]);
      names.add(entry.fileName);
      const content = await inflate(zip, entry, limits.maxUnzippedBytes - inflated);
      inflated += content.size;
      if (WANTED.has(entry.fileName) && content.text !== null) parts.set(entry.fileName, content.text);
    }
    checkOverlaps(spans);
    return { format: packageFormat(names, parts), entries: zip.entryCount, inflatedBytes: inflated };
  } finally {
    zip.close();
  }
}

function bomb(why: string): WorkbookRejected {
  return new WorkbookRejected('zip-bomb', `The file was refused as a zip bomb: ${why}`);
}

function open(bytes: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      bytes,
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false },
      (error, zip) => {
        if (error || !zip)
          reject(
            new WorkbookRejected(
              'damaged',
              `The file is truncated or damaged: ${error?.message ?? 'no zip directory'}`,
            ),
          );
        else resolve(zip);
      },
    );
  });
}

function nextEntry(zip: ZipFile): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const onEntry = (entry: Entry) => done(() => resolve(entry));
    const onEnd = () => done(() => resolve(null));
    const onError = (error: Error) =>
      done(() => reject(new WorkbookRejected('damaged', `The zip is damaged: ${error.message}`)));
    const done = (then: () => void) => {
      zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
      then();
    };
    zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
    zip.readEntry();
  });
}

/** Central directory and local header must describe the same entry. */
function checkLocalHeader(entry: Entry, local: yauzl.LocalFileHeader): void {
  const name = Buffer.from(local.fileName).toString('utf8');
  const hasDescriptor = (local.generalPurposeBitFlag & 8) !== 0;
  const isZip64 = local.compressedSize === 0xffffffff || local.uncompressedSize === 0xffffffff;
  const disagree =
    name !== entry.fileName ||
    local.compressionMethod !== entry.compressionMethod ||
    (!hasDescriptor &&
      !isZip64 &&
      (local.compressedSize !== entry.compressedSize ||
        local.uncompressedSize !== entry.uncompressedSize ||
        local.crc32 !== entry.crc32));
  if (disagree)
    throw bomb(`the central directory and the local header of ${JSON.stringify(entry.fileName)} disagree`);
}

function checkOverlaps(spans: [number, number][]): void {
  spans.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i][0] < spans[i - 1][1]) throw bomb('its entries overlap one another');
  }
}

/** Inflates one entry, counting bytes; keeps the text of small parts. */
async function inflate(
  zip: ZipFile,
  entry: Entry,
  budget: number,
): Promise<{ size: number; text: string | null }> {
  const stream = await zip.openReadStreamPromise(entry).catch((error: Error) => {
    throw new WorkbookRejected(
      'damaged',
      `The zip entry ${entry.fileName} cannot be read (${error.message})`,
    );
  });
  const keep = WANTED.has(entry.fileName) && entry.uncompressedSize <= SMALL_PART;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > budget) throw bomb(`it inflates to more than its declared sizes allow`);
      if (keep) chunks.push(chunk);
    }
  } catch (error) {
    stream.destroy();
    if (error instanceof WorkbookRejected) throw error;
    const message = (error as Error).message;
    if (/too many bytes|too few bytes|size/i.test(message))
      throw bomb(`${entry.fileName} does not inflate to its declared size`);
    throw new WorkbookRejected('damaged', `The zip entry ${entry.fileName} is damaged (${message})`);
  }
  return { size, text: keep ? Buffer.concat(chunks).toString('utf8') : null };
}

function packageFormat(names: Set<string>, parts: Map<string, string>): WorkbookFormat {
  if (parts.get('META-INF/manifest.xml')?.includes('encryption-data')) {
    throw new WorkbookRejected(
      'encrypted',
      'The spreadsheet is password-protected; remove the password and upload it again',
    );
  }
  const mimetype = parts.get('mimetype')?.trim();
  if (mimetype === 'application/vnd.oasis.opendocument.spreadsheet') return 'ods';
  if (names.has('xl/workbook.xml')) {
    const types = parts.get('[Content_Types].xml') ?? '';
    const isMacro = /PartName="\/xl\/workbook\.xml"\s+ContentType="[^"]*macroEnabled/i.test(types);
    return names.has('xl/vbaProject.bin') || isMacro ? 'xlsm' : 'xlsx';
  }
  if (names.has('xl/workbook.bin')) return 'xlsb';
  const what = names.has('word/document.xml')
    ? 'a Word document'
    : names.has('ppt/presentation.xml')
      ? 'a PowerPoint presentation'
      : mimetype?.startsWith('application/vnd.oasis.opendocument')
        ? 'an OpenDocument file that is not a spreadsheet'
        : 'a ZIP archive';
  throw new WorkbookRejected('not-a-spreadsheet', `The file is ${what}, not a spreadsheet`, {
    detected: what,
  });
}
