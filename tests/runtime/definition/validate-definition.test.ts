import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../../schemas/form-definition.ts';
import { FIELD_TYPES, TABLE_COLUMN_TYPES } from '../../../schemas/form-definition.ts';
import schema from '../../../schemas/form-definition.schema.json' with { type: 'json' };
import {
  FormDefinitionError,
  assertValidFormDefinition,
  validateFormDefinition,
} from '../../../runtime/core/definition/index.ts';
import { salesOrder } from './fixtures/sales-order.ts';

/** A sales order with one change applied. */
function edited(change: (def: any) => void): FormDefinition {
  const def = salesOrder();
  change(def);
  return def;
}

const ITEMS = 5; // index of the line-item table in the fixture

describe('validateFormDefinition', () => {
  it('accepts a realistic sales order (header, columns, section, line items with formulas and totals)', () => {
    expect(validateFormDefinition(salesOrder())).toEqual([]);
  });

  it('keeps the schema enums and the TypeScript type lists in step', () => {
    const defs = schema.$defs as any;
    expect(defs.field.properties.type.enum).toEqual([...FIELD_TYPES]);
    expect(defs.tableColumn.allOf[0].properties.type.enum).toEqual([...TABLE_COLUMN_TYPES]);
  });

  it('takes labels and titles as plain text, HTML included verbatim', () => {
    const def = edited((d) => {
      d.settings.title = '<script>alert(1)</script>';
      d.fields[1].label = '<img src=x onerror=alert(1)>';
    });
    expect(validateFormDefinition(def)).toEqual([]);
    expect(def.fields[1].label).toBe('<img src=x onerror=alert(1)>');
  });

  describe('keys', () => {
    it('rejects a duplicate key across sections and columns, naming the key and both paths', () => {
      const issues = validateFormDefinition(edited((d) => (d.fields[4].fields[0].key = 'orderDate')));
      expect(issues).toEqual([
        {
          path: 'fields/4/fields/0/key',
          code: 'duplicateKey',
          message: 'duplicate key "orderDate" at fields/3/columns/0/fields/0/key and fields/4/fields/0/key',
        },
      ]);
    });

    it('treats keys differing only in case as duplicates', () => {
      const issues = validateFormDefinition(edited((d) => (d.fields[2].key = 'Customer')));
      expect(issues).toMatchObject([{ path: 'fields/2/key', code: 'duplicateKey' }]);
      expect(issues[0].message).toContain('"Customer"');
    });

    it('checks uniqueness per table for columns, and lets a column share a form-level key', () => {
      const duplicate = validateFormDefinition(edited((d) => (d.fields[ITEMS].columns[2].key = 'qty')));
      expect(duplicate).toMatchObject([{ path: `fields/${ITEMS}/columns/2/key`, code: 'duplicateKey' }]);
      expect(duplicate[0].message).toContain(`fields/${ITEMS}/columns/1/key`);

      const shared = edited((d) => (d.fields[ITEMS].columns[0].key = 'customer'));
      expect(validateFormDefinition(shared)).toEqual([]);
    });

    it.each([
      ['__proto__', 'a JavaScript object member'],
      ['constructor', 'a JavaScript object member'],
      ['toString', 'a JavaScript object member'],
      ['SUM', 'a formula function name'],
      ['sum', 'a formula function name'],
      ['Today', 'a formula function name'],
      ['IF', 'a formula function name'],
    ])('rejects the reserved key %s', (key, why) => {
      const issues = validateFormDefinition(edited((d) => (d.fields[1].key = key)));
      expect(issues).toContainEqual({
        path: 'fields/1/key',
        code: 'reservedKey',
        message: `key "${key}" is reserved (${why})`,
      });
    });

    it('leaves financial function names such as price and rate free for business keys', () => {
      const def = edited((d) => d.fields.push({ key: 'rate', type: 'percent', label: 'Rate' }));
      expect(validateFormDefinition(def)).toEqual([]);
    });

    it.each(['1qty', 'my-key', 'qty ', '数量', ''])('rejects the key syntax %j', (key) => {
      const issues = validateFormDefinition(edited((d) => (d.fields[ITEMS].columns[1].key = key)));
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ path: `fields/${ITEMS}/columns/1/key`, code: 'invalidKey' });
      expect(issues[0].message).toContain(`"${key}"`);
    });
  });

  describe('patterns', () => {
    it.each(['(a+)+$', '(a|aa)+$', '^(\\w|\\d)+$', '(x+x+)+y'])(
      'rejects the ReDoS-prone pattern %s',
      (pattern) => {
        const issues = validateFormDefinition(edited((d) => (d.fields[ITEMS].columns[0].pattern = pattern)));
        expect(issues).toEqual([
          expect.objectContaining({ path: `fields/${ITEMS}/columns/0/pattern`, code: 'unsafePattern' }),
        ]);
        expect(issues[0].message).toMatch(/^sku: pattern may take exponential time/);
      },
    );

    it('still refuses a ReDoS-prone pattern in a published version, whose JSON Schema pass is skipped', () => {
      const def = edited((d) => {
        d.fields[ITEMS].columns[0].pattern = '(a+)+$';
        d.fields[1].unknownProperty = true;
      });
      expect(validateFormDefinition(def).map((i) => i.code)).toEqual(['schema.unknownProperty']);
      expect(validateFormDefinition(def, { isPublished: true })).toEqual([
        expect.objectContaining({ path: `fields/${ITEMS}/columns/0/pattern`, code: 'unsafePattern' }),
      ]);
    });

    it('rejects an invalid and an overlong pattern', () => {
      const invalid = validateFormDefinition(edited((d) => (d.fields[1].pattern = '([a-z')));
      expect(invalid).toMatchObject([{ path: 'fields/1/pattern', code: 'invalidPattern' }]);
      const long = validateFormDefinition(edited((d) => (d.fields[1].pattern = 'a'.repeat(501))));
      expect(long).toMatchObject([{ path: 'fields/1/pattern', code: 'patternTooLong' }]);
    });

    it('accepts ordinary patterns with bounded repetition and classes', () => {
      for (const pattern of ['^[A-Z]{2}\\d{6}$', '^(foo|bar)?-\\d+$', '^[\\w.+-]+$', '^\\p{Script=Han}+$']) {
        expect(validateFormDefinition(edited((d) => (d.fields[1].pattern = pattern)))).toEqual([]);
      }
    });
  });

  describe('structure', () => {
    it('names an unknown property', () => {
      const issues = validateFormDefinition(edited((d) => (d.fields[1].lable = 'Client')));
      expect(issues).toEqual([
        { path: 'fields/1/lable', code: 'schema.unknownProperty', message: 'unknown property "lable"' },
      ]);
    });

    it('names a missing property', () => {
      const issues = validateFormDefinition(edited((d) => delete d.fields[0].pattern));
      expect(issues).toEqual([
        { path: 'fields/0/pattern', code: 'schema.required', message: 'missing "pattern"' },
      ]);
    });

    it('rejects a table, section or serial inside a table', () => {
      for (const type of ['table', 'section', 'columns', 'serial']) {
        const issues = validateFormDefinition(edited((d) => (d.fields[ITEMS].columns[1].type = type)));
        expect(issues).toMatchObject([{ path: `fields/${ITEMS}/columns/1/type`, code: 'schema.enum' }]);
        expect(issues[0].message).toContain(`"${type}"`);
      }
    });

    it('rejects an unknown field type and a wrong schemaVersion', () => {
      expect(validateFormDefinition(edited((d) => (d.fields[1].type = 'slider')))).toMatchObject([
        { path: 'fields/1/type', code: 'schema.enum' },
      ]);
      expect(validateFormDefinition(edited((d) => (d.schemaVersion = 2)))).toMatchObject([
        { path: 'schemaVersion', code: 'schema.const' },
      ]);
    });

    it('rejects non-objects and malformed permission references', () => {
      expect(validateFormDefinition(null)).toMatchObject([{ path: '', code: 'schema.type' }]);
      expect(
        validateFormDefinition(edited((d) => (d.settings.permissions.submit = ['admin']))),
      ).toMatchObject([{ path: 'settings/permissions/submit/0', code: 'schema.pattern' }]);
    });

    it('rejects a document nested deeper than the limit before ajv recurses into it', () => {
      let fields: any[] = [{ key: 'leaf', type: 'text', label: 'Leaf' }];
      for (let i = 0; i < 5000; i++) fields = [{ key: `s${i}`, type: 'section', label: 'S', fields }];
      const issues = validateFormDefinition({
        schemaVersion: 1,
        settings: { title: 'Deep', indexedFields: [] },
        fields,
      });
      expect(issues).toMatchObject([{ path: '', code: 'tooDeep' }]);
    });
  });

  describe('semantic rules', () => {
    it('rejects repeated option values', () => {
      const issues = validateFormDefinition(
        edited((d) => (d.fields[3].columns[1].fields[0].options[2].value = 'draft')),
      );
      expect(issues).toEqual([
        {
          path: 'fields/3/columns/1/fields/0/options/2/value',
          code: 'duplicateOption',
          message: 'status: option value "draft" repeats option 0',
        },
      ]);
    });

    it('rejects minRows above maxRows, min above max and minLength above maxLength', () => {
      expect(validateFormDefinition(edited((d) => (d.fields[ITEMS].minRows = 300)))).toMatchObject([
        {
          path: `fields/${ITEMS}/minRows`,
          code: 'invalidRange',
          message: 'items: minRows (300) is greater than maxRows (200)',
        },
      ]);
      expect(validateFormDefinition(edited((d) => (d.fields[ITEMS].columns[3].min = 2)))).toMatchObject([
        { path: `fields/${ITEMS}/columns/3/min`, code: 'invalidRange' },
      ]);
      expect(validateFormDefinition(edited((d) => (d.fields[1].minLength = 200)))).toMatchObject([
        { path: 'fields/1/minLength', code: 'invalidRange' },
      ]);
    });

    it('requires indexed fields to be existing top-level scalar fields', () => {
      const issues = validateFormDefinition(
        edited((d) => (d.settings.indexedFields = ['nope', 'items', 'tags', 'deliveryAddress', 'qty'])),
      );
      expect(issues.map((issue) => [issue.path, issue.code])).toEqual([
        ['settings/indexedFields/0', 'invalidIndexedField'],
        ['settings/indexedFields/1', 'invalidIndexedField'],
        ['settings/indexedFields/2', 'invalidIndexedField'],
        ['settings/indexedFields/4', 'invalidIndexedField'],
      ]);
      expect(issues[1].message).toBe(
        'indexed field "items" is a table field; only single scalar values can be indexed',
      );
    });

    it('checks totals name numeric columns', () => {
      const issues = validateFormDefinition(
        edited((d) => (d.fields[ITEMS].totals = { sku: 'sum', nope: 'count', qty: 'avg' })),
      );
      expect(issues.map((issue) => issue.path)).toEqual([
        `fields/${ITEMS}/totals/sku`,
        `fields/${ITEMS}/totals/nope`,
      ]);
    });

    it('checks serial patterns, defaults and isUnique placement', () => {
      expect(validateFormDefinition(edited((d) => (d.fields[0].pattern = 'SO-{YYYYMMDD}')))).toMatchObject([
        { path: 'fields/0/pattern', code: 'invalidSerialPattern' },
      ]);
      expect(validateFormDefinition(edited((d) => (d.fields[0].pattern = 'SO-{HH}-{000}')))).toMatchObject([
        { path: 'fields/0/pattern', code: 'invalidSerialPattern' },
      ]);
      expect(
        validateFormDefinition(edited((d) => (d.fields[3].columns[1].fields[0].defaultValue = 'lost'))),
      ).toMatchObject([{ code: 'invalidDefault' }]);
      expect(validateFormDefinition(edited((d) => (d.fields[1].isUnique = true)))).toMatchObject([
        { path: 'fields/1/isUnique', code: 'uniqueOutsideTable' },
      ]);
    });
  });

  it('assertValidFormDefinition throws a FormDefinitionError carrying the issues', () => {
    const bad = edited((d) => (d.fields[1].key = 'SUM'));
    expect(() => assertValidFormDefinition(bad)).toThrow(FormDefinitionError);
    try {
      assertValidFormDefinition(bad);
    } catch (error) {
      expect((error as FormDefinitionError).issues[0]).toMatchObject({ code: 'reservedKey' });
      expect((error as Error).message).toContain('fields/1/key: key "SUM" is reserved');
    }
  });
});
