import { describe, expect, it } from 'vitest';
import { walkFields, walkValueFields } from '../../../runtime/core/definition/index.ts';
import { salesOrder } from './fixtures/sales-order.ts';

describe('walkFields', () => {
  it('visits every field depth first with its document path, containers and table', () => {
    const visits = [...walkFields(salesOrder())].map(({ field, path, containers, table }) => [
      field.key,
      path,
      containers.map((container) => container.key).join('>'),
      table?.key ?? '',
    ]);
    expect(visits.slice(3, 13)).toEqual([
      ['header', 'fields/3', '', ''],
      ['orderDate', 'fields/3/columns/0/fields/0', 'header', ''],
      ['contactPhone', 'fields/3/columns/0/fields/1', 'header', ''],
      ['status', 'fields/3/columns/1/fields/0', 'header', ''],
      ['contactEmail', 'fields/3/columns/1/fields/1', 'header', ''],
      ['delivery', 'fields/4', '', ''],
      ['deliveryAddress', 'fields/4/fields/0', 'delivery', ''],
      ['deliveryDate', 'fields/4/fields/1', 'delivery', ''],
      ['salesRep', 'fields/4/fields/2', 'delivery', ''],
      ['salesDept', 'fields/4/fields/3', 'delivery', ''],
    ]);
    expect(visits.find(([key]) => key === 'qty')).toEqual(['qty', 'fields/5/columns/1', '', 'items']);
  });

  it('walkValueFields yields the flat data scope: no layout fields, no table columns', () => {
    const keys = [...walkValueFields(salesOrder())].map((visit) => visit.field.key);
    expect(keys).toEqual([
      'orderNo',
      'customer',
      'customerCode',
      'orderDate',
      'contactPhone',
      'status',
      'contactEmail',
      'deliveryAddress',
      'deliveryDate',
      'salesRep',
      'salesDept',
      'items',
      'total',
      'files',
      'remarks',
      'isUrgent',
      'tags',
    ]);
  });
});
