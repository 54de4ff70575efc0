/**
 * The Excel function library of the formula engine: specs by upper-case name,
 * and the coercions the compiler's operators share with it.
 */
import { CONDITIONAL_FUNCTIONS } from './math-if.ts';
import { DATE_SPAN_FUNCTIONS } from './date-span.ts';
import { DATE_FUNCTIONS } from './date.ts';
import { registry } from './define.ts';
import { INFO_FUNCTIONS } from './info.ts';
import { LOGIC_FUNCTIONS } from './logic.ts';
import { LOOKUP_FUNCTIONS } from './lookup.ts';
import { MATH_FUNCTIONS } from './math.ts';
import { PLATFORM_FUNCTIONS } from './platform.ts';
import { STATS_FUNCTIONS } from './stats.ts';
import { TEXT_CONVERT_FUNCTIONS } from './text-convert.ts';
import { TEXT_FUNCTIONS } from './text.ts';
import type { FunctionSpec } from './types.ts';
import { WORKDAY_FUNCTIONS } from './workday.ts';

export const FUNCTIONS: ReadonlyMap<string, FunctionSpec> = registry(
  MATH_FUNCTIONS,
  STATS_FUNCTIONS,
  CONDITIONAL_FUNCTIONS,
  LOGIC_FUNCTIONS,
  INFO_FUNCTIONS,
  TEXT_FUNCTIONS,
  TEXT_CONVERT_FUNCTIONS,
  DATE_FUNCTIONS,
  DATE_SPAN_FUNCTIONS,
  WORKDAY_FUNCTIONS,
  LOOKUP_FUNCTIONS,
  PLATFORM_FUNCTIONS,
);

export type { FunctionContext, FunctionGroup, FunctionSpec, ValueType } from './types.ts';
export {
  firstError,
  flatten,
  MAX_TEXT_LENGTH,
  numberToText,
  parseNumberText,
  textResult,
  toBoolean,
  toNumber,
  toText,
  type Ticker,
} from './coerce.ts';
export { compareText, compareValues, hasWildcards, valuesEqual, wildcardMatch } from './compare.ts';
export { matchesCriterion, parseCriterion, type Criterion } from './criteria.ts';
export {
  dateTimeFromSerial,
  dayOfWeek,
  epochToSerial,
  isoDateTimeToSerial,
  isoDateToSerial,
  MAX_SERIAL,
  partsFromSerial,
  serialFromParts,
  serialToEpoch,
  serialToISODate,
  serialToISODateTime,
  type DateParts,
  type DateTimeParts,
} from './date-serial.ts';
export { parseDateTimeText } from './date-text.ts';
export { roundDigits, to15 } from './rounding.ts';
export { formatValue } from './text-format.ts';
export { tableRows } from './lookup-search.ts';
