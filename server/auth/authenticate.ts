import type { RequestHandler } from 'express';
import { Forbidden, Unauthorized } from '../errors/index.ts';
import type { Store } from '../store/types.ts';
import { SESSION_COOKIE, type SessionService } from './sessions.ts';
import type { TokenService } from './tokens.ts';

const LAST_USED_RESOLUTION_MS = 60_000;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Sets `req.auth` from a Bearer token or the session cookie. Cookie-borne
 * mutations must carry a valid X-CSRF-Token; Bearer requests need none since
 * browsers never attach them on their own.
 */
export function authenticate(deps: {
  store: Store;
  sessions: SessionService;
  tokens: TokenService;
}): RequestHandler {
  return async (req, _res, next) => {
    req.auth = null;
    const header = req.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw new Unauthorized('The Authorization header must be "Bearer <token>"');
      const token = await deps.tokens.resolve(match[1]);
      if (!token) throw new Unauthorized('The API token is unknown, revoked or expired');
      const user = await deps.store.users.get(token.userId);
      if (!user?.isActive) throw new Unauthorized('The API token belongs to an inactive user');
      req.auth = { user, via: 'token' };
      const now = new Date();
      // best effort and at most once a minute: a write per API call would halve throughput
      if (!token.lastUsedAt || now.getTime() - Date.parse(token.lastUsedAt) > LAST_USED_RESOLUTION_MS) {
        void deps.store.tokens
          .updateIfVersion(token.id, token.version, { lastUsedAt: now.toISOString() })
          .catch(() => undefined); // a racing request may have bumped it
      }
      return next();
    }
    const raw = req.cookies?.[SESSION_COOKIE] as string | undefined;
    if (!raw) return next();
    const session = await deps.sessions.resolve(raw);
    if (!session) return next();
    const user = await deps.store.users.get(session.userId);
    if (!user?.isActive) return next();
    const csrfToken = deps.sessions.csrfFor(session.id);
    if (!SAFE_METHODS.has(req.method) && !deps.sessions.isValidCsrf(session.id, req.get('x-csrf-token'))) {
      throw new Forbidden('Missing or invalid X-CSRF-Token header for a cookie-authenticated request', {
        reason: 'csrf',
      });
    }
    req.auth = { user, via: 'session', sessionId: session.id, csrfToken };
    next();
  };
}
