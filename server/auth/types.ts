import type { User } from '../store/types.ts';

export interface AuthInfo {
  user: User;
  via: 'session' | 'token';
  /** the session's id when signed in with the cookie */
  sessionId?: string;
  csrfToken?: string;
}

declare module 'express-serve-static-core' {
  interface Request {
    auth?: AuthInfo | null;
  }
}
