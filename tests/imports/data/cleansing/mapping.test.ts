import { describe, expect, it } from 'vitest';
import {
  autoMap,
  detectHeaderRow,
  normalizeHeader,
  similarity,
  type MappableField,
} from '../../../../builder/excel-import/cleansing/index.ts';

const fields: MappableField[] = [
  { name: 'orderNo', key: 'orderNo', label: '订单号' },
  { name: 'customer', key: 'customer', label: '客户' },
  { name: 'amount', key: 'amount', label: '金额' },
  { name: 'contactPhone', key: 'contactPhone', label: '联系电话' },
  { name: 'deliveryAddress', key: 'deliveryAddress', label: 'Delivery address' },
  { name: 'items.qty', key: 'qty', label: 'Quantity' },
];

describe('#autoMap', () => {
  it('matches exactly by key or label with confidence 1', () => {
    const [byLabel, byKey] = autoMap(['订单号', 'customer'], fields);
    expect(byLabel).toMatchObject({ field: 'orderNo', confidence: 1, method: 'exact' });
    expect(byKey).toMatchObject({ field: 'customer', confidence: 1, method: 'exact' });
  });

  it('matches normalised headers: width, case, spaces, * markers, colons and units', () => {
    const [a, b] = autoMap(['*金额(元)：', 'DELIVERY  ADDRESS'], fields);
    expect(a).toMatchObject({ field: 'amount', method: 'normalized', confidence: 0.95 });
    expect(b).toMatchObject({ field: 'deliveryAddress', method: 'normalized' });
  });

  it('matches through the alias list: 客户名称 → customer, 手机 → phone, 数量 → Quantity', () => {
    const result = autoMap(['客户名称', '手机', '数量'], fields);
    expect(result.map((m) => [m.field, m.method])).toEqual([
      ['customer', 'alias'],
      ['contactPhone', 'alias'],
      ['items.qty', 'alias'],
    ]);
  });

  it('matches fuzzily by label with a lower confidence', () => {
    const [m] = autoMap(['订单号码'], fields);
    expect(m.field).toBe('orderNo');
    expect(m.method).toBe('fuzzy');
    expect(m.confidence).toBeGreaterThan(0.4);
    expect(m.confidence).toBeLessThan(0.85);
  });

  it('gives each field to one column only, the most confident first', () => {
    const result = autoMap(['客户名称', '客户'], fields);
    expect(result[1]).toMatchObject({ field: 'customer', method: 'exact' });
    expect(result[0].field).toBeNull();
  });

  it('leaves unknown and blank headers unmapped', () => {
    const result = autoMap(['Zebra', ''], fields);
    expect(result.map((m) => m.field)).toEqual([null, null]);
  });

  it('treats hostile header names as plain text', () => {
    const result = autoMap(['__proto__', 'constructor', '$where'], fields);
    expect(result.map((m) => m.field)).toEqual([null, null, null]);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('#detectHeaderRow', () => {
  it('skips a title row and blank rows above the header', () => {
    const rows = [
      ['2024 年度销售订单汇总'],
      [],
      ['订单号', '客户', '金额', '备注'],
      ['SO-1', 'ACME', 12, ''],
      ['SO-2', 'Beta', 13, 'x'],
    ];
    expect(detectHeaderRow(rows, fields)).toBe(2);
  });

  it('takes the first row when it is the header', () => {
    expect(
      detectHeaderRow(
        [
          ['a', 'b', 'c'],
          [1, 2, 3],
        ],
        [],
      ),
    ).toBe(0);
  });

  it('prefers the row that names the form’s fields over a row of text data', () => {
    const rows = [
      ['说明：请勿修改表头', '', ''],
      ['订单号', '客户', '金额'],
      ['A-1', 'ACME', '12'],
    ];
    expect(detectHeaderRow(rows, fields)).toBe(1);
  });
});

describe('helpers', () => {
  it('normalises headers', () => {
    expect(normalizeHeader(' *Unit Price (USD)：')).toBe('unitprice');
    expect(normalizeHeader('金额（元）')).toBe('金额');
  });

  it('scores similarity by bigrams and containment', () => {
    expect(similarity('客户名称', '客户名称')).toBe(1);
    expect(similarity('客户名称', '客户')).toBeGreaterThan(0.5);
    expect(similarity('abc', 'xyz')).toBe(0);
  });
});
