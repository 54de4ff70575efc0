import { createKeyedLock } from '../shared/keyed-lock.ts';
import mongoose from 'mongoose';
import type { Connection } from 'mongoose';
import { BadRequest } from '../../errors/index.ts';
import type { Store } from '../types.ts';
import { dataIndexName, isDataKey } from '../shared/fields.ts';
import { REPOS, REPO_NAMES } from '../shared/repos.ts';
import type { RepoName } from '../shared/repos.ts';
import { backupMongo, restoreMongo } from './backup.ts';
import { isDuplicateKey } from './errors.ts';
import { createModels } from './models.ts';
import { createMongoRepository } from './repository.ts';

export interface MongoStore extends Store {
  readonly kind: 'mongo';
  /** the dedicated connection (not mongoose's global one) */
  readonly connection: Connection;
}

const MAX_SEQUENCE_NAME = 200;
const UPSERT_RETRIES = 5;

export async function createMongoStore({
  uri,
  dbName,
}: {
  uri: string;
  dbName?: string;
}): Promise<MongoStore> {
  const connection = mongoose.createConnection(uri, {
    ...(dbName ? { dbName } : {}),
    serverSelectionTimeoutMS: 10_000,
  });
  connection.set('sanitizeFilter', true);
  await connection.asPromise();
  const models = createModels(connection);
  const withSequenceLock = createKeyedLock();
  try {
    await Promise.all([...Object.values(models.repos), models.counters].map((model) => model.init()));
  } catch (error) {
    await connection.close();
    throw error;
  }
  const repositories = Object.fromEntries(
    REPO_NAMES.map((name) => [name, createMongoRepository(models.repos[name], REPOS[name])]),
  );

  return {
    kind: 'mongo',
    connection,
    ...(repositories as Pick<Store, RepoName>),

    async ensureRecordIndexes(formId, keys) {
      if (typeof formId !== 'string' || !formId) throw new BadRequest('ensureRecordIndexes needs a form id');
      const bad = keys.find((key) => !isDataKey(key));
      if (bad !== undefined)
        throw new BadRequest(`cannot index data key ${JSON.stringify(bad)}`, { field: `data.${bad}` });
      for (const key of keys) {
        await models.repos.records.collection.createIndex(
          { formId: 1, [`data.${key}`]: 1 },
          { name: dataIndexName(key) },
        );
      }
    },

    async nextSequence(name) {
      if (typeof name !== 'string' || !name || name.length > MAX_SEQUENCE_NAME)
        throw new BadRequest('invalid sequence name');
      for (let attempt = 1; ; attempt++) {
        try {
          const counter = await withSequenceLock(name, () =>
            models.counters
              .findOneAndUpdate(
                { _id: name },
                { $inc: { value: 1 } },
                { upsert: true, returnDocument: 'after' },
              )
              .lean(),
          );
          return counter!.value as number;
        } catch (error) {
          // two first calls racing to create the counter: one insert loses, the retry increments
          if (!isDuplicateKey(error) || attempt >= UPSERT_RETRIES) throw error;
        }
      }
    },

    async ping() {
      await connection.db!.admin().ping();
    },

    backup: (path) => backupMongo(models, path),
    restore: (path) => restoreMongo(models, path),

    async close() {
      await connection.close();
    },
  };
}
