import { describe, expect, it } from 'vitest';
import { KeyRegistry, keyFromLabel } from '../../../builder/excel-import/keys.ts';
import { isReservedKey } from '../../../runtime/core/index.ts';

describe('#keyFromLabel', () => {
  it.each([
    ['客户名称', 'customerName'],
    ['订单编号', 'orderNo'],
    ['价税合计', 'grandTotal'],
    ['退货数量', 'returnQty'],
    ['Unit Price', 'unitPrice'],
    ['P.O. Number', 'poNumber'],
    ['Item #', 'itemNo'],
    ['Discount %', 'discount'],
    ['SKU编码', 'skuCode'],
  ])('%s → %s', (label, key) => {
    expect(keyFromLabel(label)).toBe(key);
  });

  it('gives up on words it does not know (no pinyin)', () => {
    expect(keyFromLabel('领料部门')).toBeNull();
    expect(keyFromLabel('2号仓')).toBeNull();
  });
});

describe('KeyRegistry', () => {
  it('keeps keys unique case-insensitively', () => {
    const keys = new KeyRegistry();
    expect([keys.claim('qty'), keys.claim('Qty'), keys.claim('qty')]).toEqual(['qty', 'Qty2', 'qty3']);
  });

  it('never hands out reserved keys: function names get a suffix, object members a fallback', () => {
    const keys = new KeyRegistry();
    expect(keys.claim('date')).toBe('dateField');
    expect(keys.claim('sum')).toBe('sumField');
    expect(keys.claim('constructor')).toBe('field_1');
    expect(keys.claim('__proto__')).toBe('field_2');
    expect(keys.claim(null)).toBe('field_3');
    expect(keys.claim('not an identifier')).toBe('field_4');
  });

  it('sanitises hostile labels into plain identifiers', () => {
    const keys = new KeyRegistry();
    const made = ['__proto__', 'constructor', '$where', 'prototype'].map((label) =>
      keys.claim(keyFromLabel(label)),
    );
    expect(made).toEqual(['proto', 'field_1', 'where', 'field_2']);
    for (const key of made) expect(isReservedKey(key)).toBe(false);
  });
});
