export { createRecordValidator, MAX_FIELD_ERRORS } from './record-validator.ts';
export type {
  FieldError,
  RecordValidator,
  RecordValidatorOptions,
  ValidateOptions,
} from './record-validator.ts';
export { formatMessage } from './messages.ts';
export type { ExpectedType, FieldErrorCode, Locale, MessageParams } from './messages.ts';
