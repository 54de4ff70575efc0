/** Lists every detected element of the final form, with its source cell, for review. */
import type { FieldDefinition, FormDefinition } from '../../runtime/core/index.ts';
import { walkFields } from '../../runtime/core/index.ts';
import { encodeCell } from './cell-address.ts';
import type { SheetDraft } from './draft-sheet.ts';
import type { ReportCollector, ReportElement } from './report.ts';
import { cellLabel } from './report.ts';
import type { SpecNode } from './spec-tree.ts';

export function reportElements(args: {
  drafts: readonly SheetDraft[];
  nodes: readonly SpecNode[];
  definition: FormDefinition;
  report: ReportCollector;
}): void {
  const { drafts, nodes, definition, report } = args;
  const built = new Map<string, FieldDefinition>();
  for (const { field, table } of walkFields(definition))
    built.set(table ? `${table.key}.${field.key}` : field.key, field);
  for (const draft of drafts) {
    const title = draft.plan.title;
    if (title)
      report.element({
        kind: 'title',
        sourceCell: cellLabel(draft.grid.name, encodeCell(title.cell)),
        label: title.text,
      });
  }
  const visit = (node: SpecNode): void => {
    switch (node.kind) {
      case 'section':
        report.element({ kind: 'section', sourceCell: node.sourceCell, key: node.key, label: node.label });
        node.children.forEach(visit);
        return;
      case 'note':
        report.element({ kind: 'description', sourceCell: node.sourceCell, key: node.key, label: node.text });
        return;
      case 'table':
        report.element({
          kind: 'table',
          sourceCell: node.sourceCell,
          key: node.key,
          label: node.label || node.key,
        });
        for (const spec of node.columns) {
          const name = `${node.key}.${spec.key}`;
          report.element(describe({ kind: 'column', name, spec, field: built.get(name) }));
        }
        return;
      case 'field':
        report.element(
          describe({
            kind: node.spec.isTotal ? 'total' : 'field',
            name: node.spec.key,
            spec: node.spec,
            field: built.get(node.spec.key),
          }),
        );
    }
  };
  nodes.forEach(visit);
}

function describe(args: {
  kind: ReportElement['kind'];
  name: string;
  spec: { sourceCell: string; label: string; decision: { because: string } };
  field: FieldDefinition | undefined;
}): ReportElement {
  const { kind, name, spec, field } = args;
  const element: ReportElement = {
    kind,
    sourceCell: spec.sourceCell,
    key: name,
    label: field?.label ?? spec.label,
  };
  if (field) {
    element.type = field.type;
    element.because = spec.decision.because;
    if ('formula' in field && field.formula) element.formula = field.formula;
  }
  return element;
}
