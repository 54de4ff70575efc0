/**
 * Validation of one path (a header value, one cell, or a table's row count) in
 * O(1) of the form's size: the record validator runs on a one-field slice of the
 * compiled form, cached per field and locale.
 */
import type { CompiledField, CompiledForm, JsonSchema } from '../compile/types.ts';
import { createRecordValidator } from '../validate/index.ts';
import type { Locale, RecordValidator } from '../validate/index.ts';
import type { FormPlan } from './plan.ts';
import type { SessionFieldError } from './types.ts';

const validators = new WeakMap<FormPlan, Map<string, RecordValidator>>();

export interface PathCheck {
  plan: FormPlan;
  locale: Locale;
  /** `customer`, `items/3/qty`, or a table key (row count checks only) */
  key: string;
  /** the value at the path (for a table, its rows or malformed value) */
  value: unknown;
  isRequired: boolean;
}

export function checkPath({ plan, locale, key, value, isRequired }: PathCheck): SessionFieldError[] {
  const parts = key.split('/');
  if (parts.length === 3) {
    const [table, row, column] = parts;
    const slicePath = `${table}/0/${column}`;
    const errors = validatorFor(plan, locale, `${table}.${column}`)?.validate(
      { [table]: [{ [column]: value }] },
      { required: new Set(isRequired ? [slicePath] : []) },
    );
    return (errors ?? [])
      .filter((error) => error.path === slicePath)
      .map((error) => ({ ...error, path: `${table}/${row}/${column}` }));
  }
  const field = plan.fields.get(key);
  if (!field || field.tableKey !== null || field.type === 'serial') return [];
  const errors = validatorFor(plan, locale, key)?.validate(
    { [key]: value },
    { required: new Set(isRequired ? [key] : []) },
  );
  return (errors ?? []).filter((error) => error.path === key);
}

function validatorFor(plan: FormPlan, locale: Locale, name: string): RecordValidator | null {
  let cache = validators.get(plan);
  if (!cache) validators.set(plan, (cache = new Map()));
  const id = `${locale}\u0000${name}`;
  let validator = cache.get(id);
  if (!validator) {
    const slice = sliceOf(plan, name);
    if (!slice) return null;
    validator = createRecordValidator(slice, { locale });
    cache.set(id, validator);
  }
  return validator;
}

/** A compiled form holding only `name` (a column keeps its table around it). */
function sliceOf(plan: FormPlan, name: string): CompiledForm | null {
  const field = plan.fields.get(name);
  if (!field) return null;
  const properties = plan.compiled.jsonSchema.properties as Record<string, JsonSchema>;
  const fields: Record<string, CompiledField> = Object.create(null);
  if (field.tableKey === null) {
    fields[name] = field;
    if (field.type === 'table')
      for (const column of plan.tables.get(name)?.columns.values() ?? []) fields[column.name] = column;
    return slice(plan, { [name]: properties[name] }, fields);
  }
  const table = plan.fields.get(field.tableKey)!;
  const tableSchema = properties[table.key];
  const rowSchema = tableSchema.items as JsonSchema;
  const columnSchema = (rowSchema.properties as Record<string, JsonSchema>)[field.key];
  fields[table.key] = table;
  fields[name] = field;
  const items = { ...rowSchema, properties: { [field.key]: columnSchema } };
  return slice(plan, { [table.key]: { ...tableSchema, items } }, fields);
}

function slice(
  plan: FormPlan,
  properties: Record<string, JsonSchema>,
  fields: Record<string, CompiledField>,
): CompiledForm {
  const jsonSchema = { ...plan.compiled.jsonSchema, properties };
  return { jsonSchema, uiSchema: {}, fields, formulaModel: { fields: [], tables: [] } };
}
