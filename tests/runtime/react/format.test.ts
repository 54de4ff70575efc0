import { describe, expect, it } from 'vitest';
import {
  displayValue,
  formatNumber,
  isPngDataUrl,
  isPreviewable,
  parseNumberText,
} from '../../../runtime/react/index.ts';
import { demoOrderForm } from './support/demo.ts';

describe('number formatting', () => {
  it('groups thousands and fixes decimals', () => {
    expect(formatNumber(1234567.891, { precision: 2, isGrouped: true })).toBe('1,234,567.89');
    expect(formatNumber(-1234.5, { precision: 2, isGrouped: true })).toBe('-1,234.50');
    expect(formatNumber(0.1 + 0.2, { isGrouped: false })).toBe('0.3');
  });

  it('shows money with its currency and percent ×100', () => {
    const { fields } = demoOrderForm();
    expect(displayValue(fields.total, 12345.6, 'en')).toBe('¥12,345.60');
    expect(displayValue(fields.taxRate, 0.13, 'en')).toBe('13.00%');
    expect(displayValue(fields.paymentTerms, 'net30', 'zh-CN')).toBe('月结30天');
  });

  it('parses typed numbers; junk is undefined, blank is null', () => {
    expect(parseNumberText('1,234.5', false)).toBe(1234.5);
    expect(parseNumberText('12.5', true)).toBe(0.125);
    expect(parseNumberText('', false)).toBeNull();
    expect(parseNumberText('1.2.3', false)).toBeUndefined();
  });
});

describe('safe previews', () => {
  it('previews only png/jpeg/gif from same-origin or http(s) URLs', () => {
    const file = (type: string) => ({ id: '1', name: 'f', size: 1, type });
    expect(isPreviewable(file('image/png'), '/api/v1/blobs/1')).toBe(true);
    expect(isPreviewable(file('image/svg+xml'), '/api/v1/blobs/1')).toBe(false);
    expect(isPreviewable(file('image/png'), 'javascript:alert(1)')).toBe(false);
    expect(isPreviewable(file('image/png'), '//evil.example/x.png')).toBe(false);
  });

  it('shows a stored signature only when it is a PNG data URL', () => {
    expect(isPngDataUrl('data:image/png;base64,iVBORw0KGgo=')).toBe(true);
    expect(isPngDataUrl('javascript:alert(1)')).toBe(false);
    expect(isPngDataUrl('data:image/svg+xml;base64,PHN2Zz4=')).toBe(false);
  });
});
