/**
 * Date and time functions over Excel serials. A date argument may be a serial or
 * a text that reads as a date ("2001/1/1", "2024-01-31"); negative or beyond
 * 9999-12-31 is #NUM!. TODAY/NOW read ctx.now on the wall clock of ctx.timeZone.
 */
import { isFormulaError } from '../values.ts';
import type { FormulaError, Value } from '../values.ts';
import { fail, toNumber } from './coerce.ts';
import {
  dateTimeFromSerial,
  daysInMonth,
  epochToSerial,
  MAX_SERIAL,
  MS_PER_DAY,
  partsFromSerial,
  serialFromParts,
} from './date-serial.ts';
import type { DateParts } from './date-serial.ts';
import { parseDateTimeText } from './date-text.ts';
import { numeric, scalar } from './define.ts';
import type { FunctionContext, FunctionSpec } from './types.ts';

/** A date argument as a serial: #VALUE! when not a date, #NUM! when out of Excel's range. */
export function toSerial(v: Value, fn: string): number | FormulaError {
  const n = toNumber(v);
  if (isFormulaError(n)) return n;
  return n < 0 || n >= MAX_SERIAL + 1 ? fail('#NUM!', fn, 'date out of range') : n;
}

/** A serial result, #NUM! outside 1900-01-00 … 9999-12-31. */
export const serialResult = (serial: number, fn: string): number | FormulaError =>
  serial < 0 || serial > MAX_SERIAL ? fail('#NUM!', fn, 'date out of range') : serial;

const D = 'date' as const;
const N = 'number' as const;
const T = 'text' as const;
const ofDate = { group: 'date' as const, minArgs: 1, maxArgs: 1, argTypes: [D], returns: N };

export const DATE_FUNCTIONS: FunctionSpec[] = [
  scalar(
    {
      group: 'date',
      name: 'TODAY',
      minArgs: 0,
      maxArgs: 0,
      argTypes: [],
      returns: D,
      isVolatile: true,
      description: "Today's date",
    },
    (_, ctx) => {
      const now = nowSerial(ctx, 'TODAY');
      return isFormulaError(now) ? now : Math.floor(now);
    },
  ),
  scalar(
    {
      group: 'date',
      name: 'NOW',
      minArgs: 0,
      maxArgs: 0,
      argTypes: [],
      returns: D,
      isVolatile: true,
      description: 'The current date and time',
    },
    (_, ctx) => nowSerial(ctx, 'NOW'),
  ),
  numeric(
    {
      group: 'date',
      name: 'DATE',
      minArgs: 3,
      maxArgs: 3,
      argTypes: [N, N, N],
      returns: D,
      description: 'The date of a year, month and day (overflow rolls over)',
    },
    ([y, m, d]) => {
      const year = Math.trunc(y);
      if (year < 0 || year > 9999) return fail('#NUM!', 'DATE', 'year must be between 0 and 9999');
      return serialResult(
        serialFromParts(year < 1900 ? year + 1900 : year, Math.trunc(m), Math.trunc(d)),
        'DATE',
      );
    },
  ),
  numeric(
    {
      group: 'date',
      name: 'TIME',
      minArgs: 3,
      maxArgs: 3,
      argTypes: [N, N, N],
      returns: N,
      description: 'The time of day of hours, minutes, seconds (as a day fraction)',
    },
    ([h, m, s]) => {
      const seconds = Math.trunc(h) * 3600 + Math.trunc(m) * 60 + Math.trunc(s);
      if (h >= 32768 || seconds < 0) return fail('#NUM!', 'TIME', 'time out of range');
      return (seconds % 86_400) / 86_400;
    },
  ),
  datePart('YEAR', 'Year of a date', (p) => p.year),
  datePart('MONTH', 'Month of a date (1–12)', (p) => p.month),
  datePart('DAY', 'Day of the month of a date (1–31)', (p) => p.day),
  timePart('HOUR', 'Hour of a time (0–23)', (t) => t.hour),
  timePart('MINUTE', 'Minute of a time (0–59)', (t) => t.minute),
  timePart('SECOND', 'Second of a time (0–59)', (t) => t.second),
  shifted('EDATE', 'The same day a number of months away (clamped to the month end)', (y, m, day) =>
    serialFromParts(y, m, Math.min(day, daysInMonth(y, m))),
  ),
  shifted('EOMONTH', 'The last day of the month a number of months away', (y, m) =>
    serialFromParts(y, m, daysInMonth(y, m)),
  ),
  scalar(
    {
      group: 'date',
      name: 'DATEVALUE',
      minArgs: 1,
      maxArgs: 1,
      argTypes: [T],
      returns: D,
      description: 'The date a text represents',
    },
    ([v]) => fromText(v, 'DATEVALUE', (serial) => Math.floor(serial)),
  ),
  scalar(
    {
      group: 'date',
      name: 'TIMEVALUE',
      minArgs: 1,
      maxArgs: 1,
      argTypes: [T],
      returns: N,
      description: 'The time of day a text represents (day fraction)',
    },
    ([v]) =>
      fromText(
        v,
        'TIMEVALUE',
        (serial) => Math.round((serial - Math.floor(serial)) * MS_PER_DAY) / MS_PER_DAY,
      ),
  ),
];

function nowSerial(ctx: FunctionContext, fn: string): number | FormulaError {
  const serial = epochToSerial(ctx.now ? ctx.now() : Date.now(), ctx.timeZone);
  return serial === null ? fail('#VALUE!', fn, `unknown time zone ${ctx.timeZone}`) : serial;
}

function datePart(name: string, description: string, pick: (p: DateParts) => number): FunctionSpec {
  return scalar({ ...ofDate, name, description }, ([v]) => {
    const serial = toSerial(v, name);
    return isFormulaError(serial) ? serial : pick(partsFromSerial(serial)!);
  });
}

function timePart(
  name: string,
  description: string,
  pick: (t: NonNullable<ReturnType<typeof dateTimeFromSerial>>) => number,
): FunctionSpec {
  return scalar({ ...ofDate, name, description }, ([v]) => {
    const serial = toSerial(v, name);
    if (isFormulaError(serial)) return serial;
    return pick(dateTimeFromSerial(serial - Math.floor(serial), 1000)!) % (name === 'HOUR' ? 24 : 60);
  });
}

function shifted(
  name: string,
  description: string,
  build: (y: number, m: number, day: number) => number,
): FunctionSpec {
  return scalar(
    { group: 'date', name, minArgs: 2, maxArgs: 2, argTypes: [D, N], returns: D, description },
    ([v, by]) => {
      const serial = toSerial(v, name);
      const months = toNumber(by);
      if (isFormulaError(serial)) return serial;
      if (isFormulaError(months)) return months;
      const p = partsFromSerial(serial)!;
      const index = p.year * 12 + p.month - 1 + Math.trunc(months);
      return serialResult(build(Math.floor(index / 12), (index % 12) + 1, p.day), name);
    },
  );
}

function fromText(v: Value, fn: string, pick: (serial: number) => number): number | FormulaError {
  if (typeof v !== 'string') return fail('#VALUE!', fn, 'expects a date text');
  const serial = parseDateTimeText(v);
  return serial === null ? fail('#VALUE!', fn, `"${v}" is not a date or time`) : pick(serial);
}
