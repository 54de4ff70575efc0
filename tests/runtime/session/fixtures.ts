import type { FormDefinition } from '../../../schemas/form-definition.ts';
import { compileForm, createFormSession } from '../../../runtime/core/index.ts';
import type { CompiledForm, FormSession, FormSessionOptions } from '../../../runtime/core/index.ts';

/** An order with line items, a VIP-only discount, an urgent-only section and rules on a column. */
export function orderForm(): FormDefinition {
  return {
    schemaVersion: 1,
    settings: { title: 'Order', indexedFields: [] },
    fields: [
      { key: 'orderNo', type: 'serial', label: 'Order No.', pattern: 'SO-{YYYYMMDD}-{0000}' },
      { key: 'customer', type: 'text', label: 'Customer', required: true },
      { key: 'orderDate', type: 'date', label: 'Order date' },
      {
        key: 'customerType',
        type: 'select',
        label: 'Customer type',
        defaultValue: 'regular',
        options: [
          { value: 'regular', label: 'Regular' },
          { value: 'vip', label: 'VIP' },
        ],
      },
      {
        key: 'vipDiscount',
        type: 'percent',
        label: 'VIP discount',
        min: 0,
        max: 0.5,
        visibleIf: 'customerType = "vip"',
      },
      {
        key: 'items',
        type: 'table',
        label: 'Items',
        minRows: 1,
        columns: [
          { key: 'sku', type: 'text', label: 'SKU', required: true },
          {
            key: 'qty',
            type: 'number',
            label: 'Quantity',
            required: true,
            min: 1,
            precision: 0,
            defaultValue: 1,
          },
          { key: 'price', type: 'money', label: 'Price', required: true, min: 0 },
          { key: 'note', type: 'text', label: 'Note', visibleIf: 'qty > 10', requiredIf: 'qty > 100' },
          { key: 'amount', type: 'money', label: 'Amount', formula: 'qty * price' },
        ],
      },
      { key: 'subtotal', type: 'money', label: 'Subtotal', formula: 'SUM(items.amount)' },
      {
        key: 'total',
        type: 'money',
        label: 'Total',
        formula: 'subtotal * (1 - vipDiscount)',
        max: 1_000_000,
      },
      {
        key: 'perItem',
        type: 'number',
        label: 'Average price',
        precision: 2,
        formula: 'subtotal / SUM(items.qty)',
      },
      { key: 'isUrgent', type: 'boolean', label: 'Urgent', defaultValue: false },
      {
        key: 'reason',
        type: 'textarea',
        label: 'Reason',
        requiredIf: 'isUrgent',
        readOnlyIf: 'total > 10000',
      },
      {
        key: 'shipping',
        type: 'section',
        label: 'Shipping',
        visibleIf: 'isUrgent',
        fields: [{ key: 'carrier', type: 'text', label: 'Carrier' }],
      },
      { key: 'files', type: 'attachment', label: 'Files', maxCount: 3 },
    ],
  };
}

export const compiledOrder: CompiledForm = compileForm(orderForm());

/** A valid, complete order (the minimum to pass validation). */
export function validOrder(): Record<string, unknown> {
  return {
    customer: 'ACME',
    orderDate: '2024-11-26',
    items: [
      { sku: 'A-1', qty: 2, price: 10 },
      { sku: 'B-2', qty: 3, price: 1.5 },
    ],
  };
}

export function orderSession(
  values: Record<string, unknown> = validOrder(),
  options: Partial<FormSessionOptions> = {},
): FormSession {
  return createFormSession(compiledOrder, { locale: 'en', values, ...options });
}

/** Compares path lists regardless of order. */
export function sortedPaths(paths: readonly unknown[]): string[] {
  return paths.map((path) => (typeof path === 'string' ? path : (path as unknown[]).join('/'))).sort();
}
