/** Calls library functions the way the engine does: a FunctionContext with a step counter, thunks for lazy specs. */
import { expect } from 'vitest';
import { FUNCTIONS } from '../../../../runtime/core/formula/functions/index.ts';
import type { FunctionContext } from '../../../../runtime/core/formula/functions/types.ts';
import { isFormulaError } from '../../../../runtime/core/formula/values.ts';
import type { ErrorCode, Value } from '../../../../runtime/core/formula/values.ts';

/** 2024-03-15T10:30:00Z — a Friday; 18:30 in Asia/Shanghai. */
export const FIXED_NOW = Date.UTC(2024, 2, 15, 10, 30, 0);

export interface TestContext extends FunctionContext {
  steps: number;
}

export function makeCtx(overrides: Partial<FunctionContext> & { budget?: number } = {}): TestContext {
  const { budget = Infinity, ...rest } = overrides;
  const ctx: TestContext = {
    rowIndex: null,
    now: () => FIXED_NOW,
    timeZone: 'UTC',
    steps: 0,
    tick(n = 1) {
      ctx.steps += n;
      if (ctx.steps > budget) throw new Error('BudgetExceeded');
    },
    ...rest,
  };
  return ctx;
}

/** Call a function by name with plain values (wrapped in thunks when the spec is lazy). */
export function call(name: string, ...args: Value[]): Value {
  return callIn(makeCtx(), name, ...args);
}

export function callIn(ctx: FunctionContext, name: string, ...args: Value[]): Value {
  const spec = FUNCTIONS.get(name);
  if (!spec) throw new Error(`no function ${name}`);
  return spec.isLazy
    ? spec.impl(
        args.map((v) => () => v),
        ctx,
      )
    : spec.impl(args, ctx);
}

/** Call a lazy function with thunks, to observe which arguments it evaluates. */
export function callLazy(name: string, ...thunks: (() => Value)[]): Value {
  const spec = FUNCTIONS.get(name);
  if (!spec?.isLazy) throw new Error(`${name} is not lazy`);
  return spec.impl(thunks, makeCtx());
}

/** Assert an error value (returned, not thrown) with this code. */
export function expectError(v: Value, code: ErrorCode): void {
  expect(isFormulaError(v) ? v.code : v).toBe(code);
}

/** A thunk that fails the test when evaluated. */
export const never = (): Value => {
  throw new Error('argument should not be evaluated');
};
