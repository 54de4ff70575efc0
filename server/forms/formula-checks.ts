import {
  describeDifference,
  getFormProgram,
  runFormTestCases,
  walkFields,
  type CompiledForm,
  type Diagnostic,
  type FormDefinition,
} from '../../runtime/core/index.ts';
import type { FieldError } from '../errors/index.ts';

const RULE_PROPERTIES: Record<string, string> = {
  visible: 'visibleIf',
  required: 'requiredIf',
  readOnly: 'readOnlyIf',
};

/**
 * Design-time problems of a version's formulas and rules (unknown field or function,
 * wrong argument count, type mismatch, cycles…), each at the formula's place in the
 * definition document: `definition/fields/7/formula`.
 */
export function formulaProblems(definition: FormDefinition, compiled: CompiledForm): FieldError[] {
  const { diagnostics } = getFormProgram(compiled);
  if (diagnostics.length === 0) return [];
  const paths = new Map<string, string>();
  for (const { field, path, table } of walkFields(definition))
    paths.set(table ? `${table.key}.${field.key}` : field.key, path);
  return diagnostics.map((diagnostic) => ({
    path: `definition/${placeOf(diagnostic, paths)}`.replace(/\/$/, ''),
    code: diagnostic.code,
    message: `${diagnostic.fieldKey}: ${diagnostic.message}${diagnostic.position === undefined ? '' : ` (at ${diagnostic.position})`}`,
  }));
}

/** Every difference of every failing test case, at `testCases/<i>/<field>`. */
export function testCaseFailures(definition: FormDefinition, compiled: CompiledForm): FieldError[] {
  const cases = definition.testCases ?? [];
  const errors: FieldError[] = [];
  runFormTestCases(compiled, cases).forEach((result, index) => {
    for (const difference of result.differences) {
      errors.push({
        path: `testCases/${index}/${difference.field}`,
        code: 'test-case',
        message: `${result.name}: ${difference.field}: ${describeDifference(difference)}`,
      });
    }
  });
  return errors;
}

function placeOf(diagnostic: Diagnostic, paths: Map<string, string>): string {
  const rule = /^(visible|required|readOnly):(.+)$/.exec(diagnostic.fieldKey);
  if (rule) {
    const path = paths.get(rule[2]);
    return path ? `${path}/${RULE_PROPERTIES[rule[1]]}` : '';
  }
  const path = paths.get(diagnostic.fieldKey);
  return path ? `${path}/formula` : '';
}
