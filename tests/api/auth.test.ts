import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_PASSWORD,
  ApiClient,
  startTestServer,
  storeKinds,
  type TestServer,
} from '../helpers/api-server.ts';

for (const kind of storeKinds('api auth')) {
  describe(`auth and sessions (${kind.name})`, () => {
    let srv: TestServer;
    beforeAll(async () => {
      srv = await startTestServer({ mongoUri: kind.mongoUri });
    });
    afterAll(() => srv?.close());

    it('signs in with a session cookie that is httpOnly and SameSite=Lax, and answers {user, csrfToken}', async () => {
      const client = new ApiClient(srv.url);
      const res = await client.signIn('admin', ADMIN_PASSWORD);
      expect(res.status).toBe(201);
      expect(res.body.user.username).toBe('admin');
      expect(res.body.user.passwordHash).toBeUndefined();
      expect(typeof res.body.csrfToken).toBe('string');
      const cookie = res.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/fw_session=/);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      const me = await client.get('/me');
      expect(me.status).toBe(200);
      expect(me.body.user.username).toBe('admin');
    });

    it('rejects a wrong password with 401 problem+json', async () => {
      const res = await new ApiClient(srv.url).signIn('admin', 'wrong-password');
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(res.body.type).toMatch(/unauthorized$/);
    });

    it('refuses a cookie-authenticated mutation without the CSRF header', async () => {
      const res = await srv.admin.request(
        'POST',
        '/org/roles',
        { name: 'nocsrf' },
        { headers: { 'x-csrf-token': '' } },
      );
      expect(res.status).toBe(403);
      expect(res.body.reason).toBe('csrf');
      const roles = await srv.admin.get('/org/roles');
      expect(roles.body.items.map((r: { name: string }) => r.name)).not.toContain('nocsrf');
    });

    it('accepts Bearer API tokens without CSRF, and stops accepting them once revoked', async () => {
      const created = await srv.admin.post('/tokens', { name: 'integration' });
      expect(created.status).toBe(201);
      expect(created.body.secret).toMatch(/^fw_/);
      expect(created.body.token.tokenHash).toBeUndefined();
      const bot = ApiClient.withToken(srv.url, created.body.secret);
      expect((await bot.post('/org/roles', { name: 'via-token' })).status).toBe(201);
      expect((await srv.admin.delete(`/tokens/${created.body.token.id}`)).status).toBe(204);
      expect((await bot.get('/me')).status).toBe(401);
    });

    it('rate-limits repeated failed sign-ins for a user with 429', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++)
        statuses.push((await new ApiClient(srv.url).signIn('ratelimited', 'nope')).status);
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(statuses.at(-1)).toBe(429);
    });

    it('signs out and the cookie no longer works', async () => {
      const client = await srv.login('admin', ADMIN_PASSWORD);
      expect((await client.delete('/session')).status).toBe(204);
      expect((await client.get('/me')).status).toBe(401);
    });

    it('answers 401 for protected routes without credentials and 404 problem for unknown endpoints', async () => {
      const anon = new ApiClient(srv.url);
      expect((await anon.get('/org/users')).status).toBe(401);
      const unknown = await srv.admin.get('/no/such/thing');
      expect(unknown.status).toBe(404);
      expect(unknown.body.type).toMatch(/not-found$/);
    });

    it('localises problem titles by Accept-Language', async () => {
      const res = await new ApiClient(srv.url).request('GET', '/org/users', undefined, {
        headers: { 'accept-language': 'zh-CN,zh;q=0.9' },
      });
      expect(res.status).toBe(401);
      expect(res.body.title).toBe('需要登录');
    });
  });
}
