import mongoose from 'mongoose';
import { NotFound, VersionConflict } from '../../errors/index.ts';
import type { BaseDoc, NewDoc, Patch } from '../types.ts';
import { assertId, assertVersion, nowIso, prepareNew, preparePatch, uniqueConflict } from '../shared/docs.ts';
import type { RepoMeta } from '../shared/repos.ts';
import { duplicateFields, failedIndex, isDuplicateKey } from './errors.ts';
import { escapeKeys, fromMongoDoc, toMongoDoc } from './keys.ts';
import type { AnyModel } from './models.ts';
import { createKeyedLock } from '../shared/keyed-lock.ts';

export function createWrites<T extends BaseDoc>(model: AnyModel, meta: RepoMeta) {
  const withLock = createKeyedLock();
  /** After a conditional write touched nothing: say whether the document is missing or moved on. */
  const explainMiss = async (id: string, expectedVersion: number): Promise<never> => {
    const current = await model.findOne({ _id: id }, { version: 1 }).lean();
    if (!current) throw new NotFound(meta.entity, id);
    throw new VersionConflict(meta.entity, id, expectedVersion, current.version as number);
  };

  /**
   * All or none without transactions: an ordered insert stops at the first
   * failure; whatever went in before it is deleted again, then the error is
   * reported (a duplicate key as Conflict naming the field).
   */
  const insertAll = async (docs: NewDoc<T>[]): Promise<T[]> => {
    const now = nowIso();
    const prepared = docs.map((doc) => {
      const { id, body } = prepareNew(meta, doc);
      return { base: { id, version: 1, createdAt: now, updatedAt: now }, body };
    });
    if (prepared.length === 0) return [];
    const raws = prepared.map(({ base, body }) => toMongoDoc(base, body));
    try {
      await model.insertMany(raws, { ordered: true, lean: true });
      return prepared.map(({ base, body }) => ({ ...base, ...body }) as unknown as T);
    } catch (error) {
      const failed = failedIndex(error);
      const written = raws.slice(0, failed ?? raws.length).map((raw) => raw._id);
      const fields = isDuplicateKey(error)
        ? (duplicateFields(meta, error) ?? (await guessFields(raws[failed ?? 0]._id)))
        : null;
      // createdAt/version pin the cleanup to documents of this batch
      try {
        await model.deleteMany({ _id: mongoose.trusted({ $in: written }), createdAt: now, version: 1 });
      } catch (cleanupError) {
        const reason = (error as Error).message;
        throw new Error(
          `insertMany of ${meta.entity} failed (${reason}) and its partial batch could not be removed`,
          {
            cause: cleanupError,
          },
        );
      }
      throw fields ? uniqueConflict(meta, fields) : error;
    }
  };

  /** FerretDB does not say which index refused a document: an existing id means the id, otherwise the declared unique key. */
  const guessFields = async (id: unknown): Promise<string[]> =>
    (await model.exists({ _id: id })) || meta.unique.length === 0 ? ['id'] : meta.unique[0];

  return {
    async insert(doc: NewDoc<T>): Promise<T> {
      const [inserted] = await insertAll([doc]);
      return inserted;
    },

    async insertMany(docs: NewDoc<T>[]): Promise<T[]> {
      if (!Array.isArray(docs)) throw new TypeError('insertMany needs an array');
      return insertAll(docs);
    },

    async updateIfVersion(id: string, expectedVersion: number, patch: Patch<T>): Promise<T> {
      assertId(meta, id);
      assertVersion(meta, expectedVersion);
      const set = {
        ...escapeKeys(preparePatch(meta, patch)),
        version: expectedVersion + 1,
        updatedAt: nowIso(),
      };
      let raw: Record<string, unknown> | null;
      try {
        raw = await withLock(id, () =>
          model
            .findOneAndUpdate(
              { _id: id, version: expectedVersion },
              { $set: set },
              { returnDocument: 'after' },
            )
            .lean(),
        );
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        throw uniqueConflict(meta, duplicateFields(meta, error) ?? meta.unique[0] ?? ['id']);
      }
      return raw ? fromMongoDoc<T>(raw) : explainMiss(id, expectedVersion);
    },

    async delete(id: string, expectedVersion?: number): Promise<void> {
      assertId(meta, id);
      if (expectedVersion !== undefined) assertVersion(meta, expectedVersion);
      const filter = expectedVersion === undefined ? { _id: id } : { _id: id, version: expectedVersion };
      const { deletedCount } = await withLock(id, () => model.deleteOne(filter));
      if (deletedCount === 0) await explainMiss(id, expectedVersion ?? 0);
    },
  };
}
