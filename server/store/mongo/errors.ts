import type { RepoMeta } from '../shared/repos.ts';
import { uniqueIndexName } from './models.ts';

interface DriverError {
  code?: number;
  message?: string;
  keyPattern?: Record<string, unknown>;
  writeErrors?: { code?: number; index?: number; errmsg?: string }[];
}

/** FerretDB 1.x reports a unique violation by an update as InternalError carrying SQLite's message. */
const FERRET_UNIQUE = /UNIQUE constraint failed: index '([^']+)'/;

export function isDuplicateKey(error: unknown): boolean {
  const e = error as DriverError | null;
  if (e?.code === 11000 || e?.writeErrors?.some((w) => w.code === 11000)) return true;
  return e?.code === 1 && FERRET_UNIQUE.test(e.message ?? '');
}

/**
 * The fields of the violated unique index, when the server says which:
 * MongoDB sends `keyPattern` and names the index; FerretDB 1.x sends neither
 * (callers then work it out, see writes.ts).
 */
export function duplicateFields(meta: RepoMeta, error: unknown): string[] | null {
  const e = error as DriverError;
  if (e.keyPattern) return Object.keys(e.keyPattern).map((k) => (k === '_id' ? 'id' : k));
  const message = e.writeErrors?.[0]?.errmsg ?? e.message ?? '';
  const index = /index: (\S+)/.exec(message)?.[1] ?? FERRET_UNIQUE.exec(message)?.[1];
  if (index === '_id_') return ['id'];
  // FerretDB prefixes index names with `<collection>_<hash>_`
  return meta.unique.find((fields) => index?.endsWith(uniqueIndexName(meta, fields))) ?? null;
}

/** Index of the first document an ordered insertMany could not write. */
export function failedIndex(error: unknown): number | undefined {
  return (error as DriverError).writeErrors?.[0]?.index;
}
