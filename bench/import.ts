// Data import: a generated 100,000 × 20 order sheet (.xlsx, shared strings, as Excel writes it) through the
// real pipeline (dry run, then commit) on SQLite and on MongoDB when MONGODB_URI is set, beside a naive
// baseline measured in the same run: SheetJS sheet_to_json, then one insert per row. Each measurement
// runs in its own process, so its peak RSS is its own.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from '@e965/xlsx';
import { pino } from 'pino';
import { createAuditLog } from '../server/audit/audit-log.ts';
import { createCompiledCache } from '../server/forms/compiled-cache.ts';
import { createFormPublisher } from '../server/forms/publish.ts';
import { createImportService } from '../server/imports/data/service.ts';
import type { ImportContext } from '../server/imports/data/context.ts';
import { DEFAULT_READ_LIMITS } from '../server/imports/data/read/types.ts';
import { DEFAULT_LIMITS } from '../server/imports/workbook/limits.ts';
import { prepareRecordData } from '../server/records/record-validation.ts';
import type { Services } from '../server/services.ts';
import { createMongoStore } from '../server/store/mongo/index.ts';
import { createSqliteStore } from '../server/store/sqlite/index.ts';
import type { Store, User } from '../server/store/types.ts';
import { IMPORT_HEADERS, orderImportForm, writeOrderWorkbook } from './support/import-workbook.ts';
import { figure, type BenchFigure, type BenchResult } from './support/types.ts';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
/** one insert per row over the network is slow: the Mongo baseline inserts this many and reports the rate */
const NAIVE_MONGO_ROWS = Math.min(ROWS, 10_000);

interface OursResult {
  dryRunRowsPerS: number;
  commitRowsPerS: number;
  rows: number;
  inserted: number;
  errorRecords: number;
  rssMb: number;
}
interface NaiveResult {
  dryRunRowsPerS: number;
  insertRowsPerS: number;
  inserted: number;
  rssMb: number;
}
type ChildArgs = { mode: 'ours' | 'naive'; file: string; dir: string; mongoUri?: string };

export async function run(): Promise<BenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fw-bench-import-'));
  const notes: string[] = [];
  try {
    const file = path.join(dir, 'orders.xlsx');
    await writeOrderWorkbook(file, ROWS);
    notes.push(
      `${ROWS.toLocaleString('en')} rows × 20 columns, ${(fs.statSync(file).size / 1048576).toFixed(1)} MiB .xlsx with shared strings; ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)} at start`,
    );
    const sqlite = await runChild<OursResult>({ mode: 'ours', file, dir });
    const naiveSqlite = await runChild<NaiveResult>({ mode: 'naive', file, dir });
    const figures: BenchFigure[] = [
      figure('import.dryrun_rows_per_s', sqlite.dryRunRowsPerS, 'rows/s', naiveSqlite.dryRunRowsPerS),
      figure('import.commit_rows_per_s.sqlite', sqlite.commitRowsPerS, 'rows/s', naiveSqlite.insertRowsPerS),
    ];
    let peak = sqlite.rssMb;
    let naivePeak = naiveSqlite.rssMb;
    const mongoUri = process.env.MONGODB_URI;
    if (mongoUri) {
      const mongo = await runChild<OursResult>({ mode: 'ours', file, dir, mongoUri });
      const naiveMongo = await runChild<NaiveResult>({ mode: 'naive', file, dir, mongoUri });
      figures.push(
        figure('import.commit_rows_per_s.mongo', mongo.commitRowsPerS, 'rows/s', naiveMongo.insertRowsPerS),
      );
      peak = Math.max(peak, mongo.rssMb);
      naivePeak = Math.max(naivePeak, naiveMongo.rssMb);
      notes.push(
        `mongo baseline: one insert per row for the first ${NAIVE_MONGO_ROWS.toLocaleString('en')} rows`,
      );
    } else {
      notes.push(
        'import.commit_rows_per_s.mongo skipped: MONGODB_URI is not set (CI runs it against FerretDB)',
      );
    }
    figures.push(figure('import.peak_rss_mb', peak, 'MB', naivePeak));
    notes.push(
      `ours: streaming .xlsx reader + cleansing + prepareRecordData per record, ${sqlite.errorRecords} error records; commit writes batches of 1,000 tagged with the import id`,
      'baseline dry run: SheetJS read + sheet_to_json (defaults) + prepareRecordData per row, no cleansing; baseline commit: one records.insert per row',
      'targets: dry run ≥ 20,000 rows/s, SQLite commit ≥ 10,000 rows/s, peak RSS < 600 MB',
    );
    return { suite: 'import', figures, notes };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function runChild<T>(args: ChildArgs): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), '--import-child'],
      {
        env: { ...process.env, FW_BENCH_IMPORT: JSON.stringify(args) },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (code === 0 && line) resolve(JSON.parse(line) as T);
      else
        reject(
          new Error(`import bench child (${args.mode}${args.mongoUri ? ', mongo' : ''}) exited with ${code}`),
        );
    });
  });
}

// ---------------------------------------------------------------- child side

async function openStore(args: ChildArgs): Promise<{ store: Store; close: () => Promise<void> }> {
  if (args.mongoUri) {
    const store = await createMongoStore({
      uri: args.mongoUri,
      dbName: `fw_bench_import_${randomBytes(4).toString('hex')}`,
    });
    return { store, close: async () => (await store.connection.dropDatabase(), await store.close()) };
  }
  const store = await createSqliteStore({
    file: path.join(args.dir, `${args.mode}-${randomBytes(4).toString('hex')}.db`),
  });
  return { store, close: () => store.close() };
}

async function setUp(store: Store, dataDir: string) {
  const logger = pino({ level: 'silent' });
  const audit = createAuditLog(store, logger);
  const cache = createCompiledCache();
  const publisher = createFormPublisher({ store, audit } as unknown as Services, cache);
  const user = await store.users.insert({
    username: 'bench',
    displayName: 'Bench',
    roles: ['admin'],
    isActive: true,
  });
  const draft = orderImportForm();
  const form = await store.forms.insert({
    title: draft.settings.title,
    draft: draft as never,
    grants: { submit: ['*'], viewAll: [], manage: [] },
    indexedFields: draft.settings.indexedFields,
    publishedVersion: 0,
    createdBy: user.id,
  });
  await publisher.publish({ form, expectedVersion: form.version, userId: user.id });
  const ctx: ImportContext = {
    store,
    dataDir,
    logger,
    audit,
    publisher,
    cache,
    limits: DEFAULT_READ_LIMITS,
    workbookLimits: { ...DEFAULT_LIMITS },
    batchSize: 1000,
    leaseMs: 60_000,
  };
  return { ctx, user: user as User, form: await store.forms.getOrThrow(form.id), cache, publisher };
}

async function ours(args: ChildArgs): Promise<OursResult> {
  const { store, close } = await openStore(args);
  const dataDir = path.join(args.dir, `data-${randomBytes(4).toString('hex')}`);
  const { ctx, user, form } = await setUp(store, dataDir);
  const service = createImportService(ctx);
  const upload = path.join(args.dir, `upload-${randomBytes(4).toString('hex')}.xlsx`);
  fs.copyFileSync(args.file, upload);
  const created = await service.create({
    form,
    user,
    upload: { path: upload, fileName: 'orders.xlsx', size: fs.statSync(upload).size, kind: 'xlsx' },
  });
  const mappings = created.source.suggested
    .filter((m) => m.field)
    .map((m) => ({ column: m.column, header: m.header, field: m.field!, rules: [] }));
  if (mappings.length !== 20) throw new Error(`expected 20 mapped columns, got ${mappings.length}`);
  const config = {
    sheet: 0,
    headerRow: 1,
    mappings,
    lineItems: null,
    timeZone: 'Asia/Shanghai',
    duplicates: { keyFields: [], inFile: 'error' as const, existing: 'error' as const },
    errorThreshold: 0.02,
    recordStatus: 'approved' as const,
  };

  let started = performance.now();
  await service.startDryRun({ job: created, config, locale: 'zh-CN' });
  await service.wait(created.id);
  const dryMs = performance.now() - started;
  const validated = (await service.load(created.id, user)).job;
  if (validated.state !== 'validated')
    throw new Error(`dry run ended ${validated.state}: ${validated.error}`);

  started = performance.now();
  await service.startCommit({ job: validated, user });
  await service.wait(created.id);
  const commitMs = performance.now() - started;
  const committed = (await service.load(created.id, user)).job;
  if (committed.state !== 'committed') throw new Error(`commit ended ${committed.state}: ${committed.error}`);
  const summary = committed.summary!;
  await close();
  return {
    dryRunRowsPerS: (summary.rows / dryMs) * 1000,
    commitRowsPerS: ((summary.inserted ?? 0) / commitMs) * 1000,
    rows: summary.rows,
    inserted: summary.inserted ?? 0,
    errorRecords: summary.errorRecords,
    rssMb: process.resourceUsage().maxRSS / 1024,
  };
}

async function naive(args: ChildArgs): Promise<NaiveResult> {
  const { store, close } = await openStore(args);
  const { user, form, cache, publisher } = await setUp(store, args.dir);
  const version = await publisher.getLatest(form);
  const compiled = cache.get(version);
  const keys = orderImportForm().fields.map((f) => f.key);
  const keyOf = new Map(IMPORT_HEADERS.map((h, i) => [h, keys[i]]));

  let started = performance.now();
  const wb = XLSX.read(fs.readFileSync(args.file));
  const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets[wb.SheetNames[0]]);
  const datas = rows.map((row) =>
    Object.fromEntries(Object.entries(row).map(([header, value]) => [keyOf.get(header) ?? header, value])),
  );
  for (const data of datas) {
    try {
      prepareRecordData({ compiled, data, locale: 'zh-CN' });
    } catch {
      // counted as invalid, as a naive import would report it
    }
  }
  const dryMs = performance.now() - started;

  const count = args.mongoUri ? NAIVE_MONGO_ROWS : datas.length;
  started = performance.now();
  for (let i = 0; i < count; i++) {
    await store.records.insert({
      formId: form.id,
      formVersion: version.number,
      data: datas[i] as never,
      status: 'approved',
      createdBy: user.id,
      participants: [user.id],
      importId: 'naive',
    });
  }
  const insertMs = performance.now() - started;
  await close();
  return {
    dryRunRowsPerS: (rows.length / dryMs) * 1000,
    insertRowsPerS: (count / insertMs) * 1000,
    inserted: count,
    rssMb: process.resourceUsage().maxRSS / 1024,
  };
}

if (process.argv.includes('--import-child')) {
  const args = JSON.parse(process.env.FW_BENCH_IMPORT ?? '{}') as ChildArgs;
  const result = args.mode === 'ours' ? await ours(args) : await naive(args);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}
