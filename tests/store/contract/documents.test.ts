import { describe, expect, it } from 'vitest';
import { BadRequest, Conflict, NotFound, VersionConflict } from '../../../server/errors/index.ts';
import type { Filter, FormDoc, NewDoc } from '../../../server/store/types.ts';
import { describeContract } from './adapters.ts';
import { newRecord, newUser, rejection } from './fixtures.ts';

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

function newForm(title: string, draft: FormDoc['draft'] = {}): NewDoc<FormDoc> {
  return {
    title,
    draft,
    grants: { submit: ['*'], viewAll: [], manage: [] },
    indexedFields: [],
    publishedVersion: 0,
    createdBy: 'u1',
  };
}

describeContract('store documents', (t) => {
  describe('#insert / #get', () => {
    it('stamps id, version 1 and timestamps and reads the same document back', async () => {
      // when
      const user = await t.store.users.insert(
        newUser(t.uniq('ann'), { email: 'ann@example.org', departmentId: null }),
      );
      // then
      expect(user.id).toEqual(expect.any(String));
      expect(user.version).toBe(1);
      expect(user.createdAt).toMatch(ISO);
      expect(user.updatedAt).toBe(user.createdAt);
      expect(await t.store.users.get(user.id)).toEqual(user);
      expect(await t.store.users.getOrThrow(user.id)).toEqual(user);
      expect(Object.keys(user)).not.toContain('_id');
    });

    it('keeps a caller-given id', async () => {
      const id = t.uniq('dept');
      const dept = await t.store.departments.insert({ id, name: 'Sales', parentId: null, headUserId: null });
      expect(dept.id).toBe(id);
      expect((await t.store.departments.getOrThrow(id)).name).toBe('Sales');
    });

    it('answers an unknown id with null from get and NotFound from getOrThrow', async () => {
      expect(await t.store.roles.get('no-such-role')).toBeNull();
      const error = await rejection(t.store.roles.getOrThrow('no-such-role'));
      expect(error).toBeInstanceOf(NotFound);
      expect(error.message).toContain('no-such-role');
    });

    it('stores any JSON member names below the top level, "$schema" and dotted keys included', async () => {
      // given
      const draft = {
        $schema: 'x',
        fields: [{ 'a.b': 1, '%2E': 'literal', $ref: '#/x', nested: { '': 0 } }],
        empty: {},
      };
      // when
      const form = await t.store.forms.insert(newForm(t.uniq('form'), draft));
      const updated = await t.store.forms.updateIfVersion(form.id, 1, { draft: { ...draft, $id: 'y' } });
      // then
      expect(form.draft).toEqual(draft);
      expect((await t.store.forms.getOrThrow(form.id)).draft).toEqual({ ...draft, $id: 'y' });
      expect(updated.draft).toEqual({ ...draft, $id: 'y' });
    });

    it('ignores store-owned fields and undefined members given on insert', async () => {
      const given = {
        ...newUser(t.uniq('bob')),
        version: 7,
        createdAt: '1999-01-01T00:00:00.000Z',
        email: undefined,
      };
      const user = await t.store.users.insert(given);
      expect(user.version).toBe(1);
      expect(user.createdAt).not.toBe('1999-01-01T00:00:00.000Z');
      expect(user).not.toHaveProperty('email');
    });

    it('refuses top-level member names that are not identifiers ($where, __proto__, _id) and writes nothing', async () => {
      const username = t.uniq('mallory');
      for (const bad of [
        { $where: 'sleep(1000)' },
        JSON.parse('{"__proto__": {"isAdmin": true}}'),
        { _id: 'x' },
      ]) {
        expect(await rejection(t.store.users.insert({ ...newUser(username), ...bad }))).toBeInstanceOf(
          BadRequest,
        );
      }
      expect(await t.store.users.count({ op: 'eq', field: 'username', value: username })).toBe(0);
    });
  });

  describe('#updateIfVersion', () => {
    it('replaces the given members, bumps version and updatedAt and keeps the rest', async () => {
      // given
      const user = await t.store.users.insert(newUser(t.uniq('cat'), { phone: '123' }));
      await new Promise((resolve) => setTimeout(resolve, 5));
      // when
      const updated = await t.store.users.updateIfVersion(user.id, 1, {
        displayName: 'Cat',
        roles: ['admin'],
        email: undefined,
      });
      // then
      expect(updated).toEqual({
        ...user,
        displayName: 'Cat',
        roles: ['admin'],
        version: 2,
        updatedAt: updated.updatedAt,
      });
      expect(updated.updatedAt > user.updatedAt).toBe(true);
      expect(await t.store.users.getOrThrow(user.id)).toEqual(updated);
    });

    it('rejects a stale version with VersionConflict naming the current version and changes nothing', async () => {
      const user = await t.store.users.insert(newUser(t.uniq('dan')));
      const current = await t.store.users.updateIfVersion(user.id, 1, { displayName: 'v2' });
      const error = await rejection(t.store.users.updateIfVersion(user.id, 1, { displayName: 'stale' }));
      expect(error).toBeInstanceOf(VersionConflict);
      expect(error.extra).toMatchObject({ expectedVersion: 1, currentVersion: 2 });
      expect(await t.store.users.getOrThrow(user.id)).toEqual(current);
    });

    it('answers an unknown id with NotFound', async () => {
      expect(
        await rejection(t.store.users.updateIfVersion('nobody', 1, { displayName: 'x' })),
      ).toBeInstanceOf(NotFound);
    });

    it('refuses to patch store-owned fields', async () => {
      const user = await t.store.users.insert(newUser(t.uniq('eve')));
      const patch = { version: 99 } as never;
      expect(await rejection(t.store.users.updateIfVersion(user.id, 1, patch))).toBeInstanceOf(BadRequest);
      expect((await t.store.users.getOrThrow(user.id)).version).toBe(1);
    });

    it('lets exactly one of 20 concurrent updates with the same expected version win; the others get VersionConflict', async () => {
      // given
      const record = await t.store.records.insert(newRecord(t.uniq('form'), { n: 0 }));
      // when
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          t.store.records.updateIfVersion(record.id, 1, { data: { n: i + 1 } }),
        ),
      );
      // then
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(lost.every((r) => r.reason instanceof VersionConflict)).toBe(true);
      // On FerretDB this holds only because the adapter serialises conditional writes per document
      // inside the process (FerretDB#3040); real MongoDB makes the single update atomic by itself.
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(19);
      const stored = await t.store.records.getOrThrow(record.id);
      expect(stored.version).toBe(2);
    });
  });

  describe('#delete', () => {
    it('deletes a document so get answers null', async () => {
      const role = await t.store.roles.insert({ name: t.uniq('role'), isBuiltIn: false });
      await t.store.roles.delete(role.id);
      expect(await t.store.roles.get(role.id)).toBeNull();
    });

    it('deletes with the current version and refuses a stale one with VersionConflict', async () => {
      const role = await t.store.roles.insert({ name: t.uniq('role'), isBuiltIn: false });
      await t.store.roles.updateIfVersion(role.id, 1, { description: 'x' });
      expect(await rejection(t.store.roles.delete(role.id, 1))).toBeInstanceOf(VersionConflict);
      expect(await t.store.roles.get(role.id)).not.toBeNull();
      await t.store.roles.delete(role.id, 2);
      expect(await t.store.roles.get(role.id)).toBeNull();
    });

    it('answers an unknown id with NotFound', async () => {
      expect(await rejection(t.store.roles.delete('no-such-role'))).toBeInstanceOf(NotFound);
    });
  });

  describe('unique constraints', () => {
    it('refuses a second user with the same username with Conflict naming the field', async () => {
      const username = t.uniq('frank');
      await t.store.users.insert(newUser(username));
      const error = await rejection(t.store.users.insert(newUser(username)));
      expect(error).toBeInstanceOf(Conflict);
      expect(error.extra?.fields).toEqual(['username']);
      expect(error.message).toContain('username');
      expect(await t.store.users.count({ op: 'eq', field: 'username', value: username })).toBe(1);
    });

    it('refuses an update onto a taken username with Conflict and leaves the document as it was', async () => {
      const taken = t.uniq('gus');
      await t.store.users.insert(newUser(taken));
      const other = await t.store.users.insert(newUser(t.uniq('hal')));
      const error = await rejection(t.store.users.updateIfVersion(other.id, 1, { username: taken }));
      expect(error).toBeInstanceOf(Conflict);
      expect(error.extra?.fields).toEqual(['username']);
      expect(await t.store.users.getOrThrow(other.id)).toEqual(other);
    });

    it('enforces the compound key (formId, number) of form versions', async () => {
      const formId = t.uniq('form');
      await t.store.formVersions.insert({ formId, number: 1, definition: {}, publishedBy: 'u1' });
      await t.store.formVersions.insert({ formId, number: 2, definition: {}, publishedBy: 'u1' });
      await t.store.formVersions.insert({
        formId: t.uniq('other'),
        number: 1,
        definition: {},
        publishedBy: 'u1',
      });
      const error = await rejection(
        t.store.formVersions.insert({ formId, number: 1, definition: {}, publishedBy: 'u2' }),
      );
      expect(error).toBeInstanceOf(Conflict);
      expect(error.extra?.fields).toEqual(['formId', 'number']);
    });

    it('refuses a taken id with Conflict naming id', async () => {
      const id = t.uniq('tok');
      await t.store.tokens.insert({ id, userId: 'u1', name: 'a', tokenHash: t.uniq('hash') });
      const error = await rejection(
        t.store.tokens.insert({ id, userId: 'u1', name: 'b', tokenHash: t.uniq('hash') }),
      );
      expect(error).toBeInstanceOf(Conflict);
      expect(error.extra?.fields).toEqual(['id']);
    });
  });

  describe('#ensureRecordIndexes', () => {
    it('is idempotent and leaves filtering by the indexed key working', async () => {
      const formId = t.uniq('form');
      await t.store.records.insert(newRecord(formId, { total: 5 }));
      await t.store.ensureRecordIndexes(formId, ['total', 'Total']);
      await t.store.ensureRecordIndexes(formId, ['total']);
      const filter: Filter = {
        op: 'and',
        items: [
          { op: 'eq', field: 'formId', value: formId },
          { op: 'gte', field: 'data.total', value: 5 },
        ],
      };
      expect(await t.store.records.count(filter)).toBe(1);
    });

    it('refuses keys that are not plain identifiers', async () => {
      for (const key of ['a.b', '$gt', '__proto__', '', 'x y']) {
        expect(await rejection(t.store.ensureRecordIndexes('f', [key]))).toBeInstanceOf(BadRequest);
      }
    });
  });

  describe('#insertMany', () => {
    it('inserts every document of a batch and returns them in order', async () => {
      const names = [t.uniq('a'), t.uniq('b'), t.uniq('c')];
      const users = await t.store.users.insertMany(names.map((n) => newUser(n)));
      expect(users.map((u) => u.username)).toEqual(names);
      for (const user of users) expect(await t.store.users.getOrThrow(user.id)).toEqual(user);
      expect(await t.store.users.insertMany([])).toEqual([]);
    });

    it('inserts nothing when a batch repeats a unique key within itself', async () => {
      const dup = t.uniq('dup');
      const batch = [
        newUser(t.uniq('x')),
        newUser(dup),
        newUser(t.uniq('y')),
        newUser(dup),
        newUser(t.uniq('z')),
      ];
      const error = await rejection(t.store.users.insertMany(batch));
      expect(error).toBeInstanceOf(Conflict);
      expect(error.extra?.fields).toEqual(['username']);
      for (const doc of batch)
        expect(await t.store.users.count({ op: 'eq', field: 'username', value: doc.username })).toBe(0);
    });

    it('inserts nothing when a batch collides with a stored document, which stays as it was', async () => {
      const stored = await t.store.sessions.insert({
        userId: 'u1',
        tokenHash: t.uniq('h'),
        expiresAt: '2999-01-01T00:00:00.000Z',
      });
      const first = t.uniq('h');
      const error = await rejection(
        t.store.sessions.insertMany([
          { userId: 'u2', tokenHash: first, expiresAt: '2999-01-01T00:00:00.000Z' },
          { id: stored.id, userId: 'u2', tokenHash: t.uniq('h'), expiresAt: '2999-01-01T00:00:00.000Z' },
        ]),
      );
      expect(error).toBeInstanceOf(Conflict);
      expect(error.extra?.fields).toEqual(['id']);
      expect(await t.store.sessions.count({ op: 'eq', field: 'tokenHash', value: first })).toBe(0);
      expect(await t.store.sessions.getOrThrow(stored.id)).toEqual(stored);
    });

    it('validates the whole batch before writing any of it', async () => {
      const name = t.uniq('ok');
      const batch = [newUser(name), { ...newUser(t.uniq('bad')), $where: '1' }];
      expect(await rejection(t.store.users.insertMany(batch))).toBeInstanceOf(BadRequest);
      expect(await t.store.users.count({ op: 'eq', field: 'username', value: name })).toBe(0);
    });
  });
});
