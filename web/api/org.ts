import { api } from './client.ts';
import type { Department, Page, Role, User } from './types.ts';

export interface UserQuery {
  q?: string;
  departmentId?: string;
  limit?: number;
  cursor?: string | null;
}

export interface NewUser {
  username: string;
  displayName: string;
  email?: string;
  phone?: string;
  departmentId?: string | null;
  roles: string[];
  isActive?: boolean;
  password: string;
}

export type UserChanges = Partial<Omit<NewUser, 'username' | 'password'>>;

export const listUsers = (query: UserQuery = {}): Promise<Page<User>> =>
  api<Page<User>>('/org/users', { query: { ...query } });

export const createUser = (body: NewUser): Promise<User> => api<User>('/org/users', { method: 'POST', body });

export const updateUser = (id: string, version: number, changes: UserChanges): Promise<User> =>
  api<User>(`/org/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: { version, ...changes } });

export const setUserPassword = (id: string, password: string): Promise<void> =>
  api<void>(`/org/users/${encodeURIComponent(id)}/password`, { method: 'POST', body: { password } });

export interface DepartmentInput {
  name: string;
  parentId?: string | null;
  headUserId?: string | null;
}

export const listAllDepartments = (): Promise<Department[]> => listAll<Department>('/org/departments');

export const createDepartment = (body: DepartmentInput): Promise<Department> =>
  api<Department>('/org/departments', { method: 'POST', body });

export const updateDepartment = (
  id: string,
  version: number,
  changes: Partial<DepartmentInput>,
): Promise<Department> =>
  api<Department>(`/org/departments/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: { version, ...changes },
  });

export const deleteDepartment = (id: string): Promise<void> =>
  api<void>(`/org/departments/${encodeURIComponent(id)}`, { method: 'DELETE' });

export interface RoleInput {
  name: string;
  description?: string;
}

export const listAllRoles = (): Promise<Role[]> => listAll<Role>('/org/roles');

export const createRole = (body: RoleInput): Promise<Role> =>
  api<Role>('/org/roles', { method: 'POST', body });

export const updateRole = (id: string, version: number, changes: Partial<RoleInput>): Promise<Role> =>
  api<Role>(`/org/roles/${encodeURIComponent(id)}`, { method: 'PATCH', body: { version, ...changes } });

export const deleteRole = (id: string): Promise<void> =>
  api<void>(`/org/roles/${encodeURIComponent(id)}`, { method: 'DELETE' });

/** Every item of a list endpoint, following `nextCursor`; tolerates a bare array answer. */
async function listAll<T>(path: string): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | null = null;
  do {
    const answer: Page<T> | T[] = await api<Page<T> | T[]>(path, { query: { limit: 500, cursor } });
    if (Array.isArray(answer)) return answer;
    all.push(...answer.items);
    cursor = answer.nextCursor;
  } while (cursor);
  return all;
}
