import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import mongoose from 'mongoose';
import type { Connection } from 'mongoose';
import type { BlobMeta, BlobStore } from './types.ts';

const ID = /^[a-f0-9]{32}$/;

/** Blobs in GridFS (bucket `blobs`) on the store's own MongoDB connection; our id is the file name. */
export function createGridFsBlobStore(connection: Connection): BlobStore {
  const bucket = () => new mongoose.mongo.GridFSBucket(connection.db!, { bucketName: 'blobs' });
  return {
    async put({ meta, data }) {
      const id = randomBytes(16).toString('hex');
      const full: BlobMeta = { ...meta, id, createdAt: new Date().toISOString() };
      await pipeline(Readable.from([data]), bucket().openUploadStream(id, { metadata: full }));
      return full;
    },
    async get(id) {
      if (!ID.test(id)) return null;
      const [file] = await bucket().find({ filename: id }).limit(1).toArray();
      if (!file) return null;
      return { meta: file.metadata as BlobMeta, stream: bucket().openDownloadStream(file._id) };
    },
    async link({ id, recordId, uploaderId }) {
      if (!ID.test(id)) return;
      await connection
        .db!.collection('blobs.files')
        .updateOne(
          { filename: id, 'metadata.createdBy': uploaderId, 'metadata.recordId': { $exists: false } },
          { $set: { 'metadata.recordId': recordId } },
        );
    },
  };
}
