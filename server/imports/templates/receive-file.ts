/**
 * Reads one uploaded file into memory with a size limit: `multipart/form-data` (the
 * first file part, plus small text fields such as `sheet`) or the raw file as the body.
 * Past the limit the rest of the body is drained (up to a hard cap, then the socket is
 * closed) so the client still receives the 413.
 */
import busboy from 'busboy';
import type { Request } from 'express';
import { UnsupportedMediaType } from '../../errors/index.ts';
import { formatBytes } from '../workbook/limits.ts';
import { WorkbookRejected } from '../workbook/errors.ts';

export interface ReceivedFile {
  bytes: Buffer;
  filename: string | null;
  /** text fields by name (`sheet` may repeat) */
  fields: Map<string, string[]>;
}

const RAW_TYPES = [
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel.sheet.macroenabled.12',
  'application/vnd.ms-excel',
  'application/vnd.oasis.opendocument.spreadsheet',
  'text/csv',
  'text/plain',
  'application/csv',
  'application/octet-stream',
];
const DRAIN_EXTRA = 8 * 1024 * 1024;

export async function receiveFile(req: Request, maxBytes: number): Promise<ReceivedFile> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'multipart/form-data') return receiveMultipart(req, maxBytes);
  if (!RAW_TYPES.includes(type)) {
    throw new UnsupportedMediaType(
      `Upload the file as multipart/form-data (a "file" part) or as the raw file with its spreadsheet content type (got ${type || 'no content type'})`,
    );
  }
  const declared = Number(req.headers['content-length'] ?? NaN);
  const bytes = await collect(req, maxBytes, Number.isFinite(declared) && declared > maxBytes);
  if (bytes.length === 0) throw new WorkbookRejected('no-file', 'The request body is empty; send the file');
  const filename = typeof req.query.filename === 'string' ? req.query.filename : null;
  return { bytes, filename, fields: new Map() };
}

function receiveMultipart(req: Request, maxBytes: number): Promise<ReceivedFile> {
  return new Promise((resolve, reject) => {
    const fields = new Map<string, string[]>();
    let file: { chunks: Buffer[]; size: number; filename: string | null; isTooLarge: boolean } | null = null;
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { files: 1, fileSize: maxBytes, fields: 20, fieldSize: 1000, parts: 30 },
      });
    } catch (error) {
      reject(new WorkbookRejected('no-file', `The upload cannot be read: ${(error as Error).message}`));
      return;
    }
    parser.on('field', (name, value) => {
      if (!/^[A-Za-z][A-Za-z0-9_]{0,40}$/.test(name)) return;
      fields.set(name, [...(fields.get(name) ?? []), value]);
    });
    parser.on('file', (_name, stream, info) => {
      if (file) {
        stream.resume();
        return;
      }
      const current = {
        chunks: [] as Buffer[],
        size: 0,
        filename: info.filename ? info.filename.slice(0, 200) : null,
        isTooLarge: false,
      };
      file = current;
      stream.on('data', (chunk: Buffer) => {
        current.size += chunk.length;
        current.chunks.push(chunk);
      });
      stream.on('limit', () => {
        current.isTooLarge = true;
        current.chunks = [];
      });
    });
    // busboy drains a file past its limit; stop a body that goes on far beyond it
    let seen = 0;
    req.on('data', (chunk: Buffer) => {
      seen += chunk.length;
      if (seen <= maxBytes + DRAIN_EXTRA) return;
      reject(tooLarge(maxBytes));
      req.unpipe(parser);
      req.destroy();
    });
    parser.on('error', (error: Error) =>
      reject(new WorkbookRejected('no-file', `The upload cannot be read: ${error.message}`)),
    );
    parser.on('close', () => {
      if (!file) return reject(new WorkbookRejected('no-file', 'The upload has no file part'));
      if (file.isTooLarge) return reject(tooLarge(maxBytes));
      if (file.size === 0) return reject(new WorkbookRejected('no-file', 'The uploaded file is empty'));
      resolve({ bytes: Buffer.concat(file.chunks), filename: file.filename, fields });
    });
    req.pipe(parser);
  });
}

/** The whole body, or a 413 once it passes `maxBytes` (the rest is drained, then cut off). */
function collect(req: Request, maxBytes: number, isKnownTooLarge: boolean): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let isTooLarge = isKnownTooLarge;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) isTooLarge = true;
      if (!isTooLarge) chunks.push(chunk);
      else if (size > maxBytes + DRAIN_EXTRA) {
        reject(tooLarge(maxBytes));
        req.destroy();
      }
    });
    req.on('end', () => (isTooLarge ? reject(tooLarge(maxBytes)) : resolve(Buffer.concat(chunks))));
    req.on('error', (error) =>
      reject(new WorkbookRejected('no-file', `The upload was interrupted: ${error.message}`)),
    );
  });
}

function tooLarge(maxBytes: number): WorkbookRejected {
  return new WorkbookRejected(
    'file-too-large',
    `The file is larger than the limit of ${formatBytes(maxBytes)}`,
    { limit: maxBytes },
  );
}
