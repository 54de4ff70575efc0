/**
 * The members of `after` that differ from `before` (deep, by JSON value), for a
 * PATCH that carries only what the user changed. Empty strings become null so a
 * cleared optional field is sent as "remove".
 */
export function changedFields<T extends object>(before: Partial<T>, after: T): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    const next = normalize(after[key]);
    if (JSON.stringify(normalize(before[key])) !== JSON.stringify(next)) changes[key] = next as T[keyof T];
  }
  return changes;
}

/** Drops empty optional members before a create. */
export function withoutEmpty<T extends object>(values: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const trimmed = typeof value === 'string' ? value.trim() : value;
    if (trimmed === undefined || trimmed === null || trimmed === '') continue;
    out[key] = trimmed;
  }
  return out as T;
}

function normalize(value: unknown): unknown {
  const trimmed = typeof value === 'string' ? value.trim() : value;
  return trimmed === undefined || trimmed === '' ? null : trimmed;
}
