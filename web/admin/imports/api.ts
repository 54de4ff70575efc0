import { API_BASE, api } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import type { ColumnMatch, Rule } from '../../../builder/excel-import/cleansing/index.ts';
import type {
  ImportState,
  JobProgress,
  JobSummary as ImportSummary,
  RowError as RowErrorDto,
  SheetPreview,
} from '../../../schemas/import-job.ts';

/** The shapes of `/api/v1/imports/data` (server/imports/data); the job's members are in schemas/import-job.ts. */
export type { ImportState, ImportSummary, RowErrorDto, SheetPreview };

export interface ColumnMappingDto {
  column: number;
  header: string;
  field: string;
  rules: Rule[];
}

export interface ImportConfigDto {
  sheet: number;
  headerRow: number;
  mappings: ColumnMappingDto[];
  lineItems: {
    table: string;
    mode: 'sheet' | 'repeated';
    keyColumn: number;
    sheet?: number;
    headerRow?: number;
    itemKeyColumn?: number;
    mappings: ColumnMappingDto[];
  } | null;
  timeZone: string;
  duplicates: { keyFields: string[]; inFile: 'skip' | 'error'; existing: 'skip' | 'update' | 'error' };
  errorThreshold: number;
  recordStatus: 'submitted' | 'approved' | 'draft';
}

export interface FieldInfo {
  name: string;
  key: string;
  label: string;
  type: string;
  table: string | null;
  isRequired: boolean;
  options?: { value: string; label: string }[];
}

export interface ImportJob {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  formId: string;
  formTitle?: string;
  createdBy: string;
  state: ImportState;
  fileName: string;
  config: ImportConfigDto | null;
  source: { kind: string; size: number; sheets: SheetPreview[]; suggested: ColumnMatch[] };
  progress: JobProgress;
  summary: ImportSummary | null;
  error: string | null;
  fields?: FieldInfo[];
}

const base = '/imports/data';
const enc = encodeURIComponent;

export const listImports = (query: { formId?: string; cursor?: string | null } = {}) =>
  api<Page<ImportJob>>(base, {
    query: { formId: query.formId, cursor: query.cursor ?? undefined, limit: 20 },
  });
export const getImport = (id: string) => api<ImportJob>(`${base}/${enc(id)}`);
export const suggestMapping = (id: string, sheet: number, headerRow?: number) =>
  api<{ headers: string[]; headerRow: number; suggested: ColumnMatch[] }>(`${base}/${enc(id)}/suggest`, {
    query: { sheet, headerRow },
  });
export const reuseConfig = (id: string, from: string) =>
  api<{ config: ImportConfigDto; missing: string[] }>(`${base}/${enc(id)}/reuse/${enc(from)}`);
export const checkConfig = (id: string, config: ImportConfigDto) =>
  api<{ unmappedRequired: string[] }>(`${base}/${enc(id)}/check`, { method: 'POST', body: config });
export const startDryRun = (id: string, config: ImportConfigDto) =>
  api<ImportJob>(`${base}/${enc(id)}/dry-run`, { method: 'POST', body: config });
export const startCommit = (id: string, errorThreshold?: number) =>
  api<ImportJob>(`${base}/${enc(id)}/commit`, {
    method: 'POST',
    body: errorThreshold === undefined ? {} : { errorThreshold },
  });
export const startUndo = (id: string, keepChanged: boolean) =>
  api<ImportJob>(`${base}/${enc(id)}/undo`, { method: 'POST', body: { keepChanged } });
export const deleteImport = (id: string) => api<void>(`${base}/${enc(id)}`, { method: 'DELETE' });
export const listErrors = (id: string, offset: number, limit: number) =>
  api<{ items: RowErrorDto[]; total: number }>(`${base}/${enc(id)}/errors`, { query: { offset, limit } });
export const listOutcomes = (id: string, offset: number, limit: number, outcome?: string) =>
  api<{ items: { row: number; outcome: string; reason: string | null }[]; total: number }>(
    `${base}/${enc(id)}/rows`,
    { query: { offset, limit, outcome } },
  );
export const errorReportUrl = (id: string) => `${API_BASE}${base}/${enc(id)}/errors.xlsx`;

export function uploadImport(formId: string, file: File): Promise<ImportJob> {
  const body = new FormData();
  body.append('formId', formId);
  body.append('file', file, file.name);
  return api<ImportJob>(base, { method: 'POST', body });
}
