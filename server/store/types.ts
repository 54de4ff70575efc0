/**
 * The storage port. Adapters (sqlite/, mongo/) implement `Store`; nothing
 * outside server/store knows which one runs. The unit of atomicity is one
 * document: every write of an existing document is `updateIfVersion`.
 */
import type { ImportState } from '../../schemas/import-job.ts';

/** Fields every stored document carries; the store owns them. */
export interface BaseDoc {
  id: string;
  version: number;
  createdAt: string; // ISO 8601 UTC
  updatedAt: string;
}

/** What callers pass to `insert`: the document without store-owned fields (an id may be given). */
export type NewDoc<T extends BaseDoc> = Omit<T, 'version' | 'createdAt' | 'updatedAt' | 'id'> & {
  id?: string;
};
/** A partial update: top-level members replaced as given; `undefined` members are ignored. */
export type Patch<T extends BaseDoc> = Partial<Omit<T, keyof BaseDoc>>;

export type Scalar = string | number | boolean | null;

/**
 * Filter AST. `field` is a dotted path into the document (`status`, `createdBy`,
 * `data.customer`); only paths the repository declares queryable are accepted
 * (others fail with BadRequest before reaching a driver).
 */
export type Filter =
  | { op: 'and' | 'or'; items: Filter[] }
  | { op: 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte'; field: string; value: Scalar }
  | { op: 'in'; field: string; value: Scalar[] }
  /** substring match on text fields; on array fields: the array holds `value` */
  | { op: 'contains'; field: string; value: Scalar };

export interface SortKey {
  field: string;
  dir: 'asc' | 'desc';
}

export interface ListQuery {
  filter?: Filter;
  /** Ties are always broken by `id` in the direction of the last key. Default: createdAt desc. */
  sort?: SortKey[];
  /** 1..500, default 50 */
  limit?: number;
  /** opaque, from a previous page's `nextCursor` */
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface GroupQuery {
  filter?: Filter;
  /** dotted path to group by */
  by: string;
  /** dotted path of a numeric field to total per group (optional) */
  sum?: string;
}

export interface GroupRow {
  key: Scalar;
  count: number;
  sum?: number;
}

export interface Repository<T extends BaseDoc> {
  insert(doc: NewDoc<T>): Promise<T>;
  /** Inserts many in one batch: all or none. */
  insertMany(docs: NewDoc<T>[]): Promise<T[]>;
  get(id: string): Promise<T | null>;
  /** Throws NotFound when `id` is unknown. */
  getOrThrow(id: string): Promise<T>;
  /** One conditional write; throws VersionConflict when the stored version is not `expectedVersion`, NotFound when missing. */
  updateIfVersion(id: string, expectedVersion: number, patch: Patch<T>): Promise<T>;
  /** Throws NotFound when missing; with `expectedVersion`, VersionConflict when stale. */
  delete(id: string, expectedVersion?: number): Promise<void>;
  list(query?: ListQuery): Promise<Page<T>>;
  count(filter?: Filter): Promise<number>;
  groupBy(query: GroupQuery): Promise<GroupRow[]>;
}

// ---------------------------------------------------------------- documents

export type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

export type RoleName = 'admin' | 'designer' | 'member' | (string & {});

export interface User extends BaseDoc {
  username: string; // unique, lower-case
  displayName: string;
  email?: string;
  phone?: string;
  departmentId?: string | null;
  roles: RoleName[];
  isActive: boolean;
  passwordHash?: string; // argon2id; never leaves the server
}

export interface Department extends BaseDoc {
  name: string;
  parentId: string | null;
  headUserId: string | null;
}

export interface Role extends BaseDoc {
  name: string; // unique
  description?: string;
  /** built-in roles cannot be deleted */
  isBuiltIn: boolean;
}

export interface Delegation extends BaseDoc {
  fromUserId: string;
  toUserId: string;
  startsAt: string;
  endsAt: string;
  formIds?: string[]; // empty or missing = all
}

export interface ApiToken extends BaseDoc {
  userId: string;
  name: string;
  /** sha-256 hex of the secret; lookups are by this column */
  tokenHash: string;
  lastUsedAt?: string | null;
  expiresAt?: string | null;
}

export interface Session extends BaseDoc {
  userId: string;
  /** sha-256 hex of the cookie value */
  tokenHash: string;
  expiresAt: string;
  userAgent?: string;
  ip?: string;
}

export interface AuditEvent extends BaseDoc {
  actorId: string | null;
  action: string; // e.g. `record.create`, `user.update`
  targetType: string;
  targetId: string;
  /** `changedFields`: top-level data keys a record change touched (record history) */
  summary?: { before?: Json; after?: Json; changedFields?: string[] };
  ip?: string;
}

/** Who may do what with one form. Entries are `user:<id>`, `role:<name>`, `dept:<id>` or `*` (everyone signed in). */
export interface FormGrants {
  submit: string[];
  viewAll: string[];
  manage: string[];
}

export interface FormDoc extends BaseDoc {
  title: string;
  description?: string;
  /** the FormDefinition being edited (schemas/form-definition.schema.json) */
  draft: Json;
  grants: FormGrants;
  /** data keys with a store index (records list filters/sorts use them) */
  indexedFields: string[];
  /** latest published version number, 0 when never published */
  publishedVersion: number;
  createdBy: string;
  isArchived?: boolean;
}

export interface FormVersion extends BaseDoc {
  formId: string;
  /** 1, 2, 3 … per form; (formId, number) unique */
  number: number;
  definition: Json;
  publishedBy: string;
}

export type RecordStatus =
  'draft' | 'submitted' | 'in_progress' | 'approved' | 'rejected' | 'withdrawn' | (string & {});

export interface RecordDoc extends BaseDoc {
  formId: string;
  formVersion: number;
  data: { [k: string]: Json };
  status: RecordStatus;
  createdBy: string;
  /** users involved (initiator, approvers, CC); the member visibility rule reads this */
  participants: string[];
  /** set when created by a data import, so the import can be undone */
  importId?: string | null;
  /** workflow state, filled by the workflow engine issue */
  workflow?: Json;
}

export type { ImportState };

/** A data import (DESIGN §1 ImportJob). Its members other than these are owned by server/imports/data. */
export interface ImportJob extends BaseDoc {
  formId: string;
  createdBy: string;
  state: ImportState;
  fileName: string;
  /** mapping, cleansing rules, line items, duplicates, threshold */
  config: Json;
  /** sheets and header rows of the uploaded file */
  source: Json;
  /** phase, rows processed, totals, timing */
  progress: Json;
  /** counts of the last dry run or commit */
  summary: Json;
  /** written by the process running the job; recovery treats a stale one as abandoned */
  heartbeatAt: string | null;
  error: string | null;
}

/** Bulky parts of an import kept beside the job: error lists, per-row outcomes, undo images. */
export interface ImportChunk extends BaseDoc {
  importId: string;
  kind: 'errors' | 'outcomes' | 'undo';
  seq: number;
  items: Json;
}

export interface Store {
  readonly kind: 'sqlite' | 'mongo';
  users: Repository<User>;
  departments: Repository<Department>;
  roles: Repository<Role>;
  delegations: Repository<Delegation>;
  tokens: Repository<ApiToken>;
  sessions: Repository<Session>;
  audit: Repository<AuditEvent>;
  forms: Repository<FormDoc>;
  formVersions: Repository<FormVersion>;
  records: Repository<RecordDoc>;
  imports: Repository<ImportJob>;
  importChunks: Repository<ImportChunk>;
  /**
   * Ensures the store index for `data.<key>` of a form's records exists
   * (SQLite: expression index on json_extract; Mongo: compound index). Idempotent.
   */
  ensureRecordIndexes(formId: string, keys: string[]): Promise<void>;
  /** Atomically increments and returns the named counter (serial numbers). */
  nextSequence(name: string): Promise<number>;
  /** Readiness probe. */
  ping(): Promise<void>;
  /**
   * Writes a consistent copy of everything to `path` (SQLite: online backup API
   * to a .db file; Mongo: one JSON-lines file, mongodump-free).
   */
  backup(path: string): Promise<void>;
  /** Replaces all data with the copy at `path` made by `backup` of the same kind. */
  restore(path: string): Promise<void>;
  close(): Promise<void>;
}

/** Paths each repository accepts in filters and sorts (besides id, createdAt, updatedAt). */
export const QUERYABLE: Record<
  keyof Omit<
    Store,
    'kind' | 'ensureRecordIndexes' | 'nextSequence' | 'ping' | 'close' | 'backup' | 'restore'
  >,
  string[]
> = {
  users: ['username', 'displayName', 'email', 'departmentId', 'roles', 'isActive'],
  departments: ['name', 'parentId', 'headUserId'],
  roles: ['name'],
  delegations: ['fromUserId', 'toUserId', 'startsAt', 'endsAt'],
  tokens: ['userId', 'tokenHash', 'name'],
  sessions: ['userId', 'tokenHash', 'expiresAt'],
  audit: ['actorId', 'action', 'targetType', 'targetId'],
  forms: [
    'title',
    'createdBy',
    'publishedVersion',
    'isArchived',
    'grants.submit',
    'grants.viewAll',
    'grants.manage',
  ],
  formVersions: ['formId', 'number'],
  // plus any `data.<key>`
  records: ['formId', 'formVersion', 'status', 'createdBy', 'participants', 'importId'],
  imports: ['formId', 'createdBy', 'state'],
  importChunks: ['importId', 'kind', 'seq'],
};

/** Unique constraints each adapter enforces (a duplicate insert throws Conflict naming the field). */
export const UNIQUE: Partial<Record<keyof typeof QUERYABLE, string[][]>> = {
  users: [['username']],
  roles: [['name']],
  tokens: [['tokenHash']],
  sessions: [['tokenHash']],
  formVersions: [['formId', 'number']],
};
