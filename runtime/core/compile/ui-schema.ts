import type {
  FieldDefinition,
  FormDefinition,
  ValueFieldDefinition,
} from '../../../schemas/form-definition.ts';
import { walkValueFields } from '../definition/walk.ts';
import type { LayoutNode, UiSchema } from './types.ts';

/**
 * Widget names for react-jsonschema-form 6. `text`, `textarea`, `select`, `radio`,
 * `checkboxes`, `checkbox`, `date`, `datetime`, `email` are rjsf's own; the others are
 * Formwork widgets registered by the renderer.
 */
const WIDGETS: Record<ValueFieldDefinition['type'], string> = {
  text: 'text',
  textarea: 'textarea',
  number: 'number',
  money: 'money',
  percent: 'percent',
  date: 'date',
  datetime: 'datetime',
  select: 'select',
  multiselect: 'select',
  boolean: 'checkbox',
  member: 'member',
  department: 'department',
  attachment: 'attachment',
  signature: 'signature',
  serial: 'serial',
  phone: 'text',
  email: 'email',
  uscc: 'text',
  table: 'fw:table',
};

/**
 * uiSchema: `ui:order` of the flat data keys, one entry per value field, and the
 * visual tree (sections, columns, static text) in `ui:options.layout`.
 */
export function formUiSchema(def: FormDefinition): UiSchema {
  const uiSchema: UiSchema = {};
  const order: string[] = [];
  for (const { field } of walkValueFields(def)) {
    order.push(field.key);
    uiSchema[field.key] = fieldUiSchema(field);
  }
  return { 'ui:order': order, 'ui:options': { layout: layoutOf(def.fields) }, ...uiSchema };
}

export function fieldUiSchema(field: ValueFieldDefinition): UiSchema {
  const ui: UiSchema = { 'ui:widget': widgetOf(field), 'ui:title': field.label };
  if (field.description) ui['ui:help'] = field.description;
  if (field.readOnly || field.formula) ui['ui:readonly'] = true;
  if ('placeholder' in field && field.placeholder) ui['ui:placeholder'] = field.placeholder;
  if (field.type === 'select' || field.type === 'multiselect') {
    ui['ui:enumNames'] = field.options.map((option) => option.label);
  }
  const options = uiOptions(field);
  if (Object.keys(options).length > 0) ui['ui:options'] = options;
  if (field.type === 'table') {
    const items: UiSchema = { 'ui:order': field.columns.map((column) => column.key) };
    for (const column of field.columns) items[column.key] = fieldUiSchema(column);
    ui.items = items;
  }
  return ui;
}

function widgetOf(field: ValueFieldDefinition): string {
  if (field.type === 'text' && field.scan) return 'scan';
  if (field.type === 'select' && field.display === 'radio') return 'radio';
  if (field.type === 'multiselect' && field.display === 'checkbox') return 'checkboxes';
  return WIDGETS[field.type];
}

function uiOptions(field: ValueFieldDefinition): Record<string, unknown> {
  const options: Record<string, unknown> = {
    width: field.width,
    formula: field.formula,
  };
  switch (field.type) {
    case 'number':
      Object.assign(options, {
        precision: field.precision,
        unit: field.unit,
        thousandsSeparator: field.thousandsSeparator,
      });
      break;
    case 'money':
      Object.assign(options, {
        precision: field.precision ?? 2,
        currency: field.currency ?? 'CNY',
        thousandsSeparator: field.thousandsSeparator ?? true,
      });
      break;
    case 'percent':
      Object.assign(options, { precision: field.precision, thousandsSeparator: field.thousandsSeparator });
      break;
    case 'text':
      Object.assign(options, { patternMessage: field.patternMessage });
      break;
    case 'textarea':
      Object.assign(options, { rows: field.rows });
      break;
    case 'phone':
      Object.assign(options, { inputType: 'tel' });
      break;
    case 'member':
    case 'department':
      Object.assign(options, { isMultiple: field.isMultiple ?? false });
      break;
    case 'attachment':
      Object.assign(options, { maxCount: field.maxCount, maxSizeMb: field.maxSizeMb, accept: field.accept });
      break;
    case 'serial':
      Object.assign(options, { pattern: field.pattern });
      break;
    case 'table':
      Object.assign(options, { minRows: field.minRows, maxRows: field.maxRows, totals: field.totals });
      break;
  }
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}

function layoutOf(fields: readonly FieldDefinition[]): LayoutNode[] {
  return fields.map((field): LayoutNode => {
    switch (field.type) {
      case 'description':
        return { type: 'description', key: field.key, content: field.content };
      case 'section':
        return {
          type: 'section',
          key: field.key,
          title: field.title ?? field.label,
          isCollapsible: field.isCollapsible ?? false,
          isCollapsed: field.isCollapsed ?? false,
          children: layoutOf(field.fields),
        };
      case 'columns':
        return {
          type: 'columns',
          key: field.key,
          columns: field.columns.map((column) => ({
            width: column.width,
            children: layoutOf(column.fields),
          })),
        };
      default:
        return { type: 'field', key: field.key };
    }
  });
}
