import { loadConfig } from '../config.ts';
import { openStore } from '../store/index.ts';
import type { Store } from '../store/types.ts';

/** Opens the configured store for one CLI command and always closes it. */
export async function withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const store = await openStore({ dataDir: config.dataDir, mongodbUri: config.mongodbUri });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
