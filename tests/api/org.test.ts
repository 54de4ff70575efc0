import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, storeKinds, type TestServer } from '../helpers/api-server.ts';

for (const kind of storeKinds('api org')) {
  describe(`org administration (${kind.name})`, () => {
    let srv: TestServer;
    beforeAll(async () => {
      srv = await startTestServer({ mongoUri: kind.mongoUri });
    });
    afterAll(() => srv?.close());

    it('creates a department tree with a head and users in it', async () => {
      const parent = await srv.admin.post('/org/departments', { name: 'Sales' });
      expect(parent.status).toBe(201);
      const child = await srv.admin.post('/org/departments', {
        name: 'Sales North',
        parentId: parent.body.id,
      });
      expect(child.body.parentId).toBe(parent.body.id);
      const user = await srv.admin.post('/org/users', {
        username: 'Zhang.Wei',
        displayName: '张伟',
        email: 'zw@example.com',
        phone: '13800000000',
        departmentId: child.body.id,
        roles: ['member'],
        password: 'a-good-password',
      });
      expect(user.status).toBe(201);
      expect(user.body.username).toBe('zhang.wei');
      const withHead = await srv.admin.patch(`/org/departments/${child.body.id}`, {
        version: child.body.version,
        headUserId: user.body.id,
      });
      expect(withHead.status).toBe(200);
      expect(withHead.body.headUserId).toBe(user.body.id);
      const listed = await srv.admin.get(`/org/users?departmentId=${child.body.id}`);
      expect(listed.body.items.map((u: { username: string }) => u.username)).toEqual(['zhang.wei']);
    });

    it('looks users up by ids and clears an e-mail with null', async () => {
      const make = (username: string) =>
        srv.admin.post('/org/users', {
          username,
          displayName: username,
          email: `${username}@example.com`,
          roles: ['member'],
          password: 'a-good-password',
        });
      const [a, b] = [await make('lookup.a'), await make('lookup.b')];
      await make('lookup.c');
      const found = await srv.admin.get(`/org/users?ids=${a.body.id},${b.body.id}`);
      expect(found.body.items.map((u: { username: string }) => u.username)).toEqual(['lookup.a', 'lookup.b']);
      const cleared = await srv.admin.patch(`/org/users/${a.body.id}`, {
        version: a.body.version,
        email: null,
      });
      expect(cleared.status).toBe(200);
      expect(cleared.body.email ?? null).toBeNull();
    });

    it('refuses to make a department its own ancestor', async () => {
      const a = await srv.admin.post('/org/departments', { name: 'A' });
      const b = await srv.admin.post('/org/departments', { name: 'B', parentId: a.body.id });
      const res = await srv.admin.patch(`/org/departments/${a.body.id}`, {
        version: a.body.version,
        parentId: b.body.id,
      });
      expect(res.status).toBe(400);
    });

    it('rejects a duplicate username with 409 naming it', async () => {
      const body = { username: 'dup', displayName: 'Dup', roles: ['member'], password: 'a-good-password' };
      expect((await srv.admin.post('/org/users', body)).status).toBe(201);
      const again = await srv.admin.post('/org/users', body);
      expect(again.status).toBe(409);
      expect(again.body.detail).toContain('dup');
      expect(again.body.errors[0].path).toBe('username');
    });

    it('rejects a stale version with 409 and keeps the newer data', async () => {
      const user = await srv.admin.post('/org/users', {
        username: 'stale',
        displayName: 'v1',
        roles: ['member'],
        password: 'a-good-password',
      });
      const first = await srv.admin.patch(`/org/users/${user.body.id}`, { version: 1, displayName: 'v2' });
      expect(first.status).toBe(200);
      const second = await srv.admin.patch(`/org/users/${user.body.id}`, { version: 1, displayName: 'v3' });
      expect(second.status).toBe(409);
      expect(second.body.type).toMatch(/version-conflict$/);
      expect((await srv.admin.get(`/org/users/${user.body.id}`)).body.displayName).toBe('v2');
    });

    it('lets only admins manage the org and read the audit log', async () => {
      const member = await srv.createUser({ username: 'plainmember' });
      expect((await member.post('/org/roles', { name: 'sneaky' })).status).toBe(403);
      expect(
        (
          await member.post('/org/users', {
            username: 'x1',
            displayName: 'x',
            roles: ['admin'],
            password: 'a-good-password',
          })
        ).status,
      ).toBe(403);
      expect((await member.get('/audit')).status).toBe(403);
      expect((await member.get('/org/users')).status).toBe(200);
    });

    it('protects built-in roles and roles still held', async () => {
      const roles = await srv.admin.get('/org/roles');
      const admin = roles.body.items.find((r: { name: string }) => r.name === 'admin');
      expect((await srv.admin.delete(`/org/roles/${admin.id}`)).status).toBe(400);
    });

    it('writes an audit event with before/after for every mutation and never the password hash', async () => {
      const user = await srv.admin.post('/org/users', {
        username: 'audited',
        displayName: 'Before',
        roles: ['member'],
        password: 'a-good-password',
      });
      await srv.admin.patch(`/org/users/${user.body.id}`, { version: 1, displayName: 'After' });
      const audit = await srv.admin.get(`/audit?targetId=${user.body.id}`);
      expect(audit.status).toBe(200);
      const actions = audit.body.items.map((e: { action: string }) => e.action);
      expect([...actions].sort()).toEqual(['user.create', 'user.update']);
      const update = audit.body.items.find((e: { action: string }) => e.action === 'user.update');
      expect(update.summary.before.displayName).toBe('Before');
      expect(update.summary.after.displayName).toBe('After');
      expect(JSON.stringify(audit.body)).not.toContain('argon2');
    });
  });
}
