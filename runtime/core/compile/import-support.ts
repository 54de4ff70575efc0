import type { SelectOption } from '../../../schemas/form-definition.ts';
import { isReservedKey } from '../definition/reserved.ts';
import type { JsonSchema } from './types.ts';

/** Helpers for `formDefinitionFromJsonSchema`: key naming, `$ref`, enums, types. */

export interface ImportWarning {
  /** where in the source schema, slash-separated, e.g. `properties/address/properties/city` */
  path: string;
  code: string;
  message: string;
}

const MAX_KEY_LENGTH = 64;
const MAX_LABEL_LENGTH = 200;
const MAX_REF_HOPS = 32;

/** Allocates valid, non-reserved keys, unique case-insensitively within one scope. */
export class KeyScope {
  private readonly used = new Set<string>();

  /** A key for `wanted`; `isChanged` when it had to differ from `wanted`. */
  allocate(wanted: string): { key: string; isChanged: boolean } {
    let key = wanted.replace(/[^A-Za-z0-9_]+/g, '_');
    if (!/[A-Za-z0-9]/.test(key)) key = 'field';
    if (/^[0-9]/.test(key)) key = `_${key}`;
    key = key.slice(0, MAX_KEY_LENGTH);
    if (isReservedKey(key)) key = `${key.slice(0, MAX_KEY_LENGTH - 5)}Field`;
    let unique = key;
    for (let n = 2; this.used.has(unique.toLowerCase()); n++) {
      unique = `${key.slice(0, MAX_KEY_LENGTH - String(n).length - 1)}_${n}`;
    }
    this.used.add(unique.toLowerCase());
    return { key: unique, isChanged: unique !== wanted };
  }
}

export function isSchemaObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows local `$ref`s (`#/$defs/x`, `#/definitions/x`); null when one cannot be resolved. */
export function resolveRef(root: JsonSchema, schema: unknown): JsonSchema | null {
  let current = schema;
  for (let hop = 0; hop < MAX_REF_HOPS; hop++) {
    if (!isSchemaObject(current)) return null;
    const ref = current.$ref;
    if (typeof ref !== 'string') return current;
    if (ref !== '#' && !ref.startsWith('#/')) return null;
    current = pointerGet(root, ref.slice(2));
  }
  return null;
}

function pointerGet(root: unknown, pointer: string): unknown {
  let value = root;
  for (const raw of pointer ? pointer.split('/') : []) {
    const segment = safeDecode(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isSchemaObject(value) || !Object.hasOwn(value, segment)) return undefined;
    value = value[segment];
  }
  return value;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function escapePointer(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The single non-null `type`, inferred from `properties`/`items` when absent; 'mixed' for unions. */
export function typeOf(schema: JsonSchema): string | undefined {
  const type = schema.type;
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) {
    const types = type.filter((t) => t !== 'null');
    return types.length === 1 ? String(types[0]) : 'mixed';
  }
  if (isSchemaObject(schema.properties)) return 'object';
  if (schema.items !== undefined) return 'array';
  return undefined;
}

/**
 * Options from `enum` (labels from `enumNames` / `x-enumNames`) or from a `oneOf`/`anyOf`
 * list of `{ const, title }`. Null when the schema is not an enumeration.
 */
export function enumOptions(schema: JsonSchema): { options: SelectOption[]; isCoerced: boolean } | null {
  let entries: { value: unknown; label: unknown }[] | null = null;
  if (Array.isArray(schema.enum)) {
    const names = Array.isArray(schema.enumNames) ? schema.enumNames : schema['x-enumNames'];
    entries = schema.enum.map((value, i) => ({ value, label: Array.isArray(names) ? names[i] : undefined }));
  } else {
    const list = schema.oneOf ?? schema.anyOf;
    if (
      Array.isArray(list) &&
      list.length > 0 &&
      list.every((item) => isSchemaObject(item) && 'const' in item)
    ) {
      entries = (list as JsonSchema[]).map((item) => ({ value: item.const, label: item.title }));
    }
  }
  if (!entries) return null;
  const options: SelectOption[] = [];
  const seen = new Set<string>();
  let isCoerced = false;
  for (const { value, label } of entries) {
    if (value === null || value === '' || typeof value === 'object') continue;
    if (typeof value !== 'string') isCoerced = true;
    const text = String(value).slice(0, 200);
    if (seen.has(text)) continue;
    seen.add(text);
    options.push({ value: text, label: truncateLabel(typeof label === 'string' && label ? label : text) });
  }
  return options.length > 0 ? { options, isCoerced } : null;
}

export function truncateLabel(text: string): string {
  return text.slice(0, MAX_LABEL_LENGTH);
}

/** Decimal places of a `multipleOf` such as 0.01; undefined if it is not a power of ten. */
export function precisionOfMultipleOf(multipleOf: unknown): number | undefined {
  if (typeof multipleOf !== 'number' || multipleOf <= 0 || multipleOf > 1) return undefined;
  const decimals = Math.round(-Math.log10(multipleOf));
  return decimals <= 10 && Math.abs(10 ** -decimals - multipleOf) < 1e-12 ? decimals : undefined;
}

/** Keywords this import cannot express; each one present yields a warning. */
export const UNSUPPORTED_KEYWORDS = [
  'allOf',
  'not',
  'if',
  'then',
  'else',
  'dependentSchemas',
  'dependentRequired',
  'patternProperties',
  'prefixItems',
  'contains',
  'const',
] as const;
