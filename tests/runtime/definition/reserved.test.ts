import { describe, expect, it } from 'vitest';
import { RESERVED_FUNCTION_NAMES, isReservedKey } from '../../../runtime/core/definition/index.ts';
import { FUNCTIONS } from '../../../runtime/core/formula/functions/index.ts';

describe('reserved keys', () => {
  it('cover every function the formula engine registers (names with a dot cannot be keys)', () => {
    const missing = [...FUNCTIONS.keys()].filter(
      (name) => !name.includes('.') && !RESERVED_FUNCTION_NAMES.has(name),
    );
    expect(missing).toEqual([]);
  });

  it('match function names case-insensitively and leave business keys alone', () => {
    expect(
      ['vlookup', 'Round', 'TODAY', 'datedif', 'TRUE', 'hasOwnProperty', 'record_id'].every(isReservedKey),
    ).toBe(true);
    expect(['price', 'qty', 'amount', 'customer', 'address', 'rate', 'orderDate'].some(isReservedKey)).toBe(
      false,
    );
  });
});
