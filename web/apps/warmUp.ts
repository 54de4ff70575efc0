import { compileForm } from '../../runtime/core/index.ts';
import type { FormDefinition } from '../../runtime/core/index.ts';

const TINY: FormDefinition = {
  schemaVersion: 1,
  settings: { title: 'warm-up', indexedFields: [] },
  fields: [{ key: 'x', type: 'text', label: 'x' }],
};

let isWarm = false;

/**
 * compileForm validates the definition with ajv, and the first call compiles that validator
 * (≈170 ms in Chromium). The Apps home does it while the browser is idle, so opening a form
 * does not pay for it.
 */
export function warmUpFormCompiler(): () => void {
  if (isWarm) return () => {};
  const run = () => {
    isWarm = true;
    try {
      compileForm(TINY);
    } catch {
      // a warm-up only
    }
  };
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(run, { timeout: 3000 });
    return () => window.cancelIdleCallback(id);
  }
  const timer = setTimeout(run, 300);
  return () => clearTimeout(timer);
}
