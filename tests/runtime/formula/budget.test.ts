import { describe, expect, it } from 'vitest';
import { compileProgram } from '../../../runtime/core/formula/engine.ts';
import type { FunctionSpec } from '../../../runtime/core/formula/functions/types.ts';
import type { FormulaModel } from '../../../runtime/core/formula/model.ts';
import type { Value } from '../../../runtime/core/formula/values.ts';
import { TEST_FUNCTIONS } from './fixtures/functions.ts';
import { evaluate } from './fixtures/helpers.ts';

const timed = <T>(f: () => T): { result: T; ms: number } => {
  const start = performance.now();
  const result = f();
  return { result, ms: performance.now() - start };
};

describe('step budget', () => {
  it('ends a huge SUMPRODUCT with #CALC!, not a hang', () => {
    const model: FormulaModel = {
      fields: [{ key: 'p', type: 'number', formula: 'SUMPRODUCT(items.q * items.q * items.q, items.q)' }],
      tables: [{ key: 'items', columns: [{ key: 'q', type: 'number' }] }],
    };
    const items = Array.from({ length: 50_000 }, (_, i) => ({ q: i }));
    const { result: state, ms } = timed(() =>
      compileProgram(model, { functions: TEST_FUNCTIONS }).program.createState({ items }),
    );
    expect(state.getError('p')).toEqual({
      path: 'p',
      code: '#CALC!',
      message: 'step budget exceeded (100000 steps per formula)',
    });
    expect(ms).toBeLessThan(2000);
  });

  it('ends nested REPT with #CALC! or #VALUE!, never a hang', () => {
    const { result, ms } = timed(() => evaluate('REPT(REPT(REPT("ab", 100), 100), 100)'));
    expect(['#CALC!', '#VALUE!']).toContain(result.error?.code);
    expect(ms).toBeLessThan(2000);
    const budgeted = evaluate('LEN(REPT("x", 30000)&REPT("y", 2000))', { stepBudget: 200 });
    expect(budgeted.error?.code).toBe('#CALC!');
  });

  it('charges every operator step', () => {
    const formula = Array.from({ length: 100 }, () => '1').join('+');
    expect(evaluate(formula, { stepBudget: 150 }).value).toBe(100);
    expect(evaluate(formula, { stepBudget: 50 }).error?.code).toBe('#CALC!');
  });

  it('cannot be swallowed by a function that catches everything', () => {
    const swallow: FunctionSpec = {
      name: 'SWALLOW',
      group: 'logic',
      minArgs: 1,
      maxArgs: 1,
      returns: 'any',
      isLazy: true,
      description: 'catches exceptions from its argument',
      impl: (args) => {
        try {
          return (args as (() => Value)[])[0]();
        } catch {
          return 'swallowed';
        }
      },
    };
    const functions = new Map([...TEST_FUNCTIONS, ['SWALLOW', swallow]]);
    const formula = `SWALLOW(${Array.from({ length: 100 }, () => '1').join('+')})`;
    expect(evaluate(formula, { functions, stepBudget: 50 }).error?.code).toBe('#CALC!');
  });

  it('caps a whole evaluation pass, then marks the remaining formulas #CALC!', () => {
    const model: FormulaModel = {
      fields: [
        { key: 'a', type: 'number', formula: 'SUM(items.q)' },
        { key: 'b', type: 'number', formula: 'SUMPRODUCT(items.q, items.q)' },
      ],
      tables: [
        {
          key: 'items',
          columns: [
            { key: 'q', type: 'number' },
            { key: 'd', type: 'number', formula: 'q * 2' },
          ],
        },
      ],
    };
    const items = Array.from({ length: 1000 }, (_, i) => ({ q: i }));
    const state = compileProgram(model, {
      functions: TEST_FUNCTIONS,
      passStepBudget: 1500,
    }).program.createState({ items });
    const errors = state.getErrors();
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.code === '#CALC!')).toBe(true);
    expect(errors.at(-1)?.message).toBe('step budget exceeded (1500 steps per evaluation pass)');
    // a later edit gets a fresh pass budget
    state.setValue('items', [{ q: 1 }]);
    expect(state.getErrors()).toEqual([]);
    expect(state.getValue('b')).toBe(1);
  });
});
