import {
  compileForm,
  getFormProgram,
  type CompiledForm,
  type CompileResult,
  type FormDefinition,
} from '../../runtime/core/index.ts';
import type { FormVersion } from '../store/types.ts';

const MAX_ENTRIES = 500;

interface Entry {
  compiled: CompiledForm;
  /** the formula program, compiled once with the version (FormSessions of this version share it) */
  formulas: CompileResult;
}

/** Published versions are immutable, so each is compiled once per process (LRU-bounded). */
export function createCompiledCache() {
  const cache = new Map<string, Entry>();
  const keyOf = (version: FormVersion) => `${version.formId}@${version.number}`;

  const remember = (key: string, entry: Entry): Entry => {
    cache.delete(key); // (re-)insert as the most recently used
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
    cache.set(key, entry);
    return entry;
  };

  const entryOf = (version: FormVersion): Entry => {
    const key = keyOf(version);
    const cached = cache.get(key);
    if (cached) return remember(key, cached);
    const compiled = compileForm(version.definition as unknown as FormDefinition);
    return remember(key, { compiled, formulas: getFormProgram(compiled) });
  };

  return {
    get(version: FormVersion): CompiledForm {
      return entryOf(version).compiled;
    },
    formulas(version: FormVersion): CompileResult {
      return entryOf(version).formulas;
    },
    /** Stores what publishing already compiled, so the first submission does not compile again. */
    put(version: FormVersion, compiled: CompiledForm): void {
      remember(keyOf(version), { compiled, formulas: getFormProgram(compiled) });
    },
  };
}

export type CompiledCache = ReturnType<typeof createCompiledCache>;
