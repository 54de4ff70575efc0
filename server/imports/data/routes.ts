import fs from 'node:fs';
import path from 'node:path';
import { headerNames, type CleansingLocale } from '../../../builder/excel-import/cleansing/index.ts';
import type { CompiledCache } from '../../forms/compiled-cache.ts';
import { canManageForm } from '../../forms/grants.ts';
import type { FormPublisher } from '../../forms/publish.ts';
import { BadRequest, NotFound } from '../../errors/index.ts';
import { created, defineRoute, noContent, Reply, type RouteDef } from '../../http/route.ts';
import type { Services } from '../../services.ts';
import { importConfigSchema, type ImportConfig } from './config.ts';
import { ERROR_CHUNK, OUTCOME_CHUNK, type OutcomeEntry } from './dry-run.ts';
import { writeErrorReport } from './error-report.ts';
import { slicedChunks, readChunks } from './job-repo.ts';
import { asJob, type RowError } from './job-types.ts';
import { createImportContext } from './setup.ts';
import { createImportService, type ImportService } from './service.ts';
import { receiveUpload } from './upload.ts';
import { identifyUpload } from './identify.ts';
import { adaptConfig, jobView } from './views.ts';
import { compileMappings, unmappedRequired } from './compile-mapping.ts';
import { loadReferences } from './references.ts';

const TAG = 'imports';
const pageQuery = {
  type: 'object',
  properties: {
    offset: { type: 'integer', minimum: 0, default: 0 },
    limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
    outcome: { enum: ['insert', 'update', 'skip', 'error'] },
  },
};

/** Data import (数据导入) under /imports/data: upload, mapping proposal, dry run, commit, undo, error reports. */
export function importDataRoutes(
  services: Services,
  publisher: FormPublisher,
  cache: CompiledCache,
  service?: ImportService,
): RouteDef[] {
  const ctx = createImportContext(services, publisher, cache);
  const imports = service ?? createImportService(ctx);
  if (!service) scheduleRecovery(imports, services);

  return [
    defineRoute({
      method: 'post',
      path: '/imports/data',
      permission: 'signedIn',
      summary:
        'Upload a .xlsx/.xlsm/.csv file (multipart: formId, file) for import into a form; answers sheets, header rows and a proposed mapping',
      tag: TAG,
      response: { status: 201 },
      handler: async ({ req, auth }) => {
        const upload = await receiveUpload(req, {
          dir: path.join(ctx.dataDir, 'imports', 'incoming'),
          maxBytes: ctx.workbookLimits.maxBytes,
        });
        try {
          const formId = upload.fields.formId;
          const form = formId ? await services.store.forms.get(formId) : null;
          if (!form || !canManageForm(auth.user, form)) throw new NotFound('form', formId ?? '(none)');
          const kind = await identifyUpload(upload.path, upload.fileName, ctx.workbookLimits);
          const job = await imports.create({ form, user: auth.user, upload: { ...upload, kind } });
          return created(
            { ...jobView(job), fields: await imports.fieldsOf(form) },
            `/api/v1/imports/data/${job.id}`,
          );
        } finally {
          fs.rmSync(upload.path, { force: true });
        }
      },
    }),
    defineRoute<unknown, { formId?: string; limit: number; cursor?: string }>({
      method: 'get',
      path: '/imports/data',
      permission: 'signedIn',
      summary: 'Imports of the forms I manage, newest first',
      tag: TAG,
      query: {
        type: 'object',
        properties: {
          formId: { type: 'string', maxLength: 64 },
          limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
          cursor: { type: 'string', maxLength: 2000 },
        },
      },
      handler: async ({ auth, query }) => {
        const page = await services.store.imports.list({
          filter: query.formId ? { op: 'eq', field: 'formId', value: query.formId } : undefined,
          limit: query.limit,
          cursor: query.cursor,
        });
        const forms = new Map<string, boolean>();
        const items = [];
        for (const doc of page.items) {
          if (!forms.has(doc.formId)) {
            const form = await services.store.forms.get(doc.formId);
            forms.set(doc.formId, Boolean(form && canManageForm(auth.user, form)));
          }
          if (forms.get(doc.formId)) items.push(jobView(asJob(doc)));
        }
        return { items, nextCursor: page.nextCursor };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/imports/data/:id',
      permission: 'signedIn',
      summary: 'One import: state, progress with ETA, summary of the last dry run or commit',
      tag: TAG,
      handler: async ({ auth, params }) => {
        const { job, form } = await imports.load(params.id, auth.user);
        return { ...jobView(job), formTitle: form.title, fields: await imports.fieldsOf(form) };
      },
    }),
    defineRoute<unknown, { sheet: number; headerRow?: number }>({
      method: 'get',
      path: '/imports/data/:id/suggest',
      permission: 'signedIn',
      summary: 'Headers and a proposed mapping for another sheet or header row',
      tag: TAG,
      query: {
        type: 'object',
        properties: {
          sheet: { type: 'integer', minimum: 0, default: 0 },
          headerRow: { type: 'integer', minimum: 1 },
        },
      },
      handler: async ({ auth, params, query }) => {
        const { job, form } = await imports.load(params.id, auth.user);
        const sheet = job.source.sheets[query.sheet];
        if (!sheet) throw new BadRequest(`The file has no sheet number ${query.sheet + 1}`);
        const headerRow = query.headerRow ?? sheet.headerRow;
        const row = sheet.sample.find((r) => r.row === headerRow);
        const width = Math.max(0, ...sheet.sample.map((r) => r.cells.length));
        const headers = headerNames(row?.cells ?? [], width);
        return {
          sheet: query.sheet,
          headerRow,
          headers,
          suggested: imports.suggest(headers, await imports.fieldsOf(form)),
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/imports/data/:id/reuse/:from',
      permission: 'signedIn',
      summary: "Another import's saved mapping and cleansing rules, fitted to this file's headers",
      tag: TAG,
      handler: async ({ auth, params }) => {
        const { job } = await imports.load(params.id, auth.user);
        const { job: saved } = await imports.load(params.from, auth.user);
        if (!saved.config || saved.formId !== job.formId)
          throw new BadRequest('That import has no saved settings for this form');
        const sheet = job.source.sheets[0];
        return adaptConfig(saved.config, sheet?.headers ?? [], sheet?.headerRow ?? 1);
      },
    }),
    defineRoute<ImportConfig>({
      method: 'post',
      path: '/imports/data/:id/check',
      permission: 'signedIn',
      summary:
        'Checks a mapping against the form without running it: bad mappings (422) and unmapped required fields',
      tag: TAG,
      body: importConfigSchema,
      handler: async ({ auth, params, body }) => {
        const { form } = await imports.load(params.id, auth.user);
        const compiled = cache.get(await publisher.getLatest(form));
        compileMappings({ config: body, compiled, references: await loadReferences(services.store) });
        return { unmappedRequired: unmappedRequired(compiled, body) };
      },
    }),
    defineRoute<ImportConfig>({
      method: 'post',
      path: '/imports/data/:id/dry-run',
      permission: 'signedIn',
      summary:
        'Starts a dry run with this mapping and these cleansing rules (202; poll the import for progress)',
      tag: TAG,
      body: importConfigSchema,
      response: { status: 202 },
      handler: async ({ auth, params, body, locale }) => {
        const { job, form } = await imports.load(params.id, auth.user);
        const compiled = cache.get(await publisher.getLatest(form));
        compileMappings({ config: body, compiled, references: await loadReferences(services.store) }); // 422 now rather than a failed job later
        return new Reply(
          202,
          jobView(await imports.startDryRun({ job, config: body, locale: locale as CleansingLocale })),
        );
      },
    }),
    defineRoute<{ errorThreshold?: number }>({
      method: 'post',
      path: '/imports/data/:id/commit',
      permission: 'signedIn',
      summary:
        'Writes the dry run’s valid records, all or nothing; refused (409) when the error rate is above the threshold',
      tag: TAG,
      body: {
        type: 'object',
        additionalProperties: false,
        properties: { errorThreshold: { type: 'number', minimum: 0, maximum: 1 } },
      },
      response: { status: 202 },
      handler: async ({ auth, params, body, req }) => {
        const { job } = await imports.load(params.id, auth.user);
        return new Reply(
          202,
          jobView(
            await imports.startCommit({
              job,
              user: auth.user,
              errorThreshold: body.errorThreshold,
              ip: req.ip,
            }),
          ),
        );
      },
    }),
    defineRoute<{ keepChanged?: boolean }>({
      method: 'post',
      path: '/imports/data/:id/undo',
      permission: 'signedIn',
      summary:
        'Removes the records the import created and restores those it updated; 409 naming records changed since, unless keepChanged',
      tag: TAG,
      body: {
        type: 'object',
        additionalProperties: false,
        properties: { keepChanged: { type: 'boolean', default: false } },
      },
      response: { status: 202 },
      handler: async ({ auth, params, body, req }) => {
        const { job } = await imports.load(params.id, auth.user);
        return new Reply(
          202,
          jobView(
            await imports.startUndo({
              job,
              user: auth.user,
              keepChanged: body.keepChanged ?? false,
              ip: req.ip,
            }),
          ),
        );
      },
    }),
    defineRoute<unknown, { offset: number; limit: number }>({
      method: 'get',
      path: '/imports/data/:id/errors',
      permission: 'signedIn',
      summary: 'The error report of the last dry run: row, column, value, rule, message',
      tag: TAG,
      query: pageQuery,
      handler: async ({ auth, params, query }) => {
        const { job } = await imports.load(params.id, auth.user);
        const items = await slicedChunks<RowError>(
          services.store,
          job.id,
          'errors',
          ERROR_CHUNK,
          query.offset,
          query.limit,
        );
        return { items, total: job.summary?.errors ?? 0, offset: query.offset };
      },
    }),
    defineRoute<unknown, { offset: number; limit: number; outcome?: string }>({
      method: 'get',
      path: '/imports/data/:id/rows',
      permission: 'signedIn',
      summary:
        'Per-record outcome of the last dry run (insert, update, skip, error), optionally only one outcome',
      tag: TAG,
      query: pageQuery,
      handler: async ({ auth, params, query }) => {
        const { job } = await imports.load(params.id, auth.user);
        const toItem = ({ row, outcome, reason }: OutcomeEntry) => ({ row, outcome, reason: reason ?? null });
        if (!query.outcome) {
          const items = await slicedChunks<OutcomeEntry>(
            services.store,
            job.id,
            'outcomes',
            OUTCOME_CHUNK,
            query.offset,
            query.limit,
          );
          return { items: items.map(toItem), total: job.summary?.records ?? 0, offset: query.offset };
        }
        const items: ReturnType<typeof toItem>[] = [];
        let total = 0;
        for await (const chunk of readChunks<OutcomeEntry>(services.store, job.id, 'outcomes')) {
          for (const entry of chunk.items) {
            if (entry.outcome !== query.outcome) continue;
            if (total >= query.offset && items.length < query.limit) items.push(toItem(entry));
            total++;
          }
        }
        return { items, total, offset: query.offset };
      },
    }),
    defineRoute<unknown, { lang?: string }>({
      method: 'get',
      path: '/imports/data/:id/errors.xlsx',
      permission: 'signedIn',
      summary:
        'The error report as .xlsx: the failing rows with their bad cells highlighted, and a list of every error',
      tag: TAG,
      handler: async ({ auth, params, res, locale }) => {
        const { job } = await imports.load(params.id, auth.user);
        if (!job.summary) throw new BadRequest('Run a dry run first: there is no error report yet');
        res.status(200);
        res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        res.setHeader(
          'Content-Disposition',
          contentDisposition(`${job.fileName.replace(/\.[^.]+$/, '')}-errors.xlsx`),
        );
        await writeErrorReport(ctx, { job, out: res, locale: locale as CleansingLocale });
        res.end();
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/imports/data/:id',
      permission: 'signedIn',
      summary: 'Deletes an import that is not running (its records stay; undo removes those)',
      tag: TAG,
      response: { status: 204 },
      handler: async ({ auth, params }) => {
        const { job } = await imports.load(params.id, auth.user);
        await imports.remove(job);
        return noContent();
      },
    }),
  ];
}

/** RFC 6266 filename with an ASCII fallback. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Recovery right after start, then every lease period (jobs another server abandoned). */
function scheduleRecovery(imports: ImportService, services: Services): void {
  const run = () =>
    imports
      .recover()
      .catch((error: unknown) => services.logger.debug({ err: error }, 'import recovery skipped'));
  setImmediate(run);
  const timer = setInterval(run, 30_000);
  timer.unref();
}
