import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../../schemas/form-definition.ts';
import { compileForm, createRecordValidator } from '../../../runtime/core/index.ts';
import { createAjv } from '../../../runtime/core/validate/ajv.ts';

const form: FormDefinition = {
  schemaVersion: 1,
  settings: { title: 'Agreement', indexedFields: [] },
  fields: [
    { key: 'name', type: 'text', label: 'Name', required: true, maxLength: 5, pattern: '^[a-z]+$' },
    { key: 'amount', type: 'number', label: 'Amount', min: 0, max: 10 },
    {
      key: 'kind',
      type: 'select',
      label: 'Kind',
      options: [
        { value: 'a', label: 'A' },
        { value: 'b', label: 'B' },
      ],
    },
    { key: 'isOk', type: 'boolean', label: 'OK' },
    { key: 'dueOn', type: 'date', label: 'Due on' },
    {
      key: 'lines',
      type: 'table',
      label: 'Lines',
      maxRows: 3,
      columns: [
        { key: 'qty', type: 'number', label: 'Qty', required: true, min: 1 },
        { key: 'note', type: 'text', label: 'Note', maxLength: 3 },
      ],
    },
  ],
};

const anyValue = fc.oneof(
  fc.integer({ min: -5, max: 15 }),
  fc.constantFrom('a', 'b', 'abc', 'toolong', 'A1', '2024-02-29', '2023-02-29'),
  fc.boolean(),
);
const row = fc.record({ qty: anyValue, note: anyValue, extra: anyValue }, { requiredKeys: [] });
const record = fc.record(
  {
    name: anyValue,
    amount: anyValue,
    kind: anyValue,
    isOk: anyValue,
    dueOn: anyValue,
    lines: fc.oneof(fc.array(row, { maxLength: 4 }), anyValue),
    stray: anyValue,
  },
  { requiredKeys: [] },
);

describe('record validator and compiled JSON Schema', () => {
  it('agree on validity for non-empty values', () => {
    const compiled = compileForm(form);
    const full = createAjv().compile(compiled.jsonSchema);
    const ours = createRecordValidator(compiled, { locale: 'en' });
    fc.assert(
      fc.property(record, (data) => {
        expect(ours.validate(data).length === 0).toBe(full(data));
      }),
      { numRuns: 2000 },
    );
  });
});
