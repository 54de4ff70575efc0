/**
 * The rows of the review table: the definition's fields as a tree (sections and tables with
 * their fields and columns), each with the edit applied, the source cell and type evidence from
 * the import report, and the report's warnings about it.
 */
import type { FieldDefinition, FieldType, FormDefinition } from '../../runtime/core/index.ts';
import type { ElementKind, ImportReport, ReportElement, ReportWarning } from '../excel-import/report.ts';
import { isSameCell, isWithin, parseCellRef } from './cells.ts';
import type { CellRef } from './cells.ts';
import { canBeRequired, typeChoicesOf } from './field-types.ts';
import type { FieldEdits } from './types.ts';

export type RowKind = Exclude<ElementKind, 'title' | 'lookup'> | 'columns';

export interface FieldRow {
  /** the field's place in the definition, e.g. `fields/9/columns/5`; edits are keyed by it */
  id: string;
  /** `customer`, or `items.qty` for a column */
  name: string;
  kind: RowKind;
  type: FieldType;
  /** as the admin typed it (edited) or as imported */
  label: string;
  isRequired: boolean;
  canRequire: boolean;
  /** types this field may be switched to; empty when the type is fixed (layout, tables) */
  typeChoices: FieldType[];
  /** `Sheet!B3` (a range for tables), null when the report names none */
  sourceCell: string | null;
  /** why the importer chose the type (`number format`, `header words`…) */
  because: string | null;
  formula: string | null;
  warnings: ReportWarning[];
  children?: FieldRow[];
}

export function buildFieldTree(args: {
  definition: FormDefinition;
  edits: FieldEdits;
  report: ImportReport;
}): FieldRow[] {
  const { definition, edits, report } = args;
  const choices = typeChoicesOf(definition);
  const elements = new Map<string, ReportElement>();
  for (const element of report.elements) {
    if (element.key && element.kind !== 'title') elements.set(element.key, element);
  }
  const toRow = (field: FieldDefinition, id: string, table: string | null): FieldRow => {
    const name = table ? `${table}.${field.key}` : field.key;
    const element = elements.get(name);
    const edit = edits[id] ?? {};
    const canRequire = canBeRequired(field);
    const row: FieldRow = {
      id,
      name,
      kind: element ? (element.kind as RowKind) : kindOf(field, table),
      type: edit.type ?? field.type,
      label: edit.label ?? field.label,
      isRequired: canRequire && (edit.required ?? Boolean((field as { required?: boolean }).required)),
      canRequire,
      typeChoices: choices.get(id) ?? [],
      sourceCell: element?.sourceCell ?? null,
      because: element?.because ?? null,
      formula: ('formula' in field && field.formula) || null,
      warnings: [],
    };
    const children = childRows(field, id, toRow);
    if (children) row.children = children;
    return row;
  };
  const rows = definition.fields.map((field, i) => toRow(field, `fields/${i}`, null));
  attachWarnings(rows, report.warnings);
  return rows;
}

/** Every row, depth first. */
export function flattenRows(rows: readonly FieldRow[]): FieldRow[] {
  return rows.flatMap((row) => [row, ...flattenRows(row.children ?? [])]);
}

/** The row a definition path (`fields/3/columns/1/label`) points into: the longest id it starts with. */
export function rowAtPath(rows: readonly FieldRow[], path: string): FieldRow | undefined {
  let best: FieldRow | undefined;
  for (const row of flattenRows(rows)) {
    const isInside = path === row.id || path.startsWith(`${row.id}/`);
    if (isInside && (!best || row.id.length > best.id.length)) best = row;
  }
  return best;
}

function childRows(
  field: FieldDefinition,
  id: string,
  toRow: (field: FieldDefinition, id: string, table: string | null) => FieldRow,
): FieldRow[] | undefined {
  switch (field.type) {
    case 'section':
      return field.fields.map((child, i) => toRow(child, `${id}/fields/${i}`, null));
    case 'columns':
      return field.columns.flatMap((column, c) =>
        column.fields.map((child, i) => toRow(child, `${id}/columns/${c}/fields/${i}`, null)),
      );
    case 'table':
      return field.columns.map((column, i) => toRow(column, `${id}/columns/${i}`, field.key));
    default:
      return undefined;
  }
}

function kindOf(field: FieldDefinition, table: string | null): RowKind {
  if (table) return 'column';
  if (field.type === 'section' || field.type === 'table' || field.type === 'description') return field.type;
  if (field.type === 'columns') return 'columns';
  return 'field';
}

/**
 * A warning goes to the row whose source cell it names; a warning inside a table's range goes
 * to the column in the same sheet column (a later row's formula), else to the table.
 */
function attachWarnings(rows: FieldRow[], warnings: readonly ReportWarning[]): void {
  const located = flattenRows(rows).flatMap((row) => {
    const ref = row.sourceCell ? parseCellRef(row.sourceCell) : null;
    return ref ? [{ row, ref }] : [];
  });
  for (const warning of warnings) {
    const ref = parseCellRef(warning.cell);
    if (!ref) continue;
    const target = located.find((entry) => isSameCell(entry.ref, ref))?.row ?? tableRowFor(located, ref);
    target?.warnings.push(warning);
  }
}

function tableRowFor(located: { row: FieldRow; ref: CellRef }[], ref: CellRef): FieldRow | undefined {
  const table = located.find((entry) => entry.row.kind === 'table' && isWithin(ref, entry.ref));
  if (!table) return undefined;
  const column = located.find(
    (entry) =>
      entry.row.kind === 'column' &&
      table.row.children?.includes(entry.row) &&
      entry.ref.range.s.c === ref.range.s.c,
  );
  return (column ?? table).row;
}
