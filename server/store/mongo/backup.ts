import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import readline from 'node:readline';
import { BadRequest } from '../../errors/index.ts';
import { COUNTERS_TABLE, REPOS, REPO_NAMES } from '../shared/repos.ts';
import { escapeKeys, fromMongoDoc } from './keys.ts';
import type { AnyModel, Models } from './models.ts';

interface BackupLine {
  collection: string;
  doc: Record<string, unknown>;
}

const BATCH = 500;

/**
 * One JSON line `{"collection": …, "doc": …}` per document, in the callers'
 * shape (`id`, unescaped keys). Collections are read one after another, so
 * the copy is not a point-in-time snapshot while writes go on.
 */
export async function backupMongo(models: Models, file: string): Promise<void> {
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  try {
    for (const [collection, model] of collections(models)) {
      for await (const raw of model.find({}).sort({ _id: 1 }).lean().cursor()) {
        const doc =
          collection === COUNTERS_TABLE ? { id: raw._id, value: raw.value } : fromMongoDoc(raw as never);
        if (!out.write(`${JSON.stringify({ collection, doc })}\n`)) await once(out, 'drain');
      }
    }
    out.end();
    await once(out, 'finish');
    await rename(partial, file);
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}

/** Checks the whole file first, then empties every collection and re-inserts the backup's documents. */
export async function restoreMongo(models: Models, file: string): Promise<void> {
  const byName = new Map(collections(models));
  for await (const line of readLines(file)) toStored(byName, line); // validation pass: throws before anything is deleted
  for (const model of byName.values()) await model.deleteMany({});
  const pending = new Map<string, Record<string, unknown>[]>();
  const flush = async (collection: string) => {
    const docs = pending.get(collection) ?? [];
    pending.set(collection, []);
    if (docs.length) await byName.get(collection)!.insertMany(docs, { ordered: true, lean: true });
  };
  for await (const line of readLines(file)) {
    const { collection, stored } = toStored(byName, line);
    const batch = pending.get(collection) ?? [];
    batch.push(stored);
    pending.set(collection, batch);
    if (batch.length >= BATCH) await flush(collection);
  }
  for (const collection of pending.keys()) await flush(collection);
}

function collections(models: Models): [string, AnyModel][] {
  return [
    ...REPO_NAMES.map((name): [string, AnyModel] => [REPOS[name].table, models.repos[name]]),
    [COUNTERS_TABLE, models.counters],
  ];
}

async function* readLines(file: string): AsyncGenerator<string> {
  const input = createReadStream(file);
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) if (line.trim()) yield line;
  } catch (error) {
    throw new BadRequest(`cannot read backup ${file}: ${(error as Error).message}`);
  } finally {
    lines.close();
    input.destroy();
  }
}

function toStored(
  byName: Map<string, AnyModel>,
  line: string,
): { collection: string; stored: Record<string, unknown> } {
  let parsed: BackupLine;
  try {
    parsed = JSON.parse(line) as BackupLine;
  } catch {
    throw new BadRequest('backup line is not JSON');
  }
  const { collection, doc } = parsed ?? {};
  if (typeof collection !== 'string' || !byName.has(collection))
    throw new BadRequest(`backup names an unknown collection ${collection}`);
  if (doc === null || typeof doc !== 'object' || typeof doc.id !== 'string')
    throw new BadRequest('backup document without id');
  const { id, ...rest } = doc;
  const stored =
    collection === COUNTERS_TABLE ? { _id: id, value: rest.value } : { _id: id, ...escapeKeys(rest) };
  return { collection, stored };
}
