import { describe, expect, it } from 'vitest';
import { inferFieldType } from '../../../builder/excel-import/infer-types.ts';
import { readNumberFormat } from '../../../builder/excel-import/number-format.ts';
import type { TemplateCell } from '../../../builder/excel-import/sheet-model.ts';

const cell = (v: TemplateCell['v'], z?: string): TemplateCell => ({
  r: 0,
  c: 0,
  v,
  t: v === null ? 'z' : typeof v === 'number' ? 'n' : typeof v === 'boolean' ? 'b' : 's',
  ...(z ? { z } : {}),
});

describe('#readNumberFormat', () => {
  it.each([
    ['General', { kind: 'general' }],
    ['0.00%', { kind: 'percent', precision: 2 }],
    ['0%', { kind: 'percent', precision: 0 }],
    ['[$¥-804]#,##0.00', { kind: 'money', precision: 2, currency: 'CNY' }],
    ['"¥"#,##0.00', { kind: 'money', precision: 2, currency: 'CNY' }],
    ['$#,##0.00_);($#,##0.00)', { kind: 'money', precision: 2, currency: 'USD' }],
    ['[$€-407] #,##0', { kind: 'money', precision: 0, currency: 'EUR' }],
    ['yyyy\\-mm\\-dd', { kind: 'date' }],
    ['yyyy"-"mm"-"dd', { kind: 'date' }],
    ['m/d/yy h:mm', { kind: 'datetime' }],
    ['#,##0.000', { kind: 'number', precision: 3, hasThousands: true }],
    ['@', { kind: 'text' }],
  ])('%s', (code, expected) => {
    expect(readNumberFormat(code)).toMatchObject(expected);
  });
});

describe('#inferFieldType', () => {
  it('prefers a validation list, then the number format', () => {
    expect(
      inferFieldType({ label: '付款方式', options: [{ value: '现金', label: '现金' }], isColumn: false })
        .type,
    ).toBe('select');
    expect(inferFieldType({ label: '交货', cell: cell(null, 'yyyy-mm-dd'), isColumn: false })).toMatchObject({
      type: 'date',
      because: 'number format',
    });
    expect(inferFieldType({ label: 'Tax Rate', cell: cell(0.0825, '0.00%'), isColumn: false })).toMatchObject(
      { type: 'percent', precision: 2 },
    );
  });

  it('reads header words: 数量/qty, 单价/price, 金额/amount, 日期/date, 折扣/discount, 税率', () => {
    expect(inferFieldType({ label: '数量', isColumn: true }).type).toBe('number');
    expect(inferFieldType({ label: 'Qty', isColumn: true }).type).toBe('number');
    expect(inferFieldType({ label: '单价', isColumn: true })).toMatchObject({ type: 'money', precision: 2 });
    expect(inferFieldType({ label: 'Amount', isColumn: true }).type).toBe('money');
    expect(inferFieldType({ label: '日期', isColumn: false }).type).toBe('date');
    expect(inferFieldType({ label: '折扣', isColumn: true }).type).toBe('percent');
    expect(inferFieldType({ label: '税率', isColumn: false }).type).toBe('percent');
    expect(inferFieldType({ label: '税额', isColumn: false }).type).toBe('money');
    expect(inferFieldType({ label: '统一社会信用代码', isColumn: false }).type).toBe('uscc');
    expect(inferFieldType({ label: '备注', isColumn: false }).type).toBe('textarea');
    expect(inferFieldType({ label: '备注', isColumn: true }).type).toBe('text');
  });

  it('lets a money hint refine a plain number format', () => {
    expect(inferFieldType({ label: '金额', cell: cell(0, '#,##0.00'), isColumn: true })).toMatchObject({
      type: 'money',
      precision: 2,
    });
  });

  it('falls back to sample values, keeping codes with leading zeros as text', () => {
    expect(
      inferFieldType({ label: 'x', cell: cell('12.50'), samples: [cell('1,200')], isColumn: true }).type,
    ).toBe('number');
    expect(inferFieldType({ label: 'x', cell: cell('00123'), isColumn: true }).type).toBe('text');
    expect(inferFieldType({ label: 'x', cell: cell('a@b.cn'), isColumn: true }).type).toBe('email');
    expect(inferFieldType({ label: 'x', cell: cell('13800138000'), isColumn: true }).type).toBe('number');
    expect(inferFieldType({ label: 'x', cell: cell(null), isColumn: true })).toMatchObject({
      type: 'text',
      because: 'default',
    });
  });

  it('takes the currency from a bracketed unit', () => {
    expect(inferFieldType({ label: '金额', unit: '元', isColumn: true })).toMatchObject({
      type: 'money',
      currency: 'CNY',
    });
    expect(
      inferFieldType({ label: 'Weight', unit: 'kg', cell: cell(2.5, '0.0'), isColumn: true }),
    ).toMatchObject({ type: 'number', unit: 'kg' });
  });
});
