import type {
  FieldDefinition,
  FormDefinition,
  ScalarFieldDefinition,
  TableColumnDefinition,
  TableField,
  TotalKind,
} from '../../../schemas/form-definition.ts';
import { checkPattern } from '../definition/pattern.ts';
import { validateFormDefinition } from '../definition/validate-definition.ts';
import type { ImportWarning } from './import-support.ts';
import {
  KeyScope,
  UNSUPPORTED_KEYWORDS,
  enumOptions,
  escapePointer,
  isSchemaObject,
  precisionOfMultipleOf,
  resolveRef,
  truncateLabel,
  typeOf,
} from './import-support.ts';
import { X_KEYWORDS } from './json-schema.ts';
import type { JsonSchema } from './types.ts';

export type { ImportWarning } from './import-support.ts';

export interface JsonSchemaImport {
  definition: FormDefinition;
  /** what could not be carried over, or was changed on the way */
  warnings: ImportWarning[];
  /**
   * Source data path → data path in the new form, e.g. `address/city` → `address_city`,
   * `lines/*\/qty` → `lines/*\/qty`: what an import of existing data needs to reshape it.
   */
  keyMap: Record<string, string>;
}

/**
 * Builds a form definition from an existing JSON Schema.
 *
 * Data stays flat: a nested object becomes a `section` (layout only) and its properties
 * become form-level keys prefixed with the object's key — `address.city` → `address_city`.
 * Inside line items, nested objects flatten into columns the same way. A required child of
 * an optional object is not required. Arrays of objects become tables, arrays of enums
 * multiselects; `x-formula`, `x-visible-if`, `x-required-if`, `x-read-only-if`,
 * `x-precision`, `x-field-type` and `x-totals` carry over. Anything else becomes a text
 * field with a warning. Only local `$ref`s (`#/...`) are followed.
 */
export function formDefinitionFromJsonSchema(input: {
  title?: string;
  jsonSchema: unknown;
}): JsonSchemaImport {
  return new Importer(input.jsonSchema).run(input.title);
}

const MAX_OBJECT_DEPTH = 10;
const MAX_FIELDS_PER_LIST = 500;
const MAX_TABLE_COLUMNS = 100;
const MAX_LENGTH_LIMIT = 100_000;
const MB = 1024 * 1024;
const STRING_FIELD_TYPES = new Set(['phone', 'email', 'uscc', 'signature', 'member', 'department']);
const NUMBER_FIELD_TYPES = new Set(['number', 'money', 'percent']);
const TOTAL_KINDS = new Set(['sum', 'avg', 'count', 'min', 'max']);

interface Scope {
  /** slash path of the object schema in the source ('' = root) */
  schemaPath: string;
  /** source data path of the object ('' = root, `lines/*` = a row) */
  dataPath: string;
  keyPrefix: string;
  /** prefix of new data paths: '' or `lines/*\/` */
  targetPrefix: string;
  /** every enclosing object is required */
  isRequired: boolean;
  keys: KeyScope;
  isTable: boolean;
  depth: number;
}

interface PropertyInput {
  name: string;
  schema: JsonSchema;
  schemaPath: string;
  dataPath: string;
  isRequired: boolean;
  scope: Scope;
}

type Common = Pick<
  ScalarFieldDefinition,
  'key' | 'label' | 'description' | 'required' | 'visibleIf' | 'requiredIf'
>;

class Importer {
  private readonly warnings: ImportWarning[] = [];
  private readonly keyMap: Record<string, string> = {};
  private readonly root: JsonSchema;

  constructor(jsonSchema: unknown) {
    this.root = isSchemaObject(jsonSchema) ? jsonSchema : {};
  }

  run(title: string | undefined): JsonSchemaImport {
    const rootSchema = resolveRef(this.root, this.root);
    let fields: FieldDefinition[] = [];
    if (!rootSchema || typeOf(rootSchema) !== 'object') {
      this.warn('', 'notAnObject', 'the schema does not describe an object; no fields imported');
    } else {
      const scope: Scope = {
        schemaPath: '',
        dataPath: '',
        keyPrefix: '',
        targetPrefix: '',
        isRequired: true,
        keys: new KeyScope(),
        isTable: false,
        depth: 0,
      };
      fields = this.properties(rootSchema, scope);
    }
    const rootTitle = typeof this.root.title === 'string' ? this.root.title : '';
    const definition: FormDefinition = {
      schemaVersion: 1,
      settings: {
        title: truncateLabel(title?.trim() || rootTitle.trim() || 'Imported form'),
        indexedFields: [],
      },
      fields,
    };
    if (typeof this.root.description === 'string' && this.root.description) {
      definition.settings.description = this.root.description.slice(0, 2000);
    }
    for (const issue of validateFormDefinition(definition))
      this.warn(issue.path, 'invalidResult', issue.message);
    return { definition, warnings: this.warnings, keyMap: this.keyMap };
  }

  private properties(objectSchema: JsonSchema, scope: Scope): FieldDefinition[] {
    const properties = isSchemaObject(objectSchema.properties) ? objectSchema.properties : {};
    const required = new Set(Array.isArray(objectSchema.required) ? objectSchema.required : []);
    if (isSchemaObject(objectSchema.additionalProperties)) {
      this.warn(scope.schemaPath, 'ignoredKeyword', 'additionalProperties schemas are not imported');
    }
    const fields: FieldDefinition[] = [];
    for (const [name, raw] of Object.entries(properties)) {
      const schemaPath = join(scope.schemaPath, `properties/${escapePointer(name)}`);
      const schema = resolveRef(this.root, raw);
      if (!schema)
        this.warn(schemaPath, 'unresolvedRef', `property "${name}": only local $refs are followed`);
      fields.push(
        ...this.property({
          name,
          schema: schema ?? {},
          schemaPath,
          dataPath: join(scope.dataPath, escapePointer(name)),
          isRequired: scope.isRequired && required.has(name),
          scope,
        }),
      );
    }
    const limit = scope.isTable ? MAX_TABLE_COLUMNS : MAX_FIELDS_PER_LIST;
    if (fields.length > limit) {
      this.warn(scope.schemaPath, 'tooManyFields', `only the first ${limit} fields were imported`);
      fields.length = limit;
    }
    return fields;
  }

  private property(input: PropertyInput): FieldDefinition[] {
    const { name, schema, schemaPath, scope } = input;
    for (const keyword of UNSUPPORTED_KEYWORDS) {
      if (keyword in schema)
        this.warn(schemaPath, 'ignoredKeyword', `property "${name}": "${keyword}" is not supported`);
    }
    const isObject = typeOf(schema) === 'object' && !enumOptions(schema);
    if (isObject && scope.depth < MAX_OBJECT_DEPTH) {
      return scope.isTable
        ? this.properties(schema, this.childScope(input, `${scope.keyPrefix}${name}_`))
        : [this.section(input)];
    }
    const common = this.common(input);
    return [{ ...common, ...this.valueField(input, common.key) } as FieldDefinition];
  }

  private section(input: PropertyInput): FieldDefinition {
    const { key, label, description } = this.common(input, false);
    const fields = this.properties(input.schema, this.childScope(input, `${key}_`));
    return { key, type: 'section', label, ...(description ? { description } : {}), fields };
  }

  private childScope(input: PropertyInput, keyPrefix: string): Scope {
    return {
      ...input.scope,
      schemaPath: input.schemaPath,
      dataPath: input.dataPath,
      keyPrefix,
      isRequired: input.isRequired,
      depth: input.scope.depth + 1,
    };
  }

  private common(input: PropertyInput, isValue = true): Common {
    const { name, schema, schemaPath, scope } = input;
    const wanted = `${scope.keyPrefix}${name}`;
    const { key, isChanged } = scope.keys.allocate(wanted);
    if (isChanged) this.warn(schemaPath, 'renamedKey', `property "${name}" became key "${key}"`);
    const title = typeof schema.title === 'string' ? schema.title.trim() : '';
    const common: Common = { key, label: truncateLabel(title || name) };
    if (typeof schema.description === 'string' && schema.description)
      common.description = schema.description.slice(0, 2000);
    if (!isValue) return common;
    this.keyMap[input.dataPath] = `${scope.targetPrefix}${key}`;
    if (input.isRequired) common.required = true;
    const visibleIf = this.formula(input, X_KEYWORDS.visibleIf);
    if (visibleIf) common.visibleIf = visibleIf;
    const requiredIf = this.formula(input, X_KEYWORDS.requiredIf);
    if (requiredIf) common.requiredIf = requiredIf;
    return common;
  }

  /** The type-specific part of a value field. */
  private valueField(input: PropertyInput, key: string): Record<string, unknown> {
    const { name, schema, schemaPath } = input;
    const type = typeOf(schema);
    const fieldType =
      typeof schema[X_KEYWORDS.fieldType] === 'string' ? String(schema[X_KEYWORDS.fieldType]) : undefined;
    const extras = this.extras(input);
    const enumeration = type === 'array' ? null : enumOptions(schema);
    if (enumeration) {
      if (enumeration.isCoerced)
        this.warn(schemaPath, 'coercedEnum', `property "${name}": option values became text`);
      const values = enumeration.options.map((option) => option.value);
      const defaultValue = values.includes(schema.default as string) ? { defaultValue: schema.default } : {};
      return { type: 'select', options: enumeration.options.slice(0, 1000), ...defaultValue, ...extras };
    }
    switch (type) {
      case 'string':
        return { ...this.stringField(input, fieldType), ...extras };
      case 'integer':
      case 'number':
        return { ...this.numberField(input, fieldType), ...extras };
      case 'boolean':
        return {
          type: 'boolean',
          ...(typeof schema.default === 'boolean' ? { defaultValue: schema.default } : {}),
          ...extras,
        };
      case 'array': {
        const field = this.arrayField(input, key, fieldType);
        if (field) return field.type === 'table' ? field : { ...field, ...extras };
      }
    }
    this.warn(
      schemaPath,
      'unsupported',
      `property "${name}" (${describe(schema)}) was imported as a text field`,
    );
    return { type: 'text' };
  }

  /** formula, readOnly, readOnlyIf, for scalar fields. */
  private extras(input: PropertyInput): Record<string, unknown> {
    const extras: Record<string, unknown> = {};
    const formula = this.formula(input, X_KEYWORDS.formula);
    if (formula) extras.formula = formula;
    else if (input.schema.readOnly === true) extras.readOnly = true;
    const readOnlyIf = this.formula(input, X_KEYWORDS.readOnlyIf);
    if (readOnlyIf) extras.readOnlyIf = readOnlyIf;
    return extras;
  }

  private stringField(input: PropertyInput, fieldType: string | undefined): Record<string, unknown> {
    const { name, schema, schemaPath } = input;
    const format = schema.format;
    if (format === 'date') return { type: 'date' };
    if (format === 'date-time') return { type: 'datetime' };
    if (format === 'email' || fieldType === 'email') return { type: 'email', ...stringDefault(schema) };
    if (typeof format === 'string')
      this.warn(schemaPath, 'ignoredFormat', `property "${name}": format "${format}" is not checked`);
    if (fieldType && STRING_FIELD_TYPES.has(fieldType)) return { type: fieldType };
    if (fieldType && fieldType !== 'text' && fieldType !== 'textarea') this.warnFieldType(input, fieldType);
    const field: Record<string, unknown> = { type: 'text', ...stringDefault(schema) };
    for (const keyword of ['minLength', 'maxLength'] as const) {
      const value = schema[keyword];
      if (Number.isInteger(value) && (value as number) >= 0)
        field[keyword] = Math.min(value as number, MAX_LENGTH_LIMIT);
    }
    if (typeof schema.pattern === 'string') {
      const problem = checkPattern(schema.pattern);
      if (problem)
        this.warn(schemaPath, problem.code, `property "${name}": pattern ${problem.message}; dropped`);
      else field.pattern = schema.pattern;
    }
    if (fieldType === 'textarea') field.type = 'textarea';
    return field;
  }

  private numberField(input: PropertyInput, fieldType: string | undefined): Record<string, unknown> {
    const { name, schema, schemaPath } = input;
    if (fieldType && !NUMBER_FIELD_TYPES.has(fieldType)) this.warnFieldType(input, fieldType);
    const field: Record<string, unknown> = {
      type: fieldType && NUMBER_FIELD_TYPES.has(fieldType) ? fieldType : 'number',
    };
    const xPrecision = schema[X_KEYWORDS.precision];
    const precision = Number.isInteger(xPrecision)
      ? (xPrecision as number)
      : schema.type === 'integer'
        ? 0
        : precisionOfMultipleOf(schema.multipleOf);
    if (precision !== undefined && precision >= 0 && precision <= 10) field.precision = precision;
    else if (schema.multipleOf !== undefined) {
      this.warn(
        schemaPath,
        'ignoredKeyword',
        `property "${name}": multipleOf ${String(schema.multipleOf)} is not a precision`,
      );
    }
    for (const [keyword, target] of [
      ['minimum', 'min'],
      ['maximum', 'max'],
      ['exclusiveMinimum', 'min'],
      ['exclusiveMaximum', 'max'],
    ] as const) {
      if (typeof schema[keyword] !== 'number') continue;
      field[target] = schema[keyword];
      if (keyword.startsWith('exclusive')) {
        this.warn(
          schemaPath,
          'inclusiveLimit',
          `property "${name}": ${keyword} became an inclusive ${target}`,
        );
      }
    }
    if (typeof schema.default === 'number') field.defaultValue = schema.default;
    return field;
  }

  private arrayField(
    input: PropertyInput,
    key: string,
    fieldType: string | undefined,
  ): Record<string, unknown> | null {
    const { schema, scope } = input;
    const items = resolveRef(this.root, schema.items);
    const maxItems = Number.isInteger(schema.maxItems) ? (schema.maxItems as number) : undefined;
    if (fieldType === 'attachment') {
      const field: Record<string, unknown> = { type: 'attachment' };
      if (maxItems && maxItems <= 100) field.maxCount = maxItems;
      const properties = items && isSchemaObject(items.properties) ? items.properties : {};
      const maxBytes = isSchemaObject(properties.size) ? properties.size.maximum : undefined;
      if (typeof maxBytes === 'number' && maxBytes > 0 && maxBytes <= 2048 * MB)
        field.maxSizeMb = maxBytes / MB;
      return field;
    }
    if ((fieldType === 'member' || fieldType === 'department') && items && typeOf(items) === 'string') {
      return { type: fieldType, isMultiple: true };
    }
    const enumeration = items ? enumOptions(items) : null;
    if (enumeration) {
      const values = new Set(enumeration.options.map((option) => option.value));
      const defaults = Array.isArray(schema.default) && schema.default.every((value) => values.has(value));
      return {
        type: 'multiselect',
        options: enumeration.options.slice(0, 1000),
        ...(defaults ? { defaultValue: schema.default } : {}),
      };
    }
    if (items && typeOf(items) === 'object' && !scope.isTable) return this.table(input, key, items);
    return null;
  }

  private table(input: PropertyInput, key: string, items: JsonSchema): Record<string, unknown> | null {
    const { schema, schemaPath, dataPath, scope } = input;
    const columns = this.properties(items, {
      schemaPath: `${schemaPath}/items`,
      dataPath: `${dataPath}/*`,
      keyPrefix: '',
      targetPrefix: `${key}/*/`,
      isRequired: true,
      keys: new KeyScope(),
      isTable: true,
      depth: scope.depth + 1,
    }) as TableColumnDefinition[];
    if (columns.length === 0) return null;
    const table: Omit<TableField, 'key' | 'label'> = { type: 'table', columns };
    const minRows = schema.minItems;
    const maxRows = schema.maxItems;
    if (Number.isInteger(maxRows) && (maxRows as number) >= 1)
      table.maxRows = Math.min(maxRows as number, 10_000);
    if (
      Number.isInteger(minRows) &&
      (minRows as number) > 0 &&
      (minRows as number) <= (table.maxRows ?? 10_000)
    ) {
      table.minRows = minRows as number;
    }
    const totals = schema[X_KEYWORDS.totals];
    if (isSchemaObject(totals)) {
      const kept = Object.entries(totals).filter(([column, kind]) => {
        const type = columns.find((candidate) => candidate.key === column)?.type;
        return TOTAL_KINDS.has(String(kind)) && type && (kind === 'count' || NUMBER_FIELD_TYPES.has(type));
      });
      if (kept.length > 0) table.totals = Object.fromEntries(kept) as Record<string, TotalKind>;
    }
    return table;
  }

  private formula(input: PropertyInput, keyword: string): string | undefined {
    const value = input.schema[keyword];
    if (value === undefined) return undefined;
    if (typeof value === 'string' && value.trim() && value.length <= 4000) return value;
    this.warn(
      input.schemaPath,
      'ignoredKeyword',
      `property "${input.name}": ${keyword} must be formula text`,
    );
    return undefined;
  }

  private warnFieldType(input: PropertyInput, fieldType: string): void {
    const message = `property "${input.name}": ${X_KEYWORDS.fieldType} "${fieldType}" does not fit a ${typeOf(input.schema)}`;
    this.warn(input.schemaPath, 'unsupportedFieldType', message);
  }

  private warn(path: string, code: string, message: string): void {
    this.warnings.push({ path, code, message });
  }
}

function stringDefault(schema: JsonSchema): Record<string, unknown> {
  return typeof schema.default === 'string' && schema.default.length <= 10_000
    ? { defaultValue: schema.default }
    : {};
}

function describe(schema: JsonSchema): string {
  const type = typeOf(schema);
  if (type === 'array') return 'an array of unsupported items';
  if (type === 'object') return 'an object nested too deeply';
  return type ? `type ${type}` : 'no type';
}

function join(base: string, segment: string): string {
  return base ? `${base}/${segment}` : segment;
}
