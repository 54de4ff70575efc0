/** The order form's line items, the same for Formwork and the plain rjsf baseline. */
export interface BenchRow {
  sku: string;
  productName: string;
  qty: number;
  price: number;
  discount: number;
}

export function benchRows(count: number): BenchRow[] {
  return Array.from({ length: count }, (_, i) => ({
    sku: `SKU-${String(i).padStart(5, '0')}`,
    productName: `Part ${i}`,
    qty: 1 + (i % 9),
    price: 10 + (i % 50),
    discount: (i % 4) * 0.05,
  }));
}

export const MIDDLE_ROW = (count: number): number => Math.floor(count / 2);
