import fs from 'node:fs';
import { createSqliteStore } from '../server/store/sqlite/index.ts';
import { importHarness, publishedForm, uploadFile, config, col, dryRun, commit } from '../tests/imports/data/helpers.ts';
import { orderImportForm } from '../bench/support/import-workbook.ts';
import { Session } from 'node:inspector/promises';
for (const f of ['/tmp/fw/perf.db', '/tmp/fw/perf.db-wal', '/tmp/fw/perf.db-shm']) fs.rmSync(f, { force: true });
const store = await createSqliteStore({ file: '/tmp/fw/perf.db' });
const h = importHarness(store, { batchSize: Number(process.env.BATCH ?? 1000) });
const form = await publishedForm(store, h.publisher, orderImportForm());
const job = await uploadFile(h, form, '/tmp/fw/orders.xlsx');
const cfg = config({ mappings: job.source.suggested.filter((m) => m.field).map((m) => col(m.column, m.header, m.field!)) });
const session = new Session(); session.connect();
const phase = process.env.PHASE ?? 'dry';
if (phase === 'dry') { await session.post('Profiler.enable'); await session.post('Profiler.start'); }
let t = performance.now(); let cpu = process.cpuUsage();
const d = await dryRun(h, job.id, cfg);
const c1 = process.cpuUsage(cpu);
console.log('dry run rows/s', Math.round(d.summary!.rows / (performance.now() - t) * 1000), 'per cpu-s', Math.round(d.summary!.rows / ((c1.user + c1.system) / 1e6)));
if (phase === 'commit') { await session.post('Profiler.enable'); await session.post('Profiler.start'); }
t = performance.now(); cpu = process.cpuUsage();
if (phase === 'commit') { const c = await commit(h, job.id); const c2 = process.cpuUsage(cpu); console.log('commit rows/s', Math.round(c.summary!.inserted! / (performance.now() - t) * 1000), 'per cpu-s', Math.round(c.summary!.inserted! / ((c2.user + c2.system) / 1e6))); }
const { profile } = await session.post('Profiler.stop');
fs.mkdirSync('/tmp/fw/prof', { recursive: true });
for (const f of fs.readdirSync('/tmp/fw/prof')) fs.rmSync('/tmp/fw/prof/' + f);
fs.writeFileSync('/tmp/fw/prof/p.cpuprofile', JSON.stringify(profile));
