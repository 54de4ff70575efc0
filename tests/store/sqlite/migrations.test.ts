import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../server/store/index.ts';
import {
  appliedSqliteMigrations,
  createSqliteStore,
  migrateSqlite,
  MIGRATIONS,
} from '../../../server/store/sqlite/index.ts';

describe('sqlite migrations', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'fw-sqlite-migrations-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('records every migration when a new database is opened', async () => {
    const store = await createSqliteStore({ file: path.join(dir, 'formwork.db') });
    const applied = appliedSqliteMigrations(store.db);
    expect(applied.map((m) => m.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(applied.every((m) => m.name && !Number.isNaN(Date.parse(m.appliedAt)))).toBe(true);
    await store.close();
  });

  it('does not re-apply recorded migrations when the database is opened again', async () => {
    // given
    const file = path.join(dir, 'formwork.db');
    const first = await createSqliteStore({ file });
    const user = await first.users.insert({ username: 'ann', displayName: 'Ann', roles: [], isActive: true });
    const before = appliedSqliteMigrations(first.db);
    await first.close();
    // when
    const second = await createSqliteStore({ file });
    // then
    expect(appliedSqliteMigrations(second.db)).toEqual(before);
    expect(migrateSqlite(second.db)).toEqual([]);
    expect(await second.users.getOrThrow(user.id)).toEqual(user);
    await second.close();
  });

  it('refuses a database migrated by a newer Formwork', async () => {
    const file = path.join(dir, 'formwork.db');
    (await createSqliteStore({ file })).db.close();
    const db = new Database(file);
    db.prepare(
      `INSERT INTO schema_migrations(version, name, applied_at) VALUES (999, 'future', '2999-01-01')`,
    ).run();
    db.close();
    await expect(createSqliteStore({ file })).rejects.toThrow(/newer/);
  });

  it('opens SQLite at <dataDir>/formwork.db, creating the directory, when no MongoDB URI is set', async () => {
    const dataDir = path.join(dir, 'nested', 'data');
    const store = await openStore({ dataDir, mongodbUri: null });
    expect(store.kind).toBe('sqlite');
    await store.users.insert({ username: 'x', displayName: 'X', roles: [], isActive: true });
    await store.close();
    const db = new Database(path.join(dataDir, 'formwork.db'), { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 1 });
    db.close();
  });
});
