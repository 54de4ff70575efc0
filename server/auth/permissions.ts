import type { User } from '../store/types.ts';

/**
 * Route-level permissions. Object-level checks (form grants, record
 * visibility) are made by the services, since they need the object.
 */
export type Permission = 'public' | 'signedIn' | 'designer' | 'admin';

export function hasPermission(user: User, permission: Permission): boolean {
  if (!user.isActive) return false;
  switch (permission) {
    case 'public':
    case 'signedIn':
      return true;
    case 'designer':
      return user.roles.includes('designer') || user.roles.includes('admin');
    case 'admin':
      return user.roles.includes('admin');
  }
}

export const isAdmin = (user: User): boolean => user.isActive && user.roles.includes('admin');
