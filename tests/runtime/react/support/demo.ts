import { compileForm } from '../../../../runtime/core/index.ts';
import type { CompiledForm, FormDefinition } from '../../../../runtime/core/index.ts';
import salesOrder from '../../../../templates/demo/sales-order.json';

export function demoOrderForm(): CompiledForm {
  return compileForm(structuredClone(salesOrder) as unknown as FormDefinition);
}

export const threeItems = [
  { sku: 'A-1', productName: 'Bolt', qty: 2, price: 10, discount: 0 },
  { sku: 'A-2', productName: 'Nut', qty: 1, price: 5.5, discount: 0.1 },
  { sku: 'A-3', productName: 'Washer', qty: 10, price: 1, discount: 0 },
];
