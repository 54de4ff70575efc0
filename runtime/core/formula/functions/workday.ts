/**
 * Working-day arithmetic: WORKDAY, NETWORKDAYS and their .INTL forms with a
 * weekend code (1 = Sat+Sun … 7 = Fri+Sat, 11 = Sun only … 17 = Sat only) or a
 * Monday-first mask like "0000011". Holidays are an array (or one date);
 * work is proportional to weeks/7 + holidays, not to the number of days.
 */
import { isFormulaError } from '../values.ts';
import type { FormulaError, Value } from '../values.ts';
import { fail, flatten, toNumber } from './coerce.ts';
import { dayOfWeek } from './date-serial.ts';
import { serialResult, toSerial } from './date.ts';
import { scalar } from './define.ts';
import type { FunctionContext, FunctionSpec } from './types.ts';

/** weekend[dow] (0 = Sunday) */
type Weekend = boolean[];

const SAT_SUN: Weekend = [true, false, false, false, false, false, true];
const D = 'date' as const;
const N = 'number' as const;

export const WORKDAY_FUNCTIONS: FunctionSpec[] = [
  scalar(
    {
      group: 'date',
      name: 'WORKDAY',
      minArgs: 2,
      maxArgs: 3,
      argTypes: [D, N, 'array'],
      returns: D,
      arrayArgs: [2],
      description: 'The date a number of working days away (Mon–Fri, skipping holidays)',
    },
    ([start, days, holidays = null], ctx) => workday('WORKDAY', start, days, SAT_SUN, holidays, ctx),
  ),
  scalar(
    {
      group: 'date',
      name: 'WORKDAY.INTL',
      minArgs: 2,
      maxArgs: 4,
      argTypes: [D, N, 'any', 'array'],
      returns: D,
      arrayArgs: [3],
      description: 'The date a number of working days away, with a custom weekend',
    },
    ([start, days, weekend = 1, holidays = null], ctx) => {
      const mask = weekendOf(weekend, 'WORKDAY.INTL');
      return isFormulaError(mask) ? mask : workday('WORKDAY.INTL', start, days, mask, holidays, ctx);
    },
  ),
  scalar(
    {
      group: 'date',
      name: 'NETWORKDAYS',
      minArgs: 2,
      maxArgs: 3,
      argTypes: [D, D, 'array'],
      returns: N,
      arrayArgs: [2],
      description: 'Number of working days between two dates, both included',
    },
    ([start, end, holidays = null], ctx) => networkdays('NETWORKDAYS', start, end, SAT_SUN, holidays, ctx),
  ),
  scalar(
    {
      group: 'date',
      name: 'NETWORKDAYS.INTL',
      minArgs: 2,
      maxArgs: 4,
      argTypes: [D, D, 'any', 'array'],
      returns: N,
      arrayArgs: [3],
      description: 'Number of working days between two dates, with a custom weekend',
    },
    ([start, end, weekend = 1, holidays = null], ctx) => {
      const mask = weekendOf(weekend, 'NETWORKDAYS.INTL');
      return isFormulaError(mask) ? mask : networkdays('NETWORKDAYS.INTL', start, end, mask, holidays, ctx);
    },
  ),
];

function workday(
  fn: string,
  startArg: Value,
  daysArg: Value,
  weekend: Weekend,
  holidaysArg: Value,
  ctx: FunctionContext,
): number | FormulaError {
  const start = toSerial(startArg, fn);
  const days = toNumber(daysArg);
  const holidays = holidayList(holidaysArg, weekend, fn, ctx);
  if (isFormulaError(start)) return start;
  if (isFormulaError(days)) return days;
  if (isFormulaError(holidays)) return holidays;
  const perWeek = weekend.filter((isOff) => !isOff).length;
  if (perWeek === 0) return fail('#VALUE!', fn, 'every day is a weekend day');
  const step = days < 0 ? -1 : 1;
  let remaining = Math.abs(Math.trunc(days));
  let day = Math.floor(start);
  while (remaining > 0) {
    ctx.tick();
    const weeks = Math.floor((remaining - 1) / perWeek);
    if (weeks > 0) {
      const next = day + step * 7 * weeks;
      remaining -=
        weeks * perWeek -
        countBetween(
          holidays,
          Math.min(day, next) + (step > 0 ? 1 : 0),
          Math.max(day, next) - (step > 0 ? 0 : 1),
        );
      day = next;
      continue;
    }
    day += step;
    if (day < 0) return fail('#NUM!', fn, 'date out of range');
    if (!weekend[dayOfWeek(day)] && countBetween(holidays, day, day) === 0) remaining--;
  }
  return serialResult(day, fn);
}

function networkdays(
  fn: string,
  startArg: Value,
  endArg: Value,
  weekend: Weekend,
  holidaysArg: Value,
  ctx: FunctionContext,
): number | FormulaError {
  const start = toSerial(startArg, fn);
  const end = toSerial(endArg, fn);
  const holidays = holidayList(holidaysArg, weekend, fn, ctx);
  if (isFormulaError(start)) return start;
  if (isFormulaError(end)) return end;
  if (isFormulaError(holidays)) return holidays;
  const [lo, hi] = [Math.floor(start), Math.floor(end)].sort((a, b) => a - b);
  const total = hi - lo + 1;
  let count = Math.floor(total / 7) * weekend.filter((isOff) => !isOff).length;
  for (let d = lo + Math.floor(total / 7) * 7; d <= hi; d++) if (!weekend[dayOfWeek(d)]) count++;
  count -= countBetween(holidays, lo, hi);
  return Math.floor(start) > Math.floor(end) ? -count : count;
}

/** Sorted distinct holidays that fall on working days. */
function holidayList(v: Value, weekend: Weekend, fn: string, ctx: FunctionContext): number[] | FormulaError {
  const days = new Set<number>();
  for (const h of Array.isArray(v) ? flatten(v, ctx) : [v]) {
    if (h === null) continue;
    const serial = toSerial(h, fn);
    if (isFormulaError(serial)) return serial;
    if (!weekend[dayOfWeek(serial)]) days.add(Math.floor(serial));
  }
  return [...days].sort((a, b) => a - b);
}

/** How many of the sorted days lie in [from, to]. */
function countBetween(sorted: number[], from: number, to: number): number {
  return from > to ? 0 : lowerBound(sorted, to + 1) - lowerBound(sorted, from);
}

function lowerBound(sorted: number[], x: number): number {
  let [lo, hi] = [0, sorted.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function weekendOf(v: Value, fn: string): Weekend | FormulaError {
  if (v === null) return SAT_SUN;
  if (typeof v === 'string') {
    if (!/^[01]{7}$/.test(v) || v === '1111111')
      return fail('#VALUE!', fn, `weekend mask "${v}" must be 7 digits 0/1, Monday first`);
    return Array.from({ length: 7 }, (_, dow) => v[(dow + 6) % 7] === '1');
  }
  const n = toNumber(v);
  if (isFormulaError(n)) return n;
  const code = Math.trunc(n);
  const off =
    code >= 1 && code <= 7 ? [(code + 5) % 7, (code + 6) % 7] : code >= 11 && code <= 17 ? [code - 11] : null;
  if (!off) return fail('#NUM!', fn, `unknown weekend code ${code}`);
  return Array.from({ length: 7 }, (_, dow) => off.includes(dow));
}
