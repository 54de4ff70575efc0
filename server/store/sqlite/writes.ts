import { NotFound, VersionConflict } from '../../errors/index.ts';
import type { BaseDoc, NewDoc, Patch } from '../types.ts';
import { assertId, assertVersion, nowIso, prepareNew, preparePatch } from '../shared/docs.ts';
import type { RepoMeta } from '../shared/repos.ts';
import { fromRow, ROW_COLUMNS, translateWriteError } from './context.ts';
import type { Row, SqliteContext } from './context.ts';

export function createWrites<T extends BaseDoc>(ctx: SqliteContext, meta: RepoMeta) {
  const { table } = meta;
  const insertSql = `INSERT INTO ${table} (id, version, created_at, updated_at, doc) VALUES (?, 1, ?, ?, ?)`;

  // The body is already a fresh JSON round trip, so it is exactly what a read would return:
  // no RETURNING and no re-parse (a tenth of an import's commit time).
  const insertOne = (doc: NewDoc<T>): T => {
    const { id, body } = prepareNew(meta, doc);
    const now = nowIso();
    ctx.prepare(insertSql).run(id, now, now, JSON.stringify(body));
    return { id, version: 1, createdAt: now, updatedAt: now, ...body } as unknown as T;
  };
  const insertAll = ctx.db.transaction((docs: NewDoc<T>[]) => docs.map(insertOne));

  /** After a conditional write touched no row: say whether the row is missing or moved on. */
  const explainMiss = (id: string, expectedVersion: number): never => {
    const row = ctx.prepare(`SELECT version FROM ${table} WHERE id = ?`).get(id) as
      { version: number } | undefined;
    if (!row) throw new NotFound(meta.entity, id);
    throw new VersionConflict(meta.entity, id, expectedVersion, row.version);
  };

  return {
    async insert(doc: NewDoc<T>): Promise<T> {
      try {
        return insertOne(doc);
      } catch (error) {
        throw translateWriteError(meta, error);
      }
    },

    async insertMany(docs: NewDoc<T>[]): Promise<T[]> {
      if (!Array.isArray(docs)) throw new TypeError('insertMany needs an array');
      try {
        return insertAll(docs);
      } catch (error) {
        throw translateWriteError(meta, error);
      }
    },

    async updateIfVersion(id: string, expectedVersion: number, patch: Patch<T>): Promise<T> {
      assertId(meta, id);
      assertVersion(meta, expectedVersion);
      const body = preparePatch(meta, patch);
      const keys = Object.keys(body);
      const params: unknown[] = [nowIso()];
      for (const key of keys) params.push(`$.${key}`, JSON.stringify(body[key]));
      const newDoc = keys.length ? `json_set(doc${', ?, json(?)'.repeat(keys.length)})` : 'doc';
      const sql = `UPDATE ${table} SET version = version + 1, updated_at = ?, doc = ${newDoc}
        WHERE id = ? AND version = ? RETURNING ${ROW_COLUMNS}`;
      let row: Row | undefined;
      try {
        row = ctx.prepare(sql).get(...params, id, expectedVersion) as Row | undefined;
      } catch (error) {
        throw translateWriteError(meta, error);
      }
      return row ? fromRow<T>(row) : explainMiss(id, expectedVersion);
    },

    async delete(id: string, expectedVersion?: number): Promise<void> {
      assertId(meta, id);
      if (expectedVersion !== undefined) assertVersion(meta, expectedVersion);
      const { changes } =
        expectedVersion === undefined
          ? ctx.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id)
          : ctx.prepare(`DELETE FROM ${table} WHERE id = ? AND version = ?`).run(id, expectedVersion);
      if (changes === 0) explainMiss(id, expectedVersion ?? 0);
    },
  };
}
