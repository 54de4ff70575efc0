import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { isApiProblem } from '../api/client.ts';
import type { ProblemFieldError } from '../api/client.ts';

export type FieldName = (string | number)[];

/** `items/3/qty`, `/email` or `address.city` → antd form name path. */
export function fieldNameOf(path: string): FieldName {
  return path
    .replace(/^[/#]+/, '')
    .split(/[/.]/)
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export interface FieldErrorGroups {
  fields: { name: FieldName; errors: string[] }[];
  /** errors that name no field of the form; shown as a message instead */
  rest: ProblemFieldError[];
}

/** Splits a problem's `errors[]` into those that belong to a form field and the rest. */
export function groupFieldErrors(
  errors: ProblemFieldError[],
  fieldNames: readonly string[],
): FieldErrorGroups {
  const byField = new Map<string, { name: FieldName; errors: string[] }>();
  const rest: ProblemFieldError[] = [];
  for (const error of errors) {
    const name = fieldNameOf(error.path ?? '');
    if (name.length === 0 || !fieldNames.includes(String(name[0]))) {
      rest.push(error);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(error.message);
    byField.set(key, entry);
  }
  return { fields: [...byField.values()], rest };
}

/** One human sentence for any error thrown by the API client (or by fetch itself). */
export function problemText(t: TFunction, error: unknown): string {
  if (!isApiProblem(error)) return t('errors.network');
  if (error.isVersionConflict) return t('errors.versionConflict');
  if (error.status === 403) return t('errors.forbidden');
  if (error.status >= 500) return error.detail || t('errors.server');
  return error.detail || error.title || t('errors.unknown');
}

/**
 * Puts the problem's field errors on the form fields; returns the text to show
 * in a message for what could not be placed on a field (or null).
 */
export function applyProblemToForm(options: {
  t: TFunction;
  form: FormInstance;
  error: unknown;
  fieldNames: readonly string[];
}): string | null {
  const { t, form, error, fieldNames } = options;
  if (!isApiProblem(error) || error.fieldErrors.length === 0 || error.isVersionConflict) {
    return problemText(t, error);
  }
  const { fields, rest } = groupFieldErrors(error.fieldErrors, fieldNames);
  form.setFields(fields);
  if (rest.length > 0) return rest.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ');
  return fields.length > 0 ? null : problemText(t, error);
}
