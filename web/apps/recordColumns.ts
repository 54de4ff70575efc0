import type { CompiledField, CompiledForm } from '../../runtime/core/index.ts';

/** Fields that can be a list column: top-level values that read well in one cell. */
export function listableFields(compiled: CompiledForm): CompiledField[] {
  return Object.values(compiled.fields).filter(
    (f) => f.tableKey === null && !['table', 'attachment', 'signature', 'textarea'].includes(f.type),
  );
}

/** Default columns: serial numbers and indexed fields, else the first four fields. */
export function defaultColumns(compiled: CompiledForm, indexed: readonly string[]): string[] {
  const fields = listableFields(compiled);
  const picked = fields.filter((f) => f.type === 'serial' || indexed.includes(f.key)).map((f) => f.key);
  return [...(picked.length > 0 ? picked : fields.slice(0, 4).map((f) => f.key)), 'status', 'createdAt'];
}

const storageKey = (formId: string) => `formwork.columns.${formId}`;

export function loadColumns(formId: string): string[] | null {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey(formId)) ?? 'null');
    return Array.isArray(parsed) && parsed.every((x) => typeof x === 'string') ? parsed : null;
  } catch {
    return null;
  }
}

export function saveColumns(formId: string, columns: string[]): void {
  try {
    localStorage.setItem(storageKey(formId), JSON.stringify(columns));
  } catch {
    // best effort
  }
}

export type FilterKind = 'text' | 'number' | 'date' | 'choice' | 'boolean';

export function filterKindOf(field: CompiledField): FilterKind {
  switch (field.type) {
    case 'number':
    case 'money':
    case 'percent':
      return 'number';
    case 'date':
    case 'datetime':
      return 'date';
    case 'select':
      return 'choice';
    case 'boolean':
      return 'boolean';
    default:
      return 'text';
  }
}

/** UI filter values → the server's filter JSON (`{customer:{contains:"AC"}, total:{gte:100}}`). */
export function buildFilter(
  compiled: CompiledForm,
  values: Record<string, unknown>,
): Record<string, unknown> {
  const filter: Record<string, Record<string, unknown> | unknown> = {};
  for (const [key, raw] of Object.entries(values)) {
    if (raw === undefined || raw === null || raw === '') continue;
    if (key === 'status') {
      filter.status = raw;
      continue;
    }
    const field = compiled.fields[key];
    if (!field) continue;
    const kind = filterKindOf(field);
    if (kind === 'text') filter[key] = { contains: String(raw).trim() };
    else if (kind === 'choice' || kind === 'boolean') filter[key] = raw;
    else if (Array.isArray(raw)) {
      const [from, to] = raw as [unknown, unknown];
      const range: Record<string, unknown> = {};
      if (from !== null && from !== undefined && from !== '') range.gte = from;
      if (to !== null && to !== undefined && to !== '') range.lte = to;
      if (Object.keys(range).length > 0) filter[key] = range;
    }
  }
  return filter;
}
