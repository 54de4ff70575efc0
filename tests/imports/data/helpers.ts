import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import * as XLSX from '@e965/xlsx';
import type { FormDefinition } from '../../../schemas/form-definition.ts';
import { createAuditLog } from '../../../server/audit/audit-log.ts';
import { createCompiledCache } from '../../../server/forms/compiled-cache.ts';
import { createFormPublisher } from '../../../server/forms/publish.ts';
import type { ImportConfig } from '../../../server/imports/data/config.ts';
import type { ImportContext, ImportHooks } from '../../../server/imports/data/context.ts';
import { createImportService } from '../../../server/imports/data/service.ts';
import { DEFAULT_READ_LIMITS } from '../../../server/imports/data/read/types.ts';
import type { FileKind } from '../../../server/imports/data/job-types.ts';
import { DEFAULT_LIMITS } from '../../../server/imports/workbook/limits.ts';
import type { Services } from '../../../server/services.ts';
import type { FormDoc, Store, User } from '../../../server/store/types.ts';

export const silent = pino({ level: 'silent' });

/** An import context and service over `store`, with its own data dir. */
export function importHarness(
  store: Store,
  options: { hooks?: ImportHooks; batchSize?: number; dataDir?: string; buildThreads?: number } = {},
) {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'fw-import-'));
  fs.mkdirSync(dataDir, { recursive: true });
  const audit = createAuditLog(store, silent);
  const cache = createCompiledCache();
  const publisher = createFormPublisher({ store, audit } as unknown as Services, cache);
  const ctx: ImportContext = {
    store,
    dataDir,
    logger: silent,
    audit,
    publisher,
    cache,
    limits: DEFAULT_READ_LIMITS,
    workbookLimits: { ...DEFAULT_LIMITS },
    batchSize: options.batchSize ?? 1000,
    leaseMs: 60_000,
    buildThreads: options.buildThreads,
    hooks: options.hooks,
  };
  return { ctx, service: createImportService(ctx), dataDir, publisher };
}

export async function publishedForm(
  store: Store,
  publisher: ReturnType<typeof createFormPublisher>,
  definition: FormDefinition,
  createdBy = 'u-admin',
): Promise<FormDoc> {
  const form = await store.forms.insert({
    title: definition.settings.title,
    draft: definition as never,
    grants: { submit: ['*'], viewAll: [], manage: [] },
    indexedFields: definition.settings.indexedFields,
    publishedVersion: 0,
    createdBy,
  });
  await publisher.publish({ form, expectedVersion: form.version, userId: createdBy });
  return store.forms.getOrThrow(form.id);
}

export const adminUser = (id = 'u-admin'): User =>
  ({
    id,
    version: 1,
    createdAt: '',
    updatedAt: '',
    username: 'admin',
    displayName: 'Admin',
    roles: ['admin'],
    isActive: true,
  }) as User;

/** Writes rows (arrays of cells) as an .xlsx with SheetJS (shared strings, as Excel does). */
export function writeWorkbook(
  file: string,
  sheets: Record<string, unknown[][]>,
  options: { dateColumns?: number[] } = {},
): string {
  const wb = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = XLSX.utils.aoa_to_sheet(rows, { cellDates: false });
    for (const c of options.dateColumns ?? []) {
      for (let r = 1; r < rows.length; r++) {
        const ref = XLSX.utils.encode_cell({ r, c });
        if (ws[ref] && typeof ws[ref].v === 'number') ws[ref].z = 'yyyy-mm-dd';
      }
    }
    XLSX.utils.book_append_sheet(wb, ws, name);
  }
  fs.writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', bookSST: true }));
  return file;
}

/** Creates an uploaded job from a file on disk (copies it, as the upload route does). */
export async function uploadFile(
  h: ReturnType<typeof importHarness>,
  form: FormDoc,
  file: string,
  kind: FileKind = 'xlsx',
) {
  const copy = path.join(h.dataDir, `incoming-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  fs.copyFileSync(file, copy);
  return h.service.create({
    form,
    user: adminUser(form.createdBy),
    upload: { path: copy, fileName: path.basename(file), size: fs.statSync(file).size, kind },
  });
}

export function config(partial: Partial<ImportConfig> & Pick<ImportConfig, 'mappings'>): ImportConfig {
  return {
    sheet: 0,
    headerRow: 1,
    lineItems: null,
    timeZone: 'Asia/Shanghai',
    duplicates: { keyFields: [], inFile: 'error', existing: 'error' },
    errorThreshold: 0.02,
    recordStatus: 'submitted',
    ...partial,
  };
}

export const col = (
  column: number,
  header: string,
  field: string,
  rules: ImportConfig['mappings'][number]['rules'] = [],
) => ({ column, header, field, rules });

/** Runs a dry run to its end and returns the job. */
export async function dryRun(
  h: ReturnType<typeof importHarness>,
  jobId: string,
  cfg: ImportConfig,
  locale: 'en' | 'zh-CN' = 'en',
) {
  const job = await h.service.load(jobId, adminUser());
  await h.service.startDryRun({ job: job.job, config: cfg, locale });
  await h.service.wait(jobId);
  return (await h.service.load(jobId, adminUser())).job;
}

export async function commit(h: ReturnType<typeof importHarness>, jobId: string, errorThreshold?: number) {
  const { job } = await h.service.load(jobId, adminUser());
  await h.service.startCommit({ job, user: adminUser(), errorThreshold });
  await h.service.wait(jobId);
  return (await h.service.load(jobId, adminUser())).job;
}

export async function recordsOf(store: Store, formId: string) {
  const all = [];
  for (let cursor: string | undefined; ;) {
    const page = await store.records.list({
      filter: { op: 'eq', field: 'formId', value: formId },
      limit: 500,
      cursor,
      sort: [{ field: 'createdAt', dir: 'asc' }],
    });
    all.push(...page.items);
    if (!page.nextCursor) return all;
    cursor = page.nextCursor;
  }
}
