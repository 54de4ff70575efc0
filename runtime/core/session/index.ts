export { createFormSession } from './session.ts';
export { getFormProgram } from './plan.ts';
export { sameJson } from './inputs.ts';
export type {
  FieldState,
  FormSession,
  FormSessionOptions,
  SessionChange,
  SessionErrorCode,
  SessionFieldError,
  SessionPath,
} from './types.ts';
