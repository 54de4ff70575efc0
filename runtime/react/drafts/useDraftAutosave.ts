import { useEffect, useRef } from 'react';
import type { SessionStore } from '../store/session-store.ts';
import { writeDraft } from './local-drafts.ts';

/**
 * Saves the session's input to localStorage every `intervalMs` while it changes, and when the
 * page is hidden or closed. `key` null turns autosave off (e.g. while a draft is being offered).
 */
export function useDraftAutosave(input: {
  store: SessionStore;
  key: string | null;
  intervalMs?: number;
}): void {
  const { store, key, intervalMs = 3000 } = input;
  const isDirty = useRef(false);
  useEffect(() => {
    if (!key) return;
    const save = () => {
      if (!isDirty.current) return;
      isDirty.current = false;
      writeDraft(key, store.session.toSubmission());
    };
    const off = store.session.subscribe((change) => {
      if (change.values.length > 0 || change.tables.length > 0) isDirty.current = true;
    });
    const timer = setInterval(save, intervalMs);
    const onHide = () => {
      if (document.visibilityState === 'hidden') save();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', save);
    return () => {
      off();
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', save);
    };
  }, [store, key, intervalMs]);
}
