import { describe, expect, it } from 'vitest';
import {
  changeCase,
  collapseSpaces,
  numberToText,
  parseNumber,
  shiftDecimal,
  toHalfWidth,
  trimText,
} from '../../../../builder/excel-import/cleansing/index.ts';

const value = (r: ReturnType<typeof parseNumber>) => (r.ok ? r.value : r.failure.code);

describe('text rules', () => {
  it('trims ASCII, no-break, ideographic and BOM spaces', () => {
    expect(trimText('\u3000 ACME\u00a0\t')).toBe('ACME');
    expect(trimText('\ufeffx')).toBe('x');
    expect(trimText('same')).toBe('same');
  });

  it('collapses runs of spaces inside the text', () => {
    expect(collapseSpaces('  北京   分公司 \n 二部 ')).toBe('北京 分公司 二部');
  });

  it('turns full-width letters, digits, punctuation and the ideographic space half-width', () => {
    expect(toHalfWidth('ＡＢＣ１２３，（）　＠')).toBe('ABC123,() @');
    expect(toHalfWidth('中文不变')).toBe('中文不变');
  });

  it('changes case: upper, lower, title', () => {
    expect(changeCase('acme ltd', 'upper')).toBe('ACME LTD');
    expect(changeCase('ACME Ltd', 'lower')).toBe('acme ltd');
    expect(changeCase('john SMITH-jones', 'title')).toBe('John Smith-Jones');
  });

  it('writes numbers as text without float noise', () => {
    expect(numberToText(0.1 + 0.2)).toBe('0.3');
    expect(numberToText(13800138000)).toBe('13800138000');
  });
});

describe('number parsing', () => {
  it.each([
    ['1,234.50', 1234.5],
    ['¥1,234', 1234],
    ['￥ 99.9', 99.9],
    ['$1,000,000', 1000000],
    ['1234元', 1234],
    ['RMB 12', 12],
    ['3.5万', 35000],
    ['1.23万', 12300],
    ['1.2亿', 120000000],
    ['12.5%', 0.125],
    ['(1,234.5)', -1234.5],
    ['-¥20', -20],
    ['１２３．５', 123.5],
    ['1e3', 1000],
    [42, 42],
  ])('reads %j as %j', (input, expected) => {
    expect(value(parseNumber(input))).toBe(expected);
  });

  it('reads empty text and a lone dash as no value', () => {
    expect(value(parseNumber(''))).toBe(null);
    expect(value(parseNumber('-'))).toBe(null);
    expect(value(parseNumber(null))).toBe(null);
  });

  it('refuses text that is not a number, and misplaced thousands separators', () => {
    expect(value(parseNumber('abc'))).toBe('notNumber');
    expect(value(parseNumber('12,34'))).toBe('notNumber');
    expect(value(parseNumber('1.2.3'))).toBe('notNumber');
    expect(value(parseNumber(true))).toBe('notNumber');
  });

  it('reads a decimal comma when asked', () => {
    expect(value(parseNumber('1.234,56', { decimalSeparator: ',' }))).toBe(1234.56);
  });

  it('shifts the decimal point in the text, exactly', () => {
    expect(shiftDecimal('1.23', 4)).toBe('12300');
    expect(shiftDecimal('12.5', -2)).toBe('0.125');
    expect(shiftDecimal('1', -3)).toBe('0.001');
    expect(shiftDecimal('-0.5', 4)).toBe('-5000');
  });
});
