import { pipeline, Transform, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { WorkbookRejected } from '../../workbook/errors.ts';

export interface ZipArchive {
  has(name: string): boolean;
  /** inflated size of an entry as the central directory declares it (progress is measured against it) */
  size(name: string): number;
  /** the inflated entry; refuses more than `maxBytes` */
  stream(name: string, maxBytes: number): Promise<Readable>;
  text(name: string, maxBytes: number): Promise<string>;
  close(): void;
}

/**
 * Random access to the parts of a zip file (the shared reader has inspected it for bombs
 * before). Every entry's inflated size is checked against its central directory record;
 * on top of that each stream is cut off at `maxBytes`.
 */
export async function openZip(file: string): Promise<ZipArchive> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
  } catch (error) {
    throw new WorkbookRejected(
      'damaged',
      `The file is not a readable .xlsx (zip) file: ${(error as Error).message}`,
    );
  }
  const entries = new Map<string, yauzl.Entry>();
  for await (const entry of zip.eachEntry()) entries.set(entry.fileName.replace(/^\//, ''), entry);
  const entryOf = (name: string) => {
    const entry = entries.get(name);
    if (!entry) throw new WorkbookRejected('damaged', `The workbook has no part ${name}`);
    return entry;
  };
  const stream = async (name: string, maxBytes: number): Promise<Readable> => {
    const entry = entryOf(name);
    if (entry.uncompressedSize > maxBytes) throw tooBig(name, maxBytes);
    if (entry.isEncrypted())
      throw new WorkbookRejected('encrypted', `The workbook part ${name} is encrypted`);
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      throw new WorkbookRejected(
        'damaged',
        `The workbook part ${name} uses an unsupported compression method (${entry.compressionMethod})`,
      );
    }
    // inflated here rather than by yauzl: its 16 KiB zlib chunks cost a stream round per chunk
    // on a part of tens of megabytes; the inflated size is checked against the central directory
    // as yauzl's validateEntrySizes does
    const raw = await zip.openReadStreamPromise(entry, { decodeFileData: false });
    const expected = entry.uncompressedSize;
    let total = 0;
    const counted = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        total += chunk.length;
        if (total > maxBytes) done(tooBig(name, maxBytes));
        else if (total > expected) done(sizeMismatch(name, expected));
        else done(null, chunk);
      },
      flush(done) {
        done(total === expected ? null : sizeMismatch(name, expected));
      },
    });
    if (entry.compressionMethod === 0) return pipeline(raw, counted, ignore);
    return pipeline(raw, zlib.createInflateRaw({ chunkSize: INFLATE_CHUNK }), counted, ignore);
  };
  return {
    has: (name) => entries.has(name),
    size: (name) => entryOf(name).uncompressedSize,
    stream,
    async text(name, maxBytes) {
      const chunks: Buffer[] = [];
      for await (const chunk of await stream(name, maxBytes)) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    close: () => zip.close(),
  };
}

const INFLATE_CHUNK = 256 * 1024;
/** errors reach the reader through the last stream of the pipeline */
const ignore = () => undefined;

const sizeMismatch = (name: string, expected: number) =>
  new WorkbookRejected(
    'damaged',
    `The workbook part ${name} does not inflate to its declared size (${expected} bytes)`,
  );

const tooBig = (name: string, maxBytes: number) =>
  new WorkbookRejected(
    'zip-bomb',
    `The workbook part ${name} inflates to more than ${Math.round(maxBytes / 1048576)} MB`,
  );
