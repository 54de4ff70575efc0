import { describe, expect, it } from 'vitest';
import {
  compileForm,
  formDefinitionFromJsonSchema,
  validateFormDefinition,
} from '../../../runtime/core/index.ts';
import { salesOrder } from '../definition/fixtures/sales-order.ts';

const customerSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'Customer order',
  description: 'Legacy order schema',
  type: 'object',
  required: ['customer', 'lines', 'address'],
  properties: {
    customer: { type: 'string', title: 'Customer', maxLength: 80 },
    channel: {
      type: 'string',
      title: 'Channel',
      enum: ['web', 'shop'],
      enumNames: ['Web shop', 'Retail store'],
    },
    priority: {
      title: 'Priority',
      oneOf: [
        { const: 'low', title: 'Low' },
        { const: 'high', title: 'High' },
      ],
    },
    labels: { type: 'array', items: { type: 'string', enum: ['a', 'b'] }, uniqueItems: true },
    orderedAt: { type: 'string', format: 'date-time' },
    contact: { type: 'string', format: 'email' },
    isGift: { type: 'boolean', default: false },
    rate: { type: 'number', multipleOf: 0.01, minimum: 0 },
    address: {
      type: 'object',
      title: 'Address',
      required: ['city'],
      properties: {
        city: { type: 'string', title: 'City' },
        geo: { type: 'object', properties: { lat: { type: 'number' } } },
      },
    },
    billing: { type: 'object', required: ['zip'], properties: { zip: { type: 'string' } } },
    lines: {
      type: 'array',
      title: 'Lines',
      minItems: 1,
      maxItems: 50,
      items: { $ref: '#/$defs/line' },
    },
    total: { type: 'number', 'x-formula': 'SUM(lines.amount)', 'x-precision': 2, readOnly: true },
    note: { type: 'string', 'x-visible-if': 'isGift', 'x-required-if': 'isGift' },
  },
  $defs: {
    line: {
      type: 'object',
      required: ['sku', 'qty'],
      properties: {
        sku: { type: 'string' },
        qty: { type: 'integer', minimum: 1 },
        price: { type: 'number', 'x-precision': 2 },
        amount: { type: 'number', 'x-formula': 'qty * price' },
        size: { type: 'object', properties: { w: { type: 'number' }, h: { type: 'number' } } },
      },
    },
  },
};

describe('formDefinitionFromJsonSchema', () => {
  const { definition, warnings, keyMap } = formDefinitionFromJsonSchema({
    title: 'Orders',
    jsonSchema: customerSchema,
  });
  const byKey = (key: string): any => definition.fields.find((field) => field.key === key);

  it('produces a valid definition titled from the argument, described from the schema', () => {
    expect(validateFormDefinition(definition)).toEqual([]);
    expect(definition.settings).toEqual({
      title: 'Orders',
      description: 'Legacy order schema',
      indexedFields: [],
    });
    expect(warnings).toEqual([]);
  });

  it('maps scalar types, formats and labels', () => {
    expect(byKey('customer')).toEqual({
      key: 'customer',
      label: 'Customer',
      required: true,
      type: 'text',
      maxLength: 80,
    });
    expect(byKey('orderedAt')).toMatchObject({ type: 'datetime', label: 'orderedAt' });
    expect(byKey('contact')).toMatchObject({ type: 'email' });
    expect(byKey('isGift')).toMatchObject({ type: 'boolean', defaultValue: false });
    expect(byKey('rate')).toMatchObject({ type: 'number', precision: 2, min: 0 });
  });

  it('turns enums into selects with their labels (enumNames or oneOf const/title) and arrays of enums into multiselects', () => {
    expect(byKey('channel')).toMatchObject({
      type: 'select',
      options: [
        { value: 'web', label: 'Web shop' },
        { value: 'shop', label: 'Retail store' },
      ],
    });
    expect(byKey('priority').options).toEqual([
      { value: 'low', label: 'Low' },
      { value: 'high', label: 'High' },
    ]);
    expect(byKey('labels')).toMatchObject({ type: 'multiselect', options: [{ value: 'a' }, { value: 'b' }] });
  });

  it('turns a nested object into a section whose children get flat, prefixed keys', () => {
    expect(byKey('address')).toEqual({
      key: 'address',
      type: 'section',
      label: 'Address',
      fields: [
        { key: 'address_city', label: 'City', required: true, type: 'text' },
        {
          key: 'address_geo',
          type: 'section',
          label: 'geo',
          fields: [{ key: 'address_geo_lat', label: 'lat', type: 'number' }],
        },
      ],
    });
    expect(keyMap['address/city']).toBe('address_city');
    expect(keyMap['address/geo/lat']).toBe('address_geo_lat');
  });

  it('does not require a required child of an optional object', () => {
    expect(byKey('billing').fields[0]).toEqual({ key: 'billing_zip', label: 'zip', type: 'text' });
  });

  it('turns an array of objects into a table, following a local $ref and flattening nested row objects', () => {
    const lines = byKey('lines');
    expect(lines).toMatchObject({ type: 'table', label: 'Lines', required: true, minRows: 1, maxRows: 50 });
    expect(lines.columns.map((column: any) => [column.key, column.type, column.required ?? false])).toEqual([
      ['sku', 'text', true],
      ['qty', 'number', true],
      ['price', 'number', false],
      ['amount', 'number', false],
      ['size_w', 'number', false],
      ['size_h', 'number', false],
    ]);
    expect(lines.columns[1]).toMatchObject({ precision: 0, min: 1 });
    expect(keyMap['lines/*/size/w']).toBe('lines/*/size_w');
  });

  it('carries x-formula, x-precision, x-visible-if and x-required-if over', () => {
    expect(byKey('total')).toEqual({
      key: 'total',
      label: 'total',
      type: 'number',
      precision: 2,
      formula: 'SUM(lines.amount)',
    });
    expect(byKey('lines').columns[2]).toMatchObject({ precision: 2 });
    expect(byKey('lines').columns[3]).toMatchObject({ formula: 'qty * price' });
    expect(byKey('note')).toMatchObject({ visibleIf: 'isGift', requiredIf: 'isGift' });
  });

  it('imports unsupported constructs as text fields with a warning naming the property', () => {
    const result = formDefinitionFromJsonSchema({
      jsonSchema: {
        type: 'object',
        properties: {
          tags: { type: 'array', items: { type: 'string' } },
          any: {},
          either: { anyOf: [{ type: 'string' }, { type: 'number' }] },
          remote: { $ref: 'https://example.com/schema.json' },
          link: { type: 'string', format: 'uri' },
          code: { type: 'string', pattern: '(a+)+$' },
        },
      },
    });
    expect(result.definition.settings.title).toBe('Imported form');
    expect(result.definition.fields.map((field) => [field.key, field.type])).toEqual([
      ['tags', 'text'],
      ['any', 'text'],
      ['either', 'text'],
      ['remote', 'text'],
      ['link', 'text'],
      ['codeField', 'text'],
    ]);
    expect((result.definition.fields[5] as any).pattern).toBeUndefined();
    expect(result.warnings.map((warning) => [warning.path, warning.code])).toEqual([
      ['properties/tags', 'unsupported'],
      ['properties/any', 'unsupported'],
      ['properties/either', 'unsupported'],
      ['properties/remote', 'unresolvedRef'],
      ['properties/remote', 'unsupported'],
      ['properties/link', 'ignoredFormat'],
      ['properties/code', 'renamedKey'],
      ['properties/code', 'unsafePattern'],
    ]);
    expect(result.warnings[0].message).toContain('"tags"');
    expect(validateFormDefinition(result.definition)).toEqual([]);
  });

  it('renames keys that are invalid, reserved or clash, and says so', () => {
    const result = formDefinitionFromJsonSchema({
      jsonSchema: {
        type: 'object',
        properties: {
          'first name': { type: 'string' },
          SUM: { type: 'number' },
          '2nd': { type: 'string' },
          first_name: { type: 'string' },
        },
      },
    });
    expect(result.definition.fields.map((field) => field.key)).toEqual([
      'first_name',
      'SUMField',
      '_2nd',
      'first_name_2',
    ]);
    expect(result.warnings.every((warning) => warning.code === 'renamedKey')).toBe(true);
    expect(validateFormDefinition(result.definition)).toEqual([]);
  });

  it('survives a recursive $ref without looping', () => {
    const result = formDefinitionFromJsonSchema({
      jsonSchema: {
        $ref: '#/$defs/node',
        $defs: { node: { type: 'object', properties: { child: { $ref: '#/$defs/node' } } } },
      },
    });
    expect(validateFormDefinition(result.definition)).toEqual([]);
    expect(result.warnings.some((warning) => warning.code === 'unsupported')).toBe(true);
  });

  it('round-trips a compiled form: types, labels, rules and formulas come back', () => {
    const compiled = compileForm(salesOrder());
    const { definition: back, warnings: roundTripWarnings } = formDefinitionFromJsonSchema({
      title: 'Again',
      jsonSchema: compiled.jsonSchema,
    });
    expect(validateFormDefinition(back)).toEqual([]);
    // serial numbers need their pattern, which lives in the uiSchema: they come back as text
    expect(roundTripWarnings.map((warning) => [warning.path, warning.code])).toEqual([
      ['properties/orderNo', 'unsupportedFieldType'],
    ]);
    const recompiled = compileForm(back);
    const { orderNo: _serial, ...before } = (compiled.jsonSchema as any).properties;
    const { orderNo: _text, ...after } = (recompiled.jsonSchema as any).properties;
    expect(after).toEqual(before);
    expect(recompiled.formulaModel.rules).toEqual(compiled.formulaModel.rules);
    expect(recompiled.formulaModel.tables).toEqual(compiled.formulaModel.tables);
    expect((recompiled.uiSchema as any).status['ui:enumNames']).toEqual(['Draft', 'Confirmed', 'Shipped']);
  });
});
