import { NotFound } from '../../errors/index.ts';
import type { BaseDoc, Filter, GroupQuery, GroupRow, ListQuery, Page } from '../types.ts';
import { assertId } from '../shared/docs.ts';
import { checkFilter } from '../shared/filter.ts';
import type { CheckedFilter } from '../shared/filter.ts';
import { sortGroupRows } from '../shared/groups.ts';
import { checkGroupQuery, checkListQuery, toPage } from '../shared/query.ts';
import type { CheckedList } from '../shared/query.ts';
import type { RepoMeta } from '../shared/repos.ts';
import { fromRow, ROW_COLUMNS } from './context.ts';
import type { Row, SqliteContext } from './context.ts';
import { compileAfter, compileFilter, compileOrderBy, expr } from './sql.ts';

export interface SqlQuery {
  sql: string;
  params: unknown[];
}

export function createReads<T extends BaseDoc>(ctx: SqliteContext, meta: RepoMeta) {
  const { table } = meta;
  const get = async (id: string): Promise<T | null> => {
    assertId(meta, id);
    const row = ctx.prepare(`SELECT ${ROW_COLUMNS} FROM ${table} WHERE id = ?`).get(id) as Row | undefined;
    return row ? fromRow<T>(row) : null;
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
      const { sql, params } = buildListSql(meta, checked);
      const rows = ctx.prepare(sql).all(...params) as Row[];
      return toPage(
        rows.map((row) => fromRow<T>(row)),
        checked,
      );
    },

    async count(filter?: Filter): Promise<number> {
      const params: unknown[] = [];
      const where = whereClause(meta, checkFilter(meta, filter), params);
      const row = ctx.prepare(`SELECT count(*) AS n FROM ${table}${where}`).get(...params) as { n: number };
      return row.n;
    },

    async groupBy(query: GroupQuery): Promise<GroupRow[]> {
      const { filter, by, sum } = checkGroupQuery(meta, query);
      const params: unknown[] = [];
      const where = whereClause(meta, filter, params);
      const key = expr(meta, by);
      // keeps JSON true/false apart from the numbers 1/0 they read back as; objects and arrays come back as JSON text
      const kind =
        by.kind === 'json' && key.startsWith('json_extract')
          ? `CASE json_type(doc, '$.${by.name}') WHEN 'true' THEN 'b' WHEN 'false' THEN 'b' ELSE '' END`
          : `''`;
      const total = sum
        ? `, total(CASE WHEN json_type(doc, '$.${sum.name}') IN ('integer', 'real') THEN ${expr(meta, sum)} END) AS s`
        : '';
      const sql = `SELECT ${key} AS k, ${kind} AS c, count(*) AS n${total} FROM ${table}${where} GROUP BY k, c`;
      const rows = ctx.prepare(sql).all(...params) as {
        k: string | number | null;
        c: string;
        n: number;
        s?: number;
      }[];
      return sortGroupRows(
        rows.map((r) => ({
          key: r.c === 'b' ? r.k === 1 : r.k,
          count: r.n,
          ...(sum ? { sum: r.s ?? 0 } : {}),
        })),
      );
    },
  };
}

/** The SELECT behind `list`; exported so the index checks can EXPLAIN exactly what runs. */
export function buildListSql(meta: RepoMeta, query: CheckedList): SqlQuery {
  const params: unknown[] = [];
  const conditions: string[] = [];
  if (query.filter) conditions.push(compileFilter(meta, query.filter, params));
  if (query.after) conditions.push(compileAfter(meta, query.sort, query.after, params));
  const where = conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';
  params.push(query.limit + 1);
  return {
    sql: `SELECT ${ROW_COLUMNS} FROM ${meta.table}${where} ORDER BY ${compileOrderBy(meta, query.sort)} LIMIT ?`,
    params,
  };
}

function whereClause(meta: RepoMeta, filter: CheckedFilter | undefined, params: unknown[]): string {
  return filter ? ` WHERE ${compileFilter(meta, filter, params)}` : '';
}
