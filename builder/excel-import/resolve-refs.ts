/**
 * Where each cell of the selected sheets went (a field key, a table column), and the
 * RefResolver the formula translator asks from a given formula cell.
 */
import type { CellPos, CellRange } from './cell-address.ts';
import { encodeCell } from './cell-address.ts';
import type { TableRegion } from './detect-tables.ts';
import type { CellTarget, RangeTarget, RefResolver } from './translate-formula.ts';
import type { WorkbookIndex } from './workbook-index.ts';

const WIDTH = 16_384;

export interface TableSite {
  sheet: string;
  region: TableRegion;
  key: string;
  /** sheet column → column key (every column of a merged header) */
  columns: Map<number, string>;
  /** list sheet: each row is a record and columns are top-level fields */
  isList: boolean;
}

export class WorkbookTargets {
  private readonly fields = new Map<string, Map<number, string>>();
  private readonly tables: TableSite[] = [];
  private readonly formSheets = new Set<string>();

  constructor(private readonly index: WorkbookIndex) {}

  addField(sheet: string, pos: CellPos, key: string): void {
    const map = this.fields.get(sheet) ?? new Map<number, string>();
    map.set(pos.r * WIDTH + pos.c, key);
    this.fields.set(sheet, map);
    this.formSheets.add(sheet);
  }

  addTable(site: TableSite): void {
    this.tables.push(site);
    this.formSheets.add(site.sheet);
  }

  resolverFor(sheet: string, pos: CellPos): RefResolver {
    const own = this.tableAt(sheet, pos);
    return {
      cell: (refSheet, range) => this.cell(refSheet ?? sheet, range.s, { own, row: pos.r }),
      range: (refSheet, range) => this.range(refSheet ?? sheet, range),
      name: (name) => this.index.name(name, sheet),
      externalName: (id) => this.index.externalName(id),
      // Excel's ROW() is the sheet row; the form's ROW() is the line number (1-based)
      row: () => (own ? (own.isList ? null : `(ROW() + ${own.region.bodyStart})`) : String(pos.r + 1)),
    };
  }

  private cell(sheet: string, pos: CellPos, scope: { own: TableSite | undefined; row: number }): CellTarget {
    const grid = this.index.grid(sheet);
    if (!grid) return { kind: 'none', why: `sheet "${sheet}" does not exist` };
    const anchor = grid.anchorOf(pos);
    const key = this.fields.get(grid.name)?.get(anchor.r * WIDTH + anchor.c);
    if (key) return { kind: 'key', key };
    const table = this.tableAt(grid.name, anchor);
    if (table) {
      const column = table.columns.get(anchor.c)!;
      if (anchor.r !== scope.row || (table !== scope.own && !table.isList)) {
        return {
          kind: 'none',
          why: `is one line-item cell (${encodeCell(anchor)}); only same-row cells or whole columns can be used`,
        };
      }
      return { kind: 'key', key: column };
    }
    const cell = grid.get(anchor.r, anchor.c);
    if (cell?.f) return { kind: 'none', why: 'is a computed cell that did not become a field' };
    if (this.formSheets.has(grid.name) && grid.isBlank(anchor.r, anchor.c)) {
      return { kind: 'none', why: 'is an empty cell that is not an input field' };
    }
    return { kind: 'constant', value: cell && cell.t !== 'z' && cell.t !== 'e' ? cell.v : null };
  }

  private range(sheet: string, range: CellRange): RangeTarget {
    const grid = this.index.grid(sheet);
    if (!grid) return { kind: 'none', why: `sheet "${sheet}" does not exist` };
    const column = this.columnRange(grid.name, range);
    if (column) return column;
    const fieldMap = this.fields.get(grid.name);
    for (const site of this.tables) {
      if (site.sheet === grid.name && overlaps(site.region, range)) {
        return { kind: 'none', why: 'covers only part of a line-item table' };
      }
    }
    if (fieldMap) {
      for (const at of fieldMap.keys()) {
        const r = Math.floor(at / WIDTH);
        const c = at % WIDTH;
        if (r >= range.s.r && r <= range.e.r && c >= range.s.c && c <= range.e.c) {
          return { kind: 'none', why: 'mixes input fields and fixed cells' };
        }
      }
    }
    const rows = this.index.values(grid.name, range);
    if (!rows) return { kind: 'none', why: 'holds formulas or is too large to inline' };
    return { kind: 'constants', rows };
  }

  /** A one-column range over a table's body (header and blank rows may be included) → `items.amount`. */
  private columnRange(sheet: string, range: CellRange): RangeTarget | null {
    for (const site of this.tables) {
      const { region } = site;
      if (site.sheet !== sheet || range.s.c !== range.e.c) continue;
      const key = site.columns.get(range.s.c);
      if (!key) continue;
      const lastNeeded = Math.max(region.lastFilledRow, region.bodyStart);
      const limit = region.totalsRow ?? Number.MAX_SAFE_INTEGER;
      if (
        range.s.r < region.headerRow ||
        range.s.r > region.bodyStart ||
        range.e.r < lastNeeded ||
        range.e.r >= limit
      )
        continue;
      if (site.isList)
        return { kind: 'none', why: 'aggregates a column of the list; each row is a separate record' };
      return { kind: 'column', path: `${site.key}.${key}` };
    }
    return null;
  }

  private tableAt(sheet: string, pos: CellPos): TableSite | undefined {
    return this.tables.find(
      (site) =>
        site.sheet === sheet &&
        pos.r >= site.region.bodyStart &&
        pos.r <= site.region.bodyEnd &&
        site.columns.has(pos.c),
    );
  }
}

function overlaps(region: TableRegion, range: CellRange): boolean {
  const lastRow = region.totalsRow ?? region.bodyEnd;
  return !(
    range.e.r < region.bodyStart ||
    range.s.r > lastRow ||
    range.e.c < region.firstCol ||
    range.s.c > region.lastCol
  );
}
