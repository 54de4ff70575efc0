import { describe, expect, it } from 'vitest';
import { buildFieldTree, flattenRows, rowAtPath } from '../../../builder/template-review/index.ts';
import type { FieldRow } from '../../../builder/template-review/index.ts';
import type { FormDefinition } from '../../../runtime/core/index.ts';
import { importFixture } from './fixtures.ts';

const byName = (rows: FieldRow[], name: string): FieldRow => {
  const row = flattenRows(rows).find((r) => r.name === name);
  if (!row) throw new Error(`no row ${name}`);
  return row;
};

describe('buildFieldTree', () => {
  it('nests the line-item columns under their table, each with its source cell and formula', async () => {
    const { definition, report } = await importFixture('sales-order-zh.xlsx');
    const rows = buildFieldTree({ definition, edits: {}, report });
    expect(rows.map((r) => r.name)).toEqual(definition.fields.map((f) => f.key));
    const table = byName(rows, 'productItems');
    expect(table).toMatchObject({ kind: 'table', sourceCell: '销售订单!A9:H17', typeChoices: [] });
    expect(table.children?.map((c) => c.name)).toEqual([
      'productItems.lineNo',
      'productItems.productCode',
      'productItems.productName',
      'productItems.spec',
      'productItems.unit',
      'productItems.qty',
      'productItems.price',
      'productItems.amount',
    ]);
    expect(byName(rows, 'productItems.amount')).toMatchObject({
      id: `${table.id}/columns/7`,
      kind: 'column',
      type: 'money',
      sourceCell: '销售订单!H10',
      because: 'number format',
      formula: 'ROUND(qty * price, 2)',
      canRequire: false,
    });
    expect(byName(rows, 'totalAmount')).toMatchObject({ kind: 'total', sourceCell: '销售订单!H18' });
    expect(byName(rows, 'customerName')).toMatchObject({
      kind: 'field',
      label: '客户名称',
      isRequired: true,
      canRequire: true,
      sourceCell: '销售订单!B4',
      formula: null,
      warnings: [],
    });
  });

  it('shows the edits: label as typed, new type, required', async () => {
    const { definition, report } = await importFixture('sales-order-zh.xlsx');
    const id = `fields/${definition.fields.findIndex((f) => f.key === 'phone')}`;
    const rows = buildFieldTree({
      definition,
      edits: { [id]: { label: '手机 ', type: 'phone', required: true } },
      report,
    });
    expect(byName(rows, 'phone')).toMatchObject({ label: '手机 ', type: 'phone', isRequired: true });
    expect(byName(rows, 'phone').typeChoices[0]).toBe('text'); // choices follow the imported field
  });

  it('puts a formula kept as text next to its field, with the warning naming the cell', async () => {
    const { definition, report } = await importFixture('purchase-order-en.xlsx');
    const rows = buildFieldTree({ definition, edits: {}, report });
    const rate = byName(rows, 'exchangeRate');
    expect(rate.formula).toBeNull();
    expect(rate.warnings).toEqual([
      {
        cell: "'Purchase Order'!F12",
        code: 'external-reference',
        message: '=[1]Daily!$B$2 was kept as text: [1]Daily!$B$2 refers to another workbook (rates.xlsx)',
      },
    ]);
    expect(flattenRows(rows).filter((r) => r.warnings.length > 0)).toHaveLength(1);
  });

  it('gives a warning about a later line-item row to its column, and sections their fields', () => {
    const definition = {
      schemaVersion: 1,
      settings: { title: 'T', indexedFields: [] },
      fields: [
        {
          key: 'head',
          label: 'Head',
          type: 'section',
          fields: [{ key: 'a', label: 'A', type: 'text' }],
        },
        {
          key: 'items',
          label: 'Items',
          type: 'table',
          columns: [
            { key: 'x', label: 'X', type: 'number' },
            { key: 'y', label: 'Y', type: 'number' },
          ],
        },
      ],
    } as FormDefinition;
    const report = {
      elements: [
        { kind: 'section' as const, sourceCell: "'My sheet'!A1", key: 'head', label: 'Head' },
        { kind: 'field' as const, sourceCell: "'My sheet'!B2", key: 'a', label: 'A' },
        { kind: 'table' as const, sourceCell: "'My sheet'!A4:B9", key: 'items', label: 'Items' },
        { kind: 'column' as const, sourceCell: "'My sheet'!A5", key: 'items.x', label: 'X' },
        { kind: 'column' as const, sourceCell: "'My sheet'!B5", key: 'items.y', label: 'Y' },
      ],
      warnings: [
        { cell: "'My sheet'!B7", code: 'formula-not-translated' as const, message: 'row 7 differs' },
        { cell: "'My sheet'!C7", code: 'label-without-input' as const, message: 'outside the table' },
        { cell: "'My sheet'!B2", code: 'validation-ignored' as const, message: 'on a' },
        { cell: 'My sheet', code: 'sheet-too-long' as const, message: 'sheet-wide' },
      ],
    };
    const rows = buildFieldTree({ definition, edits: {}, report });
    expect(rows[0]).toMatchObject({ kind: 'section', typeChoices: [], canRequire: false });
    expect(byName(rows, 'a').warnings.map((w) => w.message)).toEqual(['on a']);
    expect(byName(rows, 'items.y').warnings.map((w) => w.message)).toEqual(['row 7 differs']);
    expect(byName(rows, 'items').warnings).toEqual([]);
    expect(flattenRows(rows).flatMap((r) => r.warnings)).toHaveLength(2);
  });
});

describe('rowAtPath', () => {
  it('finds the row a definition problem points into', async () => {
    const { definition, report } = await importFixture('sales-order-zh.xlsx');
    const rows = buildFieldTree({ definition, edits: {}, report });
    const table = byName(rows, 'productItems');
    expect(rowAtPath(rows, `${table.id}/columns/5/label`)?.name).toBe('productItems.qty');
    expect(rowAtPath(rows, `${table.id}/totals/qty`)?.name).toBe('productItems');
    expect(rowAtPath(rows, 'settings/title')).toBeUndefined();
  });
});
