import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../../schemas/form-definition.ts';
import { MAX_FIELD_ERRORS, compileForm, createRecordValidator } from '../../../runtime/core/index.ts';
import { salesOrder } from '../definition/fixtures/sales-order.ts';

function validOrder(): Record<string, unknown> {
  return {
    customer: 'ACME 有限公司',
    customerCode: '91350100M000100Y43',
    orderDate: '2024-11-26',
    contactPhone: '13800138000',
    contactEmail: 'buyer@example.com',
    status: 'confirmed',
    deliveryAddress: '福州市鼓楼区',
    items: [
      { sku: 'AB-0001', qty: 2, price: 10, discount: 0.1, amount: 18 },
      { sku: 'AB-0002', qty: 1, price: 5 },
    ],
    total: 23,
    files: [{ id: 'f1', name: 'po.pdf', size: 1200, type: 'application/pdf' }],
    tags: ['vip'],
    isUrgent: false,
  };
}

const compiled = compileForm(salesOrder());
const en = createRecordValidator(compiled, { locale: 'en' });
const zh = createRecordValidator(compiled, { locale: 'zh-CN' });

function withLabel(def: FormDefinition, key: string, label: string): FormDefinition {
  const column = (def.fields[5] as any).columns.find((candidate: any) => candidate.key === key);
  column.label = label;
  return def;
}

describe('createRecordValidator', () => {
  it('accepts a valid order', () => {
    expect(en.validate(validOrder())).toEqual([]);
  });

  it('reports a line-item error at items/<row>/<column> naming the label, in English and Chinese', () => {
    const zhForm = compileForm(withLabel(salesOrder(), 'qty', '数量'));
    const data = validOrder();
    (data.items as any[])[1].qty = 0;
    expect(en.validate(data)).toEqual([
      { path: 'items/1/qty', code: 'min', message: '"Quantity" must be at least 1' },
    ]);
    expect(createRecordValidator(zhForm, { locale: 'zh-CN' }).validate(data)).toEqual([
      { path: 'items/1/qty', code: 'min', message: '“数量”不能小于 1' },
    ]);
  });

  it('reports missing required fields with their labels', () => {
    const data = validOrder();
    delete data.customer;
    data.deliveryAddress = '   ';
    expect(en.validate(data)).toEqual([
      { path: 'customer', code: 'required', message: '"Customer" is required' },
      { path: 'deliveryAddress', code: 'required', message: '"Address" is required' },
    ]);
    expect(zh.validate(data).map((error) => error.message)).toEqual([
      '“Customer”为必填项',
      '“Address”为必填项',
    ]);
  });

  it('reports several field errors from one submission', () => {
    const data = validOrder();
    Object.assign(data, {
      customerCode: '91350100M000100Y44',
      contactPhone: '12345678901',
      contactEmail: 'not-an-address',
      orderDate: '2024-02-30',
      status: 'lost',
    });
    (data.items as any[])[0].price = 'ten';
    (data.items as any[])[1].sku = 'bad';
    expect(en.validate(data)).toEqual([
      {
        path: 'customerCode',
        code: 'uscc',
        message: '"Customer USCC" is not a valid unified social credit code',
      },
      { path: 'orderDate', code: 'date', message: '"Order date" must be a valid date (YYYY-MM-DD)' },
      {
        path: 'contactPhone',
        code: 'phone',
        message: '"Contact phone" must be a mainland China mobile number (11 digits)',
      },
      { path: 'status', code: 'option', message: '"Status" must be one of the listed options' },
      { path: 'contactEmail', code: 'email', message: '"Contact e-mail" must be a valid e-mail address' },
      { path: 'items/0/price', code: 'type', message: '"Unit price" must be a number' },
      { path: 'items/1/sku', code: 'pattern', message: '"SKU" is not in the expected format' },
    ]);
    expect(zh.validate(data).map((error) => error.message)).toEqual([
      '“Customer USCC”不是有效的统一社会信用代码',
      '“Order date”不是有效的日期（YYYY-MM-DD）',
      '“Contact phone”不是有效的手机号码（11 位）',
      '“Status”必须是列表中的选项',
      '“Contact e-mail”不是有效的电子邮箱地址',
      '“Unit price”必须是数字',
      '“SKU”格式不正确',
    ]);
  });

  it('flags a repeated value in a unique column, pointing at the earlier row', () => {
    const data = validOrder();
    (data.items as any[]).push({ sku: 'AB-0001', qty: 1, price: 1 });
    expect(en.validate(data)).toEqual([
      { path: 'items/2/sku', code: 'unique', message: '"SKU" must be unique: row 1 has the same value' },
    ]);
    expect(zh.validate(data)[0].message).toBe('“SKU”不能重复（与第 1 行相同）');
  });

  it('enforces the row limits of a table', () => {
    const empty = { ...validOrder(), items: [] };
    expect(en.validate(empty)).toEqual([
      { path: 'items', code: 'minRows', message: '"Items" needs at least 1 row' },
    ]);
    const rows = Array.from({ length: 201 }, (_, i) => ({
      sku: `AB-${String(i).padStart(4, '0')}`,
      qty: 1,
      price: 1,
    }));
    expect(en.validate({ ...validOrder(), items: rows })).toEqual([
      { path: 'items', code: 'maxRows', message: '"Items" allows at most 200 rows' },
    ]);
    expect(zh.validate({ ...validOrder(), items: rows })[0].message).toBe('“Items”最多 200 行');
  });

  it('rejects unknown keys, malformed rows and a non-object record', () => {
    const data: Record<string, unknown> = { ...validOrder(), hacker: 1, ['__proto__']: { isAdmin: true } };
    (data.items as any[]).push('row');
    (data.items as any[])[0].extra = true;
    expect(en.validate(data)).toEqual([
      { path: 'hacker', code: 'unknownField', message: '"hacker" is not a field of this form' },
      { path: '__proto__', code: 'unknownField', message: '"__proto__" is not a field of this form' },
      { path: 'items/0/extra', code: 'unknownField', message: '"extra" is not a field of this form' },
      { path: 'items/2', code: 'type', message: '"Items" row 3 is not a valid row' },
    ]);
    const parsed = JSON.parse('{"__proto__": {"isAdmin": true}, "constructor": 1}');
    expect(en.validate({ ...validOrder(), ...parsed }).map((error) => error.path)).toEqual([
      '__proto__',
      'constructor',
    ]);
    expect(en.validate([1, 2])).toMatchObject([{ path: '', code: 'type' }]);
  });

  it('skips hidden fields, hidden layout containers and hidden cells', () => {
    const data = validOrder();
    data.contactPhone = 'bad';
    delete data.deliveryAddress;
    (data.items as any[])[1].qty = 0;
    expect(en.validate(data, { hidden: new Set(['header', 'deliveryAddress', 'items/1/qty']) })).toEqual([]);
    expect(en.validate(data, { hidden: new Set(['items']) }).map((error) => error.path)).toEqual([
      'contactPhone',
      'deliveryAddress',
    ]);
  });

  it('adds requirements from rules', () => {
    const data = validOrder();
    expect(en.validate(data, { required: new Set(['remarks', 'items/1/discount']) })).toEqual([
      { path: 'items/1/discount', code: 'required', message: '"Discount" is required' },
      { path: 'remarks', code: 'required', message: '"Remarks" is required' },
    ]);
  });

  it('does not require computed fields and shows percent limits as percentages', () => {
    const data = validOrder();
    delete data.total;
    (data.items as any[])[0].discount = 1.5;
    expect(en.validate(data)).toEqual([
      { path: 'items/0/discount', code: 'max', message: '"Discount" must be at most 100%' },
    ]);
  });

  it('checks attachments: count and file size', () => {
    const file = { id: 'f', name: 'scan.pdf', size: 11 * 1024 * 1024, type: 'application/pdf' };
    expect(en.validate({ ...validOrder(), files: [file] })).toEqual([
      { path: 'files', code: 'fileSize', message: '"Files": file "scan.pdf" is larger than 10 MB' },
    ]);
    const many = Array.from({ length: 6 }, (_, i) => ({ ...file, id: `f${i}`, size: 1 }));
    expect(zh.validate({ ...validOrder(), files: many })).toEqual([
      { path: 'files', code: 'maxItems', message: '“Files”最多 5 项' },
    ]);
  });

  it('stops at MAX_FIELD_ERRORS and bounds row work by maxRows on a hostile payload', () => {
    const rows = Array.from({ length: 100_000 }, () => ({ sku: 1, qty: 'x', price: -1, junk: true }));
    const junk = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i]));
    const started = performance.now();
    const errors = en.validate({ ...junk, items: rows });
    expect(errors).toHaveLength(MAX_FIELD_ERRORS);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('reuses the compiled validators of a compiled form', () => {
    const again = createRecordValidator(compiled, { locale: 'en' });
    const data = validOrder();
    (data.items as any[])[1].qty = 0;
    expect(again.validate(data)).toEqual(en.validate(data));
  });
});
