/**
 * FormDefinition — the designer's source of truth for a form (DESIGN.md §1).
 *
 * Hand-written to match `form-definition.schema.json`; `tests/runtime/definition`
 * checks that the type lists below and the schema's enums agree.
 *
 * Data is flat: `section` and `columns` are layout only, the keys of their children
 * live in the form's single data scope. Only `table` opens a new scope (its rows).
 * Every label, title, description and content string is plain text, never HTML.
 */

export const FIELD_TYPES = [
  'text',
  'textarea',
  'number',
  'money',
  'percent',
  'date',
  'datetime',
  'select',
  'multiselect',
  'boolean',
  'member',
  'department',
  'attachment',
  'signature',
  'serial',
  'phone',
  'email',
  'uscc',
  'description',
  'section',
  'columns',
  'table',
] as const;

export type FieldType = (typeof FIELD_TYPES)[number];

/** Types that carry no value: layout and static text. */
export const LAYOUT_FIELD_TYPES = ['description', 'section', 'columns'] as const;
export type LayoutFieldType = (typeof LAYOUT_FIELD_TYPES)[number];

/**
 * Types allowed as line-item (table) columns: every value type except `table`
 * (no nesting) and `serial` (serial numbers are assigned per record, not per row).
 */
export type TableColumnType = Exclude<FieldType, LayoutFieldType | 'table' | 'serial'>;
const NOT_IN_TABLES: readonly FieldType[] = [...LAYOUT_FIELD_TYPES, 'table', 'serial'];
export const TABLE_COLUMN_TYPES: readonly TableColumnType[] = FIELD_TYPES.filter(
  (type): type is TableColumnType => !NOT_IN_TABLES.includes(type),
);

/** A principal reference: `*` (everyone signed in), `role:<name>`, `user:<id>`, `dept:<id>`. */
export type PrincipalRef = string;

export interface FormPermissions {
  /** who may submit a new record; absent = nobody but form managers */
  submit?: PrincipalRef[];
  /** who may view all records (initiators and approvers always see their own) */
  view?: PrincipalRef[];
}

export interface FormSettings {
  title: string;
  description?: string;
  permissions?: FormPermissions;
  /** top-level scalar field keys the store indexes for list filters and reports */
  indexedFields: string[];
}

/** A designer-written example: formulas applied to `input` must produce `expected`. */
export interface FormTestCase {
  name: string;
  input: Record<string, unknown>;
  expected: Record<string, unknown>;
}

export interface FormDefinition {
  schemaVersion: 1;
  settings: FormSettings;
  fields: FieldDefinition[];
  testCases?: FormTestCase[];
}

// ---------------------------------------------------------------------------
// Field bases

interface FieldBase {
  /** `^[A-Za-z_][A-Za-z0-9_]*$`, unique (case-insensitively) per scope */
  key: string;
  label: string;
  /** help text shown under the field, plain text */
  description?: string;
  /** grid span out of 24 (default 24); inside a table, the column's relative width */
  width?: number;
  /** boolean formula; a hidden field is neither validated nor stored */
  visibleIf?: string;
}

interface InputBase extends FieldBase {
  required?: boolean;
  readOnly?: boolean;
  /** boolean formula making the field required */
  requiredIf?: string;
  /** boolean formula making the field read-only */
  readOnlyIf?: string;
}

interface ScalarBase extends InputBase {
  /** formula text: the field is computed (read-only, recomputed by the server) */
  formula?: string;
  /** only inside a table: no two rows may hold the same value in this column */
  isUnique?: boolean;
  placeholder?: string;
}

// ---------------------------------------------------------------------------
// Value fields

export interface TextField extends ScalarBase {
  type: 'text';
  defaultValue?: string;
  /** untrusted regular expression (JavaScript `u` syntax), checked for ReDoS at design time */
  pattern?: string;
  /** plain-text hint shown when `pattern` does not match */
  patternMessage?: string;
  minLength?: number;
  maxLength?: number;
  /** offer barcode / QR scanning on devices with a camera */
  scan?: boolean;
}

export interface TextareaField extends ScalarBase {
  type: 'textarea';
  defaultValue?: string;
  minLength?: number;
  maxLength?: number;
  rows?: number;
}

interface NumericBase extends ScalarBase {
  defaultValue?: number;
  /** decimal places */
  precision?: number;
  min?: number;
  max?: number;
  thousandsSeparator?: boolean;
}

export interface NumberField extends NumericBase {
  type: 'number';
  unit?: string;
}

export interface MoneyField extends NumericBase {
  type: 'money';
  /** ISO 4217 code, default `CNY` */
  currency?: string;
  // precision defaults to 2
}

/**
 * Stored as a fraction (12.5 % is 0.125); `min`/`max`/`defaultValue` are fractions too.
 * `precision` is the number of decimals of the displayed percentage.
 */
export interface PercentField extends NumericBase {
  type: 'percent';
}

/** Value: `YYYY-MM-DD`. */
export interface DateField extends ScalarBase {
  type: 'date';
  defaultValue?: string;
}

/** Value: RFC 3339 date-time with offset, e.g. `2024-11-26T09:30:00+08:00`. */
export interface DatetimeField extends ScalarBase {
  type: 'datetime';
  defaultValue?: string;
}

export interface SelectOption {
  value: string;
  label: string;
  color?: string;
}

export interface SelectField extends ScalarBase {
  type: 'select';
  display?: 'dropdown' | 'radio';
  options: SelectOption[];
  defaultValue?: string;
}

export interface MultiselectField extends ScalarBase {
  type: 'multiselect';
  display?: 'dropdown' | 'checkbox';
  options: SelectOption[];
  defaultValue?: string[];
}

export interface BooleanField extends ScalarBase {
  type: 'boolean';
  defaultValue?: boolean;
}

/** Value: a user id, or an array of user ids when `isMultiple`. */
export interface MemberField extends ScalarBase {
  type: 'member';
  isMultiple?: boolean;
  defaultValue?: string | string[];
}

/** Value: a department id, or an array of ids when `isMultiple`. */
export interface DepartmentField extends ScalarBase {
  type: 'department';
  isMultiple?: boolean;
  defaultValue?: string | string[];
}

/** Value: `{ id, name, size, type }[]` — files uploaded beforehand. */
export interface AttachmentField extends ScalarBase {
  type: 'attachment';
  /** default 9 */
  maxCount?: number;
  maxSizeMb?: number;
  /** MIME types (`image/png`, `image/*`) or extensions (`.pdf`) */
  accept?: string[];
}

/** Value: the id of the uploaded signature image. */
export interface SignatureField extends ScalarBase {
  type: 'signature';
}

/** Assigned by the server at submission, e.g. `SO-{YYYYMMDD}-{0000}`. */
export interface SerialField extends ScalarBase {
  type: 'serial';
  pattern: string;
}

/** Mainland China mobile number, `^1[3-9]\d{9}$`. */
export interface PhoneField extends ScalarBase {
  type: 'phone';
  defaultValue?: string;
}

export interface EmailField extends ScalarBase {
  type: 'email';
  defaultValue?: string;
}

/** Unified social credit code (GB 32100-2015): 18 characters with a checksum. */
export interface UsccField extends ScalarBase {
  type: 'uscc';
  defaultValue?: string;
}

export type TotalKind = 'sum' | 'avg' | 'count' | 'min' | 'max';

/** Line items: each row is an object keyed by the column keys. */
export interface TableField extends InputBase {
  type: 'table';
  columns: TableColumnDefinition[];
  minRows?: number;
  /** default 1000 */
  maxRows?: number;
  /** column key → aggregate shown in the footer */
  totals?: Record<string, TotalKind>;
  /** a table is never computed (its columns may be); declared so `field.formula` reads on any value field */
  formula?: never;
}

// ---------------------------------------------------------------------------
// Layout

/** A static block of plain text; holds no value. */
export interface DescriptionField extends FieldBase {
  type: 'description';
  content: string;
}

export interface SectionField extends FieldBase {
  type: 'section';
  /** heading shown above the group; defaults to `label` */
  title?: string;
  isCollapsible?: boolean;
  isCollapsed?: boolean;
  fields: FieldDefinition[];
}

export interface LayoutColumn {
  /** grid span out of 24 */
  width?: number;
  fields: FieldDefinition[];
}

export interface ColumnsField extends FieldBase {
  type: 'columns';
  columns: LayoutColumn[];
}

// ---------------------------------------------------------------------------
// Unions

export type ScalarFieldDefinition =
  | TextField
  | TextareaField
  | NumberField
  | MoneyField
  | PercentField
  | DateField
  | DatetimeField
  | SelectField
  | MultiselectField
  | BooleanField
  | MemberField
  | DepartmentField
  | AttachmentField
  | SignatureField
  | SerialField
  | PhoneField
  | EmailField
  | UsccField;

export type TableColumnDefinition = Exclude<ScalarFieldDefinition, SerialField>;

/** Fields that hold a value in the record's data. */
export type ValueFieldDefinition = ScalarFieldDefinition | TableField;

export type LayoutFieldDefinition = DescriptionField | SectionField | ColumnsField;

export type FieldDefinition = ValueFieldDefinition | LayoutFieldDefinition;

/** The definition of one field type, e.g. `FieldOfType<'money'>` is `MoneyField`. */
export type FieldOfType<T extends FieldType> = Extract<FieldDefinition, { type: T }>;
