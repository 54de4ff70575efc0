import { NotFound } from '../../errors/index.ts';
import type { BaseDoc, Filter, GroupQuery, GroupRow, ListQuery, Page } from '../types.ts';
import { assertId } from '../shared/docs.ts';
import { checkFilter } from '../shared/filter.ts';
import { groupKeyId, sortGroupRows, toGroupKey } from '../shared/groups.ts';
import { checkGroupQuery, checkListQuery, toPage } from '../shared/query.ts';
import type { RepoMeta } from '../shared/repos.ts';
import { compileAfter, compileFilter, compileSort, mongoPath } from './filter.ts';
import { fromMongoDoc, unescapeKeys } from './keys.ts';
import type { AnyModel } from './models.ts';

export function createReads<T extends BaseDoc>(model: AnyModel, meta: RepoMeta) {
  const get = async (id: string): Promise<T | null> => {
    assertId(meta, id);
    const raw = await model.findOne({ _id: id }).lean();
    return raw ? fromMongoDoc<T>(raw as Record<string, unknown>) : null;
  };

  return {
    get,

    async getOrThrow(id: string): Promise<T> {
      const doc = await get(id);
      if (!doc) throw new NotFound(meta.entity, id);
      return doc;
    },

    async list(query?: ListQuery): Promise<Page<T>> {
      const checked = checkListQuery(meta, query);
      const conditions = [];
      if (checked.filter) conditions.push(compileFilter(checked.filter));
      if (checked.after) conditions.push(compileAfter(checked.sort, checked.after));
      const filter =
        conditions.length === 0 ? {} : conditions.length === 1 ? conditions[0] : { $and: conditions };
      const raws = await model
        .find(filter)
        .sort(compileSort(checked.sort))
        .limit(checked.limit + 1)
        .lean();
      return toPage(
        raws.map((raw) => fromMongoDoc<T>(raw as Record<string, unknown>)),
        checked,
      );
    },

    async count(filter?: Filter): Promise<number> {
      const checked = checkFilter(meta, filter);
      return model.countDocuments(checked ? compileFilter(checked) : {});
    },

    /**
     * Count and sum run as two pipelines: FerretDB 1.x answers a $group that
     * holds both a count and a field $sum with sums of 0 (notes/ferretdb.md).
     */
    async groupBy(query: GroupQuery): Promise<GroupRow[]> {
      const { filter, by, sum } = checkGroupQuery(meta, query);
      const match = { $match: filter ? compileFilter(filter) : {} };
      const key = `$${mongoPath(by)}`;
      const counts = await model.aggregate<{ _id: unknown; n: number }>([
        match,
        { $group: { _id: key, n: { $sum: 1 } } },
      ]);
      const rows = new Map<string, GroupRow>();
      for (const { _id, n } of counts) {
        const groupKey = toGroupKey(unescapeKeys(_id));
        rows.set(groupKeyId(groupKey), { key: groupKey, count: n, ...(sum ? { sum: 0 } : {}) });
      }
      if (sum) {
        const sums = await model.aggregate<{ _id: unknown; s: number }>([
          match,
          { $group: { _id: key, s: { $sum: `$${sum.name}` } } },
        ]);
        for (const { _id, s } of sums) {
          const row = rows.get(groupKeyId(toGroupKey(unescapeKeys(_id))));
          if (row) row.sum = s;
        }
      }
      return sortGroupRows([...rows.values()]);
    },
  };
}
