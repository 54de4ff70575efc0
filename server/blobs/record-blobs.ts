import type { CompiledForm } from '../../runtime/core/index.ts';
import type { Json } from '../store/types.ts';

const BLOB_ID = /^[a-f0-9]{32}$/;

/** Ids of the uploaded files a record's data refers to (attachment lists and signatures, tables included). */
export function blobIdsOf(compiled: CompiledForm, data: Record<string, Json>): string[] {
  const ids = new Set<string>();
  const collect = (value: Json | undefined) => {
    for (const item of Array.isArray(value) ? value : [value]) {
      const id = item && typeof item === 'object' && !Array.isArray(item) ? item.id : item;
      if (typeof id === 'string' && BLOB_ID.test(id)) ids.add(id);
    }
  };
  for (const field of Object.values(compiled.fields)) {
    if (field.type !== 'attachment' && field.type !== 'signature') continue;
    if (!field.tableKey) {
      collect(data[field.key]);
      continue;
    }
    const rows = data[field.tableKey];
    if (!Array.isArray(rows)) continue;
    for (const row of rows) {
      if (row && typeof row === 'object' && !Array.isArray(row)) collect(row[field.key]);
    }
  }
  return [...ids];
}
