import { writeOrderWorkbook } from '../bench/support/import-workbook.ts';
import { openXlsx } from '../server/imports/data/read/xlsx-source.ts';
import fs from 'node:fs';
const file = '/tmp/fw/orders.xlsx';
if (!fs.existsSync(file)) { const t = Date.now(); await writeOrderWorkbook(file, 100000); console.log('gen', Date.now() - t, 'ms', fs.statSync(file).size); }
const t0 = performance.now();
const f = await openXlsx(file);
let n = 0;
for await (const b of f.batches(0)) n += b.length;
console.log('rows', n, 'ms', performance.now() - t0, 'rss', process.resourceUsage().maxRSS / 1024);
