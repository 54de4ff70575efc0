/** JSON shapes of the `/api/v1` answers the SPA reads. */

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface User {
  id: string;
  version: number;
  username: string;
  displayName: string;
  email?: string;
  phone?: string;
  departmentId?: string | null;
  /** role names, e.g. `admin`, `designer`, `member` */
  roles: string[];
  isActive: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Department {
  id: string;
  version: number;
  name: string;
  parentId: string | null;
  headUserId: string | null;
  createdAt?: string;
  updatedAt?: string;
}

export interface Role {
  id: string;
  version: number;
  name: string;
  description?: string;
  isBuiltIn: boolean;
}

export type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

export interface AuditEvent {
  id: string;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  summary?: { before?: Json; after?: Json };
  createdAt: string;
}

export interface SessionAnswer {
  user: User;
  csrfToken: string;
}
