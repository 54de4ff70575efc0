import { useSyncExternalStore } from 'react';

/** Below antd's `md` breakpoint (768 px) the header collapses into a menu button. */
const PHONE_QUERY = '(max-width: 767.98px)';

function subscribe(onChange: () => void): () => void {
  const list = window.matchMedia(PHONE_QUERY);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

const read = (): boolean => window.matchMedia(PHONE_QUERY).matches;

export function useIsMobile(): boolean {
  return useSyncExternalStore(subscribe, read, () => false);
}
