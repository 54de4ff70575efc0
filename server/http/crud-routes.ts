import type { Permission } from '../auth/permissions.ts';
import type { BaseDoc, NewDoc, Patch, Repository } from '../store/types.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import {
  created,
  defineRoute,
  noContent,
  type JsonSchema,
  type RouteDef,
  type RouteContext,
} from './route.ts';
import { pageOf, pageQuery, withVersion } from './schemas.ts';

export interface CrudOptions<T extends BaseDoc> {
  repo: Repository<T>;
  audit: AuditLog;
  /** singular noun for audit actions and summaries: `department` */
  noun: string;
  basePath: string;
  tag: string;
  readPermission: Permission;
  writePermission: Permission;
  itemSchema: JsonSchema;
  /** properties accepted on create and (all optional) on update */
  props: Record<string, JsonSchema>;
  required: string[];
  sortField: string;
  /** hooks for integrity rules (existence of referenced docs, built-in protection…) */
  beforeWrite?: (input: Partial<T>, existing: T | null) => Promise<void>;
  beforeDelete?: (existing: T) => Promise<void>;
  defaults?: Partial<NewDoc<T>>;
}

/** List / get / create / update / delete routes for a simple admin-managed document. */
export function crudRoutes<T extends BaseDoc>(o: CrudOptions<T>): RouteDef[] {
  const item = `${o.basePath}/:id`;
  const actor = (ctx: RouteContext<unknown, unknown>) => ({
    actorId: ctx.auth.user.id,
    ip: ctx.req.ip,
    targetType: o.noun,
  });
  return [
    defineRoute<unknown, { limit: number; cursor?: string }>({
      method: 'get',
      path: o.basePath,
      permission: o.readPermission,
      summary: `List ${o.noun}s`,
      tag: o.tag,
      query: pageQuery(),
      response: { status: 200, schema: pageOf(o.itemSchema) },
      handler: ({ query }) =>
        o.repo.list({ sort: [{ field: o.sortField, dir: 'asc' }], limit: query.limit, cursor: query.cursor }),
    }),
    defineRoute({
      method: 'get',
      path: item,
      permission: o.readPermission,
      summary: `Get a ${o.noun}`,
      tag: o.tag,
      response: { status: 200, schema: o.itemSchema },
      handler: ({ params }) => o.repo.getOrThrow(params.id),
    }),
    defineRoute<Partial<T>>({
      method: 'post',
      path: o.basePath,
      permission: o.writePermission,
      summary: `Create a ${o.noun}`,
      tag: o.tag,
      body: { type: 'object', additionalProperties: false, required: o.required, properties: o.props },
      response: { status: 201, schema: o.itemSchema },
      handler: async (ctx) => {
        await o.beforeWrite?.(ctx.body, null);
        const doc = await o.repo.insert({ ...o.defaults, ...ctx.body } as NewDoc<T>);
        await o.audit.write({ ...actor(ctx), action: `${o.noun}.create`, targetId: doc.id, after: doc });
        return created(doc, `/api/v1${o.basePath}/${doc.id}`);
      },
    }),
    defineRoute<Partial<T> & { version: number }>({
      method: 'patch',
      path: item,
      permission: o.writePermission,
      summary: `Update a ${o.noun}`,
      tag: o.tag,
      body: withVersion(o.props),
      response: { status: 200, schema: o.itemSchema },
      handler: async (ctx) => {
        const before = await o.repo.getOrThrow(ctx.params.id);
        const { version, ...patch } = ctx.body;
        await o.beforeWrite?.(patch as Partial<T>, before);
        const after = await o.repo.updateIfVersion(before.id, version, patch as Patch<T>);
        await o.audit.write({ ...actor(ctx), action: `${o.noun}.update`, targetId: after.id, before, after });
        return after;
      },
    }),
    defineRoute({
      method: 'delete',
      path: item,
      permission: o.writePermission,
      summary: `Delete a ${o.noun}`,
      tag: o.tag,
      response: { status: 204 },
      handler: async (ctx) => {
        const before = await o.repo.getOrThrow(ctx.params.id);
        await o.beforeDelete?.(before);
        await o.repo.delete(before.id, before.version);
        await o.audit.write({ ...actor(ctx), action: `${o.noun}.delete`, targetId: before.id, before });
        return noContent();
      },
    }),
  ];
}
