import fs from 'node:fs';
import { autoMap, type CleansingLocale } from '../../../builder/excel-import/cleansing/index.ts';
import { Conflict, NotFound } from '../../errors/index.ts';
import { canManageForm } from '../../forms/grants.ts';
import { nowIso } from '../../store/shared/docs.ts';
import { newId } from '../../store/shared/ids.ts';
import type { FormDoc, ImportJob, User } from '../../store/types.ts';
import { runCommit } from './commit.ts';
import type { ImportConfig } from './config.ts';
import type { ImportContext } from './context.ts';
import { runDryRun } from './dry-run.ts';
import { jobDir, removeJobFiles, sourcePath } from './job-files.ts';
import { deleteChunks, patchJob } from './job-repo.ts';
import { asJob, idleProgress, type FileKind, type Job } from './job-types.ts';
import { mappableFields, previewSheets } from './preview.ts';
import { openTabular } from './read/open-file.ts';
import { changedSinceImport, rollbackImport } from './rollback.ts';
import { recoverImports } from './recovery.ts';

export type ImportService = ReturnType<typeof createImportService>;

/**
 * The import job state machine (uploaded → validating → validated → committing → committed →
 * undoing → undone, with failed) and its background runs. Each transition is one conditional
 * write of the job, so two clicks cannot start the same phase twice.
 */
export function createImportService(ctx: ImportContext) {
  const { store, logger } = ctx;
  const running = new Map<string, Promise<void>>();

  const launch = (job: Job, what: string, task: () => Promise<unknown>) => {
    const run = task()
      .catch(async (error: unknown) => {
        logger.warn({ err: error, importId: job.id }, `import ${what} failed`);
      })
      .then(() => undefined)
      .finally(() => running.delete(job.id));
    running.set(job.id, run);
  };

  /** Loads a job of a form the user manages; anything else is a 404. */
  const load = async (id: string, user: User): Promise<{ job: Job; form: FormDoc }> => {
    const doc = await store.imports.get(id);
    const form = doc ? await store.forms.get(doc.formId) : null;
    if (!doc || !form || !canManageForm(user, form)) throw new NotFound('import', id);
    return { job: asJob(doc), form };
  };

  const claim = async (
    job: Job,
    from: Job['state'][],
    patch: Parameters<typeof patchJob>[2],
  ): Promise<Job> => {
    if (!from.includes(job.state) || running.has(job.id)) {
      throw new Conflict(`Import ${job.id} is ${job.state}; this needs it to be ${from.join(' or ')}`, {
        state: job.state,
      });
    }
    return asJob(await store.imports.updateIfVersion(job.id, job.version, patch as never));
  };

  return {
    load,

    async create(input: {
      form: FormDoc;
      user: User;
      upload: { path: string; fileName: string; size: number; kind: FileKind };
    }): Promise<Job> {
      const { form, user, upload } = input;
      const version = await ctx.publisher.getLatest(form);
      const compiled = ctx.cache.get(version);
      const id = newId();
      fs.mkdirSync(jobDir(ctx.dataDir, id), { recursive: true });
      const target = sourcePath(ctx.dataDir, id, upload.kind);
      fs.renameSync(upload.path, target);
      try {
        const file = await openTabular({
          file: target,
          kind: upload.kind,
          limits: ctx.limits,
          workbookLimits: ctx.workbookLimits,
        });
        try {
          const { sheets, suggested } = await previewSheets(file, compiled);
          const doc: Omit<ImportJob, 'version' | 'createdAt' | 'updatedAt'> = {
            id,
            formId: form.id,
            createdBy: user.id,
            state: 'uploaded',
            fileName: upload.fileName,
            config: null,
            source: { kind: upload.kind, size: upload.size, sheets, suggested } as never,
            progress: idleProgress() as never,
            summary: null,
            heartbeatAt: null,
            error: null,
          };
          return asJob(await store.imports.insert(doc));
        } finally {
          await file.close();
        }
      } catch (error) {
        removeJobFiles(ctx.dataDir, id);
        throw error;
      }
    },

    /** The fields of the form's latest version a column can go to, and a fresh mapping proposal for any sheet. */
    async fieldsOf(form: FormDoc) {
      const compiled = ctx.cache.get(await ctx.publisher.getLatest(form));
      return mappableFields(compiled);
    },

    suggest(headers: string[], fields: ReturnType<typeof mappableFields>) {
      return autoMap(headers, fields);
    },

    async startDryRun(input: { job: Job; config: ImportConfig; locale: CleansingLocale }): Promise<Job> {
      const job = await claim(input.job, ['uploaded', 'validated', 'failed'], {
        state: 'validating',
        config: input.config,
        summary: null,
        error: null,
        heartbeatAt: nowIso(),
        progress: { ...idleProgress(), phase: 'dryRun', startedAt: nowIso() },
      });
      launch(job, 'dry run', async () => {
        try {
          await runDryRun(ctx, { job, config: input.config, locale: input.locale });
        } catch (error) {
          await patchJob(store, job, {
            state: 'failed',
            error: messageOf(error),
            heartbeatAt: null,
            summary: null,
          });
          throw error;
        }
      });
      return job;
    },

    async startCommit(input: { job: Job; user: User; errorThreshold?: number; ip?: string }): Promise<Job> {
      const summary = input.job.summary;
      if (!summary || !input.job.config)
        throw new Conflict('Run a dry run before committing', { state: input.job.state });
      const config = {
        ...input.job.config,
        errorThreshold: input.errorThreshold ?? input.job.config.errorThreshold,
      };
      if (summary.errorRate > config.errorThreshold) {
        throw new Conflict(
          `${pct(summary.errorRate)} of the records have errors, above the threshold of ${pct(config.errorThreshold)}: nothing was written. Fix the file, or raise the threshold.`,
          { errorRate: summary.errorRate, errorThreshold: config.errorThreshold },
        );
      }
      const job = await claim(input.job, ['validated', 'failed'], {
        state: 'committing',
        config,
        error: null,
        heartbeatAt: nowIso(),
        progress: {
          ...idleProgress(),
          phase: 'commit',
          total: summary.inserts + summary.updates,
          startedAt: nowIso(),
        },
      });
      await ctx.audit.write({
        actorId: input.user.id,
        action: 'import.commit',
        targetType: 'import',
        targetId: job.id,
        after: { formId: job.formId, inserts: summary.inserts, updates: summary.updates },
        ip: input.ip,
      });
      launch(job, 'commit', async () => {
        try {
          await runCommit(ctx, { job, userId: input.user.id });
        } catch (error) {
          // all or nothing: take back what was written, then report
          const current = asJob(await store.imports.getOrThrow(job.id));
          const rolled = await rollbackImport(ctx, current);
          await patchJob(store, current, {
            state: 'failed',
            error: `${messageOf(error)} (rolled back: ${rolled.removed} removed, ${rolled.restored} restored)`,
            heartbeatAt: null,
          });
          throw error;
        }
      });
      return job;
    },

    /** Without `keepChanged`, refuses (409, naming them) when records were changed since the import. */
    async startUndo(input: { job: Job; user: User; keepChanged: boolean; ip?: string }): Promise<Job> {
      if (input.job.state !== 'committed')
        throw new Conflict(
          `Import ${input.job.id} is ${input.job.state}; only a committed import can be undone`,
          { state: input.job.state },
        );
      const { changed, total } = await changedSinceImport(ctx, input.job, 100);
      if (total > 0 && !input.keepChanged) {
        throw new Conflict(
          `${total} record(s) written by this import were changed since; undo with keepChanged to remove the others and keep those`,
          { changed, changedCount: total },
        );
      }
      const job = await claim(input.job, ['committed'], {
        state: 'undoing',
        heartbeatAt: nowIso(),
        progress: {
          ...idleProgress(),
          phase: 'undo',
          total: (input.job.summary?.inserted ?? 0) + (input.job.summary?.updated ?? 0),
          startedAt: nowIso(),
        },
      });
      await ctx.audit.write({
        actorId: input.user.id,
        action: 'import.undo',
        targetType: 'import',
        targetId: job.id,
        after: { formId: job.formId },
        ip: input.ip,
      });
      launch(job, 'undo', async () => {
        let current = job;
        const result = await rollbackImport(ctx, job, async (done) => {
          current = await patchJob(store, current, {
            heartbeatAt: nowIso(),
            progress: {
              ...current.progress,
              processed: done,
              fraction: current.progress.total ? Math.min(done / current.progress.total, 1) : 0,
            },
          });
        });
        await patchJob(store, current, {
          state: 'undone',
          heartbeatAt: null,
          summary: {
            ...current.summary!,
            removed: result.removed,
            restored: result.restored,
            kept: result.kept.slice(0, 1000),
          },
          progress: {
            ...current.progress,
            processed: result.removed + result.restored,
            fraction: 1,
            etaSeconds: 0,
          },
        });
      });
      return job;
    },

    async remove(job: Job): Promise<void> {
      if (['validating', 'committing', 'undoing'].includes(job.state) || running.has(job.id))
        throw new Conflict(`Import ${job.id} is ${job.state}`, { state: job.state });
      await deleteChunks(store, job.id);
      await store.imports.delete(job.id);
      removeJobFiles(ctx.dataDir, job.id);
    },

    recover: (options: { staleAfterMs?: number } = {}) =>
      recoverImports(ctx, {
        staleAfterMs: options.staleAfterMs ?? ctx.leaseMs,
        isRunningHere: (id) => running.has(id),
      }),

    /** Resolves when the background run of `jobId` (if any) has ended. */
    async wait(jobId: string): Promise<void> {
      await running.get(jobId);
    },

    isRunning: (jobId: string) => running.has(jobId),
  };
}

const pct = (fraction: number) => `${Math.round(fraction * 10000) / 100}%`;
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
