import { useEffect, useMemo, useRef } from 'react';
import type { CompiledForm, TableField } from '../../runtime/core/index.ts';
import type { EvalContext } from '../../runtime/core/formula/index.ts';
import { createFormSession } from '../../runtime/core/session/index.ts';
import { SessionStore } from '../../runtime/react/index.ts';
import type { RendererLocale } from '../../runtime/react/index.ts';

/**
 * One FormSession + its React store for a compiled form. A new session is made when the
 * language changes (validation messages are labelled in the session's language) or when
 * `seed` changes (a draft restored); the current input is carried over.
 */
export function useFormStore(input: {
  compiled: CompiledForm;
  locale: RendererLocale;
  values?: Record<string, unknown>;
  context?: EvalContext;
  seed?: number;
  /** add empty rows up to each table's minRows (new records) */
  isNew?: boolean;
}): SessionStore {
  const { compiled, locale, values, context, seed = 0, isNew = false } = input;
  const previous = useRef<{ seed: number; store: SessionStore } | null>(null);
  const store = useMemo(() => {
    const prev = previous.current;
    const start = prev && prev.seed === seed ? prev.store.session.toSubmission() : values;
    const session = createFormSession(compiled, { locale, values: start, context });
    const created = new SessionStore(session, compiled);
    if (isNew) {
      for (const field of Object.values(compiled.fields)) {
        if (field.type !== 'table') continue;
        const minRows = Math.max((field as TableField).minRows ?? 0, 1);
        while (session.rowCount(field.key) < minRows) session.insertRow(field.key);
      }
    }
    return created;
    // values and context are read once per session on purpose
  }, [compiled, locale, seed]);
  // the store lives as long as its session (both are dropped together), so no dispose here:
  // StrictMode's effect replay must not disconnect a store that is still rendered
  useEffect(() => {
    previous.current = { seed, store };
  }, [store, seed]);
  return store;
}
