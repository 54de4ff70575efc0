import type { ErrorObject } from 'ajv';
import type { CompiledField } from '../compile/types.ts';
import type { ExpectedType, FieldErrorCode, MessageParams } from './messages.ts';

/** Turns the (single) ajv error of one value into our code and message parameters. */
export function describeAjvError(
  field: CompiledField,
  error: ErrorObject | undefined,
  value: unknown,
): [FieldErrorCode, MessageParams] {
  const def = field;
  const label = field.label;
  const params = (error?.params ?? {}) as Record<string, unknown>;
  const isRoot = !error || error.instancePath === '';
  switch (error?.keyword) {
    case 'type':
      return isRoot ? ['type', { label, expected: expectedType(field) }] : ['invalid', { label }];
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum': {
      const isMin = error.keyword.endsWith('inimum');
      if (def.type === 'attachment') {
        const file = (value as { name?: unknown }[])[Number(error.instancePath.split('/')[1])];
        return isMin
          ? ['invalid', { label }]
          : ['fileSize', { label, name: String(file?.name ?? ''), limit: def.maxSizeMb }];
      }
      const limit = params.limit as number;
      return [isMin ? 'min' : 'max', { label, limit: def.type === 'percent' ? formatPercent(limit) : limit }];
    }
    case 'minLength':
    case 'maxLength':
      return isRoot ? [error.keyword, { label, limit: params.limit as number }] : ['invalid', { label }];
    case 'pattern':
      if (def.type === 'phone' || def.type === 'uscc') return [def.type, { label }];
      return ['pattern', { label, hint: def.type === 'text' ? def.patternMessage : undefined }];
    case 'format':
      return [params.format === 'date-time' ? 'datetime' : (params.format as 'date' | 'email'), { label }];
    case 'enum':
      return ['option', { label }];
    case 'minItems':
    case 'maxItems':
      return [error.keyword, { label, limit: params.limit as number }];
    case 'uniqueItems':
      return ['duplicateItems', { label }];
    default:
      return ['invalid', { label }];
  }
}

function expectedType(field: CompiledField): ExpectedType {
  switch (field.type) {
    case 'number':
    case 'money':
    case 'percent':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'multiselect':
    case 'attachment':
    case 'table':
      return 'list';
    case 'member':
    case 'department':
      return field.isMultiple ? 'list' : 'text';
    default:
      return 'text';
  }
}

function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 1e8) / 1e6}%`;
}
