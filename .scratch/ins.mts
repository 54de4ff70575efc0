import fs from 'node:fs';
import { createSqliteStore } from '../server/store/sqlite/index.ts';
import { orderRow, IMPORT_HEADERS } from '../bench/support/import-workbook.ts';
for (const f of ['/tmp/fw/i.db', '/tmp/fw/i.db-wal', '/tmp/fw/i.db-shm']) fs.rmSync(f, { force: true });
const store = await createSqliteStore({ file: '/tmp/fw/i.db' });
if (process.env.IDX) await store.ensureRecordIndexes('f1', ['orderNo']);
const keys = ['orderNo','orderDate','customer','customerCode','contact','phone','email','address','sku','productName','spec','unit','qty','price','amount','taxRate','tax','deliveryDate','salesDept','note'];
const t = performance.now();
for (let b = 0; b < 100; b++) {
  const docs = [];
  for (let i = b * 1000; i < (b + 1) * 1000; i++) { const row = orderRow(i); docs.push({ formId: 'f1', formVersion: 1, data: Object.fromEntries(keys.map((k, j) => [k, row[j]])), status: 'submitted', createdBy: 'u1', participants: ['u1'], importId: 'imp1' }); }
  await store.records.insertMany(docs as any);
}
console.log('insert rows/s', Math.round(100000 / (performance.now() - t) * 1000));
const db = (store as any).db;
console.log(db.prepare("select name, sql from sqlite_master where tbl_name='records' and type in ('index','trigger')").all().map((r: any) => r.name).join(', '));
