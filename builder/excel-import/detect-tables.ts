/**
 * Line-item regions: a header row of adjacent label cells, then body rows (empty,
 * bordered, sample values or per-row formulas), often closed by a totals row.
 */
import type { SheetGrid } from './grid.ts';
import { isLabelLike, isTotalsLabel, parseLabel } from './label-text.ts';
import { hintFromWords } from './vocabulary.ts';

export interface TableColumnRegion {
  /** first and last sheet column of the header cell (merged headers span several) */
  c: number;
  lastC: number;
  header: string;
}

export interface TableRegion {
  headerRow: number;
  firstCol: number;
  lastCol: number;
  columns: TableColumnRegion[];
  bodyStart: number;
  /** last body row (bordered, filled or blank up to a totals row); ≥ bodyStart */
  bodyEnd: number;
  /** last body row holding a value or formula, or bodyStart - 1 */
  lastFilledRow: number;
  totalsRow?: number;
  hasRowFormulas: boolean;
}

const MAX_BODY_SCAN = 1000;
const AGGREGATE = /^(?:SUM|SUBTOTAL|AVERAGE|COUNT|COUNTA|MAX|MIN)\(/i;

export function detectTables(grid: SheetGrid, options: { isHeaderFirst?: boolean } = {}): TableRegion[] {
  if (options.isHeaderFirst) {
    const first = grid.usedRows()[0];
    const columns = first === undefined ? null : headerRun(grid, first);
    return columns ? [scanBody(grid, first, columns)] : [];
  }
  const tables: TableRegion[] = [];
  let skipUntil = -1;
  for (const r of grid.usedRows()) {
    if (r <= skipUntil) continue;
    const columns = headerRun(grid, r);
    if (!columns) continue;
    const region = scanBody(grid, r, columns);
    if (!isTable(grid, region)) continue;
    tables.push(region);
    skipUntil = region.totalsRow ?? region.bodyEnd;
  }
  return tables;
}

/** The longest run (≥ 2) of adjacent label cells in a row, none ending with a colon. */
function headerRun(grid: SheetGrid, r: number): TableColumnRegion[] | null {
  let best: TableColumnRegion[] = [];
  let run: TableColumnRegion[] = [];
  let nextCol = -1;
  for (const cell of grid.rowCells(r)) {
    if (grid.isCovered({ r, c: cell.c })) continue;
    const text = grid.text(r, cell.c);
    const isHeader = text !== null && isLabelLike(text) && !parseLabel(text).hasColon && !isTotalsLabel(text);
    if (!isHeader) {
      if (!grid.isBlank(r, cell.c)) run = [];
      continue;
    }
    if (cell.c !== nextCol) run = [];
    const lastC = grid.rightEdge({ r, c: cell.c });
    run.push({ c: cell.c, lastC, header: text });
    nextCol = lastC + 1;
    if (run.length > best.length) best = [...run];
  }
  return best.length >= 2 ? best : null;
}

function scanBody(grid: SheetGrid, headerRow: number, columns: TableColumnRegion[]): TableRegion {
  const firstCol = columns[0].c;
  const lastCol = columns[columns.length - 1].lastC;
  const region: TableRegion = {
    headerRow,
    firstCol,
    lastCol,
    columns,
    bodyStart: headerRow + 1,
    bodyEnd: headerRow,
    lastFilledRow: headerRow,
    hasRowFormulas: false,
  };
  let previousBlank = false;
  for (let r = headerRow + 1; r < grid.rowCount && r <= headerRow + MAX_BODY_SCAN; r++) {
    if (isTotalsRow(grid, r, region)) {
      region.totalsRow = r;
      region.bodyEnd = r - 1;
      break;
    }
    const kind = classifyRow(grid, r, region, previousBlank);
    if (kind === 'stop') break;
    if (kind === 'filled' || kind === 'formula') {
      region.lastFilledRow = r;
      region.bodyEnd = r;
      if (kind === 'formula') region.hasRowFormulas = true;
    } else if (kind === 'bordered') {
      region.bodyEnd = r;
    }
    previousBlank = kind === 'blank';
  }
  return region;
}

type RowKind = 'filled' | 'formula' | 'bordered' | 'blank' | 'stop';

function classifyRow(grid: SheetGrid, r: number, region: TableRegion, previousBlank: boolean): RowKind {
  let kind: RowKind = 'blank';
  let texts = 0;
  let values = 0;
  for (const cell of grid.rowCells(r)) {
    if (cell.c < region.firstCol || cell.c > region.lastCol) continue;
    const merge = grid.mergeAt({ r, c: cell.c });
    const isAligned =
      merge &&
      merge.e.r === merge.s.r &&
      region.columns.some((col) => col.c === merge.s.c && col.lastC === merge.e.c);
    if (merge && !isAligned) return 'stop';
    const text = grid.text(r, cell.c);
    if (text !== null && parseLabel(text).hasColon) return 'stop';
    if (cell.f) kind = 'formula';
    else if (!grid.isBlank(r, cell.c)) {
      if (kind !== 'formula') kind = 'filled';
      if (text !== null) texts++;
      else values++;
    } else if (cell.hasBorder && kind === 'blank') kind = 'bordered';
  }
  // after a blank row, a row of labels only starts something new (a heading or another table)
  if (previousBlank && kind === 'filled' && values === 0 && (texts === 1 || texts >= 3)) return 'stop';
  return kind;
}

function isTotalsRow(grid: SheetGrid, r: number, region: TableRegion): boolean {
  for (const cell of grid.rowCells(r)) {
    if (cell.c < region.firstCol - 1 || cell.c > region.lastCol) continue;
    const text = grid.text(r, cell.c);
    if (text !== null && isTotalsLabel(text)) return true;
    if (
      cell.f &&
      AGGREGATE.test(cell.f.replace(/^_xlfn\./i, '')) &&
      /\d:\$?[A-Z]+\$?\d/i.test(cell.f) &&
      !/[,;]/.test(cell.f)
    ) {
      return true;
    }
  }
  return false;
}

function isTable(grid: SheetGrid, region: TableRegion): boolean {
  const bodyRows = region.bodyEnd - region.bodyStart + 1;
  const hints = region.columns.filter((col) => hintFromWords(parseLabel(col.header).base) !== null).length;
  if (region.columns.length < 3 && hints === 0) return false;
  return (
    region.totalsRow !== undefined || region.hasRowFormulas || bodyRows >= 2 || isSampleRow(grid, region)
  );
}

/** One body row that is mostly filled in: a list with a single sample record. */
function isSampleRow(grid: SheetGrid, region: TableRegion): boolean {
  if (region.columns.length < 3 || region.lastFilledRow !== region.bodyStart) return false;
  const filled = region.columns.filter((col) => !grid.isBlank(region.bodyStart, col.c)).length;
  return filled * 2 >= region.columns.length;
}
