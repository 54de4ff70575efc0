import { BadRequest, Conflict } from '../errors/index.ts';
import { assertPasswordPolicy, hashPassword } from '../auth/passwords.ts';
import { created, defineRoute, noContent, type RouteDef } from '../http/route.ts';
import { pageOf, pageQuery, userSchema, withVersion } from '../http/schemas.ts';
import type { Services } from '../services.ts';
import type { Filter, User } from '../store/types.ts';
import { publicUser } from './public-user.ts';

const USERNAME = { type: 'string', pattern: '^[A-Za-z0-9_.@-]{2,64}$' } as const;
const editableProps = {
  displayName: { type: 'string', minLength: 1, maxLength: 100 },
  // null clears the value
  email: { anyOf: [{ type: 'string', format: 'email', maxLength: 200 }, { type: 'null' }] },
  phone: { type: ['string', 'null'], maxLength: 30 },
  departmentId: { type: ['string', 'null'], maxLength: 64 },
  roles: {
    type: 'array',
    items: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,40}$' },
    maxItems: 20,
    uniqueItems: true,
  },
  isActive: { type: 'boolean' },
} as const;

interface CreateUserBody extends Partial<Pick<User, 'email' | 'phone' | 'departmentId' | 'isActive'>> {
  username: string;
  displayName: string;
  roles: string[];
  password: string;
}

export function userRoutes({ store, audit }: Services): RouteDef[] {
  const assertDepartment = async (departmentId: string | null | undefined) => {
    if (departmentId) await store.departments.getOrThrow(departmentId);
  };

  return [
    defineRoute<unknown, { q?: string; departmentId?: string; ids?: string; limit: number; cursor?: string }>(
      {
        method: 'get',
        path: '/org/users',
        permission: 'signedIn', // member pickers search users; hashes never leave
        summary: 'List users',
        tag: 'org',
        query: pageQuery({
          q: { type: 'string', maxLength: 100 },
          departmentId: { type: 'string', maxLength: 64 },
          ids: { type: 'string', maxLength: 6500, description: 'comma-separated user ids (up to 100)' },
        }),
        response: { status: 200, schema: pageOf(userSchema) },
        handler: async ({ query }) => {
          const filters: Filter[] = [];
          if (query.q) {
            filters.push({
              op: 'or',
              items: [
                { op: 'contains', field: 'username', value: query.q },
                { op: 'contains', field: 'displayName', value: query.q },
              ],
            });
          }
          if (query.ids) {
            const ids = query.ids
              .split(',')
              .map((id) => id.trim())
              .filter(Boolean);
            if (ids.length > 100) throw new BadRequest('Ask for at most 100 ids at once');
            filters.push({ op: 'in', field: 'id', value: ids });
          }
          if (query.departmentId)
            filters.push({ op: 'eq', field: 'departmentId', value: query.departmentId });
          const page = await store.users.list({
            filter: filters.length ? { op: 'and', items: filters } : undefined,
            sort: [{ field: 'username', dir: 'asc' }],
            limit: query.limit,
            cursor: query.cursor,
          });
          return { items: page.items.map(publicUser), nextCursor: page.nextCursor };
        },
      },
    ),
    defineRoute({
      method: 'get',
      path: '/org/users/:id',
      permission: 'signedIn',
      summary: 'Get a user',
      tag: 'org',
      response: { status: 200, schema: userSchema },
      handler: async ({ params }) => publicUser(await store.users.getOrThrow(params.id)),
    }),
    defineRoute<CreateUserBody>({
      method: 'post',
      path: '/org/users',
      permission: 'admin',
      summary: 'Create a user',
      tag: 'org',
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['username', 'displayName', 'roles', 'password'],
        properties: { username: USERNAME, password: { type: 'string' }, ...editableProps },
      },
      response: { status: 201, schema: userSchema },
      handler: async ({ body, auth, req }) => {
        assertPasswordPolicy(body.password);
        await assertDepartment(body.departmentId);
        const username = body.username.toLowerCase();
        const { password, ...rest } = body;
        const user = await store.users
          .insert({
            ...rest,
            username,
            isActive: body.isActive ?? true,
            passwordHash: await hashPassword(password),
          })
          .catch((err: unknown) => {
            if (err instanceof Conflict) {
              throw new Conflict(`The username "${username}" is taken`, {
                errors: [
                  { path: 'username', code: 'unique', message: `The username "${username}" is taken` },
                ],
              });
            }
            throw err;
          });
        await audit.write({
          actorId: auth.user.id,
          action: 'user.create',
          targetType: 'user',
          targetId: user.id,
          after: publicUser(user),
          ip: req.ip,
        });
        return created(publicUser(user), `/api/v1/org/users/${user.id}`);
      },
    }),
    defineRoute<Partial<User> & { version: number }>({
      method: 'patch',
      path: '/org/users/:id',
      permission: 'admin',
      summary: 'Update a user',
      tag: 'org',
      body: withVersion(editableProps),
      response: { status: 200, schema: userSchema },
      handler: async ({ body, params, auth, req }) => {
        const before = await store.users.getOrThrow(params.id);
        await assertDepartment(body.departmentId);
        const { version, ...patch } = body;
        const after = await store.users.updateIfVersion(params.id, version, patch);
        await audit.write({
          actorId: auth.user.id,
          action: 'user.update',
          targetType: 'user',
          targetId: after.id,
          before: publicUser(before),
          after: publicUser(after),
          ip: req.ip,
        });
        return publicUser(after);
      },
    }),
    defineRoute<{ password: string }>({
      method: 'post',
      path: '/org/users/:id/password',
      permission: 'admin',
      summary: "Set a user's password",
      tag: 'org',
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['password'],
        properties: { password: { type: 'string' } },
      },
      response: { status: 204 },
      handler: async ({ body, params, auth, req }) => {
        assertPasswordPolicy(body.password);
        const user = await store.users.getOrThrow(params.id);
        await store.users.updateIfVersion(user.id, user.version, {
          passwordHash: await hashPassword(body.password),
        });
        await audit.write({
          actorId: auth.user.id,
          action: 'user.password',
          targetType: 'user',
          targetId: user.id,
          ip: req.ip,
        });
        return noContent();
      },
    }),
  ];
}
