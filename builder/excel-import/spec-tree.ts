/**
 * A sheet's drafts → a tree of field specs mirroring the form: sections hold what
 * follows their heading, tables hold their columns, totals become computed fields.
 */
import { encodeCell, encodeRange } from './cell-address.ts';
import type { DraftItem, SheetDraft } from './draft-sheet.ts';
import type { FieldSpec, SpecContext } from './field-specs.ts';
import { columnSpec, fieldSpec } from './field-specs.ts';
import { parseLabel } from './label-text.ts';
import { cellLabel } from './report.ts';

export type SpecNode =
  | { kind: 'field'; spec: FieldSpec }
  | {
      kind: 'table';
      key: string;
      label: string;
      sourceCell: string;
      columns: FieldSpec[];
      totals: Map<string, 'sum'>;
    }
  | { kind: 'section'; key: string; label: string; sourceCell: string; children: SpecNode[] }
  | { kind: 'note'; key: string; text: string; sourceCell: string };

const SUM_OF_COLUMN = /^SUM\([A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*\)$/;

export function specTree(draft: SheetDraft, ctx: SpecContext): SpecNode[] {
  const top: SpecNode[] = [];
  let current = top;
  const sheet = draft.grid.name;
  const tables = new Map<string, Extract<SpecNode, { kind: 'table' }>>();
  for (const item of draft.items) {
    if (item.kind === 'section') {
      const section: SpecNode = {
        kind: 'section',
        key: item.key,
        label: item.heading.text,
        sourceCell: cellLabel(sheet, encodeCell(item.heading.cell)),
        children: [],
      };
      top.push(section);
      current = section.children;
      continue;
    }
    const node = specNode(item, ctx);
    // a table named by its own heading closes the section above it
    if (item.kind === 'table' && item.planned.labelCell) current = top;
    current.push(node);
    if (node.kind === 'table') tables.set(node.key, node);
    if (node.kind === 'field' && item.kind === 'field' && item.planned.totalOf && node.spec.formula) {
      const match = SUM_OF_COLUMN.exec(node.spec.formula);
      const [table, column] = match ? node.spec.formula.slice(4, -1).split('.') : [];
      tables.get(table)?.totals.set(column, 'sum');
    }
  }
  return top;
}

function specNode(item: Exclude<DraftItem, { kind: 'section' }>, ctx: SpecContext): SpecNode {
  const sheet = ctx.grid.name;
  switch (item.kind) {
    case 'note':
      return {
        kind: 'note',
        key: item.key,
        text: item.note.text,
        sourceCell: cellLabel(sheet, encodeCell(item.note.cell)),
      };
    case 'field': {
      const { planned } = item;
      return {
        kind: 'field',
        spec: fieldSpec({
          key: item.key,
          label: planned.label,
          input: planned.inputCell,
          isRequired: planned.isRequired,
          help: planned.help,
          width: planned.width,
          isTotal: planned.totalOf !== undefined,
          ...(planned.totalOf ? { typeLabel: parseLabel(planned.totalOf.column.header) } : {}),
          ctx,
        }),
      };
    }
    case 'listColumn':
      return {
        kind: 'field',
        spec: columnSpec({
          key: item.key,
          table: item.planned.region,
          column: item.column,
          isListField: true,
          ctx,
        }),
      };
    case 'table': {
      const { region } = item.planned;
      const range = {
        s: { r: region.headerRow, c: region.firstCol },
        e: { r: region.bodyEnd, c: region.lastCol },
      };
      return {
        kind: 'table',
        key: item.key,
        label: item.planned.label,
        sourceCell: cellLabel(sheet, encodeRange(range)),
        columns: item.columns.map(({ key, column }) => columnSpec({ key, table: region, column, ctx })),
        totals: new Map(),
      };
    }
  }
}
