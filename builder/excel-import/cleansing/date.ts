import { collapseSpaces, toHalfWidth } from './text.ts';
import { wallClockToUtc, type WallClock } from './time-zone.ts';
import { fail, ok, type CleanValue, type RuleResult } from './types.ts';

export interface DateOptions {
  /** IANA zone in which date-times without an offset were written; default UTC */
  timeZone?: string;
  /** how to read `03/05/2024`: day first or month first (default: month first, as Excel writes it) */
  order?: 'dmy' | 'mdy';
  /** `date` keeps the calendar date (`YYYY-MM-DD`, no zone); `datetime` gives an ISO instant in UTC */
  output: 'date' | 'datetime';
}

/** Excel serials from 1900-01-01 to 9999-12-31; the 1900 leap-year bug is absorbed by the 1899-12-30 epoch. */
const MAX_SERIAL = 2958465;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

const TIME = String.raw`(?:[T\s]*(?:(上午|下午)\s*)?(\d{1,2})[:时点](\d{1,2})分?(?::?(\d{1,2})(?:\.(\d{1,3}))?秒?)?\s*(am|pm)?)?\s*(Z|[+-]\d{2}:?\d{2})?`;
const YMD = new RegExp(String.raw`^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?${TIME}$`, 'i');
const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})${TIME}$`, 'i');
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * Reads a date or date-time. A calendar date stays a calendar date: `2024/3/5` is
 * `2024-03-05` whatever the zone. Date-times are wall-clock in `timeZone` converted to UTC,
 * unless they carry their own offset (`Z`, `+08:00`).
 */
export function parseDate(value: CleanValue, options: DateOptions): RuleResult {
  if (value === null) return ok(null);
  if (typeof value === 'boolean' || Array.isArray(value))
    return fail('date', 'notDate', { value: String(value) });
  if (typeof value === 'number') return fromSerial(value, options);
  const text = collapseSpaces(toHalfWidth(value));
  if (text === '') return ok(null);
  if (/^\d+(\.\d+)?$/.test(text) && !COMPACT.test(text)) return fromSerial(Number(text), options);
  const parts = readParts(text, options.order ?? 'mdy');
  if (!parts) return fail('date', 'notDate', { value: text });
  return finish(parts, options, text);
}

interface Parts extends WallClock {
  hasTime: boolean;
  offset: string | null;
}

function readParts(text: string, order: 'dmy' | 'mdy'): Parts | null {
  let m = YMD.exec(text);
  if (m) return withTime(+m[1], +m[2], +m[3], m.slice(4));
  m = YEAR_LAST.exec(text);
  if (m) {
    const [a, b] = [+m[1], +m[3]];
    // dots are European (05.03.2024 is 5 March); values over 12 decide by themselves
    const isDayFirst = a > 12 || (b <= 12 && (m[2] === '.' || order === 'dmy'));
    return withTime(+m[4], isDayFirst ? b : a, isDayFirst ? a : b, m.slice(5));
  }
  m = COMPACT.exec(text);
  if (m) return withTime(+m[1], +m[2], +m[3], []);
  return null;
}

function withTime(year: number, month: number, day: number, time: (string | undefined)[]): Parts {
  const [cjkMeridiem, h, mi, s, ms, latinMeridiem, offset] = time;
  const meridiem = cjkMeridiem ?? latinMeridiem;
  let hour = h === undefined ? 0 : +h;
  if (meridiem && /pm|下午/i.test(meridiem) && hour < 12) hour += 12;
  if (meridiem && /am|上午/i.test(meridiem) && hour === 12) hour = 0;
  return {
    year,
    month,
    day,
    hour,
    minute: mi === undefined ? 0 : +mi,
    second: s === undefined ? 0 : +s,
    millisecond: ms === undefined ? 0 : +ms.padEnd(3, '0'),
    hasTime: h !== undefined,
    offset: offset ?? null,
  };
}

function fromSerial(serial: number, options: DateOptions): RuleResult {
  if (!Number.isFinite(serial) || serial < 1 || serial > MAX_SERIAL)
    return fail('date', 'notDate', { value: String(serial) });
  const ms = Math.round((serial * DAY_MS) / 1000) * 1000;
  const d = new Date(EPOCH_1900 + ms);
  const parts: Parts = {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    hasTime: !Number.isInteger(serial),
    offset: null,
  };
  return finish(parts, options, String(serial));
}

function finish(p: Parts, options: DateOptions, original: string): RuleResult {
  if (!isRealDate(p)) return fail('date', 'notDate', { value: original });
  if (options.output === 'date') return ok(`${p.year}-${pad(p.month)}-${pad(p.day)}`);
  const wallAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond ?? 0);
  let epoch: number;
  if (p.offset) epoch = wallAsUtc - offsetMs(p.offset);
  else epoch = wallClockToUtc(p, options.timeZone ?? 'UTC');
  return ok(new Date(epoch).toISOString().replace('.000Z', 'Z'));
}

function isRealDate(p: Parts): boolean {
  if (p.month < 1 || p.month > 12 || p.day < 1 || p.hour > 23 || p.minute > 59 || p.second > 59) return false;
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day));
  return (
    d.getUTCFullYear() === p.year &&
    d.getUTCMonth() === p.month - 1 &&
    d.getUTCDate() === p.day &&
    p.year >= 1000
  );
}

function offsetMs(offset: string): number {
  if (offset.toUpperCase() === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(offset)!;
  return (m[1] === '-' ? -1 : 1) * (+m[2] * 60 + +m[3]) * 60_000;
}

const pad = (n: number) => String(n).padStart(2, '0');
