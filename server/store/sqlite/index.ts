import Database from 'better-sqlite3';
import { BadRequest } from '../../errors/index.ts';
import type { ListQuery, Store } from '../types.ts';
import { dataIndexName, isDataKey } from '../shared/fields.ts';
import { checkListQuery } from '../shared/query.ts';
import { REPOS, REPO_NAMES } from '../shared/repos.ts';
import type { RepoName } from '../shared/repos.ts';
import { backupSqlite, restoreSqlite } from './backup.ts';
import { createContext } from './context.ts';
import { jsonPath, migrateSqlite } from './migrations.ts';
import { buildListSql } from './reads.ts';
import { createSqliteRepository } from './repository.ts';

export { appliedSqliteMigrations, migrateSqlite, MIGRATIONS } from './migrations.ts';
export type { AppliedMigration, Migration } from './migrations.ts';

export interface SqliteStore extends Store {
  readonly kind: 'sqlite';
  /** the open handle, for the migrate CLI and diagnostics */
  readonly db: Database.Database;
  /** `EXPLAIN QUERY PLAN` details of the statement `list(query)` runs */
  explainList(repo: RepoName, query?: ListQuery): string[];
}

const BUSY_TIMEOUT_MS = 5000;
const MAX_SEQUENCE_NAME = 200;

export async function createSqliteStore({ file }: { file: string }): Promise<SqliteStore> {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('synchronous = NORMAL');
    migrateSqlite(db);
    // planner statistics for the expression indexes, as SQLite advises for long-lived connections
    db.pragma('optimize = 0x10002');
  } catch (error) {
    db.close();
    throw error;
  }
  const ctx = createContext(db);
  const repositories = Object.fromEntries(
    REPO_NAMES.map((name) => [name, createSqliteRepository(ctx, REPOS[name])]),
  );

  return {
    kind: 'sqlite',
    db,
    ...(repositories as Pick<Store, RepoName>),

    async ensureRecordIndexes(formId, keys) {
      if (typeof formId !== 'string' || !formId) throw new BadRequest('ensureRecordIndexes needs a form id');
      const bad = keys.find((key) => !isDataKey(key));
      if (bad !== undefined)
        throw new BadRequest(`cannot index data key ${JSON.stringify(bad)}`, { field: `data.${bad}` });
      // one index per key serves every form: its first column is form_id
      for (const key of keys) {
        db.exec(
          `CREATE INDEX IF NOT EXISTS "${dataIndexName(key)}" ON records(form_id, ${jsonPath(`data.${key}`)})`,
        );
      }
    },

    async nextSequence(name) {
      if (typeof name !== 'string' || !name || name.length > MAX_SEQUENCE_NAME)
        throw new BadRequest('invalid sequence name');
      const row = ctx
        .prepare(
          `INSERT INTO counters(name, value) VALUES (?, 1)
           ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value`,
        )
        .get(name) as { value: number };
      return row.value;
    },

    async ping() {
      ctx.prepare('SELECT 1').get();
    },

    backup: (path) => backupSqlite(db, path),
    restore: (path) => restoreSqlite(db, path),

    async close() {
      if (!db.open) return;
      db.pragma('optimize');
      db.close();
    },

    explainList(repo, query) {
      const meta = REPOS[repo];
      const { sql, params } = buildListSql(meta, checkListQuery(meta, query));
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
      return plan.map((step) => step.detail);
    },
  };
}
