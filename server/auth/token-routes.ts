import { NotFound } from '../errors/index.ts';
import { created, defineRoute, noContent, type RouteDef } from '../http/route.ts';
import { baseDocProps, pageOf, pageQuery } from '../http/schemas.ts';
import { isAdmin } from './permissions.ts';
import type { Services } from '../services.ts';
import { publicToken } from './tokens.ts';

const tokenSchema = {
  type: 'object',
  properties: {
    ...baseDocProps,
    userId: { type: 'string' },
    name: { type: 'string' },
    lastUsedAt: { type: ['string', 'null'] },
    expiresAt: { type: ['string', 'null'] },
  },
};

/** Users manage their own tokens; admins see and revoke everyone's. */
export function tokenRoutes({ store, tokens, audit }: Services): RouteDef[] {
  return [
    defineRoute<unknown, { limit: number; cursor?: string }>({
      method: 'get',
      path: '/tokens',
      permission: 'signedIn',
      summary: 'List my API tokens (admins: all)',
      tag: 'auth',
      query: pageQuery(),
      response: { status: 200, schema: pageOf(tokenSchema) },
      handler: async ({ auth, query }) => {
        const page = await store.tokens.list({
          filter: isAdmin(auth.user) ? undefined : { op: 'eq', field: 'userId', value: auth.user.id },
          limit: query.limit,
          cursor: query.cursor,
        });
        return { items: page.items.map(publicToken), nextCursor: page.nextCursor };
      },
    }),
    defineRoute<{ name: string; expiresAt?: string }>({
      method: 'post',
      path: '/tokens',
      permission: 'signedIn',
      summary: 'Create an API token for myself; the secret is in the answer only once',
      tag: 'auth',
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 100 },
          expiresAt: { type: 'string', format: 'date-time' },
        },
      },
      response: {
        status: 201,
        schema: { type: 'object', properties: { token: tokenSchema, secret: { type: 'string' } } },
      },
      handler: async ({ auth, body, req }) => {
        const { token, secret } = await tokens.issue({
          userId: auth.user.id,
          name: body.name,
          expiresAt: body.expiresAt,
        });
        await audit.write({
          actorId: auth.user.id,
          action: 'token.create',
          targetType: 'token',
          targetId: token.id,
          after: publicToken(token),
          ip: req.ip,
        });
        return created({ token: publicToken(token), secret });
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/tokens/:id',
      permission: 'signedIn',
      summary: 'Revoke an API token',
      tag: 'auth',
      response: { status: 204 },
      handler: async ({ auth, params, req }) => {
        const token = await store.tokens.get(params.id);
        // Someone else's token answers 404, not 403, so ids cannot be probed.
        if (!token || (token.userId !== auth.user.id && !isAdmin(auth.user)))
          throw new NotFound('token', params.id);
        await store.tokens.delete(token.id);
        await audit.write({
          actorId: auth.user.id,
          action: 'token.delete',
          targetType: 'token',
          targetId: token.id,
          before: publicToken(token),
          ip: req.ip,
        });
        return noContent();
      },
    }),
  ];
}
