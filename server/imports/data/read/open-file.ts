import { WorkbookRejected } from '../../workbook/errors.ts';
import { DEFAULT_LIMITS, type WorkbookLimits } from '../../workbook/limits.ts';
import { openWorkbookRows } from './workbook-source.ts';
import { openCsv } from './csv-source.ts';
import type { FileKind } from '../job-types.ts';
import { DEFAULT_READ_LIMITS, type ReadLimits, type TabularFile } from './types.ts';
import { openXlsx } from './xlsx-source.ts';

/**
 * Opens an uploaded file (already sniffed and inspected by the shared workbook reader) for
 * row-by-row reading: .xlsx/.xlsm stream through our tokenizer, CSV through papaparse;
 * .xls and .ods are read by the shared SheetJS reader.
 */
export async function openTabular(input: {
  file: string;
  kind: FileKind;
  limits?: ReadLimits;
  workbookLimits?: WorkbookLimits;
}): Promise<TabularFile> {
  const limits = input.limits ?? DEFAULT_READ_LIMITS;
  switch (input.kind) {
    case 'xlsx':
      return openXlsx(input.file, limits);
    case 'csv':
      return openCsv(input.file, limits);
    case 'xls':
    case 'ods':
      return openWorkbookRows(input.file, {
        ...(input.workbookLimits ?? DEFAULT_LIMITS),
        maxRows: limits.maxRows,
        maxColumns: limits.maxColumns,
      });
    default:
      throw new WorkbookRejected(
        'not-a-spreadsheet',
        `${input.kind} files cannot be imported; save the file as .xlsx`,
      );
  }
}
