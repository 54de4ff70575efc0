import Database from 'better-sqlite3';
import fs from 'node:fs';
import { orderRow } from '../bench/support/import-workbook.ts';
const keys = ['orderNo','orderDate','customer','customerCode','contact','phone','email','address','sku','productName','spec','unit','qty','price','amount','taxRate','tax','deliveryDate','salesDept','note'];
const docs: string[] = [];
for (let i = 0; i < 100000; i++) { const row = orderRow(i); docs.push(JSON.stringify({ formId: 'f1', formVersion: 1, data: Object.fromEntries(keys.map((k, j) => [k, row[j]])), status: 'submitted', createdBy: 'u1', participants: ['u1'], importId: 'imp1' })); }
for (const variant of ['plain', 'idx4', 'fc', 'trig', 'full']) {
  for (const f of ['/tmp/fw/r.db', '/tmp/fw/r.db-wal', '/tmp/fw/r.db-shm']) fs.rmSync(f, { force: true });
  const db = new Database('/tmp/fw/r.db'); db.pragma('journal_mode = WAL'); db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE records (id TEXT PRIMARY KEY, version INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, doc TEXT NOT NULL CHECK (json_valid(doc)), form_id TEXT GENERATED ALWAYS AS (json_extract(doc, '$.formId')) VIRTUAL)`);
  if (variant === 'idx4' || variant === 'full') for (const p of ['formVersion', 'status', 'createdBy', 'importId']) db.exec(`CREATE INDEX i_${p} ON records(json_extract(doc, '$.${p}'))`);
  if (variant === 'fc' || variant === 'full') db.exec(`CREATE INDEX fc ON records(form_id, created_at)`);
  if (variant === 'trig' || variant === 'full') {
    db.exec(`CREATE TABLE rp (user_id TEXT NOT NULL, record_id TEXT NOT NULL, PRIMARY KEY (user_id, record_id)) WITHOUT ROWID; CREATE INDEX rpr ON rp(record_id); CREATE TRIGGER t AFTER INSERT ON records BEGIN INSERT OR IGNORE INTO rp(user_id, record_id) SELECT value, NEW.id FROM json_each(NEW.doc, '$.participants') WHERE type = 'text'; END;`);
  }
  const ins = db.prepare('INSERT INTO records (id, version, created_at, updated_at, doc) VALUES (?, 1, ?, ?, ?)');
  const tx = db.transaction((from: number) => { for (let i = from; i < from + 1000; i++) ins.run('id' + String(i).padStart(8, '0') + Math.random(), new Date().toISOString(), new Date().toISOString(), docs[i]); });
  const t = performance.now();
  for (let b = 0; b < 100; b++) tx(b * 1000);
  console.log(variant, Math.round(100000 / (performance.now() - t) * 1000), 'rows/s', db.prepare('select sqlite_version() v').get());
  db.close();
}
