import { useEffect, useState } from 'react';
import { compileForm } from '../../runtime/core/index.ts';
import type { CompiledForm } from '../../runtime/core/index.ts';
import { getForm, getFormVersion } from './api.ts';
import type { FormSummary } from './api.ts';

export type CompiledFormState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; form: FormSummary; versionNumber: number; compiled: CompiledForm };

/**
 * Loads a form and one published version (default: the latest) and compiles it in the browser —
 * the same compile the server runs on submission (without re-running the JSON Schema check the
 * version passed when it was published).
 */
export function useCompiledForm(formId: string, versionNumber?: number): CompiledFormState {
  const [state, setState] = useState<CompiledFormState>({ status: 'loading' });
  useEffect(() => {
    let isCurrent = true;
    setState({ status: 'loading' });
    (async () => {
      const form = await getForm(formId);
      const number = versionNumber ?? form.publishedVersion;
      const version = await getFormVersion(formId, number);
      const compiled = compileForm(version.definition, { isPublished: true });
      if (isCurrent) setState({ status: 'ready', form, versionNumber: number, compiled });
    })().catch((error: unknown) => {
      if (isCurrent) setState({ status: 'error', error });
    });
    return () => {
      isCurrent = false;
    };
  }, [formId, versionNumber]);
  return state;
}
