import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { FullPageSpin } from '../layout/FullPageSpin.tsx';
import { useAuth } from './AuthContext.tsx';
import { loginPathFor } from './safeNext.ts';

/** Renders children for a signed-in user; sends everyone else to /login?next=…. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status === 'loading') return <FullPageSpin />;
  if (state.status === 'anonymous') return <Navigate to={loginPathFor(location)} replace />;
  return children;
}
