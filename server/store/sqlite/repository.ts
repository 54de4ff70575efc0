import type { BaseDoc, Repository } from '../types.ts';
import type { RepoMeta } from '../shared/repos.ts';
import type { SqliteContext } from './context.ts';
import { createReads } from './reads.ts';
import { createWrites } from './writes.ts';

export function createSqliteRepository<T extends BaseDoc>(ctx: SqliteContext, meta: RepoMeta): Repository<T> {
  return { ...createReads<T>(ctx, meta), ...createWrites<T>(ctx, meta) };
}
