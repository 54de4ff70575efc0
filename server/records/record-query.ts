import { BadRequest } from '../errors/index.ts';
import type { Filter, FormDoc, Scalar, SortKey } from '../store/types.ts';

const OPS = new Set(['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'contains']);
/** Record properties that are always filterable/sortable; data fields must be marked indexed. */
const META_FIELDS = new Set(['status', 'createdBy', 'createdAt', 'updatedAt', 'formVersion']);
const MAX_CONDITIONS = 20;

const isScalar = (v: unknown): v is Scalar =>
  v === null || ['string', 'number', 'boolean'].includes(typeof v);

function fieldPath(form: FormDoc, name: string): string {
  if (META_FIELDS.has(name)) return name;
  if (form.indexedFields.includes(name)) return `data.${name}`;
  throw new BadRequest(
    `Cannot filter or sort on "${name}": it is not an indexed field of form "${form.title}" (indexed: ${form.indexedFields.join(', ') || 'none'})`,
    { field: name },
  );
}

/**
 * Parses `filter={"customer":"ACME","amount":{"gte":100},"status":{"in":["a","b"]}}`.
 * Values must be plain scalars, so operator objects such as {"$gt": ""} never reach a driver.
 */
export function parseRecordFilter(form: FormDoc, raw: string | undefined): Filter[] {
  if (!raw) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new BadRequest('The filter parameter is not valid JSON');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new BadRequest('The filter parameter must be a JSON object of field → value or {operator: value}');
  }
  const conditions: Filter[] = [];
  for (const [name, spec] of Object.entries(parsed)) {
    const field = fieldPath(form, name);
    const pairs = isScalar(spec) ? [['eq', spec] as const] : Object.entries(spec as object);
    for (const [op, value] of pairs) {
      if (!OPS.has(op))
        throw new BadRequest(`Unknown filter operator "${op}" on "${name}" (use ${[...OPS].join(', ')})`);
      if (op === 'in') {
        if (!Array.isArray(value) || !value.every(isScalar) || value.length > 100) {
          throw new BadRequest(`"in" on "${name}" takes an array of up to 100 plain values`);
        }
        conditions.push({ op: 'in', field, value });
      } else {
        if (!isScalar(value))
          throw new BadRequest(
            `The value of "${op}" on "${name}" must be a plain value, not an object or array`,
          );
        conditions.push({ op: op as 'eq', field, value });
      }
    }
  }
  if (conditions.length > MAX_CONDITIONS) throw new BadRequest(`At most ${MAX_CONDITIONS} filter conditions`);
  return conditions;
}

/** Parses `sort=-amount,createdAt` (leading `-` = descending). */
export function parseRecordSort(form: FormDoc, raw: string | undefined): SortKey[] {
  if (!raw) return [{ field: 'createdAt', dir: 'desc' }];
  const keys = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (keys.length > 3) throw new BadRequest('Sort by at most 3 fields');
  return keys.map((key) => {
    const isDesc = key.startsWith('-');
    return { field: fieldPath(form, isDesc ? key.slice(1) : key), dir: isDesc ? 'desc' : 'asc' };
  });
}
