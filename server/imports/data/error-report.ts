import type { Writable } from 'node:stream';
import {
  columnLetter,
  type CellValue,
  type CleansingLocale,
} from '../../../builder/excel-import/cleansing/index.ts';
import { writeXlsx, type XCell, type XSheet } from '../export/xlsx-writer.ts';
import type { ImportConfig } from './config.ts';
import type { ImportContext } from './context.ts';
import { sourcePath } from './job-files.ts';
import { readChunks } from './job-repo.ts';
import type { Job, RowError } from './job-types.ts';
import { openTabular } from './read/open-file.ts';

const TEXT = {
  en: {
    errors: 'Errors',
    list: 'All errors',
    sheet: 'Sheet',
    row: 'Row',
    column: 'Column',
    header: 'Header',
    value: 'Value',
    rule: 'Rule',
    message: 'Message',
  },
  'zh-CN': {
    errors: '错误',
    list: '错误清单',
    sheet: '工作表',
    row: '行号',
    column: '列',
    header: '列名',
    value: '值',
    rule: '规则',
    message: '说明',
  },
};

/**
 * The dry run's error report as .xlsx: for each sheet with errors, its header row and the rows
 * that failed, copied from the file with the bad cells filled red and the messages in a last
 * column; then a list of every error (row, column, value, rule, message).
 */
export async function writeErrorReport(
  ctx: ImportContext,
  input: { job: Job; out: Writable; locale: CleansingLocale },
): Promise<void> {
  const { job } = input;
  const t = TEXT[input.locale];
  const bySheet = new Map<string, Map<number, RowError[]>>();
  const all: RowError[] = [];
  for await (const chunk of readChunks<RowError>(ctx.store, job.id, 'errors')) {
    for (const error of chunk.items) {
      all.push(error);
      const rows = bySheet.get(error.sheet) ?? new Map<number, RowError[]>();
      rows.set(error.row, [...(rows.get(error.row) ?? []), error]);
      bySheet.set(error.sheet, rows);
    }
  }
  const config = job.config as ImportConfig;
  const file = await openTabular({
    file: sourcePath(ctx.dataDir, job.id, job.source.kind),
    kind: job.source.kind,
    limits: ctx.limits,
    workbookLimits: ctx.workbookLimits,
  });
  try {
    const sheets: XSheet[] = [];
    for (const info of file.sheets) {
      const rows = bySheet.get(info.name);
      if (!rows) continue;
      const headerRow =
        info.index === config.sheet
          ? config.headerRow
          : info.index === config.lineItems?.sheet
            ? (config.lineItems.headerRow ?? 1)
            : 1;
      sheets.push({
        name: info.name,
        isHeaderFrozen: true,
        rows: copyRows(file.batches(info.index), rows, headerRow, { row: t.row, errors: t.errors }),
      });
    }
    const list: XCell[][] = [
      [t.sheet, t.row, t.column, t.header, t.value, t.rule, t.message].map((h) => ({
        value: h,
        style: 'header' as const,
      })),
    ];
    for (const e of all) list.push([e.sheet, e.row, e.column, e.header, e.value, e.rule, e.message]);
    sheets.push({ name: t.list, isHeaderFrozen: true, widths: [12, 8, 8, 16, 24, 20, 60], rows: [list] });
    await writeXlsx(input.out, sheets);
  } finally {
    await file.close();
  }
}

async function* copyRows(
  batches: AsyncIterable<{ row: number; cells: CellValue[] }[]>,
  errors: Map<number, RowError[]>,
  headerRow: number,
  titles: { row: string; errors: string },
): AsyncIterable<XCell[][]> {
  let width = 0;
  for await (const batch of batches) {
    const out: XCell[][] = [];
    for (const { row, cells } of batch) {
      if (row === headerRow) {
        width = cells.length;
        out.push([titles.row, ...cells, titles.errors].map((value) => ({ value, style: 'header' as const })));
        continue;
      }
      const rowErrors = errors.get(row);
      if (!rowErrors) continue;
      const bad = new Set(rowErrors.map((e) => e.column).filter((c): c is string => c !== null));
      const copy: XCell[] = [];
      const count = width > 0 ? width : cells.length;
      for (let c = 0; c < count; c++) {
        const value = cells[c] ?? null;
        copy.push(bad.has(columnLetter(c)) ? { value, style: 'bad' } : value);
      }
      copy.push(rowErrors.map((e) => (e.header ? `${e.header}: ${e.message}` : e.message)).join('; '));
      out.push([{ value: row, style: 'header' }, ...copy]);
    }
    if (out.length) yield out;
  }
}
