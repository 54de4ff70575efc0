/**
 * The history (trail) of one record as `GET /records/:id/history` answers it, oldest first.
 *
 * Entries are a discriminated union on `type`. The workflow engine adds its own members
 * (approve, reject, return, transfer…) next to these; readers must show a member they do not
 * know with a neutral text instead of failing, so new types never change the page's structure.
 */

/** Who did it: `null` for the system (no signed-in actor). */
export interface HistoryActor {
  id: string;
  /** null when the user no longer exists */
  displayName: string | null;
}

interface EntryBase {
  /** stable key: the audit event's id */
  id: string;
  /** ISO 8601 UTC */
  at: string;
  actor: HistoryActor | null;
}

/** Top-level data keys (a line-item table counts as one key); null when the audit did not keep them. */
export type ChangedFields = string[] | null;

/** The record was created: `status` is what it was created as (`draft` or `submitted`). */
export interface CreatedEntry extends EntryBase {
  type: 'created';
  status: string;
}

/** A draft was saved again (still a draft). */
export interface DraftSavedEntry extends EntryBase {
  type: 'draftSaved';
  changedFields: ChangedFields;
}

/** A draft was submitted. */
export interface SubmittedEntry extends EntryBase {
  type: 'submitted';
  changedFields: ChangedFields;
}

/** The data of a submitted record changed. */
export interface UpdatedEntry extends EntryBase {
  type: 'updated';
  changedFields: ChangedFields;
}

/** The record was created by a data import. */
export interface ImportedEntry extends EntryBase {
  type: 'imported';
  importId: string;
}

export type RecordHistoryEntry =
  CreatedEntry | DraftSavedEntry | SubmittedEntry | UpdatedEntry | ImportedEntry;

export type RecordHistoryType = RecordHistoryEntry['type'];

export const RECORD_HISTORY_TYPES = [
  'created',
  'draftSaved',
  'submitted',
  'updated',
  'imported',
] as const satisfies readonly RecordHistoryType[];

export interface RecordHistoryPage {
  items: RecordHistoryEntry[];
  nextCursor: string | null;
}

// ---------------------------------------------------------------- JSON Schema (OpenAPI, tests)

const base = {
  id: { type: 'string' },
  at: { type: 'string', format: 'date-time' },
  actor: {
    oneOf: [
      {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'displayName'],
        properties: { id: { type: 'string' }, displayName: { type: ['string', 'null'] } },
      },
      { type: 'null' },
    ],
  },
} as const;

const changedFields = { type: ['array', 'null'], items: { type: 'string' } } as const;

const member = (type: RecordHistoryType, extra: Record<string, unknown> = {}) => ({
  type: 'object',
  additionalProperties: false,
  required: ['id', 'at', 'actor', 'type', ...Object.keys(extra)],
  properties: { ...base, type: { const: type }, ...extra },
});

/** One history entry; `discriminator` tells OpenAPI readers to switch on `type`. */
export const recordHistoryEntrySchema = {
  oneOf: [
    member('created', { status: { type: 'string' } }),
    member('draftSaved', { changedFields }),
    member('submitted', { changedFields }),
    member('updated', { changedFields }),
    member('imported', { importId: { type: 'string' } }),
  ],
  discriminator: { propertyName: 'type' },
} as const;
