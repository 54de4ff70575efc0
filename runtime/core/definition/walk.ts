import type {
  ColumnsField,
  FieldDefinition,
  FormDefinition,
  LayoutFieldDefinition,
  SectionField,
  TableField,
  ValueFieldDefinition,
} from '../../../schemas/form-definition.ts';
import { LAYOUT_FIELD_TYPES } from '../../../schemas/form-definition.ts';

export type ContainerField = SectionField | ColumnsField;

export interface FieldVisit<F extends FieldDefinition = FieldDefinition> {
  field: F;
  /** where the field sits in the definition document, e.g. `fields/2/fields/0` */
  path: string;
  /** enclosing sections / columns layouts, outermost first (layout only: data stays flat) */
  containers: readonly ContainerField[];
  /** the table whose column this is, else null */
  table: TableField | null;
}

/**
 * Every field in document order, depth first: layout fields before their children,
 * a table before its columns.
 */
export function* walkFields(def: Pick<FormDefinition, 'fields'>): Generator<FieldVisit> {
  yield* walkList(def.fields, 'fields', []);
}

/** The fields of the form's data scope: top-level values and tables, not table columns. */
export function* walkValueFields(
  def: Pick<FormDefinition, 'fields'>,
): Generator<FieldVisit<ValueFieldDefinition>> {
  for (const visit of walkFields(def)) {
    if (visit.table === null && isValueField(visit.field)) yield visit as FieldVisit<ValueFieldDefinition>;
  }
}

const LAYOUT_TYPES: ReadonlySet<string> = new Set(LAYOUT_FIELD_TYPES);

export function isLayoutField(field: FieldDefinition): field is LayoutFieldDefinition {
  return LAYOUT_TYPES.has(field.type);
}

export function isValueField(field: FieldDefinition): field is ValueFieldDefinition {
  return !LAYOUT_TYPES.has(field.type);
}

function* walkList(
  fields: readonly FieldDefinition[],
  path: string,
  containers: readonly ContainerField[],
): Generator<FieldVisit> {
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    const fieldPath = `${path}/${i}`;
    yield { field, path: fieldPath, containers, table: null };
    if (field.type === 'section') {
      yield* walkList(field.fields, `${fieldPath}/fields`, [...containers, field]);
    } else if (field.type === 'columns') {
      const inner = [...containers, field];
      for (let c = 0; c < field.columns.length; c++) {
        yield* walkList(field.columns[c].fields, `${fieldPath}/columns/${c}/fields`, inner);
      }
    } else if (field.type === 'table') {
      for (let c = 0; c < field.columns.length; c++) {
        yield { field: field.columns[c], path: `${fieldPath}/columns/${c}`, containers, table: field };
      }
    }
  }
}
