import type { JsonValue } from '../../core/formula/index.ts';

/** A form's unsaved input kept in localStorage, so a reload or a crash loses nothing. */
export interface LocalDraft {
  savedAt: string;
  values: Record<string, JsonValue>;
}

const PREFIX = 'formwork.draft.';

export function readDraft(key: string): LocalDraft | null {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<LocalDraft>;
    if (
      typeof parsed.savedAt !== 'string' ||
      !parsed.values ||
      typeof parsed.values !== 'object' ||
      Array.isArray(parsed.values)
    )
      return null;
    return { savedAt: parsed.savedAt, values: parsed.values };
  } catch {
    return null;
  }
}

export function writeDraft(key: string, values: Record<string, JsonValue>): boolean {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify({ savedAt: new Date().toISOString(), values }));
    return true;
  } catch {
    return false; // quota or private mode: autosave is best effort
  }
}

export function clearDraft(key: string): void {
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    // nothing to clear
  }
}
