import { QUERYABLE, UNIQUE } from '../types.ts';
import type { Repository, Store } from '../types.ts';

/** Names of the repositories of a `Store` (`users`, `records`, …). */
export type RepoName = keyof typeof QUERYABLE;

/** The document type a repository holds, e.g. `DocOf<'users'>` is `User`. */
export type DocOf<R extends RepoName> = Store[R] extends Repository<infer T> ? T : never;

/** What both adapters need to know about one repository. */
export interface RepoMeta {
  name: RepoName;
  /** singular noun used in error messages: `user`, `form version` */
  entity: string;
  /** SQLite table and Mongo collection name */
  table: string;
  /** top-level paths accepted in filters and sorts (besides id, createdAt, updatedAt) */
  queryable: string[];
  /** queryable paths that hold arrays of strings: only `contains` applies to them */
  arrayFields: string[];
  unique: string[][];
  /** records accept `data.<key>` paths */
  hasDataPaths: boolean;
}

const NAMES: Record<RepoName, { entity: string; table: string }> = {
  users: { entity: 'user', table: 'users' },
  departments: { entity: 'department', table: 'departments' },
  roles: { entity: 'role', table: 'roles' },
  delegations: { entity: 'delegation', table: 'delegations' },
  tokens: { entity: 'api token', table: 'api_tokens' },
  sessions: { entity: 'session', table: 'sessions' },
  audit: { entity: 'audit event', table: 'audit_events' },
  forms: { entity: 'form', table: 'forms' },
  formVersions: { entity: 'form version', table: 'form_versions' },
  records: { entity: 'record', table: 'records' },
  imports: { entity: 'import', table: 'import_jobs' },
  importChunks: { entity: 'import chunk', table: 'import_chunks' },
};

const ARRAY_FIELDS: Partial<Record<RepoName, string[]>> = {
  users: ['roles'],
  forms: ['grants.submit', 'grants.viewAll', 'grants.manage'],
  records: ['participants'],
};

export const REPO_NAMES = Object.keys(QUERYABLE) as RepoName[];

export const REPOS: Record<RepoName, RepoMeta> = Object.fromEntries(
  REPO_NAMES.map((name) => [
    name,
    {
      name,
      ...NAMES[name],
      queryable: QUERYABLE[name],
      arrayFields: ARRAY_FIELDS[name] ?? [],
      unique: UNIQUE[name] ?? [],
      hasDataPaths: name === 'records',
    },
  ]),
) as Record<RepoName, RepoMeta>;

/** Table / collection of the named counters behind `nextSequence`. */
export const COUNTERS_TABLE = 'counters';
