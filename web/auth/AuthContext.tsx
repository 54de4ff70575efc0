import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { configureApiClient, setCsrfToken } from '../api/client.ts';
import { getMe, signIn, signOut } from '../api/session.ts';
import type { SessionAnswer, User } from '../api/types.ts';

export type AuthState =
  | { status: 'loading'; user: null }
  | { status: 'anonymous'; user: null }
  | { status: 'authenticated'; user: User };

export interface AuthApi {
  state: AuthState;
  signIn: (username: string, password: string) => Promise<User>;
  signOut: () => Promise<void>;
  /** replaces the signed-in user after the user edited themselves */
  setUser: (user: User) => void;
}

const AuthContext = createContext<AuthApi | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading', user: null });

  const accept = useCallback((answer: SessionAnswer) => {
    setCsrfToken(answer.csrfToken);
    setState({ status: 'authenticated', user: answer.user });
    return answer.user;
  }, []);

  const forget = useCallback(() => {
    setCsrfToken(null);
    setState({ status: 'anonymous', user: null });
  }, []);

  useEffect(() => {
    configureApiClient({ onUnauthorized: forget });
    let isCurrent = true;
    getMe()
      .then((answer) => isCurrent && accept(answer))
      // 401, or the server is unreachable: either way the login page is where to go
      .catch(() => isCurrent && forget());
    return () => {
      isCurrent = false;
    };
  }, [accept, forget]);

  const api = useMemo<AuthApi>(
    () => ({
      state,
      signIn: async (username, password) => accept(await signIn(username, password)),
      signOut: async () => {
        try {
          await signOut();
        } finally {
          forget();
        }
      },
      setUser: (user) => setState({ status: 'authenticated', user }),
    }),
    [state, accept, forget],
  );

  return <AuthContext.Provider value={api}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthApi {
  const api = useContext(AuthContext);
  if (!api) throw new Error('useAuth must be used inside <AuthProvider>');
  return api;
}

export const hasRole = (user: User | null, role: string): boolean => !!user?.roles.includes(role);
