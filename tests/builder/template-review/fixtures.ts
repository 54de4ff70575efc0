/** Imported fixture templates from `templates/excel/`, as the server's template route builds them. */
import fs from 'node:fs';
import { importTemplate } from '../../../builder/excel-import/index.ts';
import type { TemplateImport } from '../../../builder/excel-import/index.ts';
import { createWorkbookReader, DEFAULT_LIMITS } from '../../../server/imports/workbook/index.ts';

const reader = createWorkbookReader({ ...DEFAULT_LIMITS });
const cache = new Map<string, Promise<TemplateImport>>();

export function importFixture(file: string): Promise<TemplateImport> {
  let found = cache.get(file);
  if (!found) {
    found = reader
      .read(fs.readFileSync(`templates/excel/${file}`), { filename: file, mode: 'cells' })
      .then((workbook) => importTemplate(workbook));
    cache.set(file, found);
  }
  return found;
}
