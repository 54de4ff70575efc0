/**
 * Safe workbook reading for every import: limits, content sniffing, zip-bomb and
 * encryption checks, and SheetJS in a worker with heap and time limits.
 */
export { createWorkbookReader } from './read-workbook.ts';
export type { ReadOptions, WorkbookReader } from './read-workbook.ts';
export { DEFAULT_LIMITS, loadWorkbookLimits, formatBytes } from './limits.ts';
export type { WorkbookLimits } from './limits.ts';
export { WorkbookRejected } from './errors.ts';
export type { RejectReason } from './errors.ts';
export type * from './types.ts';
