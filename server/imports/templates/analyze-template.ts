/**
 * The template importer as a workbook analyzer: it runs inside the reader's worker, under
 * the same heap and time limits, so neither parsing nor layout analysis of an upload ever
 * blocks the server. Only the result (definition, report) crosses back.
 */
import { importTemplate, TemplateImportError } from '../../../builder/excel-import/index.ts';
import type { TemplateImport } from '../../../builder/excel-import/index.ts';
import { unsafeHeaderNames, WorkbookRejected } from '../workbook/errors.ts';
import type { WorkbookData } from '../workbook/types.ts';

export interface TemplateAnalysisOptions {
  sheets: string[];
}

export const TEMPLATE_ANALYZER = new URL(import.meta.url);

export function analyzeWorkbook(workbook: WorkbookData, options: TemplateAnalysisOptions): TemplateImport {
  try {
    return refuseUnsafeNames(importTemplate(workbook, { sheets: options.sheets }));
  } catch (error) {
    if (error instanceof TemplateImportError) throw new WorkbookRejected(error.code, error.message);
    throw error;
  }
}

/**
 * The importer itself survives hostile names (it generates safe keys and warns), but an upload
 * whose labels are `__proto__`, `constructor` or `$where` is refused outright so the admin
 * renames them in the sheet instead of getting a form with surprising keys.
 */
function refuseUnsafeNames(result: TemplateImport): TemplateImport {
  const cells = result.report.warnings.filter((w) => w.code === 'unsafe-name').map((w) => w.cell);
  if (cells.length === 0) return result;
  throw unsafeHeaderNames(cells);
}
