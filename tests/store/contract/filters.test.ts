import { beforeAll, describe, expect, it } from 'vitest';
import { BadRequest } from '../../../server/errors/index.ts';
import type { Filter, RecordDoc } from '../../../server/store/types.ts';
import { describeContract } from './adapters.ts';
import { newRecord, newUser, rejection } from './fixtures.ts';

/*
 * One form's records with data of every shape a path can hold: numbers,
 * numeric strings, booleans, null, missing, arrays and text.
 */
const ROWS: Record<
  string,
  Pick<RecordDoc, 'data' | 'status' | 'createdBy' | 'participants' | 'formVersion'>
> = {
  r1: {
    data: { amount: 10, name: 'Alpha Corp', tags: ['red', 'blue'], flag: true },
    status: 'draft',
    createdBy: 'u1',
    participants: ['u1'],
    formVersion: 1,
  },
  r2: {
    data: { amount: 25.5, name: 'beta', tags: ['blue'], flag: false },
    status: 'submitted',
    createdBy: 'u2',
    participants: ['u2', 'u1'],
    formVersion: 2,
  },
  r3: {
    data: { amount: '30', name: 'Gamma alpha', tags: 'red', flag: null },
    status: 'approved',
    createdBy: 'u1',
    participants: ['u3'],
    formVersion: 2,
  },
  r4: {
    data: { amount: null, name: null, tags: [] },
    status: 'draft',
    createdBy: 'u3',
    participants: [],
    formVersion: 1,
  },
  r5: { data: {}, status: 'rejected', createdBy: 'u2', participants: ['u2'], formVersion: 3 },
  r6: {
    data: { amount: [10, 40], name: ['Alpha'], flag: 1 },
    status: 'draft',
    createdBy: 'u1',
    participants: ['u1', 'u2'],
    formVersion: 1,
  },
};

describeContract('store filters', (t) => {
  let formId = '';
  const ids: Record<string, string> = {};
  /** Names (r1…) of this form's records that `filter` matches, sorted. */
  const match = async (filter: Filter): Promise<string[]> => {
    const page = await t.store.records.list({
      filter: { op: 'and', items: [{ op: 'eq', field: 'formId', value: formId }, filter] },
      limit: 500,
    });
    const names = page.items.map((r) => Object.keys(ids).find((name) => ids[name] === r.id)!);
    const counted = await t.store.records.count({
      op: 'and',
      items: [{ op: 'eq', field: 'formId', value: formId }, filter],
    });
    expect(counted).toBe(names.length);
    return names.sort();
  };

  beforeAll(async () => {
    formId = t.uniq('form');
    for (const [name, row] of Object.entries(ROWS)) {
      ids[name] = (
        await t.store.records.insert({ ...newRecord(formId), ...row, id: `${formId}-${name}` })
      ).id;
    }
    await t.store.records.insert(newRecord(t.uniq('other-form'), { amount: 10 }));
  });

  describe('comparisons on data.* paths (scalars of the same type only)', () => {
    it.each<[string, Filter, string[]]>([
      ['eq number', { op: 'eq', field: 'data.amount', value: 10 }, ['r1']],
      ['eq numeric string', { op: 'eq', field: 'data.amount', value: '30' }, ['r3']],
      ['eq null (null or missing)', { op: 'eq', field: 'data.amount', value: null }, ['r4', 'r5']],
      ['eq true', { op: 'eq', field: 'data.flag', value: true }, ['r1']],
      ['eq false', { op: 'eq', field: 'data.flag', value: false }, ['r2']],
      ['eq 1 is not true', { op: 'eq', field: 'data.flag', value: 1 }, ['r6']],
      [
        'ne number (arrays and missing included)',
        { op: 'ne', field: 'data.amount', value: 10 },
        ['r2', 'r3', 'r4', 'r5', 'r6'],
      ],
      ['ne null', { op: 'ne', field: 'data.amount', value: null }, ['r1', 'r2', 'r3', 'r6']],
      ['gt number', { op: 'gt', field: 'data.amount', value: 10 }, ['r2']],
      ['gte number', { op: 'gte', field: 'data.amount', value: 10 }, ['r1', 'r2']],
      ['lt number', { op: 'lt', field: 'data.amount', value: 25.5 }, ['r1']],
      ['lte number', { op: 'lte', field: 'data.amount', value: 25.5 }, ['r1', 'r2']],
      ['gt string', { op: 'gt', field: 'data.amount', value: '0' }, ['r3']],
      ['lt string', { op: 'lt', field: 'data.name', value: 'C' }, ['r1']],
      [
        'in mixed types',
        { op: 'in', field: 'data.amount', value: [10, '30', null] },
        ['r1', 'r3', 'r4', 'r5'],
      ],
      ['in booleans', { op: 'in', field: 'data.flag', value: [false, true] }, ['r1', 'r2']],
      ['in nothing', { op: 'in', field: 'data.amount', value: [] }, []],
    ])('%s', async (_, filter, expected) => {
      expect(await match(filter)).toEqual(expected);
    });
  });

  describe('contains: substring on text, element on arrays', () => {
    it.each<[string, Filter, string[]]>([
      ['substring is case-sensitive', { op: 'contains', field: 'data.name', value: 'alpha' }, ['r3']],
      ['substring in text', { op: 'contains', field: 'data.name', value: 'lpha' }, ['r1', 'r3']],
      [
        'whole element of an array or substring of text',
        { op: 'contains', field: 'data.name', value: 'Alpha' },
        ['r1', 'r6'],
      ],
      ['array element or text', { op: 'contains', field: 'data.tags', value: 'red' }, ['r1', 'r3']],
      ['no partial array elements', { op: 'contains', field: 'data.tags', value: 're' }, ['r3']],
      ['number element of an array', { op: 'contains', field: 'data.amount', value: 40 }, ['r6']],
      ['top-level text', { op: 'contains', field: 'status', value: 'ect' }, ['r5']],
      ['declared list field', { op: 'contains', field: 'participants', value: 'u1' }, ['r1', 'r2', 'r6']],
      ['declared list field, no partial ids', { op: 'contains', field: 'participants', value: 'u' }, []],
      ['id substring', { op: 'contains', field: 'id', value: '-r3' }, ['r3']],
    ])('%s', async (_, filter, expected) => {
      expect(await match(filter)).toEqual(expected);
    });
  });

  describe('top-level and store-owned fields', () => {
    it.each<[string, Filter, string[]]>([
      ['eq', { op: 'eq', field: 'status', value: 'draft' }, ['r1', 'r4', 'r6']],
      ['ne', { op: 'ne', field: 'status', value: 'draft' }, ['r2', 'r3', 'r5']],
      ['in', { op: 'in', field: 'status', value: ['approved', 'rejected'] }, ['r3', 'r5']],
      ['gte number', { op: 'gte', field: 'formVersion', value: 2 }, ['r2', 'r3', 'r5']],
      ['lt number', { op: 'lt', field: 'formVersion', value: 2 }, ['r1', 'r4', 'r6']],
      ['in ids', { op: 'in', field: 'id', value: ['?-r1', '?-r2'] }, ['r1', 'r2']],
      [
        'gte createdAt',
        { op: 'gte', field: 'createdAt', value: '2000-01-01' },
        ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'],
      ],
      ['lt createdAt', { op: 'lt', field: 'createdAt', value: '2000-01-01' }, []],
    ])('%s', async (_, filter, expected) => {
      const resolved = JSON.parse(JSON.stringify(filter).replaceAll('?-', `${formId}-`)) as Filter;
      expect(await match(resolved)).toEqual(expected);
    });

    it('filters users by a list field, a boolean and null', async () => {
      const dept = t.uniq('dept');
      const [a, b] = await t.store.users.insertMany([
        newUser(t.uniq('ua'), { roles: ['admin', 'member'], departmentId: dept, isActive: true }),
        newUser(t.uniq('ub'), { roles: ['member'], departmentId: null, isActive: false }),
      ]);
      const usernames: Filter = { op: 'in', field: 'username', value: [a.username, b.username] };
      const find = async (f: Filter) =>
        (
          await t.store.users.list({
            filter: { op: 'and', items: [usernames, f] },
            sort: [{ field: 'username', dir: 'asc' }],
          })
        ).items.map((u) => u.id);
      expect(await find({ op: 'contains', field: 'roles', value: 'admin' })).toEqual([a.id]);
      expect(await find({ op: 'contains', field: 'roles', value: 'member' })).toEqual([a.id, b.id]);
      expect(await find({ op: 'eq', field: 'isActive', value: false })).toEqual([b.id]);
      expect(await find({ op: 'eq', field: 'departmentId', value: null })).toEqual([b.id]);
      expect(await find({ op: 'eq', field: 'departmentId', value: dept })).toEqual([a.id]);
    });
  });

  describe('and / or', () => {
    it('combines and with or, nested', async () => {
      const filter: Filter = {
        op: 'or',
        items: [
          { op: 'eq', field: 'status', value: 'approved' },
          {
            op: 'and',
            items: [
              { op: 'eq', field: 'createdBy', value: 'u2' },
              { op: 'gt', field: 'data.amount', value: 20 },
            ],
          },
          {
            op: 'and',
            items: [
              { op: 'contains', field: 'participants', value: 'u2' },
              { op: 'or', items: [{ op: 'eq', field: 'data.flag', value: 1 }] },
            ],
          },
        ],
      };
      expect(await match(filter)).toEqual(['r2', 'r3', 'r6']);
    });

    it('refuses an empty and/or', async () => {
      expect(await rejection(t.store.records.count({ op: 'or', items: [] }))).toBeInstanceOf(BadRequest);
    });
  });

  describe('hostile input', () => {
    const hostileFilters: [string, unknown][] = [
      ['an operator object as value', { op: 'eq', field: 'status', value: { $gt: '' } }],
      ['an operator object in an in-list', { op: 'in', field: 'status', value: [{ $ne: 'x' }] }],
      ['an array as eq value', { op: 'eq', field: 'status', value: ['draft'] }],
      ['$where as field', { op: 'eq', field: '$where', value: 'sleep(100)' }],
      ['__proto__ as field', { op: 'eq', field: '__proto__', value: 'x' }],
      ['data.__proto__ as field', { op: 'eq', field: 'data.__proto__', value: 'x' }],
      ['an operator under data', { op: 'eq', field: 'data.$gt', value: 'x' }],
      ['a nested data path', { op: 'eq', field: 'data.a.b', value: 'x' }],
      ['an unknown op', { op: '$where', field: 'status', value: 'x' }],
      ['a range on a boolean', { op: 'gt', field: 'data.flag', value: true }],
      ['eq on a list field', { op: 'eq', field: 'participants', value: 'u1' }],
      ['a non-string on a store-owned field', { op: 'eq', field: 'createdAt', value: 5 }],
      ['NaN', { op: 'eq', field: 'data.amount', value: Number.NaN }],
    ];

    it.each(hostileFilters)('refuses %s with BadRequest', async (_, filter) => {
      expect(await rejection(t.store.records.list({ filter: filter as Filter }))).toBeInstanceOf(BadRequest);
      expect(await rejection(t.store.records.count(filter as Filter))).toBeInstanceOf(BadRequest);
    });

    it('names an unknown field in the BadRequest', async () => {
      const error = await rejection(
        t.store.users.list({ filter: { op: 'eq', field: 'passwordHash', value: 'x' } }),
      );
      expect(error).toBeInstanceOf(BadRequest);
      expect(error.message).toContain('passwordHash');
      expect(error.extra).toMatchObject({ field: 'passwordHash' });
    });

    it('refuses operator objects passed as ids or versions and changes nothing', async () => {
      // given
      const before = await t.store.records.getOrThrow(ids.r1);
      const total = await t.store.records.count();
      const smuggled = { $gt: '' } as unknown as string;
      // when / then
      expect(await rejection(t.store.records.get(smuggled))).toBeInstanceOf(BadRequest);
      expect(await rejection(t.store.records.delete(smuggled))).toBeInstanceOf(BadRequest);
      expect(await rejection(t.store.records.updateIfVersion(smuggled, 1, { status: 'x' }))).toBeInstanceOf(
        BadRequest,
      );
      expect(
        await rejection(
          t.store.records.updateIfVersion(ids.r1, { $gt: 0 } as unknown as number, { status: 'x' }),
        ),
      ).toBeInstanceOf(BadRequest);
      expect(await rejection(t.store.records.delete(ids.r1, { $ne: 1 } as unknown as number))).toBeInstanceOf(
        BadRequest,
      );
      expect(
        await rejection(t.store.records.updateIfVersion(ids.r1, 1, { $set: { status: 'x' } } as never)),
      ).toBeInstanceOf(BadRequest);
      expect(await t.store.records.getOrThrow(ids.r1)).toEqual(before);
      expect(await t.store.records.count()).toBe(total);
    });

    it('refuses unknown or list fields in sorts and groupings', async () => {
      expect(
        await rejection(t.store.records.list({ sort: [{ field: '$natural', dir: 'asc' }] })),
      ).toBeInstanceOf(BadRequest);
      expect(
        await rejection(t.store.records.list({ sort: [{ field: 'participants', dir: 'asc' }] })),
      ).toBeInstanceOf(BadRequest);
      expect(
        await rejection(t.store.records.list({ sort: [{ field: 'status', dir: 'sideways' as 'asc' }] })),
      ).toBeInstanceOf(BadRequest);
      expect(await rejection(t.store.records.groupBy({ by: '$where' }))).toBeInstanceOf(BadRequest);
      expect(await rejection(t.store.records.groupBy({ by: 'status', sum: 'createdAt' }))).toBeInstanceOf(
        BadRequest,
      );
    });
  });
});
