import { compileForm, type CompiledForm, type FormDefinition } from '../../runtime/core/index.ts';
import type { FormVersion } from '../store/types.ts';

const MAX_ENTRIES = 500;

/** Published versions are immutable, so each is compiled once per process (LRU-bounded). */
export function createCompiledCache() {
  const cache = new Map<string, CompiledForm>();
  return {
    get(version: FormVersion): CompiledForm {
      const key = `${version.formId}@${version.number}`;
      let compiled = cache.get(key);
      if (compiled) {
        cache.delete(key); // re-insert to mark as recently used
      } else {
        compiled = compileForm(version.definition as unknown as FormDefinition);
        if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
      }
      cache.set(key, compiled);
      return compiled;
    },
  };
}

export type CompiledCache = ReturnType<typeof createCompiledCache>;
