/**
 * Compiles the reviewed definition for the live preview. Never throws: an invalid definition
 * (an emptied label, a type change a formula cannot take) comes back as problems to show.
 */
import { compileForm, FormDefinitionError, getFormProgram } from '../../runtime/core/index.ts';
import type { CompiledForm, FormDefinition } from '../../runtime/core/index.ts';

export interface PreviewProblem {
  /** a definition path (`fields/3/label`) or a formula's field name (`items.amount`) */
  path: string;
  message: string;
}

export type PreviewResult =
  /** `formulaProblems`: the form renders, but publishing would refuse these */
  | { isValid: true; compiled: CompiledForm; formulaProblems: PreviewProblem[] }
  | { isValid: false; problems: PreviewProblem[] };

export function compilePreview(definition: FormDefinition): PreviewResult {
  let compiled: CompiledForm;
  try {
    compiled = compileForm(definition);
  } catch (error) {
    if (error instanceof FormDefinitionError) {
      return {
        isValid: false,
        problems: error.issues.map((issue) => ({ path: issue.path, message: issue.message })),
      };
    }
    return { isValid: false, problems: [{ path: '', message: errorMessage(error) }] };
  }
  try {
    const { diagnostics } = getFormProgram(compiled);
    const formulaProblems = diagnostics.map((d) => ({ path: d.fieldKey, message: d.message }));
    return { isValid: true, compiled, formulaProblems };
  } catch (error) {
    return { isValid: false, problems: [{ path: '', message: errorMessage(error) }] };
  }
}

const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));
