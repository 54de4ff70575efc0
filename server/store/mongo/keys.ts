import type { BaseDoc } from '../types.ts';
import type { Body } from '../shared/docs.ts';

/**
 * MongoDB (and FerretDB, more strictly) refuse keys starting with `$` or
 * holding `.`; SQLite stores any JSON. To keep one contract, nested keys are
 * stored percent-escaped (`%` → %25, `.` → %2E, NUL → %00, a leading `$` →
 * %24) and unescaped on the way out. Top-level keys are plain identifiers.
 */
export function escapeKeys<T>(value: T): T {
  return mapKeys(value, escapeKey) as T;
}

export function unescapeKeys<T>(value: T): T {
  return mapKeys(value, unescapeKey) as T;
}

/** The stored form of a document: `_id` instead of `id`, nested keys escaped. */
export function toMongoDoc(base: BaseDoc, body: Body): Record<string, unknown> {
  return {
    _id: base.id,
    version: base.version,
    createdAt: base.createdAt,
    updatedAt: base.updatedAt,
    ...escapeKeys(body),
  };
}

/** Back to the caller's shape; callers never see `_id` or `__v`. */
export function fromMongoDoc<T extends BaseDoc>(raw: Record<string, unknown>): T {
  const { _id, __v, version, createdAt, updatedAt, ...rest } = raw;
  return { id: _id, version, createdAt, updatedAt, ...unescapeKeys(rest) } as unknown as T;
}

function escapeKey(key: string): string {
  return /^\$|[.%\0]/.test(key) ? key.replace(/^\$|[.%\0]/g, (c) => ESCAPES[c]) : key;
}

function unescapeKey(key: string): string {
  return key.includes('%')
    ? key.replace(/%(25|2E|00|24)/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : key;
}

const ESCAPES: Record<string, string> = { '%': '%25', '.': '%2E', '\0': '%00', $: '%24' };

function mapKeys(value: unknown, rename: (key: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => mapKeys(item, rename));
  if (value === null || typeof value !== 'object' || !isPlainObject(value)) return value;
  // fromEntries defines own properties, so a `__proto__` key stays data
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [rename(k), mapKeys(v, rename)]));
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
