import { BadRequest, Conflict } from '../errors/index.ts';
import { crudRoutes } from '../http/crud-routes.ts';
import type { RouteDef } from '../http/route.ts';
import { baseDocProps } from '../http/schemas.ts';
import type { Services } from '../services.ts';
import type { Role } from '../store/types.ts';

export const BUILT_IN_ROLES = [
  { name: 'admin', description: 'Manages users, departments, roles and every form' },
  { name: 'designer', description: 'Designs forms and processes' },
  { name: 'member', description: 'Fills forms and handles tasks' },
] as const;

export function roleRoutes({ store, audit }: Services): RouteDef[] {
  return crudRoutes<Role>({
    repo: store.roles,
    audit,
    noun: 'role',
    basePath: '/org/roles',
    tag: 'org',
    readPermission: 'signedIn',
    writePermission: 'admin',
    itemSchema: {
      type: 'object',
      properties: {
        ...baseDocProps,
        name: { type: 'string' },
        description: { type: 'string' },
        isBuiltIn: { type: 'boolean' },
      },
    },
    props: {
      name: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,40}$' },
      description: { type: 'string', maxLength: 500 },
    },
    required: ['name'],
    sortField: 'name',
    defaults: { isBuiltIn: false },
    beforeWrite: async (input, existing) => {
      if (existing?.isBuiltIn && input.name !== undefined && input.name !== existing.name) {
        throw new BadRequest(`The built-in role "${existing.name}" cannot be renamed`);
      }
    },
    beforeDelete: async (role) => {
      if (role.isBuiltIn) throw new BadRequest(`The built-in role "${role.name}" cannot be deleted`);
      const holders = await store.users.count({ op: 'contains', field: 'roles', value: role.name });
      if (holders)
        throw new Conflict(`Role "${role.name}" is held by ${holders} users; remove it from them first`);
    },
  });
}
