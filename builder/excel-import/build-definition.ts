/** Field specs → FormDefinition (pure: rebuilt after each formula check). */
import type {
  FieldDefinition,
  FormDefinition,
  ScalarFieldDefinition,
  TableColumnDefinition,
  TableField,
} from '../../runtime/core/index.ts';
import type { FieldSpec } from './field-specs.ts';
import type { SpecNode } from './spec-tree.ts';

const MAX_LABEL = 200;
const MAX_TEXT = 2000;
const MAX_COLUMNS = 100;

export function buildDefinition(title: string, nodes: readonly SpecNode[]): FormDefinition {
  return {
    schemaVersion: 1,
    settings: { title: clip(title, MAX_LABEL) || 'Imported form', indexedFields: [] },
    fields: nodes.map(toField),
  };
}

function toField(node: SpecNode): FieldDefinition {
  switch (node.kind) {
    case 'field':
      return scalarField(node.spec, false);
    case 'note':
      return {
        type: 'description',
        key: node.key,
        label: clip(node.text, MAX_LABEL),
        content: clip(node.text, 10_000),
      };
    case 'section':
      return {
        type: 'section',
        key: node.key,
        label: clip(node.label, MAX_LABEL) || node.key,
        fields: node.children.map(toField),
      };
    case 'table': {
      const table: TableField = {
        type: 'table',
        key: node.key,
        label: clip(node.label, MAX_LABEL) || node.key,
        columns: node.columns
          .slice(0, MAX_COLUMNS)
          .map((spec) => scalarField(spec, true) as TableColumnDefinition),
      };
      const totals = [...node.totals].filter(([key]) => table.columns.some((c) => c.key === key));
      if (totals.length > 0) table.totals = Object.fromEntries(totals);
      return table;
    }
  }
}

/** One field or column; the shape follows the type chosen for it. */
export function scalarField(spec: FieldSpec, isColumn: boolean): ScalarFieldDefinition {
  const { decision } = spec;
  const description = [
    spec.help?.trim(),
    spec.formulaSource ? `Excel formula (not translated): =${spec.formulaSource}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  const base = {
    key: spec.key,
    label: clip(spec.label, MAX_LABEL) || spec.key,
    ...(description ? { description: clip(description, MAX_TEXT) } : {}),
    ...(spec.width && !isColumn ? { width: spec.width } : {}),
    ...(spec.isRequired && !spec.formula ? { required: true } : {}),
    ...(spec.formula ? { formula: spec.formula } : {}),
  };
  // Excel formats only change how a value looks; Formwork rounds computed values to `precision`.
  // Computed number/percent fields stay unrounded, like the sheet; money keeps its cents.
  const hasPrecision = decision.precision !== undefined && (!spec.formula || decision.type === 'money');
  const numeric = {
    ...(hasPrecision ? { precision: Math.min(10, decision.precision!) } : {}),
    ...(spec.defaultValue !== undefined && !spec.formula ? { defaultValue: spec.defaultValue } : {}),
  };
  switch (decision.type) {
    case 'number':
      return {
        ...base,
        ...numeric,
        type: 'number',
        ...(decision.unit ? { unit: decision.unit.slice(0, 20) } : {}),
      };
    case 'money':
      return {
        ...base,
        ...numeric,
        type: 'money',
        ...(decision.currency ? { currency: decision.currency } : {}),
      };
    case 'percent':
      return { ...base, ...numeric, type: 'percent' };
    case 'select':
      return spec.options && spec.options.length > 0 && !spec.formula
        ? { ...base, type: 'select', options: spec.options }
        : { ...base, type: 'text' };
    case 'textarea':
      return isColumn ? { ...base, type: 'text' } : { ...base, type: 'textarea' };
    case 'date':
    case 'datetime':
    case 'boolean':
    case 'phone':
    case 'email':
    case 'uscc':
      return { ...base, type: decision.type };
    default:
      return {
        ...base,
        type: 'text',
        ...(spec.placeholder && !spec.formula ? { placeholder: spec.placeholder } : {}),
      };
  }
}

function clip(text: string, max: number): string {
  return text.trim().slice(0, max);
}
