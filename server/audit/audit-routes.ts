import { defineRoute, type RouteDef } from '../http/route.ts';
import { baseDocProps, pageOf, pageQuery } from '../http/schemas.ts';
import type { Services } from '../services.ts';
import type { Filter } from '../store/types.ts';

const auditSchema = {
  type: 'object',
  properties: {
    ...baseDocProps,
    actorId: { type: ['string', 'null'] },
    action: { type: 'string' },
    targetType: { type: 'string' },
    targetId: { type: 'string' },
    summary: { type: 'object' },
  },
};

export function auditRoutes({ store }: Services): RouteDef[] {
  return [
    defineRoute<
      unknown,
      {
        actorId?: string;
        action?: string;
        targetType?: string;
        targetId?: string;
        limit: number;
        cursor?: string;
      }
    >({
      method: 'get',
      path: '/audit',
      permission: 'admin',
      summary: 'Audit events, newest first',
      tag: 'audit',
      query: pageQuery({
        actorId: { type: 'string', maxLength: 64 },
        action: { type: 'string', maxLength: 64 },
        targetType: { type: 'string', maxLength: 64 },
        targetId: { type: 'string', maxLength: 64 },
      }),
      response: { status: 200, schema: pageOf(auditSchema) },
      handler: ({ query }) => {
        const items: Filter[] = (['actorId', 'action', 'targetType', 'targetId'] as const)
          .filter((field) => query[field])
          .map((field) => ({ op: 'eq', field, value: query[field] as string }));
        return store.audit.list({
          filter: items.length ? { op: 'and', items } : undefined,
          sort: [{ field: 'createdAt', dir: 'desc' }],
          limit: query.limit,
          cursor: query.cursor,
        });
      },
    }),
  ];
}
