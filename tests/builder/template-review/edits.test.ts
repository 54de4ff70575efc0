import { describe, expect, it } from 'vitest';
import {
  applyEdits,
  applyFieldEdit,
  fieldAt,
  withFieldEdit,
} from '../../../builder/template-review/index.ts';
import { compileForm } from '../../../runtime/core/index.ts';
import type { FieldDefinition, FormDefinition } from '../../../runtime/core/index.ts';
import { importFixture } from './fixtures.ts';

const definition = (): FormDefinition =>
  ({
    schemaVersion: 1,
    settings: { title: 'Order', indexedFields: [] },
    fields: [
      { key: 'customer', label: 'Customer', type: 'text', required: true },
      {
        key: 'pay',
        label: 'Payment',
        type: 'select',
        options: [
          { value: 'cash', label: 'Cash' },
          { value: 'bank', label: 'Bank' },
        ],
      },
      { key: 'note', label: 'Read me', type: 'description', content: 'Read me' },
      {
        key: 'items',
        label: 'Items',
        type: 'table',
        columns: [
          { key: 'qty', label: 'Qty', type: 'number', precision: 0 },
          { key: 'amount', label: 'Amount', type: 'money', formula: 'qty * 2' },
        ],
      },
    ],
  }) as FormDefinition;

describe('applyEdits', () => {
  it('renames a label, trimmed, without touching the imported definition', () => {
    const imported = definition();
    const before = structuredClone(imported);
    const edited = applyEdits(imported, { 'fields/0': { label: '  Client name ' } });
    expect(edited.fields[0].label).toBe('Client name');
    expect(imported).toEqual(before);
    expect(() => compileForm(edited)).not.toThrow();
  });

  it('reaches table columns and changes their type with the shape of the new type', () => {
    const edited = applyEdits(definition(), {
      'fields/3/columns/0': { type: 'money', label: 'Quantity' },
    });
    expect(fieldAt(edited, 'fields/3/columns/0')).toEqual({
      key: 'qty',
      label: 'Quantity',
      type: 'money',
      precision: 0,
    });
  });

  it('sets the title when given', () => {
    expect(applyEdits(definition(), {}, ' Sales order ').settings.title).toBe('Sales order');
    expect(applyEdits(definition(), {}).settings.title).toBe('Order');
  });

  it('ignores edits at paths that are not fields', () => {
    const imported = definition();
    expect(applyEdits(imported, { 'fields/99': { label: 'x' }, 'settings/0': { label: 'y' } })).toEqual(
      imported,
    );
  });

  it('starts from the imported field, so a select switched to text and back keeps its options', () => {
    const imported = definition();
    const pay = fieldAt(imported, 'fields/1')!;
    let edits = withFieldEdit({ edits: {}, path: 'fields/1', patch: { type: 'text' }, imported: pay });
    expect(applyEdits(imported, edits).fields[1]).toEqual({ key: 'pay', label: 'Payment', type: 'text' });
    edits = withFieldEdit({ edits, path: 'fields/1', patch: { type: 'select' }, imported: pay });
    expect(edits).toEqual({});
    expect(applyEdits(imported, edits).fields[1]).toEqual(pay);
  });
});

describe('applyFieldEdit', () => {
  const field = (f: Record<string, unknown>) => f as unknown as FieldDefinition;

  it('toggles required on inputs only', () => {
    expect(
      applyFieldEdit(field({ key: 'a', label: 'A', type: 'text', required: true }), { required: false }),
    ).toEqual({
      key: 'a',
      label: 'A',
      type: 'text',
    });
    const computed = field({ key: 'b', label: 'B', type: 'number', formula: 'a + 1' });
    expect(applyFieldEdit(computed, { required: true })).toEqual(computed);
    const section = field({ key: 's', label: 'S', type: 'section', fields: [] });
    expect(applyFieldEdit(section, { required: true })).toEqual(section);
  });

  it('renames a text block together with the text it shows', () => {
    const note = field({ key: 'note', label: 'Old', type: 'description', content: 'Old' });
    expect(applyFieldEdit(note, { label: 'New' })).toMatchObject({ label: 'New', content: 'New' });
  });
});

describe('withFieldEdit', () => {
  it('merges edits of one field and drops what matches the imported field', () => {
    const imported = definition().fields[0];
    let edits = withFieldEdit({ edits: {}, path: 'fields/0', patch: { label: 'Client' }, imported });
    edits = withFieldEdit({ edits, path: 'fields/0', patch: { required: false }, imported });
    expect(edits).toEqual({ 'fields/0': { label: 'Client', required: false } });
    edits = withFieldEdit({
      edits,
      path: 'fields/0',
      patch: { label: 'Customer', required: true },
      imported,
    });
    expect(edits).toEqual({});
  });
});

describe('on an imported template', () => {
  it('a renamed label and a changed type still compile', async () => {
    const { definition: imported } = await importFixture('sales-order-zh.xlsx');
    const phone = imported.fields.findIndex((f) => f.key === 'phone');
    const edited = applyEdits(imported, {
      [`fields/${phone}`]: { type: 'phone', label: '手机号码', required: true },
    });
    expect(edited.fields[phone]).toMatchObject({
      key: 'phone',
      type: 'phone',
      label: '手机号码',
      required: true,
    });
    expect(() => compileForm(edited)).not.toThrow();
  });
});
