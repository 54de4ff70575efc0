import fs from 'node:fs';
import { inspectOle2 } from '../workbook/ole2.ts';
import { inspectZip } from '../workbook/zip-inspect.ts';
import { sniffContainer } from '../workbook/sniff.ts';
import type { WorkbookLimits } from '../workbook/limits.ts';
import type { FileKind } from './job-types.ts';

/**
 * What an uploaded file really is, decided by the shared reader's checks: content sniffing
 * (a PDF renamed .xlsx is refused), then for zips the bomb inspection (which also tells
 * .xlsx/.xlsm from .ods) and for OLE2 files the check that refuses password-protected ones.
 */
export async function identifyUpload(
  file: string,
  fileName: string,
  limits: WorkbookLimits,
): Promise<FileKind> {
  const bytes = await fs.promises.readFile(file);
  const container = sniffContainer(bytes.subarray(0, 8192), fileName);
  if (container === 'ole2') return inspectOle2(bytes);
  if (container === 'text') return 'csv';
  const { format } = await inspectZip(bytes, limits);
  return format === 'xlsm' ? 'xlsx' : (format as FileKind);
}
