import { cellText } from '../../../builder/excel-import/cleansing/index.ts';
import type { ImportConfig } from './config.ts';
import type { RowError } from './job-types.ts';
import type { RecordRows } from './record-builder.ts';
import type { SourceRow, TabularFile } from './read/types.ts';

export interface RecordBatch {
  records: RecordRows[];
  /** problems not tied to one record (line items for an order the main sheet does not have) */
  errors: RowError[];
  /** data rows read for this batch */
  sourceRows: number;
}

/**
 * Groups the data rows below the header row into records, in bounded batches:
 * - no line items: one row, one record;
 * - `repeated`: consecutive rows with the same order number (a blank order number continues
 *   the current order, as merged cells read) form one record, each row one line item;
 * - `sheet`: the item sheet is read first into an index by order number (bounded by the row
 *   limit), each main row takes its items from it.
 */
export async function* recordBatches(input: {
  file: TabularFile;
  config: ImportConfig;
  batchSize: number;
  onProgress?: (fraction: number) => void;
}): AsyncIterable<RecordBatch> {
  const { file, config, batchSize } = input;
  const sheetName = file.sheets[config.sheet]?.name ?? '';
  const items = config.lineItems;
  const itemIndex = items?.mode === 'sheet' ? await readItemSheet(file, config) : null;
  const itemSheetName = items?.mode === 'sheet' ? (file.sheets[items.sheet!]?.name ?? '') : sheetName;
  const keyOf = (row: SourceRow, column: number) => cellText(row.cells[column] ?? null);

  let open: RecordRows | null = null;
  let openKey = '';
  const finished = new Map<string, number>();
  let out: RecordRows[] = [];
  let errors: RowError[] = [];
  let sourceRows = 0;

  const close = () => {
    if (!open) return;
    out.push(open);
    if (items?.mode === 'repeated' && openKey) finished.set(openKey, open.main.row);
    open = null;
  };

  for await (const batch of file.batches(config.sheet, { batchSize, onProgress: input.onProgress })) {
    for (const row of batch) {
      if (row.row <= config.headerRow) continue;
      sourceRows++;
      if (!items) {
        out.push({ main: row, items: [] });
      } else if (items.mode === 'sheet') {
        const key = keyOf(row, items.keyColumn);
        out.push({
          main: row,
          items: (itemIndex!.get(key) ?? []).map((r) => ({ sheet: itemSheetName, row: r })),
        });
        itemIndex!.delete(key);
      } else {
        const key = keyOf(row, items.keyColumn);
        if (open && (key === '' || key === openKey)) {
          (open as RecordRows).items.push({ sheet: sheetName, row });
          continue;
        }
        close();
        const first = key ? finished.get(key) : undefined;
        open = { main: row, items: [{ sheet: sheetName, row }] };
        if (first !== undefined) {
          open.problems = [
            {
              sheet: sheetName,
              row: row.row,
              column: null,
              header: null,
              value: key,
              rule: 'lineItems',
              message: `order ${key} continues here but started at row ${first}: rows of one order must be consecutive`,
            },
          ];
        }
        openKey = key;
      }
    }
    if (out.length >= batchSize) {
      yield { records: out, errors, sourceRows };
      out = [];
      errors = [];
      sourceRows = 0;
    }
  }
  close();
  if (itemIndex) {
    for (const [key, rows] of itemIndex) {
      for (const row of rows) {
        errors.push({
          sheet: itemSheetName,
          row: row.row,
          column: null,
          header: null,
          value: key,
          rule: 'lineItems',
          message: `line item for order "${key}", which is not in the main sheet`,
        });
      }
    }
  }
  if (out.length || errors.length || sourceRows) yield { records: out, errors, sourceRows };
}

async function readItemSheet(file: TabularFile, config: ImportConfig): Promise<Map<string, SourceRow[]>> {
  const items = config.lineItems!;
  const index = new Map<string, SourceRow[]>();
  for await (const batch of file.batches(items.sheet!, { batchSize: 2000 })) {
    for (const row of batch) {
      if (row.row <= (items.headerRow ?? 1)) continue;
      const key = cellText(row.cells[items.itemKeyColumn!] ?? null);
      const list = index.get(key) ?? [];
      list.push(row);
      index.set(key, list);
    }
  }
  return index;
}
