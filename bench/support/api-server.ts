// Child process of the api bench: a real Formwork server on a fresh store, 10,000 seeded records.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { loadConfig } from '../../server/config.ts';
import { startServer } from '../../server/server.ts';
import { withFreshDatabase } from '../../tests/helpers/mongo-env.ts';
import { orderFormSchema, sampleOrder } from './order-data.ts';

const RECORDS = 10_000;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fw-bench-'));
const mongodbUri = process.env.BENCH_MONGODB_URI
  ? withFreshDatabase(process.env.BENCH_MONGODB_URI, 'fw_bench')
  : null;
const running = await startServer({
  config: {
    ...loadConfig({}),
    port: 0,
    host: '127.0.0.1',
    dataDir,
    mongodbUri,
    adminPassword: 'bench-admin-pw',
    seedDemo: false,
  },
  logger: pino({ level: 'silent' }),
  isServingSpa: false,
  print: () => undefined,
});
const { store, tokens } = running.services;
const admin = (await store.users.list({ filter: { op: 'eq', field: 'username', value: 'admin' }, limit: 1 }))
  .items[0];
const { secret } = await tokens.issue({ userId: admin.id, name: 'bench' });

const headers = { authorization: `Bearer ${secret}`, 'content-type': 'application/json' };
const api = (p: string, init: RequestInit = {}) => fetch(`${running.url}/api/v1${p}`, { ...init, headers });
const form = await (
  await api('/forms', {
    method: 'POST',
    body: JSON.stringify({ title: 'Bench orders', jsonSchema: orderFormSchema }),
  })
).json();
const definition = {
  ...form.draft,
  settings: { ...form.draft.settings, indexedFields: ['customer', 'amount', 'region'] },
};
const updated = await (
  await api(`/forms/${form.id}`, {
    method: 'PATCH',
    body: JSON.stringify({ version: form.version, definition }),
  })
).json();
const published = await api(`/forms/${form.id}/versions`, {
  method: 'POST',
  body: JSON.stringify({ version: updated.version }),
});
if (published.status !== 201)
  throw new Error(`publish failed: ${published.status} ${await published.text()}`);

for (let start = 0; start < RECORDS; start += 1000) {
  await store.records.insertMany(
    Array.from({ length: 1000 }, (_, i) => ({
      formId: form.id,
      formVersion: 1,
      data: sampleOrder(start + i),
      status: 'submitted',
      createdBy: admin.id,
      participants: [admin.id],
      importId: null,
    })),
  );
}

process.stdout.write(
  `${JSON.stringify({ url: running.url, token: secret, formId: form.id, store: store.kind })}\n`,
);
process.once('SIGTERM', async () => {
  await running.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
});
