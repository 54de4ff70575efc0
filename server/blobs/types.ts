import type { Readable } from 'node:stream';

/** What is known about one stored file; `type` is the type found in its content, never the client's claim. */
export interface BlobMeta {
  id: string;
  name: string;
  size: number;
  type: string;
  createdBy: string;
  createdAt: string;
  /** the record the file was attached to; who may see that record may read the file */
  recordId?: string;
}

/** One port, two adapters: files under the data dir (SQLite deployments) or GridFS (MongoDB). */
export interface BlobStore {
  put(input: { meta: Omit<BlobMeta, 'id' | 'createdAt'>; data: Buffer }): Promise<BlobMeta>;
  /** null when there is no such blob */
  get(id: string): Promise<{ meta: BlobMeta; stream: Readable } | null>;
  /**
   * Ties a blob uploaded by `uploaderId` and not yet attached to the record (first record wins);
   * unknown ids and other people's files are ignored.
   */
  link(input: { id: string; recordId: string; uploaderId: string }): Promise<void>;
}
