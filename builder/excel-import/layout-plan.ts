/** The analysed shape of one sheet, before keys, types and formulas are decided. */
import type { CellPos } from './cell-address.ts';
import type { TableColumnRegion, TableRegion } from './detect-tables.ts';
import type { LabelInfo } from './label-text.ts';

export interface PlannedField {
  kind: 'field';
  label: LabelInfo;
  labelCell?: CellPos;
  inputCell: CellPos;
  isRequired: boolean;
  help?: string;
  /** grid span out of 24 when several fields share a row */
  width?: number;
  /** a totals-row aggregate of a table column */
  totalOf?: { table: TableRegion; column: TableColumnRegion };
}

export interface PlannedTable {
  kind: 'table';
  region: TableRegion;
  label: string;
  labelCell?: CellPos;
}

export interface PlannedHeading {
  kind: 'heading';
  text: string;
  cell: CellPos;
}

export interface PlannedNote {
  kind: 'note';
  text: string;
  cell: CellPos;
}

export type PlanItem = PlannedField | PlannedTable | PlannedHeading | PlannedNote;

export interface Orphan {
  cell: CellPos;
  code: 'label-without-input' | 'input-without-label';
  text: string;
}

export interface LayoutPlan {
  sheet: string;
  title?: { text: string; cell: CellPos };
  items: PlanItem[];
  /** one table and nothing else: each row is a record, columns become top-level fields */
  isList: boolean;
  orphans: Orphan[];
}
