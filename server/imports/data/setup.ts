import path from 'node:path';
import type { CompiledCache } from '../../forms/compiled-cache.ts';
import type { FormPublisher } from '../../forms/publish.ts';
import type { Services } from '../../services.ts';
import { loadWorkbookLimits } from '../workbook/limits.ts';
import type { ImportContext } from './context.ts';
import { DEFAULT_READ_LIMITS } from './read/types.ts';

/** The import's collaborators and limits; the limits are the shared workbook reader's (FORMWORK_IMPORT_* variables). */
export function createImportContext(
  services: Services,
  publisher: FormPublisher,
  cache: CompiledCache,
  env: NodeJS.ProcessEnv = process.env,
): ImportContext {
  const limits = loadWorkbookLimits(env);
  return {
    store: services.store,
    dataDir: path.resolve(services.config.dataDir),
    logger: services.logger,
    audit: services.audit,
    publisher,
    cache,
    limits: { ...DEFAULT_READ_LIMITS, maxRows: limits.maxRows, maxColumns: limits.maxColumns },
    workbookLimits: limits,
    batchSize: 1000,
    leaseMs: 60_000,
  };
}
