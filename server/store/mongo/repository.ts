import type { BaseDoc, Repository } from '../types.ts';
import type { RepoMeta } from '../shared/repos.ts';
import type { AnyModel } from './models.ts';
import { createReads } from './reads.ts';
import { createWrites } from './writes.ts';

export function createMongoRepository<T extends BaseDoc>(model: AnyModel, meta: RepoMeta): Repository<T> {
  return { ...createReads<T>(model, meta), ...createWrites<T>(model, meta) };
}
