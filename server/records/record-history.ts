import type { RecordHistoryEntry, RecordHistoryPage } from '../../schemas/record-history.ts';
import type { AuditEvent, Filter, Json, RecordDoc, Store } from '../store/types.ts';
import { changedFields } from './changed-fields.ts';

/** An entry without the parts every entry has (id, time, actor). */
type EntryBody = RecordHistoryEntry extends infer E
  ? E extends RecordHistoryEntry
    ? Omit<E, 'id' | 'at' | 'actor'>
    : never
  : never;

/**
 * How each audit action on a record reads in its history. Actions not listed are left out;
 * the workflow engine adds its own (approve, reject, transfer…) here.
 */
export const HISTORY_FROM_AUDIT: Record<string, (event: AuditEvent) => EntryBody> = {
  'record.create': (event) => ({ type: 'created', status: statusOf(event.summary?.after) }),
  'record.saveDraft': (event) => ({ type: 'draftSaved', changedFields: changesOf(event) }),
  'record.submit': (event) => ({ type: 'submitted', changedFields: changesOf(event) }),
  'record.update': (event) => ({ type: 'updated', changedFields: changesOf(event) }),
};

/**
 * One page of a record's history, oldest first, from the audit events that target it; a record
 * created by a data import starts with the import's commit.
 */
export async function recordHistory(input: {
  store: Store;
  record: RecordDoc;
  limit: number;
  cursor?: string;
}): Promise<RecordHistoryPage> {
  const { store, record } = input;
  const page = await store.audit.list({
    filter: and(
      { op: 'eq', field: 'targetType', value: 'record' },
      { op: 'eq', field: 'targetId', value: record.id },
    ),
    sort: [{ field: 'createdAt', dir: 'asc' }],
    limit: input.limit,
    cursor: input.cursor,
  });
  const drafts: (EntryBody & { id: string; at: string; actorId: string | null })[] = [];
  if (!input.cursor && record.importId) drafts.push(await importedEntry(store, record, record.importId));
  for (const event of page.items) {
    const toBody = HISTORY_FROM_AUDIT[event.action];
    if (toBody) drafts.push({ ...toBody(event), id: event.id, at: event.createdAt, actorId: event.actorId });
  }
  const names = await displayNames(
    store,
    drafts.map((d) => d.actorId),
  );
  const items = drafts.map(({ actorId, ...entry }) => ({
    ...entry,
    actor: actorId === null ? null : { id: actorId, displayName: names.get(actorId) ?? null },
  })) as RecordHistoryEntry[];
  return { items, nextCursor: page.nextCursor };
}

/** The import's commit as the record's first entry (imports audit the job, not each record). */
async function importedEntry(store: Store, record: RecordDoc, importId: string) {
  const commit = await store.audit.list({
    filter: and(
      { op: 'eq', field: 'targetType', value: 'import' },
      { op: 'eq', field: 'targetId', value: importId },
      { op: 'eq', field: 'action', value: 'import.commit' },
    ),
    limit: 1,
  });
  const event = commit.items[0];
  return {
    type: 'imported' as const,
    importId,
    id: event?.id ?? `import:${importId}`,
    at: event?.createdAt ?? record.createdAt,
    actorId: event ? event.actorId : record.createdBy,
  };
}

async function displayNames(store: Store, ids: (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map();
  const users = await store.users.list({ filter: { op: 'in', field: 'id', value: unique }, limit: 500 });
  return new Map(users.items.map((user) => [user.id, user.displayName]));
}

const and = (...items: Filter[]): Filter => ({ op: 'and', items });

const isObject = (value: Json | undefined): value is { [key: string]: Json } =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function statusOf(after: Json | undefined): string {
  return isObject(after) && typeof after.status === 'string' ? after.status : 'submitted';
}

/** The changed keys the event kept, else a diff of its before/after data when neither was truncated. */
function changesOf(event: AuditEvent): string[] | null {
  const { before, after, changedFields: kept } = event.summary ?? {};
  if (Array.isArray(kept)) return kept;
  if (!isObject(before) || !isObject(after) || isTruncated(before) || isTruncated(after)) return null;
  return changedFields(before, after);
}

/** The audit log's stand-in for a summary too large to keep. */
const isTruncated = (value: { [key: string]: Json }) =>
  value.truncated === true && typeof value.preview === 'string' && Object.keys(value).length === 2;
