import fs from 'node:fs';
import { createSqliteStore } from '../server/store/sqlite/index.ts';
import { importHarness, publishedForm, writeWorkbook, uploadFile, config, col, dryRun, commit, recordsOf } from '../tests/imports/data/helpers.ts';
import { slicedChunks } from '../server/imports/data/job-repo.ts';
fs.rmSync('/tmp/fw/p.db', { force: true });
const store = await createSqliteStore({ file: '/tmp/fw/p.db' });
const h = importHarness(store);
const form = await publishedForm(store, h.publisher, { schemaVersion: 1, settings: { title: 'Orders', indexedFields: ['orderNo'] }, fields: [
  { key: 'orderNo', type: 'text', label: '订单号', required: true },
  { key: 'customer', type: 'text', label: '客户', required: true },
  { key: 'amount', type: 'money', label: '金额' },
  { key: 'orderDate', type: 'date', label: '日期' },
  { key: 'vip', type: 'boolean', label: 'VIP' },
] } as any);
const file = writeWorkbook('/tmp/fw/in.xlsx', { S: [['订单号', '客户名称', '金额', '日期', 'VIP'], ['SO-1', ' ACME ', '¥1,234.50', 45356, '是'], ['SO-2', 'Beta', '3.5万', '2024年3月5日', 'N'], ['SO-3', '', 'abc', '2024/13/01', 'maybe']] }, { dateColumns: [3] });
const job = await uploadFile(h, form, file);
console.log(JSON.stringify(job.source.suggested), job.source.sheets[0].headerRow);
const cfg = config({ mappings: job.source.suggested.filter((m) => m.field).map((m) => col(m.column, m.header, m.field!)), duplicates: { keyFields: ['orderNo'], inFile: 'error', existing: 'update' } });
const done = await dryRun(h, job.id, cfg);
console.log(done.state, done.error, done.summary);
console.log(await slicedChunks(store, job.id, 'errors', 1000, 0, 100));
const c = await commit(h, job.id, 0.5);
console.log(c.state, c.error, c.summary);
console.log((await recordsOf(store, form.id)).map((r) => r.data));
