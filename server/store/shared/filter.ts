import { BadRequest } from '../../errors/index.ts';
import type { Scalar } from '../types.ts';
import { describeValue, resolveField } from './fields.ts';
import type { FieldRef } from './fields.ts';
import type { RepoMeta } from './repos.ts';

export type CompareOp = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte';

/** A filter that passed `checkFilter`: known ops, resolved fields, scalar values of a type the field accepts. */
export type CheckedFilter =
  | { op: 'and' | 'or'; items: CheckedFilter[] }
  | { op: CompareOp | 'contains'; field: FieldRef; value: Scalar }
  | { op: 'in'; field: FieldRef; value: Scalar[] };

const COMPARE_OPS = new Set(['eq', 'ne', 'gt', 'gte', 'lt', 'lte']);
const RANGE_OPS = new Set(['gt', 'gte', 'lt', 'lte']);
const MAX_DEPTH = 8;
const MAX_NODES = 200;
const MAX_IN_VALUES = 500;

/**
 * Validates a caller-given filter AST before it reaches a driver. Every value
 * must be a plain scalar, so `{ "$gt": "" }` smuggled in as a value is refused
 * here rather than becoming an operator.
 */
export function checkFilter(meta: RepoMeta, filter: unknown): CheckedFilter | undefined {
  if (filter === undefined || filter === null) return undefined;
  const budget = { nodes: 0 };
  return checkNode(meta, filter, 0, budget);
}

export function isScalar(value: unknown): value is Scalar {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

function checkNode(meta: RepoMeta, node: unknown, depth: number, budget: { nodes: number }): CheckedFilter {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) {
    throw new BadRequest(`filter must be an object, got ${describeValue(node)}`);
  }
  if (depth > MAX_DEPTH) throw new BadRequest(`filter is nested deeper than ${MAX_DEPTH} levels`);
  if (++budget.nodes > MAX_NODES) throw new BadRequest(`filter has more than ${MAX_NODES} conditions`);
  const { op, field, value, items } = node as Record<string, unknown>;

  if (op === 'and' || op === 'or') {
    if (!Array.isArray(items) || items.length === 0)
      throw new BadRequest(`filter "${op}" needs a non-empty items array`);
    return { op, items: items.map((item) => checkNode(meta, item, depth + 1, budget)) };
  }
  if (op === 'in') {
    const ref = resolveField(meta, field);
    if (!Array.isArray(value))
      throw new BadRequest(`filter "in" on ${ref.name} needs an array value`, { field: ref.name });
    if (value.length > MAX_IN_VALUES)
      throw new BadRequest(`filter "in" on ${ref.name} has more than ${MAX_IN_VALUES} values`);
    value.forEach((v) => checkValue(ref, 'in', v));
    return { op, field: ref, value: value as Scalar[] };
  }
  if (op === 'contains' || (typeof op === 'string' && COMPARE_OPS.has(op))) {
    const ref = resolveField(meta, field);
    checkValue(ref, op, value);
    return { op: op as CompareOp | 'contains', field: ref, value: value as Scalar };
  }
  throw new BadRequest(`unknown filter op ${JSON.stringify(String(op)).slice(0, 40)}`);
}

function checkValue(ref: FieldRef, op: string, value: unknown): void {
  if (!isScalar(value)) {
    throw new BadRequest(
      `value for ${ref.name} must be a string, number, boolean or null, got ${describeValue(value)}`,
      {
        field: ref.name,
      },
    );
  }
  if (ref.kind === 'array') {
    if (op !== 'contains')
      throw new BadRequest(`${ref.name} is a list: filter it with "contains"`, { field: ref.name });
    if (typeof value !== 'string')
      throw new BadRequest(`${ref.name} holds strings: "contains" needs a string`, { field: ref.name });
  }
  if (ref.kind === 'base' && typeof value !== 'string') {
    throw new BadRequest(`${ref.name} is a string field: ${op} needs a string`, { field: ref.name });
  }
  if (RANGE_OPS.has(op) && typeof value !== 'string' && typeof value !== 'number') {
    throw new BadRequest(`${op} on ${ref.name} needs a string or a number`, { field: ref.name });
  }
}
