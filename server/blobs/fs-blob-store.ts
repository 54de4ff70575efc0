import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BlobMeta, BlobStore } from './types.ts';

const ID = /^[a-f0-9]{32}$/;

/** Blobs as files under `<dataDir>/blobs/<2 chars>/<id>` with a `<id>.json` beside each. */
export function createFsBlobStore(dir: string): BlobStore {
  const fileOf = (id: string) => path.join(dir, id.slice(0, 2), id);
  const readMeta = async (id: string): Promise<BlobMeta | null> => {
    try {
      return JSON.parse(await readFile(`${fileOf(id)}.json`, 'utf8')) as BlobMeta;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  };
  return {
    async put({ meta, data }) {
      const id = randomBytes(16).toString('hex');
      const full: BlobMeta = { ...meta, id, createdAt: new Date().toISOString() };
      await mkdir(path.dirname(fileOf(id)), { recursive: true });
      await writeFile(fileOf(id), data, { flag: 'wx' });
      await writeFile(`${fileOf(id)}.json`, JSON.stringify(full), { flag: 'wx' });
      return full;
    },
    async get(id) {
      if (!ID.test(id)) return null;
      const meta = await readMeta(id);
      return meta ? { meta, stream: createReadStream(fileOf(id)) } : null;
    },
    async link({ id, recordId, uploaderId }) {
      if (!ID.test(id)) return;
      const meta = await readMeta(id);
      if (!meta || meta.recordId || meta.createdBy !== uploaderId) return;
      await writeFile(`${fileOf(id)}.json`, JSON.stringify({ ...meta, recordId }));
    },
  };
}
