import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type { Request } from 'express';
import { BadRequest, UnsupportedMediaType } from '../../errors/index.ts';
import { formatBytes } from '../workbook/limits.ts';
import { WorkbookRejected } from '../workbook/errors.ts';

export interface UploadedFile {
  fileName: string;
  size: number;
  /** where the bytes are (a temp path inside `dir`) */
  path: string;
  fields: Record<string, string>;
}

/**
 * Streams one `multipart/form-data` file part to disk with a size limit; other parts are
 * small text fields. Nothing is buffered in memory.
 */
export function receiveUpload(req: Request, input: { dir: string; maxBytes: number }): Promise<UploadedFile> {
  if (!req.is('multipart/form-data'))
    throw new UnsupportedMediaType('Upload the file as multipart/form-data with a "file" part');
  fs.mkdirSync(input.dir, { recursive: true });
  const target = path.join(input.dir, `upload-${process.hrtime.bigint()}`);
  return new Promise<UploadedFile>((resolve, fail) => {
    const reject = (error: unknown) => {
      fs.rmSync(target, { force: true }); // nothing of a refused or broken upload stays on disk
      fail(error);
    };
    const fields: Record<string, string> = Object.create(null);
    let file: Promise<{ fileName: string; size: number; isTruncated: boolean }> | null = null;
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: { fileSize: input.maxBytes, files: 1, fields: 20, fieldSize: 10_000, parts: 25 },
      });
    } catch (error) {
      reject(new BadRequest(`Cannot read the upload: ${(error as Error).message}`));
      return;
    }
    parser.on('field', (name, value) => {
      if (/^[A-Za-z][A-Za-z0-9_]{0,40}$/.test(name)) fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || file) {
        stream.resume();
        return;
      }
      let size = 0;
      stream.on('data', (chunk: Buffer) => (size += chunk.length));
      file = pipeline(stream, fs.createWriteStream(target)).then(() => ({
        fileName: path.basename(info.filename || 'upload').slice(0, 200),
        size,
        isTruncated: (stream as unknown as { truncated?: boolean }).truncated === true,
      }));
    });
    parser.on('error', (error: Error) => reject(new BadRequest(`Cannot read the upload: ${error.message}`)));
    parser.on('close', () => {
      if (!file) return reject(new WorkbookRejected('no-file', 'The upload has no "file" part'));
      file.then(
        (done) => {
          if (done.isTruncated) {
            return reject(
              new WorkbookRejected(
                'file-too-large',
                `The file is larger than the limit of ${formatBytes(input.maxBytes)}`,
                { limit: input.maxBytes },
              ),
            );
          }
          if (done.size === 0) {
            return reject(new WorkbookRejected('damaged', 'The uploaded file is empty'));
          }
          resolve({ fileName: done.fileName, size: done.size, path: target, fields });
        },
        (error: Error) => reject(error),
      );
    });
    req.pipe(parser);
  });
}
