export type * from './types.ts';
export { isBlank, RULE_TYPES } from './types.ts';
export { compileCleanser, type Cleanser, type TargetField } from './apply.ts';
export { parseDate, type DateOptions } from './date.ts';
export { parseNumber, shiftDecimal } from './number.ts';
export { cellText, changeCase, collapseSpaces, numberToText, toHalfWidth, trimText } from './text.ts';
export { isValidTimeZone, wallClockToUtc, zoneOffsetMs } from './time-zone.ts';
export {
  checkEmail,
  checkLength,
  checkPhone,
  checkUscc,
  compileValueMap,
  mapValue,
  parseBoolean,
} from './value-maps.ts';
export { describeFailure, type CleansingLocale } from './messages.ts';
export {
  autoMap,
  columnLetter,
  detectHeaderRow,
  headerNames,
  matchHeader,
  normalizeHeader,
  similarity,
  type ColumnMatch,
  type MappableField,
  type MatchMethod,
} from './mapping.ts';
export { BUILT_IN_ALIASES } from './aliases.ts';
