/**
 * Which types an imported field may be switched to, and the field rebuilt for the new type
 * (keeping only the properties the new type's schema allows, so the definition stays valid).
 */
import { TABLE_COLUMN_TYPES, walkFields } from '../../runtime/core/index.ts';
import type {
  FieldDefinition,
  FieldType,
  FormDefinition,
  ScalarFieldDefinition,
  TotalKind,
} from '../../runtime/core/index.ts';
import { referencedNames } from './references.ts';

const TEXT_TYPES: readonly FieldType[] = ['text', 'textarea', 'phone', 'email', 'uscc'];
const NUMERIC_TYPES: readonly FieldType[] = ['number', 'money', 'percent'];
const DATE_TYPES: readonly FieldType[] = ['date', 'datetime'];
const CHOICE_TYPES: readonly FieldType[] = ['select', 'multiselect'];
const COLUMN_TYPES: ReadonlySet<string> = new Set(TABLE_COLUMN_TYPES);

/** Properties every scalar type accepts. */
const COMMON_PROPS = [
  'key',
  'label',
  'description',
  'width',
  'visibleIf',
  'required',
  'readOnly',
  'requiredIf',
  'readOnlyIf',
  'formula',
  'isUnique',
  'placeholder',
];

const NUMERIC_PROPS = ['precision', 'min', 'max', 'thousandsSeparator'];

/** Type-specific properties (defaultValue and display are handled on their own). */
const TYPE_PROPS: Partial<Record<FieldType, readonly string[]>> = {
  text: ['pattern', 'patternMessage', 'minLength', 'maxLength', 'scan'],
  textarea: ['minLength', 'maxLength', 'rows'],
  number: [...NUMERIC_PROPS, 'unit'],
  money: [...NUMERIC_PROPS, 'currency'],
  percent: NUMERIC_PROPS,
  select: ['options'],
  multiselect: ['options'],
};

const DISPLAYS: Partial<Record<FieldType, readonly string[]>> = {
  select: ['dropdown', 'radio'],
  multiselect: ['dropdown', 'checkbox'],
};

/** True for fields holding one value (not layout, not a table). */
export function isScalarField(field: FieldDefinition): field is ScalarFieldDefinition {
  return !['section', 'columns', 'description', 'table'].includes(field.type);
}

export interface ChoiceContext {
  isColumn: boolean;
  /** some formula or rule reads the field: its kind of value must stay */
  isReferenced?: boolean;
  /** the footer aggregate of a column; all but `count` need numbers */
  total?: TotalKind;
}

/**
 * The types an imported field may become: its own family, plus plain text and, for an input
 * the importer guessed as text, numbers and dates. A computed field, or one a formula or a
 * column total reads, keeps its kind of value; a select needs its options, so only fields that
 * came with options may be a select. The field's own type always comes first.
 */
export function typeChoices(field: FieldDefinition, context: ChoiceContext): FieldType[] {
  if (!isScalarField(field)) return [];
  const own = field.type;
  const isFixedKind =
    Boolean(field.formula) ||
    Boolean(context.isReferenced) ||
    (context.total !== undefined && context.total !== 'count');
  let family: readonly FieldType[];
  if (TEXT_TYPES.includes(own)) {
    if (field.formula) family = ['text', 'textarea'];
    else family = isFixedKind ? TEXT_TYPES : [...TEXT_TYPES, ...NUMERIC_TYPES, ...DATE_TYPES];
  } else if (NUMERIC_TYPES.includes(own)) family = isFixedKind ? NUMERIC_TYPES : [...NUMERIC_TYPES, 'text'];
  else if (DATE_TYPES.includes(own)) family = isFixedKind ? [own] : [...DATE_TYPES, 'text'];
  else if (own === 'select')
    family = field.formula ? [own] : isFixedKind ? [own, 'text'] : [...CHOICE_TYPES, 'text'];
  else if (own === 'multiselect') family = isFixedKind ? [own] : [...CHOICE_TYPES, 'text'];
  else if (own === 'boolean') family = isFixedKind ? [own] : ['boolean', 'text'];
  else family = [own];
  const choices = [own, ...family.filter((type) => type !== own)];
  return context.isColumn ? choices.filter((type) => COLUMN_TYPES.has(type)) : choices;
}

/** `typeChoices` of every field of a definition, by its `walkFields` path. */
export function typeChoicesOf(definition: FormDefinition): Map<string, FieldType[]> {
  const referenced = referencedNames(definition);
  const choices = new Map<string, FieldType[]>();
  for (const { field, path, table } of walkFields(definition)) {
    const name = table ? `${table.key}.${field.key}` : field.key;
    choices.set(
      path,
      typeChoices(field, {
        isColumn: table !== null,
        isReferenced: referenced.has(name),
        total: table?.totals?.[field.key],
      }),
    );
  }
  return choices;
}

/** Whether the required toggle applies: inputs that hold a value and are not computed. */
export function canBeRequired(field: FieldDefinition): boolean {
  return isScalarField(field) && !field.formula && field.type !== 'serial';
}

/** `field` rebuilt as `type`; unchanged when it already is. */
export function convertFieldType(field: ScalarFieldDefinition, type: FieldType): ScalarFieldDefinition {
  if (field.type === type) return field;
  const source = field as unknown as Record<string, unknown>;
  const next: Record<string, unknown> = {};
  for (const prop of [...COMMON_PROPS, ...(TYPE_PROPS[type] ?? [])]) {
    if (source[prop] !== undefined) next[prop] = source[prop];
  }
  const display = source.display;
  if (typeof display === 'string' && DISPLAYS[type]?.includes(display)) next.display = display;
  const defaultValue = convertDefault(field, type);
  if (defaultValue !== undefined) next.defaultValue = defaultValue;
  next.type = type;
  return next as unknown as ScalarFieldDefinition;
}

/** A default value that still means the same thing in the new type, else undefined. */
function convertDefault(field: ScalarFieldDefinition, type: FieldType): unknown {
  const value = (field as { defaultValue?: unknown }).defaultValue;
  if (value === undefined) return undefined;
  const from = field.type;
  const isPlainText = (t: FieldType) => t === 'text' || t === 'textarea';
  if (isPlainText(type) && (isPlainText(from) || from === 'select')) return value;
  // a percent is stored as a fraction: 0.13 is 13 %, but the number 0.13
  if (
    NUMERIC_TYPES.includes(type) &&
    NUMERIC_TYPES.includes(from) &&
    (from === 'percent') === (type === 'percent')
  )
    return value;
  if (from === 'select' && type === 'multiselect') return [value];
  if (from === 'multiselect' && type === 'select') return Array.isArray(value) ? value[0] : undefined;
  return undefined;
}
