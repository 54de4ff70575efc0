import { describe, expect, it } from 'vitest';
import { FormulaError } from '../../../../runtime/core/formula/values.ts';
import { call, callIn, expectError, makeCtx } from './helpers.ts';

describe('joining', () => {
  it('CONCATENATE converts numbers and booleans Excel-style', () => {
    expect(call('CONCATENATE', 'Stream population for ', 'brook trout', ' is ', 32, '/mile')).toBe(
      'Stream population for brook trout is 32/mile',
    );
    expect(call('CONCATENATE', 'a', 1.5, true, null)).toBe('a1.5TRUE');
    expect(call('CONCATENATE', 'x', 0.1 + 0.2)).toBe('x0.3');
  });

  it('CONCAT joins whole arrays, TEXTJOIN adds a delimiter (Excel docs)', () => {
    expect(call('CONCAT', ['a1', 'b1'], ['a2', 'b2'])).toBe('a1b1a2b2');
    expect(call('TEXTJOIN', ', ', true, ['US Dollar', 'Australian Dollar', '', 'Euro'])).toBe(
      'US Dollar, Australian Dollar, Euro',
    );
    expect(call('TEXTJOIN', '-', false, ['a', '', 'b'], 'c')).toBe('a--b-c');
    expect(call('TEXTJOIN', [',', ';'], true, ['a', 'b', 'c', 'd'])).toBe('a,b;c,d');
  });

  it('rejects results longer than 32,767 characters', () => {
    const long = 'x'.repeat(20_000);
    expectError(call('CONCATENATE', long, long), '#VALUE!');
    expectError(call('CONCAT', [long, long]), '#VALUE!');
  });
});

describe('slicing and searching', () => {
  it('LEFT, RIGHT, MID, LEN (Excel docs)', () => {
    expect(call('LEFT', 'Sale Price', 4)).toBe('Sale');
    expect(call('LEFT', 'Sweden')).toBe('S');
    expect(call('RIGHT', 'Sale Price', 5)).toBe('Price');
    expect(call('RIGHT', 'Stock Number')).toBe('r');
    expect(call('MID', 'Fluid Flow', 1, 5)).toBe('Fluid');
    expect(call('MID', 'Fluid Flow', 7, 20)).toBe('Flow');
    expect(call('MID', 'Fluid Flow', 20, 5)).toBe('');
    expect(call('LEN', 'Phoenix, AZ')).toBe(11);
    expect(call('LEN', '')).toBe(0);
    expect(call('LEN', 12.5)).toBe(4);
    expectError(call('LEFT', 'abc', -1), '#VALUE!');
    expectError(call('MID', 'abc', 0, 1), '#VALUE!');
  });

  it('FIND is case-sensitive (Excel docs)', () => {
    expect(call('FIND', 'M', 'Miriam McGovern')).toBe(1);
    expect(call('FIND', 'm', 'Miriam McGovern')).toBe(6);
    expect(call('FIND', 'M', 'Miriam McGovern', 3)).toBe(8);
    expectError(call('FIND', 'z', 'Miriam'), '#VALUE!');
    expectError(call('FIND', 'M', 'Miriam', 0), '#VALUE!');
  });

  it('SEARCH ignores case and supports ? * ~ wildcards (Excel docs)', () => {
    expect(call('SEARCH', 'e', 'Statements', 6)).toBe(7);
    expect(call('SEARCH', 'margin', 'Profit Margin')).toBe(8);
    expect(call('SEARCH', 'MARGIN', 'profit margin')).toBe(8);
    expect(call('SEARCH', 'p?o', 'Profit')).toBe(1);
    expect(call('SEARCH', 'f*t', 'Profit')).toBe(4);
    expect(call('SEARCH', '~?', 'Why? Because')).toBe(4);
    expect(call('SEARCH', '~*', 'a*b')).toBe(2);
    expectError(call('SEARCH', 'x', 'abc'), '#VALUE!');
  });

  it('SEARCH with many stars stays bounded by the step budget', () => {
    const ctx = makeCtx({ budget: 5_000 });
    const hay = 'a'.repeat(30_000);
    expect(() => callIn(ctx, 'SEARCH', '*a*a*a*a*a*b', hay)).toThrow('BudgetExceeded');
  });
});

describe('replacing', () => {
  it('SUBSTITUTE replaces all or the n-th occurrence (Excel docs)', () => {
    expect(call('SUBSTITUTE', 'Sales Data', 'Sales', 'Cost')).toBe('Cost Data');
    expect(call('SUBSTITUTE', 'Quarter 1, 2008', '1', '2', 1)).toBe('Quarter 2, 2008');
    expect(call('SUBSTITUTE', 'Quarter 1, 2011', '1', '2', 3)).toBe('Quarter 1, 2012');
    expect(call('SUBSTITUTE', 'Quarter 1, 2008', '1', '2', 3)).toBe('Quarter 1, 2008');
    expect(call('SUBSTITUTE', 'abc', '', 'x')).toBe('abc');
    expectError(call('SUBSTITUTE', 'abc', 'a', 'x', 0), '#VALUE!');
  });

  it('SUBSTITUTE charges a step per occurrence and refuses an oversized result early', () => {
    const ctx = makeCtx();
    expect(callIn(ctx, 'SUBSTITUTE', 'aa'.repeat(5000), 'a', '')).toBe('');
    expect(ctx.steps).toBeGreaterThan(10_000);
    expect(call('SUBSTITUTE', 'aa'.repeat(5000), 'aa', 'b')).toBe('b'.repeat(5000));
    expectError(call('SUBSTITUTE', 'a'.repeat(30_000), 'a', 'b'.repeat(3000)), '#VALUE!');
  });

  it('REPLACE swaps characters at a position (Excel docs)', () => {
    expect(call('REPLACE', 'abcdefghijk', 6, 5, '*')).toBe('abcde*k');
    expect(call('REPLACE', '2009', 3, 2, '10')).toBe('2010');
    expect(call('REPLACE', '123456', 1, 3, '@')).toBe('@456');
  });

  it('REPT repeats, refusing results over the cell limit before building them', () => {
    expect(call('REPT', '*-', 3)).toBe('*-*-*-');
    expect(call('REPT', 'ab', 0)).toBe('');
    expectError(call('REPT', 'x', 1e9), '#VALUE!');
    expectError(call('REPT', 'x', -1), '#VALUE!');
  });
});

describe('case and cleanup', () => {
  it('UPPER, LOWER, PROPER (Excel docs)', () => {
    expect(call('UPPER', 'total')).toBe('TOTAL');
    expect(call('LOWER', 'E. E. Cummings')).toBe('e. e. cummings');
    expect(call('PROPER', 'this is a TITLE')).toBe('This Is A Title');
    expect(call('PROPER', '2-way street')).toBe('2-Way Street');
    expect(call('PROPER', '76BudGet')).toBe('76Budget');
    expect(call('PROPER', "don't")).toBe("Don'T");
  });

  it('TRIM removes outer spaces and collapses inner runs, leaving other whitespace', () => {
    expect(call('TRIM', ' First Quarter Earnings ')).toBe('First Quarter Earnings');
    expect(call('TRIM', '  a   b  ')).toBe('a b');
    expect(call('TRIM', '\ta\u00a0 b')).toBe('\ta\u00a0 b');
  });

  it('CLEAN removes control characters, EXACT compares with case, T keeps only text', () => {
    expect(call('CLEAN', `${String.fromCharCode(9)}Monthly report${String.fromCharCode(10)}`)).toBe(
      'Monthly report',
    );
    expect(call('EXACT', 'word', 'word')).toBe(true);
    expect(call('EXACT', 'Word', 'word')).toBe(false);
    expect(call('T', 'Rainfall')).toBe('Rainfall');
    expect(call('T', 19)).toBe('');
    expect(call('T', true)).toBe('');
  });
});

describe('TEXT', () => {
  it('formats numbers next to Number.MAX_VALUE without overflowing (found by the fuzz test)', () => {
    expect(call('TEXT', -1.7976931348623151e308, '#,##0.00')).toMatch(
      /^-179,769,313,486,231,5\d\d(,\d{3})*\.00$/,
    );
    expect(call('ROUND', 1.7976931348623157e308, 2)).toBe(1.7976931348623157e308);
  });

  it('formats numbers with grouping, decimals, currency and percent (Excel docs)', () => {
    expect(call('TEXT', 1234.567, '#,##0.00')).toBe('1,234.57');
    expect(call('TEXT', 1234.567, '$#,##0.00')).toBe('$1,234.57');
    expect(call('TEXT', -1234.567, '$#,##0.00')).toBe('-$1,234.57');
    expect(call('TEXT', 1234.567, '0')).toBe('1235');
    expect(call('TEXT', 3.14159, '0.00')).toBe('3.14');
    expect(call('TEXT', 1.005, '0.00')).toBe('1.01');
    expect(call('TEXT', 0.285, '0.0%')).toBe('28.5%');
    expect(call('TEXT', 0.5, '0%')).toBe('50%');
    expect(call('TEXT', 1234567, '#,##0')).toBe('1,234,567');
    expect(call('TEXT', 0, '#,##0')).toBe('0');
    expect(call('TEXT', 123, '00000')).toBe('00123');
    expect(call('TEXT', 1234567, '000-0000')).toBe('123-4567');
    expect(call('TEXT', 0.5, '#.00')).toBe('.50');
    expect(call('TEXT', 2.5, '0.##')).toBe('2.5');
    expect(call('TEXT', 12345.678, '0.00E+00')).toBe('1.23E+04');
    expect(call('TEXT', 0.000123, '0.0E+00')).toBe('1.2E-04');
    expect(call('TEXT', 1234567, '0,')).toBe('1235');
    expect(call('TEXT', 1234567.891, '#,##0,,"M"')).toBe('1M');
    expect(call('TEXT', 5, '0 "items"')).toBe('5 items');
  });

  it('picks the positive;negative;zero;text section', () => {
    expect(call('TEXT', -5, '0;(0)')).toBe('(5)');
    expect(call('TEXT', 5, '0;(0)')).toBe('5');
    expect(call('TEXT', 0, '0;-0;"zero"')).toBe('zero');
    expect(call('TEXT', 'abc', '0;0;0;"<"@">"')).toBe('<abc>');
    expect(call('TEXT', 'abc', '0.00')).toBe('abc');
  });

  it('formats dates and times (Excel docs)', () => {
    expect(call('TEXT', 45292, 'yyyy-mm-dd')).toBe('2024-01-01');
    expect(call('TEXT', 45292, 'yyyy/m/d')).toBe('2024/1/1');
    expect(call('TEXT', 45296, 'yyyy"年"m"月"d"日"')).toBe('2024年1月5日');
    expect(call('TEXT', 45296, 'yyyy年m月d日')).toBe('2024年1月5日');
    expect(call('TEXT', 45292, 'dddd, mmmm d, yyyy')).toBe('Monday, January 1, 2024');
    expect(call('TEXT', 45292, 'ddd mmm dd yy')).toBe('Mon Jan 01 24');
    expect(call('TEXT', 0.75, 'hh:mm')).toBe('18:00');
    expect(call('TEXT', 45292.5, 'h:mm AM/PM')).toBe('12:00 PM');
    expect(call('TEXT', 0.25, 'h:mm a/p')).toBe('6:00 a');
    expect(call('TEXT', 0.5 + 1.234 / 86400, 'hh:mm:ss.00')).toBe('12:00:01.23');
    expect(call('TEXT', 1.5, '[h]:mm:ss')).toBe('36:00:00');
    expect(call('TEXT', 45292.999999, 'yyyy-mm-dd hh:mm:ss')).toBe('2024-01-02 00:00:00');
    expect(call('TEXT', '2024-01-31', 'yyyy/mm/dd')).toBe('2024/01/31');
  });

  it('copes with extreme numbers and masks', () => {
    expect(call('TEXT', 1e21, '0')).toBe('1000000000000000000000');
    expect((call('TEXT', 1e300, '0.' + '0'.repeat(200)) as string).length).toBe(502);
    expect(call('TEXT', 1.25, '0.' + '0'.repeat(150))).toBe('1.25' + '0'.repeat(148));
    expectError(call('TEXT', 1e308, '0%%%'), '#NUM!');
  });

  it('gives the same text whether its mask was parsed just now or cached', () => {
    const masks = Array.from({ length: 300 }, (_, i) => `0.${'0'.repeat(i % 7)} "#${i}"`);
    const first = masks.map((mask) => call('TEXT', 1234.5678, mask));
    expect(first[3]).toBe('1234.568 #3');
    expect(masks.map((mask) => call('TEXT', 1234.5678, mask))).toEqual(first);
    const long = `#,##0.00 "${'x'.repeat(400)}"`;
    expect(call('TEXT', -1234.5, long)).toBe(`-1,234.50 ${'x'.repeat(400)}`);
    expect(call('TEXT', -1234.5, long)).toBe(`-1,234.50 ${'x'.repeat(400)}`);
  });

  it('charges a step per mask character on every call, cached or not', () => {
    const steps = () => {
      const ctx = makeCtx();
      callIn(ctx, 'TEXT', 5, '#,##0.00');
      return ctx.steps;
    };
    expect(steps()).toBe(steps());
    expect(steps()).toBeGreaterThanOrEqual('#,##0.00'.length);
  });

  it('leaves booleans as TRUE/FALSE and formats blank as 0', () => {
    expect(call('TEXT', true, '0.00')).toBe('TRUE');
    expect(call('TEXT', null, '0.00')).toBe('0.00');
  });
});

describe('number ⇄ text conversions', () => {
  it('VALUE reads numbers, currency, percents, dates and times (Excel docs)', () => {
    expect(call('VALUE', '$1,000')).toBe(1000);
    expect(call('VALUE', '16:48:00') as number).toBeCloseTo(0.7, 12);
    expect((call('VALUE', '16:48:00') as number) - (call('VALUE', '12:00:00') as number)).toBeCloseTo(
      0.2,
      12,
    );
    expect(call('VALUE', '50%')).toBe(0.5);
    expect(call('VALUE', '(12)')).toBe(-12);
    expect(call('VALUE', '1.5e3')).toBe(1500);
    expect(call('VALUE', '2024-01-01')).toBe(45292);
    expectError(call('VALUE', 'abc'), '#VALUE!');
    expectError(call('VALUE', '0x10'), '#VALUE!');
  });

  it('NUMBERVALUE uses the given separators (Excel docs)', () => {
    expect(call('NUMBERVALUE', '2.500,27', ',', '.')).toBe(2500.27);
    expect(call('NUMBERVALUE', '3.5%')).toBe(0.035);
    expect(call('NUMBERVALUE', ' 1 234 ')).toBe(1234);
    expect(call('NUMBERVALUE', '')).toBe(0);
    expectError(call('NUMBERVALUE', '1.2.3'), '#VALUE!');
    expectError(call('NUMBERVALUE', '1,5.0,1'), '#VALUE!');
  });

  it('FIXED rounds and groups (Excel docs)', () => {
    expect(call('FIXED', 1234.567, 1)).toBe('1,234.6');
    expect(call('FIXED', 1234.567, -1)).toBe('1,230');
    expect(call('FIXED', -1234.567, -1, true)).toBe('-1230');
    expect(call('FIXED', 44.332)).toBe('44.33');
  });

  it('CHAR/CODE use Windows-1252, UNICHAR/UNICODE full Unicode', () => {
    expect(call('CHAR', 65)).toBe('A');
    expect(call('CHAR', 33)).toBe('!');
    expect(call('CHAR', 128)).toBe('€');
    expectError(call('CHAR', 0), '#VALUE!');
    expectError(call('CHAR', 256), '#VALUE!');
    expect(call('CODE', 'A')).toBe(65);
    expect(call('CODE', '!')).toBe(33);
    expect(call('CODE', '€')).toBe(128);
    expectError(call('CODE', ''), '#VALUE!');
    expect(call('UNICHAR', 66)).toBe('B');
    expect(call('UNICHAR', 0x1f600)).toBe('😀');
    expect(call('UNICODE', 'B')).toBe(66);
    expect(call('UNICODE', '😀')).toBe(0x1f600);
  });
});

describe('arrays and errors', () => {
  it('text functions lift over columns', () => {
    expect(call('UPPER', ['a', 'b'])).toEqual(['A', 'B']);
    expect(call('LEFT', ['apple', 'kiwi'], [1, 2])).toEqual(['a', 'ki']);
  });

  it('propagate error arguments', () => {
    expectError(call('LEN', new FormulaError('#N/A')), '#N/A');
    expectError(call('TEXT', new FormulaError('#DIV/0!'), '0'), '#DIV/0!');
  });
});
