import { BadRequest, Conflict } from '../../errors/index.ts';
import type { Json } from '../types.ts';
import { describeValue } from './fields.ts';
import { newId } from './ids.ts';
import type { RepoMeta } from './repos.ts';

/** A document without the store-owned fields, JSON-normalized, ready to store. */
export type Body = Record<string, Json>;

const TOP_LEVEL_KEY = /^[A-Za-z][A-Za-z0-9_]*$/;
const STORE_OWNED = new Set(['id', 'version', 'createdAt', 'updatedAt']);
const MAX_ID_LENGTH = 200;

export function nowIso(): string {
  return new Date().toISOString();
}

export function assertId(meta: RepoMeta, id: unknown): asserts id is string {
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_LENGTH) {
    throw new BadRequest(`${meta.entity} id must be a non-empty string, got ${describeValue(id)}`);
  }
}

export function assertVersion(meta: RepoMeta, version: unknown): asserts version is number {
  if (!Number.isSafeInteger(version) || (version as number) < 1) {
    throw new BadRequest(
      `expected version of a ${meta.entity} must be a positive integer, got ${describeValue(version)}`,
    );
  }
}

/** Splits a new document into its id (given or generated) and body; store-owned fields given by the caller are ignored. */
export function prepareNew(meta: RepoMeta, doc: unknown): { id: string; body: Body } {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new BadRequest(`a new ${meta.entity} must be an object, got ${describeValue(doc)}`);
  }
  const { id, ...rest } = doc as Record<string, unknown>;
  if (id !== undefined) assertId(meta, id);
  const body = toBody(meta, rest, { isPatch: false });
  return { id: (id as string | undefined) ?? newId(), body };
}

/** Validates a patch: top-level members only, `undefined` members dropped, store-owned fields refused. */
export function preparePatch(meta: RepoMeta, patch: unknown): Body {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) {
    throw new BadRequest(`a ${meta.entity} patch must be an object, got ${describeValue(patch)}`);
  }
  return toBody(meta, patch as Record<string, unknown>, { isPatch: true });
}

export function uniqueConflict(meta: RepoMeta, fields: string[]): Conflict {
  return new Conflict(`a ${meta.entity} with this ${fields.join(' and ')} already exists`, {
    resource: meta.entity,
    fields,
  });
}

function toBody(meta: RepoMeta, source: Record<string, unknown>, { isPatch }: { isPatch: boolean }): Body {
  const entries: [string, Json][] = [];
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (value === undefined) continue;
    if (STORE_OWNED.has(key)) {
      if (isPatch)
        throw new BadRequest(`${key} of a ${meta.entity} is owned by the store and cannot be patched`, {
          field: key,
        });
      continue;
    }
    if (!TOP_LEVEL_KEY.test(key)) {
      throw new BadRequest(`invalid ${meta.entity} field name ${JSON.stringify(key.slice(0, 100))}`, {
        field: key.slice(0, 100),
      });
    }
    entries.push([key, toJson(meta, key, value)]);
  }
  return Object.fromEntries(entries);
}

/** JSON round trip: Dates become ISO strings, `undefined` members vanish, so both adapters store the same thing. */
function toJson(meta: RepoMeta, key: string, value: unknown): Json {
  try {
    return JSON.parse(JSON.stringify(value)) as Json;
  } catch (error) {
    throw new BadRequest(
      `${meta.entity} field ${key} is not JSON-serializable: ${(error as Error).message}`,
      { field: key },
    );
  }
}
