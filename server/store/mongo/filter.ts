import mongoose from 'mongoose';
import type { Scalar } from '../types.ts';
import type { FieldRef } from '../shared/fields.ts';
import type { CheckedFilter } from '../shared/filter.ts';
import type { CheckedSort } from '../shared/query.ts';

type MongoFilter = Record<string, unknown>;

/*
 * Filter AST → MongoDB filter. Every operator object is built here and marked
 * `trusted` for the connection's sanitizeFilter; values are scalars checked by
 * shared/filter.ts, so nothing a caller sends can become an operator.
 * Semantics match the SQLite adapter: scalar comparisons ignore arrays;
 * `contains` is a substring on text and element equality on arrays.
 */
const op = (operators: Record<string, unknown>) => mongoose.trusted(operators) as Record<string, unknown>;
const NOT_ARRAY = { $not: { $type: 'array' } };

export function compileFilter(filter: CheckedFilter): MongoFilter {
  switch (filter.op) {
    case 'and':
    case 'or':
      return { [`$${filter.op}`]: filter.items.map(compileFilter) };
    case 'contains':
      return compileContains(filter.field, filter.value);
    case 'in':
      return { [mongoPath(filter.field)]: op({ $in: filter.value, ...guard(filter.field) }) };
    case 'eq':
      if (filter.field.kind === 'base') return { [mongoPath(filter.field)]: filter.value };
      return { [mongoPath(filter.field)]: op({ $eq: filter.value, ...NOT_ARRAY }) };
    case 'ne': {
      const path = mongoPath(filter.field);
      if (filter.field.kind === 'base') return { [path]: op({ $ne: filter.value }) };
      return { $or: [{ [path]: op({ $ne: filter.value }) }, { [path]: op({ $type: 'array' }) }] };
    }
    default:
      return { [mongoPath(filter.field)]: op({ [`$${filter.op}`]: filter.value, ...guard(filter.field) }) };
  }
}

export function compileSort(sort: CheckedSort[]): Record<string, 1 | -1> {
  return Object.fromEntries(sort.map(({ field, dir }) => [mongoPath(field), dir === 'asc' ? 1 : -1]));
}

/**
 * Keyset condition "comes after the row with these sort values" in MongoDB's
 * order: null/missing < numbers < strings < booleans. A plain `$gt` only
 * compares within one type, so the later types are added explicitly.
 */
export function compileAfter(sort: CheckedSort[], values: Scalar[]): MongoFilter {
  const branches: MongoFilter[] = [];
  sort.forEach(({ field, dir }, i) => {
    const after = afterValue(mongoPath(field), dir, values[i]);
    if (!after) return;
    const ties = sort.slice(0, i).map((key, j) => ({ [mongoPath(key.field)]: op({ $eq: values[j] }) }));
    branches.push({ $and: [...ties, after] });
  });
  return branches.length ? { $or: branches } : { _id: op({ $in: [] }) };
}

export function mongoPath(field: FieldRef): string {
  return field.kind === 'base' && field.name === 'id' ? '_id' : field.name;
}

function guard(field: FieldRef) {
  return field.kind === 'json' ? NOT_ARRAY : {};
}

function compileContains(field: FieldRef, value: Scalar): MongoFilter {
  const path = mongoPath(field);
  if (field.kind === 'array') return { [path]: value };
  if (field.kind === 'base') return { [path]: op({ $regex: escapeRegExp(value as string) }) };
  const element = { [path]: op({ $elemMatch: { $eq: value } }) };
  if (typeof value !== 'string') return element;
  return { $or: [element, { [path]: op({ $regex: escapeRegExp(value), ...NOT_ARRAY }) }] };
}

const LATER_TYPES: Record<string, string[]> = { number: ['string', 'bool'], string: ['bool'], boolean: [] };
const EARLIER_TYPES: Record<string, string[]> = {
  number: [],
  string: ['number'],
  boolean: ['number', 'string'],
};

function afterValue(path: string, dir: 'asc' | 'desc', value: Scalar): MongoFilter | null {
  if (value === null) return dir === 'asc' ? { [path]: op({ $ne: null }) } : null;
  const others = (dir === 'asc' ? LATER_TYPES : EARLIER_TYPES)[typeof value];
  const branches: MongoFilter[] = [{ [path]: op({ [dir === 'asc' ? '$gt' : '$lt']: value }) }];
  if (others.length) branches.push({ [path]: op({ $type: others }) });
  if (dir === 'desc') branches.push({ [path]: null });
  return branches.length === 1 ? branches[0] : { $or: branches };
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
}
