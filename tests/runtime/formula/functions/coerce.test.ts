import { describe, expect, it } from 'vitest';
import {
  compareValues,
  epochToSerial,
  flatten,
  isoDateTimeToSerial,
  isoDateToSerial,
  numberToText,
  serialToEpoch,
  serialToISODate,
  serialToISODateTime,
  toBoolean,
  toNumber,
  toText,
  valuesEqual,
  wildcardMatch,
} from '../../../../runtime/core/formula/functions/index.ts';
import { FormulaError } from '../../../../runtime/core/formula/values.ts';
import { expectError, makeCtx } from './helpers.ts';

describe('toNumber', () => {
  it('reads blanks, booleans and numeric text like Excel arithmetic', () => {
    expect(toNumber(null)).toBe(0);
    expect(toNumber(true)).toBe(1);
    expect(toNumber(' 12 ')).toBe(12);
    expect(toNumber('1,234.5')).toBe(1234.5);
    expect(toNumber('-1e3')).toBe(-1000);
    expect(toNumber('50%')).toBe(0.5);
    expect(toNumber('$5')).toBe(5);
    expect(toNumber('(7)')).toBe(-7);
    expect(toNumber('.5')).toBe(0.5);
    expect(toNumber('2024-01-01')).toBe(45292);
    expect(toNumber('12:00')).toBe(0.5);
    expect(toNumber([3])).toBe(3);
  });

  it('rejects what Excel rejects (not JavaScript’s Number rules)', () => {
    for (const text of ['', ' ', 'abc', '0x10', 'Infinity', '1,23', 'TRUE', '1 2'])
      expectError(toNumber(text), '#VALUE!');
    expectError(toNumber([1, 2]), '#VALUE!');
    expectError(toNumber(new FormulaError('#N/A')), '#N/A');
  });
});

describe('toText and numberToText', () => {
  it('formats numbers as Excel General with 15 significant digits', () => {
    expect(toText(0.1 + 0.2)).toBe('0.3');
    expect(toText(1 / 3)).toBe('0.333333333333333');
    expect(toText(-0)).toBe('0');
    expect(toText(123456789)).toBe('123456789');
    expect(numberToText(1e15)).toBe('1E+15');
    expect(numberToText(1.5e-7)).toBe('1.5E-07');
    expect(numberToText(0.000001)).toBe('0.000001');
  });

  it('writes blanks and booleans Excel-style', () => {
    expect(toText(null)).toBe('');
    expect(toText(true)).toBe('TRUE');
    expect(toText(false)).toBe('FALSE');
  });
});

describe('toBoolean', () => {
  it('accepts numbers and TRUE/FALSE text in any case', () => {
    expect(toBoolean(0)).toBe(false);
    expect(toBoolean(-2)).toBe(true);
    expect(toBoolean('true')).toBe(true);
    expect(toBoolean('False')).toBe(false);
    expect(toBoolean(null)).toBe(false);
    expectError(toBoolean('yes'), '#VALUE!');
  });
});

describe('flatten', () => {
  it('flattens nested arrays in order and charges a step per element', () => {
    const ctx = makeCtx();
    expect(flatten([1, [2, [3, 4]], 5], ctx)).toEqual([1, 2, 3, 4, 5]);
    expect(ctx.steps).toBeGreaterThanOrEqual(5);
  });
});

describe('compareValues', () => {
  it('orders numbers < text < FALSE < TRUE, text ignoring case', () => {
    expect(compareValues(1, 'a')).toBe(-1);
    expect(compareValues('z', false)).toBe(-1);
    expect(compareValues(false, true)).toBe(-1);
    expect(compareValues('Apple', 'apple')).toBe(0);
    expect(compareValues('apple', 'Banana')).toBe(-1);
    expect(compareValues(2, 10)).toBe(-1);
    expect(compareValues('2', '10')).toBe(1);
  });

  it('compares blank as the other side’s empty value', () => {
    expect(valuesEqual(null, 0)).toBe(true);
    expect(valuesEqual(null, '')).toBe(true);
    expect(valuesEqual(null, false)).toBe(true);
    expect(compareValues(null, 1)).toBe(-1);
    expect(valuesEqual('a', 'A')).toBe(true);
    expect(valuesEqual(1, '1')).toBe(false);
  });

  it('matches wildcards case-insensitively', () => {
    expect(wildcardMatch('a*c', 'ABBC')).toBe(true);
    expect(wildcardMatch('a?c', 'abbc')).toBe(false);
    expect(wildcardMatch('100~%', '100%')).toBe(true);
    expect(wildcardMatch('what~?', 'what?')).toBe(true);
    expect(wildcardMatch('what~?', 'whatx')).toBe(false);
  });
});

describe('date serials ⇄ ISO', () => {
  it('converts dates both ways', () => {
    expect(isoDateToSerial('2024-01-01')).toBe(45292);
    expect(isoDateToSerial('1900-03-01')).toBe(61);
    expect(isoDateToSerial('1900-01-01')).toBe(1);
    expect(serialToISODate(45292)).toBe('2024-01-01');
    expect(serialToISODate(45292.75)).toBe('2024-01-01');
    expect(serialToISODate(1)).toBe('1900-01-01');
    expect(serialToISODate(61)).toBe('1900-03-01');
    expect(isoDateToSerial('2023-02-29')).toBeNull();
    expect(isoDateToSerial('2024-1-1')).toBeNull();
    expect(serialToISODate(-1)).toBeNull();
  });

  it('round-trips every day of 1900–2100', () => {
    for (let serial = 61; serial < 73_051; serial += 1) {
      expect(isoDateToSerial(serialToISODate(serial)!)).toBe(serial);
    }
  });

  it('converts wall-clock date-times and instants', () => {
    expect(isoDateTimeToSerial('2024-01-01T18:00')).toBe(45292.75);
    expect(isoDateTimeToSerial('2024-01-01T06:00:00')).toBe(45292.25);
    expect(serialToISODateTime(45292.75)).toBe('2024-01-01T18:00:00');
    expect(serialToISODateTime(45292.5 + 0.25 / 86400)).toBe('2024-01-01T12:00:00.250');
    expect(isoDateTimeToSerial('2024-01-01T10:00:00Z', 'Asia/Shanghai')).toBe(45292.75);
    expect(isoDateTimeToSerial('2024-01-01T10:00:00+08:00', 'UTC')).toBe(45292.083333333336);
    expect(isoDateTimeToSerial('2024-01-01T25:00')).toBeNull();
  });

  it('maps instants to wall-clock serials in a zone and back', () => {
    const instant = Date.UTC(2024, 6, 1, 12, 0, 0);
    const serial = epochToSerial(instant, 'America/New_York')!;
    expect(serialToISODateTime(serial)).toBe('2024-07-01T08:00:00');
    expect(serialToEpoch(serial, 'America/New_York')).toBe(instant);
    expect(epochToSerial(instant, 'No/Such_Zone')).toBeNull();
  });
});
