import fs from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { writeXlsx } from '/work/main/server/imports/export/xlsx-writer.ts';
import { openXlsx } from '/work/main/server/imports/data/read/xlsx-source.ts';

const out = fs.createWriteStream('/tmp/fw/a.xlsx');
await writeXlsx(out, [{ name: 'Orders', isHeaderFrozen: true, rows: [[['订单号', 'Amount', 'ok', 'date'], ['SO-1', 12.5, true, { value: 45356, style: 'date' }], [{ value: '=1+1', style: 'bad' }, null, false, 'a & <b>_x0041_']]] }, { name: 'Items', rows: [[['x'], ['y']]] }]);
await new Promise((r) => out.end(r));
const wb = XLSX.read(fs.readFileSync('/tmp/fw/a.xlsx'));
console.log(wb.SheetNames, XLSX.utils.sheet_to_json(wb.Sheets.Orders, { header: 1 }));
const f = await openXlsx('/tmp/fw/a.xlsx');
for (const s of f.sheets) for await (const b of f.batches(s.index)) console.log(s.name, JSON.stringify(b));
await f.close();
