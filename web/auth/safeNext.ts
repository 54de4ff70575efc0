const BASE = 'http://formwork.invalid';
export const HOME_PATH = '/apps';

/**
 * The `next` parameter of /login, accepted only as a same-origin relative path
 * (no `//host`, no `\\`, no scheme, no control characters) so a crafted link
 * cannot send the user elsewhere after signing in.
 */
export function safeNextPath(next: string | null | undefined, fallback: string = HOME_PATH): string {
  if (!next || !next.startsWith('/') || next.startsWith('//')) return fallback;
  if (next.includes('\\') || hasControlCharacter(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  if (url.pathname === '/login') return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** `/login?next=…` for the page the user wanted. */
export function loginPathFor(location: { pathname: string; search?: string; hash?: string }): string {
  const wanted = `${location.pathname}${location.search ?? ''}${location.hash ?? ''}`;
  if (wanted === '/' || wanted === '' || location.pathname === '/login') return '/login';
  return `/login?next=${encodeURIComponent(wanted)}`;
}

const hasControlCharacter = (text: string): boolean =>
  [...text].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);
