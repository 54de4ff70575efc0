import type { Request, Response } from 'express';
import type { Session, Store, User } from '../store/types.ts';
import { hmac, randomToken, safeEqual, sha256 } from './secrets.ts';

export const SESSION_COOKIE = 'fw_session';
const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;

export interface SessionOptions {
  store: Store;
  secret: string;
  isSecureCookies: boolean;
}

/**
 * Cookie sessions with a synchronizer CSRF token: the token is an HMAC of the
 * session id under the server secret, so it needs no storage and cannot be
 * derived by a page that only rides the cookie.
 */
export function createSessionService({ store, secret, isSecureCookies }: SessionOptions) {
  const csrfFor = (sessionId: string) => hmac(secret, `csrf:${sessionId}`);

  return {
    csrfFor,

    isValidCsrf(sessionId: string, token: string | undefined): boolean {
      return typeof token === 'string' && safeEqual(token, csrfFor(sessionId));
    },

    async start(user: User, req: Request, res: Response): Promise<{ session: Session; csrfToken: string }> {
      const raw = randomToken();
      const session = await store.sessions.insert({
        userId: user.id,
        tokenHash: sha256(raw),
        expiresAt: new Date(Date.now() + SESSION_TTL_MS).toISOString(),
        userAgent: String(req.headers['user-agent'] ?? '').slice(0, 200),
        ip: req.ip,
      });
      res.cookie(SESSION_COOKIE, raw, {
        httpOnly: true,
        sameSite: 'lax',
        secure: isSecureCookies || req.secure,
        path: '/',
        maxAge: SESSION_TTL_MS,
      });
      return { session, csrfToken: csrfFor(session.id) };
    },

    /** The live session for a raw cookie value, or null (expired sessions are removed). */
    async resolve(raw: string): Promise<Session | null> {
      const page = await store.sessions.list({
        filter: { op: 'eq', field: 'tokenHash', value: sha256(raw) },
        limit: 1,
      });
      const session = page.items[0];
      if (!session) return null;
      if (session.expiresAt <= new Date().toISOString()) {
        await store.sessions.delete(session.id).catch(() => undefined);
        return null;
      }
      return session;
    },

    async end(sessionId: string, res: Response): Promise<void> {
      await store.sessions.delete(sessionId).catch(() => undefined);
      res.clearCookie(SESSION_COOKIE, { path: '/' });
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
