import type { Response } from 'express';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { NotFound, UnsupportedMediaType } from '../errors/index.ts';
import { created, defineRoute, type RouteDef } from '../http/route.ts';
import type { Services } from '../services.ts';
import type { MongoStore } from '../store/mongo/index.ts';
import { createFsBlobStore } from './fs-blob-store.ts';
import { createGridFsBlobStore } from './gridfs-blob-store.ts';
import { MAX_MB, readUpload } from './read-upload.ts';
import { PREVIEW_TYPES, sniffType } from './sniff.ts';
import type { BlobMeta, BlobStore } from './types.ts';
import type { User } from '../store/types.ts';
import { isAdmin } from '../auth/permissions.ts';
import { canSeeRecord } from '../forms/grants.ts';

const blobSchema = {
  type: 'object',
  required: ['id', 'name', 'size', 'type'],
  properties: {
    id: { type: 'string', pattern: '^[a-f0-9]{32}$' },
    name: { type: 'string' },
    size: { type: 'integer' },
    type: { type: 'string', description: 'the type found in the content, not the declared one' },
  },
};

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
 * `/blobs` is one of the body guard's UPLOAD_PATHS: the upload is read here, not as JSON.
 */
export function blobRoutes(services: Services, blobs: BlobStore = createBlobStore(services)): RouteDef[] {
  return [
    defineRoute({
      method: 'post',
      path: '/blobs',
      permission: 'signedIn',
      summary: `Upload one file (multipart/form-data, one "file" part, at most ${MAX_MB} MB); its type is decided from its content — images, PDF, Office documents, plain text; SVG, HTML and unknown binary are refused with 415`,
      tag: 'files',
      response: { status: 201, schema: blobSchema },
      handler: async ({ req, auth }) => {
        const upload = await readUpload(req);
        const type = sniffType(upload.data, upload.name);
        if (!type)
          throw new UnsupportedMediaType(
            `"${upload.name}" is not an accepted file type (images, PDF, Office documents, plain text)`,
          );
        const meta = await blobs.put({
          meta: { name: upload.name, size: upload.data.length, type, createdBy: auth.user.id },
          data: upload.data,
        });
        return created(
          { id: meta.id, name: meta.name, size: meta.size, type: meta.type },
          `/api/v1/blobs/${meta.id}`,
        );
      },
    }),
    defineRoute({
      method: 'get',
      path: '/blobs/:id',
      permission: 'signedIn',
      summary:
        'Download a file: readable by its uploader, admins, and whoever may see the record it is attached to (404 for anyone else); served with nosniff and a sandbox CSP, inline only for PNG, JPEG and GIF',
      tag: 'files',
      response: { status: 200, description: 'The file, with its stored type' },
      handler: async ({ auth, params, res }) => {
        const found = await blobs.get(params.id);
        // someone else's file answers 404 like a missing one, so ids cannot be probed
        if (!found || !(await mayRead(services, auth.user, found.meta))) {
          found?.stream.destroy();
          throw new NotFound('file', params.id);
        }
        await sendFile(res, found.meta, found.stream);
      },
    }),
  ];
}

async function sendFile(res: Response, meta: BlobMeta, stream: Readable): Promise<void> {
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
  try {
    await pipeline(stream, res);
  } catch (error) {
    // once bytes are on their way there is no problem document to send: cut the connection
    if (!res.headersSent) throw error;
    res.destroy();
  }
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
