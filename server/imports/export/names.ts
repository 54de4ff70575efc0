import type { Store } from '../../store/types.ts';
import type { Names } from './columns.ts';

/** User and department names by id, loaded once per export (only when the form has such fields). */
export async function loadNames(
  store: Store,
  input: { hasUsers: boolean; hasDepartments: boolean },
): Promise<Names> {
  const users = new Map<string, string>();
  const departments = new Map<string, string>();
  if (input.hasUsers) {
    for (let cursor: string | undefined; ;) {
      const page = await store.users.list({ limit: 500, cursor });
      for (const u of page.items) users.set(u.id, u.displayName || u.username);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
  }
  if (input.hasDepartments) {
    for (let cursor: string | undefined; ;) {
      const page = await store.departments.list({ limit: 500, cursor });
      for (const d of page.items) departments.set(d.id, d.name);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
  }
  return { user: (id) => users.get(id) ?? id, department: (id) => departments.get(id) ?? id };
}
