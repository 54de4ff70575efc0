import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { SessionFieldError as FieldError } from '../core/session/types.ts';
import type { JsonValue } from '../core/formula/index.ts';
import type { FieldState, SessionPath } from '../core/session/types.ts';
import { pathKey } from './store/paths.ts';
import type { SessionStore } from './store/session-store.ts';

export const SessionStoreContext = createContext<SessionStore | null>(null);

export function useSessionStore(): SessionStore {
  const store = useContext(SessionStoreContext);
  if (!store) throw new Error('useSessionStore: no <FormRenderer> or <SessionStoreContext.Provider> above');
  return store;
}

/** Channels a cell listens to: its own value and its table's row structure. */
const channelsOf = (prefix: string, path: SessionPath): string[] =>
  typeof path === 'string' ? [`${prefix}:${path}`] : [`${prefix}:${pathKey(path)}`, `t:${path[0]}`];

/** A field's (or cell's) current value; re-renders only when that value changes. */
export function useFieldValue(path: SessionPath): JsonValue {
  const store = useSessionStore();
  const key = pathKey(path);
  const subscribe = useCallback(
    (onChange: () => void) => store.channels.subscribeAll(channelsOf('v', path), onChange),
    [store, key],
  );
  return useSyncExternalStore(subscribe, () => store.getValue(path));
}

/** Visibility / required / read-only / computed of a field key (`items.qty` takes the row). */
export function useFieldState(key: string, row?: number): FieldState {
  const store = useSessionStore();
  const table = key.includes('.') ? key.slice(0, key.indexOf('.')) : null;
  const subscribe = useCallback(
    (onChange: () => void) =>
      store.channels.subscribeAll(table ? [`r:${key}`, `t:${table}`] : [`r:${key}`], onChange),
    [store, key, table],
  );
  return useSyncExternalStore(subscribe, () => store.getFieldState(key, row));
}

/** Errors shown on one path: the session's (after validate / on touched fields) and the server's. */
export function useFieldErrors(path: SessionPath): FieldError[] {
  const store = useSessionStore();
  const key = pathKey(path);
  const subscribe = useCallback(
    (onChange: () => void) => store.channels.subscribeAll(channelsOf('e', path), onChange),
    [store, key],
  );
  return useSyncExternalStore(subscribe, () => store.getErrors(path));
}

/** Stable row ids of a table (length = row count); re-renders on insert, remove, move. */
export function useTableRows(table: string): readonly number[] {
  const store = useSessionStore();
  const subscribe = useCallback(
    (onChange: () => void) => store.channels.subscribe(`t:${table}`, onChange),
    [store, table],
  );
  return useSyncExternalStore(subscribe, () => store.getRowIds(table));
}

/**
 * A column aggregate for the totals row; recomputed only when a value in that column
 * (or the row structure) changed.
 */
export function useColumnTotal(
  table: string,
  column: string,
  kind: 'sum' | 'avg' | 'count' | 'min' | 'max',
): number | null {
  const store = useSessionStore();
  const subscribe = useCallback(
    (onChange: () => void) => store.channels.subscribeAll([`c:${table}.${column}`, `t:${table}`], onChange),
    [store, table, column],
  );
  const read = useCallback(() => {
    const version = `${store.channels.version(`c:${table}.${column}`)}:${store.channels.version(`t:${table}`)}`;
    const cached = totalCache.get(store)?.get(`${table}.${column}.${kind}`);
    if (cached && cached.version === version) return cached.value;
    const value = aggregate(store, table, column, kind);
    let perStore = totalCache.get(store);
    if (!perStore) totalCache.set(store, (perStore = new Map()));
    perStore.set(`${table}.${column}.${kind}`, { version, value });
    return value;
  }, [store, table, column, kind]);
  return useSyncExternalStore(subscribe, read);
}

/** How many errors are shown (for a summary line); re-renders when error lists change. */
export function useErrorCount(): number {
  const store = useSessionStore();
  const subscribe = useCallback(
    (onChange: () => void) => store.channels.subscribe('errors', onChange),
    [store],
  );
  return useSyncExternalStore(subscribe, () => store.allErrors().length);
}

const totalCache = new WeakMap<SessionStore, Map<string, { version: string; value: number | null }>>();

function aggregate(store: SessionStore, table: string, column: string, kind: string): number | null {
  const values = store.columnValues(table, column);
  let sum = 0;
  let n = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (kind === 'count') {
      if (value !== null && value !== '') n++;
      continue;
    }
    if (typeof value !== 'number') continue;
    sum += value;
    n++;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  switch (kind) {
    case 'count':
      return n;
    case 'sum':
      return Math.round(sum * 1e9) / 1e9;
    case 'avg':
      return n ? sum / n : null;
    case 'min':
      return n ? min : null;
    default:
      return n ? max : null;
  }
}
