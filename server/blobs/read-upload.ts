import busboy from 'busboy';
import type { Request } from 'express';
import path from 'node:path';
import { BadRequest, PayloadTooLarge, UnsupportedMediaType } from '../errors/index.ts';

export const MAX_MB = Number(process.env.FORMWORK_MAX_UPLOAD_MB ?? 20);

/** Reads the one multipart `file` part of an upload into memory, refusing more than MAX_MB with 413. */
export function readUpload(req: Request): Promise<{ name: string; data: Buffer }> {
  if (!req.is('multipart/form-data'))
    throw new UnsupportedMediaType('Upload files as multipart/form-data with one "file" part');
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { files: 1, fileSize: MAX_MB * 1024 * 1024, fields: 0 },
      });
    } catch (error) {
      reject(new BadRequest(`Unreadable upload: ${(error as Error).message}`));
      return;
    }
    let result: { name: string; data: Buffer } | null = null;
    let failure: Error | null = null;
    parser.on('file', (field, stream, info) => {
      if (field !== 'file') {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        failure = new PayloadTooLarge(`Files may be at most ${MAX_MB} MB`);
      });
      stream.on('end', () => {
        const name = path.basename(info.filename || 'file').slice(0, 255);
        result = { name, data: Buffer.concat(chunks) };
      });
    });
    parser.on('error', (error: Error) => reject(new BadRequest(`Unreadable upload: ${error.message}`)));
    parser.on('close', () => {
      if (failure) reject(failure);
      else if (!result) reject(new BadRequest('No "file" part in the upload'));
      else resolve(result);
    });
    req.pipe(parser);
  });
}
