import type { FormAccess } from '../../schemas/form-access.ts';
import type { Filter, FormDoc, FormGrants, RecordDoc, User } from '../store/types.ts';
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

/**
 * The store-side half of "forms this user may see": forms they created or hold any grant on
 * (submit only once published). Lets list pages come back full instead of being cut down after
 * the query; `formAccess` still decides per form. Null for admins, who see every form.
 */
export function visibleFormsFilter(user: User): Filter | null {
  if (isAdmin(user)) return null;
  const principals = [
    '*',
    `user:${user.id}`,
    ...user.roles.map((role) => `role:${role}`),
    ...(user.departmentId ? [`dept:${user.departmentId}`] : []),
  ];
  const holds = (list: keyof FormGrants): Filter[] =>
    principals.map((value) => ({ op: 'contains', field: `grants.${list}`, value }));
  return {
    op: 'or',
    items: [
      { op: 'eq', field: 'createdBy', value: user.id },
      ...holds('manage'),
      ...holds('viewAll'),
      {
        op: 'and',
        items: [
          { op: 'gt', field: 'publishedVersion', value: 0 },
          { op: 'or', items: holds('submit') },
        ],
      },
    ],
  };
}

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
