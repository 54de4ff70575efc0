import type Database from 'better-sqlite3';

type Db = Database.Database;

export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}

export interface AppliedMigration {
  version: number;
  name: string;
  appliedAt: string;
}

/*
 * Migrations are frozen once released: a later change to QUERYABLE or UNIQUE
 * needs a new migration, never an edit here (tests/store/contract checks that
 * every queryable path has an index).
 */
const V1_TABLES: Record<string, { indexed: string[]; unique: string[][] }> = {
  users: { indexed: ['displayName', 'email', 'departmentId', 'isActive'], unique: [['username']] },
  departments: { indexed: ['name', 'parentId', 'headUserId'], unique: [] },
  roles: { indexed: [], unique: [['name']] },
  delegations: { indexed: ['fromUserId', 'toUserId', 'startsAt', 'endsAt'], unique: [] },
  api_tokens: { indexed: ['userId', 'name'], unique: [['tokenHash']] },
  sessions: { indexed: ['userId', 'expiresAt'], unique: [['tokenHash']] },
  audit_events: { indexed: ['actorId', 'action', 'targetType', 'targetId'], unique: [] },
  forms: { indexed: ['title', 'createdBy', 'publishedVersion', 'isArchived'], unique: [] },
  form_versions: { indexed: ['number'], unique: [['formId', 'number']] },
  records: { indexed: ['formVersion', 'status', 'createdBy', 'importId'], unique: [] },
};

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'documents tables, indexes and counters',
    up(db) {
      for (const [table, { indexed, unique }] of Object.entries(V1_TABLES)) {
        const formId =
          table === 'records'
            ? `, form_id TEXT GENERATED ALWAYS AS (json_extract(doc, '$.formId')) VIRTUAL`
            : '';
        db.exec(`CREATE TABLE ${table} (
          id TEXT PRIMARY KEY, version INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
          doc TEXT NOT NULL CHECK (json_valid(doc))${formId})`);
        db.exec(`CREATE INDEX ${table}_created_at ON ${table}(created_at)`);
        for (const path of indexed) {
          db.exec(`CREATE INDEX ${table}_${path} ON ${table}(${jsonPath(path)})`);
        }
        for (const fields of unique) {
          db.exec(
            `CREATE UNIQUE INDEX ${table}_${fields.join('_')}_uq ON ${table}(${fields.map(jsonPath).join(', ')})`,
          );
        }
      }
      db.exec(`CREATE INDEX records_form_created ON records(form_id, created_at)`);
      db.exec(`CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)`);
    },
  },
  {
    version: 2,
    name: 'record participants side table',
    up(db) {
      // Index-backed "records this user is involved in"; kept in step by triggers.
      db.exec(`
        CREATE TABLE record_participants (
          user_id TEXT NOT NULL, record_id TEXT NOT NULL, PRIMARY KEY (user_id, record_id)
        ) WITHOUT ROWID;
        CREATE INDEX record_participants_record ON record_participants(record_id);
        CREATE TRIGGER records_participants_insert AFTER INSERT ON records BEGIN
          INSERT OR IGNORE INTO record_participants(user_id, record_id)
            SELECT value, NEW.id FROM json_each(NEW.doc, '$.participants') WHERE type = 'text';
        END;
        CREATE TRIGGER records_participants_update AFTER UPDATE OF doc ON records
          WHEN json_extract(OLD.doc, '$.participants') IS NOT json_extract(NEW.doc, '$.participants') BEGIN
          DELETE FROM record_participants WHERE record_id = OLD.id;
          INSERT OR IGNORE INTO record_participants(user_id, record_id)
            SELECT value, NEW.id FROM json_each(NEW.doc, '$.participants') WHERE type = 'text';
        END;
        CREATE TRIGGER records_participants_delete AFTER DELETE ON records BEGIN
          DELETE FROM record_participants WHERE record_id = OLD.id;
        END;
        INSERT OR IGNORE INTO record_participants(user_id, record_id)
          SELECT j.value, r.id FROM records r, json_each(r.doc, '$.participants') j WHERE j.type = 'text';`);
    },
  },
  {
    version: 3,
    name: 'data import jobs and their chunks',
    up(db) {
      const tables: Record<string, string[]> = {
        import_jobs: ['formId', 'createdBy', 'state'],
        import_chunks: ['importId', 'kind', 'seq'],
      };
      for (const [table, indexed] of Object.entries(tables)) {
        db.exec(`CREATE TABLE ${table} (
          id TEXT PRIMARY KEY, version INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
          doc TEXT NOT NULL CHECK (json_valid(doc)))`);
        db.exec(`CREATE INDEX ${table}_created_at ON ${table}(created_at)`);
        for (const path of indexed) db.exec(`CREATE INDEX ${table}_${path} ON ${table}(${jsonPath(path)})`);
      }
    },
  },
];

/** Applies the migrations not yet recorded in `schema_migrations`, each in its own transaction; returns the versions applied now. */
export function migrateSqlite(db: Db): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const done = new Set(appliedSqliteMigrations(db).map((m) => m.version));
  const newest = Math.max(0, ...done);
  const known = MIGRATIONS[MIGRATIONS.length - 1].version;
  if (newest > known) {
    throw new Error(`database schema version ${newest} is newer than this Formwork (knows up to ${known})`);
  }
  const applied: number[] = [];
  for (const migration of MIGRATIONS) {
    if (done.has(migration.version)) continue;
    db.transaction(() => {
      migration.up(db);
      db.prepare('INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
    })();
    applied.push(migration.version);
  }
  return applied;
}

export function appliedSqliteMigrations(db: Db): AppliedMigration[] {
  const hasTable = db
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`)
    .get();
  if (!hasTable) return [];
  return db
    .prepare('SELECT version, name, applied_at AS appliedAt FROM schema_migrations ORDER BY version')
    .all() as AppliedMigration[];
}

/** The SQL expression for a JSON path of `doc`; adapters must build query expressions the same way for indexes to apply. */
export function jsonPath(path: string): string {
  return `json_extract(doc, '$.${path}')`;
}
