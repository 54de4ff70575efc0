import busboy from 'busboy';
import { Router } from 'express';
import type { Request, Response } from 'express';
import path from 'node:path';
import {
  BadRequest,
  NotFound,
  PayloadTooLarge,
  Unauthorized,
  UnsupportedMediaType,
} from '../errors/index.ts';
import type { Services } from '../services.ts';
import type { MongoStore } from '../store/mongo/index.ts';
import { createFsBlobStore } from './fs-blob-store.ts';
import { createGridFsBlobStore } from './gridfs-blob-store.ts';
import { PREVIEW_TYPES, sniffType } from './sniff.ts';
import type { BlobMeta, BlobStore } from './types.ts';
import type { User } from '../store/types.ts';
import { isAdmin } from '../auth/permissions.ts';
import { canSeeRecord } from '../forms/grants.ts';

const MAX_MB = Number(process.env.FORMWORK_MAX_UPLOAD_MB ?? 20);

export function createBlobStore(services: Services): BlobStore {
  const { store, config } = services;
  return store.kind === 'mongo'
    ? createGridFsBlobStore((store as MongoStore).connection)
    : createFsBlobStore(path.join(config.dataDir, 'blobs'));
}

/**
 * `POST /blobs` (multipart, one `file` part) → 201 `{ id, name, size, type }`, size and type
 * checked on the content; `GET /blobs/:id` streams it back — inline only for png/jpeg/gif,
 * everything else as a download, never sniffed by the browser, never able to run script.
 * Mounted after authentication (cookie + CSRF, or Bearer) and before the JSON-only body guard.
 */
export function blobRoutes(services: Services, blobs: BlobStore = createBlobStore(services)): Router {
  const router = Router();
  router.post('/', async (req, res) => {
    const user = req.auth?.user;
    if (!user) throw new Unauthorized('Sign in to upload files');
    const upload = await readUpload(req);
    const type = sniffType(upload.data, upload.name);
    if (!type)
      throw new UnsupportedMediaType(
        `"${upload.name}" is not an accepted file type (images, PDF, Office documents, plain text)`,
      );
    const meta = await blobs.put({
      meta: { name: upload.name, size: upload.data.length, type, createdBy: user.id },
      data: upload.data,
    });
    res
      .status(201)
      .location(`/api/v1/blobs/${meta.id}`)
      .json({ id: meta.id, name: meta.name, size: meta.size, type: meta.type });
  });
  router.get('/:id', async (req: Request<{ id: string }>, res: Response) => {
    const user = req.auth?.user;
    if (!user) throw new Unauthorized('Sign in to read files');
    const found = await blobs.get(req.params.id);
    // someone else's file answers 404 like a missing one, so ids cannot be probed
    if (!found || !(await mayRead(services, user, found.meta))) throw new NotFound('file', req.params.id);
    const { meta, stream } = found;
    const isInline = PREVIEW_TYPES.has(meta.type);
    res.setHeader('Content-Type', meta.type);
    res.setHeader('Content-Length', String(meta.size));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Cache-Control', 'private, max-age=3600');
    res.setHeader(
      'Content-Disposition',
      `${isInline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(meta.name)}`,
    );
    stream.pipe(res);
  });
  return router;
}

/** The uploader, an admin, or whoever may see the record the file is attached to. */
async function mayRead(services: Services, user: User, meta: BlobMeta): Promise<boolean> {
  if (meta.createdBy === user.id || isAdmin(user)) return true;
  if (!meta.recordId) return false;
  const record = await services.store.records.get(meta.recordId);
  if (!record) return false;
  const form = await services.store.forms.get(record.formId);
  return form !== null && canSeeRecord(user, form, record);
}

function readUpload(req: Request): Promise<{ name: string; data: Buffer }> {
  if (!req.is('multipart/form-data'))
    throw new UnsupportedMediaType('Upload files as multipart/form-data with one "file" part');
  return new Promise((resolve, reject) => {
    const parser = busboy({
      headers: req.headers,
      limits: { files: 1, fileSize: MAX_MB * 1024 * 1024, fields: 0 },
    });
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
