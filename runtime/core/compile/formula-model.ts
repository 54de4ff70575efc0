import type {
  FormDefinition,
  TableColumnDefinition,
  ValueFieldDefinition,
} from '../../../schemas/form-definition.ts';
import { walkFields } from '../definition/walk.ts';
import type { FormulaFieldModel, FormulaModel, FormulaTableModel } from '../formula/model.ts';

/**
 * What the formula engine needs to know about a form: the engine owns the model's types
 * (`runtime/core/formula/model.ts`); this module derives one from a FormDefinition.
 * `precision` is the field's own: decimals a computed number/money result is rounded to
 * (money 2 by default); for percent, decimals of the displayed percentage. Rule ids are
 * `visible:<key>`, `required:<key>`, `readOnly:<key>`; for a table column
 * `visible:<table>.<col>` with `rowTable: <table>` (evaluated once per row).
 */
export type { FormulaFieldModel, FormulaModel, FormulaTableModel } from '../formula/model.ts';

type FormulaRule = NonNullable<FormulaModel['rules']>[number];

const FORMULA_TYPES: Partial<Record<string, FormulaFieldModel['type']>> = {
  text: 'text',
  textarea: 'text',
  phone: 'text',
  email: 'text',
  uscc: 'text',
  serial: 'text',
  number: 'number',
  money: 'money',
  percent: 'percent',
  boolean: 'boolean',
  date: 'date',
  datetime: 'datetime',
  select: 'select',
  multiselect: 'multiselect',
};

export function buildFormulaModel(def: FormDefinition): FormulaModel {
  const fields: FormulaFieldModel[] = [];
  const tables: FormulaTableModel[] = [];
  const rules: FormulaRule[] = [];
  const tableModels = new Map<string, FormulaTableModel>();

  for (const { field, table } of walkFields(def)) {
    const name = table ? `${table.key}.${field.key}` : field.key;
    const rowTable = table ? { rowTable: table.key } : {};
    if (field.visibleIf) rules.push({ id: `visible:${name}`, formula: field.visibleIf, ...rowTable });
    if ('requiredIf' in field && field.requiredIf)
      rules.push({ id: `required:${name}`, formula: field.requiredIf, ...rowTable });
    if ('readOnlyIf' in field && field.readOnlyIf)
      rules.push({ id: `readOnly:${name}`, formula: field.readOnlyIf, ...rowTable });

    if (field.type === 'table') {
      const model: FormulaTableModel = { key: field.key, columns: [] };
      tableModels.set(field.key, model);
      tables.push(model);
    } else if (table) {
      tableModels.get(table.key)!.columns.push(fieldModel(field as TableColumnDefinition));
    } else if (field.type !== 'section' && field.type !== 'columns' && field.type !== 'description') {
      fields.push(fieldModel(field));
    }
  }
  return rules.length > 0 ? { fields, tables, rules } : { fields, tables };
}

function fieldModel(field: Exclude<ValueFieldDefinition, { type: 'table' }>): FormulaFieldModel {
  const model: FormulaFieldModel = { key: field.key, type: FORMULA_TYPES[field.type] ?? 'other' };
  if (field.formula) model.formula = field.formula;
  const precision = storedPrecision(field);
  if (precision !== undefined) model.precision = precision;
  return model;
}

function storedPrecision(field: ValueFieldDefinition): number | undefined {
  switch (field.type) {
    case 'number':
    case 'percent':
      return field.precision;
    case 'money':
      return field.precision ?? 2;
    default:
      return undefined;
  }
}
