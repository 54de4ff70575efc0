import { createHash } from 'node:crypto';
import { BadRequest } from '../../errors/index.ts';
import type { RepoMeta } from './repos.ts';

/** The store-owned fields every document has; always strings when queried. */
export type BaseField = 'id' | 'createdAt' | 'updatedAt';

/**
 * A validated field path. `base`: a store-owned string field; `array`: a
 * declared array of strings (only `contains` applies); `json`: any other
 * path into the document, whose type is only known per value.
 */
export type FieldRef =
  { kind: 'base'; name: BaseField } | { kind: 'array'; name: string } | { kind: 'json'; name: string };

/** Keys allowed after `data.` in record paths. */
export const DATA_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MAX_KEY_LENGTH = 64;
const BASE_FIELDS = new Set<string>(['id', 'createdAt', 'updatedAt']);
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function isDataKey(key: unknown): key is string {
  return (
    typeof key === 'string' && key.length <= MAX_KEY_LENGTH && DATA_KEY.test(key) && !UNSAFE_KEYS.has(key)
  );
}

/**
 * Name of the store index on `data.<key>` of records. SQLite (and FerretDB on
 * top of it) compares index names case-insensitively while data keys are not:
 * a hash keeps `Amount` and `amount` apart.
 */
export function dataIndexName(key: string): string {
  return `records_data_${key.toLowerCase()}_${createHash('sha256').update(key).digest('hex').slice(0, 8)}`;
}

/** Resolves a caller-given path against what the repository declares queryable; anything else is a BadRequest naming it. */
export function resolveField(meta: RepoMeta, field: unknown): FieldRef {
  if (typeof field !== 'string')
    throw new BadRequest(`field must be a string path, got ${describeValue(field)}`);
  if (BASE_FIELDS.has(field)) return { kind: 'base', name: field as BaseField };
  if (meta.arrayFields.includes(field)) return { kind: 'array', name: field };
  if (meta.queryable.includes(field)) return { kind: 'json', name: field };
  if (meta.hasDataPaths && field.startsWith('data.') && isDataKey(field.slice(5)))
    return { kind: 'json', name: field };
  throw new BadRequest(`unknown field "${field.slice(0, 100)}" for ${meta.name}`, {
    field: field.slice(0, 100),
  });
}

/** Reads a resolved field from a document; `undefined` becomes `null`. */
export function readField(doc: Record<string, unknown>, field: FieldRef): unknown {
  let value: unknown = doc;
  for (const part of field.name.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, part)) return null;
    value = (value as Record<string, unknown>)[part];
  }
  return value ?? null;
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}
