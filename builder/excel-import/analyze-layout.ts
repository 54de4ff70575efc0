/**
 * Reads one sheet's layout top to bottom: the title row, section headings, label/input
 * pairs, line-item tables and their totals rows. Produces a LayoutPlan; keys, types and
 * formulas are decided later.
 */
import type { CellPos } from './cell-address.ts';
import type { TableRegion } from './detect-tables.ts';
import type { SheetGrid } from './grid.ts';
import { isCjk, isTotalsLabel, parseLabel } from './label-text.ts';
import type { LayoutPlan, PlannedField, PlanItem } from './layout-plan.ts';
import { pairRow } from './pair-labels.ts';

const WIDTH = 16_384;

export function analyzeLayout(grid: SheetGrid, tables: readonly TableRegion[]): LayoutPlan {
  const plan: LayoutPlan = { sheet: grid.name, items: [], isList: false, orphans: [] };
  const claimed = new Set<number>();
  const claim = (pos: CellPos) => void claimed.add(pos.r * WIDTH + pos.c);
  const isFree = (pos: CellPos) => !claimed.has(pos.r * WIDTH + pos.c) && !tableAt(tables, pos);
  const rows = new Set([
    ...grid.usedRows(),
    ...tables.flatMap((t) => [t.headerRow, t.totalsRow ?? t.headerRow]),
  ]);
  let hasSubtitle = false;

  for (const r of [...rows].sort((a, b) => a - b)) {
    const table = tables.find((t) => t.headerRow === r);
    if (table) plan.items.push(tableItem(table, plan.items));
    const totals = tables.find((t) => t.totalsRow === r);
    if (totals) plan.items.push(...totalFields(grid, totals));
    const scan = pairRow(grid, r, isFree, claim);
    const anchors = grid
      .rowCells(r)
      .filter((cell) => !grid.isCovered({ r, c: cell.c }) && !tableAt(tables, { r, c: cell.c }));
    const single =
      scan.orphans.length === 1 && scan.fields.length === 0 && anchors.length === 1 ? scan.orphans[0] : null;
    if (single && single.code === 'label-without-input') {
      const text = parseLabel(single.text).label;
      const hasContent = plan.items.some((item) => item.kind !== 'heading');
      const isSubtitle =
        plan.title !== undefined && (single.cell.r === plan.title.cell.r + 1 || text.length > 20);
      if (!plan.title && plan.items.length === 0) plan.title = { text, cell: single.cell };
      else if (!hasContent && !hasSubtitle && plan.items.length === 0 && isSubtitle) {
        hasSubtitle = true;
        plan.items.push({ kind: 'note', text, cell: single.cell });
      } else plan.items.push({ kind: 'heading', text, cell: single.cell });
      continue;
    }
    plan.items.push(...scan.notes, ...scan.fields);
    plan.orphans.push(...scan.orphans);
  }
  plan.isList = isListSheet(plan, tables);
  return plan;
}

/** Whether `pos` belongs to a table's header, body or totals cells. */
export function tableAt(tables: readonly TableRegion[], pos: CellPos): TableRegion | undefined {
  return tables.find((t) => {
    const lastRow = t.totalsRow ?? t.bodyEnd;
    const firstCol = pos.r === t.totalsRow ? t.firstCol - 1 : t.firstCol;
    return pos.r >= t.headerRow && pos.r <= lastRow && pos.c >= firstCol && pos.c <= t.lastCol;
  });
}

/** A heading right above the table names it instead of opening a section. */
function tableItem(region: TableRegion, items: PlanItem[]): PlanItem {
  const last = items[items.length - 1];
  if (last?.kind === 'heading' && last.cell.r >= region.headerRow - 2) {
    items.pop();
    return { kind: 'table', region, label: last.text, labelCell: last.cell };
  }
  return { kind: 'table', region, label: '' };
}

/** Formula cells of a totals row become computed header fields (`合计金额`, `Subtotal`). */
function totalFields(grid: SheetGrid, table: TableRegion): PlannedField[] {
  const r = table.totalsRow!;
  let totalsText = '';
  let totalsCell: CellPos | undefined;
  const formulas: PlannedField[] = [];
  for (const cell of grid.rowCells(r)) {
    if (cell.c < table.firstCol - 1 || cell.c > table.lastCol) continue;
    const text = grid.text(r, cell.c);
    if (text !== null && isTotalsLabel(text) && !totalsText) {
      totalsText = parseLabel(text).label;
      totalsCell = { r, c: cell.c };
    }
    const column = table.columns.find((col) => cell.c >= col.c && cell.c <= col.lastC);
    if (!cell.f || !column) continue;
    formulas.push({
      kind: 'field',
      label: parseLabel(column.header),
      inputCell: { r, c: cell.c },
      isRequired: false,
      totalOf: { table, column },
      ...(cell.comment ? { help: cell.comment } : {}),
    });
  }
  const base = totalsText || 'Total';
  for (const field of formulas) {
    const header = field.label.base;
    const text = formulas.length === 1 ? base : `${base}${isCjk(base + header) ? '' : ' '}${header}`;
    field.label = parseLabel(text);
    if (totalsCell) field.labelCell = totalsCell;
  }
  return formulas;
}

function isListSheet(plan: LayoutPlan, tables: readonly TableRegion[]): boolean {
  if (tables.length !== 1 || tables[0].totalsRow !== undefined) return false;
  return plan.items.every((item) => item.kind === 'table' || item.kind === 'note' || item.kind === 'heading');
}
