import { api } from './client.ts';
import type { SessionAnswer } from './types.ts';

export const getMe = (): Promise<SessionAnswer> => api<SessionAnswer>('/me', { isAuthProbe: true });

export const signIn = (username: string, password: string): Promise<SessionAnswer> =>
  api<SessionAnswer>('/session', { method: 'POST', body: { username, password }, isAuthProbe: true });

export const signOut = (): Promise<void> => api<void>('/session', { method: 'DELETE', isAuthProbe: true });
