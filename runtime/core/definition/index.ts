export type { DefinitionIssue } from './issues.ts';
export type { DefinitionCheckOptions } from './validate-definition.ts';
export { FormDefinitionError } from './issues.ts';
export {
  validateFormDefinition,
  assertValidFormDefinition,
  MAX_DEFINITION_DEPTH,
} from './validate-definition.ts';
export type { FieldVisit, ContainerField } from './walk.ts';
export { walkFields, walkValueFields, isLayoutField, isValueField } from './walk.ts';
export { RESERVED_FUNCTION_NAMES, isReservedKey, reservedKeyReason } from './reserved.ts';
export { checkPattern, MAX_PATTERN_LENGTH } from './pattern.ts';
export type { PatternProblem } from './pattern.ts';
export { serialPatternProblem } from './semantic.ts';
export { isValidUscc, usccCheckCharacter, USCC_PATTERN } from './uscc.ts';
export { isMainlandMobile, MAINLAND_MOBILE_PATTERN } from './phone.ts';
