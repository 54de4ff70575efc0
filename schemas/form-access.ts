/**
 * What the caller may do with one form, computed by the server from the form's grants
 * (`submit`, `viewAll`, `manage`) and sent with every form of `GET /forms` and `GET /forms/:id`,
 * so the workspace never has to read the grants itself.
 */
export interface FormAccess {
  /** may submit new records (the form is published and not archived) */
  canSubmit: boolean;
  /** may see every record of the form, not only their own */
  canViewAll: boolean;
  /** may change the form, its grants and any of its records */
  canManage: boolean;
}

export const formAccessSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['canSubmit', 'canViewAll', 'canManage'],
  properties: {
    canSubmit: { type: 'boolean' },
    canViewAll: { type: 'boolean' },
    canManage: { type: 'boolean' },
  },
} as const;
