import { recordHistoryEntrySchema } from '../../schemas/record-history.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import { pageOf } from '../http/schemas.ts';
import type { Services } from '../services.ts';
import { loadVisibleRecord } from './record-access.ts';
import { recordHistory } from './record-history.ts';

/** `GET /records/:id/history`: readable by exactly whoever may read the record (404 for anyone else). */
export function recordHistoryRoutes({ store }: Services): RouteDef[] {
  return [
    defineRoute<unknown, { limit: number; cursor?: string }>({
      method: 'get',
      path: '/records/:id/history',
      permission: 'signedIn',
      summary:
        "A record's history from the audit log, oldest first: entries discriminated by `type` (created, draftSaved, submitted, updated with the changed field keys, imported)",
      tag: 'records',
      query: {
        type: 'object',
        properties: {
          limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
          cursor: { type: 'string', maxLength: 2000 },
        },
      },
      response: { status: 200, schema: pageOf(recordHistoryEntrySchema) },
      handler: async ({ auth, params, query }) => {
        const { record } = await loadVisibleRecord(store, params.id, auth.user);
        return recordHistory({ store, record, limit: query.limit, cursor: query.cursor });
      },
    }),
  ];
}
