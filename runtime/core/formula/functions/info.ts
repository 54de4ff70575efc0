/** Information functions: what kind of value something is. They never propagate errors they test. */
import { FormulaError, isFormulaError } from '../values.ts';
import type { ErrorCode, Value } from '../values.ts';
import { fail, toNumber } from './coerce.ts';
import { eager, scalar } from './define.ts';
import type { FunctionSpec } from './types.ts';

const B = 'boolean' as const;

/** ERROR.TYPE numbers, as Excel assigns them. */
const ERROR_NUMBERS: Record<ErrorCode, number> = {
  '#NULL!': 1,
  '#DIV/0!': 2,
  '#VALUE!': 3,
  '#REF!': 4,
  '#NAME?': 5,
  '#NUM!': 6,
  '#N/A': 7,
  '#CALC!': 14,
};

export const INFO_FUNCTIONS: FunctionSpec[] = [
  test('ISBLANK', 'TRUE for a blank value (not for empty text)', (v) => v === null),
  test('ISNUMBER', 'TRUE for a number (dates are numbers)', (v) => typeof v === 'number'),
  test('ISTEXT', 'TRUE for text', (v) => typeof v === 'string'),
  test('ISNONTEXT', 'TRUE for anything but text', (v) => typeof v !== 'string'),
  test('ISLOGICAL', 'TRUE for TRUE or FALSE', (v) => typeof v === 'boolean'),
  test('ISERROR', 'TRUE for any error value', (v) => isFormulaError(v)),
  test('ISERR', 'TRUE for any error value except #N/A', (v) => isFormulaError(v) && v.code !== '#N/A'),
  test('ISNA', 'TRUE for the #N/A error', (v) => isFormulaError(v) && v.code === '#N/A'),
  parity('ISEVEN', 0),
  parity('ISODD', 1),
  scalar(
    {
      group: 'info',
      name: 'N',
      minArgs: 1,
      maxArgs: 1,
      argTypes: ['any'],
      returns: 'number',
      description: 'A value as a number: numbers stay, TRUE → 1, anything else → 0',
    },
    ([v]) => (typeof v === 'number' ? v : v === true ? 1 : 0),
  ),
  eager(
    {
      group: 'info',
      name: 'NA',
      minArgs: 0,
      maxArgs: 0,
      argTypes: [],
      returns: 'any',
      description: 'The error value #N/A',
    },
    () => new FormulaError('#N/A'),
  ),
  eager(
    {
      group: 'info',
      name: 'TYPE',
      minArgs: 1,
      maxArgs: 1,
      argTypes: ['any'],
      returns: 'number',
      description: 'Type code: 1 number, 2 text, 4 logical, 16 error, 64 array',
    },
    ([v]) => typeCode(v),
  ),
  scalar(
    {
      group: 'info',
      name: 'ERROR.TYPE',
      minArgs: 1,
      maxArgs: 1,
      argTypes: ['any'],
      returns: 'number',
      isErrorAware: true,
      description: 'Number of an error value (#NULL! 1 … #N/A 7); #N/A when not an error',
    },
    ([v]) => (isFormulaError(v) ? ERROR_NUMBERS[v.code] : fail('#N/A', 'ERROR.TYPE', 'not an error value')),
  ),
];

function test(name: string, description: string, is: (v: Value) => boolean): FunctionSpec {
  return scalar(
    {
      group: 'info',
      name,
      minArgs: 1,
      maxArgs: 1,
      argTypes: ['any'],
      returns: B,
      isErrorAware: true,
      description,
    },
    ([v]) => is(v),
  );
}

function parity(name: string, remainder: 0 | 1): FunctionSpec {
  return scalar(
    {
      group: 'info',
      name,
      minArgs: 1,
      maxArgs: 1,
      argTypes: ['number'],
      returns: B,
      description: `TRUE if the number's integer part is ${remainder ? 'odd' : 'even'}`,
    },
    ([v]) => {
      if (typeof v === 'boolean') return fail('#VALUE!', name, 'expects a number');
      const n = toNumber(v);
      return isFormulaError(n) ? n : Math.abs(Math.trunc(n) % 2) === remainder;
    },
  );
}

function typeCode(v: Value): number {
  if (Array.isArray(v)) return 64;
  if (typeof v === 'string') return 2;
  if (typeof v === 'boolean') return 4;
  if (isFormulaError(v)) return 16;
  return 1;
}
