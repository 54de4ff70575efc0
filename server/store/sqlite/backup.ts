import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BadRequest } from '../../errors/index.ts';
import { COUNTERS_TABLE, REPOS, REPO_NAMES } from '../shared/repos.ts';
import type { Db } from './context.ts';
import { appliedSqliteMigrations, migrateSqlite } from './migrations.ts';

const DOC_COLUMNS = 'id, version, created_at, updated_at, doc';
const COPIED: [table: string, columns: string][] = [
  ...REPO_NAMES.map((name): [string, string] => [REPOS[name].table, DOC_COLUMNS]),
  [COUNTERS_TABLE, 'name, value'],
];

/** Online backup to a standalone .db file (consistent even while writes go on). */
export async function backupSqlite(db: Db, file: string): Promise<void> {
  await db.backup(file);
}

/**
 * Replaces every table's rows with those of a backup, in one transaction on
 * the open handle, so the store stays usable. The backup is migrated on a
 * temporary copy first; record data indexes it had are recreated.
 */
export async function restoreSqlite(db: Db, file: string): Promise<void> {
  if (!existsSync(file)) throw new BadRequest(`backup file ${file} does not exist`);
  const dir = mkdtempSync(path.join(tmpdir(), 'formwork-restore-'));
  const copy = path.join(dir, 'restore.db');
  try {
    copyFileSync(file, copy);
    const dataIndexes = prepareCopy(copy, file);
    db.prepare('ATTACH DATABASE ? AS restore_src').run(copy);
    try {
      db.transaction(() => {
        for (const [table, columns] of COPIED) {
          db.exec(`DELETE FROM main.${table}`);
          db.exec(`INSERT INTO main.${table} (${columns}) SELECT ${columns} FROM restore_src.${table}`);
        }
        const has = db.prepare(`SELECT 1 FROM main.sqlite_master WHERE type = 'index' AND name = ?`);
        for (const { name, sql } of dataIndexes) if (!has.get(name)) db.exec(sql);
      })();
    } finally {
      db.exec('DETACH DATABASE restore_src');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function prepareCopy(copy: string, original: string): { name: string; sql: string }[] {
  let source: Db;
  try {
    source = new Database(copy, { fileMustExist: true });
  } catch (error) {
    throw new BadRequest(`${original} is not a SQLite database: ${(error as Error).message}`);
  }
  try {
    if (appliedSqliteMigrations(source).length === 0)
      throw new BadRequest(`${original} is not a Formwork SQLite backup`);
    migrateSqlite(source);
    return source
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name GLOB 'records_data_*'`)
      .all() as { name: string; sql: string }[];
  } catch (error) {
    if (error instanceof Database.SqliteError)
      throw new BadRequest(`${original} is not a SQLite database: ${error.message}`);
    throw error;
  } finally {
    source.close();
  }
}
