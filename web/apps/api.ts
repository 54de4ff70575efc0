import { API_BASE, api, buildUrl } from '../api/client.ts';
import { listAllDepartments, listUsers } from '../api/org.ts';
import type { Page } from '../api/types.ts';
import type { FormDefinition } from '../../runtime/core/index.ts';
import type { RendererServices } from '../../runtime/react/index.ts';
import type { FormAccess } from '../../schemas/form-access.ts';
import type { RecordHistoryPage } from '../../schemas/record-history.ts';

/** A form as `GET /forms` shows it to someone who may fill or view it, with their access (managers also get draft and grants). */
export interface FormSummary {
  id: string;
  version: number;
  title: string;
  description?: string;
  publishedVersion: number;
  indexedFields: string[];
  createdBy: string;
  isArchived?: boolean;
  grants?: { submit: string[]; viewAll: string[]; manage: string[] };
  /** what I may do with the form, computed by the server from its grants */
  access: FormAccess;
  updatedAt?: string;
}

export interface FormVersion {
  id: string;
  formId: string;
  number: number;
  definition: FormDefinition;
}

export type RecordStatus = 'draft' | 'submitted' | string;

export interface FormRecord {
  id: string;
  version: number;
  formId: string;
  formVersion: number;
  status: RecordStatus;
  data: Record<string, unknown>;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export type RecordScope = 'mine' | 'all';

export interface RecordQuery {
  filter?: Record<string, unknown>;
  sort?: string;
  scope: RecordScope;
  limit?: number;
  cursor?: string | null;
}

const enc = encodeURIComponent;

export const listForms = (cursor?: string | null): Promise<Page<FormSummary>> =>
  api<Page<FormSummary>>('/forms', { query: { limit: 200, cursor } });

export const getForm = (id: string): Promise<FormSummary> => api<FormSummary>(`/forms/${enc(id)}`);

export const getFormVersion = (id: string, number: number): Promise<FormVersion> =>
  api<FormVersion>(`/forms/${enc(id)}/versions/${number}`);

export const createRecord = (
  formId: string,
  data: Record<string, unknown>,
  status: 'draft' | 'submitted',
): Promise<FormRecord> =>
  api<FormRecord>(`/forms/${enc(formId)}/records`, { method: 'POST', body: { data, status } });

const listQuery = (query: RecordQuery) => ({
  filter: query.filter && Object.keys(query.filter).length > 0 ? JSON.stringify(query.filter) : undefined,
  sort: query.sort,
  scope: query.scope,
});

export const listRecords = (formId: string, query: RecordQuery): Promise<Page<FormRecord>> =>
  api<Page<FormRecord>>(`/forms/${enc(formId)}/records`, {
    query: { ...listQuery(query), limit: query.limit ?? 50, cursor: query.cursor },
  });

/** Download address of the records list as the server exports it (same filter, sort and scope). */
export const recordsExportUrl = (
  formId: string,
  query: RecordQuery & { format: 'xlsx' | 'csv'; columns: readonly string[]; lang: string },
): string =>
  buildUrl(`/forms/${enc(formId)}/records/export`, {
    ...listQuery(query),
    format: query.format,
    columns: query.columns.join(','),
    lang: query.lang,
  });

export const getRecord = (id: string): Promise<FormRecord> => api<FormRecord>(`/records/${enc(id)}`);

/** One page of a record's history, oldest first. */
export const getRecordHistory = (id: string, cursor?: string | null): Promise<RecordHistoryPage> =>
  api<RecordHistoryPage>(`/records/${enc(id)}/history`, { query: { limit: 100, cursor } });

/** Every form I may fill, following cursors. */
export async function listAllForms(): Promise<FormSummary[]> {
  const all: FormSummary[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<FormSummary> = await listForms(cursor);
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

/** The org lookups the renderer's member and department pickers use. */
export const rendererServices: RendererServices = {
  async searchUsers(q) {
    const page = await listUsers({ q, limit: 20 });
    return page.items.map((u) => ({ id: u.id, label: `${u.displayName} (${u.username})` }));
  },
  async lookupUsers(ids) {
    const page = await api<Page<{ id: string; displayName: string; username: string }>>('/org/users', {
      query: { ids: ids.slice(0, 100).join(','), limit: 100 },
    });
    return page.items.map((u) => ({ id: u.id, label: `${u.displayName} (${u.username})` }));
  },
  uploadFile(file) {
    const body = new FormData();
    body.append('file', file, file.name);
    return api<{ id: string; name: string; size: number; type: string }>('/blobs', { method: 'POST', body });
  },
  fileUrl: (id) => `${API_BASE}/blobs/${encodeURIComponent(id)}`,
  async listDepartments() {
    const list = await listAllDepartments();
    return list.map((d) => ({ id: d.id, name: d.name, parentId: d.parentId }));
  },
};
