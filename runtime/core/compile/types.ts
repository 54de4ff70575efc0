import type { ValueFieldDefinition } from '../../../schemas/form-definition.ts';
import type { FormulaModel } from './formula-model.ts';

/** A JSON Schema (draft 2020-12) object; loosely typed on purpose. */
export type JsonSchema = { [keyword: string]: unknown };

/** A react-jsonschema-form 6 uiSchema. */
export type UiSchema = { [key: string]: unknown };

/** The form's visual tree, kept in `uiSchema['ui:options'].layout` (data itself stays flat). */
export type LayoutNode =
  | { type: 'field'; key: string }
  | { type: 'description'; key: string; content: string }
  | {
      type: 'section';
      key: string;
      title: string;
      isCollapsible: boolean;
      isCollapsed: boolean;
      children: LayoutNode[];
    }
  | { type: 'columns'; key: string; columns: { width?: number; children: LayoutNode[] }[] };

/**
 * A value field's definition plus where it sits: `compiled.fields.qty.type`,
 * `compiled.fields['items.qty'].min`.
 */
export type CompiledField = ValueFieldDefinition & {
  /** index key and formula name: `customer`, or `items.qty` for a table column */
  name: string;
  /** the table this column belongs to, else null */
  tableKey: string | null;
  /** keys of enclosing sections / columns layouts, outermost first */
  containers: string[];
  /** has a formula: read-only for users, recomputed by the server */
  isComputed: boolean;
};

/** Everything the runtime needs from one published form version. JSON-serialisable. */
export interface CompiledForm {
  jsonSchema: JsonSchema;
  uiSchema: UiSchema;
  /** value fields by name (`customer`, `items`, `items.qty`) in document order; null prototype */
  fields: Record<string, CompiledField>;
  formulaModel: FormulaModel;
}
