import { validateFormDefinition, type FormDefinition } from '../../runtime/core/index.ts';
import { ValidationError } from '../errors/index.ts';

/** Throws a 422 listing every problem of a form definition document. */
export function assertValidDefinition(definition: unknown, pathPrefix = 'definition'): FormDefinition {
  const issues = validateFormDefinition(definition);
  if (issues.length) {
    throw new ValidationError(
      `The form definition has ${issues.length} problem${issues.length > 1 ? 's' : ''}`,
      issues.map((i) => ({
        path: [pathPrefix, i.path].filter(Boolean).join('/'),
        code: i.code,
        message: i.message,
      })),
    );
  }
  return definition as FormDefinition;
}
