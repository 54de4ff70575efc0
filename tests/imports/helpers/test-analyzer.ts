/** A workbook analyzer for the reader's tests: runs inside the worker. */
import { WorkbookRejected } from '../../../server/imports/workbook/errors.ts';
import type { WorkbookData } from '../../../server/imports/workbook/types.ts';

export function analyzeWorkbook(workbook: WorkbookData, options: { fail?: 'rejected' | 'bug' }): unknown {
  if (options.fail === 'rejected') throw new WorkbookRejected('empty-template', 'nothing to import here');
  if (options.fail === 'bug') throw new TypeError('oops');
  return { cellCount: workbook.sheets[0].cells.length };
}
