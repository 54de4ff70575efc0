import type { Scalar } from '../types.ts';
import type { FieldRef } from '../shared/fields.ts';
import type { CheckedFilter } from '../shared/filter.ts';
import type { CheckedSort } from '../shared/query.ts';
import type { RepoMeta } from '../shared/repos.ts';
import { jsonPath } from './migrations.ts';

/**
 * Filter AST → SQL. Values are always bound parameters; field paths were
 * validated by shared/fields.ts and are inlined so expression indexes match.
 * Scalar comparisons match scalar values of the value's own type only
 * (like MongoDB's type brackets): `gt 5` never matches a string.
 */
export function compileFilter(meta: RepoMeta, filter: CheckedFilter, params: unknown[]): string {
  switch (filter.op) {
    case 'and':
    case 'or':
      return `(${filter.items.map((item) => compileFilter(meta, item, params)).join(` ${filter.op.toUpperCase()} `)})`;
    case 'in':
      return compileIn(meta, filter.field, filter.value, params);
    case 'contains':
      return compileContains(meta, filter.field, filter.value, params);
    case 'eq':
      return equals(meta, filter.field, filter.value, params);
    case 'ne':
      return `NOT IFNULL(${equals(meta, filter.field, filter.value, params)}, 0)`;
    default: {
      const sqlOp = { gt: '>', gte: '>=', lt: '<', lte: '<=' }[filter.op];
      params.push(bindable(filter.value));
      return `(${expr(meta, filter.field)} ${sqlOp} ? AND ${typeGuard(meta, filter.field, filter.value)})`;
    }
  }
}

export function compileOrderBy(meta: RepoMeta, sort: CheckedSort[]): string {
  return sort.map(({ field, dir }) => `${expr(meta, field)} ${dir.toUpperCase()}`).join(', ');
}

/**
 * Keyset condition "comes after the row with these sort values" in SQLite's
 * own order (NULL first ascending, last descending; numbers before text).
 */
export function compileAfter(
  meta: RepoMeta,
  sort: CheckedSort[],
  values: Scalar[],
  params: unknown[],
): string {
  const branches: string[] = [];
  sort.forEach(({ field, dir }, i) => {
    const value = values[i];
    const e = expr(meta, field);
    let after: string | null;
    if (value === null) after = dir === 'asc' ? `${e} IS NOT NULL` : null;
    else after = dir === 'asc' ? `${e} > ?` : `(${e} < ? OR ${e} IS NULL)`;
    if (after !== null) {
      const ties = sort
        .slice(0, i)
        .map((key, j) =>
          values[j] === null ? `${expr(meta, key.field)} IS NULL` : `${expr(meta, key.field)} = ?`,
        );
      sort.slice(0, i).forEach((_, j) => values[j] !== null && params.push(bindable(values[j])));
      if (value !== null) params.push(bindable(value));
      branches.push(`(${[...ties, after].join(' AND ')})`);
    }
  });
  return branches.length ? `(${branches.join(' OR ')})` : '0';
}

/** The SQL expression reading a field; identical to the one in the index definitions. */
export function expr(meta: RepoMeta, field: FieldRef): string {
  if (field.kind === 'base')
    return { id: 'id', createdAt: 'created_at', updatedAt: 'updated_at' }[field.name];
  if (meta.name === 'records' && field.name === 'formId') return 'form_id';
  return jsonPath(field.name);
}

/** SQLite cannot bind booleans; JSON true/false read back as 1/0 anyway. */
export function bindable(value: Scalar): string | number | null {
  return typeof value === 'boolean' ? Number(value) : value;
}

function isColumn(meta: RepoMeta, field: FieldRef): boolean {
  return !expr(meta, field).startsWith('json_extract');
}

/** Restricts a comparison to stored values of the same JSON type as `value`. */
function typeGuard(meta: RepoMeta, field: FieldRef, value: Scalar): string {
  if (isColumn(meta, field)) {
    const t = `typeof(${expr(meta, field)})`;
    if (typeof value === 'string') return `${t} = 'text'`;
    return typeof value === 'number' ? `${t} IN ('integer', 'real')` : '0';
  }
  const t = `json_type(doc, '$.${field.name}')`;
  if (typeof value === 'string') return `${t} = 'text'`;
  if (typeof value === 'number') return `${t} IN ('integer', 'real')`;
  return `${t} = '${value ? 'true' : 'false'}'`;
}

function equals(meta: RepoMeta, field: FieldRef, value: Scalar, params: unknown[]): string {
  const e = expr(meta, field);
  if (value === null) return `(${e} IS NULL)`;
  params.push(bindable(value));
  return `(${e} = ? AND ${typeGuard(meta, field, value)})`;
}

function compileIn(meta: RepoMeta, field: FieldRef, values: Scalar[], params: unknown[]): string {
  const e = expr(meta, field);
  const parts: string[] = [];
  for (const type of ['string', 'number'] as const) {
    const same = [...new Set(values.filter((v) => typeof v === type))];
    if (!same.length) continue;
    params.push(...same);
    parts.push(`(${e} IN (${same.map(() => '?').join(', ')}) AND ${typeGuard(meta, field, same[0])})`);
  }
  for (const flag of new Set(values.filter((v) => typeof v === 'boolean')))
    parts.push(equals(meta, field, flag, params));
  if (values.includes(null)) parts.push(`(${e} IS NULL)`);
  return parts.length ? `(${parts.join(' OR ')})` : '0';
}

/** Text: substring (case-sensitive). Array: holds an element equal to `value`. */
function compileContains(meta: RepoMeta, field: FieldRef, value: Scalar, params: unknown[]): string {
  const e = expr(meta, field);
  if (field.kind === 'array') {
    params.push(value);
    if (meta.name === 'records' && field.name === 'participants') {
      return `(id IN (SELECT record_id FROM record_participants WHERE user_id = ?))`;
    }
    return `EXISTS (SELECT 1 FROM json_each(doc, '$.${field.name}') AS j WHERE j.type = 'text' AND j.value = ?)`;
  }
  if (isColumn(meta, field)) {
    if (typeof value !== 'string') return '0';
    params.push(value);
    return `(typeof(${e}) = 'text' AND instr(${e}, ?) > 0)`;
  }
  const path = `'$.${field.name}'`;
  const element =
    value === null
      ? `j.type = 'null'`
      : typeof value === 'boolean'
        ? `j.type = '${value}'`
        : `${elementGuard(value)} AND j.value = ?`;
  const inArray = `(json_type(doc, ${path}) = 'array' AND EXISTS (SELECT 1 FROM json_each(doc, ${path}) AS j WHERE ${element}))`;
  if (typeof value !== 'string') {
    if (typeof value === 'number') params.push(value);
    return inArray;
  }
  params.push(value, value);
  return `((json_type(doc, ${path}) = 'text' AND instr(${e}, ?) > 0) OR ${inArray})`;
}

function elementGuard(value: string | number): string {
  return typeof value === 'string' ? `j.type = 'text'` : `j.type IN ('integer', 'real')`;
}
