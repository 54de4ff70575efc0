import type { CompiledField } from '../compile/types.ts';
import { round15, roundToPrecision } from '../formula/index.ts';
import { sameJson } from '../session/inputs.ts';

/**
 * Whether an actual value matches the expected one for a field: numbers after the
 * field's precision rounding (percent: of the displayed percentage), blanks alike
 * (`null`, `""`, missing), everything else structurally.
 */
export function isSameValue(field: CompiledField, expected: unknown, actual: unknown): boolean {
  if (isBlank(expected) || isBlank(actual)) return isBlank(expected) && isBlank(actual);
  if (isNumeric(field) && typeof actual === 'number') {
    const wanted = typeof expected === 'string' && expected.trim() !== '' ? Number(expected) : expected;
    return typeof wanted === 'number' && roundFor(field, wanted) === roundFor(field, actual);
  }
  return sameJson(expected, actual);
}

function roundFor(field: CompiledField, n: number): number {
  const precision =
    'precision' in field && typeof field.precision === 'number'
      ? field.precision
      : field.type === 'money'
        ? 2
        : undefined;
  if (precision === undefined) return round15(n);
  return roundToPrecision(n, field.type === 'percent' ? precision + 2 : precision);
}

function isNumeric(field: CompiledField): boolean {
  return field.type === 'number' || field.type === 'money' || field.type === 'percent';
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}
