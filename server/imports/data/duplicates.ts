import type { Filter, Json, RecordDoc, Scalar, Store } from '../../store/types.ts';

/** The identity of a record by its key fields, or null when one of them is empty. */
export function keyOf(data: Record<string, Json>, keyFields: string[]): string | null {
  if (keyFields.length === 0) return null;
  const parts: Scalar[] = [];
  for (const field of keyFields) {
    const value = data[field];
    if (value === undefined || value === null || value === '') return null;
    if (typeof value === 'object') return null;
    parts.push(typeof value === 'string' ? value.trim() : value);
  }
  return JSON.stringify(parts);
}

const IN_CHUNK = 200;

/**
 * Existing records of the form with the given keys, found with `in` queries on the first key
 * field (the import makes sure the store indexes it) and compared on all key fields.
 */
export async function findExisting(
  store: Store,
  input: { formId: string; keyFields: string[]; keys: Iterable<string> },
): Promise<Map<string, RecordDoc>> {
  const found = new Map<string, RecordDoc>();
  const wanted = new Set(input.keys);
  if (wanted.size === 0) return found;
  const firstValues = [...new Set([...wanted].map((key) => (JSON.parse(key) as Scalar[])[0]))];
  for (let i = 0; i < firstValues.length; i += IN_CHUNK) {
    const filter: Filter = {
      op: 'and',
      items: [
        { op: 'eq', field: 'formId', value: input.formId },
        { op: 'in', field: `data.${input.keyFields[0]}`, value: firstValues.slice(i, i + IN_CHUNK) },
      ],
    };
    for (let cursor: string | undefined; ;) {
      const page = await store.records.list({
        filter,
        limit: 500,
        cursor,
        sort: [{ field: 'createdAt', dir: 'asc' }],
      });
      for (const record of page.items) {
        const key = keyOf(record.data, input.keyFields);
        if (key !== null && wanted.has(key) && !found.has(key)) found.set(key, record);
      }
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
  }
  return found;
}
