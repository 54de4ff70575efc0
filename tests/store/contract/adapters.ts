/**
 * Runs one contract suite against every storage adapter: SQLite (a real temp
 * file) always, MongoDB when MONGODB_URI is set. Each test file opens its own
 * store: a fresh SQLite file, or a fresh `fw_test_<random>` database that is
 * dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe } from 'vitest';
import { createMongoStore } from '../../../server/store/mongo/index.ts';
import { createSqliteStore } from '../../../server/store/sqlite/index.ts';
import type { Store } from '../../../server/store/types.ts';

export interface Adapter {
  name: 'sqlite' | 'mongo';
  /** the Mongo half runs on FerretDB in CI (shown in test names) */
  isFerret: boolean;
  skipReason: string | null;
  open(workDir: string): Promise<{ store: Store; close(): Promise<void> }>;
}

export interface ContractContext {
  readonly adapter: Adapter;
  readonly store: Store;
  /** a path in this file's scratch directory */
  tmpPath(name: string): string;
  /** a unique name, so tests sharing one store do not see each other's documents */
  uniq(prefix: string): string;
}

const mongoUri = process.env.MONGODB_URI || null;

export const ADAPTERS: Adapter[] = [
  {
    name: 'sqlite',
    isFerret: false,
    skipReason: null,
    async open(workDir) {
      const store = await createSqliteStore({ file: path.join(workDir, 'formwork.db') });
      return { store, close: () => store.close() };
    },
  },
  {
    name: 'mongo',
    isFerret: mongoUri ? await isFerretDb(mongoUri) : false,
    skipReason: mongoUri ? null : 'MONGODB_URI is not set',
    async open() {
      const store = await createMongoStore({
        uri: mongoUri!,
        dbName: `fw_test_${randomBytes(6).toString('hex')}`,
      });
      return {
        store,
        async close() {
          await store.connection.dropDatabase();
          await store.close();
        },
      };
    },
  },
];

if (!mongoUri) console.warn('[store contract] MongoDB half skipped: MONGODB_URI is not set');

/** `describe` once per adapter; a skipped adapter still lists its tests as skipped, never silently. */
export function describeContract(title: string, body: (t: ContractContext) => void): void {
  for (const adapter of ADAPTERS) {
    const label = `${title} [${adapter.name}${adapter.isFerret ? ' on FerretDB' : ''}]`;
    const suite = adapter.skipReason ? describe.skip : describe;
    suite(adapter.skipReason ? `${label} (skipped: ${adapter.skipReason})` : label, () => {
      let opened: { store: Store; close(): Promise<void> } | null = null;
      let workDir = '';
      let counter = 0;
      beforeAll(async () => {
        workDir = mkdtempSync(path.join(tmpdir(), `fw-store-${adapter.name}-`));
        opened = await adapter.open(workDir);
      });
      afterAll(async () => {
        await opened?.close();
        if (workDir) rmSync(workDir, { recursive: true, force: true });
      });
      body({
        adapter,
        get store() {
          if (!opened) throw new Error('store not open yet');
          return opened.store;
        },
        tmpPath: (name) => path.join(workDir, name),
        uniq: (prefix) => `${prefix}-${randomBytes(4).toString('hex')}-${++counter}`,
      });
    });
  }
}

async function isFerretDb(uri: string): Promise<boolean> {
  const connection = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 10_000 }).asPromise();
  try {
    const info = await connection.db!.admin().command({ buildInfo: 1 });
    return 'ferretdbVersion' in info;
  } finally {
    await connection.close();
  }
}
