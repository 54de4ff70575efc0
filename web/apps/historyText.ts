import type { TFunction } from 'i18next';
import type { RecordHistoryEntry } from '../../schemas/record-history.ts';

export interface HistoryText {
  /** "Alice submitted the record" */
  text: string;
  /** "Changed: Customer, Items", or null when there is nothing to list */
  changes: string | null;
}

/**
 * The sentence one history entry reads as. Entry types this page does not know yet (the workflow
 * engine adds its own) read as "<who>: <type>" instead of breaking the timeline.
 */
export function historyText(
  t: TFunction,
  entry: RecordHistoryEntry,
  labelOf: (key: string) => string,
): HistoryText {
  const name = actorName(t, entry.actor);
  const changes = (keys: string[] | null): string | null =>
    keys && keys.length > 0
      ? t('record.history.changed', {
          fields: keys.map(labelOf).join(t('record.history.fieldSeparator')),
        })
      : null;
  switch (entry.type) {
    case 'created':
      return {
        text:
          entry.status === 'draft'
            ? t('record.history.createdDraft', { name })
            : t('record.history.created', { name }),
        changes: null,
      };
    case 'draftSaved':
      return { text: t('record.history.draftSaved', { name }), changes: changes(entry.changedFields) };
    case 'submitted':
      return { text: t('record.history.submitted', { name }), changes: changes(entry.changedFields) };
    case 'updated':
      return { text: t('record.history.updated', { name }), changes: changes(entry.changedFields) };
    case 'imported':
      return { text: t('record.history.imported', { name }), changes: null };
    default: {
      const type = String((entry as { type: unknown }).type);
      return { text: t('record.history.other', { name, type }), changes: null };
    }
  }
}

function actorName(t: TFunction, actor: RecordHistoryEntry['actor']): string {
  if (!actor) return t('record.history.system');
  return actor.displayName ?? t('record.history.unknownUser');
}
