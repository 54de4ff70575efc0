import { BadRequest } from '../../errors/index.ts';
import type { BaseDoc, GroupQuery, ListQuery, Page, Scalar } from '../types.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { describeValue, readField, resolveField } from './fields.ts';
import type { FieldRef } from './fields.ts';
import { checkFilter, isScalar } from './filter.ts';
import type { CheckedFilter } from './filter.ts';
import type { RepoMeta } from './repos.ts';

export interface CheckedSort {
  field: FieldRef;
  dir: 'asc' | 'desc';
}

export interface CheckedList {
  filter?: CheckedFilter;
  /** always ends with `id`, so the order is total */
  sort: CheckedSort[];
  limit: number;
  /** sort values of the last row of the previous page */
  after?: Scalar[];
}

export interface CheckedGroup {
  filter?: CheckedFilter;
  by: FieldRef;
  sum?: FieldRef;
}

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;
const MAX_SORT_KEYS = 4;
const ID: FieldRef = { kind: 'base', name: 'id' };

export function checkListQuery(meta: RepoMeta, query: ListQuery | undefined): CheckedList {
  const { filter, sort, limit = DEFAULT_LIMIT, cursor } = (query ?? {}) as ListQuery;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new BadRequest(`limit must be an integer from 1 to ${MAX_LIMIT}`);
  }
  const checkedSort = checkSort(meta, sort);
  const checked: CheckedList = { filter: checkFilter(meta, filter), sort: checkedSort, limit };
  if (cursor !== undefined && cursor !== null) {
    checked.after = decodeCursor(cursor, sortSignature(checkedSort), checkedSort.length);
  }
  return checked;
}

/**
 * Cuts a fetched `limit + 1` rows down to a page. Values of a sort field that
 * are not scalars (objects, arrays) are recorded as null: sorting by such
 * fields is not supported.
 */
export function toPage<T extends BaseDoc>(rows: T[], query: CheckedList): Page<T> {
  if (rows.length <= query.limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1] as unknown as Record<string, unknown>;
  const values = query.sort.map(({ field }) => {
    const value = readField(last, field);
    return isScalar(value) ? value : null;
  });
  return { items, nextCursor: encodeCursor(sortSignature(query.sort), values) };
}

export function checkGroupQuery(meta: RepoMeta, query: GroupQuery): CheckedGroup {
  if (query === null || typeof query !== 'object') throw new BadRequest('groupBy needs a query object');
  const by = resolveField(meta, query.by);
  if (by.kind === 'array')
    throw new BadRequest(`cannot group by the list field ${by.name}`, { field: by.name });
  const checked: CheckedGroup = { filter: checkFilter(meta, query.filter), by };
  if (query.sum !== undefined) {
    const sum = resolveField(meta, query.sum);
    if (sum.kind !== 'json')
      throw new BadRequest(`cannot sum ${sum.name}: it is not numeric`, { field: sum.name });
    checked.sum = sum;
  }
  return checked;
}

function checkSort(meta: RepoMeta, sort: unknown): CheckedSort[] {
  if (sort === undefined || sort === null || (Array.isArray(sort) && sort.length === 0)) {
    return [
      { field: { kind: 'base', name: 'createdAt' }, dir: 'desc' },
      { field: ID, dir: 'desc' },
    ];
  }
  if (!Array.isArray(sort)) throw new BadRequest(`sort must be an array, got ${describeValue(sort)}`);
  if (sort.length > MAX_SORT_KEYS) throw new BadRequest(`sort takes at most ${MAX_SORT_KEYS} keys`);
  const keys: CheckedSort[] = sort.map((key: unknown) => {
    const { field, dir } = (key ?? {}) as Record<string, unknown>;
    const ref = resolveField(meta, field);
    if (ref.kind === 'array')
      throw new BadRequest(`cannot sort by the list field ${ref.name}`, { field: ref.name });
    if (dir !== 'asc' && dir !== 'desc')
      throw new BadRequest(`sort direction of ${ref.name} must be "asc" or "desc"`);
    return { field: ref, dir };
  });
  const names = keys.map((k) => k.field.name);
  if (new Set(names).size !== names.length) throw new BadRequest('sort names a field twice');
  const idAt = names.indexOf('id');
  if (idAt >= 0) return keys.slice(0, idAt + 1); // id is unique: later keys cannot matter
  const lastDir = keys.length ? keys[keys.length - 1].dir : 'desc';
  return [...keys, { field: ID, dir: lastDir }];
}

function sortSignature(sort: CheckedSort[]): string {
  return sort.map((k) => `${k.field.name}:${k.dir}`).join(',');
}
