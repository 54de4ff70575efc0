import mongoose from 'mongoose';
import type { Connection, Model } from 'mongoose';
import { COUNTERS_TABLE, REPOS, REPO_NAMES } from '../shared/repos.ts';
import type { RepoMeta, RepoName } from '../shared/repos.ts';

const { Schema } = mongoose;
const Mixed = Schema.Types.Mixed;

export type AnyModel = Model<Record<string, unknown>>;

export interface Models {
  repos: Record<RepoName, AnyModel>;
  counters: AnyModel;
}

/**
 * One model per repository. Paths are Mixed so values are stored and compared
 * exactly as given (no casting, same as SQLite's JSON); `strict: false` keeps
 * members the schema does not list. `strictQuery` and the connection's
 * `sanitizeFilter` are a second line behind the filter validation.
 */
export function createModels(conn: Connection): Models {
  const repos = Object.fromEntries(
    REPO_NAMES.map((name) => [name, conn.model(REPOS[name].table, schemaFor(REPOS[name]))]),
  );
  const counters = conn.model(
    COUNTERS_TABLE,
    new Schema(
      { _id: String, value: Number },
      { versionKey: false, collection: COUNTERS_TABLE, strictQuery: true },
    ),
  );
  return { repos: repos as Record<RepoName, AnyModel>, counters: counters as unknown as AnyModel };
}

function schemaFor(meta: RepoMeta) {
  const paths: Record<string, unknown> = { _id: String, version: Mixed, createdAt: Mixed, updatedAt: Mixed };
  for (const path of meta.queryable) paths[path] = Mixed;
  if (meta.hasDataPaths) paths.data = Mixed;
  const schema = new Schema(paths, {
    collection: meta.table,
    strict: false,
    strictQuery: true,
    versionKey: false, // our own `version` is the optimistic lock
    minimize: false, // keep `{}` members, as SQLite does
    id: false,
  });
  schema.index({ createdAt: -1 }, { name: `${meta.table}_createdAt` });
  const leadingUnique = new Set(meta.unique.map((fields) => fields[0]));
  for (const path of meta.queryable) {
    if (!leadingUnique.has(path))
      schema.index({ [path]: 1 }, { name: `${meta.table}_${path.replaceAll('.', '_')}` });
  }
  for (const fields of meta.unique) {
    schema.index(Object.fromEntries(fields.map((f) => [f, 1])), {
      unique: true,
      name: uniqueIndexName(meta, fields),
    });
  }
  if (meta.name === 'records') schema.index({ formId: 1, createdAt: -1 }, { name: 'records_form_created' });
  return schema;
}

export function uniqueIndexName(meta: RepoMeta, fields: string[]): string {
  return `${meta.table}_${fields.join('_')}_uq`;
}
