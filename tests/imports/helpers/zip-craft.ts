/**
 * Writes zip files byte by byte so tests can build hostile ones: lying sizes, central
 * and local headers that disagree, entries that overlap, encrypted flags.
 */
import zlib from 'node:zlib';
import yauzl from 'yauzl';

export interface CraftEntry {
  name: string;
  data: Buffer | string;
  method?: 'store' | 'deflate';
  /** sizes written into the headers instead of the real ones */
  declaredSize?: number;
  /** local header only: a different uncompressed size */
  localSize?: number;
  flags?: number;
}

export function craftZip(entries: CraftEntry[], options: { overlap?: boolean } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  let firstOffset = 0;
  entries.forEach((entry, i) => {
    const raw = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data, 'utf8');
    const method = entry.method === 'store' ? 0 : 8;
    const body = method === 8 ? zlib.deflateRawSync(raw, { level: 9 }) : raw;
    const crc = zlib.crc32(raw);
    const name = Buffer.from(entry.name, 'utf8');
    const size = entry.declaredSize ?? raw.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.flags ?? 0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(entry.localSize ?? size, 22);
    local.writeUInt16LE(name.length, 26);
    const at = options.overlap && i > 0 ? firstOffset : offset;
    if (!(options.overlap && i > 0)) {
      locals.push(local, name, body);
      if (i === 0) firstOffset = offset;
      offset += 30 + name.length + body.length;
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.flags ?? 0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(at, 42);
    centrals.push(central, name);
  });
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The parts of a zip (e.g. an .xlsx) by name, to copy and alter. */
export function readZip(bytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const parts = new Map<string, Buffer>();
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            parts.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(parts));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** A copy of an .xlsx with some parts replaced or added. */
export async function withParts(xlsx: Buffer, changes: Record<string, string | Buffer>): Promise<Buffer> {
  const parts = await readZip(xlsx);
  for (const [name, data] of Object.entries(changes))
    parts.set(name, Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8'));
  return craftZip([...parts].map(([name, data]) => ({ name, data })));
}
