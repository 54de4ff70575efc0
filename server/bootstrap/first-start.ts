import type { Store } from '../store/types.ts';
import { generatePassword, hashPassword } from '../auth/passwords.ts';
import { BUILT_IN_ROLES } from '../org/role-routes.ts';

/** Built-in roles and the `admin` user, created when missing. Returns the generated password, if any. */
export async function ensureFirstStart(
  store: Store,
  input: { adminPassword: string | null },
): Promise<{ isAdminCreated: boolean; generatedPassword: string | null }> {
  for (const role of BUILT_IN_ROLES) {
    const existing = await store.roles.count({ op: 'eq', field: 'name', value: role.name });
    if (!existing)
      await store.roles.insert({ name: role.name, description: role.description, isBuiltIn: true });
  }
  const admins = await store.users.count({ op: 'eq', field: 'username', value: 'admin' });
  if (admins) return { isAdminCreated: false, generatedPassword: null };
  const password = input.adminPassword ?? generatePassword();
  await store.users.insert({
    username: 'admin',
    displayName: 'Administrator',
    roles: ['admin', 'designer', 'member'],
    isActive: true,
    departmentId: null,
    passwordHash: await hashPassword(password),
  });
  return { isAdminCreated: true, generatedPassword: input.adminPassword ? null : password };
}
