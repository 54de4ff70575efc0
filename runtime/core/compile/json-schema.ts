import type { FormDefinition, SelectOption, ValueFieldDefinition } from '../../../schemas/form-definition.ts';
import { MAINLAND_MOBILE_PATTERN } from '../definition/phone.ts';
import { USCC_PATTERN } from '../definition/uscc.ts';
import type { FieldVisit } from '../definition/walk.ts';
import { walkValueFields } from '../definition/walk.ts';
import type { JsonSchema } from './types.ts';

/** Caps applied when the designer sets none, so no value is unbounded on the server. */
export const DEFAULT_TEXT_MAX_LENGTH = 500;
export const DEFAULT_TEXTAREA_MAX_LENGTH = 10_000;
export const DEFAULT_MAX_ROWS = 1000;
export const DEFAULT_ATTACHMENT_MAX_COUNT = 9;
export const MAX_MULTIPLE_IDS = 500;
const ID_MAX_LENGTH = 128;

/** Annotations carried on properties; `formDefinitionFromJsonSchema` reads them back. */
export const X_KEYWORDS = {
  fieldType: 'x-field-type',
  formula: 'x-formula',
  visibleIf: 'x-visible-if',
  requiredIf: 'x-required-if',
  readOnlyIf: 'x-read-only-if',
  precision: 'x-precision',
  totals: 'x-totals',
  enumNames: 'x-enumNames',
} as const;

/**
 * The record data contract: a draft 2020-12 object schema with one property per value
 * field (layout fields contribute their children), `additionalProperties: false`.
 * `required` lists fields that are always required: `required: true`, not computed and
 * not under a visibility rule (rule-driven requirements are checked by the validator).
 */
export function formJsonSchema(def: FormDefinition): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const visit of walkValueFields(def)) {
    properties[visit.field.key] = valueSchema(visit.field);
    if (isAlwaysRequired(visit)) required.push(visit.field.key);
  }
  const schema: JsonSchema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: def.settings.title,
  };
  if (def.settings.description) schema.description = def.settings.description;
  return { ...schema, type: 'object', properties, required, additionalProperties: false };
}

export function valueSchema(field: ValueFieldDefinition): JsonSchema {
  const schema: JsonSchema = { ...typeSchema(field), title: field.label };
  if (field.description) schema.description = field.description;
  if ('defaultValue' in field && field.defaultValue !== undefined) schema.default = field.defaultValue;
  if (field.readOnly || field.formula) schema.readOnly = true;
  schema[X_KEYWORDS.fieldType] = field.type;
  const annotations: [string, unknown][] = [
    [X_KEYWORDS.formula, field.formula],
    [X_KEYWORDS.visibleIf, field.visibleIf],
    [X_KEYWORDS.requiredIf, field.requiredIf],
    [X_KEYWORDS.readOnlyIf, field.readOnlyIf],
    [X_KEYWORDS.precision, 'precision' in field ? field.precision : undefined],
    [X_KEYWORDS.totals, field.type === 'table' ? field.totals : undefined],
  ];
  for (const [keyword, value] of annotations) if (value !== undefined) schema[keyword] = value;
  return schema;
}

function isAlwaysRequired({ field, containers }: FieldVisit<ValueFieldDefinition>): boolean {
  if (field.visibleIf || containers.some((container) => container.visibleIf)) return false;
  if (field.type === 'table') return Boolean(field.required) || (field.minRows ?? 0) > 0;
  return Boolean(field.required) && !field.formula;
}

function typeSchema(field: ValueFieldDefinition): JsonSchema {
  switch (field.type) {
    case 'text':
      return withDefined({
        type: 'string',
        minLength: field.minLength,
        maxLength: field.maxLength ?? DEFAULT_TEXT_MAX_LENGTH,
        pattern: field.pattern,
      });
    case 'textarea':
      return withDefined({
        type: 'string',
        minLength: field.minLength,
        maxLength: field.maxLength ?? DEFAULT_TEXTAREA_MAX_LENGTH,
      });
    case 'phone':
      return { type: 'string', pattern: MAINLAND_MOBILE_PATTERN };
    case 'email':
      return { type: 'string', format: 'email', maxLength: 254 };
    case 'uscc':
      return { type: 'string', pattern: USCC_PATTERN };
    case 'serial':
      return { type: 'string', maxLength: 100 };
    case 'signature':
      return idSchema();
    case 'number':
    case 'money':
    case 'percent':
      return withDefined({ type: 'number', minimum: field.min, maximum: field.max });
    case 'date':
      return { type: 'string', format: 'date' };
    case 'datetime':
      return { type: 'string', format: 'date-time' };
    case 'select':
      return enumSchema(field.options);
    case 'multiselect':
      return {
        type: 'array',
        items: enumSchema(field.options),
        uniqueItems: true,
        maxItems: field.options.length,
      };
    case 'boolean':
      return { type: 'boolean' };
    case 'member':
    case 'department':
      return field.isMultiple
        ? { type: 'array', items: idSchema(), uniqueItems: true, maxItems: MAX_MULTIPLE_IDS }
        : idSchema();
    case 'attachment':
      return {
        type: 'array',
        maxItems: field.maxCount ?? DEFAULT_ATTACHMENT_MAX_COUNT,
        items: {
          type: 'object',
          required: ['id', 'name', 'size', 'type'],
          properties: {
            id: idSchema(),
            name: { type: 'string', minLength: 1, maxLength: 255 },
            size: withDefined({
              type: 'integer',
              minimum: 0,
              maximum: field.maxSizeMb === undefined ? undefined : Math.floor(field.maxSizeMb * 1024 * 1024),
            }),
            type: { type: 'string', maxLength: 255 },
          },
          additionalProperties: false,
        },
      };
    case 'table':
      return withDefined({
        type: 'array',
        minItems: field.minRows || undefined,
        maxItems: field.maxRows ?? DEFAULT_MAX_ROWS,
        items: {
          type: 'object',
          properties: Object.fromEntries(field.columns.map((column) => [column.key, valueSchema(column)])),
          required: field.columns
            .filter((column) => column.required && !column.formula && !column.visibleIf)
            .map((column) => column.key),
          additionalProperties: false,
        },
      });
  }
}

/** Labels ride along as `x-enumNames` (rjsf reads them from `ui:enumNames`; the import reads them back). */
function enumSchema(options: SelectOption[]): JsonSchema {
  return {
    type: 'string',
    enum: options.map((option) => option.value),
    [X_KEYWORDS.enumNames]: options.map((option) => option.label),
  };
}

function idSchema(): JsonSchema {
  return { type: 'string', minLength: 1, maxLength: ID_MAX_LENGTH };
}

function withDefined(schema: JsonSchema): JsonSchema {
  return Object.fromEntries(Object.entries(schema).filter(([, value]) => value !== undefined));
}
