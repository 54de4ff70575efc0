import { Unauthorized } from '../errors/index.ts';
import { created, defineRoute, noContent, type RouteDef } from '../http/route.ts';
import { userSchema } from '../http/schemas.ts';
import { publicUser } from '../org/public-user.ts';
import type { Services } from '../services.ts';
import { verifyPassword } from './passwords.ts';

const sessionAnswer = { type: 'object', properties: { user: userSchema, csrfToken: { type: 'string' } } };

export function sessionRoutes({ store, sessions, loginLimiter, audit }: Services): RouteDef[] {
  return [
    defineRoute<{ username: string; password: string }>({
      method: 'post',
      path: '/session',
      permission: 'public',
      summary: 'Sign in with username and password; sets the session cookie',
      tag: 'auth',
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['username', 'password'],
        properties: {
          username: { type: 'string', minLength: 1, maxLength: 64 },
          password: { type: 'string', maxLength: 256 },
        },
      },
      response: { status: 201, schema: sessionAnswer },
      handler: async ({ body, req, res }) => {
        const username = body.username.toLowerCase();
        const ip = req.ip ?? 'unknown';
        await loginLimiter.assertAllowed(username, ip);
        const page = await store.users.list({
          filter: { op: 'eq', field: 'username', value: username },
          limit: 1,
        });
        const user = page.items[0];
        const isValid = await verifyPassword(user?.passwordHash, body.password);
        if (!user || !isValid || !user.isActive) {
          await loginLimiter.recordFailure(username, ip);
          throw new Unauthorized('Wrong username or password, or the account is deactivated');
        }
        await loginLimiter.recordSuccess(username, ip);
        const { session, csrfToken } = await sessions.start(user, req, res);
        await audit.write({
          actorId: user.id,
          action: 'session.create',
          targetType: 'session',
          targetId: session.id,
          ip,
        });
        return created({ user: publicUser(user), csrfToken });
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/session',
      permission: 'signedIn',
      summary: 'Sign out',
      tag: 'auth',
      response: { status: 204 },
      handler: async ({ auth, res }) => {
        if (auth.sessionId) await sessions.end(auth.sessionId, res);
        return noContent();
      },
    }),
    defineRoute({
      method: 'get',
      path: '/me',
      permission: 'signedIn',
      summary: 'The signed-in user and the CSRF token for this session',
      tag: 'auth',
      response: { status: 200, schema: sessionAnswer },
      handler: ({ auth }) => ({ user: publicUser(auth.user), csrfToken: auth.csrfToken ?? null }),
    }),
  ];
}
