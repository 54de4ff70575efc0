/**
 * `POST /imports/templates`: an Excel/CSV template in, a draft FormDefinition and its
 * import report out, for review. Nothing is stored; the reviewed definition is saved
 * as a draft form with `POST /forms` (`{ title, definition }`).
 */
import type { TemplateImport } from '../../../builder/excel-import/index.ts';
import { defineRoute, type RouteDef } from '../../http/route.ts';
import type { Services } from '../../services.ts';
import { createWorkbookReader, loadWorkbookLimits } from '../workbook/index.ts';
import type { WorkbookReader } from '../workbook/index.ts';
import { TEMPLATE_ANALYZER } from './analyze-template.ts';
import type { TemplateAnalysisOptions } from './analyze-template.ts';
import { receiveFile } from './receive-file.ts';

interface TemplateQuery {
  sheet?: string[];
  filename?: string;
}

const responseSchema = {
  type: 'object',
  properties: {
    definition: { type: 'object', description: 'a draft FormDefinition, valid and compiled once' },
    report: {
      type: 'object',
      properties: {
        elements: { type: 'array', items: { type: 'object' } },
        warnings: { type: 'array', items: { type: 'object' } },
      },
    },
    sheets: { type: 'array', items: { type: 'object' } },
    format: { type: 'string' },
    encoding: { type: 'string' },
  },
};

export function templateImportRoutes(
  _services: Services,
  reader: WorkbookReader = createWorkbookReader(loadWorkbookLimits()),
): RouteDef[] {
  return [
    defineRoute<unknown, TemplateQuery>({
      method: 'post',
      path: '/imports/templates',
      permission: 'designer',
      summary:
        'Turn an Excel/CSV template (multipart "file" part, or the raw file as the body) into a draft form for review; nothing is stored',
      tag: 'imports',
      query: {
        type: 'object',
        additionalProperties: false,
        properties: {
          sheet: { type: 'array', maxItems: 20, items: { type: 'string', minLength: 1, maxLength: 100 } },
          filename: { type: 'string', maxLength: 200 },
        },
      },
      response: { status: 200, schema: responseSchema },
      handler: async ({ req, query }) => {
        const file = await receiveFile(req, reader.limits.maxBytes);
        const wanted = [...(query.sheet ?? []), ...(file.fields.get('sheet') ?? [])];
        const options: TemplateAnalysisOptions = { sheets: wanted };
        const workbook = await reader.read(file.bytes, {
          filename: file.filename ?? query.filename ?? null,
          mode: 'cells',
          analyzer: { module: TEMPLATE_ANALYZER, options },
        });
        const result = workbook.analysis as TemplateImport;
        const selected = new Set(result.sheets);
        return {
          definition: result.definition,
          report: result.report,
          sheets: workbook.sheets.map((sheet) => ({
            name: sheet.name,
            rowCount: sheet.rowCount,
            columnCount: sheet.columnCount,
            isHidden: sheet.isHidden,
            isSelected: selected.has(sheet.name),
          })),
          format: workbook.format,
          ...(workbook.encoding ? { encoding: workbook.encoding } : {}),
        };
      },
    }),
  ];
}
