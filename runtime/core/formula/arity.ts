import type { FunctionSpec } from './functions/types.ts';

/** `ROUND expects 1 to 2 arguments, got 3` — shared by the checker and the compiled formula. */
export function arityMessage(spec: Pick<FunctionSpec, 'name' | 'minArgs' | 'maxArgs'>, got: number): string {
  const { name, minArgs, maxArgs } = spec;
  let expected: string;
  if (maxArgs === Infinity) expected = `at least ${plural(minArgs)}`;
  else if (minArgs === maxArgs) expected = minArgs === 0 ? 'no arguments' : plural(minArgs);
  else expected = `${minArgs} to ${maxArgs} arguments`;
  return `${name} expects ${expected}, got ${got}`;
}

function plural(n: number): string {
  return n === 1 ? '1 argument' : `${n} arguments`;
}
