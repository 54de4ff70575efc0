import type { NewDoc, RecordDoc, User } from '../../../server/store/types.ts';

export function newUser(username: string, extra: Partial<NewDoc<User>> = {}): NewDoc<User> {
  return { username, displayName: username.toUpperCase(), roles: ['member'], isActive: true, ...extra };
}

export function newRecord(
  formId: string,
  data: RecordDoc['data'] = {},
  extra: Partial<NewDoc<RecordDoc>> = {},
): NewDoc<RecordDoc> {
  return { formId, formVersion: 1, data, status: 'draft', createdBy: 'u1', participants: ['u1'], ...extra };
}

/** Awaits a promise that must reject and returns its error for further checks. */
export async function rejection(
  promise: Promise<unknown>,
): Promise<Error & { extra?: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { extra?: Record<string, unknown> };
  }
  throw new Error('expected the promise to reject');
}
