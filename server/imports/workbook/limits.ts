/**
 * Limits of the safe workbook reader. Defaults fit a 2-core server; each can be
 * changed through the environment (documented in README "Configuration").
 */
export interface WorkbookLimits {
  /** upload size, bytes (FORMWORK_IMPORT_MAX_BYTES, default 20 MB) */
  maxBytes: number;
  /** data rows per sheet (FORMWORK_IMPORT_MAX_ROWS, default 200,000) */
  maxRows: number;
  /** used columns per sheet (FORMWORK_IMPORT_MAX_COLUMNS, default 200) */
  maxColumns: number;
  /** sum of a zip's inflated entries (FORMWORK_IMPORT_MAX_UNZIPPED_BYTES, default 400 MB) */
  maxUnzippedBytes: number;
  /** inflated ÷ compressed size of one large entry (FORMWORK_IMPORT_MAX_ZIP_RATIO, default 200) */
  maxZipRatio: number;
  /** entries in a zip (FORMWORK_IMPORT_MAX_ZIP_ENTRIES, default 5,000) */
  maxZipEntries: number;
  /** old-generation heap of the parsing worker, MB (FORMWORK_IMPORT_HEAP_MB, default 1,024) */
  heapMb: number;
  /** wall time of one parse, ms (FORMWORK_IMPORT_TIMEOUT_MS, default 30,000) */
  timeoutMs: number;
  /** parses running at once; more wait their turn (FORMWORK_IMPORT_CONCURRENCY, default 2) */
  concurrency: number;
}

export const DEFAULT_LIMITS: Readonly<WorkbookLimits> = {
  maxBytes: 20 * 1024 * 1024,
  maxRows: 200_000,
  maxColumns: 200,
  maxUnzippedBytes: 400 * 1024 * 1024,
  maxZipRatio: 200,
  maxZipEntries: 5000,
  heapMb: 1024,
  timeoutMs: 30_000,
  concurrency: 2,
};

const ENV: Record<keyof WorkbookLimits, string> = {
  maxBytes: 'FORMWORK_IMPORT_MAX_BYTES',
  maxRows: 'FORMWORK_IMPORT_MAX_ROWS',
  maxColumns: 'FORMWORK_IMPORT_MAX_COLUMNS',
  maxUnzippedBytes: 'FORMWORK_IMPORT_MAX_UNZIPPED_BYTES',
  maxZipRatio: 'FORMWORK_IMPORT_MAX_ZIP_RATIO',
  maxZipEntries: 'FORMWORK_IMPORT_MAX_ZIP_ENTRIES',
  heapMb: 'FORMWORK_IMPORT_HEAP_MB',
  timeoutMs: 'FORMWORK_IMPORT_TIMEOUT_MS',
  concurrency: 'FORMWORK_IMPORT_CONCURRENCY',
};

/** Limits from the environment; unset or invalid values keep the default. */
export function loadWorkbookLimits(env: NodeJS.ProcessEnv = process.env): WorkbookLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const name of Object.keys(ENV) as (keyof WorkbookLimits)[]) {
    const raw = env[ENV[name]];
    const value = raw === undefined || raw.trim() === '' ? NaN : Number(raw);
    if (Number.isFinite(value) && value > 0) limits[name] = Math.floor(value);
  }
  return limits;
}

/** `20 MB`, `512 KB` — for messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
