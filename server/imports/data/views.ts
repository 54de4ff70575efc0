import type { ColumnMapping, ImportConfig } from './config.ts';
import type { Job } from './job-types.ts';

/** The job as the API shows it (sample rows included, nothing internal left out: there is nothing secret in it). */
export const jobView = (job: Job) => ({
  id: job.id,
  version: job.version,
  createdAt: job.createdAt,
  updatedAt: job.updatedAt,
  formId: job.formId,
  createdBy: job.createdBy,
  state: job.state,
  fileName: job.fileName,
  config: job.config,
  source: job.source,
  progress: job.progress,
  summary: job.summary,
  error: job.error,
});

/**
 * A saved config applied to another file: each mapping finds its column again by header
 * text (columns may have moved); mappings whose header is gone are dropped and listed.
 */
export function adaptConfig(
  saved: ImportConfig,
  headers: string[],
  headerRow: number,
): { config: ImportConfig; missing: string[] } {
  const missing: string[] = [];
  const relocate = (list: ColumnMapping[], names: string[]) =>
    list.flatMap((m) => {
      const column = names.indexOf(m.header);
      if (column === -1) {
        missing.push(m.header);
        return [];
      }
      return [{ ...m, column }];
    });
  const findColumn = (column: number, names: string[], savedNames: Map<number, string>) => {
    const header = savedNames.get(column);
    const at = header === undefined ? -1 : names.indexOf(header);
    return at === -1 ? column : at;
  };
  const savedHeaders = new Map(saved.mappings.map((m) => [m.column, m.header]));
  const config: ImportConfig = {
    ...saved,
    sheet: 0,
    headerRow,
    mappings: relocate(saved.mappings, headers),
    lineItems:
      saved.lineItems && saved.lineItems.mode === 'repeated'
        ? {
            ...saved.lineItems,
            keyColumn: findColumn(saved.lineItems.keyColumn, headers, savedHeaders),
            mappings: relocate(saved.lineItems.mappings, headers),
          }
        : saved.lineItems,
  };
  return { config, missing };
}
