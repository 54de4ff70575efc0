import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMongoStore } from '../../../server/store/mongo/index.ts';
import { createSqliteStore } from '../../../server/store/sqlite/index.ts';
import type { Store } from '../../../server/store/types.ts';
import {
  adminUser,
  col,
  commit,
  config,
  dryRun,
  importHarness,
  publishedForm,
  recordsOf,
  uploadFile,
  writeWorkbook,
} from './helpers.ts';
import { customerForm, customerRows } from './fixtures.ts';

const mongoUri = process.env.MONGODB_URI || null;
if (!mongoUri) console.warn('[import recovery] MongoDB half skipped: MONGODB_URI is not set');

interface Kind {
  name: string;
  open(dir: string): Promise<{ store: Store; child: Record<string, string> }>;
}
const dbName = `fw_test_recovery_${randomBytes(5).toString('hex')}`;
const KINDS: Kind[] = [
  {
    name: 'sqlite',
    open: async (dir) => ({
      store: await createSqliteStore({ file: path.join(dir, 'fw.db') }),
      child: { sqliteFile: path.join(dir, 'fw.db') },
    }),
  },
  ...(mongoUri
    ? [
        {
          name: 'mongo',
          open: async () => ({
            store: await createMongoStore({ uri: mongoUri, dbName }),
            child: { mongoUri, dbName },
          }),
        },
      ]
    : []),
];
const mapping = [
  col(0, '编码', 'custNo'),
  col(1, '名称', 'name'),
  col(2, '授信额度', 'credit'),
  col(3, '合作日期', 'since'),
];

function runChild(env: object): Promise<{ signal: NodeJS.Signals | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'fixtures', 'commit-child.ts')],
      {
        env: { ...process.env, FW_CHILD: JSON.stringify(env) },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', (_code, signal) => resolve({ signal, out }));
  });
}

for (const kind of KINDS) {
  describe(`recovery after a crash mid-commit [${kind.name}]`, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fw-recover-'));
    afterAll(async () => {
      if (kind.name === 'mongo') {
        const { store } = await kind.open(dir);
        await (store as Awaited<ReturnType<typeof createMongoStore>>).connection.dropDatabase();
        await store.close();
      }
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('leaves all rows or none: the process is killed between batches, recovery on restart removes the partial rows, a new commit writes all', async () => {
      // given: a dry-run import of 55 rows, committed in batches of 10 by a process that dies after batch 3
      const opened = await kind.open(dir);
      const { child } = opened;
      let { store } = opened;
      let h = importHarness(store, { dataDir: path.join(dir, 'data'), batchSize: 10 });
      const form = await publishedForm(store, h.publisher, customerForm());
      const job = await uploadFile(
        h,
        form,
        writeWorkbook(path.join(dir, 'in.xlsx'), { S: customerRows(55) }),
      );
      await dryRun(h, job.id, config({ mappings: mapping }));
      await store.close();

      // when
      const result = await runChild({
        ...child,
        dataDir: path.join(dir, 'data'),
        jobId: job.id,
        killAfter: 3,
      });

      // then: the child died with 30 rows written and the job still "committing"
      expect(result.signal).toBe('SIGKILL');
      ({ store } = await kind.open(dir));
      h = importHarness(store, { dataDir: path.join(dir, 'data'), batchSize: 10 });
      expect(await recordsOf(store, form.id)).toHaveLength(30);
      expect((await store.imports.getOrThrow(job.id)).state).toBe('committing');

      // a live heartbeat protects a running commit from recovery
      expect(await h.service.recover()).toEqual([]);
      expect(await recordsOf(store, form.id)).toHaveLength(30);

      // recovery after the lease: none of the rows remain, the job can be committed again
      const recovered = await h.service.recover({ staleAfterMs: 0 });
      expect(recovered.map((j) => [j.id, j.state])).toEqual([[job.id, 'failed']]);
      expect(recovered[0].error).toContain('rolled back: 30 removed');
      expect(await recordsOf(store, form.id)).toEqual([]);

      const again = await commit(h, job.id);
      expect(again.state).toBe('committed');
      const records = await recordsOf(store, form.id);
      expect(records).toHaveLength(55);
      expect(new Set(records.map((r) => r.data.custNo)).size).toBe(55);
      await store.close();
    }, 60_000);

    it('completes an undo interrupted by a crash', async () => {
      const { store } = await kind.open(dir);
      const h = importHarness(store, { dataDir: path.join(dir, 'data2') });
      const form = await publishedForm(store, h.publisher, customerForm());
      const job = await uploadFile(
        h,
        form,
        writeWorkbook(path.join(dir, 'in2.xlsx'), { S: customerRows(8) }),
      );
      await dryRun(h, job.id, config({ mappings: mapping }));
      const done = await commit(h, job.id);
      // a process that set the job to "undoing", deleted 3 records and died
      await store.imports.updateIfVersion(done.id, done.version, {
        state: 'undoing',
        heartbeatAt: new Date(Date.now() - 120_000).toISOString(),
      });
      for (const record of (await recordsOf(store, form.id)).slice(0, 3))
        await store.records.delete(record.id);

      const recovered = await h.service.recover();
      expect(recovered.map((j) => j.state)).toEqual(['undone']);
      expect(await recordsOf(store, form.id)).toEqual([]);
      expect((await h.service.load(job.id, adminUser())).job.summary).toMatchObject({ removed: 5 });
      await store.close();
    });
  });
}
