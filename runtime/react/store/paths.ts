import type { SessionPath } from '../../core/session/types.ts';

/** `customer`, or `items/3/qty` for a cell — the same text as a FieldError's `path`. */
export function pathKey(path: SessionPath): string {
  return typeof path === 'string' ? path : `${path[0]}/${path[1]}/${path[2]}`;
}

/** The inverse of pathKey: `items/3/qty` → `['items', 3, 'qty']`; anything else stays a key. */
export function parsePath(key: string): SessionPath {
  const parts = key.split('/');
  if (parts.length === 3 && /^\d+$/.test(parts[1])) return [parts[0], Number(parts[1]), parts[2]];
  return parts[0];
}

/** `items/3/qty` → `items.qty` (a field name in `compiled.fields`); `customer` stays. */
export function fieldNameOf(path: SessionPath): string {
  return typeof path === 'string' ? path.split('/')[0] : `${path[0]}.${path[2]}`;
}
