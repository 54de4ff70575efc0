import type { ImportContext } from './context.ts';
import { patchJob } from './job-repo.ts';
import { asJob, type Job } from './job-types.ts';
import { rollbackImport } from './rollback.ts';

/**
 * Finishes what a dead process left half done, so every import ends with all of its rows or
 * none: an interrupted commit is rolled back (records tagged with its id deleted, updated
 * records restored from their before-images) and can be committed again; an interrupted undo
 * is completed; an interrupted dry run is marked failed. A job counts as abandoned when its
 * heartbeat is older than `staleAfterMs` and no run of this process owns it.
 */
export async function recoverImports(
  ctx: ImportContext,
  input: { staleAfterMs: number; isRunningHere: (id: string) => boolean },
): Promise<Job[]> {
  const { store, logger } = ctx;
  const stale = Date.now() - input.staleAfterMs;
  const recovered: Job[] = [];
  for (const state of ['committing', 'undoing', 'validating'] as const) {
    const page = await store.imports.list({
      filter: { op: 'eq', field: 'state', value: state },
      limit: 100,
      sort: [{ field: 'createdAt', dir: 'asc' }],
    });
    for (const doc of page.items) {
      const job = asJob(doc);
      if (input.isRunningHere(job.id)) continue;
      if (job.heartbeatAt && Date.parse(job.heartbeatAt) > stale) continue;
      // claim it first: another server running recovery at the same time gets a version conflict
      let claimed: Job;
      try {
        claimed = await patchJobStrict(ctx, job);
      } catch {
        continue;
      }
      if (state === 'validating') {
        recovered.push(
          await patchJob(store, claimed, {
            state: 'failed',
            error: 'The dry run was interrupted (server stopped); run it again',
            heartbeatAt: null,
          }),
        );
        continue;
      }
      const result = await rollbackImport(ctx, claimed);
      logger.warn(
        { importId: job.id, state, ...result, kept: result.kept.length },
        'recovered an interrupted import',
      );
      recovered.push(
        state === 'committing'
          ? await patchJob(store, claimed, {
              state: 'failed',
              heartbeatAt: null,
              error: `The commit was interrupted (server stopped) and rolled back: ${result.removed} removed, ${result.restored} restored. Commit again.`,
            })
          : await patchJob(store, claimed, {
              state: 'undone',
              heartbeatAt: null,
              summary: {
                ...claimed.summary!,
                removed: (claimed.summary?.removed ?? 0) + result.removed,
                restored: result.restored,
                kept: result.kept.slice(0, 1000),
              },
            }),
      );
    }
  }
  return recovered;
}

/** A conditional heartbeat write on the version we read: only one recoverer wins. */
async function patchJobStrict(ctx: ImportContext, job: Job): Promise<Job> {
  return asJob(
    await ctx.store.imports.updateIfVersion(job.id, job.version, { heartbeatAt: new Date().toISOString() }),
  );
}
