/**
 * Each template fixture end to end: template → FormDefinition (valid, compiles) → inputs
 * filled into the runtime formula engine → every computed value equals what LibreOffice
 * computes for the same inputs typed into the original sheet.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type * as XLSX from '@e965/xlsx';
import { validateFormDefinition } from '../../../runtime/core/index.ts';
import type { Imported, Scenario } from './fixture-harness.ts';
import { compare, importFixture, runEngine, sheetWithInputs } from './fixture-harness.ts';
import { recalculate, requireLibreOffice } from './libreoffice.ts';

const FIXTURES: Record<string, Scenario[]> = {
  'sales-order-zh.xlsx': [
    {
      name: 'three lines at 13% VAT',
      fields: {
        orderNo: 'SO-20241126-0001',
        customerName: '上海华东精密机械有限公司',
        paymentMethod: '银行转账',
        taxRate: 0.13,
      },
      rows: [
        { productCode: 'P-1001', productName: '不锈钢六角螺栓', qty: 600, price: 0.86 },
        { productCode: 'P-1002', productName: '尼龙扎带', qty: 25, price: 12.5 },
        { productCode: 'P-2001', productName: '伺服电机', qty: 3, price: 1999.99 },
      ],
    },
    { name: '9% VAT, one line', fields: { taxRate: 0.09 }, rows: [{ qty: 7, price: 333.33 }] },
  ],
  'purchase-order-en.xlsx': [
    {
      name: 'discounted lines, shipping, named tax rate',
      fields: { poNumber: 'PO-2024-0457', shipping: 35, taxRate: 0.0825 },
      rows: [
        { description: 'Hex bolt M8x30 (box of 100)', qty: 10, unitPrice: 4.75, discount: 0.05 },
        { description: 'Servo drive 400W', qty: 3, unitPrice: 129, discount: 0 },
        { description: 'Cable ties 4x200', qty: 7, unitPrice: 15.99, discount: 0.1 },
      ],
    },
  ],
  'rma-en.xlsx': [
    {
      name: 'defective items pay the restocking fee',
      fields: { customer: 'Acme Retail', returnReason: 'Defective', restockingRate: 0.15 },
      rows: [
        { sku: 'SKU-100', qtyShipped: 5, qtyReturned: 2, unitPrice: 49.9, condition: 'Opened' },
        { sku: 'SKU-200', qtyShipped: 1, qtyReturned: 1, unitPrice: 320, condition: 'New / unopened' },
      ],
    },
    {
      name: 'damage in transit waives the fee',
      fields: { returnReason: 'Damaged in transit', restockingRate: 0.2 },
      rows: [{ qtyShipped: 4, qtyReturned: 4, unitPrice: 12.35 }],
    },
  ],
  'customer-master-zh.xlsx': [
    { name: 'credit left', fields: { customerNo: 'C0009', creditLimit: 500000, creditUsed: 123456.78 } },
    { name: 'over the limit', fields: { creditLimit: 100000, creditUsed: 100000.5 } },
  ],
  'price-list-zh.xlsx': [
    { name: 'gold, 600 pcs', fields: { standardPrice: 86, customerLevel: '金牌', orderQty: 600 } },
    { name: 'silver, 150 pcs', fields: { standardPrice: 12.5, customerLevel: '银牌', orderQty: 150 } },
    { name: 'standard, top tier', fields: { standardPrice: 38.8, customerLevel: '普通', orderQty: 5000 } },
    {
      name: 'standard, below the first tier',
      fields: { standardPrice: 3.33, customerLevel: '普通', orderQty: 99 },
    },
  ],
  'stock-out-zh.xls': [
    {
      name: 'two materials',
      fields: { stockOutNo: 'CK-20241126-003', customer: '成都双流装配厂' },
      rows: [
        { materialCode: 'M-01', qty: 12.5, price: 8.8 },
        { materialCode: 'M-02', qty: 3, price: 199 },
      ],
    },
  ],
};

describe('template fixtures against LibreOffice', () => {
  const imported = new Map<string, Imported>();
  const recalculated = new Map<string, XLSX.WorkBook>();
  let hasLibreOffice = false;

  beforeAll(async () => {
    hasLibreOffice = requireLibreOffice();
    for (const file of Object.keys(FIXTURES)) imported.set(file, await importFixture(file));
    if (!hasLibreOffice) return;
    const sheets = new Map<string, Buffer>();
    for (const [file, scenarios] of Object.entries(FIXTURES)) {
      scenarios.forEach((scenario, i) =>
        sheets.set(`${file.replace(/\W/g, '_')}_${i}`, sheetWithInputs(imported.get(file)!, scenario)),
      );
    }
    for (const [name, wb] of recalculate(sheets)) recalculated.set(name, wb);
  }, 240_000);

  for (const [file, scenarios] of Object.entries(FIXTURES)) {
    describe(file, () => {
      it('imports into a valid form that compiles', () => {
        const fixture = imported.get(file)!;
        expect(validateFormDefinition(fixture.definition)).toEqual([]);
        expect(
          fixture.compiled.formulaModel.fields.length + fixture.compiled.formulaModel.tables.length,
        ).toBeGreaterThan(3);
      });

      scenarios.forEach((scenario, i) => {
        it(`computes what LibreOffice computes: ${scenario.name}`, (ctx) => {
          if (!hasLibreOffice) ctx.skip();
          const fixture = imported.get(file)!;
          const state = runEngine(fixture, scenario);
          expect(state.getErrors()).toEqual([]);
          const sheet = recalculated.get(`${file.replace(/\W/g, '_')}_${i}`)!;
          const pairs = compare(fixture, scenario, state, sheet);
          expect(pairs.length).toBeGreaterThan(0);
          for (const { path, formwork, libreOffice } of pairs) {
            expect(libreOffice ?? null, `${path} in LibreOffice`).not.toBeNull();
            if (typeof libreOffice === 'number') expect(formwork, path).toBeCloseTo(libreOffice, 9);
            else expect(formwork, path).toEqual(libreOffice);
          }
        });
      });
    });
  }
});
