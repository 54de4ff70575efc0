/**
 * Public API of runtime/core: plain TypeScript, no React, no Node-only APIs —
 * the same code runs in the designer preview, the end user's browser and the server.
 */
export type * from '../../schemas/form-definition.ts';
export { FIELD_TYPES, LAYOUT_FIELD_TYPES, TABLE_COLUMN_TYPES } from '../../schemas/form-definition.ts';
export * from './definition/index.ts';
export * from './compile/index.ts';
export * from './validate/index.ts';
