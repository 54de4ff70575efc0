import {
  describeFailure,
  type CellValue,
  type CleansingLocale,
} from '../../../builder/excel-import/cleansing/index.ts';
import type { CompiledForm } from '../../../runtime/core/index.ts';
import { ValidationError } from '../../errors/index.ts';
import { prepareRecordData, type SubmitterContext } from '../../records/record-validation.ts';
import type { Json } from '../../store/types.ts';
import type { CompiledMapping } from './compile-mapping.ts';
import type { RowError } from './job-types.ts';
import type { SourceRow } from './read/types.ts';

/** The rows one record is made of: its main row(s) and its line-item rows (from whichever sheet). */
export interface RecordRows {
  main: SourceRow;
  items: { sheet: string; row: SourceRow }[];
  /** found while grouping rows (an order split over two places) */
  problems?: RowError[];
}

export interface BuiltRecord {
  row: number;
  data: Record<string, Json> | null;
  errors: RowError[];
}

/**
 * Turns source rows into record data: each mapped cell through its cleansing rules, then the
 * whole record through `prepareRecordData` — the same validation a submission gets. Errors of
 * either step are reported against the cell they came from (sheet, row, column, value).
 */
export function createRecordBuilder(input: {
  compiled: CompiledForm;
  main: CompiledMapping[];
  items: CompiledMapping[] | null;
  table: string | null;
  sheetName: string;
  locale: CleansingLocale;
  /** the importing user: formulas with USER() / DEPT() see them, as they see a submitter */
  submitter?: SubmitterContext;
}) {
  const { compiled, main, items, table, sheetName, locale, submitter } = input;
  const mainByKey = new Map(main.map((m) => [m.key, m]));
  const itemByKey = new Map((items ?? []).map((m) => [m.key, m]));

  const cellError = (
    sheet: string,
    row: SourceRow,
    m: CompiledMapping,
    rule: string,
    message: string,
  ): RowError => ({
    sheet,
    row: row.row,
    column: m.letter,
    header: m.header,
    value: cellValue(row.cells[m.column]),
    rule,
    message,
  });

  return {
    build(rows: RecordRows): BuiltRecord {
      const errors: RowError[] = rows.problems ? [...rows.problems] : [];
      const data: Record<string, unknown> = {};
      for (const m of main) {
        const result = m.clean(rows.main.cells[m.column] ?? null);
        if (!result.ok)
          errors.push(
            cellError(sheetName, rows.main, m, result.failure.rule, describeFailure(result.failure, locale)),
          );
        else if (result.value !== null) data[m.key] = result.value;
      }
      if (table && items) {
        data[table] = rows.items.map(({ sheet, row }) => {
          const line: Record<string, unknown> = {};
          for (const m of items) {
            const result = m.clean(row.cells[m.column] ?? null);
            if (!result.ok)
              errors.push(
                cellError(sheet, row, m, result.failure.rule, describeFailure(result.failure, locale)),
              );
            else if (result.value !== null) line[m.key] = result.value;
          }
          return line;
        });
      }
      try {
        const prepared = prepareRecordData({ compiled, data, locale, submitter }).data;
        return errors.length
          ? { row: rows.main.row, data: null, errors }
          : { row: rows.main.row, data: prepared, errors };
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const failed = new Set(errors.map((e) => e.column));
        for (const e of error.errors) {
          const [key, index, column] = e.path.split('/');
          const item = index === undefined ? undefined : rows.items[Number(index)];
          const m = item ? itemByKey.get(column) : column === undefined ? mainByKey.get(key) : undefined;
          if (m && failed.has(m.letter)) continue; // its cleansing error says it already
          if (m && item) errors.push(cellError(item.sheet, item.row, m, `validation:${e.code}`, e.message));
          else if (m) errors.push(cellError(sheetName, rows.main, m, `validation:${e.code}`, e.message));
          else
            errors.push({
              sheet: sheetName,
              row: rows.main.row,
              column: null,
              header: key || null,
              value: null,
              rule: `validation:${e.code}`,
              message: e.message,
            });
        }
        return { row: rows.main.row, data: null, errors };
      }
    },
  };
}

const cellValue = (value: CellValue | undefined): RowError['value'] =>
  value === undefined
    ? null
    : typeof value === 'string' && value.length > 200
      ? `${value.slice(0, 200)}…`
      : value;
