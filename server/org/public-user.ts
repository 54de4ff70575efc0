import type { User } from '../store/types.ts';

export type PublicUser = Omit<User, 'passwordHash'>;

/** What API answers show of a user: never the password hash. */
export function publicUser(user: User): PublicUser {
  const { passwordHash: _hash, ...rest } = user;
  return rest;
}
