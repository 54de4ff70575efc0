import Database from 'better-sqlite3';
import type { BaseDoc } from '../types.ts';
import { uniqueConflict } from '../shared/docs.ts';
import type { RepoMeta } from '../shared/repos.ts';

export type Db = Database.Database;

/** What the repositories of one SQLite store share: the handle and a statement cache. */
export interface SqliteContext {
  db: Db;
  prepare(sql: string): Database.Statement;
}

export interface Row {
  id: string;
  version: number;
  created_at: string;
  updated_at: string;
  doc: string;
}

const MAX_CACHED_STATEMENTS = 300;

export function createContext(db: Db): SqliteContext {
  const cache = new Map<string, Database.Statement>();
  return {
    db,
    prepare(sql) {
      let statement = cache.get(sql);
      if (!statement) {
        if (cache.size >= MAX_CACHED_STATEMENTS) cache.clear();
        statement = db.prepare(sql);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}

export const ROW_COLUMNS = 'id, version, created_at, updated_at, doc';

export function fromRow<T extends BaseDoc>(row: Row): T {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(JSON.parse(row.doc) as object),
  } as T;
}

/** Unique-index violations become Conflict naming the fields; anything else is rethrown as is. */
export function translateWriteError(meta: RepoMeta, error: unknown): unknown {
  if (!(error instanceof Database.SqliteError)) return error;
  if (error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return uniqueConflict(meta, ['id']);
  if (error.code !== 'SQLITE_CONSTRAINT_UNIQUE') return error;
  const index = /index '([^']+)'/.exec(error.message)?.[1];
  const fields = meta.unique.find((f) => `${meta.table}_${f.join('_')}_uq` === index);
  return uniqueConflict(meta, fields ?? ['id']);
}
