import * as XLSX from '@e965/xlsx';
import fs from 'node:fs';
const buf = fs.readFileSync(process.argv[2]);
const wb = XLSX.read(buf, { type: 'buffer', dense: true, cellFormula: true, cellNF: true, cellStyles: true, bookFiles: true, cellHTML: false, cellText: false, sheetRows: 1000 });
console.log(Object.keys(wb), wb.SheetNames, JSON.stringify(wb.Workbook?.Names), JSON.stringify(wb.Directory?.sheets));
for (const n of wb.SheetNames) { const ws = wb.Sheets[n]; console.log(n, ws['!ref'], ws['!fullref'], JSON.stringify(ws['!merges']), Object.keys(ws));
  (ws['!data']||[]).forEach((row, r) => row && row.forEach((c, ci) => c && console.log(r, ci, JSON.stringify(c)))); }
console.log(wb.files ? Object.keys(wb.files).slice(0,30) : 'nofiles', wb.keys?.slice?.(0,30));
