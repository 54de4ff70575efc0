export { compileForm } from './compile-form.ts';
export type { CompiledField, CompiledForm, JsonSchema, LayoutNode, UiSchema } from './types.ts';
export type { FormulaFieldModel, FormulaModel, FormulaTableModel } from './formula-model.ts';
export { buildFormulaModel } from './formula-model.ts';
export {
  formJsonSchema,
  valueSchema,
  X_KEYWORDS,
  DEFAULT_ATTACHMENT_MAX_COUNT,
  DEFAULT_MAX_ROWS,
  DEFAULT_TEXTAREA_MAX_LENGTH,
  DEFAULT_TEXT_MAX_LENGTH,
} from './json-schema.ts';
export { formUiSchema, fieldUiSchema } from './ui-schema.ts';
export { formDefinitionFromJsonSchema } from './import-json-schema.ts';
export type { ImportWarning, JsonSchemaImport } from './import-json-schema.ts';
