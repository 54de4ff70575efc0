import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../api/types.ts';

export interface CursorList<T> {
  items: T[];
  isLoading: boolean;
  isLoadingMore: boolean;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
  /** puts a created or changed item into the list (new ones first) */
  upsert: (item: T) => void;
}

/**
 * Cursor pagination: the first page loads whenever `queryKey` changes, further
 * pages are appended by `loadMore`. Answers to superseded requests are dropped.
 */
export function useCursorList<T extends { id: string }>(options: {
  queryKey: string;
  fetchPage: (cursor: string | null) => Promise<Page<T>>;
  onError: (error: unknown) => void;
}): CursorList<T> {
  const { queryKey } = options;
  const optionsRef = useRef(options);
  useEffect(() => {
    optionsRef.current = options;
  });
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [status, setStatus] = useState<'idle' | 'loading' | 'loadingMore'>('loading');
  const requestId = useRef(0);

  const load = useCallback(async (cursor: string | null) => {
    const id = ++requestId.current;
    setStatus(cursor ? 'loadingMore' : 'loading');
    try {
      const page = await optionsRef.current.fetchPage(cursor);
      if (id !== requestId.current) return;
      setItems((previous) => (cursor ? appendNew(previous, page.items) : page.items));
      setNextCursor(page.nextCursor);
    } catch (error) {
      if (id === requestId.current) optionsRef.current.onError(error);
    } finally {
      if (id === requestId.current) setStatus('idle');
    }
  }, []);

  useEffect(() => {
    void load(null);
  }, [queryKey, load]);

  return {
    items,
    isLoading: status === 'loading',
    isLoadingMore: status === 'loadingMore',
    hasMore: nextCursor !== null,
    loadMore: () => nextCursor && status === 'idle' && void load(nextCursor),
    reload: () => void load(null),
    upsert: (item) =>
      setItems((previous) =>
        previous.some((x) => x.id === item.id)
          ? previous.map((x) => (x.id === item.id ? item : x))
          : [item, ...previous],
      ),
  };
}

function appendNew<T extends { id: string }>(previous: T[], more: T[]): T[] {
  const seen = new Set(previous.map((x) => x.id));
  return [...previous, ...more.filter((x) => !seen.has(x.id))];
}
