import {
  autoMap,
  columnLetter,
  detectHeaderRow,
  headerNames,
  type MappableField,
} from '../../../builder/excel-import/cleansing/index.ts';
import { isUnsafeName } from '../../../builder/excel-import/index.ts';
import { unsafeHeaderNames } from '../workbook/errors.ts';
import type { CompiledForm } from '../../../runtime/core/index.ts';
import type { SheetPreview } from './job-types.ts';
import type { TabularFile } from './read/types.ts';

const SAMPLE_ROWS = 30;
const MAX_SHEETS = 20;
const NOT_IMPORTABLE = new Set(['attachment', 'signature', 'serial', 'table']);

/** Fields a column can go to, for the automatic mapping and the mapping screen. */
export function mappableFields(compiled: CompiledForm) {
  return Object.values(compiled.fields)
    .filter((f) => !f.isComputed && !NOT_IMPORTABLE.has(f.type))
    .map((f) => ({
      name: f.name,
      key: f.key,
      label: f.label,
      type: f.type,
      table: f.tableKey,
      isRequired: Boolean(f.required),
      options: 'options' in f ? f.options : undefined,
    }));
}

export type FieldInfo = ReturnType<typeof mappableFields>[number];

/** The first rows of each sheet, the header row found in them, and a proposed column → field mapping. */
export async function previewSheets(
  file: TabularFile,
  compiled: CompiledForm,
): Promise<{ sheets: SheetPreview[]; suggested: ReturnType<typeof autoMap> }> {
  const fields: MappableField[] = mappableFields(compiled);
  const sheets: SheetPreview[] = [];
  for (const sheet of file.sheets.slice(0, MAX_SHEETS)) {
    const sample: SheetPreview['sample'] = [];
    for await (const batch of file.batches(sheet.index, { batchSize: SAMPLE_ROWS, maxRows: SAMPLE_ROWS }))
      sample.push(...batch);
    const index = detectHeaderRow(
      sample.map((r) => r.cells),
      fields,
    );
    const headerRow = sample[index]?.row ?? 1;
    const width = Math.max(0, ...sample.map((r) => r.cells.length));
    const headers = headerNames(sample[index]?.cells ?? [], width);
    refuseUnsafeHeaders(sheet.name, headerRow, headers);
    sheets.push({
      index: sheet.index,
      name: sheet.name,
      headerRow,
      headers,
      sample: sample.slice(0, SAMPLE_ROWS),
    });
  }
  const first = sheets[0];
  return { sheets, suggested: first ? autoMap(first.headers, fields) : [] };
}

/** Header names like `__proto__` or `$where` are refused so they never become mapping keys or query fields. */
function refuseUnsafeHeaders(sheet: string, row: number, headers: string[]): void {
  const cells = headers.flatMap((h, i) => (isUnsafeName(h) ? [`${sheet}!${columnLetter(i)}${row}`] : []));
  if (cells.length === 0) return;
  throw unsafeHeaderNames(cells);
}
