import { BadRequest, Conflict } from '../errors/index.ts';
import { crudRoutes } from '../http/crud-routes.ts';
import type { RouteDef } from '../http/route.ts';
import { baseDocProps } from '../http/schemas.ts';
import type { Services } from '../services.ts';
import type { Department } from '../store/types.ts';

export function departmentRoutes({ store, audit }: Services): RouteDef[] {
  /** Refuses a parent that is the department itself or one of its descendants. */
  const assertNoCycle = async (id: string, parentId: string | null | undefined) => {
    let cursor = parentId ?? null;
    for (let depth = 0; cursor; depth++) {
      if (cursor === id || depth > 100)
        throw new BadRequest('A department cannot be placed under itself or its own sub-department');
      cursor = (await store.departments.getOrThrow(cursor)).parentId;
    }
  };
  return crudRoutes<Department>({
    repo: store.departments,
    audit,
    noun: 'department',
    basePath: '/org/departments',
    tag: 'org',
    readPermission: 'signedIn',
    writePermission: 'admin',
    itemSchema: {
      type: 'object',
      properties: {
        ...baseDocProps,
        name: { type: 'string' },
        parentId: { type: ['string', 'null'] },
        headUserId: { type: ['string', 'null'] },
      },
    },
    props: {
      name: { type: 'string', minLength: 1, maxLength: 100 },
      parentId: { type: ['string', 'null'], maxLength: 64 },
      headUserId: { type: ['string', 'null'], maxLength: 64 },
    },
    required: ['name'],
    sortField: 'name',
    defaults: { parentId: null, headUserId: null },
    beforeWrite: async (input, existing) => {
      if (input.parentId) await store.departments.getOrThrow(input.parentId);
      if (input.headUserId) await store.users.getOrThrow(input.headUserId);
      if (existing && input.parentId !== undefined) await assertNoCycle(existing.id, input.parentId);
    },
    beforeDelete: async (dept) => {
      const [children, members] = await Promise.all([
        store.departments.count({ op: 'eq', field: 'parentId', value: dept.id }),
        store.users.count({ op: 'eq', field: 'departmentId', value: dept.id }),
      ]);
      if (children || members) {
        throw new Conflict(
          `Department "${dept.name}" still has ${children} sub-departments and ${members} users; move them first`,
        );
      }
    },
  });
}
