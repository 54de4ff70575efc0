import type { Writable } from 'node:stream';
import { once } from 'node:events';
import type { CompiledForm } from '../../../runtime/core/index.ts';
import type { Filter, Json, RecordDoc, SortKey, Store } from '../../store/types.ts';
import { itemColumns, recordColumns, type ExportColumn, type ItemRow, type Locale } from './columns.ts';
import { csvLine } from './neutralize.ts';
import { loadNames } from './names.ts';
import { writeXlsx, type XCell, type XSheet } from './xlsx-writer.ts';

const PAGE = 500;

export interface ExportInput {
  store: Store;
  compiled: CompiledForm;
  title: string;
  filter: Filter;
  sort: SortKey[];
  locale: Locale;
  out: Writable;
  /** main-sheet columns to export, in order (field keys, `id`, `status`, `createdAt`, `updatedAt`); all by default */
  columns?: readonly string[];
}

/** Pages of the records an export covers; each pass sees the same set (created before the export started). */
async function* pages(input: ExportInput, until: string): AsyncIterable<RecordDoc[]> {
  const filter: Filter = {
    op: 'and',
    items: [input.filter, { op: 'lte', field: 'createdAt', value: until }],
  };
  for (let cursor: string | undefined; ;) {
    const page = await input.store.records.list({ filter, sort: input.sort, limit: PAGE, cursor });
    if (page.items.length) yield page.items;
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}

const tablesOf = (compiled: CompiledForm) =>
  Object.values(compiled.fields).filter((f) => f.type === 'table' && f.tableKey === null);

async function namesFor(input: ExportInput) {
  const types = new Set(Object.values(input.compiled.fields).map((f) => f.type));
  return loadNames(input.store, { hasUsers: types.has('member'), hasDepartments: types.has('department') });
}

/** .xlsx: the records on the first sheet with field labels as headers, each line-item table on a sheet of its own. */
export async function exportXlsx(input: ExportInput): Promise<void> {
  const until = new Date().toISOString();
  const names = await namesFor(input);
  const header = <S>(columns: ExportColumn<S>[]): XCell[] =>
    columns.map((c) => ({ value: c.label, style: 'header' }));
  const main = recordColumns({ ...input, names, pick: input.columns });
  const sheets: XSheet[] = [
    {
      name: input.title,
      isHeaderFrozen: true,
      widths: main.map((c) => c.width),
      rows: (async function* () {
        yield [header(main)];
        for await (const records of pages(input, until))
          yield records.map((r) => main.map((c) => c.cell(r).x));
      })(),
    },
  ];
  for (const table of tablesOf(input.compiled)) {
    const columns = itemColumns(input.compiled, table.key, names, input.locale);
    sheets.push({
      name: table.label,
      isHeaderFrozen: true,
      widths: columns.map((c) => c.width),
      rows: (async function* () {
        yield [header(columns)];
        for await (const records of pages(input, until)) {
          const rows = itemsOf(records, table.key).map((item) => columns.map((c) => c.cell(item).x));
          if (rows.length) yield rows;
        }
      })(),
    });
  }
  await writeXlsx(input.out, sheets);
}

/** .csv (UTF-8 with BOM, CRLF): the records, or with `table` the rows of that line-item table. */
export async function exportCsv(input: ExportInput & { table?: string }): Promise<void> {
  const until = new Date().toISOString();
  const names = await namesFor(input);
  const write = async (text: string) => {
    if (!input.out.write(text)) await once(input.out, 'drain');
  };
  await write('\ufeff');
  if (input.table) {
    const columns = itemColumns(input.compiled, input.table, names, input.locale);
    await write(csvLine(columns.map((c) => c.label)));
    for await (const records of pages(input, until)) {
      await write(
        itemsOf(records, input.table)
          .map((item) => csvLine(columns.map((c) => c.cell(item).csv)))
          .join(''),
      );
    }
    return;
  }
  const columns = recordColumns({ ...input, names, pick: input.columns });
  await write(csvLine(columns.map((c) => c.label)));
  for await (const records of pages(input, until))
    await write(records.map((r) => csvLine(columns.map((c) => c.cell(r).csv))).join(''));
}

function itemsOf(records: RecordDoc[], table: string): ItemRow[] {
  return records.flatMap((record) => {
    const rows = record.data[table];
    return Array.isArray(rows)
      ? rows.map((data, index) => ({
          recordId: record.id,
          index,
          data: (data ?? {}) as Record<string, Json>,
        }))
      : [];
  });
}
