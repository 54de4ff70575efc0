import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Store } from './types.ts';

export type * from './types.ts';
export { QUERYABLE, UNIQUE } from './types.ts';

/** The store the server runs on: MongoDB when a URI is configured, else SQLite at `<dataDir>/formwork.db`. */
export async function openStore(config: { dataDir: string; mongodbUri: string | null }): Promise<Store> {
  if (config.mongodbUri) {
    const { createMongoStore } = await import('./mongo/index.ts');
    return createMongoStore({ uri: config.mongodbUri });
  }
  mkdirSync(config.dataDir, { recursive: true });
  const { createSqliteStore } = await import('./sqlite/index.ts');
  return createSqliteStore({ file: path.join(config.dataDir, 'formwork.db') });
}
