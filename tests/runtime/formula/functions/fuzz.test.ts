import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../../../runtime/core/formula/functions/index.ts';
import { FormulaError, isFormulaError } from '../../../../runtime/core/formula/values.ts';
import type { Value } from '../../../../runtime/core/formula/values.ts';
import { makeCtx } from './helpers.ts';

const scalar = fc.oneof(
  fc.constant(null),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -100_000, max: 3_000_000 }),
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '2024-01-31',
    '1/2/2024',
    '12:30 PM',
    '50%',
    '*',
    '>5',
    '<>',
    '~',
    'a?c',
    '#N/A',
    'TRUE',
    'yyyy-mm-dd',
    '#,##0.00',
  ),
  fc.boolean(),
  fc.constantFrom(new FormulaError('#N/A'), new FormulaError('#DIV/0!')),
);
const value: fc.Arbitrary<Value> = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 6 }) },
  { weight: 1, arbitrary: fc.array(fc.array(scalar, { minLength: 1, maxLength: 3 }), { maxLength: 4 }) },
);

/** A returned value is a Value: no undefined, NaN or infinities, text within the cell limit. */
function isWellFormed(v: Value): boolean {
  if (Array.isArray(v)) return v.every(isWellFormed);
  if (typeof v === 'number') return Number.isFinite(v);
  if (typeof v === 'string') return v.length <= 32_767;
  return v === null || typeof v === 'boolean' || isFormulaError(v);
}

describe('every function on arbitrary arguments', () => {
  it('returns a well-formed value and never throws', () => {
    const specs = [...FUNCTIONS.values()].filter((s) => !s.isVolatile);
    fc.assert(
      fc.property(fc.constantFrom(...specs), fc.array(value, { maxLength: 6 }), (spec, raw) => {
        const count = Math.min(Math.max(raw.length, spec.minArgs), spec.maxArgs);
        const args = Array.from({ length: count }, (_, i) => raw[i] ?? null);
        const ctx = makeCtx({ rowIndex: 0 });
        const result = spec.isLazy
          ? spec.impl(
              args.map((a) => () => a),
              ctx,
            )
          : spec.impl(args, ctx);
        expect(
          isWellFormed(result),
          `${spec.name}(${JSON.stringify(args)}) → ${JSON.stringify(result)}`,
        ).toBe(true);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 20_000) },
    );
  });
});
