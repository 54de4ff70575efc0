import { createRecordValidator, type CompiledForm } from '../../runtime/core/index.ts';
import { ValidationError } from '../errors/index.ts';
import type { Locale } from '../http/locale.ts';
import type { Json } from '../store/types.ts';

export interface PreparedData {
  data: Record<string, Json>;
}

/**
 * The single place where submitted data becomes storable data: values the
 * server owns (computed, serial) are dropped, the rest is validated against the
 * published version. The runtime issue plugs formulas and rules in here.
 */
export function prepareRecordData(input: { compiled: CompiledForm; data: Record<string, unknown>; locale: Locale }): PreparedData {
  const { compiled } = input;
  const data: Record<string, Json> = {};
  for (const [key, value] of Object.entries(input.data)) {
    const field = compiled.fields[key];
    if (field && (field.formula || field.type === 'serial')) continue;
    data[key] = value as Json;
  }
  const errors = createRecordValidator(compiled, { locale: input.locale }).validate(data);
  if (errors.length) {
    throw new ValidationError(
      input.locale === 'zh-CN' ? `提交的数据有 ${errors.length} 处问题` : `The record has ${errors.length} invalid field${errors.length > 1 ? 's' : ''}`,
      errors,
    );
  }
  return { data };
}
