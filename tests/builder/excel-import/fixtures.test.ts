/** What each template fixture under templates/excel/ exercises in the importer. */
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { walkFields } from '../../../runtime/core/index.ts';
import type { FieldDefinition } from '../../../runtime/core/index.ts';
import type { Imported } from './fixture-harness.ts';
import { importFixture } from './fixture-harness.ts';

const FILES = [
  'sales-order-zh.xlsx',
  'purchase-order-en.xlsx',
  'rma-en.xlsx',
  'customer-master-zh.xlsx',
  'price-list-zh.xlsx',
  'stock-out-zh.xls',
];
const fixtures = new Map<string, Imported>();

function fields(file: string): Map<string, FieldDefinition & Record<string, unknown>> {
  const map = new Map<string, FieldDefinition & Record<string, unknown>>();
  for (const { field, table } of walkFields(fixtures.get(file)!.definition)) {
    map.set(
      table ? `${table.key}.${field.key}` : field.key,
      field as FieldDefinition & Record<string, unknown>,
    );
  }
  return map;
}

beforeAll(async () => {
  for (const file of FILES) fixtures.set(file, await importFixture(file));
});

describe('template fixtures', () => {
  it('are built from flat-ODS sources kept beside them', () => {
    for (const file of FILES)
      expect(fs.existsSync(`templates/excel/${file.replace(/\.xlsx?$/, '.fods')}`), file).toBe(true);
  });

  it('销售订单: header block, required marks, red fill, comments, lists, line items, totals and tax', () => {
    const f = fields('sales-order-zh.xlsx');
    expect(fixtures.get('sales-order-zh.xlsx')!.definition.settings.title).toBe('销售订单');
    expect(f.get('orderNo')).toMatchObject({
      type: 'text',
      required: true,
      description: expect.stringContaining('SO-'),
    });
    expect(f.get('customerName')).toMatchObject({ required: true, description: '填写营业执照上的客户全称' });
    expect(f.get('orderDate')).toMatchObject({ type: 'date' });
    expect(f.get('paymentMethod')).toMatchObject({
      type: 'select',
      options: expect.arrayContaining([{ value: '月结30天', label: '月结30天' }]),
    });
    expect((f.get('warehouse')!.options as unknown[]).length).toBe(4);
    expect(f.get('productItems')).toMatchObject({
      type: 'table',
      label: '商品明细',
      totals: { qty: 'sum', amount: 'sum' },
    });
    expect(f.get('productItems.amount')).toMatchObject({
      type: 'money',
      currency: 'CNY',
      formula: 'ROUND(qty * price, 2)',
    });
    expect(f.get('productItems.lineNo')).toMatchObject({ formula: '(ROW() + 9) - 9' });
    expect(f.get('totalAmount')).toMatchObject({ formula: 'SUM(productItems.amount)' });
    expect(f.get('taxRate')).toMatchObject({ type: 'percent', defaultValue: 0.13 });
    expect(f.get('taxAmount')).toMatchObject({ formula: 'ROUND(totalAmount * taxRate, 2)' });
    expect(f.get('grandTotal')).toMatchObject({ formula: 'totalAmount + taxAmount' });
    expect(f.get('remarks')).toMatchObject({ type: 'textarea' });
    expect(fixtures.get('sales-order-zh.xlsx')!.report.warnings).toEqual([]);
  });

  it('purchase order: labels above merged inputs, a named range, an external link kept as text', () => {
    const fixture = fixtures.get('purchase-order-en.xlsx')!;
    const f = fields('purchase-order-en.xlsx');
    expect(f.get('vendor')).toMatchObject({ type: 'textarea' });
    expect(f.get('shipTo')).toMatchObject({ type: 'textarea' });
    expect(f.get('currency')).toMatchObject({ type: 'select' });
    expect(f.get('paymentTerms')!.options).toHaveLength(4);
    expect(f.get('lineItems.amount')).toMatchObject({
      currency: 'USD',
      formula: 'ROUND(qty * unitPrice * (1 - discount), 2)',
    });
    expect(f.get('lineItems.discount')).toMatchObject({ type: 'percent' });
    expect(f.get('salesTax')).toMatchObject({ formula: 'ROUND((subtotal + shipping) * taxRate, 2)' });
    expect(f.get('exchangeRate')!.formula).toBeUndefined();
    expect(fixture.report.warnings.map((w) => [w.cell, w.code])).toEqual([
      ["'Purchase Order'!F12", 'external-reference'],
    ]);
  });

  it('RMA: sections, email and mobile fields, a list column, IF on a select', () => {
    const f = fields('rma-en.xlsx');
    expect(fixtures.get('rma-en.xlsx')!.definition.fields[0]).toMatchObject({
      type: 'section',
      label: 'Customer',
    });
    expect(f.get('contactEmail')).toMatchObject({ type: 'email' });
    expect(f.get('mobile')).toMatchObject({ type: 'phone' });
    expect(f.get('returnReason')!.options).toHaveLength(5);
    expect(f.get('itemsToReturn.condition')).toMatchObject({
      type: 'select',
      options: [{ value: 'New / unopened' }, { value: 'Opened' }, { value: 'Damaged' }],
    });
    expect(f.get('restockingFee')!.formula).toBe(
      'IF(returnReason = "Damaged in transit", 0, ROUND(totalRefund * restockingRate, 2))',
    );
    expect(f.get('notes')).toMatchObject({
      type: 'textarea',
      description: 'Describe visible damage and the accessories returned',
    });
  });

  it('客户档案: a list sheet whose columns become fields typed from header words and samples', () => {
    const f = fields('customer-master-zh.xlsx');
    expect([...f.keys()]).toEqual([
      'customerNo',
      'customerName',
      'uscc',
      'contact',
      'mobile',
      'email',
      'region',
      'creditLimit',
      'creditUsed',
      'creditAvailable',
      'createdDate',
      'remarks',
    ]);
    expect([...f.values()].map((field) => field.type)).toEqual([
      'text',
      'text',
      'uscc',
      'text',
      'phone',
      'email',
      'select',
      'money',
      'money',
      'money',
      'date',
      'textarea',
    ]);
    expect(f.get('customerName')).toMatchObject({ required: true });
    expect(f.get('creditAvailable')).toMatchObject({ formula: 'creditLimit - creditUsed' });
  });

  it('阶梯价格表: VLOOKUP over a tier table on another sheet and nested IF', () => {
    const f = fields('price-list-zh.xlsx');
    expect(f.get('qtyDiscount')).toMatchObject({
      type: 'percent',
      formula: 'LOOKUP(orderQty, {0, 100, 500, 1000, 5000}, {0, 0.03, 0.05, 0.08, 0.12})',
    });
    expect(f.get('levelDiscount')!.formula).toBe(
      'IF(customerLevel = "金牌", 0.05, IF(customerLevel = "银牌", 0.02, 0))',
    );
    expect(f.get('customerLevel')).toMatchObject({
      type: 'select',
      options: [{ value: '普通' }, { value: '银牌' }, { value: '金牌' }],
    });
    expect(fixtures.get('price-list-zh.xlsx')!.definition.fields[0]).toMatchObject({ type: 'description' });
  });

  it('出库单 (.xls): legacy format, lists from DV records, a field_<n> key for words without a translation, and the reader note', () => {
    const fixture = fixtures.get('stock-out-zh.xls')!;
    const f = fields('stock-out-zh.xls');
    expect(f.get('warehouse')).toMatchObject({
      type: 'select',
      options: [{ value: '原料仓' }, { value: '成品仓' }, { value: '备件仓' }],
    });
    expect(f.get('items.unit')).toMatchObject({
      type: 'select',
      options: expect.arrayContaining([{ value: '千克', label: '千克' }]),
    });
    expect(f.get('items.unit')!.options).toHaveLength(5);
    expect(f.get('field_1')).toMatchObject({
      label: '领料部门',
      required: true,
      description: '按组织架构填写，如“生产二部”',
    });
    expect(f.get('items.amount')).toMatchObject({ formula: 'ROUND(qty * price, 2)' });
    expect(f.get('totalQty')).toMatchObject({ type: 'number', formula: 'SUM(items.qty)' });
    expect(fixture.report.warnings).toContainEqual(expect.objectContaining({ code: 'reader-note' }));
  });
});
