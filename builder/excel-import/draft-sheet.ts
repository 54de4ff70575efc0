/**
 * Turns a sheet's LayoutPlan into keyed drafts: every section, field, table and
 * column gets its key (in reading order, one namespace for the whole form), and
 * the workbook targets learn which cell became which key.
 */
import type { TableColumnRegion } from './detect-tables.ts';
import type { SheetGrid } from './grid.ts';
import { isUnsafeName, keyFromLabel } from './keys.ts';
import { isCjk, parseLabel } from './label-text.ts';
import type { KeyRegistry } from './keys.ts';
import type { LayoutPlan, PlannedField, PlannedHeading, PlannedNote, PlannedTable } from './layout-plan.ts';
import type { ReportCollector } from './report.ts';
import { cellLabel } from './report.ts';
import { encodeCell } from './cell-address.ts';
import type { WorkbookTargets } from './resolve-refs.ts';

export interface DraftColumn {
  key: string;
  column: TableColumnRegion;
}

export type DraftItem =
  | { kind: 'field'; key: string; planned: PlannedField }
  | { kind: 'table'; key: string; planned: PlannedTable; columns: DraftColumn[] }
  /** a list sheet's column, which becomes a top-level field */
  | { kind: 'listColumn'; key: string; planned: PlannedTable; column: TableColumnRegion }
  | { kind: 'section'; key: string; heading: PlannedHeading }
  | { kind: 'note'; key: string; note: PlannedNote };

export interface SheetDraft {
  grid: SheetGrid;
  plan: LayoutPlan;
  items: DraftItem[];
}

/** Fields (sections, notes, tables and columns included) one import may create. */
export const MAX_FIELDS = 300;
const MAX_TABLE_COLUMNS = 100;

/** What is left of MAX_FIELDS, shared by the sheets of one import. */
export interface FieldBudget {
  remaining: number;
}

export function draftSheet(args: {
  grid: SheetGrid;
  plan: LayoutPlan;
  keys: KeyRegistry;
  targets: WorkbookTargets;
  report: ReportCollector;
  budget: FieldBudget;
}): SheetDraft {
  const { grid, plan, keys, targets, report, budget } = args;
  const sheet = grid.name;
  const claim = (label: string, at: { r: number; c: number }, fallback: string | null = null): string => {
    if (isUnsafeName(label)) {
      report.warn(
        cellLabel(sheet, encodeCell(at)),
        'unsafe-name',
        `the name ${JSON.stringify(label.trim())} cannot be used as a key; a safe key was generated`,
      );
    }
    return keys.claim(keyFromLabel(label) ?? fallback);
  };
  const items: DraftItem[] = [];
  for (const item of plan.items) {
    const cost = item.kind === 'table' ? Math.min(item.region.columns.length, MAX_TABLE_COLUMNS) + 1 : 1;
    if (budget.remaining < cost) {
      const at =
        item.kind === 'field'
          ? item.inputCell
          : item.kind === 'table'
            ? { r: item.region.headerRow, c: item.region.firstCol }
            : item.cell;
      report.warn(
        cellLabel(sheet, encodeCell(at)),
        'too-many-fields',
        `the form stops here: an import creates at most ${MAX_FIELDS} fields`,
      );
      break;
    }
    budget.remaining -= cost;
    switch (item.kind) {
      case 'heading':
        items.push({ kind: 'section', key: claim(item.text, item.cell), heading: item });
        break;
      case 'note':
        items.push({ kind: 'note', key: keys.claim('note'), note: item });
        break;
      case 'field': {
        const key = claim(item.label.base, item.labelCell ?? item.inputCell);
        targets.addField(sheet, item.inputCell, key);
        items.push({ kind: 'field', key, planned: item });
        break;
      }
      case 'table':
        items.push(...draftTable({ table: item, isList: plan.isList, sheet, claim, targets }));
        break;
    }
  }
  return { grid, plan, items };
}

function draftTable(args: {
  table: PlannedTable;
  isList: boolean;
  sheet: string;
  claim: (label: string, at: { r: number; c: number }, fallback?: string | null) => string;
  targets: WorkbookTargets;
}): DraftItem[] {
  const { table, isList, sheet, claim, targets } = args;
  const { region } = table;
  const tableKey = isList
    ? ''
    : claim(table.label, table.labelCell ?? { r: region.headerRow, c: region.firstCol }, 'items');
  if (!table.label)
    table.label = region.columns.some((column) => isCjk(column.header)) ? '明细' : 'Line items';
  const columns: DraftColumn[] = region.columns.slice(0, MAX_TABLE_COLUMNS).map((column) => ({
    key: claim(parseLabel(column.header).base, { r: region.headerRow, c: column.c }),
    column,
  }));
  const byColumn = new Map<number, string>();
  for (const { key, column } of columns) for (let c = column.c; c <= column.lastC; c++) byColumn.set(c, key);
  targets.addTable({ sheet, region, key: tableKey, columns: byColumn, isList });
  if (isList) return columns.map(({ key, column }) => ({ kind: 'listColumn', key, planned: table, column }));
  return [{ kind: 'table', key: tableKey, planned: table, columns }];
}
