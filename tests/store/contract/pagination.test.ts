import { beforeAll, describe, expect, it } from 'vitest';
import { BadRequest } from '../../../server/errors/index.ts';
import type { ListQuery, RecordDoc, Scalar } from '../../../server/store/types.ts';
import { describeContract } from './adapters.ts';
import { newRecord, rejection } from './fixtures.ts';

/** null first, then numbers, then strings: the order both adapters share for these types. */
function compare(a: Scalar, b: Scalar): number {
  const rank = (v: Scalar) => (v === null ? 0 : typeof v === 'number' ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  return a === b ? 0 : (a as string | number) < (b as string | number) ? -1 : 1;
}

describeContract('store sorting and pagination', (t) => {
  let formId = '';
  let records: RecordDoc[] = [];
  const inForm = () => ({ op: 'eq', field: 'formId', value: formId }) as const;

  /** Follows nextCursor until the end; returns every id in the order served. */
  const walk = async (query: ListQuery): Promise<{ ids: string[]; pages: number }> => {
    const ids: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await t.store.records.list({ ...query, cursor });
      ids.push(...page.items.map((r) => r.id));
      expect(page.items.length).toBeLessThanOrEqual(query.limit ?? 50);
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 100);
    return { ids, pages };
  };

  const expectedOrder = (key: (r: RecordDoc) => Scalar, dir: 'asc' | 'desc') =>
    [...records]
      .sort((a, b) => (compare(key(a), key(b)) || compare(a.id, b.id)) * (dir === 'asc' ? 1 : -1))
      .map((r) => r.id);

  beforeAll(async () => {
    formId = t.uniq('form');
    // 23 records: rank has many ties and three missing; mixed holds numbers, strings and nothing
    records = await t.store.records.insertMany(
      Array.from({ length: 23 }, (_, i) =>
        newRecord(
          formId,
          {
            ...(i < 20 ? { rank: i % 4 } : {}),
            mixed: i % 3 === 0 ? i : i % 3 === 1 ? `s${i % 5}` : null,
          },
          { status: i % 2 ? 'draft' : 'submitted' },
        ),
      ),
    );
  });

  describe('#list', () => {
    it('sorts newest first by default, ties broken by id descending', async () => {
      const page = await t.store.records.list({ filter: inForm(), limit: 500 });
      expect(page.items.map((r) => r.id)).toEqual(
        [...records]
          .sort((a, b) => compare(b.createdAt, a.createdAt) || compare(b.id, a.id))
          .map((r) => r.id),
      );
      expect(page.nextCursor).toBeNull();
    });

    for (const dir of ['asc', 'desc'] as const) {
      it(`walks all pages of a ${dir} sort with ties and missing values, without duplicates or gaps`, async () => {
        const { ids, pages } = await walk({
          filter: inForm(),
          sort: [{ field: 'data.rank', dir }],
          limit: 4,
        });
        expect(pages).toBe(6);
        expect(new Set(ids).size).toBe(23);
        expect(ids).toEqual(expectedOrder((r) => (r.data.rank as number | undefined) ?? null, dir));
      });

      it(`walks a ${dir} sort over numbers, strings and nulls in one field`, async () => {
        const { ids } = await walk({ filter: inForm(), sort: [{ field: 'data.mixed', dir }], limit: 5 });
        expect(ids).toEqual(expectedOrder((r) => r.data.mixed as Scalar, dir));
      });
    }

    it('walks a two-key sort, ties broken by id in the direction of the last key', async () => {
      const { ids } = await walk({
        filter: inForm(),
        sort: [
          { field: 'status', dir: 'asc' },
          { field: 'data.rank', dir: 'desc' },
        ],
        limit: 7,
      });
      const expected = [...records]
        .sort(
          (a, b) =>
            compare(a.status, b.status) ||
            -compare((a.data.rank as number) ?? null, (b.data.rank as number) ?? null) ||
            -compare(a.id, b.id),
        )
        .map((r) => r.id);
      expect(ids).toEqual(expected);
    });

    it('ends with a null cursor when the last page is exactly full', async () => {
      const { ids, pages } = await walk({
        filter: { op: 'and', items: [inForm(), { op: 'eq', field: 'status', value: 'draft' }] },
        limit: 11,
      });
      expect(ids).toHaveLength(11);
      expect(pages).toBe(1);
    });

    it('refuses a limit outside 1..500, a forged cursor and a cursor of another sort', async () => {
      for (const limit of [0, 501, 2.5]) {
        expect(await rejection(t.store.records.list({ limit }))).toBeInstanceOf(BadRequest);
      }
      expect(await rejection(t.store.records.list({ cursor: 'not a cursor' }))).toBeInstanceOf(BadRequest);
      const forged = Buffer.from(
        JSON.stringify({ s: 'createdAt:desc,id:desc', v: [{ $gt: '' }, 'x'] }),
      ).toString('base64url');
      expect(await rejection(t.store.records.list({ cursor: forged }))).toBeInstanceOf(BadRequest);
      const page = await t.store.records.list({
        filter: inForm(),
        sort: [{ field: 'data.rank', dir: 'asc' }],
        limit: 2,
      });
      const error = await rejection(
        t.store.records.list({ filter: inForm(), limit: 2, cursor: page.nextCursor! }),
      );
      expect(error).toBeInstanceOf(BadRequest);
    });
  });
});
