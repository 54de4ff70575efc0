import type { FormAccess } from '../../schemas/form-access.ts';
import type { FormDoc, FormGrants, RecordDoc, User } from '../store/types.ts';
import { isAdmin } from '../auth/permissions.ts';

/** Whether `user` matches one grant entry list (`*`, `user:<id>`, `role:<name>`, `dept:<id>`). */
export function matchesGrant(user: User, entries: readonly string[]): boolean {
  return entries.some(
    (entry) =>
      entry === '*' ||
      entry === `user:${user.id}` ||
      (entry.startsWith('role:') && user.roles.includes(entry.slice(5))) ||
      (entry.startsWith('dept:') && user.departmentId === entry.slice(5)),
  );
}

export const canManageForm = (user: User, form: FormDoc): boolean =>
  isAdmin(user) || form.createdBy === user.id || matchesGrant(user, form.grants.manage);

export const canViewAllRecords = (user: User, form: FormDoc): boolean =>
  canManageForm(user, form) || matchesGrant(user, form.grants.viewAll);

export const canSubmit = (user: User, form: FormDoc): boolean =>
  form.publishedVersion > 0 &&
  !form.isArchived &&
  (canManageForm(user, form) || matchesGrant(user, form.grants.submit));

/** The caller's capabilities on one form, as the forms API sends them. */
export const formAccess = (user: User, form: FormDoc): FormAccess => ({
  canSubmit: canSubmit(user, form),
  canViewAll: canViewAllRecords(user, form),
  canManage: canManageForm(user, form),
});

/** A member sees records they created or take part in; form managers and viewAll holders see all. */
export const canSeeRecord = (user: User, form: FormDoc, record: RecordDoc): boolean =>
  record.participants.includes(user.id) || record.createdBy === user.id || canViewAllRecords(user, form);

export const defaultGrants = (creatorId: string): FormGrants => ({
  submit: ['*'],
  viewAll: [],
  manage: [`user:${creatorId}`],
});

export const grantsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['submit', 'viewAll', 'manage'],
  properties: Object.fromEntries(
    ['submit', 'viewAll', 'manage'].map((k) => [
      k,
      {
        type: 'array',
        maxItems: 200,
        items: { type: 'string', pattern: '^(\\*|(user|role|dept):[A-Za-z0-9_.@-]{1,64})$' },
      },
    ]),
  ),
} as const;
