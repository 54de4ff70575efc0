import { describe, expect, it } from 'vitest';
import { compileForm } from '../../runtime/core/index.ts';
import type { FormDefinition } from '../../runtime/core/index.ts';
import salesOrder from '../../templates/demo/sales-order.json';
import { buildFilter, defaultColumns } from '../../web/apps/recordColumns.ts';

const compiled = compileForm(structuredClone(salesOrder) as unknown as FormDefinition);

describe('record list columns and filters', () => {
  it('shows serial numbers and indexed fields by default', () => {
    expect(defaultColumns(compiled, ['customer', 'orderDate', 'total'])).toEqual([
      'orderNo',
      'customer',
      'orderDate',
      'total',
      'status',
      'createdAt',
    ]);
  });

  it('turns filter inputs into the server filter: contains for text, ranges for numbers and dates', () => {
    expect(
      buildFilter(compiled, {
        customer: ' ACME ',
        total: [100, null],
        orderDate: ['2026-01-01', '2026-12-31'],
        status: 'submitted',
        paymentTerms: undefined,
      }),
    ).toEqual({
      customer: { contains: 'ACME' },
      total: { gte: 100 },
      orderDate: { gte: '2026-01-01', lte: '2026-12-31' },
      status: 'submitted',
    });
  });
});
