/**
 * Formula test cases: a designer's examples `{ name, input, expected }`, run through
 * a FormSession exactly as a submission would be, reporting every difference.
 */
import type { FormTestCase } from '../../../schemas/form-definition.ts';
import type { CompiledForm } from '../compile/types.ts';
import type { EvalContext, JsonValue } from '../formula/index.ts';
import { createFormSession } from '../session/index.ts';
import type { FormSession } from '../session/index.ts';
import { isSameValue } from './compare.ts';

export interface TestCaseDifference {
  /** `total`, a cell `items/1/amount`, or a table `items` when the row counts differ */
  field: string;
  expected: unknown;
  actual: JsonValue | undefined;
  /** set when the difference is not a plain value mismatch (unknown field, row count) */
  message?: string;
}

export interface TestCaseResult {
  name: string;
  passed: boolean;
  differences: TestCaseDifference[];
}

export interface TestCaseOptions {
  /** USER(), DEPT(), TODAY()'s clock… for the cases */
  context?: EvalContext;
}

export function runFormTestCases(
  compiled: CompiledForm,
  cases: readonly FormTestCase[],
  options: TestCaseOptions = {},
): TestCaseResult[] {
  return cases.map((testCase, index) => {
    const name = typeof testCase?.name === 'string' ? testCase.name : `#${index + 1}`;
    const session = createFormSession(compiled, {
      locale: 'en',
      values: testCase?.input ?? {},
      context: options.context,
    });
    const differences = compareExpected(
      compiled,
      session,
      isObject(testCase?.expected) ? testCase.expected : {},
    );
    return { name, passed: differences.length === 0, differences };
  });
}

function compareExpected(
  compiled: CompiledForm,
  session: FormSession,
  expected: Record<string, unknown>,
): TestCaseDifference[] {
  const differences: TestCaseDifference[] = [];
  for (const key of Object.keys(expected)) {
    const field = Object.hasOwn(compiled.fields, key) ? compiled.fields[key] : undefined;
    const wanted = expected[key];
    if (!field || field.tableKey !== null) {
      differences.push({
        field: key,
        expected: wanted,
        actual: undefined,
        message: `"${key}" is not a field of this form`,
      });
    } else if (field.type === 'table') {
      differences.push(...compareRows(compiled, session, key, wanted));
    } else {
      const actual = session.getValue(key);
      if (!isSameValue(field, wanted, actual)) differences.push({ field: key, expected: wanted, actual });
    }
  }
  return differences;
}

/** Row by row: each expected row's columns against the same row's values. */
function compareRows(
  compiled: CompiledForm,
  session: FormSession,
  table: string,
  wanted: unknown,
): TestCaseDifference[] {
  const count = session.rowCount(table);
  if (!Array.isArray(wanted)) {
    return [
      {
        field: table,
        expected: wanted,
        actual: session.getValue(table),
        message: `"${table}" expects a list of rows`,
      },
    ];
  }
  const differences: TestCaseDifference[] = [];
  if (wanted.length !== count) {
    const message = `expected ${wanted.length} row${wanted.length === 1 ? '' : 's'}, got ${count}`;
    differences.push({ field: table, expected: wanted.length, actual: count, message });
  }
  for (let row = 0; row < Math.min(count, wanted.length); row++) {
    const expectedRow = wanted[row];
    if (!isObject(expectedRow)) continue;
    for (const column of Object.keys(expectedRow)) {
      const name = `${table}.${column}`;
      const field = Object.hasOwn(compiled.fields, name) ? compiled.fields[name] : undefined;
      const path = `${table}/${row}/${column}`;
      if (!field) {
        differences.push({
          field: path,
          expected: expectedRow[column],
          actual: undefined,
          message: `"${name}" is not a column of this form`,
        });
        continue;
      }
      const actual = session.getValue([table, row, column]);
      if (!isSameValue(field, expectedRow[column], actual))
        differences.push({ field: path, expected: expectedRow[column], actual });
    }
  }
  return differences;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `expected 23.74, got 21.01` (or the difference's own message). */
export function describeDifference(difference: TestCaseDifference): string {
  if (difference.message) return difference.message;
  return `expected ${show(difference.expected)}, got ${show(difference.actual)}`;
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
