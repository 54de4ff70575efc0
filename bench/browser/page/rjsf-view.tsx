/**
 * The baseline: a plain react-jsonschema-form 6 + antd form a user of rjsf would write — the
 * order with N line items, amounts and the grand total recomputed in onChange.
 */
import Form from '@rjsf/antd';
import type { IChangeEvent } from '@rjsf/core';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { useEffect, useState } from 'react';
import { benchRows } from './data.ts';
import type { BenchRow } from './data.ts';

const schema: RJSFSchema = {
  type: 'object',
  properties: {
    customer: { type: 'string', title: 'Customer' },
    items: {
      type: 'array',
      title: 'Items',
      items: {
        type: 'object',
        properties: {
          sku: { type: 'string', title: 'SKU' },
          productName: { type: 'string', title: 'Product' },
          qty: { type: 'number', title: 'Qty' },
          price: { type: 'number', title: 'Price' },
          discount: { type: 'number', title: 'Discount' },
          amount: { type: 'number', title: 'Amount' },
        },
      },
    },
    subtotal: { type: 'number', title: 'Subtotal' },
    tax: { type: 'number', title: 'Tax' },
    total: { type: 'number', title: 'Total' },
  },
};

const uiSchema: UiSchema = {
  items: { items: { amount: { 'ui:readonly': true } } },
  subtotal: { 'ui:readonly': true },
  tax: { 'ui:readonly': true },
  total: { 'ui:readonly': true },
};

interface Order {
  customer?: string;
  items?: (Partial<BenchRow> & { amount?: number })[];
  subtotal?: number;
  tax?: number;
  total?: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function recompute(order: Order): Order {
  const items = (order.items ?? []).map((row) => ({
    ...row,
    amount: round2((row.qty ?? 0) * (row.price ?? 0) * (1 - (row.discount ?? 0))),
  }));
  const subtotal = round2(items.reduce((sum, row) => sum + row.amount, 0));
  const tax = round2(subtotal * 0.13);
  return { ...order, items, subtotal, tax, total: round2(subtotal + tax) };
}

export function BenchView({ rows, onReady }: { rows: number; onReady: () => void }) {
  const [formData, setFormData] = useState<Order>(() =>
    recompute({ customer: 'Bench Co', items: benchRows(rows) }),
  );
  useEffect(() => {
    const total = document.getElementById('root_total') as HTMLInputElement | null;
    if (!total?.value) throw new Error('grand total not rendered');
    onReady();
  }, [onReady]);
  return (
    <div style={{ maxWidth: 1200, margin: '0 auto', padding: 16 }}>
      <Form
        schema={schema}
        uiSchema={uiSchema}
        formData={formData}
        validator={validator}
        onChange={(event: IChangeEvent<Order>) => setFormData(recompute(event.formData ?? {}))}
      />
    </div>
  );
}
