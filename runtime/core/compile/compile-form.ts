import type { FormDefinition } from '../../../schemas/form-definition.ts';
import { assertValidFormDefinition } from '../definition/validate-definition.ts';
import type { DefinitionCheckOptions } from '../definition/validate-definition.ts';
import { isValueField, walkFields } from '../definition/walk.ts';
import { buildFormulaModel } from './formula-model.ts';
import { formJsonSchema } from './json-schema.ts';
import type { CompiledField, CompiledForm } from './types.ts';
import { formUiSchema } from './ui-schema.ts';

/**
 * Compiles one form version into its data contract, uiSchema, field index and formula model.
 * Validates the definition first and throws `FormDefinitionError` when it is invalid: the
 * output embeds designer-written regular expressions, which must have passed the ReDoS check.
 */
export function compileForm(def: FormDefinition, options: DefinitionCheckOptions = {}): CompiledForm {
  assertValidFormDefinition(def, options);
  return {
    jsonSchema: formJsonSchema(def),
    uiSchema: formUiSchema(def),
    fields: indexFields(def),
    formulaModel: buildFormulaModel(def),
  };
}

function indexFields(def: FormDefinition): Record<string, CompiledField> {
  // null prototype: lookups by names taken from record data never reach Object.prototype
  const fields: Record<string, CompiledField> = Object.create(null);
  for (const { field, table, containers } of walkFields(def)) {
    if (!isValueField(field)) continue;
    const name = table ? `${table.key}.${field.key}` : field.key;
    fields[name] = {
      ...field,
      name,
      tableKey: table ? table.key : null,
      containers: containers.map((container) => container.key),
      isComputed: Boolean(field.formula),
    };
  }
  return fields;
}
