import { once } from 'node:events';
import type { Writable } from 'node:stream';
import zlib from 'node:zlib';

interface CentralRecord {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/**
 * A streaming zip writer (deflate, data descriptors, no zip64: parts stay under 4 GiB)
 * for the .xlsx files the export and the error report write: entries are deflated as they
 * are produced and written straight to `out` with back-pressure.
 */
export class ZipWriter {
  private offset = 0;
  private readonly records: CentralRecord[] = [];

  constructor(private readonly out: Writable) {}

  async add(
    name: string,
    content: string | Buffer | AsyncIterable<string | Buffer> | Iterable<string | Buffer>,
  ): Promise<void> {
    const nameBytes = Buffer.from(name, 'utf8');
    const offset = this.offset;
    await this.write(localHeader(nameBytes));
    let crc = 0;
    let size = 0;
    let compressed = 0;
    const source = typeof content === 'string' || Buffer.isBuffer(content) ? [content] : content;
    const deflate = zlib.createDeflateRaw({ level: 6 });
    const pump = (async () => {
      for await (const chunk of deflate) {
        compressed += (chunk as Buffer).length;
        await this.write(chunk as Buffer, false);
      }
    })();
    try {
      for await (const piece of source) {
        const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
        crc = zlib.crc32(bytes, crc);
        size += bytes.length;
        if (!deflate.write(bytes)) await once(deflate, 'drain');
      }
      deflate.end();
    } catch (error) {
      deflate.destroy(error as Error);
      throw error;
    } finally {
      await pump;
    }
    this.offset += compressed;
    if (size >= 0xffffffff || this.offset >= 0xffffffff)
      throw new Error('the zip would need zip64 (over 4 GiB)');
    await this.write(dataDescriptor(crc, compressed, size));
    this.records.push({ name: nameBytes, crc, compressed, size, offset });
  }

  /** Writes the central directory; does not end `out`. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const record of this.records) await this.write(centralHeader(record));
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.records.length, 8);
    end.writeUInt16LE(this.records.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.write(end);
  }

  private async write(bytes: Buffer, isCounted = true): Promise<void> {
    if (isCounted) this.offset += bytes.length;
    if (!this.out.write(bytes)) await once(this.out, 'drain');
  }
}

const FLAGS = 0x0008 | 0x0800; // sizes in a data descriptor; UTF-8 names
const DOS_TIME = 0;
const DOS_DATE = (1 << 5) | 1; // 1980-01-01: fixed, so the same data gives the same file

function localHeader(name: Buffer): Buffer {
  const b = Buffer.alloc(30);
  b.writeUInt32LE(0x04034b50, 0);
  b.writeUInt16LE(20, 4);
  b.writeUInt16LE(FLAGS, 6);
  b.writeUInt16LE(8, 8);
  b.writeUInt16LE(DOS_TIME, 10);
  b.writeUInt16LE(DOS_DATE, 12);
  b.writeUInt16LE(name.length, 26);
  return Buffer.concat([b, name]);
}

function dataDescriptor(crc: number, compressed: number, size: number): Buffer {
  const b = Buffer.alloc(16);
  b.writeUInt32LE(0x08074b50, 0);
  b.writeUInt32LE(crc >>> 0, 4);
  b.writeUInt32LE(compressed, 8);
  b.writeUInt32LE(size, 12);
  return b;
}

function centralHeader(r: CentralRecord): Buffer {
  const b = Buffer.alloc(46);
  b.writeUInt32LE(0x02014b50, 0);
  b.writeUInt16LE(20, 4);
  b.writeUInt16LE(20, 6);
  b.writeUInt16LE(FLAGS, 8);
  b.writeUInt16LE(8, 10);
  b.writeUInt16LE(DOS_TIME, 12);
  b.writeUInt16LE(DOS_DATE, 14);
  b.writeUInt32LE(r.crc >>> 0, 16);
  b.writeUInt32LE(r.compressed, 20);
  b.writeUInt32LE(r.size, 24);
  b.writeUInt16LE(r.name.length, 28);
  b.writeUInt32LE(r.offset, 42);
  return Buffer.concat([b, r.name]);
}
