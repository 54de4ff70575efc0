import type { FormDefinition } from '../../../schemas/form-definition.ts';

/** An order form with line items, options, dates, a USCC and a phone. */
export function orderForm(): FormDefinition {
  return {
    schemaVersion: 1,
    settings: { title: 'Orders', indexedFields: ['orderNo'] },
    fields: [
      { key: 'orderNo', type: 'text', label: '订单号', required: true, maxLength: 20 },
      { key: 'customer', type: 'text', label: '客户', required: true },
      { key: 'orderDate', type: 'date', label: '下单日期' },
      {
        key: 'gender',
        type: 'select',
        label: '性别',
        options: [
          { value: 'm', label: '男' },
          { value: 'f', label: '女' },
        ],
      },
      { key: 'vip', type: 'boolean', label: 'VIP' },
      { key: 'uscc', type: 'uscc', label: '统一社会信用代码' },
      { key: 'phone', type: 'phone', label: '手机' },
      { key: 'total', type: 'money', label: '合计', formula: 'SUM(items.amount)' },
      {
        key: 'items',
        type: 'table',
        label: '明细',
        columns: [
          { key: 'sku', type: 'text', label: 'SKU', required: true },
          { key: 'qty', type: 'number', label: '数量', min: 1 },
          { key: 'price', type: 'money', label: '单价' },
          { key: 'amount', type: 'money', label: '金额', formula: 'qty * price' },
        ],
      },
    ],
  } as FormDefinition;
}

/** A flat form: one record per row. */
export function customerForm(): FormDefinition {
  return {
    schemaVersion: 1,
    settings: { title: 'Customers', indexedFields: ['custNo'] },
    fields: [
      { key: 'custNo', type: 'text', label: '编码', required: true },
      { key: 'name', type: 'text', label: '名称', required: true, maxLength: 30 },
      { key: 'credit', type: 'money', label: '授信额度' },
      { key: 'since', type: 'date', label: '合作日期' },
    ],
  } as FormDefinition;
}

export const CUSTOMER_HEADERS = ['编码', '名称', '授信额度', '合作日期'];

export function customerRows(count: number, bad: number[] = []): unknown[][] {
  const rows: unknown[][] = [CUSTOMER_HEADERS];
  for (let i = 1; i <= count; i++)
    rows.push([
      `C${String(i).padStart(4, '0')}`,
      `客户${i}`,
      bad.includes(i) ? 'lots' : `¥${i},000`,
      `2024/1/${(i % 28) + 1}`,
    ]);
  return rows;
}
