import { createFormSession, type CompiledForm, type EvalContext } from '../../runtime/core/index.ts';
import { ValidationError } from '../errors/index.ts';
import type { Locale } from '../http/locale.ts';
import type { Json } from '../store/types.ts';

export interface PreparedData {
  data: Record<string, Json>;
}

/** Who is submitting, for USER(), DEPT() and RECORD_ID() in formulas. */
export interface SubmitterContext {
  userId: string;
  userName: string;
  departmentId?: string | null;
  departmentName?: string | null;
  /** the record being changed; absent while it is created */
  recordId?: string | null;
}

/**
 * The single place where submitted data becomes storable data. The submission is
 * loaded into a FormSession — the same runtime the browser runs — which ignores
 * values for computed fields, recomputes every formula, applies visibility /
 * required / read-only rules and defaults. Serial numbers are the server's (assigned
 * after this). Hidden fields are dropped; anything invalid is a 422 with field paths
 * such as `items/3/qty`, messages in the caller's language.
 */
export function prepareRecordData(input: {
  compiled: CompiledForm;
  data: Record<string, unknown>;
  locale: Locale;
  submitter?: SubmitterContext;
  /** a draft may be incomplete: missing required values are not errors yet (everything else is) */
  isDraft?: boolean;
}): PreparedData {
  const { compiled, locale } = input;
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input.data)) {
    const field = Object.hasOwn(compiled.fields, key) ? compiled.fields[key] : undefined;
    if (field && (field.isComputed || field.type === 'serial')) continue;
    Object.defineProperty(values, key, { value, enumerable: true, writable: true, configurable: true });
  }
  const session = createFormSession(compiled, { locale, values, context: evalContext(input.submitter) });
  const errors = session.validate().filter((e) => !(input.isDraft && e.code === 'required'));
  if (errors.length) {
    throw new ValidationError(
      locale === 'zh-CN'
        ? `提交的数据有 ${errors.length} 处问题`
        : `The record has ${errors.length} invalid field${errors.length > 1 ? 's' : ''}`,
      errors,
    );
  }
  return { data: session.toSubmission() as Record<string, Json> };
}

function evalContext(submitter: SubmitterContext | undefined): EvalContext {
  if (!submitter) return {};
  return {
    userId: submitter.userId,
    userName: submitter.userName,
    departmentId: submitter.departmentId ?? null,
    departmentName: submitter.departmentName ?? null,
    recordId: submitter.recordId ?? null,
  };
}
