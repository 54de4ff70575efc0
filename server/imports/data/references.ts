import { cellText, type Cleanser } from '../../../builder/excel-import/cleansing/index.ts';
import type { CompiledField } from '../../../runtime/core/index.ts';
import type { Store } from '../../store/types.ts';

/**
 * Member and department fields store ids; sheets hold names. The resolver turns a
 * `username`, display name or department name into the id (an id itself passes); unknown
 * or ambiguous names are cleansing errors. The data is loaded once per run and is plain
 * (structured-cloneable), so build workers get a copy.
 */
export interface ReferenceResolver {
  wrap(field: CompiledField, clean: Cleanser): Cleanser;
}

/** lower-cased name → ids, for users and departments */
export interface ReferenceData {
  users: [string, string[]][];
  departments: [string, string[]][];
}

const PAGE = 500;

export async function loadReferenceData(store: Store): Promise<ReferenceData> {
  const users = new Map<string, string[]>();
  const departments = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, name: string | undefined, id: string) => {
    if (!name) return;
    const key = name.trim().toLowerCase();
    const ids = map.get(key) ?? [];
    if (!ids.includes(id)) ids.push(id);
    map.set(key, ids);
  };
  for (let cursor: string | undefined; ;) {
    const page = await store.users.list({ limit: PAGE, cursor });
    for (const u of page.items) [u.id, u.username, u.displayName].forEach((name) => add(users, name, u.id));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  for (let cursor: string | undefined; ;) {
    const page = await store.departments.list({ limit: PAGE, cursor });
    for (const d of page.items) [d.id, d.name].forEach((name) => add(departments, name, d.id));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return { users: [...users], departments: [...departments] };
}

export async function loadReferences(store: Store): Promise<ReferenceResolver> {
  return referenceResolver(await loadReferenceData(store));
}

export function referenceResolver(data: ReferenceData): ReferenceResolver {
  const users = new Map(data.users);
  const departments = new Map(data.departments);
  return {
    wrap(field, clean) {
      if (field.type !== 'member' && field.type !== 'department') return clean;
      const map = field.type === 'member' ? users : departments;
      const what = field.type === 'member' ? 'user' : 'department';
      const isMultiple = 'isMultiple' in field && field.isMultiple;
      const one = (name: string) => map.get(name.trim().toLowerCase()) ?? [];
      return (raw) => {
        const result = clean(raw);
        if (!result.ok || result.value === null) return result;
        const names = isMultiple
          ? cellText(result.value)
              .split(/[,，;；、]/)
              .map((s) => s.trim())
              .filter(Boolean)
          : [cellText(result.value)];
        const ids: string[] = [];
        for (const name of names) {
          const hits = one(name);
          if (hits.length !== 1) {
            return {
              ok: false,
              failure: {
                rule: 'type',
                code: hits.length ? 'ambiguousReference' : 'notReference',
                params: { value: name, what },
              },
            };
          }
          ids.push(hits[0]);
        }
        return { ok: true, value: isMultiple ? ids : ids[0] };
      };
    },
  };
}
