import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { listAllDepartments, listAllRoles, listUsers } from '../api/org.ts';
import type { Department, Role, User } from '../api/types.ts';
import { useReportError } from '../lib/useReportError.ts';

/**
 * What the admin pages look names up in: all departments and roles, and the
 * users seen so far (first 500 plus any loaded or searched later).
 */
export interface Directory {
  departments: Department[];
  roles: Role[];
  users: Map<string, User>;
  isLoading: boolean;
  departmentName: (id: string | null | undefined) => string | undefined;
  userLabel: (id: string | null | undefined) => string | undefined;
  reloadDepartments: () => Promise<void>;
  reloadRoles: () => Promise<void>;
  rememberUsers: (users: User[]) => void;
}

const DirectoryContext = createContext<Directory | null>(null);

export function DirectoryProvider({ children }: { children: ReactNode }) {
  const report = useReportError();
  const [departments, setDepartments] = useState<Department[]>([]);
  const [roles, setRoles] = useState<Role[]>([]);
  const [users, setUsers] = useState<Map<string, User>>(new Map());
  const [isLoading, setLoading] = useState(true);

  const reloadDepartments = useCallback(() => listAllDepartments().then(setDepartments, report), [report]);
  const reloadRoles = useCallback(() => listAllRoles().then(setRoles, report), [report]);
  const rememberUsers = useCallback((more: User[]) => {
    if (more.length === 0) return;
    setUsers((previous) => {
      const next = new Map(previous);
      for (const user of more) next.set(user.id, user);
      return next;
    });
  }, []);

  useEffect(() => {
    const loadUsers = listUsers({ limit: 500 }).then((page) => rememberUsers(page.items), report);
    void Promise.all([reloadDepartments(), reloadRoles(), loadUsers]).finally(() => setLoading(false));
  }, [reloadDepartments, reloadRoles, rememberUsers, report]);

  const value = useMemo<Directory>(() => {
    const departmentsById = new Map(departments.map((d) => [d.id, d]));
    return {
      departments,
      roles,
      users,
      isLoading,
      departmentName: (id) => (id ? (departmentsById.get(id)?.name ?? id) : undefined),
      userLabel: (id) => {
        if (!id) return undefined;
        const user = users.get(id);
        return user ? `${user.displayName} (${user.username})` : id;
      },
      reloadDepartments,
      reloadRoles,
      rememberUsers,
    };
  }, [departments, roles, users, isLoading, reloadDepartments, reloadRoles, rememberUsers]);

  return <DirectoryContext.Provider value={value}>{children}</DirectoryContext.Provider>;
}

export function useDirectory(): Directory {
  const directory = useContext(DirectoryContext);
  if (!directory) throw new Error('useDirectory must be used inside <DirectoryProvider>');
  return directory;
}
