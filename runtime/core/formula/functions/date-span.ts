/** Spans between dates (DATEDIF, DAYS, YEARFRAC) and weeks (WEEKDAY, WEEKNUM, ISOWEEKNUM). */
import { isFormulaError } from '../values.ts';
import type { FormulaError, Value } from '../values.ts';
import { fail, toNumber, toText } from './coerce.ts';
import { dayOfWeek, daysInMonth, isLeapYear, partsFromSerial, serialFromParts } from './date-serial.ts';
import type { DateParts } from './date-serial.ts';
import { toSerial } from './date.ts';
import { scalar } from './define.ts';
import type { FunctionSpec } from './types.ts';

const D = 'date' as const;
const N = 'number' as const;
const T = 'text' as const;
const ofDate = { group: 'date' as const, minArgs: 1, maxArgs: 1, argTypes: [D], returns: N };

export const DATE_SPAN_FUNCTIONS: FunctionSpec[] = [
  scalar(
    {
      group: 'date',
      name: 'DATEDIF',
      minArgs: 3,
      maxArgs: 3,
      argTypes: [D, D, T],
      returns: N,
      description: 'Difference of two dates in units Y, M, D, MD, YM or YD',
    },
    ([a, b, u]) => {
      const start = toSerial(a, 'DATEDIF');
      const end = toSerial(b, 'DATEDIF');
      const unit = toText(u);
      if (isFormulaError(start)) return start;
      if (isFormulaError(end)) return end;
      if (isFormulaError(unit)) return unit;
      if (Math.floor(start) > Math.floor(end))
        return fail('#NUM!', 'DATEDIF', 'start date is after end date');
      return dateDif(Math.floor(start), Math.floor(end), unit.toUpperCase());
    },
  ),
  scalar(
    {
      ...ofDate,
      name: 'WEEKDAY',
      maxArgs: 2,
      argTypes: [D, N],
      description: 'Day of the week: type 1 Sun=1…Sat=7, 2 Mon=1…Sun=7, 3 Mon=0…Sun=6, 11–17',
    },
    ([v, t = 1]) =>
      withDate(v, t, 'WEEKDAY', (serial, type) => {
        const dow = dayOfWeek(serial);
        if (type === 3) return (dow + 6) % 7;
        const start = weekStart(type === 1 ? 17 : type === 2 ? 11 : type);
        return start === null
          ? fail('#NUM!', 'WEEKDAY', `unknown return type ${type}`)
          : ((dow - start + 7) % 7) + 1;
      }),
  ),
  scalar(
    {
      ...ofDate,
      name: 'WEEKNUM',
      maxArgs: 2,
      argTypes: [D, N],
      description: 'Week of the year: type 1 weeks start Sunday, 2 Monday, 11–17, 21 ISO',
    },
    ([v, t = 1]) =>
      withDate(v, t, 'WEEKNUM', (serial, type) => {
        if (type === 21) return isoWeek(serial);
        const start = weekStart(type === 1 ? 17 : type === 2 ? 11 : type);
        if (start === null) return fail('#NUM!', 'WEEKNUM', `unknown return type ${type}`);
        const jan1 = serialFromParts(partsFromSerial(serial)!.year, 1, 1);
        return Math.floor((serial - jan1 + ((dayOfWeek(jan1) - start + 7) % 7)) / 7) + 1;
      }),
  ),
  scalar({ ...ofDate, name: 'ISOWEEKNUM', description: 'ISO 8601 week number of a date' }, ([v]) =>
    withDate(v, 1, 'ISOWEEKNUM', isoWeek),
  ),
  scalar(
    {
      group: 'date',
      name: 'DAYS',
      minArgs: 2,
      maxArgs: 2,
      argTypes: [D, D],
      returns: N,
      description: 'Number of days from start date to end date',
    },
    ([e, s]) => {
      const end = toSerial(e, 'DAYS');
      const start = toSerial(s, 'DAYS');
      if (isFormulaError(end)) return end;
      if (isFormulaError(start)) return start;
      return Math.floor(end) - Math.floor(start);
    },
  ),
  scalar(
    {
      group: 'date',
      name: 'YEARFRAC',
      minArgs: 2,
      maxArgs: 3,
      argTypes: [D, D, N],
      returns: N,
      description:
        'Fraction of a year between two dates (basis 0 US 30/360, 1 actual, 2 act/360, 3 act/365, 4 EU 30/360)',
    },
    ([a, b, basis = 0]) => {
      const start = toSerial(a, 'YEARFRAC');
      const end = toSerial(b, 'YEARFRAC');
      const n = toNumber(basis);
      if (isFormulaError(start)) return start;
      if (isFormulaError(end)) return end;
      if (isFormulaError(n)) return n;
      const kind = Math.trunc(n);
      if (kind < 0 || kind > 4) return fail('#NUM!', 'YEARFRAC', 'basis must be 0–4');
      const [s, e] = [Math.floor(start), Math.floor(end)].sort((x, y) => x - y);
      return yearFrac(s, e, kind);
    },
  ),
];

/** A date and an integer option (return type), both coerced. */
function withDate(
  v: Value,
  option: Value,
  fn: string,
  run: (serial: number, option: number) => number | FormulaError,
): number | FormulaError {
  const serial = toSerial(v, fn);
  const n = toNumber(option);
  if (isFormulaError(serial)) return serial;
  if (isFormulaError(n)) return n;
  return run(Math.floor(serial), Math.trunc(n));
}

/** Day a week starts on (0 = Sunday) for return types 11–17 (11 Monday … 17 Sunday). */
const weekStart = (type: number): number | null => (type >= 11 && type <= 17 ? (type - 10) % 7 : null);

function isoWeek(serial: number): number {
  const thursday = serial - ((dayOfWeek(serial) + 6) % 7) + 3;
  if (thursday < 1) return 52; // 1900-01-00 lies in week 52 of 1899
  const jan1 = serialFromParts(partsFromSerial(thursday)!.year, 1, 1);
  return Math.floor((thursday - jan1) / 7) + 1;
}

function dateDif(start: number, end: number, unit: string): number | FormulaError {
  const s = partsFromSerial(start)!;
  const e = partsFromSerial(end)!;
  const isDayShort = e.day < s.day;
  switch (unit) {
    case 'Y':
      return e.year - s.year - (e.month < s.month || (e.month === s.month && isDayShort) ? 1 : 0);
    case 'M':
      return (e.year - s.year) * 12 + e.month - s.month - (isDayShort ? 1 : 0);
    case 'D':
      return end - start;
    case 'MD':
      return isDayShort ? end - serialFromParts(e.year, e.month - 1, s.day) : e.day - s.day;
    case 'YM':
      return (e.month - s.month - (isDayShort ? 1 : 0) + 12) % 12;
    case 'YD': {
      const sameYear = serialFromParts(e.year, s.month, s.day);
      return end - (sameYear > end ? serialFromParts(e.year - 1, s.month, s.day) : sameYear);
    }
    default:
      return fail('#NUM!', 'DATEDIF', `unknown unit "${unit}"`);
  }
}

/** YEARFRAC by basis, following Excel's documented-by-testing rules (start ≤ end). */
function yearFrac(start: number, end: number, basis: number): number {
  const s = partsFromSerial(start)!;
  const e = partsFromSerial(end)!;
  const days = end - start;
  if (basis === 2) return days / 360;
  if (basis === 3) return days / 365;
  let [sd, ed] = [s.day, e.day];
  if (basis === 4)
    return ((e.year - s.year) * 360 + (e.month - s.month) * 30 + Math.min(ed, 30) - Math.min(sd, 30)) / 360;
  if (basis === 0) {
    const isLastOfFeb = (p: DateParts) => p.month === 2 && p.day === daysInMonth(p.year, 2);
    if (sd === 31 && ed === 31) [sd, ed] = [30, 30];
    else if (sd === 31) sd = 30;
    else if (sd === 30 && ed === 31) ed = 30;
    else if (isLastOfFeb(s) && isLastOfFeb(e)) [sd, ed] = [30, 30];
    else if (isLastOfFeb(s)) sd = 30;
    return ((e.year - s.year) * 360 + (e.month - s.month) * 30 + ed - sd) / 360;
  }
  const isWithinAYear =
    s.year === e.year ||
    (s.year + 1 === e.year && (s.month > e.month || (s.month === e.month && s.day >= e.day)));
  if (!isWithinAYear) {
    const years = e.year - s.year + 1;
    return days / ((serialFromParts(e.year + 1, 1, 1) - serialFromParts(s.year, 1, 1)) / years);
  }
  const mar1 = (y: number) => serialFromParts(y, 3, 1);
  const hasFeb29 =
    (s.year === e.year && isLeapYear(s.year)) ||
    (isLeapYear(s.year) && start < mar1(s.year)) ||
    (isLeapYear(e.year) && end >= mar1(e.year) && start < mar1(e.year)) ||
    (e.month === 2 && e.day === 29);
  return days / (hasFeb29 ? 366 : 365);
}
